import NextYesCore

/// One week against its targets.
public struct WeekProgress: Hashable, Codable, Sendable {
    /// The Monday the week starts on.
    public var weekStart: Day
    /// The targets in effect that week; nil before the person set any.
    public var targets: WeeklyTargets?
    public var applications: Int
    public var conversations: Int
    public var skillHours: Double

    public var weekEnd: Day { weekStart.adding(days: 6) }

    public var applicationsMet: Bool { targets.map { applications >= $0.applications } ?? false }
    public var conversationsMet: Bool { targets.map { conversations >= $0.conversations } ?? false }
    public var hoursMet: Bool { targets.map { skillHours + 1e-9 >= $0.skillHours } ?? false }

    /// All three targets reached.
    public var met: Bool { targets != nil && applicationsMet && conversationsMet && hoursMet }

    /// "16–22 Nov"
    public var title: String {
        let start = weekStart.readable.split(separator: " "), end = weekEnd.readable.split(separator: " ")
        return start[1] == end[1] ? "\(start[0])–\(end[0]) \(end[1])" : "\(start[0]) \(start[1])–\(end[0]) \(end[1])"
    }
}

/// This week, the weeks before it, and the streak of weeks met.
public struct WeeklyProgress: Hashable, Codable, Sendable {
    public var thisWeek: WeekProgress
    /// Earlier weeks, most recent first.
    public var history: [WeekProgress]
    /// Weeks in a row with every target met, up to last week (and this week once it is met).
    public var streak: Int
    /// Days left in this week, today included.
    public var daysLeft: Int
    /// The Monday of the first week with anything on record (an application sent, a
    /// conversation, an hour of learning, targets set); nil while there is nothing yet.
    public var started: Day? = nil

    /// The earlier weeks since the person started, most recent first: no rows of zeros from
    /// before the search began.
    public var weeksSinceStart: [WeekProgress] {
        guard let started else { return [] }
        return history.filter { $0.weekStart >= started }
    }

    /// Weeks run Monday to Sunday in the person's own time zone (days are already local).
    public static func compute(
        today: Day, periods: [TargetsPeriod], appliedDays: [Day], conversationDays: [Day], hours: [(on: Day, hours: Double)], weeks: Int = 12
    ) -> WeeklyProgress {
        let sorted = periods.sorted { $0.from < $1.from }
        func targets(for monday: Day) -> WeeklyTargets? {
            sorted.last { $0.from <= monday }?.targets
        }
        var applications: [Day: Int] = [:], conversations: [Day: Int] = [:], skill: [Day: Double] = [:]
        for day in appliedDays { applications[day.startOfWeek, default: 0] += 1 }
        for day in conversationDays { conversations[day.startOfWeek, default: 0] += 1 }
        for entry in hours { skill[entry.on.startOfWeek, default: 0] += entry.hours }
        func week(_ monday: Day) -> WeekProgress {
            WeekProgress(weekStart: monday, targets: targets(for: monday), applications: applications[monday] ?? 0,
                         conversations: conversations[monday] ?? 0, skillHours: skill[monday] ?? 0)
        }
        let monday = today.startOfWeek
        let current = week(monday)
        let history = (1...max(1, weeks)).map { week(monday.adding(days: -7 * $0)) }
        var streak = current.met ? 1 : 0
        var back = 1
        while true {
            let earlier = week(monday.adding(days: -7 * back))
            guard earlier.met else { break }
            streak += 1
            back += 1
        }
        let first = (appliedDays + conversationDays + hours.map(\.on) + periods.map(\.from)).min()
        return WeeklyProgress(thisWeek: current, history: history, streak: streak, daysLeft: 8 - today.isoWeekday,
                              started: first.map { min($0, today).startOfWeek })
    }
}

/// One measure, this month against last month.
public struct MonthChange: Hashable, Codable, Sendable {
    public var measure: String
    public var thisMonth: Int
    public var lastMonth: Int

    /// Below this many in both months, a change says more about chance than about the search.
    public static let minimumToCompare = 5

    public var isTooFewToCompare: Bool { max(thisMonth, lastMonth) < Self.minimumToCompare }

    /// "up 4 (from 8 to 12)", "the same (6)", "too few to compare yet"
    public var reading: String {
        if isTooFewToCompare { return "too few to compare yet" }
        let difference = thisMonth - lastMonth
        if difference == 0 { return "the same (\(thisMonth))" }
        return "\(difference > 0 ? "up" : "down") \(abs(difference)) (from \(lastMonth) to \(thisMonth))"
    }
}

