import Foundation

/// The phrases the crisis reader looks for, compiled once into token matchers.
///
/// A pattern is written as words separated by spaces, matched against the normalised tokens of
/// one clause (see `CrisisText.tokenize`):
/// - `a|b` one of several words; `word*` any word starting with "word"; `be_here` two words;
/// - `?a|b` an optional word; `~` up to three words of any kind;
/// - `$` the end of the clause; `!a|b` the next word is none of these (or the clause ends);
/// - a leading `=` marks a phrase that carries its own negation ("don't want to live"), so the
///   negation guard does not apply to it.
struct CrisisPatterns: Sendable {
    static let shared = CrisisPatterns()

    private let patterns: [CrisisPattern]
    /// Patterns indexed by the words their first step can match, so each token tries only the
    /// few patterns that can start there.
    private let byFirstWord: [String: [Int]]
    private let byFirstPrefix: [(prefix: String, index: Int)]

    init() {
        var all: [CrisisPattern] = []
        for (kind, lines) in CrisisPhrases.all {
            for line in lines { all.append(CrisisPattern(line, kind: kind)) }
        }
        patterns = all
        var words: [String: [Int]] = [:]
        var prefixes: [(String, Int)] = []
        for (index, pattern) in all.enumerated() {
            switch pattern.steps.first {
            case .word(let set, let list, let sequences):
                for word in set { words[word, default: []].append(index) }
                for prefix in list { prefixes.append((prefix, index)) }
                for sequence in sequences { words[sequence[0], default: []].append(index) }
            default:
                preconditionFailure("A crisis pattern must start with a word: \(pattern.source)")
            }
        }
        byFirstWord = words
        byFirstPrefix = prefixes
    }

    /// The kind of the first pattern that matches in the clause and survives the guards.
    func match(_ tokens: [String], sentence: [String] = [], in text: [String] = []) -> CrisisKind? {
        let clauseText = text
        let sentence = sentence.isEmpty ? tokens : sentence
        var found: CrisisKind?
        for start in tokens.indices {
            var candidates = byFirstWord[tokens[start]] ?? []
            for (prefix, index) in byFirstPrefix where tokens[start].hasPrefix(prefix) { candidates.append(index) }
            for index in candidates {
                let pattern = patterns[index]
                guard pattern.matches(tokens, at: start) else { continue }
                if pattern.negatable && CrisisGuards.negated(tokens, before: start) { continue }
                // Whose state it is matters for thoughts; a means or an act is concerning whoever
                // the sentence's subject is ("so they wouldn't see the cuts").
                if (pattern.kind == .suicidalThoughts || pattern.source.hasPrefix("self")) && !pattern.firstPerson
                    && CrisisGuards.aboutSomeoneElse(tokens, before: start) { continue }
                if CrisisGuards.supportContext(tokens) && !CrisisGuards.answeredYes(clauseText)
                    || CrisisGuards.pastAndResolved(sentence, in: clauseText) { continue }
                if tokens[start] == "kms" && CrisisGuards.distance(tokens, before: start) { continue }
                // "If it's a no, that's it" is an ending; "Missed the deadline, that's it, my
                // career is over" and "that's it, I'm done for today" are exasperation.
                if pattern.source.hasPrefix("=that is it") && !sentence.contains(where: { CrisisGuards.conditionWords.contains($0) }) { continue }
                if pattern.kind == .selfHarm && CrisisGuards.accident(tokens) { continue }
                if pattern.kind == .suicidalThoughts && CrisisGuards.mundaneCondition(tokens) { continue }
                if sentence.contains(where: { CrisisGuards.jokeWords.contains($0) }) { continue }
                // A plan or means is the most urgent finding; keep looking for one.
                if pattern.kind == .planOrMeans { return .planOrMeans }
                if found == nil { found = pattern.kind }
            }
        }
        return found
    }
}

enum CrisisStep: Sendable {
    /// One of these words, or a word starting with one of these prefixes, or one of these
    /// sequences of words (written joined by "_": "be_here").
    case word(Set<String>, prefixes: [String], sequences: [[String]] = [])
    case optional(Set<String>)
    case gap(Int)
    case end
    case notNext(Set<String>)
}

