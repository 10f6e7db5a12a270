import Foundation
import Testing
import NextYesCore
@testable import NextYesInsights

@Suite("Patterns and the funnel")
struct PatternTests {
    func app(_ id: Int, furthest: Stage, outcome: Outcome = .open, source: ApplicationSource? = .jobBoard) -> Application {
        Application(id: id, details: ApplicationDetails(company: "C\(id)", role: "R", source: source), stage: furthest, furthestStage: furthest,
                    outcome: outcome, lastActivityOn: Day("2026-11-01")!, createdAt: Date(), updatedAt: Date())
    }

    func rejection(_ id: Int, at stage: Stage, _ category: RejectionCategory, reason: String? = nil) -> Rejection {
        Rejection(applicationID: id, on: Day("2026-11-01")!, stageReached: stage, reason: reason, category: category,
                  controllable: category.controllability, feelings: [], intensity: nil, processingEndsOn: Day("2026-11-03")!)
    }

    @Test func countsTheFunnelByFurthestStageReached() {
        let apps = [app(1, furthest: .saved), app(2, furthest: .applied), app(3, furthest: .screening),
                    app(4, furthest: .interview, outcome: .rejected), app(5, furthest: .finalRound, outcome: .rejected), app(6, furthest: .interview)]
        let summary = SearchSummary.of(apps, events: [])
        let funnel = Funnel.of(summary)
        #expect(funnel.sent == 5)
        // No timeline: screening counts for everything that got that far; assessment, optional,
        // only for what stopped there.
        #expect(funnel.steps.map(\.reached) == [5, 4, 0, 3, 1, 0])
        #expect(funnel.steps[1].conversion == Share(4, of: 5))
        // Conversions count from the last stage every application passes through, never from an
        // optional one: interview is 3 of the 5 applied, not 3 of the 0 at assessment.
        #expect(funnel.steps.map(\.from) == [nil, .applied, .applied, .applied, .interview, .finalRound])
        #expect(funnel.steps[3].conversion == Share(3, of: 5))
        #expect(funnel.steps[3].conversionText == "from applied: 3 of 5 (60%)")
        #expect(summary.interviewShare.description == "3 of 5 (60%)")
        #expect(summary.heardBack == 4 && summary.rejections == 2 && summary.offers == 0)
    }

    @Test func staysHonestWithSmallNumbers() {
        #expect(Share(3, of: 4).percent == nil)
        #expect(Share(3, of: 4).description == "3 of 4 (too few to tell yet)")
        #expect(Share(2, of: 5).percent == 40)
        #expect(Share(0, of: 0).description == "none yet")
    }

    @Test func tellsWhereMostCutsHappenWithAdvice() {
        let apps = [app(1, furthest: .applied, outcome: .ghosted)]
        let rejections = [rejection(2, at: .applied, .noReasonGiven), rejection(3, at: .applied, .applicationMaterials),
                          rejection(4, at: .interview, .skillsGap), rejection(5, at: .saved, .timing)]
        let cuts = CutReport.of(apps, rejections: rejections)
        #expect(cuts.total == 5 && cuts.counts[.resume] == 4)
        #expect(cuts.dominant == .resume)
        #expect(cuts.dominant?.advice.contains("tailor") == true)
        let interviews = CutReport.of([], rejections: [rejection(1, at: .interview, .skillsGap), rejection(2, at: .finalRound, .timing),
                                                       rejection(3, at: .assessment, .budget), rejection(4, at: .applied, .budget), rejection(5, at: .interview, .timing)])
        #expect(interviews.dominant == .interviews && interviews.dominant!.advice.contains("interview practice"))
        #expect(CutReport.of([], rejections: [rejection(1, at: .interview, .skillsGap), rejection(2, at: .interview, .skillsGap)]).dominant == nil, "too few to tell")
        let even = CutReport.of([], rejections: [rejection(1, at: .interview, .skillsGap), rejection(2, at: .interview, .skillsGap), rejection(3, at: .applied, .budget),
                                                 rejection(4, at: .applied, .budget), rejection(5, at: .screening, .timing), rejection(6, at: .screening, .timing)])
        #expect(even.dominant == nil, "a third each is no \"most\"")
    }

