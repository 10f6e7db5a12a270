import Foundation

/// The learned part of the e-mail reader: one logistic model per kind (one against the rest)
/// over hashed words and character n-grams of the subject and the message's own text, plus the
/// rules' cues as features, so the model learns how far to trust each. Trained by
/// `swift run nextyes-train` on `data/job-mail/dev.jsonl` and `dev2.jsonl` (see
/// docs/models/mail-kind.md); shipped as `Resources/mail-<kind>.model`, each with a checksum that
/// is verified when it loads.
public enum MailKindModel {
    public static let bucketBits = 16
    static let features = HashedFeatures(bucketBits: bucketBits)
    /// How much of the text is read: the start of a job e-mail says what it is.
    public static let characters = 2500

    public static func resourceName(_ kind: MailKind) -> String { "mail-" + kind.rawValue }

    /// Loaded once; nil when a file is missing or damaged, and then the rules decide alone.
    public static let bundled: [MailKind: LogisticModel]? = {
        var models: [MailKind: LogisticModel] = [:]
        for kind in MailKind.allCases {
            guard let model = LogisticModel.bundled(resourceName(kind)) else { return nil }
            models[kind] = model
        }
        return models
    }()

    /// The features of one message's signals.
    public static func indexes(_ signals: JobMailReader.Signals) -> [Int] {
        var tokens: [String] = []
        for (kind, score) in signals.scores.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            tokens.append("__cue_\(kind.rawValue)_\(min(score, 3))")
        }
        if signals.jobContext { tokens.append("__job_context") }
        if signals.otherBusiness { tokens.append("__other_business") }
        tokens.append(",")
        tokens += CrisisText.tokenize(signals.subject).map { "s_" + $0 }
        tokens.append(",")
        tokens += CrisisText.tokenize(String(signals.body.prefix(characters)))
        return features.indexes(tokens)
    }

    /// The most likely kind and its probability.
    public static func kind(_ signals: JobMailReader.Signals, models: [MailKind: LogisticModel]) -> (MailKind, Double) {
        let x = indexes(signals)
        var best: (MailKind, Double) = (.other, 0)
        for kind in MailKind.allCases {
            guard let model = models[kind] else { continue }
            let p = model.probability(x)
            if p > best.1 { best = (kind, p) }
        }
        return best
    }
}
