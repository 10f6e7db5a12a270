import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights
import Testing
@testable import NextYesStore

@Suite("Encouragement from the person's own record (SQLite, or PostgreSQL with DATABASE_URL)")
struct WordsThatFitStoreTests {
    @Test func theSampleWinsListNeverRepeatsItsEncouragement() async throws {
        try await TestStore.with(clock: .fixed(Day("2026-11-26")!)) { connection in
            let store = connection.store
            try await DemoSearch.load(into: store)
            let workspace = Workspace(store: store)
            let wins = try await workspace.wins.all()
            let stepped = wins.filter { $0.kind == .stoodOut }
            #expect(stepped.count >= 20)
            let words = stepped.compactMap(\.detail)
            #expect(words.count == stepped.count)
            #expect(Set(words).count == words.count, "repeated: \(words.sorted())")
            #expect(!words.contains { $0.contains("stood out among many") })
            // No phrasing is used twice in the list, whatever the names in it.
            let phrases = WinWords.phrases(try await store.wins.all(), applications: try await store.applications.all())
            let templates = phrases.values.map(\.template)
            #expect(Set(templates).count == templates.count, "\(templates.sorted())")
            // One application's wins read the same on its own page as in the list.
            let one = try #require(stepped.first?.applicationID)
            let own = try await workspace.wins.wins(for: one)
            #expect(own.compactMap(\.detail).allSatisfy(words.contains))

            // The count says what it counts: applications that moved past "applied".
            let all = try await store.applications.all()
            let moved = all.filter { $0.furthestStage > .applied }.count
            let lines = try await workspace.wellbeing.affirmations(limit: 3)
            #expect(lines.contains("\(moved) of your \(all.count) applications moved past \"applied\": each one a company that chose to hear more from you."), "\(lines)")
            #expect(!lines.contains { $0.contains("times, a company") })
        }
    }

    @Test func aLinkedInApplicationKeepsItsSource() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let details = ApplicationDetails(company: "Acme", role: "Analyst", source: .linkedIn)
            let created = try await store.applications.create(NewApplication(details: details, stage: .applied))
            #expect(try await store.applications.find(created.id).details.source == .linkedIn)
            var changed = created.details
            changed.source = .jobBoard
            _ = try await store.applications.update(created.id, details: changed)
            #expect(try await store.applications.find(created.id).details.source == .jobBoard)
        }
    }
}
