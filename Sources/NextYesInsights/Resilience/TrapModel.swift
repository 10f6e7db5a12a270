import Foundation

/// The learned part of the thinking-trap reader: one logistic model per trap (one against the
/// rest) over hashed words, word pairs and character n-grams of what the person says of
/// themselves (quotes, questions and distanced thoughts set aside as the rules do), the cue
/// classes of `TrapCues`, and the rules' own hits as features, so the model learns how far to
/// trust each. Trained by `swift run nextyes-train` on data/thinking-traps dev, dev2, dev3, train,
/// train2 and train3 (see
/// docs/models/thinking-traps.md); each trap's threshold was chosen by cross-validation on those
/// sets alone. Shipped as `Resources/trap-<trap>.model`, each with a checksum checked on load.
public enum TrapModel {
    public static let bucketBits = 16
    static let features = HashedFeatures(bucketBits: bucketBits)

    public static func resourceName(_ trap: ThinkingTrap) -> String { "trap-" + trap.rawValue }

    /// Loaded once; nil when a file is missing or damaged, and then the rules decide alone.
    public static let bundled: [ThinkingTrap: LogisticModel]? = {
        var models: [ThinkingTrap: LogisticModel] = [:]
        for trap in ThinkingTrap.allCases {
            guard let model = LogisticModel.bundled(resourceName(trap)) else { return nil }
            models[trap] = model
        }
        return models
    }()

    /// Whether the shipped models read the cue classes below (chosen by cross-validation).
    public static let readsCues = true

    /// The features of a text, with the traps the rules found in it.
    public static func indexes(_ text: String, rules: Set<ThinkingTrap>, cues: Bool = readsCues) -> [Int] {
        var tokens = ThinkingTrap.allCases.filter(rules.contains).map { "__rule_" + $0.rawValue }
        tokens.append(",")
        let words = CrisisText.tokenize(ThinkingTrapDetector.visible(ThinkingTrapDetector.normalised(text)))
        if cues {
            tokens += TrapCues.tokens(words)
            tokens.append(",")
        }
        tokens += words
        return features.indexes(tokens)
    }

    /// The rules' hits for a text (for training and scoring outside the detector).
    public static func ruleTraps(_ text: String) -> Set<ThinkingTrap> {
        Set(ThinkingTrapDetector.ruleHits(ThinkingTrapDetector.normalised(text)).map(\.trap))
    }

    static func probability(_ text: String, _ trap: ThinkingTrap, rules: Set<ThinkingTrap>, models: [ThinkingTrap: LogisticModel]) -> Double {
        models[trap]?.probability(indexes(text, rules: rules)) ?? 0
    }

    /// The traps whose probability reaches their threshold, most likely first (at most three).
    public static func traps(_ text: String, rules: Set<ThinkingTrap>, models: [ThinkingTrap: LogisticModel]) -> [(ThinkingTrap, Double)] {
        let x = indexes(text, rules: rules)
        return ThinkingTrap.allCases.compactMap { trap -> (ThinkingTrap, Double)? in
            guard let model = models[trap] else { return nil }
            let p = model.probability(x)
            return p >= Double(model.threshold) ? (trap, p) : nil
        }.sorted { $0.1 > $1.1 }.prefix(3).map { $0 }
    }
}
