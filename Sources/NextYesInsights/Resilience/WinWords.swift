import NextYesCore

/// The words under each win for an application that moved forward, written from the person's
/// own record: the company, the role, the stage, how long it took, how far the search has come.
///
/// A list of wins reads as a story, not as one sentence pasted many times: each win gets the most
/// telling phrasing that fits its facts and hasn't been used earlier in the list. Wins are worded
/// oldest first, so a win keeps its words when newer ones arrive.
public enum WinWords {
    /// One win in words, with the phrasing it used (so tests can check that none repeats).
    public struct Phrase: Hashable, Sendable {
        public var template: String
        public var text: String
    }

    /// What is known about one forward step.
    struct Facts: Sendable {
        var company: String
        var role: String
        var stage: Stage
        /// Days from applying to this step, when the applied day is known.
        var daysSinceApplied: Int?
        /// 1 for the first step forward with this company, 2 for the second…
        var step: Int
        var previousStage: Stage?
        var daysSincePreviousStep: Int?
        /// 1 for the first time the search reached this stage, 2 for the second…
        var stageCount: Int
        /// Other applications for the same role title that moved forward before this one.
        var sameRoleBefore: Int
    }

    /// Words for every automatic "moved forward" win, by win id. Other wins keep their own words.
    public static func phrases(_ wins: [Win], applications: [Application]) -> [Int: Phrase] {
        let byID = Dictionary(applications.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let steps = wins.compactMap { win -> (win: Win, stage: Stage, application: Application)? in
            guard win.kind == .stoodOut, let id = win.applicationID, let application = byID[id],
                  let stage = stage(of: win) else { return nil }
            return (win, stage, application)
        }.sorted { ($0.win.on, $0.stage, $0.win.id) < ($1.win.on, $1.stage, $1.win.id) }

        var lastStep: [Int: (stage: Stage, on: Day, count: Int)] = [:]
        var stageCounts: [Stage: Int] = [:]
        var rolesMoved: [String: Set<Int>] = [:]
        var used: [String: Int] = [:]
        var result: [Int: Phrase] = [:]
        for (win, stage, application) in steps {
            let previous = lastStep[application.id]
            let roleKey = application.role.lowercased()
            let facts = Facts(
                company: application.company, role: application.role, stage: stage,
                daysSinceApplied: application.details.appliedOn.map { $0.days(until: win.on) }.flatMap { $0 >= 0 ? $0 : nil },
                step: (previous?.count ?? 0) + 1, previousStage: previous?.stage,
                daysSincePreviousStep: previous.map { $0.on.days(until: win.on) },
                stageCount: (stageCounts[stage] ?? 0) + 1,
                sameRoleBefore: rolesMoved[roleKey, default: []].subtracting([application.id]).count)
            let fitting = templates.filter { $0.fits(facts) }
            // The first fitting phrasing not used yet; when all are used, the least used one.
            let chosen = fitting.first { used[$0.id] == nil }
                ?? fitting.min { used[$0.id, default: 0] < used[$1.id, default: 0] }!
            used[chosen.id, default: 0] += 1
            result[win.id] = Phrase(template: chosen.id, text: chosen.words(facts))
            lastStep[application.id] = (stage, win.on, facts.step)
            stageCounts[stage, default: 0] += 1
            rolesMoved[roleKey, default: []].insert(application.id)
        }
        return result
    }

    /// The wins with their words filled in, in the order given.
    public static func worded(_ wins: [Win], applications: [Application]) -> [Win] {
        let phrases = phrases(wins, applications: applications)
        return wins.map { win in
            var worded = win
            if let phrase = phrases[win.id] { worded.detail = phrase.text }
            return worded
        }
    }

    /// The stage an automatic win records, from its source key ("stage:12:interview").
    static func stage(of win: Win) -> Stage? {
        guard let key = win.sourceKey, key.hasPrefix("stage:"), let raw = key.split(separator: ":").last else { return nil }
        return Stage(rawValue: String(raw))
    }

    struct Template: Sendable {
        var id: String
        var fits: @Sendable (Facts) -> Bool
        var words: @Sendable (Facts) -> String
    }

    static func noun(_ stage: Stage) -> String { stage.title.lowercased() }

    static func ordinal(_ n: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        return n >= 1 && n <= words.count ? words[n - 1] : "\(n)th"
    }

    static func article(_ word: String) -> String {
        "aeiou".contains(word.lowercased().first ?? "x") ? "an" : "a"
    }

    static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// From the most telling to the most general; the last one fits every step.
    static let templates: [Template] = [
        Template(id: "first-of-search", fits: { $0.stageCount == 1 && $0.stage != .screening }, words: { f in
            Text.sentence("Your first \(noun(f.stage)) of this search, with \(f.company)") + " Something in how you presented yourself for the \(f.role) role is working."
        }),
        Template(id: "first-reply-of-search", fits: { $0.stageCount == 1 && $0.stage == .screening }, words: { f in
            Text.sentence("The first company to come back in this search: \(f.company)") + " Your application for \(f.role) got a person's attention."
        }),
        Template(id: "quick-reply", fits: { $0.step == 1 && ($0.daysSinceApplied ?? 99) <= 7 }, words: { f in
            "\(f.company) answered just \(days(f.daysSinceApplied!)) after you applied: your application for \(f.role) made an impression fast."
        }),
        Template(id: "patient-reply", fits: { $0.step == 1 && ($0.daysSinceApplied ?? 0) >= 14 }, words: { f in
            "\(days(f.daysSinceApplied!)) after you applied, \(f.company) came back about the \(f.role) role. A quiet few weeks didn't mean no."
        }),
        Template(id: "final-round", fits: { $0.stage == .finalRound }, words: { f in
            Text.sentence("Through to the final round for the \(f.role) role at \(f.company)") + " Few applicants get this far."
        }),
        Template(id: "quick-next-step", fits: { $0.step >= 2 && ($0.daysSincePreviousStep ?? 99) <= 7 }, words: { f in
            "Only \(days(f.daysSincePreviousStep!)) from the \(noun(f.previousStage!)) to the \(noun(f.stage)) at \(f.company): they were keen to keep the conversation going."
        }),
        Template(id: "second-step", fits: { $0.step == 2 }, words: { f in
            "After the \(noun(f.previousStage!)), \(f.company) asked for more: the \(noun(f.stage)) for the \(f.role) role. You made a good first impression."
        }),
        Template(id: "step-count", fits: { $0.step >= 3 }, words: { f in
            "Step \(f.step) with \(f.company) for the \(f.role) role. Every round you pass, they choose to keep you in the running."
        }),
        Template(id: "assessment", fits: { $0.stage == .assessment }, words: { f in
            "\(f.company) wants to see your work for the \(f.role) role: your application showed enough to earn a closer look."
        }),
        Template(id: "interview", fits: { $0.stage == .interview }, words: { f in
            "\(f.company) wants to meet you about the \(f.role) role. An interview means your experience caught someone's eye."
        }),
        Template(id: "same-role-again", fits: { $0.sameRoleBefore >= 1 }, words: { f in
            "Another company sees you as \(article(f.role)) \(f.role): \(f.company) moved you to the \(noun(f.stage))."
        }),
        Template(id: "stage-count", fits: { $0.stageCount >= 2 }, words: { f in
            Text.sentence("That makes \(f.stageCount) times this search has reached the \(noun(f.stage)), this time at \(f.company)")
        }),
        Template(id: "screening", fits: { $0.stage == .screening }, words: { f in
            "Someone at \(f.company) read your application for \(f.role) and wanted a conversation."
        }),
        Template(id: "reply-days", fits: { $0.step == 1 && $0.daysSinceApplied != nil }, words: { f in
            "\(f.company) took \(days(f.daysSinceApplied!)) to reply about the \(f.role) role, and the answer was \"tell us more\"."
        }),
        Template(id: "still-moving", fits: { $0.step >= 2 && $0.daysSinceApplied != nil }, words: { f in
            "\(days(f.daysSinceApplied!)) since you applied to \(f.company), and still moving: now the \(noun(f.stage)) for the \(f.role) role."
        }),
        Template(id: "past-the-stage", fits: { $0.step >= 2 }, words: { f in
            "Past the \(noun(f.previousStage!)) at \(f.company) and on to the \(noun(f.stage)): they're still choosing you for the \(f.role) role."
        }),
        Template(id: "did-its-job", fits: { _ in true }, words: { f in
            Text.sentence("Your application for the \(f.role) role did its job: \(f.company) moved you to the \(noun(f.stage))")
        }),
        Template(id: "kept-moving", fits: { _ in true }, words: { f in
            Text.sentence("\(f.company) kept your \(f.role) application moving, on to the \(noun(f.stage))")
        }),
        Template(id: "through", fits: { _ in true }, words: { f in
            Text.sentence("Good news from \(f.company): you're through to the \(noun(f.stage)) for the \(f.role) role")
        }),
        Template(id: "one-step-closer", fits: { _ in true }, words: { f in
            Text.sentence("One step closer at \(f.company): the \(noun(f.stage)) for the \(f.role) role")
        }),
        Template(id: "chose", fits: { _ in true }, words: { f in
            Text.sentence("\(f.company) chose to take your \(f.role) application on to the \(noun(f.stage))")
        }),
        Template(id: "proof", fits: { _ in true }, words: { f in
            Text.sentence("Proof your application works: \(f.company) invited you to the \(noun(f.stage)) for the \(f.role) role")
        }),
        Template(id: "slow-day", fits: { _ in true }, words: { f in
            Text.sentence("One to remember on a slow day: \(f.company) moved you to the \(noun(f.stage)) for the \(f.role) role")
        }),
        Template(id: "enjoy-it", fits: { _ in true }, words: { f in
            "Progress at \(f.company): the \(noun(f.stage)) for the \(f.role) role. Take a moment to enjoy it."
        }),
        Template(id: "noticed", fits: { _ in true }, words: { f in
            Text.sentence("\(f.company) noticed your application for \(f.role); next stop, the \(noun(f.stage))")
        }),
    ]
}
