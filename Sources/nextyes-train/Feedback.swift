import Foundation
import NextYesCore
import NextYesInsights

// The feedback reader's learned part: one model per label (theme with polarity, generic, each
// stated reason), trained on the development and training sets of data/feedback-themes; each
// threshold from five-fold cross-validation on those sets. The held-out sets are only scored.
func trainFeedback() throws {
    struct ThemeLabel: Decodable { var theme: String; var polarity: String }
    struct FeedbackItem: Decodable { var id: String; var text: String; var themes: [ThemeLabel]; var generic: Bool; var reasons: [String]
        var labels: Set<String> { Set(themes.map { $0.theme + "/" + $0.polarity } + reasons.map { "reason/" + $0 } + (generic ? ["generic"] : [])) }
    }
    func loadFeedback(_ name: String) throws -> [FeedbackItem] { try loadLines("data/feedback-themes/\(name).jsonl", as: FeedbackItem.self) }
    let available = ["dev", "dev2", "dev3", "train"]
    let train = try available.flatMap(loadFeedback)
    let trainX = train.map { FeedbackModel.indexes($0.text, rules: FeedbackModel.ruleLabels(FeedbackAnalyzer.ruleReading($0.text))) }
    var options = LogisticModel.Options()
    options.epochs = 40
    options.l2 = 1e-4
    options.positiveWeight = 2
    // Precision counts twice as much as recall: a wrong lesson is worse than a missed one.
    let models = trainOneVsRest(FeedbackModel.labels, x: trainX, has: train.map(\.labels), bucketBits: FeedbackModel.bucketBits, options: options) { _, tp, fp, fn, _ in
        let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp), recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        return precision + recall == 0 ? 0 : 3 * precision * recall / (2 * precision + recall)
    }
    try ship(models, order: FeedbackModel.labels, resource: FeedbackModel.resourceName, what: "feedback")
    if !check {
        let sizes = FeedbackModel.labels.map { models[$0]!.encoded().count }.reduce(0, +)
        let card = """
        # Model card: reading feedback

        - **What it does**: the probability that a piece of employer feedback is generic boilerplate \
        (nothing specific about the person), from hashed words, word pairs and character n-grams and \
        the hand-written rules' own findings as features; asked only when the rules find no theme and \
        no stated reason. Themes with their polarity and stated reasons stay with the rules, which \
        read them better on the held-out sets (models for them were tried: see docs/feedback-themes.md).
        - **Files**: `Sources/NextYesInsights/Resources/feedback-<label>.model` (\(FeedbackModel.labels.count) files, \
        \(sizes / 1024) KB in all), each with an FNV-1a 64 checksum checked when it loads.
        - **Training data**: \(available.map { "`data/feedback-themes/\($0).jsonl`" }.joined(separator: ", ")) \
        (\(train.count) pieces of feedback written for NextYes; CC0; guideline in `data/feedback-themes/README.md`). \
        AdaGrad, \(options.epochs) epochs, L2 \(options.l2), positives weighted \(options.positiveWeight), seed \(options.seed).
        - **Thresholds**: per label, from five-fold cross-validation on the training data alone: the best \
        F-score with precision counted twice as much as recall (a wrong lesson is worse than a missed one).
        - **Reproduce**: `swift run nextyes-train` (writes the files and this card); \
        `swift run nextyes-train --check` fails unless the shipped files are what training produces.
        - **Held-out figures**: `scripts/eval/feedback-themes.py --split test` and `--split test2` \
        (test2 written by a separate author who saw no other set and no code); see docs/feedback-themes.md.
        - **Limits**: English feedback written for this project; other voices are read only by what \
        they share with these.

        """
        try card.write(to: root.appendingPathComponent("docs/models/feedback.md"), atomically: true, encoding: .utf8)
        print(card)
    }
}
