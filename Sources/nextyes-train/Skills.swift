import Foundation
import NextYesInsights

// The skill tagger (SkillTagger): an averaged structured perceptron over B/I/O tags, trained on
// the SkillSpan train splits (tech and house; MIT, Zhang et al., NAACL 2022). The dev splits are
// never read here: scripts/eval/skillspan.py scores them. Settings (epochs, the O tag's bias)
// are chosen on a fifth of the train sentences held out, then the tagger is trained on all of them.

enum SkillTaggerTraining {
    static let bucketBits = 18
    static let seed: UInt64 = 20261126
    static let maxEpochs = 16
    static let biases: [Float] = [-6, -4, -2, 0, 2, 4, 6, 8, 10]

    struct Sentence {
        var features: [Int32]
        var gold: [UInt8]
        /// The taxonomy's matches (word ranges) and whether the rules count them on their own.
        var matches: [(words: Range<Int>, counts: Bool)]
    }

    /// Sentences of a CoNLL file: (words, skill-or-knowledge spans as word ranges).
    static func conll(_ path: URL) throws -> [(words: [String], spans: [Range<Int>])] {
        var out: [(words: [String], spans: [Range<Int>])] = []
        var words: [String] = [], columns: [[String]] = []
        func flush() {
            guard !words.isEmpty else { return }
            var spans: [Range<Int>] = []
            for column in 0..<2 {
                var start = -1
                for (i, tags) in columns.enumerated() {
                    let tag = tags.count > column ? tags[column] : "O"
                    if tag.hasPrefix("B") || (tag.hasPrefix("I") && start < 0) {
                        if start >= 0 { spans.append(start..<i) }
                        start = i
                    } else if tag == "O", start >= 0 {
                        spans.append(start..<i)
                        start = -1
                    }
                }
                if start >= 0 { spans.append(start..<columns.count) }
            }
            out.append((words, spans))
            words = []
            columns = []
        }
        for line in try String(contentsOf: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { flush(); continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            words.append(parts[0])
            columns.append(Array(parts.dropFirst()))
        }
        flush()
        return out
    }

    /// The words joined by spaces, as the evaluation does, read as the extractor reads text.
    static func prepare(_ sentence: (words: [String], spans: [Range<Int>]), extractor: SkillExtractor) -> Sentence {
        var bytes: [UInt8] = []
        var offsets: [Range<Int>] = []
        for word in sentence.words {
            if !bytes.isEmpty { bytes.append(32) }
            let start = bytes.count
            bytes.append(contentsOf: word.utf8)
            offsets.append(start..<bytes.count)
        }
        let gold: [Range<Int>] = sentence.spans.map { offsets[$0.lowerBound].lowerBound..<offsets[$0.upperBound - 1].upperBound }
        return bytes.withUnsafeBufferPointer { b in
            let text = extractor.taggerText(b)
            var features: [Int32] = [], tags: [UInt8] = [], matches: [(words: Range<Int>, counts: Bool)] = []
            for range in text.sentences {
                features += text.features(range, text: b, bucketBits: bucketBits)
                var previous = -1
                for i in range {
                    let w = text.words[i]
                    let span = gold.firstIndex { $0.lowerBound < w.end && w.start < $0.upperBound } ?? -1
                    tags.append(span < 0 ? SkillTagger.outside : span == previous ? SkillTagger.inside : SkillTagger.begin)
                    previous = span
                    if w.match != 0, w.place <= 1 {
                        var end = tags.count
                        if w.place == 1 { while end - tags.count < range.upperBound - i - 1, text.words[i + end - tags.count].place != 3 { end += 1 } }
                        // As the extractor counts them: certain, or accepted by the rules.
                        matches.append((tags.count - 1..<end, (w.match - 1) % 3 != 2))
                    }
                }
            }
            return Sentence(features: features, gold: tags, matches: matches)
        }
    }

    /// A deterministic shuffle (SplitMix64).
    static func shuffled(_ count: Int, _ state: inout UInt64) -> [Int] {
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            z ^= z >> 31
            order.swapAt(i, Int(z % UInt64(i + 1)))
        }
        return order
    }

