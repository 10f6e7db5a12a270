import ArgumentParser
import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights

struct InsightsCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Patterns across your search: the funnel, where you are cut, recurring themes.",
        discussion: """
            Percentages appear only from \(Share.minimumForPercent) applications in a group; below \
            that, NextYes says "too few to tell yet" and shows the counts.

            Examples:
              nextyes insights
              nextyes insights --json
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print the full report as JSON.") var json = false

    func run(workspace: Workspace) async throws {
        let report = try await workspace.insights.report()
        if json {
            Console.out(try Console.json(report))
            return
        }
        guard report.funnel.sent > 0 else {
            Console.out("No sent applications yet. Insights appear as your record grows: add applications, and log rejections and feedback as they come.")
            return
        }
        let titles = try await workspace.insights.titles(for: report)
        var lines = ["Funnel (by furthest stage reached, \(report.funnel.sent) sent):"]
        for step in report.funnel.steps {
            var line = "  \(step.stage.title.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(step.reached).leftPadded(4))"
            if let text = step.conversionText { line += "   \(text)" }
            lines.append(line)
        }
        lines.append("Heard back: \(report.summary.heardBackShare). Reached an interview: \(report.summary.interviewShare). Offers: \(report.summary.offers).")
        lines.append("")
        lines.append("Where you are cut (\(report.cuts.total) rejections and no-replies):")
        for point in CutPoint.allCases { lines.append("  \(point.title): \(report.cuts.share(point))") }
        if let dominant = report.cuts.dominant { lines.append("  What helps: \(dominant.advice)") }
        lines.append("")
        lines.append("In your control or not: \(report.control.reading)")
        lines.append("")
        if report.recurringImprovements.isEmpty && report.recurringStrengths.isEmpty {
            lines.append("No recurring themes yet: they appear once the same theme shows up for two applications.")
        }
        for (heading, themes) in [("Recurring themes to work on:", report.recurringImprovements), ("Strengths others keep seeing:", report.recurringStrengths)] where !themes.isEmpty {
            lines.append(heading)
            for theme in themes {
                lines.append("  \(theme.theme.title), in \(theme.applicationIDs.count) applications:")
                for evidence in theme.evidence.prefix(4) {
                    lines.append("    \"\(evidence.text)\" (\(titles[evidence.applicationID] ?? "#\(evidence.applicationID)"))")
                }
            }
        }
        for low in report.lowRatings {
            lines.append(String(format: "Low self-rating: %@, average %.1f over %d interviews. %@", low.part.title, low.average, low.ratings, low.part.advice))
        }
        lines.append("")
        lines.append("By source (sent · heard back · interview · no reply):")
        for row in report.sources {
            lines.append("  \(row.title): \(row.applications) · \(row.responses) · \(row.interviews) · \(row.ghosted)")
        }
        Console.out(lines.joined(separator: "\n"))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
