import Foundation
import Testing
import NextYesCore
@testable import NextYesInsights

@Suite("The career report")
struct CareerReportTests {
    func d(_ s: String) -> Day { Day(s)! }

    @Test func anEmptyRecordGivesOnlyASummaryAndNextSteps() {
        let report = CareerReport.make(ReportInputs(from: d("2026-11-01"), to: d("2026-11-21")))
        #expect(report.overview.sentence == "No applications were sent in this period.")
        #expect(report.funnel == nil && report.cuts == nil && report.themes == nil && report.skills == nil && report.plan == nil)
        #expect(report.momentum == nil && report.wins == nil && report.wellbeing == nil)
        #expect(report.nextActions.count == 3)
        #expect(report.markdown().contains("## Next three steps") && !report.markdown().contains("## Where the rejections came"))
    }

    @Test func sectionsNameTheirEvidenceAndStayHonestWithSmallNumbers() {
        let now = Date()
        func app(_ id: Int, _ company: String, furthest: Stage, outcome: Outcome, applied: String) -> Application {
            Application(id: id, details: ApplicationDetails(company: company, role: "Analyst", appliedOn: d(applied)), stage: furthest, furthestStage: furthest,
                        outcome: outcome, lastActivityOn: d(applied), createdAt: now, updatedAt: now)
        }
        var inputs = ReportInputs(from: d("2026-10-01"), to: d("2026-11-21"))
        inputs.name = "Ana *Bold* Ruiz"
        let applications = [app(1, "Acme", furthest: .interview, outcome: .rejected, applied: "2026-10-02"),
                               app(2, "Globex", furthest: .applied, outcome: .rejected, applied: "2026-10-09"),
                               app(3, "Initech", furthest: .screening, outcome: .open, applied: "2026-10-20"),
                               app(4, "Old Co", furthest: .applied, outcome: .open, applied: "2026-08-01")]
        let events = applications.map { ApplicationEvent(applicationID: $0.id, kind: .added, on: $0.details.appliedOn!, stage: .applied, recordedAt: now) }
            + [ApplicationEvent(applicationID: 1, kind: .moved, on: d("2026-10-10"), stage: .interview, fromStage: .applied, recordedAt: now),
               ApplicationEvent(applicationID: 3, kind: .moved, on: d("2026-10-25"), stage: .screening, fromStage: .applied, recordedAt: now)]
        inputs.use(applications: applications, events: events)
        inputs.rejections = [
            Rejection(applicationID: 1, on: d("2026-10-20"), stageReached: .interview, reason: "We wanted more structure in how you communicate your examples.",
                      category: .interviewPerformance, controllable: .yes, feelings: [], intensity: nil, processingEndsOn: d("2026-10-22")),
            Rejection(applicationID: 2, on: d("2026-10-15"), stageReached: .applied, reason: nil, category: .internalCandidate, controllable: .no,
                      feelings: [], intensity: nil, processingEndsOn: d("2026-10-17")),
        ]
        inputs.feedback = [Feedback(id: 1, applicationID: 2, requestID: nil, receivedOn: d("2026-10-16"), text: "Your communication could be clearer; explain your reasoning step by step.", createdAt: now)]
        inputs.wins = [Win(id: 1, on: d("2026-10-10"), kind: .stoodOut, title: "Acme moved you to interview"), Win(id: 2, on: d("2026-07-01"), kind: .manual, title: "Too early")]
        inputs.moods = [(d("2026-10-05"), 4), (d("2026-10-06"), 6)]
        let report = CareerReport.make(inputs)
        #expect(report.overview.applicationsSent == 3)   // Old Co was before the period
        #expect(report.overview.interviews.description == "1 of 3 (too few to tell yet)")
        #expect(report.summary.applications == 3 && report.summary.heardBack == 3 && report.summary.interviews == 1 && report.summary.rejections == 2)
        #expect(report.funnel?.first?.reached == 3)
        #expect(report.cuts?.reading == "2 rejections so far: too few to see where they cluster.")
        #expect(report.cuts?.items.map(\.applications) == [["Analyst at Globex"], ["Analyst at Acme"]])
        let theme = report.themes?.first { $0.theme == "Communication & presentation" }
        #expect(theme?.quotes.map(\.application).sorted() == ["Analyst at Acme", "Analyst at Globex"])
        #expect(report.control?.yes == 1 && report.control?.no == 1)
        #expect(report.wins?.map(\.title) == ["Acme moved you to interview"])
        #expect(report.wellbeing?.first { $0.average != nil }?.average == 5 && report.wellbeing?.first?.weekStart == d("2026-09-28"))
        #expect(report.nextActions.contains { $0.contains("STAR story that shows communication") })
        #expect(report.nextActions.contains { $0.contains("Ask for feedback on Analyst at Acme") })
        let markdown = report.markdown()
        #expect(markdown.contains("*For Ana \\*Bold\\* Ruiz.*"))
        #expect(markdown.contains("> We wanted more structure in how you communicate your examples.") && markdown.contains("— Analyst at Acme, rejection"))
        // Without the person's choice, no mood appears at all.
        inputs.moods = nil
        #expect(CareerReport.make(inputs).wellbeing == nil && !CareerReport.make(inputs).markdown().contains("How you felt"))
    }

    @Test func eachPointWhereTheNoCameNamesTheLatestFewAndCountsTheRest() {
        let now = Date()
        var inputs = ReportInputs(from: d("2026-10-01"), to: d("2026-11-21"))
        var applications: [Application] = []
        for i in 1...12 {
            let day = d("2026-10-01").adding(days: i)
            applications.append(Application(id: i, details: ApplicationDetails(company: "Co \(i)", role: "Analyst", appliedOn: day), stage: .applied,
                                            furthestStage: .applied, outcome: .rejected, lastActivityOn: day, createdAt: now, updatedAt: now))
            inputs.rejections.append(Rejection(applicationID: i, on: day.adding(days: 5), stageReached: .applied, reason: nil, category: .noReasonGiven,
                                               controllable: .no, feelings: [], intensity: nil, processingEndsOn: day.adding(days: 7)))
        }
        inputs.use(applications: applications, events: [])
        let cut = CareerReport.make(inputs).cuts?.items.first
        #expect(cut?.count == 12 && cut?.more == 12 - CareerReport.namedPerCut)
        #expect(cut?.applications == (8...12).reversed().map { "Analyst at Co \($0)" })
        #expect(CareerReport.make(inputs).markdown().contains("Analyst at Co 8; and 7 more"))
    }
}
