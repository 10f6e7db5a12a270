import Foundation
import NextYesCore
import Testing
import VaporTesting
@testable import NextYesWeb

/// Pages write days in the order the browser's own date fields use, so they agree.
@Suite("Days in the browser's order")
struct DayStylePagesTests {
    @Test func aPageFollowsTheBrowsersLanguage() async throws {
        try await withWebApp(today: Day("2026-11-21")!) { client in
            try await client.login()
            _ = try await client.post("/demo", [])
            let american = try await client.get("/applications", acceptLanguage: "en-US,en;q=0.9").text
            let british = try await client.get("/applications", acceptLanguage: "en-GB,en;q=0.8").text
            let swedish = try await client.get("/applications", acceptLanguage: "sv-SE").text
            #expect(american.range(of: #"Last news (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, 2026"#, options: .regularExpression) != nil)
            #expect(british.range(of: #"Last news \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 2026"#, options: .regularExpression) != nil)
            #expect(swedish.range(of: #"Last news 2026-\d\d-\d\d"#, options: .regularExpression) != nil)
            // A request with no language reads as before.
            let plain = try await client.get("/applications").text
            #expect(plain.range(of: #"Last news \d{1,2} [A-Z][a-z]{2} 2026"#, options: .regularExpression) != nil)
        }
    }
}
