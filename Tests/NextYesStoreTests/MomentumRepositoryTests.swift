import Foundation
import NextYesCore
import NextYesInsights
import Testing
@testable import NextYesStore

@Suite("Contacts log, interviews, targets, stories and practice store (SQLite, or PostgreSQL with DATABASE_URL)")
struct MomentumRepositoryTests {
    @Test func logsConversationsAsWinsAndKnowsWhoWasLastInTouch() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let sam = try await store.contacts.create(ContactDetails(name: "Sam", role: .recruiter, company: "Acme"))
            let ana = try await store.contacts.create(ContactDetails(name: "Ana"))
            _ = try await store.interactions.log(contactID: sam.id, try InteractionForm(kind: "coffee-chat", on: "2026-03-10", note: "dbt").validated(today: TestStore.day))
            _ = try await store.interactions.log(contactID: sam.id, try InteractionForm(kind: "follow-up", on: "2026-03-12").validated(today: TestStore.day))
            _ = try await store.interactions.log(contactID: ana.id, try InteractionForm(kind: "informational-interview", on: "2026-03-01").validated(today: TestStore.day))
            #expect(try await store.interactions.lastContacted() == [sam.id: Day("2026-03-12")!, ana.id: Day("2026-03-01")!])
            #expect(try await store.interactions.interactions(for: sam.id).map(\.kind) == [.followUp, .coffeeChat])
            // Conversations are wins; a follow-up message is not.
            #expect(try await store.wins.all().map(\.title) == ["Coffee chat with Sam (Acme)", "Informational interview with Ana"])
            #expect(try await store.conversationDays().sorted() == [Day("2026-03-01")!, Day("2026-03-10")!])
            await #expect(throws: ContactError.notFound(99)) {
                _ = try await store.interactions.log(contactID: 99, try InteractionForm(kind: "coffee-chat").validated(today: TestStore.day))
            }
            // Deleting a contact takes their log with it; the wins stay.
            try await store.contacts.delete(sam.id)
            #expect(try await store.interactions.all().map(\.contactID) == [ana.id])
            #expect(try await store.wins.all().count == 2)
        }
    }

    @Test func keepsInterviewRoundsWithTheirInterviewers() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let app = try await store.applications.create(NewApplication(details: details(), stage: .interview))
            let ana = try await store.contacts.create(ContactDetails(name: "Ana", role: .interviewer))
            let raj = try await store.contacts.create(ContactDetails(name: "Raj", role: .hiringManager))
            let first = try await store.interviews.add(applicationID: app.id, try InterviewForm(on: "2026-03-20", time: "14:30", type: "panel",
                                                                                              interviewerIDs: [ana.id, raj.id]).validated(today: TestStore.day))
            _ = try await store.interviews.add(applicationID: app.id, try InterviewForm(on: "2026-03-18", type: "phone-screen").validated(today: TestStore.day))
            let rounds = try await store.interviews.rounds(for: app.id)
            #expect(rounds.map(\.on) == [Day("2026-03-18")!, Day("2026-03-20")!])
            #expect(rounds[1].interviewerIDs == [ana.id, raj.id] && rounds[1].time?.description == "14:30" && rounds[1].type == .panel)
            let changed = try await store.interviews.update(first.id, try InterviewForm(on: "2026-03-21", type: "onsite", interviewerIDs: [raj.id]).validated(today: TestStore.day))
            #expect(changed.interviewerIDs == [raj.id] && changed.time == nil)
            await #expect(throws: MomentumError.unknownInterviewer(77)) {
                _ = try await store.interviews.add(applicationID: app.id, try InterviewForm(on: "2026-03-22", interviewerIDs: [77]).validated(today: TestStore.day))
            }
            #expect(try await store.interviews.all().count == 2)
            try await store.contacts.delete(raj.id)
            #expect(try await store.interviews.round(first.id).interviewerIDs.isEmpty)
            try await store.interviews.delete(first.id)
            await #expect(throws: MomentumError.roundNotFound(first.id)) { try await store.interviews.delete(first.id) }
            try await store.applications.delete(app.id)
            #expect(try await store.interviews.all().isEmpty)
        }
    }

    @Test func targetsTakeEffectFromTheirWeek() async throws {
        try await TestStore.with(clock: .fixed(Day("2026-03-18")!)) { connection in
            let store = connection.store
            #expect(try await store.targets.current() == nil)
            try await store.targets.set(WeeklyTargets(applications: 5, conversations: 2, skillHours: 3))
            try await store.targets.set(WeeklyTargets(applications: 4, conversations: 2, skillHours: 3))
            #expect(try await store.targets.periods() == [TargetsPeriod(from: Day("2026-03-16")!, targets: WeeklyTargets(applications: 4, conversations: 2, skillHours: 3))])
            let next = Store(db: store.db, clock: .fixed(Day("2026-03-25")!))
            try await next.targets.set(WeeklyTargets(applications: 6, conversations: 1, skillHours: 2))
            #expect(try await next.targets.periods().map(\.from) == [Day("2026-03-16")!, Day("2026-03-23")!])
            #expect(try await store.targets.current()?.applications == 4)
            #expect(try await next.targets.current()?.applications == 6)

            _ = try await store.applications.create(NewApplication(details: details("Acme", applied: "2026-03-17"), stage: .applied))
            _ = try await store.applications.create(NewApplication(details: details("Globex", applied: "2026-03-09"), stage: .applied))
            let goal = try await store.plan.accept(try GoalForm(title: "SQL", focus: "x:sql", action: "course", measure: "m", deadline: "2026-04-30", weeklyHours: "3").validated(today: Day("2026-03-18")!))
            try await store.plan.logHours(2, on: Day("2026-03-18"), goalID: goal.id)
            let progress = try await store.weeklyProgress(today: Day("2026-03-18")!)
            #expect(progress.thisWeek.applications == 1 && progress.thisWeek.skillHours == 2 && progress.history[0].applications == 1)
            let month = try await store.monthOverMonth(today: Day("2026-03-18")!)
            #expect(month.changes[0].thisMonth == 2)
        }
    }

    @Test func keepsStoriesPracticeAndTickedOffReminders() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let themes = FeedbackTheme.allCases.map(\.rawValue)
            let story = try await store.stories.add(try StoryForm(title: "The <b>dashboard</b>", situation: "Nobody used it.", action: "I asked why.",
                                                                 themes: ["communication"], skills: "Tableau, SQL").validated(knownThemes: themes))
            #expect(story.missing == [.task, .result] && story.skills == ["Tableau", "SQL"])
            let updated = try await store.stories.update(story.id, try StoryForm(title: "The dashboard", situation: "s", task: "t", action: "a", result: "r",
                                                                                themes: ["teamwork"]).validated(knownThemes: themes))
            #expect(updated.missing.isEmpty && updated.themes == ["teamwork"] && updated.skills.isEmpty)
            let session = try await store.practice.record(try PracticeForm(questionID: "q-001", storyID: String(story.id),
                                                                           ratings: [.situation: "4", .task: "3", .action: "2", .result: "5"]).validated(knownQuestions: ["q-001"]))
            #expect(session.on == TestStore.day && session.ratings[.action] == 2 && session.storyID == story.id)
            await #expect(throws: MomentumError.storyNotFound(42)) {
                _ = try await store.practice.record(try PracticeForm(questionID: "q-001", storyID: "42", ratings: [.situation: "4", .task: "3", .action: "2", .result: "5"])
                    .validated(knownQuestions: ["q-001"]))
            }
            try await store.stories.delete(story.id)
            #expect(try await store.practice.all().first?.storyID == nil)
            let (question, needs, _) = try await store.practicePick(today: TestStore.day, theme: .leadership, seed: 3)
            #expect(question.themes.contains(.leadership) && needs.count == FeedbackTheme.allCases.count)

            try await store.agenda.markDone("application-follow-up-1-2026-03-01")
            try await store.agenda.markDone("application-follow-up-1-2026-03-01")
            #expect(try await store.agenda.done() == ["application-follow-up-1-2026-03-01"])
            let token = try await store.calendarToken()
            #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
            #expect(try await store.calendarToken() == token)
            #expect(try await store.newCalendarToken() != token)
        }
    }
}

