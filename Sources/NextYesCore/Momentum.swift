import Foundation

/// What the person aims for each week.
public struct WeeklyTargets: Hashable, Codable, Sendable {
    public var applications: Int
    public var conversations: Int
    public var skillHours: Double

    public init(applications: Int, conversations: Int, skillHours: Double) {
        self.applications = applications
        self.conversations = conversations
        self.skillHours = skillHours
    }

    /// A steady pace most people can keep: a handful of tailored applications, a couple of
    /// conversations, a few hours of learning.
    public static let suggested = WeeklyTargets(applications: 5, conversations: 2, skillHours: 3)
}

/// Targets that took effect from the week starting `from` (a Monday).
public struct TargetsPeriod: Hashable, Codable, Sendable {
    public var from: Day
    public var targets: WeeklyTargets

    public init(from: Day, targets: WeeklyTargets) {
        self.from = from
        self.targets = targets
    }
}

/// Weekly targets as typed.
public struct TargetsForm: Hashable, Sendable {
    public var applications: String
    public var conversations: String
    public var skillHours: String

    public init(applications: String = "", conversations: String = "", skillHours: String = "") {
        self.applications = applications
        self.conversations = conversations
        self.skillHours = skillHours
    }

    public init(_ targets: WeeklyTargets) {
        self.init(applications: String(targets.applications), conversations: String(targets.conversations), skillHours: Hours.number(targets.skillHours))
    }

    public func validated() throws(ValidationErrors) -> WeeklyTargets {
        var errors = ValidationErrors()
        let applications = Int(Text.cleanLine(applications) ?? "")
        if applications == nil || !(0...50).contains(applications!) {
            errors.add("applications", "Applications a week is a whole number from 0 to 50.")
        }
        let conversations = Int(Text.cleanLine(conversations) ?? "")
        if conversations == nil || !(0...30).contains(conversations!) {
            errors.add("conversations", "Conversations a week is a whole number from 0 to 30.")
        }
        let hours = Double(Text.cleanLine(skillHours) ?? "")
        if hours == nil || !(0...60).contains(hours!) || hours!.isNaN {
            errors.add("skillHours", "Skill-development hours a week is a number from 0 to 60, for example 3 or 2.5.")
        }
        if !errors.isEmpty { throw errors }
        return WeeklyTargets(applications: applications!, conversations: conversations!, skillHours: (hours! * 4).rounded() / 4)
    }
}

extension Day {
    /// The same day of the month `months` later, or the month's last day when it is shorter
    /// (31 January + 1 month is 28 or 29 February).
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        var d = day
        while Day(year: y, month: m, day: d) == nil { d -= 1 }
        return Day(year: y, month: m, day: d)!
    }

    /// The last day of this day's month.
    public var endOfMonth: Day { startOfMonth(offsetBy: 1).adding(days: -1) }

    /// "November 2026"
    public var monthTitle: String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(names[month - 1]) \(year)"
    }
}
