import Foundation
import Testing
import NextYesCore
@testable import NextYesInsights

@Suite("Thinking traps")
struct ThinkingTrapTests {
    func traps(_ text: String) -> Set<String> {
        Set(ThinkingTrapDetector.check(text).traps.map(\.trap.rawValue))
    }

    @Test(arguments: [
        ("I'll never get hired.", "overgeneralizing"),
        ("I'm such a failure.", "labeling"),
        ("They're going to reject me.", "fortune-telling"),
        ("The interviewer thought I was stupid.", "mind-reading"),
        ("If this falls through I'll lose everything.", "catastrophizing"),
        ("The hiring freeze happened because I wasn't good enough.", "personalizing"),
        ("I should have a job by now.", "should-statements"),
        ("I feel like a fraud, so it must be true.", "emotional-reasoning"),
        ("The offer doesn't count, anyone would have got it.", "disqualifying-the-positive"),
        ("If I don't get this job, the whole search was a complete waste.", "all-or-nothing"),
        ("I never heard back from any of them.", "overgeneralizing"),
        // A fourth trial: a decision read into a voice, a rejection foretold.
        ("The recruiter sounded distracted on the call, she's probably already decided against me.", "mind-reading"),
        ("No point applying to Google, I'll just get rejected again.", "fortune-telling"),
        // The help's own example: two thoughts in one sentence, the label read on its own part.
        ("I'll never get hired, I'm a failure", "labeling"), ("I'll never get hired, I'm a failure", "overgeneralizing"),
    ])
    func findsEachTrap(_ text: String, _ trap: String) {
        #expect(traps(text).contains(trap), "\(text)")
    }

    @Test(arguments: [
        "My friend said I'm not a failure.",
        "I'm not a failure, I'm someone who hasn't found the right role yet.",
        "I'm not a failure.",
        "I am no failure.",
        "I'm not a failure just because one company said no.",
        "It's not the end of the world if I don't get this one.",
        "It's not the end of the world, it's the end of one application.",
        "Am I being too hard on myself?",
        "My mentor said 'never give up'.",
        "I used to think I'd never get hired, but I've had three interviews this month.",
        "They never replied, so I marked it as ghosted.",
        "I should send the follow-up email on Monday.",
        "I always prepare notes before interviews.",
        "I'm disappointed I didn't get it. This week was hard.",
        "I'm worried they'll think I'm too old, so I'll address it head-on.",
        "I should send the form by Friday.",
        "Everyone on the team got the memo.",
        "I always run on Sundays.",
        "I'm expecting a no, to be honest, but I'll wait and see.",
        "It's possible they'll go with someone local, I can't control that.",
        // A job described, not a life foretold.
        "Stuck in a dead-end job, need out.",
        // One employer's silence is what happened, not a rule about all of them.
        "I never got a reply from Siemens.", "I never heard back from Siemens.",
        "The interviewer asked how I'd handle a dead-end project.",
    ])
    func staysQuietOnHealthyOrReportedThoughts(_ text: String) {
        #expect(traps(text).isEmpty, "\(text) → \(traps(text))")
    }

    @Test func explainsEachTrapWithQuestions() {
        for trap in ThinkingTrap.allCases {
            #expect(!trap.explanation.isEmpty)
            #expect((2...3).contains(trap.questions.count))
            let text = trap.explanation.lowercased() + trap.questions.joined().lowercased()
            for judgement in ["disorder", "depress", "diagnos", "you are wrong", "stupid"] {
                #expect(!text.contains(judgement), "\(trap) says \(judgement)")
            }
        }
    }