/// This month so far against the same days of last month: 1–21 November against 1–21 October,
/// so a month that has only just begun isn't compared with a whole one.
public struct MonthOverMonth: Hashable, Codable, Sendable {
    public var thisMonthStart: Day
    public var today: Day
    /// The last day of last month that is compared (the same day of the month, or its last day).
    public var lastMonthEnd: Day
    public var changes: [MonthChange]

    public var lastMonthStart: Day { thisMonthStart.startOfMonth(offsetBy: -1) }

    /// "1–21 Nov 2026 against 1–21 Oct 2026"
    public var title: String {
        func span(_ start: Day, _ end: Day) -> String {
            let parts = end.readable.split(separator: " ")
            return start == end ? end.readable : "\(start.day)–\(parts[0]) \(parts[1]) \(parts[2])"
        }
        return "\(span(thisMonthStart, today)) against \(span(lastMonthStart, lastMonthEnd))"
    }

    public struct Inputs: Sendable {
        public var applied: [Day]
        public var responses: [Day]
        public var interviews: [Day]
        public var offers: [Day]
        public var conversations: [Day]
        public var wins: [Day]

        public init(applied: [Day] = [], responses: [Day] = [], interviews: [Day] = [], offers: [Day] = [], conversations: [Day] = [], wins: [Day] = []) {
            self.applied = applied
            self.responses = responses
            self.interviews = interviews
            self.offers = offers
            self.conversations = conversations
            self.wins = wins
        }
    }

    public static func compute(today: Day, _ inputs: Inputs) -> MonthOverMonth {
        let thisStart = today.startOfMonth
        let lastStart = thisStart.startOfMonth(offsetBy: -1)
        let lastEnd = min(lastStart.adding(days: today.day - 1), thisStart.adding(days: -1))
        func count(_ days: [Day]) -> (Int, Int) {
            (days.filter { $0 >= thisStart && $0 <= today }.count, days.filter { $0 >= lastStart && $0 <= lastEnd }.count)
        }
        let measures: [(String, [Day])] = [
            ("Applications sent", inputs.applied), ("Responses from employers", inputs.responses), ("Interviews", inputs.interviews),
            ("Offers", inputs.offers), ("Networking conversations", inputs.conversations), ("Wins", inputs.wins),
        ]
        return MonthOverMonth(thisMonthStart: thisStart, today: today, lastMonthEnd: lastEnd, changes: measures.map { name, days in
            let (now, before) = count(days)
            return MonthChange(measure: name, thisMonth: now, lastMonth: before)
        })
    }

    /// From the applications' timelines: when each was sent, first heard back (a move past
    /// applied, a rejection or an offer), reached an interview, and got an offer.
    public static func inputs(applications: [Application], events: [ApplicationEvent]) -> Inputs {
        var inputs = Inputs()
        inputs.applied = appliedDays(applications)
        // Every timeline in order at once (the store's are already), then the first event of each
        // kind per application: no table of timelines, no sort per application.
        let before: (ApplicationEvent, ApplicationEvent) -> Bool = { ($0.on, $0.recordedAt) < ($1.on, $1.recordedAt) }
        let ordered = zip(events, events.dropFirst()).allSatisfy { !before($1, $0) } ? events : events.sorted(by: before)
        var responded = Set<Int>(), interviewed = Set<Int>(), offered = Set<Int>()
        for event in ordered {
            let id = event.applicationID
            if (event.kind == .moved && event.stage > .applied) || event.kind == .rejected
                || event.kind == .offerAccepted || event.kind == .offerDeclined, responded.insert(id).inserted {
                inputs.responses.append(event.on)
            }
            if event.kind == .moved && event.stage >= .interview && event.stage < .offer, interviewed.insert(id).inserted {
                inputs.interviews.append(event.on)
            }
            if event.kind == .moved && event.stage == .offer, offered.insert(id).inserted {
                inputs.offers.append(event.on)
            }
        }
        return inputs
    }

    /// The day each sent application was applied for (when known), copying no application.
    public static func appliedDays(_ applications: [Application]) -> [Day] {
        var days: [Day] = []
        for i in applications.indices where applications[i].furthestStage >= .applied {
            if let day = applications[i].details.appliedOn { days.append(day) }
        }
        return days
    }
}
