import Testing
import VaporTesting
@testable import NextYesWeb

@Suite("Application pages")
struct ApplicationPagesTests {
    @Test func theEmptyDashboardOffersAFirstStepAndSampleData() async throws {
        try await withWebApp { client in
            try await client.login()
            let page = try await client.get("/")
            #expect(page.text.contains("Add your first application"))
            #expect(page.text.contains("Load sample data"))
            let loaded = try await client.post("/demo", [])
            #expect(loaded.status == .seeOther)
            let dashboard = try await client.get("/")
            #expect(dashboard.text.contains("Loaded a sample search of 25 applications"))
            #expect(dashboard.text.contains("applications in progress"))
            _ = try await client.post("/demo", [])
            #expect(try await client.get("/").text.contains("already holds applications"))
        }
    }

    @Test func addingShowsEveryProblemInlineAndKeepsWhatWasTyped() async throws {
        try await withWebApp { client in
            try await client.login()
            let response = try await client.post("/applications", [
                ("company", ""), ("role", "Analyst <b>bold</b>"), ("url", "javascript:alert(1)"),
                ("appliedOn", "2027-05-01"), ("excitement", "7"), ("stage", "applied"),
            ])
            #expect(response.status == .badRequest)
            let html = response.text
            #expect(html.contains("Add the company&#39;s name."))
            #expect(html.contains("Links start with http:// or https://"))
            #expect(html.contains("is in the future"))
            #expect(html.contains("value=\"Analyst &lt;b&gt;bold&lt;/b&gt;\""))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(!html.contains("<b>bold</b>"))
            #expect(try await client.get("/applications").text.contains("No applications yet"))
        }
    }

    @Test func hostileTextIsShownAsTextEverywhere() async throws {
        try await withWebApp { client in
            try await client.login()
            let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
            let created = try await client.post("/applications", [
                ("company", hostile), ("role", "Role ' \" & <i>"), ("notes", "</textarea><script>alert(3)</script>"),
                ("jobDescription", "&lt;already escaped&gt; & <b>raw</b>"), ("appliedOn", "2026-11-01"),
            ])
            #expect(created.status == .seeOther)
            let detailPath = try #require(created.location)
            for path in ["/", "/applications", detailPath, detailPath + "/edit"] {
                let html = try await client.get(path).text
                #expect(!html.contains("<script>alert"), "\(path)")
                #expect(!html.contains("<img src=x"), "\(path)")
                #expect(!html.contains("<i>"), "\(path)")
            }
            let detail = try await client.get(detailPath).text
            #expect(detail.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(detail.contains("&amp;lt;already escaped&amp;gt;"))
        }
    }

    @Test func movingAndClosingFromTheDetailPage() async throws {
        try await withWebApp { client in
            try await client.login()
            let created = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst"), ("appliedOn", "2026-11-01")])
            let path = try #require(created.location)
            #expect(path == "/applications/1")
            let moved = try await client.post("/applications/1/move", [("stage", "interview"), ("on", "2026-11-10")])
            #expect(moved.status == .seeOther)
            let detail = try await client.get(path).text
            #expect(detail.contains("Your application stood out"))
            #expect(detail.contains("Moved from applied to interview"))
            let early = try await client.post("/applications/1/move", [("stage", "offer"), ("on", "2026-10-01")])
            #expect(early.status == .badRequest && early.text.contains("before the day you applied"))
            _ = try await client.post("/applications/1/ghosted", [])
            let closed = try await client.post("/applications/1/move", [("stage", "offer")])
            #expect(closed.status == .badRequest && closed.text.contains("reopen it first"))
            _ = try await client.post("/applications/1/reopen", [])
            #expect(try await client.get(path).text.contains("Reopened at interview"))
            let board = try await client.get("/applications").text
            #expect(board.contains("Board: in progress") && board.contains("Acme"))
            let ghosted = try await client.get("/applications?outcome=ghosted").text
            #expect(ghosted.contains("No applications are no reply right now") || !ghosted.contains("<td><a href=\"/applications/1\">"))
            #expect(try await client.get("/applications/2").status == .notFound)
            #expect(try await client.get("/applications/abc").status == .notFound)
        }
    }

