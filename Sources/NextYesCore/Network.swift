import Foundation

/// A touchpoint with a contact.
public enum InteractionKind: String, CaseIterable, Codable, Sendable, TypedIdentifier {
    case informationalInterview = "informational-interview"
    case coffeeChat = "coffee-chat"
    case referralAsk = "referral-ask"
    case followUp = "follow-up"
    case feedbackRequest = "feedback-request"
    case engagedWithPosts = "engaged-with-posts"
    case call
    case message

    public var title: String {
        switch self {
        case .informationalInterview: "Informational interview"
        case .coffeeChat: "Coffee chat"
        case .referralAsk: "Referral ask"
        case .followUp: "Follow-up"
        case .feedbackRequest: "Feedback request"
        case .engagedWithPosts: "Engaged with their posts"
        case .call: "Call"
        case .message: "Message"
        }
    }

    /// A real conversation, which counts toward the weekly networking target (and is a win).
    public var isConversation: Bool {
        switch self {
        case .informationalInterview, .coffeeChat, .referralAsk, .call: true
        case .followUp, .feedbackRequest, .engagedWithPosts, .message: false
        }
    }
}

public struct Interaction: Hashable, Codable, Sendable, Identifiable {
    public var id: Int
    public var contactID: Int
    public var kind: InteractionKind
    public var on: Day
    public var note: String?

    public init(id: Int, contactID: Int, kind: InteractionKind, on: Day, note: String? = nil) {
        self.id = id
        self.contactID = contactID
        self.kind = kind
        self.on = on
        self.note = note
    }
}

/// An interaction as typed.
public struct InteractionForm: Hashable, Sendable {
    public var kind: String
    public var on: String
    public var note: String

    public init(kind: String = "", on: String = "", note: String = "") {
        self.kind = kind
        self.on = on
        self.note = note
    }

    public struct Valid: Hashable, Sendable {
        public var kind: InteractionKind
        public var on: Day
        public var note: String?

        public init(kind: InteractionKind, on: Day, note: String? = nil) {
            self.kind = kind
            self.on = on
            self.note = note
        }
    }

    public func validated(today: Day) throws(ValidationErrors) -> Valid {
        var errors = ValidationErrors()
        let kind = InteractionKind(id: self.kind)
        if kind == nil {
            errors.add("kind", Text.cleanLine(self.kind) == nil
                ? "Choose what kind of contact it was: \(InteractionKind.idList)."
                : "\"\(FormRules.quote(self.kind))\" is not a kind of interaction. Use one of: \(InteractionKind.idList).")
        }
        var day = today
        if let raw = Text.cleanLine(on) {
            switch FormRules.pastDay(raw, today: today, what: "The date") {
            case .success(let parsed): day = parsed
            case .failure(let message): errors.add("on", message.text)
            }
        }
        let note = Text.clean(note)
        if let note, note.count > Limits.reason { errors.add("note", "Keep the note under \(Limits.reason) characters; the key points are enough.") }
        if !errors.isEmpty { throw errors }
        return Valid(kind: kind!, on: day, note: note)
    }
}

/// The format of an interview round.
public enum InterviewType: String, CaseIterable, Codable, Sendable, TypedIdentifier {
    case phoneScreen = "phone-screen"
    case video
    case onsite
    case technical
    case behavioural
    case panel
    case caseStudy = "case-study"
    case other

    public var title: String {
        switch self {
        case .phoneScreen: "Phone screen"
        case .video: "Video call"
        case .onsite: "On site"
        case .technical: "Technical"
        case .behavioural: "Behavioural"
        case .panel: "Panel"
        case .caseStudy: "Case study"
        case .other: "Other"
        }
    }

    public init?(id: String) {
        let key = Self.key(id)
        let aliases = ["behavioral": "behavioural", "phone": "phone-screen", "on-site": "onsite", "case": "case-study"]
        self.init(rawValue: aliases[key] ?? key)
    }
}

