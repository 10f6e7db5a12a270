import NextYesCore
import NextYesFeatures
import NextYesStore
import Testing
import VaporTesting
@testable import NextYesWeb

/// Words of crisis meet support first, everywhere a person writes on the web; everyday idioms do
/// not; and what was written is saved exactly as written.
@Suite("Care on every page a person writes on")
struct CarePagesTests {
    static let crisis = "Another no today. Honestly everyone would be better off without me."
    static let idiom = "This job hunt is killing me, I could die of embarrassment after that panel."
    static let helpline = "Samaritans 116 123 (my own)"

    /// A form a person writes in, as the page posts it, and where the text lands.
    struct Place: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var fields: @Sendable (String) -> [(String, String)]
        var saved: @Sendable (Store) async throws -> [String]
        var testDescription: String { name }
    }

    static let places: [Place] = [
        Place(name: "journal entry", path: "/journal", fields: { [("text", $0), ("mood", "2")] },
              saved: { try await $0.journal.entries().compactMap(\.text) }),
        Place(name: "one-tap check-in with a note", path: "/check-in", fields: { [("mood", "1"), ("text", $0)] },
              saved: { try await $0.journal.entries().compactMap(\.text) }),
        Place(name: "reframe", path: "/journal/1/reframe", fields: { [("reframe", $0)] },
              saved: { try await $0.journal.entries().compactMap(\.ownReframe) }),
        Place(name: "reflection", path: "/applications/1/reflection", fields: { [("lessConfident", $0), ("understoodRole", "Mostly")] },
              saved: { try await $0.reflections.all().compactMap(\.lessConfident) }),
        Place(name: "rejection flow, reason and feeling", path: "/applications/1/reject/category",
              fields: { [("on", "2026-11-20"), ("stageReached", "applied"), ("reason", "Internal hire"), ("feelings", "gutted"),
                         ("note", $0), ("category", "internal-candidate"), ("controllable", "")] },
              saved: { try await $0.journal.entries().compactMap(\.text) }),
        Place(name: "rejection flow, the reason itself", path: "/applications/1/reject/details",
              fields: { [("on", "2026-11-20"), ("stageReached", "applied"), ("reason", $0), ("feelings", "numb")] },
              saved: { _ in [] }),
        Place(name: "feedback notes", path: "/applications/1/feedback", fields: { [("text", $0), ("on", "2026-11-20")] },
              saved: { try await $0.feedback.allFeedback().map(\.text) }),
        Place(name: "contact notes", path: "/contacts", fields: { [("name", "Sam Lee"), ("notes", $0)] },
              saved: { try await $0.contacts.all().compactMap(\.details.notes) }),
        Place(name: "conversation note", path: "/contacts/1/log", fields: { [("kind", "coffee-chat"), ("on", "2026-11-20"), ("note", $0)] },
              saved: { try await $0.interactions.all().compactMap(\.note) }),
    ]

    /// An application, a journal entry and a contact to write against.
    static func prepare(_ client: WebClient) async throws {
        try await client.login()
        _ = try await client.post("/support", [("helpline", helpline), ("watch", "on")])
        _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst"), ("appliedOn", "2026-11-01")])
        _ = try await client.post("/journal", [("text", "Applied to two roles."), ("mood", "6")])
        _ = try await client.post("/contacts", [("name", "Ana Ruiz")])
        if try await client.get("/").text.contains("support-now") { Issue.record("The setup itself showed a support card") }
    }

    /// The page a person sees next: the redirect's target, or the page sent back.
    static func nextPage(_ client: WebClient, after response: TestingHTTPResponse) async throws -> String {
        if let location = response.location { return try await client.get(location).text }
        return response.text
    }

    @Test(arguments: places)
    func crisisWordsMeetSupportFirstAndAreSavedAsWritten(_ place: Place) async throws {
        try await withWebApp { client in
            try await Self.prepare(client)
            let response = try await client.post(place.path, place.fields(Self.crisis))
            let page = try await Self.nextPage(client, after: response)
            let card = try #require(page.range(of: "id=\"support-now\""), "\(place.name): no support card")
            #expect(page.contains("Samaritans 116 123 (my own)"), "\(place.name): the person's own helpline is missing")
            #expect(page.contains("If you are in immediate danger"))
            if let main = page.range(of: "<main") { #expect(card.lowerBound > main.lowerBound, "The card comes first in the page") }
            if let flash = page.range(of: "class=\"flash\"") { #expect(card.lowerBound < flash.lowerBound, "\(place.name): the card comes before any message") }
            #expect(!page.contains("Another way to see it"), "\(place.name): no thinking-trap analysis for words of crisis")
            let store = Store(db: client.app.db)
            let saved = try await place.saved(store)
            if !saved.isEmpty { #expect(saved.contains(Self.crisis), "\(place.name): not saved as written: \(saved)") }
            // Once is enough: the next page is the person's own again, with the watch saying so.
            let later = try await client.get("/").text
            #expect(!later.contains("id=\"support-now\""))
            #expect(later.contains("Please reach out to someone now"))
        }
    }

    @Test(arguments: places)
    func everydayIdiomsAreNotACrisis(_ place: Place) async throws {
        try await withWebApp { client in
            try await Self.prepare(client)
            let response = try await client.post(place.path, place.fields(Self.idiom))
            let page = try await Self.nextPage(client, after: response)
            #expect(!page.contains("id=\"support-now\""), "\(place.name): an idiom showed the support card")
            #expect(!(try await client.get("/").text.contains("Please reach out to someone now")))
        }
    }

    @Test func targetsAndNudgesPauseUntilThePersonResumes() async throws {
        try await withWebApp { client in
            try await Self.prepare(client)
            _ = try await client.post("/progress", [("applications", "5"), ("conversations", "2"), ("skillHours", "3")])
            #expect(try await client.get("/").text.contains("This week"))
            _ = try await client.post("/journal", [("text", "I have a plan. I bought a rope."), ("mood", "1")])
            _ = try await client.post("/applications/1/interviews", [("on", "2026-11-23"), ("time", "10:00"), ("type", "video")])
            let dashboard = try await client.get("/").text
            #expect(dashboard.contains("Please reach out to someone now"))
            #expect(!dashboard.contains("of 5 applications"))
            // A real interview stays in view while nudges pause.
            #expect(dashboard.contains("Interview: Analyst at Acme at 10:00") && !dashboard.contains("Nothing due this week"))
            let progress = try await client.get("/progress").text
            #expect(progress.contains("Your targets are paused for now"))
            let support = try await client.get("/support").text
            #expect(support.contains("id=\"support-now\"") && support.contains("Resume my targets now"))
            let entry = try await client.get("/journal/2").text
            #expect(!entry.contains("Another way to see it"))
            _ = try await client.post("/support/resume", [])
            #expect(!(try await client.get("/progress").text.contains("Your targets are paused")))
            #expect(!(try await client.get("/").text.contains("Please reach out to someone now")))
        }
    }

    /// Words of crisis written in step 2 of the rejection flow are kept even if step 3 is never sent,
    /// and sending step 3 doesn't write them twice.
    @Test func theRejectionFlowKeepsCrisisWordsAtOnce() async throws {
        try await withWebApp { client in
            try await Self.prepare(client)
            let fields = [("on", "2026-11-20"), ("stageReached", "applied"), ("reason", "Internal hire"), ("feelings", "numb"), ("note", Self.crisis)]
            let sent = try await client.post("/applications/1/reject/details", fields)
            #expect(sent.location == "/applications/1/reject/category")
            let store = Store(db: client.app.db)
            #expect(try await store.journal.entries().compactMap(\.text).filter { $0 == Self.crisis }.count == 1)
            _ = try await client.get("/applications/1/reject/category")
            _ = try await client.post("/applications/1/reject/category", fields.filter { $0.0 != "note" } + [("category", "internal-candidate"), ("controllable", "")])
            #expect(try await store.applications.find(1).outcome == .rejected)
            #expect(try await store.journal.entries().filter { $0.applicationID == 1 }.count == 1)
        }
    }

    @Test func crisisLinesFollowTheCountryChosen() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/support", [("country", "DE"), ("watch", "on")])
            _ = try await client.post("/journal", [("text", "Ich will nicht mehr leben."), ("mood", "1")])
            let page = try await client.get("/journal").text
            #expect(page.contains("TelefonSeelsorge") && page.contains("0800 111 0 111"))
            let wrong = try await client.post("/support", [("country", "XX"), ("watch", "on")])
            #expect(wrong.status == .badRequest && wrong.text.contains("no crisis lines listed"))
        }
    }
}
