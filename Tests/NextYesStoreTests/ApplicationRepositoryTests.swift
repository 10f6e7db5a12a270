import FluentKit
import Foundation
import NextYesCore
import NextYesFeatures
import SQLKit
import Testing
@testable import NextYesStore

@Suite("Application store (SQLite, or PostgreSQL with DATABASE_URL)")
struct ApplicationRepositoryTests {
    @Test func savesAndReadsBackEveryField() async throws {
        try await TestStore.with { connection in
            let repo = connection.store.applications
            let description = String(repeating: "Requirements: SQL, Python, dbt. ", count: 3000)
            let full = ApplicationDetails(
                company: "Zürich Ünïcode <script>alert(1)</script> & Co 🚀", role: "Analyst \"Data\"",
                location: "Remote", url: "https://example.com/jobs/1?a=b&c=d", source: .referral,
                jobDescription: description, salary: "£45–50k", notes: "Line one\nLine two",
                excitement: 5, appliedOn: Day("2026-02-28"))
            let created = try await repo.create(NewApplication(details: full, stage: .screening))
            let found = try await repo.find(created.id)
            #expect(found == created)
            #expect(found.details == full)
            #expect(found.stage == .screening && found.furthestStage == .screening && found.outcome == .open)
            #expect(found.lastActivityOn == Day("2026-02-28"))
            #expect(found.createdAt == connection.store.clock.now())
            let events = try await repo.events(for: created.id)
            #expect(events.map(\.kind) == [.added])
            #expect(events[0].on == Day("2026-02-28"))
        }
    }

    @Test func keepsTheTimelineAndFurthestStage() async throws {
        try await TestStore.with { connection in
            let repo = connection.store.applications
            let a = try await repo.create(NewApplication(details: details(), stage: .applied))
            _ = try await repo.move(a.id, to: .screening, on: Day("2026-03-05"))
            _ = try await repo.move(a.id, to: .interview, on: Day("2026-03-10"))
            let (rejected, rejection) = try await repo.reject(
                a.id, RejectionDetails(on: Day("2026-03-14")!, reason: "Internal hire", category: .internalCandidate, feelings: ["sad"], intensity: 5),
                preferences: .standard)
            #expect(rejected.furthestStage == .interview && rejected.outcome == .rejected)
            #expect(rejection.processingEndsOn == Day("2026-03-16"))
            let events = try await repo.events(for: a.id)
            #expect(events.map(\.kind) == [.added, .moved, .moved, .rejected])
            #expect(events.map(\.stage) == [.applied, .screening, .interview, .interview])
            #expect(events[2].fromStage == .screening)
            let stored = try await repo.rejection(for: a.id)
            #expect(stored == rejection)
            #expect(try await repo.all(outcome: .rejected).map(\.id) == [a.id])
            #expect(try await repo.all(outcome: .open).isEmpty)
        }
    }

