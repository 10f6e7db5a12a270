import Foundation
import NextYesCore

/// A gentle signal that the search may be weighing on the person, with a specific suggestion.
/// Never a diagnosis: it notices patterns in what the person logged and suggests care.
public enum WellbeingSignal: Hashable, Sendable, Codable {
    /// Something the person wrote carried crisis language: support comes first, at once.
    case reachOut(since: Day)
    /// Average mood of 3 or lower over 14 days, from at least 5 check-ins.
    case lowMood(average: Double, checkIns: Int)
    /// Three or more rejections within 7 days.
    case rejectionCluster(count: Int)
    /// No applications or networking for 14 days or more after a rejection.
    case stalled(days: Int, since: Day)
    /// More than 15 applications in a week with no replies.
    case burnout(applications: Int)

    public var id: String {
        switch self {
        case .reachOut: "reach-out"
        case .lowMood: "low-mood"
        case .rejectionCluster: "rejection-cluster"
        case .stalled: "stalled"
        case .burnout: "burnout"
        }
    }

    public var title: String {
        switch self {
        case .reachOut: "Please reach out to someone now"
        case .lowMood: "Your mood has been low for a while"
        case .rejectionCluster: "Several no's in a short time"
        case .stalled: "A quiet stretch since your last rejection"
        case .burnout: "A lot of applications, and no replies yet"
        }
    }

    public var message: String {
        switch self {
        case .reachOut:
            "Something you wrote recently sounded very heavy. You matter. A crisis line listens at any hour, and talking to someone you trust can help; the numbers are below. Your targets and reminders are paused while you look after yourself."
        case .lowMood(let average, let checkIns):
            String(format: "Your check-ins have averaged %.1f out of 10 over the last two weeks (%d check-ins). A long search can weigh on anyone. Be as kind to yourself as you would be to a friend: rest, get outside, and talk to someone you trust about how it's going. If the low mood stays, a doctor or a counsellor can help, and there is no need to wait until it feels serious.", average, checkIns)
        case .rejectionCluster(let count):
            "\(count) rejections in the last week is a lot to take in at once. It's fine to slow down for a few days. Consider a smaller target this week, and tell someone you trust how it has been."
        case .stalled(let days, _):
            "It's been \(days) days since your last rejection without a new application or conversation. Pausing is allowed. When you feel ready, one small step helps: one application, or one message to someone in your network."
        case .burnout(let applications):
            "You've sent \(applications) applications this week and haven't heard back yet. That's a big effort, and silence is common at this pace. Fewer, more tailored applications often get more replies and cost you less energy; a smaller weekly target may serve you better."
        }
    }

    /// Whether to point to professional support and the person's helpline.
    public var suggestsProfessionalSupport: Bool {
        switch self {
        case .lowMood, .reachOut: true
        default: false
        }
    }
}

/// The facts the watch reads, all from the person's own record.
public struct WellbeingInputs: Sendable {
    public var moods: [(day: Day, mood: Int)]
    public var rejectionDays: [Day]
    /// Days on which the person added or sent an application.
    public var applicationDays: [Day]
    /// Days on which the person had a networking conversation.
    public var networkingDays: [Day]
    /// Applications sent in the last 7 days, with whether each has moved beyond "applied".
    public var recentApplications: [(appliedOn: Day, replied: Bool)]
    /// The care pause, when something the person wrote carried crisis language.
    public var care: CareState

    public init(moods: [(day: Day, mood: Int)] = [], rejectionDays: [Day] = [], applicationDays: [Day] = [],
                networkingDays: [Day] = [], recentApplications: [(appliedOn: Day, replied: Bool)] = [], care: CareState = CareState()) {
        self.care = care
        self.moods = moods
        self.rejectionDays = rejectionDays
        self.applicationDays = applicationDays
        self.networkingDays = networkingDays
        self.recentApplications = recentApplications
    }
}

