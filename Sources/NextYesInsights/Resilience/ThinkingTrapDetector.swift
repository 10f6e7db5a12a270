import Foundation

/// Finds thinking traps in self-talk, with the words each rests on, and suggests a reframe built
/// from the person's own words. Quotes, reported speech, questions, negations and thoughts held
/// at a distance ("I used to think…") do not count: "my friend said I'm not a failure" is not
/// labeling. Measured on a labelled set: see docs/thinking-traps.md.
public enum ThinkingTrapDetector {
    public static let maxCharacters = 20_000

    public static func check(_ raw: String) -> TrapCheck {
        memo.value(for: raw, read)
    }

    private static let memo = ReadingMemo<TrapCheck>()

    private static func read(_ raw: String) -> TrapCheck {
        check(raw, models: TrapModel.bundled)
    }

    /// The same reading with the given models (nil: the rules alone), not remembered: training
    /// scores the models it has just made with it, so a model card's figures are the product's.
    public static func check(_ raw: String, models: [ThinkingTrap: LogisticModel]?) -> TrapCheck {
        if CrisisReader.read(raw).isCrisis { return TrapCheck(crisis: true) }
        let text = normalised(raw.count > maxCharacters ? String(raw.prefix(maxCharacters)) : raw)
        let ruled = ruleHits(text)
        guard let models else { return TrapCheck(traps: ruled, reframe: reframe(ruled)) }
        // The learned reader decides, with the rules' hits among its evidence; the words a trap
        // rests on are the rule's clause, else the sentence the model finds it in most.
        let sentences = Segmenter.sentences(text).map(\.text)
        // The models were trained on statements. In a longer entry, a trap the rules find in one
        // sentence is also judged on that sentence alone (with the rules' hit), so the rest of the
        // entry can't drown it out; the model alone adds nothing sentence by sentence.
        var found: [ThinkingTrap] = TrapModel.traps(withoutDenials(text), rules: Set(ruled.map(\.trap)), models: models).map(\.0)
        // The same for the comma-separated parts of a sentence: "I'll never get hired, I'm a
        // failure" is two thoughts, and the label is read on its own part.
        let parts = sentences.flatMap { sentence in
            sentence.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.split(separator: " ").count >= 2 }
        }
        let pieces = (sentences.count > 1 ? sentences.map { ($0, false) } : []) + (parts.count > sentences.count ? parts.map { ($0, true) } : [])
        if !pieces.isEmpty {
            for (sentence, isPart) in pieces {
                // Within a sentence, only a label stands on its own part: the other traps, read on
                // part of a thought, raised false alarms out of fold (72 → 83 of 1,552).
                let inSentence = Set(ruleHits(sentence).map(\.trap)).filter { !isPart || $0 == .labeling }
                guard !inSentence.isEmpty else { continue }
                for (trap, _) in TrapModel.traps(withoutDenials(sentence), rules: inSentence, models: models)
                where inSentence.contains(trap) && !found.contains(trap) { found.append(trap) }
            }
        }
        // Someone who denies a label or a catastrophe ("I'm not a failure just because one
        // company said no") is talking back to the trap: only what the rules find stands.
        if TrapLexicon.deniedLabel.contains(text) { found.removeAll { trap in !ruled.contains { $0.trap == trap } } }
        // "I never heard back from Siemens" is what happened with one employer, not a rule about
        // all of them: an overgeneralization the rules don't find needs more than that.
        if TrapLexicon.oneEmployersSilence.contains(text), !TrapLexicon.universal.contains(text) {
            found.removeAll { trap in trap == .overgeneralizing && !ruled.contains { $0.trap == trap } }
        }
        var hits: [TrapHit] = []
        for trap in found.prefix(3) {
            if let ruleHit = ruled.first(where: { $0.trap == trap }) {
                hits.append(ruleHit)
            } else {
                let best = sentences.count <= 1 ? text : sentences.max { a, b in
                    TrapModel.probability(withoutDenials(a), trap, rules: [], models: models) < TrapModel.probability(withoutDenials(b), trap, rules: [], models: models)
                } ?? text
                hits.append(TrapHit(trap: trap, evidence: best.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        return TrapCheck(traps: hits, reframe: reframe(hits))
    }

    /// The text without the labels the person denies ("I'm not a failure"): the learned reader
    /// reads words, not their negation, so a denial is taken out before it reads.
    static func withoutDenials(_ text: String) -> String {
        let denials = TrapLexicon.deniedLabel.matches(in: text)
        guard !denials.isEmpty else { return text }
        var kept = ""
        var start = text.startIndex
        for range in denials where range.lowerBound >= start {
            kept += text[start..<range.lowerBound]
            start = range.upperBound
        }
        return kept + text[start...]
    }

    /// What the hand-written rules find, each with its clause.
    static func ruleHits(_ text: String) -> [TrapHit] {
        var hits: [TrapHit] = []
        var seen: Set<ThinkingTrap> = []
        for sentence in Segmenter.sentences(text) {
            // Read the whole sentence (a feeling and its conclusion can sit either side of a
            // semicolon), with quotes, reported speech, questions and distanced thoughts blanked.
            let parts = clauses(of: sentence.text)
            var visible = ""
            var spans: [(range: Range<Int>, clause: String)] = []
            var distanced = false
            for part in parts {
                if TrapLexicon.distanced.contains(part.text) { distanced = true }
                let shown = distanced || isQuestion(part.text) ? String(repeating: " ", count: part.text.count) : masked(part.text)
                let start = visible.count
                visible += shown + " "
                spans.append((start..<(start + shown.count), part.text))
            }
            for (trap, patterns) in TrapLexicon.patterns where !seen.contains(trap) {
                guard let match = patterns.matches(in: visible).first(where: { !isNegated($0, in: visible, trap: trap) && !isExcused(trap, $0, in: visible) }) else { continue }
                let offset = visible.distance(from: visible.startIndex, to: match.lowerBound)
                let clause = spans.first { $0.range.contains(offset) }?.clause ?? sentence.text
                seen.insert(trap)
                hits.append(TrapHit(trap: trap, evidence: clause.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        return hits
    }

    /// The text as the rules read it: quotes, reported speech, questions and distanced thoughts
    /// blanked, so a learned reader sees only what the person says of themselves now.
    static func visible(_ text: String) -> String {
        var all = ""
        for sentence in Segmenter.sentences(text) {
            var distanced = false
            for part in clauses(of: sentence.text) {
                if TrapLexicon.distanced.contains(part.text) { distanced = true }
                if distanced || isQuestion(part.text) { all += " __set_aside "; continue }
                all += masked(part.text) + " , "
            }
            all += " . "
        }
        return all
    }

    // MARK: Reading the text

    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
    }

    private static let clauseBreak = try! NSRegularExpression(
        pattern: #";|,?\s+(?=\b(?:but|however|though|although|then|yet|whereas)\b)|\s+[-–—]\s+"#, options: [.caseInsensitive])

    struct Part { var text: String }

    static func clauses(of sentence: String) -> [Part] {
        var parts: [Part] = []
        var start = sentence.startIndex
        for match in clauseBreak.matches(in: sentence, range: NSRange(sentence.startIndex..., in: sentence)) {
            guard let range = Range(match.range, in: sentence) else { continue }
            parts.append(Part(text: String(sentence[start..<range.lowerBound])))
            start = range.upperBound
        }
        parts.append(Part(text: String(sentence[start...])))
        return parts.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// A clause that asks rather than states ("Am I being too hard on myself?").
    static func isQuestion(_ clause: String) -> Bool {
        let trimmed = clause.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasSuffix("?") && !trimmed.lowercased().contains("what's wrong with me") { return true }
        return false
    }

    private static let quoted = try! NSRegularExpression(pattern: #"(?:^|(?<=[\s(:,]))(['"]).{2,}?\1(?=$|[\s.,!?;:)])"#, options: [])

    /// The clause with quoted words and reported speech blanked out (same length, so ranges hold).
    static func masked(_ clause: String) -> String {
        var characters = Array(clause)
        func blank(_ range: Range<String.Index>) {
            let lower = clause.distance(from: clause.startIndex, to: range.lowerBound)
            let upper = clause.distance(from: clause.startIndex, to: range.upperBound)
            for i in lower..<upper where i < characters.count { characters[i] = " " }
        }
        for match in quoted.matches(in: clause, range: NSRange(clause.startIndex..., in: clause)) {
            if let range = Range(match.range, in: clause) { blank(range) }
        }
        if let reported = TrapLexicon.reported.firstMatch(in: clause) {
            // Up to where the person speaks for themselves again ("…, and I should…").
            let resume = TrapLexicon.ownVoice.firstMatch(in: clause, range: reported.upperBound..<clause.endIndex)?.lowerBound ?? clause.endIndex
            blank(reported.lowerBound..<resume)
        }
        return String(characters)
    }

    /// A worry stated as a worry, and a label inside someone else's imagined view, are not the trap.
    private static func isExcused(_ trap: ThinkingTrap, _ match: Range<String.Index>, in text: String) -> Bool {
        let before = String(text[text.startIndex..<match.lowerBound])
        switch trap {
        case .fortuneTelling, .catastrophizing, .mindReading:
            if let worry = TrapLexicon.worry.matches(in: before).last, before.distance(from: worry.upperBound, to: before.endIndex) < 40 { return true }
            return false
        case .labeling:
            return TrapLexicon.othersThink.contains(String(before.suffix(45)))
        default:
            return false
        }
    }

    private static let deniedBlame = PatternSet([#"\b(?:isn'?t|is not|wasn'?t|was not|weren'?t|were not|not|never)\s+(?:all\s+|entirely\s+|really\s+|just\s+)?(?:my (?:fault|doing)|because of me|down to me|on me)\b"#])

    private static let innerNegation = PatternSet([#"\b(?:isn'?t|is not|aren'?t|wasn'?t|weren'?t|was not|were not|not|never|don'?t|doesn'?t|didn'?t)\b"#])

    private static func isNegated(_ match: Range<String.Index>, in text: String, trap: ThinkingTrap) -> Bool {
        // "My career isn't ruined", "they don't think I'm…": the negation sits inside the phrase.
        if [.catastrophizing, .mindReading].contains(trap), innerNegation.contains(String(text[match])) { return true }
        // "The layoffs weren't my fault": a denial of blame is no personalizing ("…because I
        // wasn't good enough" still is).
        if trap == .personalizing, deniedBlame.contains(String(text[match])) { return true }
        return isNegated(match, in: text)
    }

    private static func isNegated(_ match: Range<String.Index>, in text: String) -> Bool {
        let prefixStart = text.index(match.lowerBound, offsetBy: -min(30, text.distance(from: text.startIndex, to: match.lowerBound)))
        let prefix = String(text[prefixStart..<match.lowerBound])
        return TrapLexicon.negation.contains(prefix)
    }

    // MARK: Reframes

    /// A reframe for the first two traps found, each built from the words it rests on.
    static func reframe(_ hits: [TrapHit]) -> String {
        hits.prefix(2).map(reframe(for:)).joined(separator: " ")
    }

    static func reframe(for hit: TrapHit) -> String {
        let words = hit.evidence
        switch hit.trap {
        case .labeling:
            // Quoted as written, so a bare noun ("idiot") needs no article to read well.
            let label = labelWord(in: words).map { "Calling myself \"\($0)\"" } ?? "That word"
            return "\(label) is harsh, and it isn't who I am. I'm someone going through a hard search, and one setback is something that happened, not a verdict on me."
        case .overgeneralizing:
            return "This one didn't go the way I wanted, but that doesn't make it \"always\" or \"never\". Once, or a few times, is not every time, and each try teaches me something."
        case .fortuneTelling:
            return "I don't know yet how it will go. I can prepare as well as I can and find out, instead of deciding the ending now."
        case .mindReading:
            return "I can't know what they think. I can only go on what they actually said and did, and that isn't enough to judge myself by."
        case .catastrophizing:
            // "If I blank on the coding question…", "I'll be stuck here forever": a fear of what may come.
            if fearOfWhatMayCome.contains(words) {
                return "Even if that happened, it would be hard, not the end of everything. I have more options than this worry lets me see."
            }
            return "This hurts, and it is one setback, not the end of everything. I have more options than this moment lets me see."
        case .personalizing:
            return "Many things went into this, most of them outside my control. I can own my part without carrying all of it."
        case .shouldStatements:
            // "I shouldn't feel sad about a rejection", "a real professional should never get nervous".
            if forbiddenFeeling.contains(words) {
                return "It's okay to feel this. Being nervous or sad around a job search is human, not a failing, and it passes."
            }
            if absoluteRule.contains(words) { return ruleReframe }
            if let wish = softenedShould(words) { return wish }
            return "I'd like things to be further along, and I'm working toward it at a pace I can keep. That's enough."
        case .emotionalReasoning:
            let feeling = feelingWord(in: words).map { "Feeling \($0)" } ?? "This feeling"
            return "\(feeling) is real, and it is not proof. Feelings aren't facts; what actually happened is the evidence."
        case .disqualifyingThePositive:
            return "This counts. I did something that earned it, and I'm allowed to take the credit."
        case .allOrNothing:
            return "It isn't all or nothing. Even without this result, what I've built and learned along the way still counts."
        }
    }

    private static let labelPattern = try! NSRegularExpression(pattern: #"\b(?:a |an )?(?:total |complete |absolute |utter |walking )?"# + TrapLexicon.selfLabel + #"\b"#, options: [.caseInsensitive])

    private static func labelWord(in text: String) -> String? {
        guard let match = labelPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range, in: text) else { return nil }
        var label = String(text[range]).lowercased()
        // "a worthless reject": an article and an adjective want the noun after them.
        if label.hasPrefix("a ") || label.hasPrefix("an "),
           adjectiveEnding.contains(label),
           let match = nextWord.firstMatch(in: text, range: NSRange(range.upperBound..., in: text)), let next = Range(match.range, in: text) {
            let noun = text[next].dropFirst().lowercased()
            if !["and", "but", "who", "that", "when", "because", "the", "for", "with", "at", "in", "lol"].contains(noun) { label += " " + noun }
        }
        return label
    }

    private static let feelingPattern = try! NSRegularExpression(pattern: #"\bfe(?:el|lt|els) (?:like )?((?:a |an )?[a-z]+(?: [a-z]+)?)"#, options: [.caseInsensitive])

    private static func feelingWord(in text: String) -> String? {
        guard let match = feelingPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        let words = text[range].lowercased().split(separator: " ").prefix { !["so", "which", "that", "and", "because", "about", "of", "by", "at", "in", "with", "for", "to", "when", "after", "over", "like", "today", "now", "again"].contains($0) }
        guard !words.isEmpty else { return nil }
        // "it feels like I'll…", "I feel like giving up": no feeling word to name; "This feeling" reads better.
        guard let first = words.first, !notFeelings.contains(String(first)), !first.hasSuffix("ing") else { return nil }
        let phrase = words.joined(separator: " ")
        return phrase.hasPrefix("a ") || phrase.hasPrefix("an ") ? "like \(phrase)" : phrase
    }

    /// "I must never show any weakness", "I'm not allowed to negotiate": a rule to question, not a wish to keep.
    private static let absoluteRule = PatternSet([#"\b(?:never|always|any|every|no|not|perfect(?:ly)?|everything|everyone|allowed)\b"#])
    /// "If I blank on the coding question…", "I'll be stuck here forever".
    private static let fearOfWhatMayCome = PatternSet([#"^\W*if\b"#, #"\b(?:will|'ll|going to|gonna)\b"#])
    /// "I shouldn't feel sad", "should never get nervous": a should about a feeling.
    private static let forbiddenFeeling = PatternSet([#"\b(?:feel\w*|sad|upset|nervous|anxious|cry\w*|scared|afraid|hurt)\b"#])
    /// "a worthless": an adjective after an article, which wants its noun.
    private static let adjectiveEnding = PatternSet([#"(?:less|ful|ous|ive|ble|ed|ish|ent|ant|ing)$"#])
    private static let nextWord = try! NSRegularExpression(pattern: #"^ [A-Za-z]{3,}"#)

    static let ruleReframe = "That's a rule I've set myself, not a law. I can ask whether it really helps me, and be human when I don't live up to it."

    private static let notFeelings: Set<String> = [
        "i", "im", "i'm", "i'll", "i've", "i'd", "you", "we", "they", "he", "she", "it", "it's", "this", "that", "there", "my", "me", "nothing",
        "everything", "everyone", "nobody", "no", "the", "if", "as", "what", "i’m", "i’ll",
    ]

    private static let shouldPattern = try! NSRegularExpression(
        pattern: #"\b(?:i|we) (?:really )?(?:should|must|ought to|have to|'?m supposed to|am supposed to|'?m meant to)\s+(?!have\b|'ve\b)([^.,;!?]{3,80})"#, options: [.caseInsensitive])

    /// "I should have a job by now" becomes "I'd like to have a job by now…".
    private static func softenedShould(_ text: String) -> String? {
        guard let match = shouldPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        var rest = text[range].trimmingCharacters(in: .whitespaces)
        // "I must get this job or else": the threat is no part of the wish.
        if let threat = rest.range(of: #"\s+(?:or else|otherwise|or (?:i|i'?m|i'?ll|it'?s|everything|my|we)\b)"#, options: [.regularExpression, .caseInsensitive]) {
            rest = String(rest[..<threat.lowerBound])
        }
        return "I'd like to \(rest), and I'm working toward it at a pace I can keep. Not being there yet doesn't make me less."
    }
}
