import Foundation
import NextYesCore
import Testing
@testable import NextYesStore

@Suite("Importing files (SQLite, or PostgreSQL with DATABASE_URL)", .serialized)
struct ImportTests {
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/import/\(name)")
    }

    @Test func importsAHuntrExportOnceAndKeepsItsStages() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let importer = Importer(store: store)
            let options = ImportOptions(timeZone: TimeZone(identifier: "UTC")!)
            let (preview, result) = try await importer.run(Self.fixture("huntr-jobs.csv"), options: options)
            #expect(preview.format == .huntr && result.imported == 10 && preview.problemCount == 0)
            let all = try await store.applications.all()
            let stripe = try #require(all.first { $0.company == "Stripe" })
            #expect(stripe.stage == .interview && stripe.outcome == .open && stripe.details.source == .companySite)
            let linear = try #require(all.first { $0.company == "Linear" })
            #expect(linear.details.jobDescription?.contains("• You care about performance, accessibility, and craft") == true)
            #expect(linear.details.jobDescription?.contains("<p>") == false && linear.details.salary == "$170,000 - $210,000")
            #expect(all.filter { $0.outcome == .rejected }.count == 2)
            let monzo = try #require(all.first { $0.company == "Monzo" })
            let rejection = try #require(try await store.applications.rejection(for: monzo.id))
            #expect(!rejection.isProcessing(today: store.clock.today))
            #expect(try await store.applications.events(for: monzo.id).map(\.kind) == [.added, .rejected])
            // The same file again adds nothing.
            let again = try await importer.preview(Self.fixture("huntr-jobs.csv"), options: options)
            #expect(again.ready == 0 && again.alreadyHere == 10)
            await #expect(throws: ImportError.nothingToImport) { _ = try await importer.run(Self.fixture("huntr-jobs.csv"), options: options) }
            // Later applications get fresh ids.
            let next = try await store.applications.create(NewApplication(details: details("After"), stage: .applied))
            #expect(next.id == 11)
        }
    }

    @Test func asksAboutTealArchivesAndSpreadsheetWords() async throws {
        try await TestStore.with { connection in
            let importer = Importer(store: connection.store)
            var options = ImportOptions(timeZone: TimeZone(identifier: "America/New_York")!)
            let teal = try await importer.preview(Self.fixture("teal-export.csv"), options: options)
            #expect(teal.format == .teal && teal.undecided["archived"] != nil)
            await #expect(throws: ImportError.needsDecisions) { _ = try await importer.run(Self.fixture("teal-export.csv"), options: options) }
            #expect(try await connection.store.applications.count() == 0)
            options.mappings["archived"] = StageChoice(mapping: "withdrawn")
            let (_, result) = try await importer.run(Self.fixture("teal-export.csv"), options: options)
            #expect(result.imported == 10)
            let spotify = try #require(try await connection.store.applications.all().first { $0.company == "Spotify" })
            // 2024-02-21T03:30:00Z is still the 20th in New York.
            #expect(spotify.details.appliedOn == Day("2024-02-20")!)
        }
    }

    @Test func writesNothingWhenARowIsBadUnlessAskedToSkipIt() async throws {
        try await TestStore.with { connection in
            let importer = Importer(store: connection.store)
            var options = ImportOptions(mappings: ["pondering": StageChoice(stage: .saved, outcome: .open)])
            let preview = try await importer.preview(Self.fixture("broken.csv"), options: options)
            #expect(preview.problems.map(\.line) == [3, 7, 9, 11])
            await #expect(throws: ImportError.hasProblems(4)) { _ = try await importer.run(Self.fixture("broken.csv"), options: options) }
            #expect(try await connection.store.applications.count() == 0)
            options.skipBadRows = true
            let (_, result) = try await importer.run(Self.fixture("broken.csv"), options: options)
            #expect(result.imported == 4 && result.skippedProblems == 4)
            let generic = try await importer.preview(Self.fixture("generic.csv"), options: ImportOptions())
            #expect(generic.dateOrder == .dayFirst && generic.ready == 12 && generic.problemCount == 0)
        }
    }

    @Test func importedRowsReadBackLikeAnyOtherAndSurviveABackup() async throws {
        try await BackupTests.roundTrip { store in
            _ = try await Importer(store: store).run(Self.fixture("generic.csv"), options: ImportOptions())
            let all = try await store.applications.all()
            #expect(all.count == 12)
            // Every imported row reads back through the normal repository code.
            for application in all { _ = try await store.applications.events(for: application.id) }
            #expect(try await store.applications.rejections().count == 1)
        }
    }
}
