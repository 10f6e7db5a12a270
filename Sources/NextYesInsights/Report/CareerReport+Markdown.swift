import Foundation
import NextYesCore

extension CareerReport {
    /// The report as Markdown, charts as tables.
    public func markdown() -> String {
        var out: [String] = []
        out.append("# \(title)")
        if let name { out.append("\n*For \(Self.escape(name)).*") }
        out.append("\n## Summary\n")
        out.append(overview.sentence)
        out.append("")
        out.append("| | |\n|---|---|")
        out.append("| Applications sent | \(overview.applicationsSent) |")
        out.append("| Heard back | \(overview.responses) |")
        out.append("| Reached an interview | \(overview.interviews) |")
        out.append("| Offers | \(overview.offers) |")
        out.append("| No's | \(overview.rejections) |")
        out.append("| Networking conversations | \(overview.conversations) |")
        out.append("| Learning hours | \(Hours.number(overview.learningHours)) |")
        if let funnel {
            out.append("\n## How far applications got\n")
            out.append("Each application counted at the furthest stage it reached, even if it ended in a no.\n")
            out.append("| Stage | Reached | From the stage before |\n|---|---|---|")
            for step in funnel { out.append("| \(step.stage) | \(step.reached) | \(step.conversion ?? "") |") }
        }
        if let cuts {
            out.append("\n## Where the rejections came\n")
            out.append(cuts.reading)
            out.append("")
            for cut in cuts.items { out.append("- **\(cut.point)**: \(cut.count) — \(cut.named(Self.escape))") }
            if let advice = cuts.advice { out.append("\nWhat helps: \(advice)") }
        }
        if let themes {
            out.append("\n## What the feedback keeps saying\n")
            for theme in themes {
                out.append("### \(theme.theme) (\(theme.kind), \(theme.applications) applications)\n")
                for quote in theme.quotes { out.append("> \(Self.escape(quote.text))\n>\n> — \(Self.escape(quote.application)), \(quote.source)\n") }
            }
        }
        if let control {
            out.append("\n## In your hands, or not\n")
            out.append(control.reading)
            out.append("\n" + control.categories.map { "- \($0)" }.joined(separator: "\n"))
        }
        if let skills {
            out.append("\n## Skills the postings ask for\n")
            out.append("| Skill | Demand | In these applications |\n|---|---|---|")
            for line in skills { out.append("| \(Self.escape(line.skill)) | \(line.summary) | \(line.applications.map(Self.escape).joined(separator: "; ")) |") }
        }
        if let plan {
            out.append("\n## Development plan\n")
            for goal in plan { out.append("- \(Self.escape(goal.title)): \(goal.status), \(goal.progress)% of planned hours (\(Hours.text(goal.hours))), by \(goal.deadline.readable)") }
        }
        if let momentum {
            out.append("\n## Week by week\n")
            // Conversations get a column only when there were any.
            if momentum.contains(where: { $0.conversations > 0 }) {
                out.append("| Week of | Applications | Conversations |\n|---|---|---|")
                for week in momentum { out.append("| \(week.weekStart.readable) | \(week.applications) | \(week.conversations) |") }
            } else {
                out.append("| Week of | Applications |\n|---|---|")
                for week in momentum { out.append("| \(week.weekStart.readable) | \(week.applications) |") }
            }
        }
        if let winGroups {
            out.append("\n## Wins\n")
            for group in winGroups {
                let latest = group.examples.map { "\($0.on.readable): \(Self.escape($0.title))" }.joined(separator: "; ")
                out.append("- **\(group.title)**: \(group.summary)." + (group.count > 1 ? " Latest: \(latest)" + (group.count > group.examples.count ? "; and \(group.count - group.examples.count) more." : ".") : " \(latest)."))
            }
        }
        if let wellbeing {
            out.append("\n## How you felt\n")
            out.append("Average mood by week (1 to 10), from your check-ins. Included because you chose to.\n")
            out.append("| Week of | Mood |\n|---|---|")
            for week in wellbeing { out.append("| \(week.weekStart.readable) | \(week.average.map { String(format: "%.1f", $0) } ?? "—") |") }
        }
        out.append("\n## Next three steps\n")
        for (index, action) in nextActions.enumerated() { out.append("\(index + 1). \(action)") }
        out.append("\n---\nMade by NextYes from your own record.")
        return out.joined(separator: "\n") + "\n"
    }

    /// Text from the person's own record can't start Markdown it didn't mean.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text.replacingOccurrences(of: "\n", with: " ") {
            if "\\`*_{}[]<>#|!".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