struct CrisisPattern: Sendable {
    let source: String
    let kind: CrisisKind
    let steps: [CrisisStep]
    let negatable: Bool
    /// The phrase itself names the writer ("myself", "my life"), so nobody else is meant.
    let firstPerson: Bool

    init(_ source: String, kind: CrisisKind) {
        self.source = source
        self.kind = kind
        var text = source
        negatable = !text.hasPrefix("=")
        if !negatable { text.removeFirst() }
        var steps: [CrisisStep] = []
        var firstPerson = false
        for part in text.split(separator: " ").map(String.init) {
            if part == "~" { steps.append(.gap(3)); continue }
            if part == "$" { steps.append(.end); continue }
            if part.hasPrefix("!") {
                steps.append(.notNext(Set(part.dropFirst().split(separator: "|").map(String.init))))
                continue
            }
            let optional = part.hasPrefix("?")
            let words = (optional ? String(part.dropFirst()) : part).split(separator: "|").map(String.init)
            if words.contains(where: { $0.split(separator: "_").contains { CrisisGuards.firstPersonWords.contains(String($0)) } }) && !optional {
                firstPerson = true
            }
            if optional {
                steps.append(.optional(Set(words)))
            } else {
                let single = words.filter { !$0.contains("_") }
                steps.append(.word(Set(single.filter { !$0.hasSuffix("*") }),
                                   prefixes: single.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) },
                                   sequences: words.filter { $0.contains("_") }.map { $0.split(separator: "_").map(String.init) }))
            }
        }
        self.steps = steps
        self.firstPerson = firstPerson
    }

    func matches(_ tokens: [String], at start: Int) -> Bool {
        Self.match(steps[...], tokens, start)
    }

    private static func match(_ steps: ArraySlice<CrisisStep>, _ tokens: [String], _ position: Int) -> Bool {
        guard let step = steps.first else { return true }
        let rest = steps.dropFirst()
        switch step {
        case .word(let set, let prefixes, let sequences):
            guard position < tokens.count else { return false }
            let token = tokens[position]
            if (set.contains(token) || prefixes.contains { token.hasPrefix($0) }) && match(rest, tokens, position + 1) { return true }
            for sequence in sequences where position + sequence.count <= tokens.count
                && tokens[position..<(position + sequence.count)].elementsEqual(sequence) {
                if match(rest, tokens, position + sequence.count) { return true }
            }
            return false
        case .optional(let set):
            if position < tokens.count && set.contains(tokens[position]) && match(rest, tokens, position + 1) { return true }
            return match(rest, tokens, position)
        case .gap(let most):
            for skip in 0...most where position + skip <= tokens.count {
                if match(rest, tokens, position + skip) { return true }
            }
            return false
        case .end:
            return position >= tokens.count && match(rest, tokens, position)
        case .notNext(let set):
            return (position >= tokens.count || !set.contains(tokens[position])) && match(rest, tokens, position)
        }
    }
}

enum CrisisGuards {
    static let firstPersonWords: Set<String> = [
        "i", "me", "my", "myself", "mine", "ich", "mich", "mir", "mein", "meine", "meinem", "meinen",
        "yo", "mi", "mis", "conmigo", "je", "j", "moi", "ma", "mes", "mon",
        "ik", "mij", "mijn", "mezelf", "eu", "meu", "minha", "mim", "comigo", "io", "mio", "mia", "miei", "jag", "mig", "mej", "min", "mitt", "ja", "mnie", "moj",
    ]

    private static let negators: Set<String> = [
        "not", "never", "no", "nor", "nothing", "nicht", "nie", "niemals", "kein", "keine", "keinen",
        "nunca", "jamas", "tampoco", "ne", "n", "pas", "jamais", "plus",
        "niet", "geen", "nooit", "nao", "nem", "non", "inte", "aldrig",
    ]

    /// Words that end a negation's reach when reading backwards.
    private static let scopeBreakers: Set<String> = [
        "and", "or", "so", "then", "just", "only", "und", "oder", "y", "o", "et", "ou", "que", "if", "wenn", "si",
    ]

