import Foundation
import NextYesCore
import NextYesFeatures
import NextYesStore
import Testing
import VaporTesting
@testable import NextYesWeb

@Suite("Sessions, headers, double submits and uploads")
struct HardeningPagesTests {
    func sessions(_ client: WebClient) async throws -> Int {
        try await Store(db: client.app.db).sessions.count()
    }

    @Test func onlySignedInPeopleHaveSessionsAndEachSignInGetsANewId() async throws {
        try await withWebApp { client in
            // Anonymous visits leave nothing behind: no cookie, no stored session.
            let anonymous = try await client.get("/")
            #expect(anonymous.headers.first(name: .setCookie) == nil)
            _ = try await client.get("/login")
            #expect(try await sessions(client) == 0)

            try await client.login()
            #expect(try await sessions(client) == 1)
            let first = try #require(client.cookie)

            // Signing in again with the same cookie (as with an id planted before sign-in)
            // issues a new id and drops the old one.
            let again = try await client.app.testing().sendRequest(.GET, "/?token=\(WebClient.token)", headers: ["Cookie": first])
            let second = try #require(again.headers.first(name: .setCookie)?.split(separator: ";").first.map(String.init))
            #expect(second != first)
            let withOld = try await client.app.testing().sendRequest(.GET, "/journal", headers: ["Cookie": first])
            #expect(withOld.body.string.contains("Open NextYes with your login link"), "the old id must no longer be signed in")
            #expect(try await sessions(client) == 1)

            // A made-up id is never stored.
            let planted = try await client.app.testing().sendRequest(.GET, "/", headers: ["Cookie": "nextyes_session=planted-by-someone-else"])
            #expect(planted.headers.first(name: .setCookie).map { $0.contains("planted") } != true)
            #expect(try await sessions(client) == 1)
        }
    }

