import Foundation

/// A skill found in a text, with where it is.
public struct ExtractedSkill: Hashable, Codable, Sendable {
    public var id: String
    public var label: String
    public var source: SkillSource
    /// The words as they appear in the text.
    public var text: String
    /// Offsets in Unicode code points (the indices a Python string uses), end exclusive.
    public var start: Int
    public var end: Int
}

/// A phrase the tagger reads as a skill that names no concept in the taxonomy ("work closely
/// with customers"): offsets as for `ExtractedSkill`.
public struct SkillPhrase: Hashable, Codable, Sendable {
    public var text: String
    public var start: Int
    public var end: Int
}

/// Finds taxonomy concepts in any text in one pass (see `PhraseMatcher`); where a name is also an
/// everyday word ("Dig", "Go", "Excel") or comes only from the job-posting gazetteer ("dbt"), the
/// skill tagger (`SkillTagger`) decides from the sentence whether it names a skill.
public struct SkillExtractor: Sendable {
    public let taxonomy: SkillTaxonomy
    /// Without one, the phrase rules decide alone (a gazetteer name then counts only in a list with a name ESCO or O*NET has).
    public let tagger: SkillTagger?

    public init(taxonomy: SkillTaxonomy, tagger: SkillTagger? = nil) {
        self.taxonomy = taxonomy
        self.tagger = tagger
    }

    public static func bundled() throws -> SkillExtractor {
        SkillExtractor(taxonomy: try SkillTaxonomy.bundled(), tagger: try SkillTagger.bundled())
    }

    struct Match {
        var form: Int32
        var start: Int
        var end: Int
        var verdict: PhraseMatcher.Verdict
    }

    /// The matches that count (byte ranges and forms), and with `phrases` the tagger's phrases
    /// that no counted match overlaps.
    ///
    /// A name the rules turn down, or one only the gazetteer has, counts when the tagger gives
    /// one of its words a phrase tag, read within its sentence: the whole sentence when every
    /// phrase is wanted, otherwise a window of a few words either side of the names. A window is
    /// decoded once and each name in it is decided by its own words' tags.
    func analyse(_ bytes: UnsafeBufferPointer<UInt8>, phrases wantPhrases: Bool = false) -> (matches: [Match], phrases: [Range<Int>]) {
        var all: [Match] = []
        taxonomy.matcher.scan(bytes) { form, start, end, verdict in all.append(Match(form: form, start: start, end: end, verdict: verdict)) }
        func counts(_ m: Match) -> Bool {
            m.verdict != .rulesReject
        }
        guard let tagger, !all.allSatisfy(counts) || wantPhrases else { return (all.filter { counts($0) && !isFunctionWord($0, bytes) }, []) }
        let text = taggerText(bytes, all)
        var found: [Range<Int>] = []
        var accepted = [Bool](repeating: false, count: all.count)
        // The names to decide in the sentence at hand: each one's index and its words.
        var names: [(match: Int, run: Range<Int>)] = []
        /// Decodes `window` and decides the names in it.
        func decode(_ window: Range<Int>, in sentence: Range<Int>, names: ArraySlice<(match: Int, run: Range<Int>)>) {
            let tags = tagger.tag(text.features(window, within: sentence, text: bytes, bucketBits: tagger.bucketBits))
            for name in names {
                accepted[name.match] = name.run.contains { tags[$0 - window.lowerBound] != SkillTagger.outside }
            }
            guard wantPhrases else { return }
            for phrase in SkillTagger.phrases(tags) {
                found.append(text.words[window.lowerBound + phrase.lowerBound].start..<text.words[window.lowerBound + phrase.upperBound - 1].end)
            }
        }
        var m = 0
        for sentence in text.sentences {
            let last = text.words[sentence.upperBound - 1].end
            names.removeAll(keepingCapacity: true)
            var w = sentence.lowerBound
            while m < all.count, all[m].start < last {
                defer { m += 1 }
                guard !counts(all[m]) else { continue }
                while w < sentence.upperBound, text.words[w].end <= all[m].start { w += 1 }
                var e = w
                while e < sentence.upperBound, text.words[e].start < all[m].end { e += 1 }
                if e > w { names.append((m, w..<e)) }
            }
            if wantPhrases {
                decode(sentence, in: sentence, names: names[...])
                continue
            }
            // Windows: three words either side of each name, joined where they touch.
            var first = 0
            var window: Range<Int>? = nil
            for (k, name) in names.enumerated() {
                let around = max(sentence.lowerBound, name.run.lowerBound - 3)..<min(sentence.upperBound, name.run.upperBound + 3)
                if let open = window, around.lowerBound <= open.upperBound {
                    window = open.lowerBound..<max(open.upperBound, around.upperBound)
                } else {
                    if let open = window { decode(open, in: sentence, names: names[first..<k]) }
                    window = around
                    first = k
                }
            }
            if let open = window { decode(open, in: sentence, names: names[first...]) }
        }
        // The rules' yes stands, but for gazetteer names; elsewhere the tagger may still read a skill.
        // A word of grammar in small letters ("les données", "what does") is never one.
        let kept = all.indices.filter { (counts(all[$0]) || accepted[$0]) && !isFunctionWord(all[$0], bytes) }.map { all[$0] }
        guard wantPhrases else { return (kept, []) }
        var extra: [Range<Int>] = []
        var k = 0
        for phrase in found {
            while k < kept.count, kept[k].end <= phrase.lowerBound { k += 1 }
            if k < kept.count, kept[k].start < phrase.upperBound { continue }
            extra.append(phrase)
        }
        return (kept, extra)
    }

