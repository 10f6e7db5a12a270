import Foundation
import Testing
@testable import NextYesCore

let today = Day("2026-11-21")!
let moment = Date(timeIntervalSince1970: 1_790_000_000)

func makeApplication(stage: Stage = .applied, appliedOn: Day? = Day("2026-11-01"), outcome: Outcome = .open) -> Application {
    Application(
        id: 7, details: ApplicationDetails(company: "Acme", role: "Data Analyst", appliedOn: appliedOn),
        stage: stage, furthestStage: stage, outcome: outcome, lastActivityOn: appliedOn ?? today,
        createdAt: moment, updatedAt: moment)
}

@Suite("Application rules")
struct ApplicationRulesTests {
    @Test func stagesAreOrderedAsThePipeline() {
        #expect(Stage.allCases.map(\.rawValue) == ["saved", "applied", "screening", "assessment", "interview", "final-round", "offer"])
        #expect(Stage.finalRound > Stage.interview)
        #expect(Stage(id: "Final Round") == .finalRound)
        #expect(Stage(id: "final_round") == .finalRound)
        #expect(Stage(id: "phone") == nil)
    }

    @Test func controllabilityFollowsTheCategory() {
        #expect(RejectionCategory.skillsGap.controllability == .yes)
        #expect(RejectionCategory.interviewPerformance.controllability == .yes)
        #expect(RejectionCategory.applicationMaterials.controllability == .yes)
        #expect(RejectionCategory.experienceLevel.controllability == .partly)
        let rest = RejectionCategory.allCases.filter { ![.skillsGap, .interviewPerformance, .applicationMaterials, .experienceLevel].contains($0) }
        #expect(rest.count == 13)
        #expect(rest.allSatisfy { $0.controllability == .no })
        #expect(RejectionCategory.allCases.count == 17)
    }

    @Test func movingRecordsAnEventAndRaisesTheFurthestStage() throws {
        var a = makeApplication()
        let event = try a.move(to: .interview, on: Day("2026-11-10")!, today: today, at: moment)
        #expect(event.kind == .moved && event.fromStage == .applied && event.stage == .interview)
        #expect(a.stage == .interview && a.furthestStage == .interview)
        #expect(a.lastActivityOn == Day("2026-11-10"))
        // Moving back keeps the furthest stage reached.
        _ = try a.move(to: .screening, on: Day("2026-11-12")!, today: today, at: moment)
        #expect(a.stage == .screening && a.furthestStage == .interview)
    }

    @Test func movingASavedJobToAppliedSetsTheAppliedDay() throws {
        var a = makeApplication(stage: .saved, appliedOn: nil)
        _ = try a.move(to: .applied, on: today, today: today, at: moment)
        #expect(a.details.appliedOn == today)
    }

