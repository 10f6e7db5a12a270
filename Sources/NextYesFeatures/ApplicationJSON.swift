import Foundation
import NextYesCore

/// The JSON shape of an application for the command line and the assistant server (MCP): flat,
/// with ids as other tools expect. One shape, so `nextyes show --json` and `show_application` agree.
public struct ApplicationJSON: Encodable, Sendable {
    public struct RejectionJSON: Encodable, Sendable {
        public var on: Day
        public var stageReached: Stage
        public var reason: String?
        public var category: RejectionCategory
        public var controllable: Controllability
        public var controllableOverridden: Bool
        public var feelings: [String]
        public var intensity: Int?
        public var processingEndsOn: Day
    }

    public struct EventJSON: Encodable, Sendable {
        public var kind: EventKind
        public var on: Day
        public var stage: Stage
        public var fromStage: Stage?
        public var note: String?
        public var recordedAt: Date
    }

    public var id: Int
    public var company: String
    public var role: String
    public var location: String?
    public var url: String?
    public var source: ApplicationSource?
    public var salary: String?
    public var excitement: Int?
    public var appliedOn: Day?
    public var stage: Stage
    public var furthestStage: Stage
    public var outcome: Outcome
    public var lastActivityOn: Day
    public var createdAt: Date
    public var updatedAt: Date
    public var rejection: RejectionJSON?
    public var notes: String?
    public var jobDescription: String?
    public var timeline: [EventJSON]?

    public init(_ application: Application, rejection: Rejection?, timeline: [ApplicationEvent]? = nil, full: Bool = false) {
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