    @Test func readsControllabilityKindly() {
        let mostlyNot = ControlReport.of([rejection(1, at: .applied, .internalCandidate), rejection(2, at: .applied, .hiringFreeze),
                                          rejection(3, at: .applied, .budget), rejection(4, at: .applied, .skillsGap), rejection(5, at: .applied, .timing)])
        #expect(mostlyNot.no == 4 && mostlyNot.yes == 1)
        #expect(mostlyNot.reading.contains("say nothing about your worth"))
        #expect(ControlReport.of([rejection(1, at: .applied, .budget), rejection(2, at: .applied, .timing), rejection(3, at: .applied, .budget)]).reading.contains("Too few"))
        let split = ControlReport.of([rejection(1, at: .applied, .budget), rejection(2, at: .applied, .timing), rejection(3, at: .applied, .skillsGap),
                                      rejection(4, at: .applied, .skillsGap), rejection(5, at: .applied, .experienceLevel), rejection(6, at: .applied, .internalCandidate)])
        #expect(split.reading.contains("split between"), "three of six out of hands is not \"most\"")
        // "No reason given" is never read as "no candidate could change it".
        let silent = ControlReport.of((1...6).map { rejection($0, at: .applied, .noReasonGiven) })
        #expect(silent.no == 0 && silent.unknown == 6 && silent.total == 0)
        #expect(silent.reading.contains("None of your rejections came with a reason") && !silent.reading.contains("no candidate could change"))
        let mixed = ControlReport.of((1...5).map { rejection($0, at: .applied, .budget) } + [rejection(6, at: .applied, .noReasonGiven)])
        #expect(mixed.no == 5 && mixed.unknown == 1 && mixed.reading.contains("1 rejection came with no reason"))
    }

    @Test func findsThemesRecurringAcrossDistinctApplications() {
        let texts = [
            EmployerText(applicationID: 1, text: "You could have given more concrete examples.", source: "feedback"),
            EmployerText(applicationID: 1, text: "Your answers lacked structure.", source: "feedback"),
            EmployerText(applicationID: 2, text: "Answers wandered at times; more concrete examples would help.", source: "rejection"),
            EmployerText(applicationID: 3, text: "We'd like to see you take more initiative.", source: "feedback"),
        ]
        let recurring = Recurring.themes(in: texts)
        #expect(recurring.count == 1)
        #expect(recurring[0].theme == .communication && recurring[0].polarity == .improvement)
        #expect(recurring[0].applicationIDs == [1, 2])
        #expect(recurring[0].evidence.count == 3)
    }

    @Test func findsSelfRatingsThatStayLow() {
        func reflection(_ id: Int, _ behavioural: Int, _ closing: Int) -> Reflection {
            Reflection(applicationID: id, ratings: [.behaviouralQuestions: PartRating(score: behavioural), .closing: PartRating(score: closing)], updatedAt: Date())
        }
        let low = Recurring.lowRatings(in: [reflection(1, 2, 4), reflection(2, 3, 5), reflection(3, 2, 4)])
        #expect(low.map(\.part) == [.behaviouralQuestions])
        #expect(abs(low[0].average - 7.0 / 3.0) < 0.001)
        #expect(Recurring.lowRatings(in: [reflection(1, 1, 1)]).isEmpty)
    }

    @Test func comparesSources() {
        let apps = [app(1, furthest: .interview, source: .referral), app(2, furthest: .screening, source: .referral),
                    app(3, furthest: .applied, outcome: .ghosted), app(4, furthest: .applied), app(5, furthest: .applied, source: nil)]
        let rows = SourceRow.of(apps)
        #expect(rows.map(\.title) == ["Job board", "Referral", "Not recorded"])
        #expect(rows[1].responses == Share(2, of: 2) && rows[1].interviews == Share(1, of: 2))
        // Heard back means what the summary means: a rejection is an answer too.
        let answered = SourceRow.of([app(1, furthest: .applied, outcome: .rejected, source: .referral), app(2, furthest: .applied, source: .referral)])
        #expect(answered[0].responses == Share(1, of: 2))
        #expect(rows[0].ghosted == Share(1, of: 2))
    }
}
