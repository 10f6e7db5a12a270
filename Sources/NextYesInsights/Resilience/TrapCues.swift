/// Cue classes for the learned thinking-trap reader: words grouped by the part they play in a
/// trap (who is spoken of, sweeping words, the future, certainty, others' minds, feelings, a
/// conclusion drawn, rules, ruin, blame, good news, playing it down, labels, hedges, plans), and
/// which of them meet in one clause ("they" + "think", "I" + a label, "feel" + "so"). A word the
/// training data never used still counts by its class, so wordings unlike the training data are
/// read by what they share with it. Pure and deterministic.
enum TrapCues {
    static let classes: [(name: String, words: Set<String>)] = [
        ("self", ["i", "me", "my", "myself", "mine"]),
        ("others", ["they", "them", "their", "he", "she", "him", "her", "his", "everyone", "everybody", "people", "recruiter",
                    "recruiters", "interviewer", "interviewers", "manager", "managers", "panel", "hr", "boss", "employer", "employers",
                    "company", "companies", "team", "colleagues", "friends", "family", "parents", "mum", "mom", "dad", "partner",
                    "wife", "husband", "coach", "mentor", "client", "clients", "landlord", "neighbours", "neighbors"]),
        ("sweeping", ["always", "never", "every", "everyone", "everybody", "everything", "everywhere", "nobody", "noone", "nothing",
                      "none", "anything", "anyone", "anybody", "ever", "forever", "constantly", "again", "all", "whole", "entire",
                      "single", "each", "any", "literally", "typical", "usual", "same", "everytime"]),
        ("future", ["will", "going", "gonna", "shall", "tomorrow", "next", "future", "eventually", "soon", "ahead", "end"]),
        ("certain", ["know", "knew", "obviously", "clearly", "definitely", "certain", "sure", "bet", "guaranteed", "surely",
                     "tell", "doubt", "course", "undoubtedly", "totally", "absolutely", "100", "fact", "knowing", "confirms", "proves"]),
        ("mind", ["think", "thinks", "thought", "reckon", "reckons", "believe", "believes", "judge", "judged", "judging", "decided",
                  "noticed", "pity", "laughing", "laughed", "hate", "hates", "hated", "probably", "assume", "assumed", "figured",
                  "impressed", "unimpressed", "bored", "annoyed", "disappointed", "embarrassed", "ashamed", "wondering", "talking",
                  "saw", "sees", "see", "looked", "look", "face", "tone", "eyes", "smirk", "sigh", "sighed", "silence", "mind",
                  "minds", "opinion", "secretly", "behind", "regret", "regrets", "regretted", "care", "cares"]),
        ("feeling", ["feel", "feels", "felt", "feeling", "feelings", "gut", "sense", "sensed", "vibe", "vibes", "instinct", "heart"]),
        ("therefore", ["so", "therefore", "means", "meaning", "meant", "proves", "proof", "proved", "thus", "hence", "which",
                       "must", "obviously", "clearly", "because", "since", "evidence", "sign"]),
        ("rule", ["should", "must", "ought", "supposed", "need", "needs", "have", "has", "expected", "expect", "meant", "allowed",
                  "now", "already", "age", "by"]),
        ("ruin", ["over", "ruined", "ruin", "ruins", "doomed", "homeless", "disaster", "finished", "destroyed", "wrecked", "lose",
                  "losing", "street", "streets", "recover", "catastrophe", "catastrophic", "nightmare", "collapse", "broke",
                  "bankrupt", "poverty", "dead", "worst", "done", "end", "ending", "everything", "life", "career", "forever",
                  "disastrous", "ruinous", "starve", "debt", "evicted", "repossessed", "unemployable", "permanently", "toast",
                  "screwed", "sunk", "hopeless", "lost"]),
        ("blame", ["fault", "blame", "blamed", "caused", "cause", "jinxed", "jinx", "responsible", "sorry", "because", "due",
                   "mine", "if", "only", "guilty", "dragged", "brought", "curse", "cursed", "unlucky"]),
        ("positive", ["offer", "offered", "interview", "interviews", "praise", "praised", "compliment", "complimented", "shortlisted",
                      "shortlist", "callback", "passed", "good", "great", "well", "liked", "nice", "won", "got", "progress",
                      "promoted", "strong", "impressive", "excellent", "success", "achieved", "thanks", "thanked", "grade",
                      "selected", "invited", "best", "kind", "positive", "yes", "result", "hired", "accepted", "award", "congrats"]),
        ("discount", ["only", "just", "lucky", "luck", "fluke", "accident", "anyone", "anybody", "easy", "mistake", "desperate",
                      "polite", "politeness", "pity", "count", "counts", "fooled", "chance", "else", "really", "whatever",
                      "doesnt", "meaningless", "means", "matter", "matters", "fake", "box", "quota", "numbers", "because", "probably",
                      "obviously", "still", "even", "bar", "low", "anyway", "but"]),
        ("label", ["failure", "loser", "idiot", "useless", "worthless", "pathetic", "joke", "fraud", "stupid", "unemployable",
                   "hopeless", "waste", "disappointment", "incompetent", "moron", "muppet", "embarrassment", "burden", "nobody",
                   "dumb", "imposter", "impostor", "clown", "mess", "wreck", "dud", "liability", "reject", "defective", "broken",
                   "inadequate", "weak", "lazy", "thick", "fake", "failed", "unlovable", "unwanted", "unhireable", "worthless",
                   "dinosaur", "fool", "disgrace", "nothing", "zero", "nobody", "garbage", "trash", "rubbish", "pointless"]),
        ("all-or-none", ["perfect", "perfectly", "flawless", "flawlessly", "pointless", "nothing", "whole", "entire", "total",
                         "complete", "completely", "either", "or", "unless", "otherwise", "zero", "wasted", "nowhere", "point",
                         "100", "percent", "one", "tiny", "small", "typo", "mistake", "slip", "counts", "ruined", "ruins",
                         "anything", "less", "only", "all", "fail", "failed", "success", "worthless", "gone", "waste", "blown"]),
        ("hedge", ["maybe", "perhaps", "might", "possibly", "seem", "seems", "seemed", "bit", "sometimes", "some", "often", "usually",
                   "wonder", "worry", "worried", "afraid", "scared", "hope", "hoping", "nervous", "could", "partly", "part",
                   "kind", "sort", "unsure", "not", "may", "guess", "likely", "chance", "odds", "tends", "tend"]),
        ("plan", ["send", "email", "call", "apply", "applied", "schedule", "form", "monday", "tuesday", "wednesday", "thursday",
                  "friday", "saturday", "sunday", "book", "booked", "prepare", "practise", "practice", "plan", "update", "ask",
                  "follow", "register", "submit", "deadline", "appointment", "meeting", "week", "today", "tonight", "list",
                  "calendar", "remind", "reminder", "bring", "print", "check", "pm", "am", "o'clock", "noon", "morning"]),
        ("negation", ["not", "no", "never", "nor", "neither", "without", "hardly"]),
        ("distance", ["used", "was", "were", "had", "once", "earlier", "before", "ago", "last", "yesterday", "then", "anymore",
                      "realise", "realize", "realised", "realized", "reminded", "remind", "reframe", "actually", "true", "fair"]),
    ]