    @Test func rejectsImpossibleMoves() {
        var a = makeApplication()
        #expect(throws: CoreError.alreadyAtStage(.applied)) { try a.move(to: .applied, on: today, today: today, at: moment) }
        #expect(throws: CoreError.dateInFuture(Day("2026-11-22")!, today: today)) {
            try a.move(to: .screening, on: Day("2026-11-22")!, today: today, at: moment)
        }
        #expect(throws: CoreError.dateBeforeApplied(Day("2026-10-31")!, applied: Day("2026-11-01")!)) {
            try a.move(to: .screening, on: Day("2026-10-31")!, today: today, at: moment)
        }
        _ = try? a.move(to: .interview, on: Day("2026-11-10")!, today: today, at: moment)
        #expect(throws: CoreError.dateBefore(Day("2026-11-05")!, earliest: Day("2026-11-10")!, event: "the last change on its timeline")) {
            try a.move(to: .finalRound, on: Day("2026-11-05")!, today: today, at: moment)
        }
        var saved = makeApplication(stage: .saved, appliedOn: nil)
        #expect(throws: CoreError.notSentYet(id: 7)) { try saved.close(as: .ghosted, on: today, today: today, at: moment) }
        var closed = makeApplication(outcome: .rejected)
        #expect(throws: CoreError.applicationClosed(id: 7, outcome: .rejected)) {
            try closed.move(to: .screening, on: today, today: today, at: moment)
        }
    }

    @Test func rejectionKeepsTheFurthestStageAndOpensAProcessingWindow() throws {
        var a = makeApplication()
        _ = try a.move(to: .finalRound, on: Day("2026-11-15")!, today: today, at: moment)
        _ = try a.move(to: .interview, on: Day("2026-11-16")!, today: today, at: moment)
        let details = RejectionDetails(on: Day("2026-11-20")!, category: .internalCandidate, feelings: ["sad"], intensity: 6)
        let (rejection, event) = try a.reject(details, preferences: .standard, today: today, at: moment)
        #expect(a.outcome == .rejected)
        #expect(a.furthestStage == .finalRound)
        #expect(rejection.stageReached == .interview)
        #expect(rejection.controllable == .no && !rejection.controllableOverridden)
        #expect(rejection.processingEndsOn == Day("2026-11-22"))
        #expect(rejection.isProcessing(today: Day("2026-11-22")!))
        #expect(!rejection.isProcessing(today: Day("2026-11-23")!))
        #expect(event.kind == .rejected)
    }

    @Test func naming_a_later_stage_reached_moves_the_furthest_stage() throws {
        var a = makeApplication()
        let details = RejectionDetails(on: today, stageReached: .interview, category: .skillsGap, controllable: .no)
        let (rejection, _) = try a.reject(details, preferences: Preferences(processingWindowDays: 5), today: today, at: moment)
        #expect(a.furthestStage == .interview)
        #expect(rejection.controllable == .no && rejection.controllableOverridden)
        #expect(rejection.processingEndsOn == Day("2026-11-26"))
    }

    @Test func ghostedIsReopenableAnAcceptedOfferIsNot() throws {
        var a = makeApplication(stage: .screening)
        _ = try a.close(as: .ghosted, on: today, today: today, at: moment)
        #expect(a.outcome == .ghosted)
        #expect(throws: CoreError.applicationClosed(id: 7, outcome: .ghosted)) { try a.close(as: .withdrawn, on: today, today: today, at: moment) }
        let event = try a.reopen(on: today, today: today, at: moment)
        #expect(a.outcome == .open && a.stage == .screening && event.kind == .reopened)
        #expect(throws: CoreError.alreadyOpen(id: 7)) { try a.reopen(on: today, today: today, at: moment) }
        _ = try a.close(as: .offerAccepted, on: today, today: today, at: moment)
        #expect(a.stage == .offer && a.furthestStage == .offer)
        #expect(throws: CoreError.cannotReopen(.offerAccepted)) { try a.reopen(on: today, today: today, at: moment) }
    }

    @Test func errorMessagesSayWhatToDo() {
        #expect(CoreError.applicationClosed(id: 3, outcome: .rejected).errorDescription!.contains("reopen it first"))
        #expect(CoreError.applicationNotFound(9).errorDescription!.contains("nextyes list"))
        #expect(CoreError.dateInFuture(Day("2027-01-01")!, today: today).errorDescription!.contains("today is 2026-11-21"))
    }

    @Test func timelineSortsByDayThenRecordingOrder() {
        let early = ApplicationEvent(applicationID: 1, kind: .moved, on: Day("2026-11-02")!, stage: .screening, recordedAt: moment.addingTimeInterval(100))
        let first = ApplicationEvent(applicationID: 1, kind: .added, on: Day("2026-11-01")!, stage: .applied, recordedAt: moment.addingTimeInterval(200))
        let sameDayLater = ApplicationEvent(applicationID: 1, kind: .moved, on: Day("2026-11-02")!, stage: .interview, recordedAt: moment.addingTimeInterval(300))
        #expect([sameDayLater, early, first].chronological() == [first, early, sameDayLater])
    }
}