    @Test func aRefusedChangeWritesNothing() async throws {
        try await TestStore.with { connection in
            let repo = connection.store.applications
            let a = try await repo.create(NewApplication(details: details(), stage: .applied))
            _ = try await repo.close(a.id, as: .withdrawn)
            await #expect(throws: CoreError.applicationClosed(id: a.id, outcome: .withdrawn)) {
                try await repo.move(a.id, to: .interview)
            }
            await #expect(throws: CoreError.dateInFuture(Day("2026-03-17")!, today: TestStore.day)) {
                try await repo.reopen(a.id, on: Day("2026-03-17"))
            }
            #expect(try await repo.events(for: a.id).map(\.kind) == [.added, .withdrawn])
            #expect(try await repo.find(a.id).outcome == .withdrawn)
            await #expect(throws: CoreError.applicationNotFound(999)) { try await repo.find(999) }
        }
    }

    @Test func reopeningKeepsTheEarlierRejectionOnRecord() async throws {
        try await TestStore.with { connection in
            let repo = connection.store.applications
            let a = try await repo.create(NewApplication(details: details(), stage: .interview))
            _ = try await repo.reject(a.id, RejectionDetails(on: TestStore.day, category: .timing), preferences: .standard)
            _ = try await repo.reopen(a.id)
            #expect(try await repo.rejections().isEmpty)
            #expect(try await repo.rejection(for: a.id)?.category == .timing)
            _ = try await repo.reject(a.id, RejectionDetails(on: TestStore.day, category: .budget), preferences: .standard)
            #expect(try await repo.rejections().map(\.category) == [.budget])
        }
    }

    @Test func editsDetailsWithoutTouchingProgress() async throws {
        try await TestStore.with { connection in
            let repo = connection.store.applications
            let a = try await repo.create(NewApplication(details: details(), stage: .applied))
            _ = try await repo.move(a.id, to: .interview)
            var changed = details("Acme Labs", "Senior Analyst")
            changed.notes = "Ask about the team"
            let updated = try await repo.update(a.id, details: changed)
            #expect(updated.details == changed && updated.stage == .interview)
            #expect(try await repo.find(a.id) == updated)
        }
    }

    @Test func deletingRemovesTimelineAndRejection() async throws {
        try await TestStore.with { connection in
            let repo = connection.store.applications
            let keep = try await repo.create(NewApplication(details: details("Keep"), stage: .applied))
            let a = try await repo.create(NewApplication(details: details(), stage: .applied))
            _ = try await repo.reject(a.id, RejectionDetails(on: TestStore.day, category: .budget), preferences: .standard)
            try await repo.delete(a.id)
            #expect(try await repo.count() == 1)
            #expect(try await repo.events(for: a.id).isEmpty)
            #expect(try await repo.rejection(for: a.id) == nil)
            #expect(try await repo.events(for: keep.id).count == 1)
        }
    }

    @Test func listsMostRecentActivityFirst() async throws {
        try await TestStore.with { connection in
            let repo = connection.store.applications
            let old = try await repo.create(NewApplication(details: details("Old", applied: "2026-01-05"), stage: .applied))
            let new = try await repo.create(NewApplication(details: details("New", applied: "2026-03-10"), stage: .applied))
            let mid = try await repo.create(NewApplication(details: details("Mid", applied: "2026-02-01"), stage: .applied))
            #expect(try await repo.all().map(\.id) == [new.id, mid.id, old.id])
            _ = try await repo.move(old.id, to: .screening, on: Day("2026-03-15"))
            #expect(try await repo.all().map(\.id) == [old.id, new.id, mid.id])
            #expect(try await repo.recentEvents(limit: 2).map(\.applicationID) == [old.id, new.id])
        }
    }

    @Test func concurrentChangesAreAllKept() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let ids = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<20 {
                    group.addTask {
                        let a = try await store.applications.create(NewApplication(details: details("Company \(n)"), stage: .applied))
                        _ = try await store.applications.move(a.id, to: .screening)
                        return a.id
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(Set(ids).count == 20)
            let all = try await store.applications.all()
            #expect(all.count == 20 && all.allSatisfy { $0.stage == .screening })
        }
    }

    @Test func aRowWithAnUnknownValueGivesAClearError() async throws {
        try await TestStore.with { connection in
            let a = try await connection.store.applications.create(NewApplication(details: details(), stage: .applied))
            try await (connection.store.db as! any SQLDatabase).raw("UPDATE applications SET stage = 'phone-screen' WHERE id = \(bind: a.id)").run()
            await #expect(throws: StoreError.corruptRow(table: "applications", id: String(a.id), detail: "stage is \"phone-screen\"")) {
                try await connection.store.applications.find(a.id)
            }
        }
    }

    @Test func preferencesHaveDefaultsAndKeepOnlyValidValues() async throws {
        try await TestStore.with { connection in
            let prefs = connection.store.preferences
            #expect(try await prefs.load() == .standard)
            try await prefs.save(Preferences(processingWindowDays: 3, ghostedAfterDays: 30))
            #expect(try await prefs.load() == Preferences(processingWindowDays: 3, ghostedAfterDays: 30))
            await #expect(throws: ValidationErrors.self) { try await prefs.save(Preferences(processingWindowDays: 99)) }
            #expect(try await prefs.load().processingWindowDays == 3)
            try await prefs.setValue("abc", for: SettingKey.calendarToken)
            #expect(try await prefs.value(SettingKey.calendarToken) == "abc")
            // Typed settings: flags read their default until set, lists and days round-trip.
            #expect(try await prefs.value(SettingKey.wellbeingWatch) == true)
            #expect(try await prefs.value(SettingKey.reportWellbeing) == false)
            try await prefs.setValue(false, for: SettingKey.wellbeingWatch)
            #expect(try await prefs.value(SettingKey.wellbeingWatch) == false)
            try await prefs.setValue(Day("2026-11-20"), for: SettingKey.careNoticedOn)
            #expect(try await prefs.value(SettingKey.careNoticedOn) == Day("2026-11-20"))
            try await prefs.setValue(nil, for: SettingKey.careNoticedOn)
            #expect(try await prefs.value(SettingKey.careNoticedOn) == nil)
            try await prefs.setValue([3, 1, 2], for: SettingKey.sampleApplicationIDs)
            #expect(try await prefs.value(SettingKey.sampleApplicationIDs) == [3, 1, 2])
        }
    }

    @Test func demoSearchIsRealisticAndNeverMixesIntoARealSearch() async throws {
        try await TestStore.with(clock: .fixed(Day("2026-11-21")!)) { connection in
            let store = connection.store
            let count = try await DemoSearch.load(into: store)
            #expect((20...30).contains(count))
            let all = try await store.applications.all()
            #expect(all.count == count)
            let rejections = try await store.applications.rejections()
            #expect(Set(rejections.map(\.stageReached)).count >= 4)
            #expect(Set(rejections.map(\.category)).count >= 8)
            #expect(all.contains { $0.outcome == .ghosted } && all.contains { $0.isOpen })
            let applied = all.compactMap(\.details.appliedOn)
            #expect(applied.min()! >= Day("2026-08-21")! && applied.max()! <= Day("2026-11-21")!)
            await #expect(throws: StoreError.notEmpty(applications: count)) { try await DemoSearch.load(into: store) }
            try await DemoSearch.load(into: store, force: true)
            #expect(try await store.applications.count() == 2 * count)
        }
    }
}

