import Foundation
import Testing
import NextYesCore
@testable import NextYesInsights

@Suite("Ghosting suggestions")
struct GhostingTests {
    let today = Day("2026-11-21")!

    func app(_ id: Int, stage: Stage, outcome: Outcome = .open, lastNews: String, added: String = "2026-01-05") -> Application {
        let addedAt = Day(added)!.start(in: TimeZone(identifier: "UTC")!).addingTimeInterval(9 * 3600)
        return Application(
            id: id, details: ApplicationDetails(company: "C\(id)", role: "R"), stage: stage, furthestStage: stage,
            outcome: outcome, lastActivityOn: Day(lastNews)!, createdAt: addedAt, updatedAt: addedAt)
    }

    @Test func waitsTheUsualTimeAfterAnApplicationIsAdded() {
        // Applied two months ago, added to NextYes today: no "ghosted?" the moment it is saved.
        let justAdded = app(1, stage: .applied, lastNews: "2026-09-20", added: "2026-11-21")
        #expect(Ghosting.suggestions([justAdded], today: today, afterDays: 21).isEmpty)
        // Added 20 days ago: still inside the usual wait.
        let recent = app(2, stage: .applied, lastNews: "2026-09-20", added: "2026-11-01")
        #expect(Ghosting.suggestions([recent], today: today, afterDays: 21).isEmpty)
        // After the usual wait since it was added, the question comes, with the true silence.
        let waited = app(3, stage: .applied, lastNews: "2026-09-20", added: "2026-10-31")
        #expect(Ghosting.suggestions([waited], today: today, afterDays: 21).map(\.daysSilent) == [62])
    }

    @Test func asksAboutSentApplicationsThatWentQuiet() {
        let apps = [
            app(1, stage: .applied, lastNews: "2026-10-31"),      // exactly 21 days
            app(2, stage: .applied, lastNews: "2026-11-01"),      // 20 days
            app(3, stage: .saved, lastNews: "2026-09-01"),        // not sent yet
            app(4, stage: .interview, lastNews: "2026-09-01"),    // 81 days
            app(5, stage: .offer, lastNews: "2026-09-01"),        // the person holds the offer
            app(6, stage: .screening, outcome: .rejected, lastNews: "2026-09-01"),
        ]
        let suggestions = Ghosting.suggestions(apps, today: today, afterDays: 21)
        #expect(suggestions.map(\.application.id) == [4, 1])
        #expect(suggestions.map(\.daysSilent) == [81, 21])
        #expect(Ghosting.suggestions(apps, today: today, afterDays: 90).isEmpty)
    }

    @Test func pipelineSummaryCountsOpenApplicationsByStage() {
        let apps = [app(1, stage: .applied, lastNews: "2026-11-01"), app(2, stage: .applied, lastNews: "2026-11-02"),
                    app(3, stage: .interview, lastNews: "2026-11-03"), app(4, stage: .interview, outcome: .rejected, lastNews: "2026-11-05")]
        let summary = PipelineSummary.of(apps, today: today)
        #expect(summary.inProgress == 3 && summary.total == 4)
        #expect(summary.byStage[.applied] == 2 && summary.byStage[.interview] == 1)
        #expect(summary.closedThisMonth == 1)
        #expect(summary.momentumSentence == "You have 3 applications in progress.")
        #expect(PipelineSummary.of([], today: today).momentumSentence.contains("Nothing tracked yet"))
    }
}