    /// Trains for `epochs`, calling `after` with the averaged tagger after each epoch.
    static func train(_ sentences: [Sentence], epochs: Int, after: (Int, [Float], [Float]) -> Void) {
        let size = (1 << bucketBits) * SkillTagger.tagCount
        var w = [Float](repeating: 0, count: size), acc = [Float](repeating: 0, count: size)
        var t = [Float](repeating: 0, count: 12), tAcc = [Float](repeating: 0, count: 12)
        var c: Float = 1
        var state = seed
        for epoch in 1...epochs {
            for index in shuffled(sentences.count, &state) {
                let s = sentences[index]
                guard !s.gold.isEmpty else { continue }
                let predicted = w.withUnsafeBufferPointer { SkillTagger.viterbi(s.features, weights: $0, transitions: t, outsideBias: 0) }
                if predicted != s.gold {
                    let stride = TaggerText.featureCount
                    for i in s.gold.indices where predicted[i] != s.gold[i] {
                        for f in s.features[(i * stride)..<((i + 1) * stride)] {
                            let g = Int(f) * 3 + Int(s.gold[i]), p = Int(f) * 3 + Int(predicted[i])
                            w[g] += 1; acc[g] += c
                            w[p] -= 1; acc[p] -= c
                        }
                    }
                    for i in s.gold.indices {
                        let gPrev = i == 0 ? 0 : Int(s.gold[i - 1]) + 1, pPrev = i == 0 ? 0 : Int(predicted[i - 1]) + 1
                        if gPrev != pPrev || s.gold[i] != predicted[i] {
                            t[gPrev * 3 + Int(s.gold[i])] += 1; tAcc[gPrev * 3 + Int(s.gold[i])] += c
                            t[pPrev * 3 + Int(predicted[i])] -= 1; tAcc[pPrev * 3 + Int(predicted[i])] -= c
                        }
                    }
                }
                c += 1
            }
            after(epoch, zip(w, acc).map { $0 - $1 / c }, zip(t, tAcc).map { $0 - $1 / c })
        }
    }

    /// Lenient span precision and recall, as scripts/eval/skillspan.py counts them, of what the
    /// extractor reports with its phrases: the matches the rules count or a tagger phrase overlaps,
    /// and the phrases that overlap no such match.
    static func score(_ tagger: SkillTagger, _ sentences: [Sentence]) -> (p: Double, r: Double, f: Double) {
        var correct = 0, predicted = 0, found = 0, gold = 0
        for s in sentences {
            let phrases = SkillTagger.phrases(tagger.tag(s.features))
            let kept = s.matches.filter { m in m.counts || phrases.contains { $0.overlaps(m.words) } }.map(\.words)
            let output = kept + phrases.filter { p in !kept.contains { $0.overlaps(p) } }
            let goldSpans = SkillTagger.phrases(s.gold)
            predicted += output.count
            gold += goldSpans.count
            correct += output.filter { p in goldSpans.contains { $0.overlaps(p) } }.count
            found += goldSpans.filter { g in output.contains { $0.overlaps(g) } }.count
        }
        let p = predicted == 0 ? 0 : Double(correct) / Double(predicted), r = gold == 0 ? 0 : Double(found) / Double(gold)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    static func run(root: URL, check: Bool) throws {
        // The SkillSpan train splits are in the repository (data/skillspan, MIT), so the tagger
        // can be retrained and checked on any machine.
        let data = root.appendingPathComponent("data/skillspan")
        let taxonomy = try SkillTaxonomy(data: try Data(contentsOf: root.appendingPathComponent("Sources/NextYesInsights/Resources/taxonomy.tsv")))
        let extractor = SkillExtractor(taxonomy: taxonomy)
        var sentences: [Sentence] = [], fit: [Sentence] = [], held: [Sentence] = []
        for split in ["tech_train", "house_train"] {
            let read = try conll(data.appendingPathComponent("\(split).conll")).map { prepare($0, extractor: extractor) }
            sentences += read
            // Settings from the last fifth of each file held out: other postings than those trained on.
            fit += read.prefix(read.count * 4 / 5)
            held += read.suffix(from: read.count * 4 / 5)
        }
        var best = (epochs: 1, bias: Float(0), f: -1.0, p: 0.0, r: 0.0)
        train(fit, epochs: maxEpochs) { epoch, weights, transitions in
            for bias in biases {
                let s = score(SkillTagger(bucketBits: bucketBits, weights: weights, transitions: transitions, outsideBias: bias), held)
                if s.f > best.f { best = (epoch, bias, s.f, s.p, s.r) }
            }
        }
        print(String(format: "Skill tagger: held-out fifth of train P %.3f R %.3f F1 %.3f at %d epochs, O bias %.1f (%d sentences, %d words)",
                     best.p, best.r, best.f, best.epochs, best.bias, sentences.count, sentences.reduce(0) { $0 + $1.gold.count }))
        var tagger: SkillTagger?
        train(sentences, epochs: best.epochs) { epoch, weights, transitions in
            if epoch == best.epochs { tagger = SkillTagger(bucketBits: bucketBits, weights: weights, transitions: transitions, outsideBias: best.bias) }
        }
        let bytes = tagger!.encoded()
        let url = root.appendingPathComponent("Sources/NextYesInsights/Resources/skills-tagger.model")
        guard try shipOrCompare(bytes, at: url) else {
            FileHandle.standardError.write(Data("The shipped skills-tagger.model differs from what training produces. Run: swift run nextyes-train --skills\n".utf8))
            exit(1)
        }
        if check {
            print("CHECK OK: the shipped skill tagger matches training, byte for byte.")
        } else {
            print(String(format: "Wrote %@ (%d bytes, checksum %016llx).", url.path, bytes.count, tagger!.checksum))
        }
    }
}
