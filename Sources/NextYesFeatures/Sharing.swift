import Foundation
import NextYesCore
import NextYesInsights

/// What a coach sees of one scope a seeker shared: a title and Markdown, made here once for every
/// surface. Nothing from the journal, mood, care or crisis information is ever part of it (the
/// report is made without its wellbeing section, whatever the seeker's own setting).
public struct SharedPage: Sendable, Hashable, Codable {
    public var scope: SharingScope
    public var title: String
    public var markdown: String
}

extension Workspace {
    public func shared(_ scope: SharingScope) async throws -> SharedPage {
        switch scope {
        case .applications:
            let all = try await applications.all()
            var lines = ["| Company | Role | Stage | Outcome | Applied |", "|---|---|---|---|---|"]
            for app in all.sorted(by: { ($0.details.appliedOn ?? today) > ($1.details.appliedOn ?? today) }) {
                lines.append("| \(Self.cell(app.company)) | \(Self.cell(app.role)) | \(app.stage.title) | \(app.outcome.rawValue) | \(app.details.appliedOn?.description ?? "—") |")
            }
            return SharedPage(scope: scope, title: "Applications",
                              markdown: all.isEmpty ? "No applications yet." : "\(all.count) application\(all.count == 1 ? "" : "s").\n\n" + lines.joined(separator: "\n"))
        case .report:
            var report = try await reports.career()
            report.wellbeing = nil
            return SharedPage(scope: scope, title: "Report", markdown: report.markdown())
        case .insights:
            let report = try await insights.report()
            var lines = ["## Funnel", ""]
            for step in report.funnel.steps { lines.append("- \(step.stage.title): \(step.caption)") }
            lines += ["", "## Recurring feedback", ""]
            let themes = report.recurringImprovements.map { ("to work on", $0) } + report.recurringStrengths.map { ("strength", $0) }
            if themes.isEmpty { lines.append("No theme has come back in feedback yet.") }
            for (kind, theme) in themes {
                lines.append("- \(theme.theme.title) (\(kind)): in \(theme.applicationIDs.count) applications")
            }
            return SharedPage(scope: scope, title: "Insights", markdown: lines.joined(separator: "\n"))
        case .plan:
            let goals = try await plan.goals()
            let lines = goals.map { goal in
                "- **\(goal.title)** (\(goal.status.rawValue)): \(goal.measure), by \(goal.deadline), \(goal.weeklyHours) h a week, \(String(format: "%.1f", goal.hoursLogged)) h logged"
            }
            return SharedPage(scope: scope, title: "Plan", markdown: goals.isEmpty ? "No goals in the plan yet." : lines.joined(separator: "\n"))
        case .practice:
            let sessions = try await practice.all()
            let lines = sessions.map { session in
                let ratings = session.ratings.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)/5" }.joined(separator: ", ")
                return "- \(session.on): \(session.questionID)\(ratings.isEmpty ? "" : " (\(ratings))")"
            }
            return SharedPage(scope: scope, title: "Practice", markdown: sessions.isEmpty ? "No practice sessions yet." : lines.joined(separator: "\n"))
        }
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

/// One person on a coach's caseload: what they shared, and a few lines about their search drawn
/// only from what they shared (their week and recent no's from the applications, recurring
/// feedback themes from the insights).
public struct CaseloadEntry: Sendable, Hashable {
    public var grant: SharingGrant
    public var week: WeekProgress?
    public var lastActivity: Day?
    /// "A no from Relecloud for Data Analyst, after the interview (13 Nov)", newest first.
    public var recentNos: [String]
    /// Feedback themes to work on that came back more than once.
    public var themes: [String]
}

extension Workspace {
    /// The caseload lines for a seeker, limited to the scopes shared.
    func caseloadLines(scopes: [SharingScope]) async throws -> (week: WeekProgress?, last: Day?, nos: [String], themes: [String]) {
        var week: WeekProgress?, last: Day?, nos: [String] = [], themes: [String] = []
        if scopes.contains(.applications) {
            week = try await momentum.weeklyProgress(today: today, weeks: 1).thisWeek
            let all = try await applications.all()
            last = all.map(\.lastActivityOn).max()
            let titles = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
            let since = today.adding(days: -30)
            nos = try await applications.rejections().filter { $0.on >= since }.sorted { $0.on > $1.on }.prefix(3).compactMap { rejection in
                guard let app = titles[rejection.applicationID] else { return nil }
                return "A no from \(app.company) for \(app.role), at \(rejection.stageReached.title.lowercased()) (\(rejection.on.readable))"
            }
        }
        if scopes.contains(.insights) {
            themes = try await insights.report().recurringImprovements.map(\.theme.title)
        }
        return (week, last, nos, themes)
    }
}