    /// "I'm not suicidal", "I would never hurt myself", "no quiero morir", "je ne veux pas mourir".
    static func negated(_ tokens: [String], before start: Int) -> Bool {
        var index = start - 1
        var seen = 0
        while index >= 0 && seen < 5 {
            let token = tokens[index]
            if scopeBreakers.contains(token) { return false }
            if negators.contains(token) {
                // "no" before a noun is not a negation of the phrase: "no one would miss me" is
                // written into the phrases themselves; "not only" is no negation.
                return true
            }
            index -= 1
            seen += 1
        }
        return false
    }

    private static let otherPeople: Set<String> = [
        "he", "she", "they", "friend", "friends", "brother", "sister", "mom",
        "mum", "dad", "mother", "father", "son", "daughter", "wife", "husband", "partner", "boyfriend", "girlfriend",
        "colleague", "coworker", "cousin", "uncle", "aunt", "character", "someone", "somebody", "people", "person",
        "patient", "patients", "client", "clients", "student", "students", "neighbour", "neighbor",
        "er", "freund", "freundin", "bruder", "schwester", "ella", "amigo", "amiga", "hermano", "hermana",
        "il", "elle", "ils", "elles", "ami", "amie", "frere", "soeur",
        "hij", "zij", "vriend", "vriendin", "broer", "zus", "ele", "ela", "eles", "elas", "irmao", "irma",
        "lui", "lei", "loro", "amico", "amica", "fratello", "sorella",
    ]

    private static let subjectPronouns: Set<String> = ["i", "ich", "yo", "je", "j", "ik", "eu", "io", "ja", "jag"]
    private static let otherSubjects: Set<String> = [
        "he", "she", "they", "someone", "somebody", "people", "character", "caller", "callers", "patient", "patients",
        "client", "clients", "er", "ella", "ellos", "il", "elle", "ils", "elles", "hij", "zij", "ele", "ela", "eles", "elas",
        "lui", "lei", "loro",
    ]
    private static let determiners: Set<String> = [
        "my", "his", "her", "their", "our", "your", "the", "a", "mein", "meine", "meinem", "meiner", "der", "die", "mi",
        "el", "la", "un", "una", "mon", "ma", "le", "une", "mijn", "zijn", "haar", "het", "een", "meu", "minha", "um", "uma",
    ]

    /// "My friend wants to die" or "she said she wanted to end it": the nearest subject before
    /// the phrase decides whose words they are. A person named as an object ("I rang mum to hear
    /// her voice one last time") is not a subject.
    static func aboutSomeoneElse(_ tokens: [String], before start: Int) -> Bool {
        var index = start - 1
        while index >= 0 {
            let token = tokens[index]
            if subjectPronouns.contains(token) { return false }
            if otherSubjects.contains(token) { return true }
            if otherPeople.contains(token) && (index == 0 || determiners.contains(tokens[index - 1])) { return true }
            index -= 1
        }
        return false
    }

    private static let supportWords: Set<String> = [
        "prevention", "awareness", "hotline", "helpline", "volunteer", "volunteering", "volunteered", "training",
        "trainer", "charity", "campaign", "research", "researcher", "coordinator", "counsellor", "counselor",
        "therapist", "nurse", "squad", "squats", "squat", "praevention", "pravention", "prevencion", "prevention",
        "ehrenamt", "ehrenamtlich", "voluntario", "voluntaria", "benevole",
        // Talking about the topic rather than from inside it: work, study, the news, stories.
        "scenario", "exam", "module", "paramedic", "pharmacy", "pharmacology", "episode", "podcast", "article",
        "documentary", "film", "movie", "novel", "character", "rates", "statistics", "mission", "career",
        "pelicula", "serie", "heros", "roman", "filme", "modulo", "curso", "cours", "kurs", "formation",
        "caffeine", "coffee", "espresso", "espressos", "game", "videogame", "gaming",
        "exam", "exams", "finals", "prufung", "examen", "partiel", "psychology", "psychologie", "psicologia", "psycho",
        "manuscript", "villain", "thriller", "paramedico", "ambulancier", "sanitater", "mixer",
        // Jokes that say they are jokes, and the embarrassment idiom ("I wanted the ground to swallow me").
        "embarrassment", "embarrassed", "embarrassing", "verguenza", "honte", "peinlich",
    ]

