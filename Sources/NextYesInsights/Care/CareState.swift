import NextYesCore

/// After crisis language, NextYes puts support first for a while: the wellbeing watch says so at
/// once, and targets, nudges and reminders pause. The person can resume them whenever they like.
public struct CareState: Hashable, Sendable, Codable {
    /// How long the pause lasts after the last words of crisis, unless the person resumes sooner.
    public static let pauseDays = 14

    /// The last day something the person wrote carried crisis language; nil when resumed.
    public var noticedOn: Day?

    public init(noticedOn: Day? = nil) {
        self.noticedOn = noticedOn
    }

    public func isPaused(today: Day) -> Bool {
        guard let noticedOn else { return false }
        return noticedOn <= today && noticedOn.days(until: today) < Self.pauseDays
    }
}