/// A time of day, "14:30", in the person's own time zone.
public struct TimeOfDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Reads "14:30", "9:05" or "0930".
    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]) {
            self.init(hour: h, minute: m)
        } else if text.count == 4, text.allSatisfy(\.isNumber), let h = Int(text.prefix(2)), let m = Int(text.suffix(2)) {
            self.init(hour: h, minute: m)
        } else {
            return nil
        }
    }

    public var description: String { String(format: "%02d:%02d", hour, minute) }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let time = TimeOfDay(raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\"\(raw)\" is not HH:MM"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The moment this time happens on a day in a time zone. In a daylight-saving gap (02:30 on
    /// the morning clocks go forward) it is the first valid moment after.
    public func moment(on day: Day, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return calendar.date(from: components) ?? day.start(in: timeZone)
    }
}

/// One interview round of an application.
public struct InterviewRound: Hashable, Codable, Sendable, Identifiable {
    public var id: Int
    public var applicationID: Int
    public var on: Day
    public var time: TimeOfDay?
    public var type: InterviewType
    public var interviewerIDs: [Int]
    public var notes: String?

    public init(id: Int, applicationID: Int, on: Day, time: TimeOfDay?, type: InterviewType, interviewerIDs: [Int] = [], notes: String? = nil) {
        self.id = id
        self.applicationID = applicationID
        self.on = on
        self.time = time
        self.type = type
        self.interviewerIDs = interviewerIDs
        self.notes = notes
    }
}

/// An interview round as typed. Rounds are often in the future; within a year either way.
public struct InterviewForm: Hashable, Sendable {
    public var on: String
    public var time: String
    public var type: String
    public var interviewerIDs: [Int]
    public var notes: String

    public init(on: String = "", time: String = "", type: String = "", interviewerIDs: [Int] = [], notes: String = "") {
        self.on = on
        self.time = time
        self.type = type
        self.interviewerIDs = interviewerIDs
        self.notes = notes
    }

    public struct Valid: Hashable, Sendable {
        public var on: Day
        public var time: TimeOfDay?
        public var type: InterviewType
        public var interviewerIDs: [Int]
        public var notes: String?

        public init(on: Day, time: TimeOfDay? = nil, type: InterviewType, interviewerIDs: [Int], notes: String? = nil) {
            self.on = on
            self.time = time
            self.type = type
            self.interviewerIDs = interviewerIDs
            self.notes = notes
        }
    }

    public func validated(today: Day) throws(ValidationErrors) -> Valid {
        var errors = ValidationErrors()
        var day: Day?
        if let raw = Text.cleanLine(on) {
            day = Day(raw)
            if day == nil { errors.add("on", FormRules.unreadableDay(raw, what: "The day", example: today)) }
            else if abs(day!.days(until: today)) > 366 { errors.add("on", "\(day!) is more than a year from today. Check the year.") }
        } else {
            errors.add("on", "Add the day of the interview.")
        }
        var time: TimeOfDay?
        if let raw = Text.cleanLine(self.time) {
            time = TimeOfDay(raw)
            if time == nil { errors.add("time", "Write the time as HH:MM on a 24-hour clock, for example 14:30.") }
        }
        let type = Text.cleanLine(self.type).map { InterviewType(id: $0) } ?? .other
        if type == nil { errors.add("type", "\"\(FormRules.quote(self.type))\" is not an interview type. Use one of: \(InterviewType.idList).") }
        let notes = Text.clean(notes)
        if let notes, notes.count > Limits.notes { errors.add("notes", "Notes hold up to \(Limits.notes) characters; this is \(notes.count).") }
        if !errors.isEmpty { throw errors }
        var ids: [Int] = []
        for id in interviewerIDs where !ids.contains(id) { ids.append(id) }
        return Valid(on: day!, time: time, type: type!, interviewerIDs: ids, notes: notes)
    }
}

/// What to say when a round is added.
public enum InterviewMessages {
    /// "Added the panel interview for Analyst at Acme on 25 Nov 2026 at 14:30; the application is at interview now."
    public static func added(_ round: InterviewRound, title: String, moved: Stage?, today: Day) -> String {
        let kind = round.type == .other ? "interview round" : "\(round.type.title.lowercased()) round"
        var text = "Added the \(kind) for \(title) on \(round.on.readable)\(round.time.map { " at \($0)" } ?? "")."
        if let moved { text += " The application is at \(moved.title.lowercased()) now." }
        if round.on >= today { text += " It's on your agenda." }
        return text
    }
}
