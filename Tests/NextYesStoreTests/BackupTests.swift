import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights
import Testing
@testable import NextYesStore

@Suite("Backup and restore (SQLite, or PostgreSQL with DATABASE_URL)", .serialized)
struct BackupTests {
    /// Random but reproducible records across every table, with awkward text.
    static func fill(_ store: Store, seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
        let words = ["Acme", "Ünïcode GmbH", "O'Brien & Sons", "\"Quoted\", Inc", "<script>alert(1)</script>", "Ｆｕｌｌ", "🚀 Rocket", "Tab\there", "Line\nbreak", ""]
        func text() -> String? { chance(30) ? nil : (0..<Int(random.next() % 4 + 1)).map { _ in pick(words) }.joined(separator: " ").trimmingCharacters(in: .whitespaces).isEmpty ? nil : pick(words.filter { !$0.isEmpty }) }
        let start = Day("2026-01-05")!
        var ids: [Int] = []
        for index in 0..<Int(random.next() % 12 + 8) {
            let applied = start.adding(days: Int(random.next() % 60))
            let at = Store(db: store.db, clock: .fixed(applied.adding(days: 1)))
            let details = ApplicationDetails(
                company: pick(words.filter { !$0.isEmpty }) + " \(index)", role: pick(["Analyst", "Data Engineer", "Product, Analytics"]),
                location: text(), url: chance(50) ? "https://jobs.example/\(index)?a=1&b=2" : nil, source: chance(60) ? pick(ApplicationSource.allCases) : nil,
                jobDescription: chance(50) ? "We need SQL, Python and Tableau. " + (text() ?? "") : nil, salary: text(), notes: text(),
                excitement: chance(50) ? Int(random.next() % 5 + 1) : nil, appliedOn: applied)
            let app = try await at.applications.create(NewApplication(details: details, stage: .applied))
            ids.append(app.id)
            var day = applied.adding(days: 1)
            for stage in [Stage.screening, .assessment, .interview, .finalRound] where chance(45) {
                day = day.adding(days: Int(random.next() % 5 + 1))
                _ = try await Store(db: store.db, clock: .fixed(day)).applications.move(app.id, to: stage, on: day)
            }
            let later = Store(db: store.db, clock: .fixed(day.adding(days: 3)))
            switch random.next() % 4 {
            case 0: _ = try await later.applications.reject(app.id, RejectionDetails(on: day.adding(days: 2), reason: text(), category: pick(RejectionCategory.allCases),
                                                                                     feelings: chance(50) ? ["sad", "relieved"] : [], intensity: chance(50) ? 7 : nil), preferences: .standard)
            case 1: _ = try await later.applications.close(app.id, as: .ghosted, on: day.adding(days: 2))
            default: break
            }
        }
        for n in 0..<3 {
            let contact = try await store.contacts.create(ContactDetails(name: "Contact \(n) " + (text() ?? ""), role: pick(ContactRole.allCases), company: text(),
                                                                         email: chance(50) ? "p\(n)@example.com" : nil, notes: text()))
            try await store.contacts.link(contact.id, to: pick(ids))
            _ = try await store.interactions.log(contactID: contact.id, InteractionForm.Valid(kind: pick(InteractionKind.allCases), on: start.adding(days: n), note: text()))
            _ = try await store.interviews.add(applicationID: pick(ids), InterviewForm.Valid(on: start.adding(days: 70 + n), time: chance(50) ? TimeOfDay("09:15") : nil,
                                                                                            type: pick(InterviewType.allCases), interviewerIDs: [contact.id], notes: text()))
        }
        let request = try await store.feedback.createRequest(applicationID: ids[0], contactID: nil, variant: .standard, sentOn: start.adding(days: 50))
        _ = try await store.feedback.add(applicationID: ids[0], text: "Your SQL was excellent, but " + (text() ?? "communication"), receivedOn: start.adding(days: 55), requestID: request.id)
        _ = try await store.journal.add(NewJournalEntry(writtenOn: start, text: text(), mood: 4, emotions: ["tired", "hopeful"]))
        _ = try await store.journal.add(NewJournalEntry(writtenOn: start.adding(days: 1), kind: .checkIn, mood: 7))
        try await store.wins.add(try NewWin.manual(title: "Finished the portfolio 🎉", on: "2026-02-01", today: TestStore.day))
        try await store.profile.saveSkill(name: "SQL", key: "onet-tech:sql", level: .strong)
        try await store.profile.saveTargets(CareerTargets(roles: ["Data Analyst"], industries: ["health, care"], strengths: ["patience"]))
        let goal = try await store.plan.accept(GoalForm.Valid(title: "Tableau", focus: "onet-tech:tableau", focusName: "Tableau", action: .course,
                                                              measure: "One course", deadline: TestStore.day.adding(days: 30), weeklyHours: 3))
        try await store.plan.logHours(1.25, goalID: goal.id, note: text())
        _ = try await store.coachNotes.add(goalID: goal.id, coachName: "Cy Marsh", coachEmail: "cy@uni.example", text: text() ?? "Try the free course first.")
        try await store.targets.set(WeeklyTargets(applications: 5, conversations: 2, skillHours: 2.5))
        let story = try await store.stories.add(StoryForm.Valid(title: "The dashboard", situation: text() ?? "s", task: nil, action: "a", result: nil,
                                                               themes: ["teamwork"], skills: ["Tableau"]))
        _ = try await store.practice.record(PracticeForm.Valid(questionID: "q-001", storyID: story.id, ratings: [.situation: 4, .task: 3, .action: 2, .result: 5], notes: text()))
        try await store.agenda.markDone("application-follow-up-\(ids[0])-2026-01-05")
        try await store.mail.record(messageID: "m-\(ids[0])@mail.example", applicationID: ids[0], kind: "rejection", receivedOn: Day("2026-01-06"))
        try await store.preferences.save(Preferences(processingWindowDays: 3, ghostedAfterDays: 30, followUpAfterDays: 10))
        try await store.preferences.setValue("Ana \"Ní\" Ruiz", for: SettingKey.displayName)
    }

