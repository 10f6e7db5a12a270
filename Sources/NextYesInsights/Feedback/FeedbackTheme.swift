/// What a piece of feedback talks about.
public enum FeedbackTheme: String, CaseIterable, Codable, Sendable {
    case technicalSkills = "technical-skills"
    case communication
    case problemSolving = "problem-solving"
    case teamwork
    case adaptability
    case leadership

    public var title: String {
        switch self {
        case .technicalSkills: "Technical skills"
        case .communication: "Communication & presentation"
        case .problemSolving: "Problem-solving & critical thinking"
        case .teamwork: "Teamwork & collaboration"
        case .adaptability: "Adaptability & flexibility"
        case .leadership: "Leadership & initiative"
        }
    }

    /// A concrete way to practise this theme, for advice and plan goals.
    public var practice: String {
        switch self {
        case .technicalSkills: "pick the skill named in the feedback and build one small, finished piece of work with it"
        case .communication: "answer three common questions out loud with the STAR method, recording yourself and trimming each answer to two minutes"
        case .problemSolving: "talk through one open-ended case or design problem a week, stating assumptions and trade-offs before you solve"
        case .teamwork: "prepare two stories about working through a disagreement and sharing credit with a team"
        case .adaptability: "prepare a story about a plan that changed midway, and what you adjusted"
        case .leadership: "prepare two stories where you took ownership without being asked, and what changed because of you"
        }
    }

    public init?(id: String) {
        guard let theme = FeedbackTheme(rawValue: id.lowercased()) else { return nil }
        self = theme
    }
}

public enum Polarity: String, Codable, Sendable, CaseIterable {
    case strength
    case improvement
}

/// One theme found in feedback, with the words it rests on.
public struct ThemeHit: Hashable, Codable, Sendable {
    public var theme: FeedbackTheme
    public var polarity: Polarity
    public var evidence: String

    public init(theme: FeedbackTheme, polarity: Polarity, evidence: String) {
        self.theme = theme
        self.polarity = polarity
        self.evidence = evidence
    }
}

/// A stated reason for the decision, as a rejection category.
public struct ReasonHit: Hashable, Codable, Sendable {
    public var reason: String
    public var controllable: Bool
    public var evidence: String

    public init(reason: String, controllable: Bool, evidence: String) {
        self.reason = reason
        self.controllable = controllable
        self.evidence = evidence
    }
}

/// Everything NextYes reads in one piece of feedback or one rejection email.
public struct FeedbackAnalysis: Hashable, Codable, Sendable {
    public var themes: [ThemeHit]
    public var reasons: [ReasonHit]
    /// True when it says nothing specific about the person: boilerplate to follow up on kindly.
    public var generic: Bool

    public init(themes: [ThemeHit] = [], reasons: [ReasonHit] = [], generic: Bool = false) {
        self.themes = themes
        self.reasons = reasons
        self.generic = generic
    }

    public var strengths: [ThemeHit] { themes.filter { $0.polarity == .strength } }
    public var improvements: [ThemeHit] { themes.filter { $0.polarity == .improvement } }
}
