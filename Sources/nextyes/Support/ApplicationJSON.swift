import Foundation
import NextYesCore

/// The JSON shape of an application on the command line: flat, with ids as other tools expect.
struct ApplicationJSON: Encodable {
    struct RejectionJSON: Encodable {
        var on: Day
        var stageReached: Stage
        var reason: String?
        var category: RejectionCategory
        var controllable: Controllability
        var controllableOverridden: Bool
        var feelings: [String]
        var intensity: Int?
        var processingEndsOn: Day
    }

    struct EventJSON: Encodable {
        var kind: EventKind
        var on: Day
        var stage: Stage
        var fromStage: Stage?
        var note: String?
        var recordedAt: Date
    }

    var id: Int
    var company: String
    var role: String
    var location: String?
    var url: String?
    var source: ApplicationSource?
    var salary: String?
    var excitement: Int?
    var appliedOn: Day?
    var stage: Stage
    var furthestStage: Stage
    var outcome: Outcome
    var lastActivityOn: Day
    var createdAt: Date
    var updatedAt: Date
    var rejection: RejectionJSON?
    var notes: String?
    var jobDescription: String?
    var timeline: [EventJSON]?

    init(_ application: Application, rejection: Rejection?, timeline: [ApplicationEvent]? = nil, full: Bool = false) {
        let d = application.details
        id = application.id
        company = d.company
        role = d.role
        location = d.location
        url = d.url
        source = d.source
        salary = d.salary
        excitement = d.excitement
        appliedOn = d.appliedOn
        stage = application.stage
        furthestStage = application.furthestStage
        outcome = application.outcome
        lastActivityOn = application.lastActivityOn
        createdAt = application.createdAt
        updatedAt = application.updatedAt
        if application.outcome == .rejected, let r = rejection {
            self.rejection = RejectionJSON(
                on: r.on, stageReached: r.stageReached, reason: r.reason, category: r.category,
                controllable: r.controllable, controllableOverridden: r.controllableOverridden,
                feelings: r.feelings, intensity: r.intensity, processingEndsOn: r.processingEndsOn)
        }
        if full {
            notes = d.notes
            jobDescription = d.jobDescription
        }
        self.timeline = timeline?.map {
            EventJSON(kind: $0.kind, on: $0.on, stage: $0.stage, fromStage: $0.fromStage, note: $0.note, recordedAt: $0.recordedAt)
        }
    }
}