    /// Export, restore into a fresh database, export again: the same bytes.
    static func roundTrip(_ fill: (Store) async throws -> Void) async throws {
        var first = Data()
        try await TestStore.with { connection in
            try await fill(connection.store)
            first = try await connection.store.backup.export()
        }
        try await TestStore.with { connection in
            let summary = try await connection.store.backup.restore(first)
            #expect(summary.applications > 0)
            let second = try await connection.store.backup.export()
            #expect(first == second, "export → restore → export changed the backup")
            // New records after a restore get new ids (PostgreSQL's sequences were moved past the restored ones).
            let app = try await connection.store.applications.create(NewApplication(details: details("After"), stage: .applied))
            #expect(app.id == summary.applications + 1)
            _ = try await connection.store.contacts.create(ContactDetails(name: "New"))
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomRecordsRoundTripExactly(seed: UInt64) async throws {
        try await Self.roundTrip { try await Self.fill($0, seed: seed) }
    }

    @Test func theSampleSearchRoundTripsExactly() async throws {
        try await Self.roundTrip { try await DemoSearch.load(into: $0) }
    }

    /// A tampered backup is refused whole, with its problems by table and row, and nothing of it
    /// reaches the database: no unknown stage or outcome, no impossible date, no script link.
    @Test func restoreChecksEveryRowAgainstTheRules() async throws {
        var data = Data()
        try await TestStore.with { source in
            try await Self.fill(source.store, seed: 4)
            data = try await source.store.backup.export()
        }
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var applications = try #require(json["applications"] as? [[String: Any]])
        try #require(applications.count >= 3)
        applications[0]["stage"] = "hacked"
        applications[1]["appliedOn"] = "2026-02-30"
        applications[2]["url"] = "javascript:alert(document.cookie)"
        json["applications"] = applications
        var notes = try #require(json["coachNotes"] as? [[String: Any]])
        try #require(notes.count == 1)
        notes[0]["goalID"] = 999
        json["coachNotes"] = notes
        let tampered = try JSONSerialization.data(withJSONObject: json)
        try await TestStore.with { connection in
            do {
                _ = try await connection.store.backup.restore(tampered)
                Issue.record("a tampered backup was restored")
            } catch BackupError.invalidRows(let problems) {
                #expect(problems.count == 4)
                #expect(problems[0].hasPrefix("applications, row 1") && problems[0].contains("\"hacked\""))
                #expect(problems[1].contains("2026-02-30"))
                #expect(problems[2].contains("not an http or https address"))
                #expect(problems[3] == "coach notes, row 1: it belongs to plan goal 999, which isn't in the file")
            }
            #expect(try await connection.store.applications.count() == 0)
            _ = try await connection.store.backup.restore(data)
            #expect(try await connection.store.applications.count() == applications.count)
        }
    }

    /// Two writers saving the same new setting at once both succeed; the last one wins.
    @Test func settingsAreWrittenInOneStatement() async throws {
        try await TestStore.with { connection in
            let preferences = connection.store.preferences
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<8 { group.addTask { try await preferences.setValue("value \(n)", for: SettingKey.displayName) } }
                try await group.waitForAll()
            }
            #expect(try await preferences.value(SettingKey.displayName)?.hasPrefix("value ") == true)
        }
    }

    @Test func restoreRefusesWhatItShouldNotTake() async throws {
        try await TestStore.with { connection in
            let backup = connection.store.backup
            await #expect(throws: BackupError.notABackup) { try await backup.restore(Data("{\"applications\":[]}".utf8)) }
            await #expect(throws: BackupError.notABackup) { try await backup.restore(Data("company,role\nAcme,Analyst\n".utf8)) }
            await #expect(throws: BackupError.newerVersion(9)) { try await backup.restore(Data("{\"format\":\"nextyes-backup\",\"version\":9}".utf8)) }
            do {
                try await backup.restore(Data("{\"format\":\"nextyes-backup\",\"version\":1,\"settings\":[]}".utf8))
                Issue.record("a damaged backup was accepted")
            } catch BackupError.unreadable(let detail) {
                #expect(detail.contains("applications"))
            }
            _ = try await connection.store.applications.create(NewApplication(details: details(), stage: .applied))
            let full = try await backup.export()
            await #expect(throws: BackupError.notEmpty("1 application")) { try await backup.restore(full) }
        }
        // A backup that fails halfway leaves nothing behind.
        try await TestStore.with { connection in
            var data = Data()
            try await TestStore.with { source in
                try await Self.fill(source.store, seed: 9)
                data = try await source.store.backup.export()
            }
            var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var events = try #require(json["applicationEvents"] as? [[String: Any]])
            events[events.count - 1]["applicationID"] = 99_999  // points at no application
            json["applicationEvents"] = events
            let broken = try JSONSerialization.data(withJSONObject: json)
            await #expect(throws: (any Error).self) { try await connection.store.backup.restore(broken) }
            #expect(try await connection.store.applications.count() == 0)
        }
    }
}
