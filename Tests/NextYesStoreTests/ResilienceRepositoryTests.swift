import Foundation
import NextYesCore
import NextYesFeatures
import Testing
@testable import NextYesStore

@Suite("Journal and wins store (SQLite, or PostgreSQL with DATABASE_URL)")
struct ResilienceRepositoryTests {
    @Test func keepsJournalEntriesAndReframes() async throws {
        try await TestStore.with { connection in
            let journal = connection.store.journal
            let first = try await journal.add(NewJournalEntry(writtenOn: Day("2026-03-10")!, text: "I'll never get hired.", mood: 3, emotions: ["tired"]))
            _ = try await journal.add(NewJournalEntry(writtenOn: Day("2026-03-12")!, kind: .checkIn, mood: 6))
            #expect(try await journal.entries().map(\.writtenOn) == [Day("2026-03-12")!, Day("2026-03-10")!])
            #expect(try await journal.moods().map(\.mood) == [3, 6])
            let reframed = try await journal.saveReframe(first.id, "  This one didn't work out; I'm learning.  ")
            #expect(reframed.ownReframe == "This one didn't work out; I'm learning.")
            #expect(try await journal.find(first.id).emotions == ["tired"])
            await #expect(throws: JournalError.reframeTooLong(Limits.notes + 1)) {
                try await journal.saveReframe(first.id, String(repeating: "x", count: Limits.notes + 1))
            }
            #expect(try await journal.find(first.id).ownReframe == "This one didn't work out; I'm learning.")
        }
    }

    @Test func recordsWinsFromEventsOnceEach() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let a = try await store.applications.create(NewApplication(details: details(), stage: .applied))
            _ = try await store.applications.move(a.id, to: .screening, on: Day("2026-03-05"))
            _ = try await store.applications.move(a.id, to: .applied, on: Day("2026-03-06"))
            _ = try await store.applications.move(a.id, to: .screening, on: Day("2026-03-07"))
            _ = try await store.applications.move(a.id, to: .interview, on: Day("2026-03-08"))
            #expect(try await store.wins.wins(for: a.id).map(\.title) == ["Acme moved you to screening", "Acme moved you to interview"])
            _ = try await EmployerFeedback(store: store).record(applicationID: a.id, text: "Your SQL was excellent.")
            _ = try await EmployerFeedback(store: store).record(applicationID: a.id, text: "We decided not to proceed.")
            let kinds = try await store.wins.all().map(\.kind)
            #expect(kinds.filter { $0 == .strengthFeedback }.count == 1)
            try await store.wins.add(try NewWin.manual(title: "Finished my portfolio", on: "", today: TestStore.day))
            #expect(try await store.wins.all().first?.title == "Finished my portfolio")
            let offer = try await store.applications.create(NewApplication(details: details("Globex"), stage: .finalRound))
            _ = try await store.applications.close(offer.id, as: .offerAccepted)
            #expect(try await store.wins.wins(for: offer.id).map(\.kind) == [.stoodOut, .offer])
        }
    }
}