    /// Sessions live in the database, but each is tied to the login link of the server that
    /// signed it in: a restart (a new link) ends them all.
    @Test func aRestartEndsEarlierSessions() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-restart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = DatabaseLocation.sqliteFile(path: folder.appendingPathComponent("nextyes.sqlite").path)
        func context(_ token: String) -> WebContext {
            WebContext(clock: .fixed(Day("2026-11-21")!), loginToken: token, location: location, dataDirectory: folder)
        }
        var cookie = ""
        try await withApp(configure: { try await configure($0, context: context("first-run-token")) }) { app in
            let login = try await app.testing().sendRequest(.GET, "/?token=first-run-token")
            cookie = try #require(login.headers.first(name: .setCookie)?.split(separator: ";").first.map(String.init))
            let journal = try await app.testing().sendRequest(.GET, "/journal", headers: ["Cookie": cookie])
            #expect(journal.status == .ok)
        }
        try await withApp(configure: { try await configure($0, context: context("second-run-token")) }) { app in
            let journal = try await app.testing().sendRequest(.GET, "/journal", headers: ["Cookie": cookie])
            #expect(journal.body.string.contains("Open NextYes with your login link"))
            let out = try await app.testing().sendRequest(.GET, "/login?bye=1")
            #expect(out.body.string.contains("You are logged out"))
        }
    }

    @Test func storedSessionsExpire() async throws {
        try await withWebApp { client in
            let store = Store(db: client.app.db)
            try await store.sessions.save(idHash: "old", data: "{}", expiresAt: Date(timeIntervalSinceNow: -60))
            try await store.sessions.save(idHash: "new", data: "{}", expiresAt: Date(timeIntervalSinceNow: 3600))
            #expect(try await store.sessions.read(idHash: "old") == nil)
            #expect(try await store.sessions.read(idHash: "new") == "{}")
            #expect(try await store.sessions.count() == 1)
        }
    }

    @Test func everyResponseCarriesHardeningHeaders() async throws {
        try await withWebApp { client in
            for path in ["/", "/login", "/static/app.css", "/no-such-page"] {
                let response = try await client.get(path)
                let csp = try #require(response.headers.first(name: "Content-Security-Policy"), "\(path)")
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "no-referrer")
            }
            try await client.login()
            let page = try await client.get("/report").text
            #expect(!page.contains("onclick="), "no inline script anywhere")
        }
    }

    @Test func aForeignHostIsRefused() async throws {
        try await withApp(configure: { app in
            var context = WebContext(clock: .fixed(Day("2026-11-21")!), loginToken: WebClient.token,
                                     location: .sqliteMemory(identifier: UUID().uuidString),
                                     dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString))
            context.allowedHosts = WebServer.allowedHosts(host: "127.0.0.1", port: 8123)
            try await configure(app, context: context)
        }) { app in
            let rebinding = try await app.testing().sendRequest(.GET, "/?token=\(WebClient.token)", headers: ["Host": "evil.example:8123"])
            #expect(rebinding.status == .misdirectedRequest)
            #expect(rebinding.headers.first(name: .setCookie) == nil)
            for host in ["127.0.0.1:8123", "localhost:8123"] {
                let own = try await app.testing().sendRequest(.GET, "/login", headers: ["Host": host])
                #expect(own.status != .misdirectedRequest && own.body.string.contains("Open NextYes with your login link"), "\(host)")
            }
        }
    }

    @Test func sendingTheSameFormTwiceCreatesOneApplication() async throws {
        try await withWebApp { client in
            try await client.login()
            let form = try await client.get("/applications/new").text
            let once = try #require(form.firstMatch(of: /name="_once" value="([0-9a-f]{64})"/)?.1)
            let fields = [("company", "Acme"), ("role", "Analyst"), ("_once", String(once))]
            let first = try await client.post("/applications", fields)
            let second = try await client.post("/applications", fields)
            #expect(first.status == .seeOther && second.status == .seeOther)
            #expect(first.location == second.location)
            #expect(try await Store(db: client.app.db).applications.count() == 1)
            // A fresh copy of the form is a new application, as it should be.
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst")])
            #expect(try await Store(db: client.app.db).applications.count() == 2)
        }
    }

    @Test func uploadsWaitInAPrivateFolderAndAreForgotten() async throws {
        try await withWebApp { client in
            try await client.login()
            let csv = "Company,Role,Status\nAcme,Analyst,Applied\n"
            let preview = try await client.upload("/import", file: csv, filename: "jobs.csv")
            let token = try #require(preview.text.firstMatch(of: /name="token" value="([0-9a-f]{64})"/)?.1)
            let folder = client.app.nextyes.dataDirectory.appendingPathComponent("imports")
            let file = folder.appendingPathComponent("\(token).csv")
            let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
            let fileMode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(folderMode == 0o700 && fileMode == 0o600)
            #expect(!folder.path.hasPrefix(FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-imports").path))
            _ = try await client.post("/import/cancel", [("token", String(token))])
            #expect(!FileManager.default.fileExists(atPath: file.path))

            let again = try await client.upload("/import", file: csv, filename: "jobs.csv")
            let second = try #require(again.text.firstMatch(of: /name="token" value="([0-9a-f]{64})"/)?.1)
            _ = try await client.post("/import/confirm", [("token", String(second))])
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(second).csv").path))
            #expect(try await Store(db: client.app.db).applications.count() == 1)
        }
    }

    /// A backup downloaded from one NextYes comes back whole into an empty one, from the Import
    /// page; a NextYes that already holds a search is left as it is; a file that isn't a backup
    /// says so.
    @Test func aBackupIsRestoredOnTheWebIntoAnEmptyNextYesOnly() async throws {
        var backup = ""
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/demo", [])
            let download = try await client.get("/export/nextyes-export.json")
            #expect(download.status == .ok)
            backup = download.text
            try await client.get("/import")
            let refused = try await client.upload("/import/backup", file: backup, filename: "nextyes-2026-11-21.json", field: "backup")
            #expect(refused.status == .conflict && refused.text.contains("already holds 25 applications. Nothing was changed."))
            #expect(try await Store(db: client.app.db).applications.count() == 25)
        }
        try #require(backup.contains("\"format\" : \"nextyes-backup\"") || backup.contains("\"format\":\"nextyes-backup\""))
        try await withWebApp { client in
            try await client.login()
            try await client.get("/import")
            let wrong = try await client.upload("/import/backup", file: "Company,Role\nAcme,Analyst\n", filename: "jobs.csv", field: "backup")
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("isn&#39;t a NextYes backup"))
            let restored = try await client.upload("/import/backup", file: backup, filename: "nextyes-2026-11-21.json", field: "backup")
            #expect(restored.location == "/applications")
            #expect(try await client.get("/applications").text.contains("Your backup is back: 25 applications"))
            #expect(try await Store(db: client.app.db).applications.count() == 25)
            // The same bytes come back out.
            #expect(try await client.get("/export/nextyes-export.json").text == backup)
        }
    }
}