    private static let pastMarkers: Set<String> = [
        "ago", "back", "used", "teenager", "teen", "once", "anos", "jahren", "damals", "annees", "autrefois", "adolescent",
        "ans", "2010", "2011", "2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022",
    ]
    private static let recoveryWords: [[String]] = [
        ["got", "help"], ["getting", "help"], ["better", "now"], ["nowhere", "near"], ["fine", "now"], ["okay", "now"],
        ["ok", "now"], ["doing", "well"], ["recovered"], ["proud"], ["clean", "for"], ["free", "of"], ["years", "free"],
        ["not", "there", "anymore"], ["recibi", "ayuda"], ["estoy", "bien"], ["geht", "es", "mir", "gut"],
        ["hilfe", "bekommen"], ["je", "vais", "bien"], ["aujourd", "hui", "ca", "va"], ["je", "suis", "suivie"], ["je", "suis", "suivi"], ["ca", "va", "mieux"], ["aide"], ["therapy", "helped"],
        ["genuinely", "okay"], ["am", "okay"], ["am", "ok"], ["therapy"], ["therapie"], ["terapia"], ["wirklich", "gut"], ["heute", "gut"],
    ]

    /// "Years ago I thought about ending things; I got help and I'm nowhere near that now": the
    /// clause is in the past, and the whole text says it is over.
    static func pastAndResolved(_ clause: [String], in text: [String]) -> Bool {
        guard !text.isEmpty, clause.contains(where: { pastMarkers.contains($0) }) else { return false }
        return recoveryWords.contains { phrase in
            text.indices.contains { start in
                start + phrase.count <= text.count && text[start..<(start + phrase.count)].elementsEqual(phrase)
            }
        }
    }

    /// A condition or a sequence that turns "that's it" into an ending.
    static let conditionWords: Set<String> = ["if", "after", "then", "unless", "once", "when", "otherwise", "or"]

    /// A sentence that says it is a joke ("Scherz natürlich", "just kidding"). Laughter alone
    /// ("lol") is not enough: people write it after things they mean.
    static let jokeWords: Set<String> = ["joke", "joking", "kidding", "jk", "scherz", "broma", "bromeando", "blague"]

    private static let accidentWords: Set<String> = [
        "finger", "thumb", "oven", "pan", "stove", "knife", "onion", "onions", "shaving", "accident", "accidentally",
        "kitchen", "cooking", "chopping", "peeling", "doigt", "four", "plaque", "poele", "legumes", "epluchant", "dedo",
        "sarten", "horno", "cebolla", "picando", "grave", "ofen", "pfanne", "herd", "messer",
    ]

    /// "Cut my finger chopping onions", "burned my hand on the oven": an injury by accident.
    static func accident(_ tokens: [String]) -> Bool {
        tokens.contains { accidentWords.contains($0) }
            && !tokens.contains { ["purpose", "deliberately", "absichtlich", "expres", "proposito"].contains($0) }
    }

    private static let wakeWords: Set<String> = ["wake", "waking", "woke", "wakes", "get", "getting", "sleep", "sleeping", "slept", "lie", "lying"]
    private static let clockWords: Set<String> = [
        "noon", "midday", "lunch", "lunchtime", "afternoon", "morning", "late", "later", "eight", "nine", "ten", "eleven", "twelve",
        "seven", "six", "am", "pm", "oclock", "o'clock", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "weekend",
    ]

    private static let leavingVerbs: Set<String> = ["quit", "left", "leave", "skipped", "skip", "dropped", "drop", "missed", "miss", "unfollowed", "muted",
                                                    "stopped", "cancelled", "canceled", "changed", "moved", "deleted", "closed", "logged", "unsubscribed"]
    private static let determinersAfterIf: Set<String> = ["the", "my", "this", "that", "a", "our", "their", "your", "his", "her"]
    private static let whatMatters: Set<String> = ["world", "life", "earth", "planet", "everyone", "everybody", "family", "kids", "children", "body", "mind"]

