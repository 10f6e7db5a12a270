import Foundation

/// What happened on an application's timeline.
public enum EventKind: String, CaseIterable, Codable, Sendable {
    case added
    case moved
    case rejected
    case ghosted
    case withdrawn
    case reopened
    case offerAccepted = "offer-accepted"
    case offerDeclined = "offer-declined"

    public var outcome: Outcome? {
        switch self {
        case .rejected: .rejected
        case .ghosted: .ghosted
        case .withdrawn: .withdrawn
        case .offerAccepted: .offerAccepted
        case .offerDeclined: .offerDeclined
        case .reopened: .open
        case .added, .moved: nil
        }
    }
}

/// One dated step on an application's timeline.
public struct ApplicationEvent: Hashable, Sendable, Codable {
    public var id: Int?
    public var applicationID: Int
    public var kind: EventKind
    /// The day it happened (may be back-dated).
    public var on: Day
    /// The stage the application was at after this event.
    public var stage: Stage
    /// For a move, the stage it came from.
    public var fromStage: Stage?
    public var note: String?
    /// When it was recorded, which orders events that share a day.
    public var recordedAt: Date

    public init(
        id: Int? = nil, applicationID: Int, kind: EventKind, on: Day, stage: Stage,
        fromStage: Stage? = nil, note: String? = nil, recordedAt: Date
    ) {
        self.id = id
        self.applicationID = applicationID
        self.kind = kind
        self.on = on
        self.stage = stage
        self.fromStage = fromStage
        self.note = note
        self.recordedAt = recordedAt
    }

    /// A short sentence for the timeline.
    public var summary: String {
        switch kind {
        case .added: "Added at \(stage.title.lowercased())"
        case .moved:
            if let from = fromStage { "Moved from \(from.title.lowercased()) to \(stage.title.lowercased())" }
            else { "Moved to \(stage.title.lowercased())" }
        case .rejected: "Rejected at \(stage.title.lowercased())"
        case .ghosted: "Marked as no reply"
        case .withdrawn: "Withdrawn"
        case .reopened: "Reopened at \(stage.title.lowercased())"
        case .offerAccepted: "Offer accepted"
        case .offerDeclined: "Offer declined"
        }
    }
}

extension Array where Element == ApplicationEvent {
    /// Timeline order: by day, then by when each event was recorded.
    public func chronological() -> [ApplicationEvent] {
        sorted { ($0.on, $0.recordedAt, $0.id ?? 0) < ($1.on, $1.recordedAt, $1.id ?? 0) }
    }
}
