import Foundation
import Testing
import NextYesCore
@testable import NextYesInsights

@Suite("Words that fit the moment")
struct WordsThatFitTests {
    let today = Day("2026-11-21")!

    func application(_ id: Int, _ company: String, _ role: String, applied: String) -> Application {
        Application(id: id, details: ApplicationDetails(company: company, role: role, appliedOn: Day(applied)), stage: .interview,
                    furthestStage: .interview, outcome: .open, lastActivityOn: Day(applied)!, createdAt: Date(), updatedAt: Date())
    }

    func step(_ id: Int, _ application: Application, _ stage: Stage, _ on: String) -> Win {
        NewWin.forStage(stage, application: application, on: Day(on)!).map {
            Win(id: id, on: $0.on, kind: $0.kind, title: $0.title, detail: $0.detail, applicationID: $0.applicationID, sourceKey: $0.sourceKey)
        }!
    }

    @Test func everyWinInAListIsWordedDifferentlyFromItsOwnFacts() {
        let apps = (1...8).map { application($0, "Company \($0)", $0 % 2 == 0 ? "Data Analyst" : "Analytics Engineer", applied: "2026-09-0\($0)") }
        var wins: [Win] = []
        var id = 1
        for app in apps {
            for (offset, stage) in [Stage.screening, .assessment, .interview].enumerated() where offset < (app.id % 3) + 1 {
                wins.append(step(id, app, stage, "2026-10-\(10 + app.id + offset * 4)"))
                id += 1
            }
        }
        let phrases = WinWords.phrases(wins, applications: apps)
        #expect(phrases.count == wins.count)
        let templates = phrases.values.map(\.template)
        #expect(Set(templates).count == templates.count, "a phrasing repeats: \(templates.sorted())")
        let texts = phrases.values.map(\.text)
        #expect(Set(texts).count == texts.count)
        #expect(!texts.contains { $0.contains("stood out among many") })
        for win in wins {
            // Specific: the company is named in the words of its own win.
            let company = apps.first { $0.id == win.applicationID }!.company
            #expect(phrases[win.id]!.text.contains(company), "\(phrases[win.id]!.text)")
        }
    }

    @Test func wordsComeFromHowLongItTookAndHowFarItWent() {
        let app = application(1, "Fabrikam", "Analytics Engineer", applied: "2026-09-01")
        let wins = [step(1, app, .screening, "2026-09-04"), step(2, app, .interview, "2026-09-08")]
        let phrases = WinWords.phrases(wins, applications: [app])
        #expect(phrases[1]!.text == "The first company to come back in this search: Fabrikam. Your application for Analytics Engineer got a person's attention.")
        #expect(phrases[2]!.text == "Your first interview of this search, with Fabrikam. Something in how you presented yourself for the Analytics Engineer role is working.")
        // Worded oldest first: a newer win never changes the words of an older one.
        let more = wins + [step(3, app, .finalRound, "2026-09-20")]
        #expect(WinWords.phrases(more, applications: [app])[1] == phrases[1])
    }

    @Test func aCompanyEndingInAFullStopEndsTheSentenceOnce() {
        let app = application(1, "Tailspin Toys, Inc.", "BI Developer", applied: "2026-09-01")
        var texts = WinWords.templates.map { $0.words(WinWords.Facts(
            company: app.company, role: app.role, stage: .interview, daysSinceApplied: 12, step: 2, previousStage: .screening,
            daysSincePreviousStep: 3, stageCount: 2, sameRoleBefore: 1)) }
        for variant in FeedbackRequestVariant.allCases {
            for stage in [Stage.applied, .interview, .finalRound] {
                texts.append(FeedbackEmail.compose(variant, .init(role: app.role, company: app.company, stageReached: stage)).body)
            }
        }
        for text in texts { #expect(!text.contains(".."), "\(text)") }
        #expect(Text.sentence("Saved BI Developer at Tailspin Toys, Inc.") == "Saved BI Developer at Tailspin Toys, Inc.")
        #expect(Text.sentence("Saved Analyst at Acme") == "Saved Analyst at Acme.")
    }

    @Test func starIsOfferedOnlyForBehaviouralQuestions() throws {
        let bank = try QuestionBank.bundled()
        let salary = try #require(bank.first { $0.question.lowercased().contains("salary") })
        #expect(!salary.suitsSTAR)
        #expect(bank.filter { $0.kind == .motivation }.allSatisfy { !$0.suitsSTAR })
        // Every question STAR is offered for asks about something that happened.
        let openers = ["tell me about", "describe", "give an example", "walk me through"]
        for question in bank where question.suitsSTAR {
            #expect(openers.contains { question.question.lowercased().hasPrefix($0) }, "\(question.question)")
        }
        let needs = PracticePicker.needs(recurring: [], stories: [], sessions: [], questions: bank)
        for seed in 0..<300 {
            var generator = SplitMix64(seed: UInt64(seed))
            let picked = try #require(PracticePicker.pick(from: bank, needs: needs, sessions: [], today: today, using: &generator))
            #expect(picked.suitsSTAR && picked.kind == .behavioural, "\(picked.question)")
        }
    }

    @Test func anOverdueReminderSaysWhenItWasDue() {
        let item = { (on: String) in AgendaItem(uid: "x", kind: .applicationFollowUp, on: Day(on)!, title: "Check in", detail: "") }
        #expect(item("2026-11-03").due(today: today) == "Was due 3 Nov")
        #expect(item("2026-11-20").due(today: today) == "Was due yesterday")
        #expect(item("2025-12-30").due(today: today) == "Was due 30 Dec 2025")
        #expect(item("2026-11-21").due(today: today) == "Today")
        #expect(item("2026-11-24").due(today: today) == Day("2026-11-24")!.readable)
        #expect(!item("2026-11-03").due(today: today).contains("Open"))
    }
}