    @Test func editingAndDeleting() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst")])
            let bad = try await client.post("/applications/1", [("company", "Acme"), ("role", ""), ("excitement", "3")])
            #expect(bad.status == .badRequest && bad.text.contains("Add the role"))
            let good = try await client.post("/applications/1", [("company", "Acme Labs"), ("role", "Lead Analyst"), ("location", "Leeds")])
            #expect(good.status == .seeOther)
            #expect(try await client.get("/applications/1").text.contains("Leeds"))
            let unconfirmed = try await client.post("/applications/1/delete", [])
            #expect(unconfirmed.status == .badRequest)
            let deleted = try await client.post("/applications/1/delete", [("confirm", "yes")])
            #expect(deleted.location == "/applications")
            #expect(try await client.get("/applications/1").status == .notFound)
        }
    }

    @Test func settingsAreValidated() async throws {
        try await withWebApp { client in
            try await client.login()
            let bad = try await client.post("/settings", [("processingWindowDays", "40"), ("ghostedAfterDays", "x")])
            #expect(bad.status == .badRequest && bad.text.contains("0 and 14") && bad.text.contains("1 to 365"))
            let good = try await client.post("/settings", [("processingWindowDays", "3"), ("ghostedAfterDays", "14")])
            #expect(good.status == .seeOther)
            #expect(try await client.get("/settings").text.contains("value=\"14\""))
        }
    }
}

@Suite("Long lists")
struct LongListTests {
    @Test func theTablePagesFiftyAtATimeWithSearchAndOrder() async throws {
        try await withWebApp { client in
            try await client.login()
            for i in 0..<53 {
                let added = try await client.post("/applications", [("company", "Firm \(i)"), ("role", i == 7 ? "Rare Role" : "Analyst"), ("appliedOn", "2026-11-01")])
                #expect(added.status == .seeOther)
            }
            let first = try await client.get("/applications").text
            #expect(first.contains("Showing 1–50 of 53") && first.contains("rel=\"next\""))
            let second = try await client.get("/applications?page=2").text
            #expect(second.contains("Showing 51–53 of 53") && second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""))
            // A page past the end (an old link) shows the last page.
            #expect(try await client.get("/applications?page=999").text.contains("Showing 51–53 of 53"))
            let found = try await client.get("/applications?q=rare").text
            #expect(found.contains("Firm 7") && !found.contains("Firm 8<") && !found.contains("Showing"))
            // The outcome tabs count what the search matches; without one, everything.
            #expect(found.contains("All (1)") && found.contains("In progress (1)") && !found.contains("All (53)"))
            #expect(first.contains("All (53)") && first.contains("In progress (53)"))
            let none = try await client.get("/applications?q=nothing-like-this").text
            #expect(none.contains("No applications match") && none.contains("All (0)") && !none.contains("No applications yet"))
            let ordered = try await client.get("/applications?sort=company").text
            #expect(ordered.range(of: "Firm 0")!.lowerBound < ordered.range(of: "Firm 1<")!.lowerBound)
            // The board shows the latest few per stage and says how many more there are.
            #expect(first.contains("and 41 more, in the table below"))
        }
    }

    @Test func contactsAndWinsSearch() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/contacts", [("name", "Dana Reyes"), ("company", "Acme")])
            _ = try await client.post("/contacts", [("name", "Sam Lee"), ("company", "Globex")])
            let found = try await client.get("/contacts?q=globex").text
            #expect(found.contains("Sam Lee") && !found.contains("Dana Reyes"))
            #expect(try await client.get("/contacts?q=zzz").text.contains("Nothing matches"))
            _ = try await client.post("/wins", [("title", "Finished my portfolio"), ("on", "2026-11-20")])
            #expect(try await client.get("/wins?q=portfolio").text.contains("Finished my portfolio"))
        }
    }
}
