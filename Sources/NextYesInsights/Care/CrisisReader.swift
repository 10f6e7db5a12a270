import Foundation

/// What crisis language a text carries: a person's own, current thoughts of suicide, a plan or
/// means, self-harm, or goodbye behaviour.
public enum CrisisKind: String, Codable, Sendable, CaseIterable {
    case suicidalThoughts = "suicidal-thoughts"
    case planOrMeans = "plan-or-means"
    case selfHarm = "self-harm"
    case goodbye
}

/// The crisis reader's finding for one text.
public struct CrisisReading: Hashable, Sendable, Codable {
    public var isCrisis: Bool
    public var kind: CrisisKind?
    /// The sentence the finding rests on, as written.
    public var evidence: String?
    /// 1 for a phrase the rules know; else the learned model's probability.
    public var confidence: Double = 0

    public static let none = CrisisReading(isCrisis: false, kind: nil, evidence: nil)
}

/// Reads free text for crisis language in English, German, Spanish, French, Dutch, Portuguese
/// and Italian.
///
/// Recall matters most: a missed crisis is the worst mistake this product can make, so the
/// phrase lists are broad and a doubtful statement leans towards care. What keeps everyday
/// speech out is the guards, not narrow phrases: idioms ("this job hunt is killing me", "dead
/// tired", "I'd rather die than..."), negation ("I'm not suicidal, just tired"), quoted or other
/// people's words ("my friend lost her brother to suicide"), and support roles ("I volunteer at
/// a crisis line"). Pure Swift over normalised tokens: no regular expressions, microseconds per
/// entry.
public enum CrisisReader {
    /// Stored with what was read, so a better reader can re-read old text.
    public static let version = 1

    public static func read(_ text: String) -> CrisisReading {
        read(text, model: CrisisModel.bundled)
    }

    /// Reads with a given model (the training command scores a model it has just trained).
    public static func read(_ text: String, model: LogisticModel?) -> CrisisReading {
        let rules = readByRules(text)
        if rules.isCrisis { return rules }
        // The rules know the phrasings someone wrote down; the learned model generalises from
        // labelled examples to phrasings nobody listed.
        guard let model else { return rules }
        let best = modelProbability(text, model: model)
        guard best.probability >= Double(model.threshold) else { return .none }
        return CrisisReading(isCrisis: true, kind: .suicidalThoughts,
                             evidence: best.evidence.trimmingCharacters(in: .whitespacesAndNewlines), confidence: best.probability)
    }

    /// The model's highest probability over the whole text and each of its sentences, with the
    /// words it rests on.
    ///
    /// Fewer than four words ("numb", "gutted, tired") are left to the rules: a single feeling
    /// word says too little for a model to read.
    public static func modelProbability(_ text: String, model: LogisticModel) -> (probability: Double, evidence: String) {
        let sentences = CrisisText.sentences(text)
        func probability(_ tokens: [String]) -> Double {
            tokens.filter { $0.first?.isLetter == true }.count < minimumWords || CrisisGuards.sleepingIn(tokens)
                ? 0 : model.probability(features.indexes(tokens))
        }
        var best = (probability: probability(sentences.flatMap { $0.clauses.joined(separator: [","]) }), evidence: text)
        if sentences.count > 1 {
            for sentence in sentences {
                let p = probability(sentence.clauses.joined(separator: [","]).map { $0 })
                if p > best.probability { best = (p, sentence.original) }
            }
        }
        return best
    }

    static let minimumWords = 4

    static let features = HashedFeatures(bucketBits: CrisisModel.bucketBits)

    /// The features of a text as the learned model reads them (for training).
    public static func featureIndexes(_ text: String) -> [Int] {
        features.indexes(CrisisText.sentences(text).flatMap { $0.clauses.joined(separator: [","]) })
    }