public enum WellbeingWatch {
    public static func signals(_ inputs: WellbeingInputs, today: Day) -> [WellbeingSignal] {
        var signals: [WellbeingSignal] = []
        if inputs.care.isPaused(today: today), let since = inputs.care.noticedOn { signals.append(.reachOut(since: since)) }
        let fortnight = inputs.moods.filter { $0.day > today.adding(days: -14) && $0.day <= today }
        if fortnight.count >= 5 {
            let average = Double(fortnight.map(\.mood).reduce(0, +)) / Double(fortnight.count)
            if average <= 3 { signals.append(.lowMood(average: average, checkIns: fortnight.count)) }
        }
        let lastWeek = inputs.rejectionDays.filter { $0 > today.adding(days: -7) && $0 <= today }
        if lastWeek.count >= 3 { signals.append(.rejectionCluster(count: lastWeek.count)) }
        if let lastRejection = inputs.rejectionDays.filter({ $0 <= today }).max() {
            let quiet = lastRejection.days(until: today)
            let activeSince = (inputs.applicationDays + inputs.networkingDays).contains { $0 > lastRejection && $0 <= today }
            if quiet >= 14 && !activeSince { signals.append(.stalled(days: quiet, since: lastRejection)) }
        }
        let week = inputs.recentApplications.filter { $0.appliedOn > today.adding(days: -7) && $0.appliedOn <= today }
        if week.count > 15 && !week.contains(where: \.replied) { signals.append(.burnout(applications: week.count)) }
        return signals
    }
}

/// Encouragement drawn from the person's own record, not only from generic quotes.
public enum Affirmations {
    public struct FeedbackStrength: Sendable {
        public var theme: FeedbackTheme
        public var evidence: String
        public var company: String

        public init(theme: FeedbackTheme, evidence: String, company: String) {
            self.theme = theme
            self.evidence = evidence
            self.company = company
        }
    }

    /// How many of the applications sent went past "applied" (a company chose to hear more).
    public struct MovedOn: Hashable, Sendable {
        public var applications: Int
        public var of: Int

        public init(applications: Int, of: Int) {
            self.applications = applications
            self.of = of
        }

        /// "9 of your 24 applications moved past "applied"…": applications, never stage moves.
        public var sentence: String? {
            guard applications >= 2, of >= applications else { return nil }
            return "\(applications) of your \(of) applications moved past \"applied\": each one a company that chose to hear more from you."
        }
    }

    public static func make(profileStrengths: [String], feedbackStrengths: [FeedbackStrength], wins: [Win], movedOn: MovedOn? = nil, limit: Int = 3) -> [String] {
        var lines: [String] = []
        if let strength = feedbackStrengths.first {
            lines.append("\(strength.company) noticed your \(strength.theme.title.lowercased()): \"\(strength.evidence)\"")
        }
        if let moved = movedOn?.sentence {
            lines.append(moved)
        } else if let win = wins.first(where: { $0.kind != .manual }) ?? wins.first {
            lines.append(Text.sentence("Remember this: \(win.title.prefix(1).lowercased() + win.title.dropFirst())"))
        }
        if let named = profileStrengths.first {
            lines.append("A strength you named yourself: \(named). It is still true today.")
        }
        if lines.count < limit {
            lines.append("Every application is practice. You're building skill and resilience with each one, whatever the answer.")
        }
        return Array(lines.prefix(limit))
    }
}

/// Daily average mood for a trend chart.
public enum MoodTrend {
    public static func daily(_ moods: [(day: Day, mood: Int)], from start: Day, to end: Day) -> [(day: Day, average: Double?)] {
        guard start <= end else { return [] }
        let byDay = Dictionary(grouping: moods.filter { $0.day >= start && $0.day <= end }, by: \.day)
        return (0...start.days(until: end)).map { offset in
            let day = start.adding(days: offset)
            let values = byDay[day]?.map(\.mood) ?? []
            return (day, values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count))
        }
    }
}
