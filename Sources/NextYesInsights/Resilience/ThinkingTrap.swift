/// Patterns in self-talk that make a hard situation feel worse than it is. Naming them is not a
/// judgement of the person; it is a way to test a thought and find a kinder, truer one.
public enum ThinkingTrap: String, CaseIterable, Codable, Sendable {
    case allOrNothing = "all-or-nothing"
    case overgeneralizing
    case labeling
    case fortuneTelling = "fortune-telling"
    case mindReading = "mind-reading"
    case catastrophizing
    case personalizing
    case shouldStatements = "should-statements"
    case emotionalReasoning = "emotional-reasoning"
    case disqualifyingThePositive = "disqualifying-the-positive"

    public var title: String {
        switch self {
        case .allOrNothing: "All-or-nothing thinking"
        case .overgeneralizing: "Overgeneralizing"
        case .labeling: "Labeling"
        case .fortuneTelling: "Fortune-telling"
        case .mindReading: "Mind-reading"
        case .catastrophizing: "Catastrophizing"
        case .personalizing: "Personalizing"
        case .shouldStatements: "\"Should\" statements"
        case .emotionalReasoning: "Emotional reasoning"
        case .disqualifyingThePositive: "Disqualifying the positive"
        }
    }

    /// One plain sentence on what the trap is.
    public var explanation: String {
        switch self {
        case .allOrNothing: "Seeing things in two boxes only, total success or total failure, with nothing in between."
        case .overgeneralizing: "Turning one or a few disappointments into a rule about always, never, everyone or nobody."
        case .labeling: "Summing up your whole self with one harsh word, because of one thing that happened."
        case .fortuneTelling: "Treating a bad outcome that hasn't happened yet as if it were certain."
        case .mindReading: "Feeling sure you know what others think of you, without them having said it."
        case .catastrophizing: "Jumping to the worst possible consequence and treating it as the likely one."
        case .personalizing: "Blaming yourself for something that was mostly outside your control."
        case .shouldStatements: "Holding yourself to a rigid rule about how you should be, and judging yourself when life doesn't follow it."
        case .emotionalReasoning: "Taking a feeling as proof: \"I feel it, so it must be true.\""
        case .disqualifyingThePositive: "Explaining away something good, so that it doesn't count."
        }
    }

    /// Questions that help test the thought.
    public var questions: [String] {
        switch self {
        case .allOrNothing: [
            "Is there a middle ground between the two extremes?",
            "What has this search given you, even without the result you wanted?",
            "Would you judge a friend's effort as all or nothing?",
        ]
        case .overgeneralizing: [
            "How many times has this actually happened, and how many times has it not?",
            "Can you think of one exception, however small?",
            "What would be a more accurate way to describe what happened this time?",
        ]
        case .labeling: [
            "Would you call a friend this if the same thing happened to them?",
            "Is this about one thing you did, or about all of who you are?",
            "What else is true about you that this word leaves out?",
        ]
        case .fortuneTelling: [
            "What evidence do you have that it will go this way?",
            "What are two other ways it could turn out?",
            "What could you do now that would help, whatever happens?",
        ]
        case .mindReading: [
            "What did they actually say or do?",
            "What else could explain what you noticed?",
            "How could you find out, instead of guessing?",
        ]
        case .catastrophizing: [
            "What is the most likely outcome, rather than the worst?",
            "If the worst did happen, how would you cope, and who could help?",
            "How much will this matter in a year?",
        ]
        case .personalizing: [
            "What other things contributed to this?",
            "Which parts were actually in your control?",
            "Would you blame a friend for this, in the same situation?",
        ]
        case .shouldStatements: [
            "Whose rule is this, and is it fair?",
            "What would change if you said \"I'd like to\" instead of \"I should\"?",
            "What would you say to a friend holding themselves to this rule?",
        ]
        case .emotionalReasoning: [
            "What facts support the thought, apart from the feeling?",
            "Have you felt this way before when it turned out not to be true?",
            "Can the feeling be real and the conclusion still be wrong?",
        ]
        case .disqualifyingThePositive: [
            "If a friend had this good news, would you say it didn't count?",
            "What did you do that contributed to it?",
            "What would it be like to let it count, just for today?",
        ]
        }
    }

    public init?(id: String) {
        guard let trap = ThinkingTrap(rawValue: id.lowercased()) else { return nil }
        self = trap
    }
}

/// One trap found in a text, with the words it rests on.
public struct TrapHit: Hashable, Codable, Sendable {
    public var trap: ThinkingTrap
    public var evidence: String

    public init(trap: ThinkingTrap, evidence: String) {
        self.trap = trap
        self.evidence = evidence
    }
}

/// The traps in a text and a suggested reframe built from the person's own words.
public struct TrapCheck: Hashable, Codable, Sendable {
    public var traps: [TrapHit]
    /// Empty when no trap was found.
    public var reframe: String
    /// The text carries crisis language. Then there are no traps and no reframe: such words meet
    /// support, never an analysis of how they were put.
    public var crisis: Bool

    public init(traps: [TrapHit] = [], reframe: String = "", crisis: Bool = false) {
        self.traps = traps
        self.reframe = reframe
        self.crisis = crisis
    }
}
