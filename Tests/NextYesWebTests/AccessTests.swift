import Testing
import VaporTesting
@testable import NextYesWeb

@Suite("Access: login token, session, CSRF")
struct AccessTests {
    @Test func everyPageNeedsTheLoginLink() async throws {
        try await withWebApp { client in
            for path in ["/", "/applications", "/applications/new", "/applications/1", "/settings"] {
                let response = try await client.get(path)
                #expect(response.status == .unauthorized, "\(path)")
                #expect(response.text.contains("nextyes serve"))
            }
            let css = try await client.get("/static/app.css")
            #expect(css.status == .ok && css.headers.contentType?.subType == "css")
        }
    }

    @Test func theTokenOpensASessionAndLeavesTheAddressBar() async throws {
        try await withWebApp { client in
            let wrong = try await client.get("/?token=not-the-token")
            #expect(wrong.status == .unauthorized && wrong.text.contains("didn&#39;t work"))
            let right = try await client.get("/applications?token=\(WebClient.token)")
            #expect(right.status == .seeOther)
            #expect(right.location == "/applications")
            #expect(right.headers.first(name: .setCookie)?.contains("HttpOnly") == true)
            let page = try await client.get("/applications")
            #expect(page.status == .ok)
            #expect(page.text.contains("No applications yet"))
        }
    }

    @Test func formsWithoutTheirTokenAreRefusedAndSaveNothing() async throws {
        try await withWebApp { client in
            try await client.login()
            let forged = try await client.post("/applications", [("company", "Evil"), ("role", "Forged")], withCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("Nothing was saved"))
            let wrong = try await client.post("/applications", [("company", "Evil"), ("role", "Forged"), ("_csrf", "0000")], withCSRF: false)
            #expect(wrong.status == .forbidden)
            let list = try await client.get("/applications")
            #expect(!list.text.contains("Forged"))
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await withWebApp { client in
            try await client.login()
            let out = try await client.post("/logout", [])
            // Post-redirect-get: Back never offers to send the log-out again.
            #expect(out.status == .seeOther)
            #expect(try await client.get(try #require(out.location)).text.contains("You are logged out"))
            #expect(try await client.get("/").status == .unauthorized)
        }
    }
}