    @Test func buildsTheReframeFromTheirOwnWords() {
        let label = ThinkingTrapDetector.check("Honestly, I'm a total failure.")
        #expect(label.reframe.contains("\"a total failure\""))
        let should = ThinkingTrapDetector.check("I should be managing a team by now.")
        #expect(should.reframe.hasPrefix("I'd like to be managing a team by now"))
        // The threat is no part of the wish.
        #expect(ThinkingTrapDetector.check("I must get this job or else.").reframe.hasPrefix("I'd like to get this job, and"))
        let feeling = ThinkingTrapDetector.check("I feel hopeless, so it is hopeless.")
        #expect(feeling.reframe.hasPrefix("Feeling hopeless is real"))
        #expect(ThinkingTrapDetector.check("Today I'll apply to two roles and take a walk.").reframe.isEmpty)
        // A fifth trial: a bare noun reads well, no feeling is named from "it feels like I'll…",
        // and an absolute rule is questioned, never endorsed as a wish.
        #expect(ThinkingTrapDetector.reframe(for: TrapHit(trap: .labeling, evidence: "never getting hired. idiot")).hasPrefix("Calling myself \"idiot\" is harsh"))
        #expect(ThinkingTrapDetector.reframe(for: TrapHit(trap: .emotionalReasoning, evidence: "it feels like I'll be unemployed forever so I probably will be"))
                .hasPrefix("This feeling is real"))
        let rule = ThinkingTrapDetector.reframe(for: TrapHit(trap: .shouldStatements, evidence: "I must never show any weakness in an interview"))
        #expect(!rule.contains("never show") && rule.hasPrefix("That's a rule I've set myself"))
        // A seventh trial: the noun after an adjective, a feeling without its preposition, a
        // feeling a should forbids, a fear of what may come.
        #expect(ThinkingTrapDetector.reframe(for: TrapHit(trap: .labeling, evidence: "im just a worthless reject at this point lol")).hasPrefix("Calling myself \"a worthless reject\""))
        #expect(ThinkingTrapDetector.reframe(for: TrapHit(trap: .emotionalReasoning, evidence: "I feel embarrassed about being unemployed, so I must be a failure"))
                .hasPrefix("Feeling embarrassed is real"))
        #expect(ThinkingTrapDetector.reframe(for: TrapHit(trap: .shouldStatements, evidence: "I shouldn't feel sad about a rejection")).hasPrefix("It's okay to feel this"))
        #expect(ThinkingTrapDetector.reframe(for: TrapHit(trap: .catastrophizing, evidence: "If I blank on the coding question my career is over")).hasPrefix("Even if that happened"))
        // A denial of blame is no personalizing.
        #expect(ThinkingTrapDetector.check("The layoffs weren't my fault; the whole division was cut.").traps.isEmpty)
    }

    @Test func copesWithHugeAndHostileText() {
        let hostile = ThinkingTrapDetector.check("<script>alert(1)</script> I'm a failure.")
        #expect(hostile.traps.first?.evidence.contains("<script>") == true)
        let huge = String(repeating: "I had an ordinary day and sent an application. ", count: 3000) + "I'm a failure."
        #expect(ThinkingTrapDetector.check(huge).traps.isEmpty, "text past the limit is not read")
        #expect(ThinkingTrapDetector.check("").traps.isEmpty)
    }

    /// Words count by the part they play, and by which parts meet in one clause.
    @Test func readsCueClasses() {
        let cues = Set(TrapCues.tokens(CrisisText.tokenize("they think my work is a joke, but i will apply tomorrow")))
        #expect(cues.contains("__cue_others"))
        #expect(cues.contains("__cue_self+label"))
        #expect(cues.contains("__cue_others+mind"))
        #expect(!cues.contains("__cue_label+plan"), "a clause break keeps the label from the plan")
        #expect(TrapCues.tokens([]).isEmpty)
    }

    /// The labelled test split must keep the quality written in docs/thinking-traps.md.
    @Test func keepsItsMeasuredQualityOnTheTestSplit() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/thinking-traps/test.jsonl")
        struct Item: Decodable { var text: String; var traps: [String] }
        let items = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { try JSONDecoder().decode(Item.self, from: Data($0.utf8)) }
        var counts: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        var neutral = 0, alarms = 0
        for item in items {
            let predicted = Set(ThinkingTrapDetector.check(item.text).traps.map(\.trap.rawValue))
            let gold = Set(item.traps)
            for trap in ThinkingTrap.allCases.map(\.rawValue) {
                var c = counts[trap] ?? (0, 0, 0)
                if gold.contains(trap) && predicted.contains(trap) { c.tp += 1 }
                if !gold.contains(trap) && predicted.contains(trap) { c.fp += 1 }
                if gold.contains(trap) && !predicted.contains(trap) { c.fn += 1 }
                counts[trap] = c
            }
            if gold.isEmpty {
                neutral += 1
                if !predicted.isEmpty { alarms += 1 }
            }
        }
        let f1s = counts.values.map { c -> Double in
            let p = c.tp + c.fp == 0 ? 0 : Double(c.tp) / Double(c.tp + c.fp)
            let r = c.tp + c.fn == 0 ? 0 : Double(c.tp) / Double(c.tp + c.fn)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        let macro = f1s.reduce(0, +) / Double(f1s.count)
        #expect(macro >= TrapQuality.macroF1Floor, "macro-F1 \(macro)")
        #expect(Double(alarms) / Double(neutral) <= TrapQuality.falseAlarmCeiling, "false alarms \(alarms) of \(neutral)")
    }
}