    /// "Nobody would miss me if I quit the WhatsApp group": the condition is leaving a thing, not
    /// being gone ("…if I left" alone, "…if I left this world" still count).
    static func mundaneCondition(_ tokens: [String]) -> Bool {
        for index in tokens.indices where tokens[index] == "if" && index + 4 < tokens.count + 1 {
            guard index + 3 < tokens.count, tokens[index + 1] == "i", leavingVerbs.contains(tokens[index + 2]),
                  determinersAfterIf.contains(tokens[index + 3]) else { continue }
            let object = tokens[(index + 4)..<min(tokens.count, index + 6)]
            if !object.isEmpty, !object.contains(where: { whatMatters.contains($0) }) { return true }
        }
        return false
    }

    private static let escapeWords: Set<String> = ["disappear", "vanish", "hide", "escape", "away", "hibernate"]
    /// Words that keep a break from being only a break.
    private static let endingWords: Set<String> = ["never", "forever", "die", "dead", "death", "end", "kill", "gone", "exist", "existing", "wake", "waking", "again"]
    private static let spanWords: Set<String> = ["week", "weeks", "weekend", "day", "days", "month", "fortnight", "hours", "afternoon", "evening", "night"]

    /// "Sleep in and not wake up until noon on Saturday", "disappear for a week and sleep": waking
    /// or going away is given a time, so it is a lie-in or a break, not a wish not to wake or to
    /// be gone. "…not wake up until it's all over" keeps its weight.
    static func sleepingIn(_ tokens: [String]) -> Bool {
        for (index, token) in tokens.enumerated() where escapeWords.contains(token) && !tokens.contains(where: { endingWords.contains($0) }) {
            let after = tokens[(index + 1)..<min(tokens.count, index + 5)]
            if let at = after.firstIndex(of: "for"), at + 1 < tokens.count,
               tokens[(at + 1)..<min(tokens.count, at + 4)].contains(where: { spanWords.contains($0) }) { return true }
        }
        return wakesAtATime(tokens)
    }

    private static func wakesAtATime(_ tokens: [String]) -> Bool {
        for (index, token) in tokens.enumerated() where wakeWords.contains(token) {
            var next = index + 1
            if next < tokens.count, ["up", "in"].contains(tokens[next]) { next += 1 }
            guard next + 1 < tokens.count, ["until", "till", "til", "before", "past"].contains(tokens[next]) else { continue }
            let when = tokens[next + 1]
            if clockWords.contains(when) || when.first?.isNumber == true { return true }
        }
        return false
    }

    private static let yesWords: Set<String> = ["yes", "yeah", "yep", "yup", "ja", "oui", "sim", "admitted", "admit", "truthfully"]

    /// "My therapist asked if I've had thoughts of suicide, and honestly yes": a question about
    /// the writer that the writer answers yes is their own disclosure, not the topic.
    static func answeredYes(_ text: [String]) -> Bool {
        for index in text.indices where ["asked", "asks", "ask", "fragte", "pregunto", "demande"].contains(text[index]) {
            let next = text[(index + 1)..<min(text.count, index + 4)]
            guard next.contains("me") || next.contains("i") || next.contains("mich") || next.contains("moi") else { continue }
            if text[(index + 1)..<min(text.count, index + 30)].contains(where: { yesWords.contains($0) }) { return true }
        }
        return false
    }

    private static let quantities: Set<String> = [
        "few", "many", "more", "less", "extra", "the", "of", "some", "several", "those", "these", "my", "our", "total",
        "daily", "weekly", "hundred", "hundreds", "thousand", "thousands", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "twenty", "fifty", "couple", "per", "in",
    ]

    /// "40 kms away", "a few kms": kilometres, not the abbreviation of "kill myself".
    static func distance(_ tokens: [String], before start: Int) -> Bool {
        guard start > 0 else { return false }
        let previous = tokens[start - 1]
        return previous.first?.isNumber == true || quantities.contains(previous)
    }

    /// A clause about support work or the topic itself, not the writer's own state: "I volunteer
    /// at a suicide prevention line", "applied for a crisis counsellor role".
    static func supportContext(_ tokens: [String]) -> Bool {
        if tokens.contains(where: { supportWords.contains($0) }) { return true }
        // A question someone else asked: "the GP asked if I'd had thoughts of self-harm".
        if let asked = tokens.firstIndex(where: { $0 == "asked" || $0 == "asks" || $0 == "ask" }),
           asked + 1 < tokens.count, ["if", "whether", "about"].contains(tokens[asked + 1]) { return true }
        return false
    }
}

