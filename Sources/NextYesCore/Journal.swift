import Foundation

/// What kind of journal entry: written freely, a one-tap mood check-in, or the note from the
/// rejection flow.
public enum JournalKind: String, CaseIterable, Codable, Sendable {
    case entry
    case checkIn = "check-in"
    case rejection
}

/// A private journal entry: text, a mood from 1 to 10 and a few emotion words.
public struct JournalEntry: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var writtenOn: Day
    public var createdAt: Date
    public var kind: JournalKind
    public var text: String?
    public var mood: Int?
    public var emotions: [String]
    /// The person's own reframe of a thought in the entry.
    public var ownReframe: String?
    public var applicationID: Int?

    public init(id: Int, writtenOn: Day, createdAt: Date, kind: JournalKind, text: String?, mood: Int?,
                emotions: [String], ownReframe: String? = nil, applicationID: Int? = nil) {
        self.id = id
        self.writtenOn = writtenOn
        self.createdAt = createdAt
        self.kind = kind
        self.text = text
        self.mood = mood
        self.emotions = emotions
        self.ownReframe = ownReframe
        self.applicationID = applicationID
    }
}

/// A new journal entry, checked.
public struct NewJournalEntry: Hashable, Sendable {
    public var writtenOn: Day
    public var kind: JournalKind
    public var text: String?
    public var mood: Int?
    public var emotions: [String]
    public var applicationID: Int?

    public init(writtenOn: Day, kind: JournalKind = .entry, text: String? = nil, mood: Int? = nil, emotions: [String] = [], applicationID: Int? = nil) {
        self.writtenOn = writtenOn
        self.kind = kind
        self.text = text
        self.mood = mood
        self.emotions = emotions
        self.applicationID = applicationID
    }
}

extension Limits {
    public static let journalText = 20_000
}

/// A journal form as typed.
public struct JournalForm: Hashable, Sendable {
    public var text: String
    public var mood: String
    public var emotions: [String]
    public var on: String

    public init(text: String = "", mood: String = "", emotions: [String] = [], on: String = "") {
        self.text = text
        self.mood = mood
        self.emotions = emotions
        self.on = on
    }

    /// An entry needs something in it: words, a mood, or a feeling.
    public func validated(today: Day, kind: JournalKind = .entry) throws(ValidationErrors) -> NewJournalEntry {
        var errors = ValidationErrors()
        let text = Text.clean(self.text)
        if let text, text.count > Limits.journalText {
            errors.add("text", "This entry is \(text.count) characters; an entry holds up to \(Limits.journalText). Split it into two entries; nothing has been saved yet.")
        }
        var mood: Int?
        if let raw = Text.cleanLine(self.mood) {
            mood = Int(raw)
            if mood == nil || !(1...10).contains(mood!) {
                errors.add("mood", "Mood is a number from 1 (very low) to 10 (great).")
                mood = nil
            }
        }
        var emotions: [String] = []
        switch FormRules.feelingWords(self.emotions) {
        case .success(let words): emotions = words
        case .failure(let message): errors.add("emotions", message.text)
        }
        var day = today
        if let raw = Text.cleanLine(on) {
            switch FormRules.pastDay(raw, today: today, what: "The date") {
            case .success(let parsed): day = parsed
            case .failure(let message): errors.add("on", message.text)
            }
        }
        if errors.isEmpty, text == nil, mood == nil, emotions.isEmpty {
            errors.add("text", "Write a few words, pick a mood, or name a feeling; any one of them is enough.")
        }
        if !errors.isEmpty { throw errors }
        return NewJournalEntry(writtenOn: day, kind: kind, text: text, mood: mood, emotions: emotions)
    }
}

/// Something that went right, recorded automatically from events or by hand.
public enum WinKind: String, CaseIterable, Codable, Sendable {
    case stoodOut = "stood-out"
    case strengthFeedback = "strength-feedback"
    case goalDone = "goal-done"
    case networking
    case offer
    case manual

    public var title: String {
        switch self {
        case .stoodOut: "Your application stood out"
        case .strengthFeedback: "Feedback named a strength"
        case .goalDone: "Goal done"
        case .networking: "A networking conversation"
        case .offer: "An offer"
        case .manual: "A win"
        }
    }
}

public struct Win: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var on: Day
    public var kind: WinKind
    public var title: String
    public var detail: String?
    public var applicationID: Int?
    /// For automatic wins: what caused it, so the same event is never counted twice.
    public var sourceKey: String?

    public init(id: Int, on: Day, kind: WinKind, title: String, detail: String? = nil, applicationID: Int? = nil, sourceKey: String? = nil) {
        self.id = id
        self.on = on
        self.kind = kind
        self.title = title
        self.detail = detail
        self.applicationID = applicationID
        self.sourceKey = sourceKey
    }
}

/// A win before it is saved.
public struct NewWin: Hashable, Sendable {
    public var on: Day
    public var kind: WinKind
    public var title: String
    public var detail: String?
    public var applicationID: Int?
    public var sourceKey: String?

    public init(on: Day, kind: WinKind, title: String, detail: String? = nil, applicationID: Int? = nil, sourceKey: String? = nil) {
        self.on = on
        self.kind = kind
        self.title = title
        self.detail = detail
        self.applicationID = applicationID
        self.sourceKey = sourceKey
    }

    /// A win typed by hand.
    public static func manual(title raw: String, on rawDay: String, today: Day) throws(ValidationErrors) -> NewWin {
        var errors = ValidationErrors()
        let title = Text.cleanLine(raw)
        if title == nil { errors.add("title", "Name the win, however small: \"sent three applications\" counts.") }
        if let title, title.count > Limits.name { errors.add("title", "Keep the win under \(Limits.name) characters; the short version is the one you'll remember.") }
        var day = today
        if let text = Text.cleanLine(rawDay) {
            switch FormRules.pastDay(text, today: today, what: "The date") {
            case .success(let parsed): day = parsed
            case .failure(let message): errors.add("on", message.text)
            }
        }
        if !errors.isEmpty { throw errors }
        return NewWin(on: day, kind: .manual, title: title!)
    }

    /// The automatic win for reaching a stage that means a person chose to go further.
    public static func forStage(_ stage: Stage, application: Application, on day: Day) -> NewWin? {
        switch stage {
        case .screening, .assessment, .interview, .finalRound:
            return NewWin(
                on: day, kind: .stoodOut,
                title: "\(application.company) moved you to \(stage.title.lowercased())",
                detail: "Your application stood out among many for \(application.role).",
                applicationID: application.id, sourceKey: "stage:\(application.id):\(stage.rawValue)")
        case .offer:
            return NewWin(
                on: day, kind: .offer, title: "An offer from \(application.company)",
                detail: "They want you for \(application.role).", applicationID: application.id,
                sourceKey: "stage:\(application.id):offer")
        default:
            return nil
        }
    }
}
