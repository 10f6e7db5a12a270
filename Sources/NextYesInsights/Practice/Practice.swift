import Foundation
import NextYesCore

public enum QuestionKind: String, CaseIterable, Codable, Sendable {
    case behavioural, situational, motivation, general
}

public struct InterviewQuestion: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var question: String
    public var themes: [FeedbackTheme]
    public var kind: QuestionKind

    /// A question about something that happened ("Tell me about a time…", "Describe a
    /// situation…", "Give an example…") is answered with a STAR story. Salary, motivation,
    /// "what would you do" and logistics questions are not, so STAR practice never offers them.
    public var suitsSTAR: Bool { kind == .behavioural }
}

/// The bundled bank of common interview questions, written for NextYes and tagged by theme.
public enum QuestionBank {
    public static func bundled() throws -> [InterviewQuestion] {
        try cache.get()
    }

    private static let cache = Loaded()

    private final class Loaded: @unchecked Sendable {
        private let lock = NSLock()
        private var value: [InterviewQuestion]?

        func get() throws -> [InterviewQuestion] {
            lock.lock()
            defer { lock.unlock() }
            if let value { return value }
            guard let url = Bundle.module.url(forResource: "interview-questions", withExtension: "json") else {
                throw CocoaError(.fileNoSuchFile)
            }
            let loaded = try JSONDecoder().decode([InterviewQuestion].self, from: Data(contentsOf: url))
            value = loaded
            return loaded
        }
    }
}

/// How much each theme needs practice, and why.
public struct ThemeNeed: Hashable, Codable, Sendable {
    public var theme: FeedbackTheme
    public var weight: Double
    public var reasons: [String]
}

/// A small seedable generator, so a practice pick can be repeated in a test.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

public enum PracticePicker {
    /// Each theme starts at 1; it weighs more when feedback keeps asking for it (+2), when no
    /// story shows it yet (+1), and when recent practice on it was rated low (+1.5 below 3 of 5).
    public static func needs(recurring: [RecurringTheme], stories: [Story], sessions: [PracticeSession], questions: [InterviewQuestion]) -> [ThemeNeed] {
        let byID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return FeedbackTheme.allCases.map { theme in
            var weight = 1.0
            var reasons: [String] = []
            if recurring.contains(where: { $0.theme == theme && $0.polarity == .improvement }) {
                weight += 2
                reasons.append("feedback keeps asking for it")
            }
            if !stories.contains(where: { $0.themes.contains(theme.rawValue) }) {
                weight += 1
                reasons.append("no story shows it yet")
            }
            let recent = sessions.sorted { ($0.on, $0.id) > ($1.on, $1.id) }
                .filter { byID[$0.questionID]?.themes.contains(theme) ?? false }.prefix(5)
            if !recent.isEmpty {
                let average = recent.map(\.average).reduce(0, +) / Double(recent.count)
                if average < 3 {
                    weight += 1.5
                    reasons.append(String(format: "recent practice averaged %.1f of 5", average))
                }
            }
            return ThemeNeed(theme: theme, weight: weight, reasons: reasons)
        }
    }

    /// Picks a question that suits the STAR method, weighted toward the themes that need it most;
    /// a question practised in the last week is picked only when nothing else is left. `theme`
    /// narrows the choice.
    public static func pick<G: RandomNumberGenerator>(
        from questions: [InterviewQuestion], needs: [ThemeNeed], sessions: [PracticeSession], today: Day,
        theme: FeedbackTheme? = nil, using generator: inout G
    ) -> InterviewQuestion? {
        let weights = Dictionary(needs.map { ($0.theme, $0.weight) }, uniquingKeysWith: { a, _ in a })
        let recent = Set(sessions.filter { $0.on >= today.adding(days: -7) }.map(\.questionID))
        var pool = questions.filter { $0.suitsSTAR && (theme == nil || $0.themes.contains(theme!)) }
        let fresh = pool.filter { !recent.contains($0.id) }
        if !fresh.isEmpty { pool = fresh }
        guard !pool.isEmpty else { return nil }
        let scored = pool.map { question in (question, question.themes.map { weights[$0] ?? 1 }.max() ?? 1) }
        let total = scored.reduce(0) { $0 + $1.1 }
        var target = Double(generator.next() >> 11) / Double(1 << 53) * total
        for (question, weight) in scored {
            target -= weight
            if target < 0 { return question }
        }
        return scored.last?.0
    }

    /// The average self-rating per STAR part over the last `limit` sessions.
    public static func averages(_ sessions: [PracticeSession], limit: Int = 10) -> [STARElement: Double] {
        let recent = sessions.sorted { ($0.on, $0.id) > ($1.on, $1.id) }.prefix(limit)
        var result: [STARElement: Double] = [:]
        for element in STARElement.allCases {
            let values = recent.compactMap { $0.ratings[element] }
            if !values.isEmpty { result[element] = Double(values.reduce(0, +)) / Double(values.count) }
        }
        return result
    }
}

/// Themes and skills that no story shows yet.
public struct StoryGaps: Hashable, Codable, Sendable {
    /// Improvement themes that recur in feedback, with no story tagged with them.
    public var themes: [FeedbackTheme]
    /// Skills the target roles' postings ask for most, with no story naming them.
    public var skills: [String]

    public var isEmpty: Bool { themes.isEmpty && skills.isEmpty }

    public static func find(
        stories: [Story], recurring: [RecurringTheme], demand: [SkillDemand], extractor: SkillExtractor, limit: Int = 6
    ) -> StoryGaps {
        let covered = Set(stories.flatMap(\.themes))
        let themes = recurring.filter { $0.polarity == .improvement && !covered.contains($0.theme.rawValue) }.map(\.theme)
        let storySkills = Set(stories.flatMap(\.skills).map { extractor.key(forSkillNamed: $0) })
        let skills = demand.filter { !storySkills.contains($0.skill.key) }.prefix(limit).map(\.skill.name)
        return StoryGaps(themes: themes, skills: Array(skills))
    }
}
