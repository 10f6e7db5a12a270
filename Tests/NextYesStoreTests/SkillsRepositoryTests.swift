import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights
import Testing
@testable import NextYesStore

@Suite("Profile and plan store (SQLite, or PostgreSQL with DATABASE_URL)")
struct SkillsRepositoryTests {
    @Test func keepsOneSkillPerKeyAndTheTargets() async throws {
        try await TestStore.with { connection in
            let profile = connection.store.profile
            let extractor = try SkillExtractor.bundled()
            try await profile.saveSkill(name: "SQL", key: extractor.key(forSkillNamed: "SQL"), level: .learning)
            // The same skill written another way updates the level instead of adding a second row.
            try await profile.saveSkill(name: "sql", key: extractor.key(forSkillNamed: "sql"), level: .strong)
            try await profile.saveSkill(name: "  Tableau ", key: extractor.key(forSkillNamed: "Tableau"), level: .working)
            let skills = try await profile.skills()
            #expect(skills.map(\.name) == ["SQL", "Tableau"])
            #expect(skills.map(\.level) == [.strong, .working])
            await #expect(throws: ProfileError.emptySkill) { try await profile.saveSkill(name: "  ", key: "x", level: .working) }
            await #expect(throws: ProfileError.skillTooLong) {
                try await profile.saveSkill(name: String(repeating: "x", count: Limits.name + 1), key: "y", level: .working)
            }
            try await profile.removeSkill(skills[1].id)
            #expect(try await profile.skills().count == 1)

            #expect(try await profile.targets().isEmpty)
            let targets = CareerTargets(roles: ["Data Analyst"], industries: ["healthcare", "retail"], strengths: ["patience, with \"quotes\""])
            try await profile.saveTargets(targets)
            #expect(try await profile.targets() == targets)
        }
    }

    @Test func acceptsTracksAndFinishesGoals() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            try await store.profile.saveSkill(name: "SQL", key: "onet-tech:sql", level: .learning)
            let form = GoalForm(title: "SQL to working level", focus: "onet-tech:sql", focusName: "SQL", action: "project",
                                measure: "Finish one project", deadline: "2026-04-13", weeklyHours: "3")
            let goal = try await store.plan.accept(try form.validated(today: TestStore.day))
            #expect(goal.status == .active && goal.createdOn == TestStore.day)
            try await store.plan.logHours(2, goalID: goal.id)
            try await store.plan.logHours(1.5, on: Day("2026-03-16"), goalID: goal.id, note: "Joins")
            try await store.plan.logHours(1, on: Day("2026-03-10"), note: "Reading on my own")
            // Hours on a goal count from the day it was accepted.
            await #expect(throws: ProfileError.hoursBeforeGoal(TestStore.day)) { try await store.plan.logHours(1, on: Day("2026-03-15"), goalID: goal.id) }
            #expect(try await store.plan.goal(goal.id).hoursLogged == 3.5)
            #expect(try await store.plan.hours().map(\.hours).reduce(0, +) == 4.5)
            await #expect(throws: ProfileError.badHours) { try await store.plan.logHours(30, goalID: goal.id) }
            await #expect(throws: ProfileError.goalNotFound(99)) { try await store.plan.logHours(1, goalID: 99) }
            await #expect(throws: CoreError.self) { try await store.plan.logHours(1, on: Day("2026-04-01"), goalID: goal.id) }

            let edited = try await store.plan.update(goal.id, try GoalForm(title: "SQL, properly", action: "course", measure: "Two courses",
                                                                           deadline: "2026-05-01", weeklyHours: "2").validated(today: TestStore.day))
            #expect(edited.title == "SQL, properly" && edited.focus == "onet-tech:sql" && edited.weeklyHours == 2)

            let done = try await store.plan.finish(goal.id, as: .done)
            #expect(done.status == .done && done.doneOn == TestStore.day)
            #expect(try await store.wins.all().map(\.title) == ["Goal done: SQL, properly"])
            #expect(try await store.profile.level(forKey: "onet-tech:sql") == .working)
            await #expect(throws: ProfileError.goalNotActive(goal.id, .done)) { try await store.plan.finish(goal.id, as: .dropped) }
            await #expect(throws: ProfileError.goalNotActive(goal.id, .done)) { try await store.plan.logHours(1, goalID: goal.id) }
            // A goal on a skill not in the profile adds it when done.
            let tableau = try await store.plan.accept(try GoalForm(title: "Tableau", focus: "onet-tech:tableau", focusName: "Tableau", action: "course",
                                                                   measure: "One course", deadline: "2026-04-30", weeklyHours: "2").validated(today: TestStore.day))
            _ = try await store.plan.finish(tableau.id, as: .done)
            #expect(try await store.profile.skills().map(\.name) == ["SQL", "Tableau"])
            #expect(try await store.wins.all().count == 2)
        }
    }

    @Test func suggestsFromThePostingsAndRemembersDeclines() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            for company in ["Acme", "Globex", "Initech", "Umbrella"] {
                var d = details(company)
                d.jobDescription = "We use Python, SQL and Tableau dashboards."
                _ = try await store.applications.create(NewApplication(details: d, stage: .applied))
            }
            try await store.profile.saveSkill(name: "SQL", key: try SkillExtractor.bundled().key(forSkillNamed: "SQL"), level: .strong)
            let proposals = try await store.planProposals(today: TestStore.day)
            #expect(proposals.map(\.focus).count == 2)
            #expect(proposals.allSatisfy { !$0.title.contains("SQL") })
            let first = proposals[0]
            _ = try await store.plan.decline(try GoalForm(title: first.title, focus: first.focus, action: first.action.rawValue, measure: first.measure,
                                                          deadline: first.deadline.description, weeklyHours: String(first.weeklyHours)).validated(today: TestStore.day))
            let after = try await store.planProposals(today: TestStore.day)
            #expect(after.map(\.focus) == [proposals[1].focus])
            #expect(try await store.plan.goals().map(\.status) == [.dropped])
        }
    }

    @Test func demoAddsAndRemovesItsOwnProfileOnly() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            try await DemoSearch.load(into: store)
            #expect(try await store.profile.skills().count == 5)
            #expect(!(try await store.profile.targets().isEmpty))
            try await store.profile.saveSkill(name: "Knitting", key: "text:knitting", level: .strong)
            try await DemoSearch.remove(from: store)
            #expect(try await store.profile.skills().map(\.name) == ["Knitting"])
            #expect(try await store.profile.targets().isEmpty)
        }
    }
}
