import Foundation
import Testing
import NextYesCore
@testable import NextYesInsights

@Suite("Report figures: grouped wins, shares in words, weeks since the start")
struct ReportFiguresTests {
    func d(_ s: String) -> Day { Day(s)! }

    @Test func repeatedWinsAreGroupedByKindWithACountAndTheLatestFew() {
        var wins = (1...23).map { i in
            Win(id: i, on: d("2026-09-01").adding(days: i * 3), kind: .stoodOut, title: "Co \(i % 12) moved you to screening", applicationID: i % 12)
        }
        wins.append(Win(id: 40, on: d("2026-10-02"), kind: .networking, title: "Coffee chat with Sam"))
        wins.append(Win(id: 41, on: d("2026-10-09"), kind: .manual, title: "Finished the SQL course"))
        wins.append(Win(id: 42, on: d("2026-10-10"), kind: .manual, title: "Mock interview went well"))
        let groups = CareerReport.WinGroup.of(wins)
        #expect(groups.map(\.kind) == [.stoodOut, .manual, .networking])
        let stood = groups[0]
        #expect(stood.count == 23 && stood.applications == 12 && stood.examples.count == CareerReport.winExamples)
        #expect(stood.examples.map(\.id) == [23, 22, 21])
        #expect(stood.summary == "23 wins from 12 applications, 4 Sep 2026 to 9 Nov 2026")
        #expect(groups[2].summary == "1 win, on 2 Oct 2026")

        var inputs = ReportInputs(from: d("2026-09-01"), to: d("2026-11-21"))
        inputs.wins = wins
        let report = CareerReport.make(inputs)
        #expect(report.winGroups?.map(\.count) == [23, 2, 1] && report.wins?.count == 26)
        let markdown = report.markdown()
        #expect(markdown.contains("- **Your application stood out**: 23 wins from 12 applications, 4 Sep 2026 to 9 Nov 2026. Latest: 9 Nov 2026: Co 11 moved you to screening;"))
        #expect(markdown.contains("; and 20 more."))
        #expect(markdown.components(separatedBy: "moved you to screening").count - 1 == 3)
    }

    @Test func aShareInASentenceIsNeverWrappedInTwoPairsOfBrackets() {
        let mostlyOut = ControlReport(yes: 5, partly: 2, no: 8)
        #expect(mostlyOut.reading.hasPrefix("Most of your rejections, 8 of 15 (53%), came down to things no candidate could change"))
        #expect(!mostlyOut.reading.contains("))"))
        for yes in 0...6 {
            for no in 0...12 {
                #expect(!ControlReport(yes: yes, partly: 1, no: no, unknown: 1).reading.contains("))"))
            }
        }
    }

    @Test func funnelCaptionsAreShortEnoughForAChart() {
        let now = Date()
        let facts = (1...10).map { i in
            ApplicationFacts(Application(id: i, details: ApplicationDetails(company: "Co \(i)", role: "Analyst", appliedOn: d("2026-10-01")),
                                         stage: i <= 4 ? .interview : .applied, furthestStage: i <= 4 ? .interview : .applied, outcome: .open,
                                         lastActivityOn: d("2026-10-01"), createdAt: now, updatedAt: now), timeline: [])
        }
        let steps = Funnel.of(SearchSummary.of(facts: facts)).steps
        #expect(steps.first?.caption == "10")
        #expect(steps.first { $0.stage == .interview }?.caption == "4 · 40% of applied")
        #expect(steps.first { $0.stage == .offer }?.caption == "0")  // 0 of 4: too few for a share
    }

    @Test func weeksSinceTheStartLeaveOutTheWeeksBeforeIt() {
        let today = d("2026-11-18")
        let none = WeeklyProgress.compute(today: today, periods: [], appliedDays: [], conversationDays: [], hours: [])
        #expect(none.started == nil && none.weeksSinceStart.isEmpty && none.history.count == 12)
        let fresh = WeeklyProgress.compute(today: today, periods: [], appliedDays: [d("2026-11-17")], conversationDays: [], hours: [])
        #expect(fresh.started == d("2026-11-16") && fresh.weeksSinceStart.isEmpty)
        let some = WeeklyProgress.compute(today: today, periods: [], appliedDays: [d("2026-11-17")], conversationDays: [d("2026-10-29")],
                                          hours: [(d("2026-11-03"), 1)])
        #expect(some.started == d("2026-10-26"))
        #expect(some.weeksSinceStart.map(\.weekStart) == [d("2026-11-09"), d("2026-11-02"), d("2026-10-26")])
        let targetsFirst = WeeklyProgress.compute(today: today, periods: [TargetsPeriod(from: d("2026-11-09"), targets: .suggested)],
                                                  appliedDays: [], conversationDays: [], hours: [])
        #expect(targetsFirst.weeksSinceStart.map(\.weekStart) == [d("2026-11-09")])
    }
}
