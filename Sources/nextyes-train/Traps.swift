import Foundation
import NextYesCore
import NextYesInsights

// The thinking-trap reader's learned part: one model per trap, trained on the development and
// training sets of data/thinking-traps; each threshold is chosen by five-fold cross-validation on
// those sets. The held-out sets (test, test2) are only scored, and play no part in any choice.

struct TrapItem: Decodable { var id: String; var text: String; var traps: [String] }

func loadTraps(_ name: String) throws -> [TrapItem] { try loadLines("data/thinking-traps/\(name).jsonl", as: TrapItem.self) }

/// The sets the trap models learn from; test and test2 are held out and only scored.
let trapTrainingSets = ["dev", "dev2", "dev3", "train", "train2", "train3", "train4"].filter {
    FileManager.default.fileExists(atPath: root.appendingPathComponent("data/thinking-traps/\($0).jsonl").path)
}

func trapOptions() -> LogisticModel.Options {
    var options = LogisticModel.Options()
    options.epochs = 40
    options.l2 = 1e-4
    options.positiveWeight = 2
    return options
}

/// Per trap, the best F1 among thresholds that add false alarms on at most 0.5% of the neutral
/// statements (the reader must rather stay quiet).
func trapThresholdScore(neutral: Int, budget: Double = 0.005) -> (String, Int, Int, Int, Int) -> Double? {
    { _, tp, fp, fn, neutralAlarms in
        guard Double(neutralAlarms) <= budget * Double(neutral) else { return nil }
        return tp == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + fn)
    }
}

func trainThinkingTraps() throws {
    let trainingSets = trapTrainingSets
    let train = try trainingSets.flatMap(loadTraps)
    let trainX = train.map { TrapModel.indexes($0.text, rules: TrapModel.ruleTraps($0.text)) }
    let options = trapOptions()
    let neutral = train.filter { $0.traps.isEmpty }.count
    let labels = ThinkingTrap.allCases.map(\.rawValue)
    let byLabel = trainOneVsRest(labels, x: trainX, has: train.map { Set($0.traps) }, bucketBits: TrapModel.bucketBits, options: options,
                                 score: trapThresholdScore(neutral: neutral))
    try ship(byLabel, order: labels, resource: { TrapModel.resourceName(ThinkingTrap(rawValue: $0)!) }, what: "thinking-trap")
    let models = Dictionary(uniqueKeysWithValues: ThinkingTrap.allCases.map { ($0, byLabel[$0.rawValue]!) })
    if !check {
        func score(_ items: [TrapItem]) -> (macro: Double, falseAlarms: Int, neutral: Int, rows: [String]) {
            var rows: [String] = [], f1s: [Double] = []
            var predictions: [[ThinkingTrap]] = []
            for item in items {
                // As the product reads it (ThinkingTrapDetector), with the models just trained.
                predictions.append(ThinkingTrapDetector.check(item.text, models: models).traps.map(\.trap))
            }
            for trap in ThinkingTrap.allCases {
                var tp = 0, fp = 0, fn = 0
                for (item, predicted) in zip(items, predictions) {
                    let p = predicted.contains(trap), a = item.traps.contains(trap.rawValue)
                    if p && a { tp += 1 } else if p { fp += 1 } else if a { fn += 1 }
                }
                let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp), recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
                let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
                f1s.append(f1)
                rows.append("| \(trap.rawValue) | \(String(format: "%.2f", precision)) | \(String(format: "%.2f", recall)) | \(String(format: "%.2f", f1)) | \(tp + fn) |")
            }
            let neutral = zip(items, predictions).filter { $0.0.traps.isEmpty }
            return (f1s.reduce(0, +) / Double(f1s.count), neutral.filter { !$0.1.isEmpty }.count, neutral.count, rows)
        }
        let sizes = ThinkingTrap.allCases.map { models[$0]!.encoded().count }.reduce(0, +)
        var card = """
        # Model card: thinking traps

        - **What it does**: for each of the ten thinking traps, the probability that a statement of \
        job-search self-talk shows it, from hashed words, word pairs and character n-grams of what the \
        person says of themselves (quotes, questions and distanced thoughts set aside as the rules do), \
        the cue classes their words fall in and meet in (TrapCues), and the hand-written rules' own hits as features. A trap is named when its probability \
        reaches its threshold, with the words it rests on; below it, NextYes stays quiet.
        - **Files**: `Sources/NextYesInsights/Resources/trap-<trap>.model` (\(sizes / 1024) KB in all), \
        each with an FNV-1a 64 checksum checked when it loads.
        - **Training data**: \(trainingSets.map { "`data/thinking-traps/\($0).jsonl`" }.joined(separator: ", ")) \
        (\(train.count) statements written for NextYes; CC0; guideline in `data/thinking-traps/README.md`). \
        AdaGrad, \(options.epochs) epochs, L2 \(options.l2), positives weighted \(options.positiveWeight), seed \(options.seed).
        - **Thresholds**: per trap, from five-fold cross-validation on the training data alone: the best \
        F1 among thresholds that add false alarms on at most 0.5% of its neutral statements \
        (\(ThinkingTrap.allCases.map { "\($0.rawValue) \(String(format: "%.2f", models[$0]!.threshold))" }.joined(separator: ", "))).
        - **Reproduce**: `swift run nextyes-train` (writes the files and this card); \
        `swift run nextyes-train --check` fails unless the shipped files are what training produces.
        - **Held-out figures** (only scored; `test2.jsonl` was written by a separate author who saw no \
        other set and no code):

        """
        for name in ["test", "test2"] {
            let items = try loadTraps(name)
            let result = score(items)
            card += """

            `data/thinking-traps/\(name).jsonl` (\(items.count) statements): macro-F1 \(String(format: "%.3f", result.macro)), \
            false alarms on neutral statements \(result.falseAlarms) of \(result.neutral) \
            (\(String(format: "%.1f", 100 * Double(result.falseAlarms) / Double(max(1, result.neutral))))%).

            | trap | precision | recall | F1 | support |
            |---|---|---|---|---|
            \(result.rows.joined(separator: "\n"))

            """
        }
        card += """

        - **Limits**: short statements in English written for this project; other voices and languages \
        are read only by what they share with these. It points at a pattern in one sentence, never at \
        the person, and words of crisis are never analysed: they meet support.

        """
        try card.write(to: root.appendingPathComponent("docs/models/thinking-traps.md"), atomically: true, encoding: .utf8)
        print(card)
    }
}

