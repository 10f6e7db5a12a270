import Foundation
import Testing
@testable import NextYesInsights

/// A pattern list runs only the patterns a text's words allow. These tests hold it to the one
/// promise that makes that safe: the matches are exactly those of the whole list run as one
/// expression, on every list the readers use, on real texts and on awkward ones.
@Suite struct PatternSetTests {
    static let lists: [(String, PatternSet)] = {
        var lists: [(String, PatternSet)] = []
        for (theme, list) in FeedbackLexicon.themeCues { lists.append(("theme " + theme.rawValue, list)) }
        for (category, list) in ReasonLexicon.rules { lists.append(("reason " + category.rawValue, list)) }
        for (trap, list) in TrapLexicon.patterns { lists.append(("trap " + trap.rawValue, list)) }
        for (i, (category, list)) in ReasonFinder.other.enumerated() { lists.append(("mail reason \(i) " + category.rawValue, list)) }
        let named: [(String, PatternSet)] = [
            ("positive", FeedbackLexicon.positive), ("negative", FeedbackLexicon.negative), ("negator", FeedbackLexicon.negator),
            ("praise by negation", FeedbackLexicon.praiseByNegation), ("boilerplate", FeedbackLexicon.boilerplate),
            ("decision", ReasonLexicon.decisionContext), ("closer match", ReasonLexicon.closerMatch), ("concrete", ReasonLexicon.concreteExperience),
            ("reported", TrapLexicon.reported), ("own voice", TrapLexicon.ownVoice), ("others think", TrapLexicon.othersThink),
            ("distanced", TrapLexicon.distanced), ("trap negation", TrapLexicon.negation), ("worry", TrapLexicon.worry),
            ("job context", Cues.jobContext), ("not a job", Cues.notAJob), ("remote", PostingText.remote), ("hybrid", PostingText.hybrid),
        ]
        return lists + named
    }()

    /// Training texts only (the held-out splits are for scoring), with awkward ones: case, curly
    /// quotes, accents, combining marks, underscores, and the characters whose case folds to
    /// ASCII letters (ß, the Kelvin sign, ligatures), where the filter must step aside.
    static func texts() throws -> [String] {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data")
        var texts: [String] = []
        for file in ["feedback-themes/train.jsonl", "feedback-themes/train2.jsonl", "feedback-themes/dev.jsonl", "thinking-traps/train.jsonl",
                     "job-mail/train.jsonl", "job-mail/train4.jsonl"] {
            let lines = try String(contentsOf: data.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                // E-mails as their decoded text, in sentences, as the reason reader meets them.
                if let eml = object?["eml"] as? String {
                    let message = (try? MailParser.parse(eml)) ?? MailMessage(subject: "", text: eml)
                    texts += Segmenter.sentences(message.text).map(\.text)
                }
                if let text = object?["text"] as? String { texts.append(text) }
            }
        }
        return texts + [
            "YOUR SQL WAS STRONG but the COMMUNICATION wasn’t clear.", "Communication_skills were weak", "naïve café résumé, CV attached",
            "e\u{301}xplain the Kubernetes cluster", "the \u{212A}ubernetes work", "Stra\u{DF}e communication", "the \u{FB01}nal round showed ﬁnance skills",
            "", "   ", "I'm a total failure and I'll never get a job", "We’ve decided to move forward with another candidate whose experience more closely matches.",
        ]
    }

    @Test func everyListMatchesExactlyAsTheWholeList() throws {
        var generator = SplitMix64(seed: 13)
        let texts = try Self.texts()
        #expect(texts.count > 1_000)
        var checked = 0
        for (name, list) in Self.lists {
            for text in texts {
                // The whole text, and a stretch of it starting and ending anywhere (mid-word too).
                var ranges = [text.startIndex..<text.endIndex]
                if text.count > 2 {
                    let a = Int(generator.next() % UInt64(text.count)), b = Int(generator.next() % UInt64(text.count))
                    ranges.append(text.index(text.startIndex, offsetBy: min(a, b))..<text.index(text.startIndex, offsetBy: max(a, b)))
                }
                for range in ranges {
                    let whole = list.expression.matches(in: text, range: NSRange(range, in: text)).compactMap { Range($0.range, in: text) }
                    #expect(list.matches(in: text, range: range) == whole, "\(name) on \(text[range].debugDescription)")
                    #expect(list.firstMatch(in: text, range: range) == whole.first, "\(name) on \(text[range].debugDescription)")
                    checked += 1
                }
            }
        }
        #expect(checked > 50_000)
    }

    @Test func mostPatternsAreLeftOutOfAnOrdinaryText() {
        // Without the filter every pattern would run on every text: it must narrow the list.
        let text = "Thanks for coming in on Tuesday; your SQL was strong but the answers rambled."
        let cues = FeedbackLexicon.themeCues.first { $0.0 == .technicalSkills }!.1
        let candidates = cues.candidates(in: text)
        #expect(candidates.count < 15, "\(candidates.count) patterns kept")
        #expect(cues.firstMatch(in: text) != nil)
        #expect(cues.candidates(in: "Thanks for your time.").count < 6)
        // A character that folds to ASCII letters keeps them all.
        let all = FeedbackLexicon.themeCues.first { $0.0 == .technicalSkills }!.1.candidates(in: "Stra\u{DF}e")
        #expect(all.count > 100)
    }