@Suite("Interview rounds move the application on (SQLite, or PostgreSQL with DATABASE_URL)")
struct InterviewStageTests {
    @Test func aRoundMovesAnOpenApplicationToInterviewOnce() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let app = try await store.applications.create(NewApplication(details: details(applied: "2026-03-01"), stage: .applied))
            await #expect(throws: CoreError.dateBeforeApplied(Day("2026-02-20")!, applied: Day("2026-03-01")!)) {
                _ = try await store.addInterviewRound(applicationID: app.id, try InterviewForm(on: "2026-02-20").validated(today: TestStore.day))
            }
            let (_, screening) = try await store.addInterviewRound(applicationID: app.id, try InterviewForm(on: "2026-03-05", type: "phone-screen").validated(today: TestStore.day))
            #expect(screening == .screening)
            let (_, interview) = try await store.addInterviewRound(applicationID: app.id, try InterviewForm(on: "2026-03-25", type: "panel").validated(today: TestStore.day))
            #expect(interview == .interview)
            let moved = try await store.applications.find(app.id)
            #expect(moved.stage == .interview && moved.furthestStage == .interview)
            // A future round moves it today; a second round doesn't move it again.
            #expect(try await store.applications.events(for: app.id).last?.on == TestStore.day)
            let (_, again) = try await store.addInterviewRound(applicationID: app.id, try InterviewForm(on: "2026-03-28").validated(today: TestStore.day))
            #expect(again == nil)
            // So a rejection afterwards is recorded at the interview stage, and a reconnect follows.
            let (_, rejection) = try await store.applications.reject(app.id, RejectionDetails(on: TestStore.day, category: .timing), preferences: .standard)
            #expect(rejection.stageReached == .interview)
            #expect(try await store.agendaItems(today: TestStore.day).contains { $0.kind == .reconnect })
        }
    }
}