    /// A match that is one word of grammar written in small letters (`Ambiguity.functionWords`),
    /// or a currency's code before an amount ("R$ 8.500", "CAD $28": R and CAD are skills elsewhere).
    func isFunctionWord(_ m: Match, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if m.end - m.start <= 3 {
            var k = m.end
            while k < bytes.count, bytes[k] == 32 { k += 1 }
            if k < bytes.count, bytes[k] == 36 || (k > m.end && bytes[k] >= 48 && bytes[k] <= 57),
               Ambiguity.currencyCodes.contains(String(decoding: bytes[m.start..<m.end], as: UTF8.self)) { return true }
        }
        let word = bytes[m.start..<m.end]
        // Short, one word, no capital letter.
        guard (2...7).contains(word.count), !word.contains(where: { ($0 >= 65 && $0 <= 90) || $0 == 32 || $0 == 45 }) else { return false }
        return Ambiguity.functionWords.contains(String(decoding: word, as: UTF8.self))
    }

    func taggerText(_ bytes: UnsafeBufferPointer<UInt8>, _ all: [Match]) -> TaggerText {
        var text = TaggerText(bytes)
        text.mark(all.map { m in
            let verdict: UInt8 = m.verdict == .certain ? 0 : m.verdict == .rulesAccept ? 1 : 2
            return (m.start, m.end, 1 + verdict + (taxonomy.matcher.needsTagger(Int(m.form)) ? 3 : 0))
        })
        return text
    }

    /// The tagger's view of a text, with what the taxonomy finds there marked: for training.
    public func taggerText(_ bytes: UnsafeBufferPointer<UInt8>) -> TaggerText {
        var all: [Match] = []
        taxonomy.matcher.scan(bytes) { form, start, end, verdict in all.append(Match(form: form, start: start, end: end, verdict: verdict)) }
        return taggerText(bytes, all)
    }

    /// Every concept found, in text order; a form that names concepts in several sources yields
    /// one entry for each source.
    public func extract(_ text: String) -> [ExtractedSkill] {
        extractWithPhrases(text, phrases: false).skills
    }

