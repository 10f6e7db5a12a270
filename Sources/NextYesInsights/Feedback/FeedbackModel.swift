import Foundation
import NextYesCore

/// The learned part of the feedback reader: a logistic model per label (one against the rest)
/// over hashed words, word pairs and character n-grams of the feedback, with the rules' own
/// findings as features, so the model learns how far to trust each. Labels: each theme with its
/// polarity ("communication/improvement"), "generic", and each stated reason (a rejection
/// category). Trained by `swift run nextyes-train` on data/feedback-themes dev, dev2, dev3 and
/// train, the reasons also on train3 (see docs/models/feedback.md), thresholds by cross-validation on those alone; shipped as
/// `Resources/feedback-<label>.model`, each with a checksum checked on load.
public enum FeedbackModel {
    public static let bucketBits = 15
    static let features = HashedFeatures(bucketBits: bucketBits)

    /// The labels the learned reader gives: "generic", and each stated reason, which joins the
    /// rules' reasons when the rules missed it. Themes have models of their own (`themeLabels`),
    /// which add to the rules' themes rather than replace them.
    public static let labels: [String] = ["generic"] + reasonLabels

    /// The least probability at which the model alone adds a stated reason the rules missed
    /// (chosen by cross-validation with the training's precision bar, see nextyes-train --reasons-cv).
    public static let reasonFloor = 0.3

    /// Each stated reason as a label ("reason/skills-gap").
    public static let reasonLabels: [String] = RejectionCategory.allCases
        .filter { $0 != .noReasonGiven && $0 != .other }.map { "reason/" + $0.rawValue }

    public static func resourceName(_ label: String) -> String { "feedback-" + label.replacingOccurrences(of: "/", with: "-") }

    /// Loaded once; nil when a file is missing or damaged, and then the rules decide alone.
    public static let bundled: [String: LogisticModel]? = {
        var models: [String: LogisticModel] = [:]
        for label in labels {
            guard let model = LogisticModel.bundled(resourceName(label)) else { return nil }
            models[label] = model
        }
        return models
    }()

    /// The labels the rules give a text (for features, training and scoring).
    public static func ruleLabels(_ analysis: FeedbackAnalysis) -> Set<String> {
        var labels = Set(analysis.themes.map { $0.theme.rawValue + "/" + $0.polarity.rawValue })
        labels.formUnion(analysis.reasons.map { "reason/" + $0.reason })
        if analysis.generic { labels.insert("generic") }
        return labels
    }

    public static func indexes(_ text: String, rules: Set<String>) -> [Int] {
        var tokens = labels.filter(rules.contains).map { "__rule_" + $0 }
        tokens.append(",")
        tokens += CrisisText.tokenize(String(withoutRuledOut(text).prefix(4000)))
        return features.indexes(tokens)
    }

    /// The text without the sentences that only rule a reason out ("It wasn't about your salary
    /// expectations."): a bag of words reads "salary" in them as much as anywhere, and would
    /// drown the reason beside them. Training reads texts the same way.
    static func withoutRuledOut(_ text: String) -> String {
        guard FeedbackAnalyzer.ruledOutInClause.contains(text) else { return text }
        let sentences = Segmenter.sentences(text)
        let kept = sentences.filter { sentence in
            !(FeedbackAnalyzer.ruledOutInClause.contains(sentence.text) && Segmenter.clauses(sentence.text).count == 1)
        }
        guard kept.count < sentences.count, kept.contains(where: { $0.text.contains(where: \.isLetter) }) else { return text }
        return kept.map(\.text).joined(separator: " ")
    }

    /// The labels whose probability reaches their threshold, with it.
    public static func labels(_ text: String, rules: Set<String>, models: [String: LogisticModel]) -> [(String, Double)] {
        let x = indexes(text, rules: rules)
        return labels.compactMap { label -> (String, Double)? in
            guard let model = models[label] else { return nil }
            let p = model.probability(x)
            return p >= Double(model.threshold) ? (label, p) : nil
        }
    }

    // MARK: Themes

    /// Each theme with its polarity as a label ("problem-solving/improvement"): a model per label
    /// joins the rules, adding a theme they missed (see `FeedbackAnalyzer.themeCandidates`).
    public static let themeLabels: [String] = FeedbackTheme.allCases.flatMap { theme in
        Polarity.allCases.map { theme.rawValue + "/" + $0.rawValue }
    }

    /// The least probability at which a theme model alone adds a theme the rules missed.
    public static let themeFloor = 0.3

    public static func themeResourceName(_ label: String) -> String { "feedback-theme-" + label.replacingOccurrences(of: "/", with: "-") }

    /// Loaded once; nil when a file is missing or damaged, and then the rules read themes alone.
    public static let bundledThemes: [String: LogisticModel]? = {
        var models: [String: LogisticModel] = [:]
        for label in themeLabels {
            guard let model = LogisticModel.bundled(themeResourceName(label)) else { return nil }
            models[label] = model
        }
        return models
    }()

    /// The theme models' features: the text's hashed words, pairs and n-grams as for the other
    /// labels, with the rules' themes (each with its polarity) as well as their reasons.
    public static func themeIndexes(_ text: String, rules: Set<String>) -> [Int] {
        var tokens = (themeLabels + labels).filter(rules.contains).map { "__rule_" + $0 }
        tokens.append(",")
        tokens += CrisisText.tokenize(String(text.prefix(4000)))
        return features.indexes(tokens)
    }

    static func probability(_ text: String, _ label: String, models: [String: LogisticModel]) -> Double {
        models[label]?.probability(indexes(text, rules: [])) ?? 0
    }
}