    @Test func theWordAPatternMustBeginWithIsReadFromThePattern() {
        #expect(PatternSet.keys(of: #"\bbugs?\b"#) == ["bug"])
        #expect(PatternSet.keys(of: #"\bfamiliar with\b"#) == ["familiar"])
        #expect(PatternSet.keys(of: #"(?<!unfamiliar )(?<!new )\btool(?:s|ing)\b"#) == ["tool"])
        #expect(PatternSet.keys(of: #"\b(?:our|the) product\b"#) == ["product"])
        #expect(PatternSet.keys(of: #"\b(?:our|the) (?:app|site)\b"#) == ["our", "the"])
        #expect(PatternSet.keys(of: #"\bi'?m (?:a |an )?(?:total )?failure\b"#) == ["failure"])
        #expect(PatternSet.keys(of: #"(?<!not )\bworth(?=less)"#) == ["worth"])
        #expect(PatternSet.keys(of: #"\bnumbers\b[^.]{0,30}\bdon'?t add up\b"#) == ["numbers"])
        #expect(PatternSet.keys(of: #"\b(?:isn'?t|is not)\b"#) == ["isn", "is"])
        #expect(PatternSet.keys(of: #"\bSQL\b"#) == ["sql"])
        #expect(PatternSet.keys(of: #"\bprácticas\b"#) == ["pr"])
        // Could begin anywhere, or with anything: no key.
        #expect(PatternSet.keys(of: #"\bcv\b|\bresume\b"#) == nil)
        #expect(PatternSet.keys(of: #"(?:,|;)?\s+and i\b"#) == ["and"])
        #expect(PatternSet.keys(of: #"\b(?:a|an)?\s*fool"#) == nil)
        #expect(PatternSet.keys(of: #"\b\w+ful\b"#) == nil)
        #expect(PatternSet.keys(of: #"\b(?:x|(?:y|z))"#) == nil)
        #expect(PatternSet.keys(of: #"^\s*should"#) == nil)
        #expect(PatternSet.keys(of: #"\bs?he\b"#) == nil)
        #expect(PatternSet.keys(of: #"(?<name>ab)cde"#) == nil)
        #expect(PatternSet.keys(of: #"\bwait(?:ing)?\s*list"#) == ["wait"])
        #expect(PatternSet.keys(of: #"ing\b"#) == nil)
    }
}

/// The readers' other quick paths give exactly what the plain ones do.
@Suite struct QuickPathTests {
    /// A model with weights in most buckets keeps them one per bucket, a sparse one in the
    /// open-addressed table; both read every bucket exactly as the plain dictionary says, and
    /// write the same file.
    @Test func bothWeightLayoutsReadAsTheDictionary() throws {
        var generator = SplitMix64(seed: 7)
        for (bits, count) in [(12, 3_000), (12, 200), (16, 40_000), (16, 900)] {
            var weights: [Int: Float] = [:]
            // As training leaves them: none is zero.
            while weights.count < count { weights[Int(generator.next() % UInt64(1 << bits))] = Float(Int(generator.next() % 2000) - 999) / 997 + 0.0005 }
            let model = LogisticModel(bucketBits: bits, bias: 0.25, weights: weights)
            let plain = LogisticModel(bucketBits: bits + 8, bias: 0.25, weights: weights)
            #expect(model.weights == weights)
            #expect(try LogisticModel.decode(model.encoded()).weights == weights)
            for _ in 0..<2_000 {
                let x = (0..<7).map { _ in Int(generator.next() % UInt64(1 << bits)) }
                #expect(model.probability(x) == plain.probability(x))
            }
        }
        #expect(WeightTable([Int: Float](uniqueKeysWithValues: (0..<3_000).map { ($0, 1) }), bucketBits: 12).isDense)
        #expect(!WeightTable([Int: Float](uniqueKeysWithValues: (0..<200).map { ($0, 1) }), bucketBits: 12).isDense)
    }

    @Test func hashedFeaturesAreTheSameAsWrittenThePlainWay() throws {
        let features = HashedFeatures(bucketBits: 18)
        var tokenLists = try PatternSetTests.texts().map { CrisisText.tokenize($0) }
        tokenLists += [
            ["e\u{301}cole", "\u{301}accent", "café", "naïve", "👍🏽", "x\r\ny", "", "a", "ab", "abc", "NOT_", "<s>", "not", "great", ",", "but", "never", "good"],
            ["never", "\u{301}", "日本語", "emoji👍", "but", "not", "Ünïcödé"],
        ]
        for tokens in tokenLists {
            #expect(features.indexes(tokens) == features.plainIndexes(tokens), "\(tokens)")
        }
    }

    @Test func plainTextIsTokenizedAsIfItHadBeenFolded() throws {
        for text in try PatternSetTests.texts() where text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(CrisisText.tokenize(text) == CrisisText.tokenize(text, alwaysFold: true), "\(text)")
        }
        #expect(CrisisText.tokenize("'Tis what it is, isn't it? Don’t") == ["tis", "what", "it", "is", ",", "is", "not", "it", "do", "not"])
    }
}

extension QuickPathTests {
    @Test func theTaggerTagsFromItsStoredWeightsAsFromTheLoadedOnes() throws {
        let tagger = try SkillTagger.bundled()
        let weights = tagger.weights
        var sentences = 0
        for text in try PatternSetTests.texts() + ["Dig into funnel metrics with Looker and Tableau.", "We use dbt, Snowflake and A/B testing."] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                let reading = TaggerText(b)
                for sentence in reading.sentences {
                    let features = reading.features(sentence, text: b, bucketBits: tagger.bucketBits)
                    let plain = weights.withUnsafeBufferPointer {
                        SkillTagger.viterbi(features, weights: $0, transitions: tagger.transitions, outsideBias: tagger.outsideBias)
                    }
                    #expect(tagger.tag(features) == plain, "\(text)")
                    sentences += 1
                }
            }
        }
        #expect(sentences > 1_000)
    }
}
