import NextYesCore

/// An open application that has gone quiet for long enough to ask "ghosted?".
public struct GhostedSuggestion: Hashable, Sendable {
    public var application: Application
    public var daysSilent: Int
}

public enum Ghosting {
    /// Open applications, sent and waiting on the company, with no event for `afterDays` or more.
    /// Saved jobs (not sent yet) and offers (the ball is with the person) are left out.
    public static func suggestions(_ applications: [Application], today: Day, afterDays: Int) -> [GhostedSuggestion] {
        applications
            .filter { $0.isOpen && $0.stage >= .applied && $0.stage < .offer }
            .map { GhostedSuggestion(application: $0, daysSilent: $0.lastActivityOn.days(until: today)) }
            .filter { $0.daysSilent >= afterDays }
            .sorted { ($0.daysSilent, $1.application.id) > ($1.daysSilent, $0.application.id) }
    }
}
