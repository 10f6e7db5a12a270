import Foundation
import NextYesCore
import Testing
@testable import NextYesInsights

@Suite("One search summary")
struct SearchSummaryTests {
    let now = Date()

    func app(_ id: Int, _ furthest: Stage, _ outcome: Outcome = .open, applied: String = "2026-10-01") -> Application {
        Application(id: id, details: ApplicationDetails(company: "C\(id)", role: "R", appliedOn: Day(applied)!), stage: furthest,
                    furthestStage: furthest, outcome: outcome, lastActivityOn: Day(applied)!, createdAt: now, updatedAt: now)
    }

    func moved(_ id: Int, to stage: Stage, from: Stage, on: String = "2026-10-05") -> ApplicationEvent {
        ApplicationEvent(applicationID: id, kind: .moved, on: Day(on)!, stage: stage, fromStage: from, recordedAt: now)
    }

    @Test func optionalStagesCountOnlyWhenVisited() {
        // Eight applications went past an assessment stage, only one of them had one.
        var apps: [Application] = []
        var events: [ApplicationEvent] = []
        for id in 1...8 {
            apps.append(app(id, .interview, .rejected))
            events.append(ApplicationEvent(applicationID: id, kind: .added, on: Day("2026-10-01")!, stage: .applied, recordedAt: now))
            events.append(moved(id, to: id == 1 ? .assessment : .screening, from: .applied))
            events.append(moved(id, to: .interview, from: id == 1 ? .assessment : .screening, on: "2026-10-08"))
        }
        let summary = SearchSummary.of(apps, events: events)
        #expect(summary.reached(.assessment) == 1)
        #expect(summary.reached(.screening) == 7)   // application 1 skipped screening
        #expect(summary.reached(.interview) == 8 && summary.interviews == 8)
    }

    @Test func heardBackMeansAPersonAnswered() {
        let apps = [app(1, .applied), app(2, .applied, .rejected), app(3, .applied, .ghosted), app(4, .screening),
                    app(5, .offer, .offerDeclined), app(6, .saved)]
        let summary = SearchSummary.of(apps, events: [])
        #expect(summary.applications == 5)
        #expect(summary.heardBack == 3)
        #expect(summary.ghosted == 1 && summary.rejections == 1 && summary.offers == 1)
    }

    /// Random searches (stages, outcomes, timelines with skipped stages, imports without one):
    /// every surface reports the numbers of the one summary.
    @Test(arguments: 1...40)
    func everySurfaceShowsTheSameSummary(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var apps: [Application] = []
        var events: [ApplicationEvent] = []
        var rejections: [Rejection] = []
        let stages = Stage.allCases
        for id in 1...Int.random(in: 1...60, using: &random) {
            let furthest = stages.randomElement(using: &random)!
            let outcome: Outcome = furthest == .saved ? .open
                : [Outcome.open, .rejected, .ghosted, .withdrawn, furthest == .offer ? .offerAccepted : .rejected].randomElement(using: &random)!
            let applied = Day("2026-06-01")!.adding(days: Int.random(in: 0...120, using: &random))
            let application = Application(id: id, details: ApplicationDetails(company: "C\(id)", role: "R", appliedOn: furthest == .saved ? nil : applied),
                                          stage: furthest, furthestStage: furthest, outcome: outcome, lastActivityOn: applied, createdAt: now, updatedAt: now)
            apps.append(application)
            let imported = Bool.random(using: &random)
            events.append(ApplicationEvent(applicationID: id, kind: .added, on: applied, stage: imported ? furthest : min(furthest, .applied), recordedAt: now))
            if !imported {
                var current = min(furthest, .applied)
                for stage in stages where stage > current && stage <= furthest && (stage == furthest || Bool.random(using: &random)) {
                    events.append(ApplicationEvent(applicationID: id, kind: .moved, on: applied.adding(days: stage.rank), stage: stage, fromStage: current, recordedAt: now))
                    current = stage
                }
            }
            if outcome == .rejected {
                rejections.append(Rejection(applicationID: id, on: applied.adding(days: 9), stageReached: furthest, reason: nil, category: .noReasonGiven,
                                            controllable: .no, feelings: [], intensity: nil, processingEndsOn: applied.adding(days: 11)))
            }
        }
        let insights = InsightsReport.make(applications: apps, events: events, rejections: rejections, feedback: [], reflections: [])
        var inputs = ReportInputs(from: Day("2026-01-01")!, to: Day("2026-12-31")!)
        inputs.use(applications: apps, events: events)
        inputs.rejections = rejections
        let report = CareerReport.make(inputs)
        let summary = insights.summary
        #expect(report.summary == summary)
        // The funnel never grows down the mandatory stages, and starts with every sent application.
        #expect(summary.reached(.applied) == summary.applications)
        #expect(summary.reached(.interview) >= summary.reached(.finalRound) && summary.reached(.finalRound) >= summary.reached(.offer))
        #expect(summary.reached(.interview) == summary.interviews && summary.reached(.offer) == summary.offers)
        #expect(summary.heardBack <= summary.applications)
        // What the report and the Insights page print are those numbers.
        #expect(report.overview.applicationsSent == summary.applications)
        #expect(report.overview.responses == summary.heardBackShare && report.overview.interviews == summary.interviewShare)
        #expect(report.overview.offers == summary.offers && report.overview.rejections == summary.rejections)
        #expect(insights.funnel.steps.map(\.reached) == summary.funnel.map(\.reached))
        #expect((report.funnel ?? []).map(\.reached) == (summary.applications == 0 ? [] : summary.funnel.map(\.reached)))
        let markdown = report.markdown()
        #expect(markdown.contains("| Applications sent | \(summary.applications) |"))
        #expect(markdown.contains("| Heard back | \(summary.heardBackShare) |"))
    }
}
