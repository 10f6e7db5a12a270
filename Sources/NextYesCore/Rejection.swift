import Foundation

/// A "no", recorded with care: what happened, why (as far as anyone said), and how it felt.
public struct Rejection: Hashable, Sendable, Codable {
    public var applicationID: Int
    public var on: Day
    public var stageReached: Stage
    /// The reason as they stated it, in their words.
    public var reason: String?
    public var category: RejectionCategory
    public var controllable: Controllability
    /// A few words for how it felt ("disappointed", "relieved").
    public var feelings: [String]
    /// How strongly, 1 to 10.
    public var intensity: Int?
    /// The last day of the short window for feeling it before turning to what's next.
    public var processingEndsOn: Day

    public init(
        applicationID: Int, on: Day, stageReached: Stage, reason: String?, category: RejectionCategory,
        controllable: Controllability, feelings: [String], intensity: Int?, processingEndsOn: Day
    ) {
        self.applicationID = applicationID
        self.on = on
        self.stageReached = stageReached
        self.reason = reason
        self.category = category
        self.controllable = controllable
        self.feelings = feelings
        self.intensity = intensity
        self.processingEndsOn = processingEndsOn
    }

    /// True when the person set controllability by hand instead of taking the category's reading.
    public var controllableOverridden: Bool { controllable != category.controllability }

    /// Whether the processing window is still open on `today`.
    public func isProcessing(today: Day) -> Bool { today >= on && today <= processingEndsOn }
}

/// A rejection as the person describes it, before it is attached to an application.
public struct RejectionDetails: Hashable, Sendable {
    public var on: Day
    public var stageReached: Stage?
    public var reason: String?
    public var category: RejectionCategory
    /// Nil takes the category's default reading.
    public var controllable: Controllability?
    public var feelings: [String]
    public var intensity: Int?

    public init(
        on: Day, stageReached: Stage? = nil, reason: String? = nil, category: RejectionCategory,
        controllable: Controllability? = nil, feelings: [String] = [], intensity: Int? = nil
    ) {
        self.on = on
        self.stageReached = stageReached
        self.reason = reason
        self.category = category
        self.controllable = controllable
        self.feelings = feelings
        self.intensity = intensity
    }
}