    /// The phrase rules alone.
    public static func readByRules(_ text: String) -> CrisisReading {
        let sentences = CrisisText.sentences(text)
        let all = sentences.flatMap { $0.clauses.flatMap { $0 } }
        var best: (kind: CrisisKind, evidence: String)?
        for sentence in sentences {
            for clause in sentence.clauses {
                if let kind = CrisisPatterns.shared.match(clause, sentence: sentence.clauses.flatMap { $0 }, in: all) {
                    if best == nil || kind == .planOrMeans { best = (kind, sentence.original) }
                }
            }
        }
        guard let best else { return .none }
        return CrisisReading(isCrisis: true, kind: best.kind, evidence: best.evidence.trimmingCharacters(in: .whitespacesAndNewlines), confidence: 1)
    }

    /// True when any of the texts carries crisis language.
    public static func anyCrisis(_ texts: [String?]) -> Bool {
        texts.contains { $0.map { read($0).isCrisis } ?? false }
    }
}

// MARK: - Text preparation

/// A sentence of the original text, and its clauses as lists of normalised tokens.
struct CrisisSentence {
    var original: String
    var clauses: [[String]]
}

enum CrisisText {
    /// Sentences split at . ! ? and line breaks; clauses split at commas, semicolons and
    /// "but"-like words, so negation stays local. Words in quotation marks are someone else's
    /// when the words before them say so ("my friend texted", "the film's line"); otherwise they
    /// are read as the person's own ("I keep telling myself 'just end it'").
    static func sentences(_ text: String) -> [CrisisSentence] {
        var result: [CrisisSentence] = []
        var outside = ""
        var quoted = ""
        var inQuote = false
        var original = ""
        var quotes: [String] = []
        func closeQuote() {
            if !reported(byContext: outside) { outside += " , " + quoted + " , " }
            quotes.append(quoted)
            quoted = ""
        }
        func flush() {
            if inQuote { closeQuote(); inQuote = false }
            let tokens = tokenize(outside)
            if !tokens.isEmpty {
                result.append(CrisisSentence(original: original, clauses: clauses(tokens)))
            }
            outside = ""
            original = ""
            quotes = []
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            original.append(character)
            switch character {
            case "\"", "“", "”", "«", "»", "„":
                if inQuote { closeQuote() }
                inQuote.toggle()
            case "!" where index >= 1 && characters[index - 1].isLetter && index + 1 < characters.count && characters[index + 1].isLetter:
                // "su!cide": a sign inside a word, not the end of a sentence.
                if inQuote { quoted.append(character) } else { outside.append(character) }
            case "." where singleLetterBefore(characters, index) && index + 1 < characters.count && characters[index + 1].isLetter:
                // Letters with stops between them are one word ("k.m.s.", "e.g."), not sentences.
                if inQuote { quoted.append(character) } else { outside.append(character) }
            case ".", "!", "?", "\n", "\r", "…":
                if inQuote { quoted.append(" ") } else { flush() }
            default:
                if inQuote { quoted.append(character) } else { outside.append(character) }
            }
        }
        flush()
        return result
    }

    /// A letter standing alone before `index` ("k" in "k.m.s").
    private static func singleLetterBefore(_ characters: [Character], _ index: Int) -> Bool {
        index >= 1 && characters[index - 1].isLetter && (index < 2 || !characters[index - 2].isLetter)
    }

    /// Whether the words before a quotation attribute it to someone else.
    static func reported(byContext context: String) -> Bool {
        let tokens = tokenize(context)
        if tokens.contains(where: { selfTalk.contains($0) }) { return false }
        return tokens.contains { attribution.contains($0) }
    }

    private static let selfTalk: Set<String> = ["myself"]
    private static let attribution: Set<String> = [
        "said", "says", "say", "told", "tells", "wrote", "writes", "posted", "posts", "texted", "asked", "replied",
        "messaged", "tweeted", "commented", "song", "lyric", "lyrics", "film", "movie", "book", "novel", "show",
        "series", "character", "quote", "quoted", "line", "he", "she", "they", "someone", "somebody", "friend",
        "recruiter", "manager", "colleague", "podcast", "sagte", "schrieb", "dijo", "escribio", "dit", "ecrit",
    ]

    static let clauseBreakers: Set<String> = [
        "but", "however", "though", "although", "yet", "except", "whereas", "because",
        "aber", "sondern", "doch", "weil", "pero", "sino", "aunque", "porque", "mais", "cependant", "pourtant", "parce",
    ]