@Suite("SQLite file")
struct SQLiteFileTests {
    @Test func createsAPrivateFileInWriteAheadLogMode() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-wal-\(UUID().uuidString)/nested")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent("data.sqlite").path
        let connection = try await StoreConnection.open(.sqliteFile(path: path))
        let rows = try await (connection.store.db as! any SQLDatabase).raw("PRAGMA journal_mode").all()
        let mode = try rows.first?.decode(column: "journal_mode", as: String.self)
        await connection.close()
        #expect(mode == "wal")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // Reopening migrates nothing new and keeps the data.
        let again = try await StoreConnection.open(.sqliteFile(path: path))
        #expect(try await again.store.applications.count() == 0)
        await again.close()
    }

    /// Page views share whole-table reads while nothing changes, and see every change at once:
    /// one made on the same connection, one made by another connection (as the command line does).
    @Test func sharedReadsLastExactlyAsLongAsTheDataIsUnchanged() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("data.sqlite").path
        let server = try await StoreConnection.open(.sqliteFile(path: path))
        let other = try await StoreConnection.open(.sqliteFile(path: path))
        let shared = SharedReads()
        func pageView() -> Store { Store(db: server.store.db, clock: server.store.clock, memo: ReadMemo(shared: shared)) }
        func add(_ store: Store, _ company: String) async throws -> Application {
            try await store.applications.create(NewApplication(details: ApplicationDetails(company: company, role: "Analyst"), stage: .applied))
        }
        let first = try await add(server.store, "Acme")
        #expect(try await pageView().applications.all().map(\.company) == ["Acme"])
        #expect(shared.reads == 1)
        #expect(try await pageView().applications.all().map(\.company) == ["Acme"])
        #expect(shared.reads == 1, "unchanged data is not read again")
        // A write on another connection, then on the same one: each is seen by the next page view.
        _ = try await add(other.store, "Globex")
        #expect(Set(try await pageView().applications.all().map(\.company)) == ["Acme", "Globex"])
        _ = try await server.store.applications.move(first.id, to: .interview)
        #expect(try await pageView().applications.all().first { $0.id == first.id }?.stage == .interview)
        try await other.store.preferences.setValue("Sam", for: SettingKey.displayName)
        #expect(try await pageView().preferences.value(SettingKey.displayName) == "Sam")
        _ = try await other.store.applications.move(first.id, to: .finalRound)
        #expect(try await pageView().applications.all().first { $0.id == first.id }?.stage == .finalRound)
        let reads = shared.reads
        _ = try await pageView().applications.all()
        #expect(shared.reads == reads)
        // After a change only the changed rows are read again: one each time here.
        #expect(shared.applicationRowsRead == 4)
        try await other.store.preferences.setValue("Alex", for: SettingKey.displayName)
        _ = try await pageView().applications.all()
        #expect(shared.applicationRowsRead == 4, "a change elsewhere reads no application again")
        // A deleted application's id can be given again by SQLite; its revision can't.
        let last = try await add(server.store, "Initech")
        #expect(try await pageView().applications.all().contains { $0.id == last.id && $0.company == "Initech" })
        try await other.store.applications.delete(last.id)
        let again = try await add(other.store, "Umbrella")
        let seen = try await pageView().applications.all()
        #expect(again.id == last.id && seen.contains { $0.id == again.id && $0.company == "Umbrella" } && !seen.contains { $0.company == "Initech" })
        // An import (raw inserts) and edits through another process are seen the same way.
        var details = try await other.store.applications.find(first.id).details
        details.notes = "Spoke to the hiring manager."
        _ = try await other.store.applications.update(first.id, details: details)
        #expect(try await pageView().applications.all().first { $0.id == first.id }?.details.notes == "Spoke to the hiring manager.")
        await other.close()
        await server.close()
    }

    /// What one connection read serves page views on every connection, and a change to one table
    /// has only that table read again.
    @Test func aChangeToOneTableKeepsWhatWasReadOfTheOthers() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-versions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("data.sqlite").path
        let first = try await StoreConnection.open(.sqliteFile(path: path))
        let second = try await StoreConnection.open(.sqliteFile(path: path))
        let other = try await StoreConnection.open(.sqliteFile(path: path))
        let shared = SharedReads()
        func pageView(_ connection: StoreConnection) -> Store { Store(db: connection.store.db, clock: connection.store.clock, memo: ReadMemo(shared: shared)) }
        _ = try await other.store.applications.create(NewApplication(details: ApplicationDetails(company: "Acme", role: "Analyst"), stage: .applied))
        #expect(try await pageView(first).applications.all().map(\.company) == ["Acme"])
        #expect(try await pageView(first).contacts.all().isEmpty)
        #expect(shared.reads == 2)
        #expect(try await pageView(second).applications.all().map(\.company) == ["Acme"])
        #expect(try await pageView(second).contacts.all().isEmpty)
        #expect(shared.reads == 2, "another connection is served what the first one read")
        // A setting changes: the settings are read again, the applications and contacts are not.
        try await other.store.preferences.setValue("Sam", for: SettingKey.displayName)
        let view = pageView(second)
        #expect(try await view.preferences.value(SettingKey.displayName) == "Sam")
        #expect(try await view.applications.all().map(\.company) == ["Acme"])
        #expect(try await view.contacts.all().isEmpty)
        #expect(shared.reads == 3)
        // A contact is added: only the contacts are read again, and the new one is there.
        _ = try await other.store.contacts.create(ContactDetails(name: "Dana Lee"))
        #expect(try await pageView(first).contacts.all().map(\.name) == ["Dana Lee"])
        #expect(try await pageView(first).applications.all().map(\.company) == ["Acme"])
        #expect(shared.reads == 4)
        // Every table of the person's data has a version (a new table must be given one).
        let sql = first.store.db as! any SQLDatabase
        struct Name: Decodable { var name: String }
        let tables = try await sql.raw("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              AND name NOT IN ('_fluent_migrations', 'sessions', 'api_tokens', 'revision_counter', 'table_versions')
            """).all(decoding: Name.self).map(\.name)
        let versioned = try await sql.raw("SELECT name FROM table_versions").all(decoding: Name.self).map(\.name)
        #expect(Set(tables) == Set(versioned))
        await other.close()
        await second.close()
        await first.close()
    }

    /// A page view that writes (here: reading postings nobody has read yet) takes nothing more
    /// from what the server kept, so it never works from a list that its own write made stale.
    @Test func aPageViewThatWritesStopsUsingWhatWasKept() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-shared-w-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await StoreConnection.open(.sqliteFile(path: folder.appendingPathComponent("data.sqlite").path))
        // More than one batch of postings to read (500 at a time).
        let count = 501
        for i in 0..<count {
            var details = ApplicationDetails(company: "Firm \(i)", role: "Analyst")
            details.jobDescription = "SQL and Tableau every day."
            _ = try await server.store.applications.create(NewApplication(details: details, stage: .applied))
        }
        let shared = SharedReads()
        let sql = server.store.db as! any SQLDatabase
        func counter() async throws -> Int { try await sql.raw("SELECT value FROM revision_counter").first()!.decode(column: "value", as: Int.self) }
        let before = try await counter()
        // A page view sees the unread postings first (kept), then reads and saves them.
        let view = Workspace(db: server.store.db, clock: server.store.clock, readOnly: true, shared: shared)
        let demand = try await view.skills.demand()
        #expect(demand.first { $0.skill.name == "SQL" }?.postings == count)
        #expect(try await counter() - before == count, "each posting is read and saved once")
        let next = Workspace(db: server.store.db, clock: server.store.clock, readOnly: true, shared: shared)
        #expect(try await next.skills.demand().first { $0.skill.name == "SQL" }?.postings == count)
        #expect(try await counter() - before == count)
        await server.close()
    }

    @Test func explainsAPathThatCannotHoldADatabase() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        await #expect(throws: StoreError.pathIsFolder(folder.path)) { try await StoreConnection.open(.sqliteFile(path: folder.path)) }
        let notADatabase = folder.appendingPathComponent("notes.txt")
        try Data("just some text, not a database at all".utf8).write(to: notADatabase)
        do {
            _ = try await StoreConnection.open(.sqliteFile(path: notADatabase.path))
            Issue.record("expected an error")
        } catch let error as StoreError {
            #expect(error.errorDescription!.contains("not a NextYes database"))
        }
        #expect(try String(contentsOf: notADatabase, encoding: .utf8) == "just some text, not a database at all")
    }

    @Test func findsAnOpenDuplicateByIndexIgnoringCase() async throws {
        try await TestStore.with { connection in
            let repository = connection.store.applications
            let first = try await repository.create(NewApplication(details: ApplicationDetails(company: "Acme Corp", role: "Data Analyst"), stage: .applied))
            #expect(try await repository.openDuplicate(company: "ACME corp", role: "data analyst")?.id == first.id)
            #expect(try await repository.openDuplicate(company: "Acme Corp", role: "Analyst") == nil)
            _ = try await repository.close(first.id, as: .ghosted)
            #expect(try await repository.openDuplicate(company: "Acme Corp", role: "Data Analyst") == nil)
        }
    }

    @Test func resolvesWhereTheDataLives() throws {
        #expect(try DatabaseLocation.resolve(option: "/tmp/a.sqlite", environment: ["NEXTYES_DATABASE": "/tmp/b.sqlite", "DATABASE_URL": "postgres://x/y"]) == .sqliteFile(path: "/tmp/a.sqlite"))
        #expect(try DatabaseLocation.resolve(option: nil, environment: ["NEXTYES_DATABASE": "/tmp/b.sqlite", "DATABASE_URL": "postgres://x/y"]) == .sqliteFile(path: "/tmp/b.sqlite"))
        #expect(try DatabaseLocation.resolve(option: nil, environment: ["DATABASE_URL": "postgres://x/y"]) == .postgres(url: "postgres://x/y"))
        #expect(try DatabaseLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]) == .sqliteFile(path: "/data/nextyes/nextyes.sqlite"))
        #expect(try DatabaseLocation.resolve(option: nil, environment: ["HOME": "/home/u"]) == .sqliteFile(path: "/home/u/.local/share/nextyes/nextyes.sqlite"))
        #expect(try DatabaseLocation.resolve(option: "postgresql://u:secret@h/db", environment: [:]).isPostgres)
        #expect(throws: StoreError.emptyDatabasePath) { try DatabaseLocation.resolve(option: "  ", environment: ["NEXTYES_DATABASE": "/tmp/b.sqlite"]) }
        #expect(DatabaseLocation.postgres(url: "postgres://u:secret@h:5432/db").description.contains("secret") == false)
    }
}
