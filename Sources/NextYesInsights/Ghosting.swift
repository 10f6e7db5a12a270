import Foundation
import NextYesCore

/// An open application that has gone quiet for long enough to ask "ghosted?".
public struct GhostedSuggestion: Hashable, Sendable {
    public var application: Application
    public var daysSilent: Int
}

public enum Ghosting {
    /// Open applications, sent and waiting on the company, with no event for `afterDays` or more.
    /// Saved jobs (not sent yet) and offers (the ball is with the person) are left out.
    ///
    /// The wait counts from the last news, and never from before the person added the application
    /// to NextYes: one added today with an applied day two months back gets the usual waiting
    /// time before NextYes asks "ghosted?", instead of a banner the moment it is saved.
    public static func suggestions(_ applications: [Application], today: Day, afterDays: Int, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> [GhostedSuggestion] {
        // Chosen and ordered by position first, so only the applications suggested are copied.
        var chosen: [(index: Int, days: Int, id: Int)] = []
        for i in applications.indices where applications[i].isOpen && applications[i].stage >= .applied && applications[i].stage < .offer {
            let days = applications[i].lastActivityOn.days(until: today)
            let added = Day(applications[i].createdAt, in: timeZone)
            let waited = min(days, added.days(until: today))
            if waited >= afterDays { chosen.append((i, days, applications[i].id)) }
        }
        chosen.sort { ($0.days, $1.id) > ($1.days, $0.id) }
        return chosen.map { GhostedSuggestion(application: applications[$0.index], daysSilent: $0.days) }
    }
}