    /// French "mais" is "but"; after these words it is Portuguese "more" ("não quero mais viver").
    private static let portugueseBeforeMais: Set<String> = [
        "nao", "quero", "queria", "aguento", "consigo", "posso", "quer", "aguenta", "nunca", "tenho", "sei", "vejo", "vale",
        "suporto", "existir", "viver", "acordar", "estar",
    ]

    static func clauses(_ tokens: [String]) -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        for token in tokens {
            if token == "," || token == ";" || token == ":" || token == "-" {
                if !current.isEmpty { result.append(current) }
                current = []
            } else if clauseBreakers.contains(token) && !(token == "mais" && current.last.map(portugueseBeforeMais.contains) == true) {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(token)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Lower case, accents folded ("mí" → "mi", "ß" → "ss"), English contractions expanded
    /// ("don't" → "do not"), French elisions split ("j'ai" → "j ai"); punctuation that bounds a
    /// clause kept as its own token.
    /// `alwaysFold` takes the folding passes even on plain ASCII, which they leave as it is (tests
    /// check that).
    static func tokenize(_ text: String, alwaysFold: Bool = false) -> [String] {
        // Plain ASCII has no accents, curly quotes or ß to fold: skip the costly folding passes.
        let ascii = !alwaysFold && text.utf8.allSatisfy { $0 < 0x80 }
        let folded = ascii ? text.lowercased() : text.lowercased()
            .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
            .replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.diacriticInsensitive], locale: nil)
        var tokens: [String] = []
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            tokens.append(contentsOf: expand(word))
            word = ""
        }
        let scalars = Array(folded.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar.isASCII ? isASCIILetterOrDigit(scalar.value) : CharacterSet.alphanumerics.contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if "*!@$".unicodeScalars.contains(scalar), !word.isEmpty, index + 1 < scalars.count,
                      scalars[index + 1].isASCII && isASCIILetterOrDigit(scalars[index + 1].value) {
                // "s*icide", "su!cide": a sign inside a word stands for a letter someone hid.
                word.unicodeScalars.append(scalar)
            } else if scalar == "'" {
                word.unicodeScalars.append(scalar)
            } else {
                flushWord()
                if scalar == "," || scalar == ";" || scalar == ":" { tokens.append(String(scalar)) }
                if scalar == "-" || scalar == "–" || scalar == "—" {
                    // A dash between words joins them ("self-harm"); a spaced dash is a pause.
                    tokens.append("-")
                }
            }
        }
        flushWord()
        return joinHyphens(tokens)
    }

    private static func isASCIILetterOrDigit(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    /// "self - harm" → "selfharm"; a lone dash stays a clause break.
    private static func joinHyphens(_ tokens: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token == "-", let last = result.last, last != "-", last != ",",
               index + 1 < tokens.count, tokens[index + 1].first?.isLetter == true,
               joinable.contains(last) || (last.hasSuffix("r") && enclitics.contains(tokens[index + 1])) {
                result[result.count - 1] = last + tokens[index + 1]
                index += 2
                continue
            }
            result.append(token)
            index += 1
        }
        return result
    }

    private static let joinable: Set<String> = ["self", "un", "non", "auto"]
    /// Portuguese pronouns joined to an infinitive: "matar-me" reads as "matarme".
    private static let enclitics: Set<String> = ["me", "se", "te"]

    private static let contractions: [String: [String]] = [
        "can't": ["can", "not"], "cant": ["can", "not"], "won't": ["will", "not"], "wont": ["will", "not"],
        "don't": ["do", "not"], "dont": ["do", "not"], "doesn't": ["does", "not"], "doesnt": ["does", "not"],
        "didn't": ["did", "not"], "didnt": ["did", "not"], "isn't": ["is", "not"], "isnt": ["is", "not"],
        "aren't": ["are", "not"], "wasn't": ["was", "not"], "wasnt": ["was", "not"], "weren't": ["were", "not"],
        "wouldn't": ["would", "not"], "wouldnt": ["would", "not"], "shouldn't": ["should", "not"],
        "couldn't": ["could", "not"], "couldnt": ["could", "not"], "haven't": ["have", "not"], "havent": ["have", "not"],
        "hasn't": ["has", "not"], "hadn't": ["had", "not"], "ain't": ["am", "not"], "mustn't": ["must", "not"],
        "i'm": ["i", "am"], "im": ["i", "am"], "i've": ["i", "have"], "ive": ["i", "have"], "i'll": ["i", "will"],
        "i'd": ["i", "would"], "it's": ["it", "is"], "its": ["it", "is"], "that's": ["that", "is"], "thats": ["that", "is"],
        "what's": ["what", "is"], "whats": ["what", "is"], "there's": ["there", "is"], "theres": ["there", "is"],
        "they'd": ["they", "would"], "they're": ["they", "are"], "we'd": ["we", "would"], "we're": ["we", "are"],
        "you'd": ["you", "would"], "you're": ["you", "are"], "he'd": ["he", "would"], "she'd": ["she", "would"],
        "wanna": ["want", "to"], "gonna": ["going", "to"], "gotta": ["got", "to"], "kinda": ["kind", "of"],
        "everyone's": ["everyone", "is"], "nobody's": ["nobody", "is"], "life's": ["life", "is"],
        // Common spellings of hurried or phone-typed notes.
        "jus": ["just"], "evrything": ["everything"], "everythin": ["everything"], "permanantly": ["permanently"],
        "permanetly": ["permanently"], "wan": ["want"], "sucidal": ["suicidal"], "suicidel": ["suicidal"],
        "myslf": ["myself"], "wnat": ["want"], "watn": ["want"], "sucide": ["suicide"], "suiside": ["suicide"],
        "suicde": ["suicide"], "su1cide": ["suicide"], "suic1de": ["suicide"], "urself": ["yourself"], "idk": ["i", "do", "not", "know"], "tbh": [],
        "jme": ["je", "me"], "jen": ["je", "en"], "jveux": ["je", "veux"], "chui": ["je", "suis"], "jsuis": ["je", "suis"],
    ]

    /// Words written to get past filters: "s*icide", "su!cide", "su1c1dal", "k1ll". Digits and
    /// signs stand for letters (1 and ! for i, 3 for e, 0 for o, @ for a, $ for s); a "*" for any.
    static let hiddenWords = ["suicide", "suicidal", "kill", "killing", "myself", "unalive", "die", "dead", "overdose", "selfharm"]

    static func unhidden(_ word: String) -> String? {
        guard word.contains(where: { "*!@$0123456789".contains($0) }), word.contains(where: \.isLetter) else { return nil }
        let mapped = word.map { c -> Character in
            switch c {
            case "1", "!": "i"
            case "3": "e"
            case "0": "o"
            case "@", "4": "a"
            case "$", "5": "s"
            default: c
            }
        }
        for candidate in hiddenWords where candidate.count == mapped.count {
            if zip(candidate, mapped).allSatisfy({ $0 == $1 || $1 == "*" }) { return candidate }
        }
        return nil
    }

    private static func expand(_ raw: String) -> [String] {
        // Apostrophes trimmed from both ends ("'tis'" → "tis").
        var scalars = Substring(raw).unicodeScalars
        while scalars.first == "'" { scalars.removeFirst() }
        while scalars.last == "'" { scalars.removeLast() }
        let word = String(scalars)
        guard !word.isEmpty else { return [] }
        if let expanded = contractions[word] { return expanded }
        if let hidden = unhidden(word) { return [hidden] }
        if word.hasSuffix("n't") { return [String(word.dropLast(3)), "not"] }
        if word.hasSuffix("'ve") { return [String(word.dropLast(3)), "have"] }
        if word.hasSuffix("'ll") { return [String(word.dropLast(3)), "will"] }
        if word.hasSuffix("'re") { return [String(word.dropLast(3)), "are"] }
        if word.hasSuffix("'d") { return [String(word.dropLast(2)), "would"] }
        if word.hasSuffix("'s") { return [String(word.dropLast(2))] }
        if word.contains("'") {
            // French and Italian elision: j'ai, m'en, qu'il, l'envie, d'adieu.
            return word.split(separator: "'").map(String.init).filter { !$0.isEmpty }
        }
        return [word]
    }
}
