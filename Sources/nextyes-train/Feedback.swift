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
    let ruled = train.map { FeedbackModel.ruleLabels(FeedbackAnalyzer.ruleReading($0.text)) }
    let trainX = zip(train, ruled).map { FeedbackModel.indexes($0.text, rules: $1) }
    var options = LogisticModel.Options()
    options.epochs = 40
    options.l2 = 1e-4
    options.positiveWeight = 2
    if CommandLine.arguments.contains("--feedback-cv") {
        feedbackReasonExperiment(texts: train.map(\.text), gold: train.map(\.labels), x: trainX, rules: ruled, options: options)
        return
    }
    // Precision counts twice as much as recall: a wrong lesson is worse than a missed one.
    // A stated reason the rules missed is added only at a threshold whose cross-validated precision
    // is at least 0.9 on its own.
    let models = trainOneVsRest(FeedbackModel.labels, x: trainX, has: train.map(\.labels), bucketBits: FeedbackModel.bucketBits, options: options) { label, tp, fp, fn, _ in
        let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp), recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        if label.hasPrefix("reason/"), tp + fp > 0, precision < 0.9 { return nil }
        return precision + recall == 0 ? 0 : 3 * precision * recall / (2 * precision + recall)
    }
    try ship(models, order: FeedbackModel.labels, resource: FeedbackModel.resourceName, what: "feedback")
    if !check {
        let sizes = FeedbackModel.labels.map { models[$0]!.encoded().count }.reduce(0, +)
        let card = """
        # Model card: reading feedback

        - **What it does**: the probability that a piece of employer feedback is generic boilerplate \
        (nothing specific about the person), and for each stated reason (a rejection category) that the \
        feedback states it, from hashed words, word pairs and character n-grams and the hand-written \
        rules' own findings as features. A reason the model finds and the rules missed is added, with the \
        sentence that reads most like it as its evidence; generic is asked only when neither finds a theme \
        or a reason. Themes with their polarity stay with the rules (models for them were tried: see \
        docs/feedback-themes.md).
        - **Files**: `Sources/NextYesInsights/Resources/feedback-<label>.model` (\(FeedbackModel.labels.count) files, \
        \(sizes / 1024) KB in all), each with an FNV-1a 64 checksum checked when it loads.
        - **Training data**: \(available.map { "`data/feedback-themes/\($0).jsonl`" }.joined(separator: ", ")) \
        (\(train.count) pieces of feedback written for NextYes; CC0; guideline in `data/feedback-themes/README.md`). \
        AdaGrad, \(options.epochs) epochs, L2 \(options.l2), positives weighted \(options.positiveWeight), seed \(options.seed).
        - **Thresholds**: per label, from five-fold cross-validation on the training data alone: the best \
        F-score with precision counted twice as much as recall (a wrong lesson is worse than a missed one), \
        and for a reason only among thresholds with a cross-validated precision of at least 0.9 (at run time \
        a reason from the model alone also needs a probability of at least \(FeedbackModel.reasonFloor), and its \
        sentence must not rule it out): \
        \(FeedbackModel.labels.map { "\($0) \(String(format: "%.2f", models[$0]!.threshold))" }.joined(separator: ", ")).
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

/// Cross-validation of the stated-reason models against the rules (nextyes-train --feedback --feedback-cv):
/// five folds of the training data; for each fold a model per reason trained on the other four; the
/// rules alone, the models alone and both together scored out of fold, micro over reasons.
func feedbackReasonExperiment(texts: [String], gold: [Set<String>], x: [[Int]], rules: [Set<String>], options: LogisticModel.Options) {
    let labels = FeedbackModel.reasonLabels
    var p = [[Double]](repeating: [Double](repeating: 0, count: labels.count), count: x.count)
    for fold in 0..<5 {
        let rows = x.indices.filter { $0 % 5 != fold }
        for (l, label) in labels.enumerated() {
            let model = LogisticModel.train(rows.map { (x[$0], gold[$0].contains(label)) }, bucketBits: FeedbackModel.bucketBits, options: options)
            for i in x.indices where i % 5 == fold { p[i][l] = model.probability(x[i]) }
        }
    }
    func score(_ predict: (Int, Int) -> Bool, rows: [Int]) -> String {
        var tp = 0, fp = 0, fn = 0
        for i in rows {
            for (l, label) in labels.enumerated() {
                let predicted = predict(i, l), actual = gold[i].contains(label)
                if predicted && actual { tp += 1 } else if predicted { fp += 1 } else if actual { fn += 1 }
            }
        }
        return String(format: "P %.3f R %.3f (tp %d fp %d fn %d)", Double(tp) / Double(max(1, tp + fp)), Double(tp) / Double(max(1, tp + fn)), tp, fp, fn)
    }
    let all = Array(x.indices)
    print("rules alone:        " + score({ rules[$0].contains(labels[$1]) }, rows: all))
    for step in stride(from: 30, through: 95, by: 5) {
        let t = Double(step) / 100
        print(String(format: "t %.2f model alone: ", t) + score({ p[$0][$1] >= t }, rows: all)
              + "   rules or model: " + score({ rules[$0].contains(labels[$1]) || p[$0][$1] >= t }, rows: all))
    }
}
