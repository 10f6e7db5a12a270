import Foundation

/// Where "now" comes from. Tests pin it; the apps use the system clock and time zone.
public struct Clock: Sendable {
    public var now: @Sendable () -> Date
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = .current, now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
        self.timeZone = timeZone
    }

    public var today: Day { Day(now(), in: timeZone) }

    public static let system = Clock()

    /// A clock stopped at noon on `day` in `timeZone`.
    public static func fixed(_ day: Day, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Clock {
        let moment = day.start(in: timeZone).addingTimeInterval(12 * 3600)
        return Clock(timeZone: timeZone, now: { moment })
    }
}