    /// The concepts found, and with `phrases` also the tagger's skill phrases that name no concept.
    public func extractWithPhrases(_ text: String, phrases wantPhrases: Bool = true) -> (skills: [ExtractedSkill], phrases: [SkillPhrase]) {
        var utf8 = Array(text.utf8)
        var results: [ExtractedSkill] = []
        var phrases: [SkillPhrase] = []
        var scalarOffset = 0
        var byteOffset = 0
        @inline(__always) func advance(to target: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            while byteOffset < target {
                if bytes[byteOffset] & 0xC0 != 0x80 { scalarOffset += 1 }
                byteOffset += 1
            }
            return scalarOffset
        }
        utf8.withUnsafeMutableBufferPointer { mutable in
            let bytes = UnsafeBufferPointer(mutable)
            let (matches, extra) = analyse(bytes, phrases: wantPhrases)
            // Matches and phrases never overlap: one walk through the text in order.
            var events: [(start: Int, end: Int, match: Int)] = matches.enumerated().map { ($0.element.start, $0.element.end, $0.offset) }
            events += extra.map { ($0.lowerBound, $0.upperBound, -1) }
            events.sort { $0.start < $1.start }
            for event in events {
                let startScalar = advance(to: event.start, bytes)
                let endScalar = advance(to: event.end, bytes)
                let matched = String(decoding: bytes[event.start..<event.end], as: UTF8.self)
                guard event.match >= 0 else {
                    phrases.append(SkillPhrase(text: matched, start: startScalar, end: endScalar))
                    continue
                }
                var seen: Set<Int32> = []
                var concepts: [SkillConcept] = []
                for original in taxonomy.matcher.originalForms[Int(matches[event.match].form)] {
                    for concept in taxonomy.formConcepts[Int(original)] where seen.insert(concept).inserted {
                        concepts.append(taxonomy.concept(Int(concept)))
                    }
                }
                for c in Self.oneEach(concepts, named: matched) {
                    results.append(ExtractedSkill(id: c.id, label: c.label, source: c.source, text: matched, start: startScalar, end: endScalar))
                }
            }
        }
        return (results, phrases)
    }
    /// The concepts a name stands for when the whole name is a known form ("sql", "MS Excel"),
    /// ignoring case and context; empty otherwise.
    public func concepts(named name: String) -> [SkillConcept] {
        guard let form = taxonomy.matcher.exactForm(name) else { return [] }
        var seen: Set<Int32> = []
        var out: [SkillConcept] = []
        for original in taxonomy.matcher.originalForms[Int(form)] {
            for concept in taxonomy.formConcepts[Int(original)] where seen.insert(concept).inserted {
                out.append(taxonomy.concept(Int(concept)))
            }
        }
        return Self.oneEach(out, named: name)
    }

    /// The concepts one name stands for, as a person should see them: a gazetteer name only as a
    /// fallback for what ESCO and O*NET don't name, and one concept per source ("SQL" is both
    /// O*NET's "Structured query language SQL" and its "Structure query language SQL"), the one
    /// labelled as written when there is one, else the first.
    static func oneEach(_ concepts: [SkillConcept], named name: String) -> [SkillConcept] {
        var concepts = concepts
        if concepts.contains(where: { $0.source != .gazetteer }) { concepts.removeAll { $0.source == .gazetteer } }
        guard concepts.count > 1 else { return concepts }
        let written = name.lowercased()
        var kept: [SkillConcept] = []
        for c in concepts {
            if let k = kept.firstIndex(where: { $0.source == c.source }) {
                if kept[k].label.lowercased() != written && c.label.lowercased() == written { kept[k] = c }
            } else {
                kept.append(c)
            }
        }
        return kept
    }

    /// The byte ranges of every match that counts, for measuring speed and agreement without
    /// building results.
    public func matchRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        analyse(bytes).matches.map { $0.start..<$0.end }
    }

    /// How many matches count, and nothing else: the cost of the pass with the tagger's decisions.
    public func countMatches(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        analyse(bytes).matches.count
    }
}
