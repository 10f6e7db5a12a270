/// What the search summary needs to know about one application: its stages, its outcome, the
/// day it counts from, and which optional stages its timeline shows. Small enough to hold a
/// hundred thousand of; the database can work these out without loading any application.
public struct ApplicationFacts: Hashable, Sendable {
    public var id: Int
    public var stage: Stage
    public var furthestStage: Stage
    public var outcome: Outcome
    /// The day the application counts from in a period: the day applied, else the day it was
    /// added, else its last activity.
    public var started: Day
    /// The timeline records at least one move (an import without a history has none).
    public var hasTimeline: Bool
    public var visitedScreening: Bool
    public var visitedAssessment: Bool

    public init(id: Int, stage: Stage, furthestStage: Stage, outcome: Outcome, started: Day,
                hasTimeline: Bool, visitedScreening: Bool, visitedAssessment: Bool) {
        self.id = id
        self.stage = stage
        self.furthestStage = furthestStage
        self.outcome = outcome
        self.started = started
        self.hasTimeline = hasTimeline
        self.visitedScreening = visitedScreening
        self.visitedAssessment = visitedAssessment
    }

    /// From a loaded application and its timeline (any order).
    public init(_ application: Application, timeline: [ApplicationEvent]) {
        var added: Day?
        var moved = false, screening = application.stage == .screening, assessment = application.stage == .assessment
        for event in timeline {
            if event.kind == .added { added = min(added ?? event.on, event.on) }
            if event.kind == .moved { moved = true }
            if event.stage == .screening { screening = true }
            if event.stage == .assessment { assessment = true }
        }
        self.init(id: application.id, stage: application.stage, furthestStage: application.furthestStage,
                  outcome: application.outcome, started: application.details.appliedOn ?? added ?? application.lastActivityOn,
                  hasTimeline: moved, visitedScreening: screening, visitedAssessment: assessment)
    }
}