/// `nextyes-train --traps-cv`: figures for choosing the trap reader's features and settings, from
/// the training sets alone (the held-out sets are not read). Five-fold cross-validation with the
/// thresholds chosen as in training (slightly optimistic), and leave-one-set-out: the models and
/// their thresholds learnt from every other set, scored on the one left out, which shows how the
/// reader does on wording it has not seen. Settings from the environment: TRAP_SETS, TRAP_RULES, TRAP_CUES,
/// TRAP_EPOCHS, TRAP_L2, TRAP_WEIGHT, TRAP_BUDGET, TRAP_HOLDOUT (sets to leave out), TRAP_ERRORS
/// (a set whose out-of-fold errors to print).
func trapExperiments() throws {
    let env = ProcessInfo.processInfo.environment
    let sets = env["TRAP_SETS"].map { $0.split(separator: ",").map(String.init) } ?? trapTrainingSets
    let cues = env["TRAP_CUES"].map { $0 != "0" } ?? TrapModel.readsCues
    var options = trapOptions()
    if let v = env["TRAP_EPOCHS"].flatMap(Int.init) { options.epochs = v }
    if let v = env["TRAP_L2"].flatMap(Float.init) { options.l2 = v }
    if let v = env["TRAP_WEIGHT"].flatMap(Float.init) { options.positiveWeight = v }
    let budget = env["TRAP_BUDGET"].flatMap(Double.init) ?? 0.005
    let labels = ThinkingTrap.allCases.map(\.rawValue)
    var items: [(set: String, item: TrapItem)] = []
    for set in sets { items += try loadTraps(set).map { (set, $0) } }
    let rules = env["TRAP_RULES"] != "0"
    let x = items.map { TrapModel.indexes($0.item.text, rules: rules ? TrapModel.ruleTraps($0.item.text) : [], cues: cues) }
    let has = items.map { Set($0.item.traps) }
    print("sets \(sets.joined(separator: ",")) (\(items.count) statements), rules \(rules), cues \(cues), epochs \(options.epochs), l2 \(options.l2), weight \(options.positiveWeight), budget \(budget)")

    /// Macro-F1 over the traps and the share of neutral statements with any trap.
    func figures(_ rows: [Int], _ predicted: [Int: Set<String>]) -> (macro: Double, alarms: Int, neutral: Int, f1: [Double]) {
        var f1s: [Double] = []
        for label in labels {
            var tp = 0, fp = 0, fn = 0
            for i in rows {
                let p = predicted[i]!.contains(label), a = has[i].contains(label)
                if p && a { tp += 1 } else if p { fp += 1 } else if a { fn += 1 }
            }
            f1s.append(tp == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + fn))
        }
        let neutral = rows.filter { has[$0].isEmpty }
        return (f1s.reduce(0, +) / Double(f1s.count), neutral.filter { !predicted[$0]!.isEmpty }.count, neutral.count, f1s)
    }
    func line(_ name: String, _ f: (macro: Double, alarms: Int, neutral: Int, f1: [Double])) -> String {
        String(format: "%@: macro-F1 %.3f, false alarms %d of %d (%.1f%%) | ", name, f.macro, f.alarms, f.neutral, 100 * Double(f.alarms) / Double(max(1, f.neutral)))
            + f.f1.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }

    // Five-fold, as training chooses the thresholds.
    var outOfFold = [[Double]](repeating: [Double](repeating: 0, count: labels.count), count: x.count)
    var foldModels: [[LogisticModel]] = []
    for fold in 0..<5 {
        let rows = x.indices.filter { $0 % 5 != fold }
        let fitted = labels.map { label in LogisticModel.train(rows.map { (x[$0], has[$0].contains(label)) }, bucketBits: TrapModel.bucketBits, options: options) }
        foldModels.append(fitted)
        for i in x.indices where i % 5 == fold { for l in labels.indices { outOfFold[i][l] = fitted[l].probability(x[i]) } }
    }
    let neutralCount = has.filter(\.isEmpty).count
    let score = trapThresholdScore(neutral: neutralCount, budget: budget)
    var thresholds: [Double] = []
    for l in labels.indices {
        var best = (0.5, -1.0)
        for step in 20...90 {
            let t = Double(step) / 100
            var tp = 0, fp = 0, fn = 0, alarms = 0
            for i in x.indices {
                let p = outOfFold[i][l] >= t, a = has[i].contains(labels[l])
                if p && a { tp += 1 } else if p { fp += 1; if has[i].isEmpty { alarms += 1 } } else if a { fn += 1 }
            }
            if let v = score(labels[l], tp, fp, fn, alarms), v > best.1 { best = (t, v) }
        }
        thresholds.append(best.0)
    }
    var predicted: [Int: Set<String>] = [:]
    for i in x.indices { predicted[i] = Set(labels.indices.filter { outOfFold[i][$0] >= thresholds[$0] }.map { labels[$0] }) }
    print(line("5-fold", figures(Array(x.indices), predicted)))
    print("thresholds " + zip(labels, thresholds).map { "\($0) \($1)" }.joined(separator: ", "))
    for set in sets { print(line("  5-fold on " + set, figures(x.indices.filter { items[$0].set == set }, predicted))) }
    // TRAP_PRODUCT=1: the same folds read as the product reads (`ThinkingTrapDetector.check`:
    // the rules' sentences and clauses as well as the whole statement).
    if env["TRAP_PRODUCT"] != nil {
        var product: [Int: Set<String>] = [:]
        for fold in 0..<5 {
            var models: [ThinkingTrap: LogisticModel] = [:]
            for (l, label) in labels.enumerated() {
                var model = foldModels[fold][l]
                model.threshold = Float(thresholds[l])
                models[ThinkingTrap(rawValue: label)!] = model
            }
            for i in x.indices where i % 5 == fold { product[i] = Set(ThinkingTrapDetector.check(items[i].item.text, models: models).traps.map(\.trap.rawValue)) }
        }
        print(line("5-fold, read as the product reads", figures(Array(x.indices), product)))
        for set in sets { print(line("  the product on " + set, figures(x.indices.filter { items[$0].set == set }, product))) }
    }
    if let errorsOf = env["TRAP_ERRORS"] {
        for i in x.indices where items[i].set == errorsOf && predicted[i]! != has[i] {
            let p = labels.indices.map { String(format: "%.2f", outOfFold[i][$0]) }.joined(separator: " ")
            print("\(items[i].item.id): missing \(has[i].subtracting(predicted[i]!).sorted()) extra \(predicted[i]!.subtracting(has[i]).sorted()) | \(items[i].item.text) | \(p)")
        }
    }

    // Leave one set out: thresholds from five-fold cross-validation on the other sets.
    let holdouts = env["TRAP_HOLDOUT"].map { $0.split(separator: ",").map(String.init) } ?? sets
    var pooled: [Int: Set<String>] = [:]
    for set in holdouts where sets.contains(set) {
        let rest = x.indices.filter { items[$0].set != set }
        let models = trainOneVsRest(labels, x: rest.map { x[$0] }, has: rest.map { has[$0] }, bucketBits: TrapModel.bucketBits, options: options,
                                    score: trapThresholdScore(neutral: rest.filter { has[$0].isEmpty }.count, budget: budget))
        let left = x.indices.filter { items[$0].set == set }
        for i in left { pooled[i] = Set(labels.filter { models[$0]!.probability(x[i]) >= Double(models[$0]!.threshold) }) }
        print(line("leave out " + set, figures(left, pooled)))
    }
    if holdouts.count > 1 { print(line("leave one out, pooled", figures(Array(pooled.keys), pooled))) }
}