    private static let index: [String: [Int]] = {
        var map: [String: [Int]] = [:]
        for (i, c) in classes.enumerated() { for w in c.words { map[w, default: []].append(i) } }
        return map
    }()

    /// Two-word cues, read as one word of a class.
    private static let pairs: [String: Int] = {
        let named: [(String, String)] = [
            ("have to", "rule"), ("has to", "rule"), ("got to", "rule"), ("supposed to", "rule"), ("ought to", "rule"), ("by now", "rule"),
            ("no one", "sweeping"), ("could tell", "certain"), ("can tell", "certain"), ("no doubt", "certain"), ("my fault", "blame"),
            ("because of", "blame"), ("end up", "ruin"), ("only because", "discount"), ("just being", "discount"),
            ("no way", "certain"), ("feel like", "feeling"), ("must be", "therefore"), ("must have", "mind"), ("waste of", "label"),
            ("going to", "future"), ("the end", "ruin"), ("no point", "all-or-none"), ("or nothing", "all-or-none"),
            ("not enough", "all-or-none"), ("good enough", "label"), ("any good", "label"), ("next week", "plan"),
        ]
        var map: [String: Int] = [:]
        for (words, name) in named { map[words] = classes.firstIndex { $0.name == name }! }
        return map
    }()

    private static let breaks: Set<String> = [",", ";", ":", "-", "but", "though", "although", "however"]

    /// The classes a text's words fall in, and each pair of classes that meet in one clause.
    static func tokens(_ words: [String]) -> [String] {
        var all: Set<Int> = []
        var meetings: Set<Int> = []
        var clause: Set<Int> = []
        func close() {
            let present = clause.sorted()
            for (n, a) in present.enumerated() { for b in present[n...] where a != b { meetings.insert(a * 64 + b) } }
            all.formUnion(clause)
            clause = []
        }
        var previous = ""
        for word in words {
            if breaks.contains(word) { close(); previous = ""; continue }
            if let classes = index[word] { clause.formUnion(classes) }
            if !previous.isEmpty, let c = pairs[previous + " " + word] { clause.insert(c) }
            previous = word
        }
        close()
        var result = all.sorted().map { "__cue_" + classes[$0].name }
        result += meetings.sorted().map { "__cue_" + classes[$0 / 64].name + "+" + classes[$0 % 64].name }
        return result
    }
}