@Suite("Thinking traps in longer entries")
struct ThinkingTrapEntryTests {
    /// A journal entry is several statements: a trap in one of them is found whatever surrounds it.
    @Test func aTrapInOneSentenceOfALongerEntryIsFound() {
        for entry in ["Hello there. I'll never get hired. I'm a failure.",
                      "<script>alert(1)</script> I'll never get hired. I'm a failure.",
                      "Long day. Sent the last two forms and made tea. Honestly I'm a failure."] {
            let found = Set(ThinkingTrapDetector.check(entry).traps.map(\.trap))
            #expect(found.contains(.labeling), "\(entry): \(found)")
        }
        #expect(ThinkingTrapDetector.check("I sent two applications today. The weather was nice. I should call mum on Sunday.").traps.isEmpty)
    }
}

/// Guards against falling back, at the figures the product reads on the held-out test split
/// (docs/thinking-traps.md): macro-F1 0.808, false alarms 3 of 67 (4.5%) since a denied label or
/// catastrophe leaves only the rules' traps (before: 0.805 and 4 of 67; with train4 in training
/// test2 went from 0.750 to 0.781). The aims are 0.80 and 5%.
enum TrapQuality {
    static let macroF1Floor = 0.80
    static let falseAlarmCeiling = 3.0 / 67.0 + 1e-9
}

@Suite("Thinking traps in other voices")
struct ThinkingTrapVoiceTests {
    func traps(_ text: String) -> Set<ThinkingTrap> { Set(ThinkingTrapDetector.check(text).traps.map(\.trap)) }

    /// Wordings unlike the earlier training sets, read since the models learnt from train3 as well.
    @Test func readsTrapsWithoutTheirUsualWords() {
        #expect(traps("Second place is the same as coming last, so the whole month was for nothing.").contains(.allOrNothing))
        #expect(traps("I feel so nervous about the call that it must be bad news.").contains(.emotionalReasoning))
        #expect(traps("They said my portfolio was strong, but they say that to everyone they turn down.").contains(.disqualifyingThePositive))
        #expect(traps("The offer only came because nobody else wanted the job.").contains(.disqualifyingThePositive))
    }

    /// "…or it's all over": the dire alternative after a demand is the catastrophe.
    @Test func aDireAlternativeIsCatastrophizing() {
        let found = traps("I must not mess up the next interview or it's all over.")
        #expect(found.contains(.catastrophizing), "\(found)")
        // A denied label beside a real one: only the denial is set aside.
        #expect(traps("I'm not a failure, but honestly I'm a complete fraud.").contains(.labeling))
    }

    /// Hard negatives that share a trap's words: a guess about the world, a practical should, a plain future.
    @Test func staysQuietOnLookAlikes() {
        for text in ["They must be busy, the recruiter said it takes two weeks.",
                     "I should ring the agency before noon.",
                     "The assessment is going to be two hours long."] {
            #expect(traps(text).isEmpty, "\(text)")
        }
    }
}
