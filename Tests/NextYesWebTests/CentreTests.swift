import FluentPostgresDriver
import Foundation
import MCP
import NextYesMCP
import NIOPosix
import NextYesCore
import NextYesFeatures
import NextYesInsights
import NextYesStore
import Testing
import VaporTesting
@testable import NextYesWeb

/// Where a centre under test keeps its data: a real PostgreSQL server (DATABASE_URL, started by
/// scripts/test), or an SQLite file (`--accounts`) when no server is given.
enum CentreBackend: String, Sendable, CustomTestStringConvertible {
    case postgres, sqlite
    var testDescription: String { rawValue }
}

/// A career centre with a fresh database per test (a new PostgreSQL database, or a new SQLite
/// file in a folder of its own), migrated with the centre's own command path, with four accounts.
struct CentreSetup {
    let location: DatabaseLocation
    let connection: WorkspaceConnection
    let centre: Centre
    let ana: Account, ben: Account, cy: Account, dee: Account
    static let password = "correct horse battery"

    /// Ana's own words, which must never show up anywhere but in what Ana sees (and, for the
    /// applications, what she shares).
    static let company = "Quorvexa Analytics"
    static let journalWords = "Vellumfog nights again"

    static var serverURL: String? { ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The centre's database the tests run on: PostgreSQL when scripts/test started a server
    /// (the PostgreSQL step), else an SQLite file (every other run).
    static var backends: [CentreBackend] { serverURL != nil ? [.postgres] : [.sqlite] }

    static func with(_ backend: CentreBackend, _ body: (CentreSetup, Vapor.Application) async throws -> Void) async throws {
        let location: DatabaseLocation
        let drop: () async -> Void
        switch backend {
        case .postgres:
            let server = try #require(serverURL)
            let name = "nextyes_centre_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
            try await admin(server) { try await $0.raw("CREATE DATABASE \(unsafeRaw: String(name))").run() }
            var components = URLComponents(string: server)!
            components.path = "/\(name)"
            location = .postgres(url: components.string!)
            // Dropped only after every connection to it is closed (a connection cut by a forced drop
            // while its pool is still open trips an assertion in the driver's debug build).
            drop = { try? await admin(server) { try await $0.raw("DROP DATABASE \(unsafeRaw: String(name)) WITH (FORCE)").run() } }
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-centre-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            location = .sqliteFile(path: folder.appendingPathComponent("centre.sqlite").path)
            drop = { try? FileManager.default.removeItem(at: folder) }
        }
        let connection = try await WorkspaceConnection.open(location, clock: .fixed(Day("2026-11-20")!), migrate: false)
        do {
            _ = try await connection.migrateCentre()
            let centre = try #require(try await connection.centre())
            let ana = try await centre.addAccount(email: "Ana@Uni.example", name: "Ana Diaz", role: .seeker, password: password).account
            let ben = try await centre.addAccount(email: "ben@uni.example", name: "Ben Ode", role: .seeker, password: password).account
            let cy = try await centre.addAccount(email: "cy@uni.example", name: "Cy Marsh", role: .coach, password: password).account
            let dee = try await centre.addAccount(email: "dee@uni.example", name: "Dee Admin", role: .admin, password: password).account
            let setup = CentreSetup(location: location, connection: connection, centre: centre, ana: ana, ben: ben, cy: cy, dee: dee)
            try await withApp(configure: { app in
                try await configure(app, context: WebContext(
                    clock: .fixed(Day("2026-11-21")!), loginToken: "unused-on-a-centre", location: location,
                    dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-centre-\(UUID().uuidString)")))
            }) { app in
                #expect(app.nextyes.isCentre)
                try await body(setup, app)
            }
        } catch {
            await connection.close()
            await drop()
            throw error
        }
        await connection.close()
        await drop()
    }

    static func admin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try .postgres(url: url, sqlLogLevel: .trace), as: .init(string: "admin"))
        do {
            let db = databases.database(.init(string: "admin"), logger: .init(label: "test.admin"), on: MultiThreadedEventLoopGroup.singleton.any())!
            try await body(db as! any SQLDatabase)
        } catch {
            await databases.shutdownAsync()
            throw error
        }
        await databases.shutdownAsync()
    }

    /// Fills Ana's NextYes: the sample search, plus words of her own in an application and her journal.
    func fillAna() async throws {
        try await connection.run(account: ana.email) { workspace in
            _ = try await workspace.sample.load(force: true)
            _ = try await workspace.applications.add(ApplicationForm(company: Self.company, role: "Insight Analyst", notes: "Met Pomeranz at the fair"))
            _ = try await workspace.journal.add(NewJournalEntry(writtenOn: workspace.today, text: Self.journalWords, mood: 4))
        }
    }
}

extension WebClient {
    @discardableResult
    func signIn(_ email: String, _ password: String = CentreSetup.password) async throws -> TestingHTTPResponse {
        try await get("/login")
        return try await post("/login", [("email", email), ("password", password)])
    }

    /// Every address reachable from `start` by following the pages' own links (same site, GET).
    func crawl(from start: [String], limit: Int = 400) async throws -> [String: String] {
        var queue = start, seen = Set(start), pages: [String: String] = [:]
        while let path = queue.first, pages.count < limit {
            queue.removeFirst()
            let response = try await get(path)
            guard response.status == .ok else { continue }
            pages[path] = response.text
            let text = response.text
            var search = text.startIndex..<text.endIndex
            while let range = text.range(of: ##"href="(/[^"#]*)""##, options: .regularExpression, range: search) {
                search = range.upperBound..<text.endIndex
                var link = String(text[range].dropFirst(6).dropLast())
                link = link.replacingOccurrences(of: "&amp;", with: "&")
                if link.hasPrefix("/static") || link.hasPrefix("/api") || seen.contains(link) { continue }
                seen.insert(link)
                queue.append(link)
            }
        }
        return pages
    }
}

@Suite("Career centre: accounts, isolation, sharing (PostgreSQL, or SQLite with --accounts)", .serialized, .timeLimit(.minutes(5)))
struct CentreTests {
    @Test(arguments: CentreSetup.backends) func anotherPersonFindsNoneOfAnasData(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            try await setup.fillAna()
            let ana = WebClient(app: app)
            #expect(try await ana.signIn("ana@uni.example").location == "/")
            let downloads = ["/export/nextyes-export.json", "/report/report.md", "/report/report.json", "/applications?q=Quorvexa"]
            let anaPages = try await ana.crawl(from: ["/"] + downloads)
            // The sweep means something: Ana's own pages are many and carry her words.
            #expect(anaPages.count > 40, "crawled \(anaPages.count) pages")
            #expect(anaPages.values.contains { $0.contains(CentreSetup.company) })
            #expect(anaPages.values.contains { $0.contains(CentreSetup.journalWords) })
            let markers = [CentreSetup.company, CentreSetup.journalWords, "Pomeranz"]

            let ben = WebClient(app: app)
            #expect(try await ben.signIn("ben@uni.example").location == "/")
            // Ben's own NextYes works, and is empty.
            let bens = try await ben.get("/applications")
            #expect(bens.status == .ok && bens.text.contains("No applications yet"))
            let cy = WebClient(app: app)
            #expect(try await cy.signIn("cy@uni.example").location == "/coach")
            for (who, client) in [("Ben", ben), ("Cy, a coach without a grant", cy)] {
                for path in anaPages.keys.sorted() {
                    let response = try await client.get(path)
                    for marker in markers {
                        let leaked = response.text.contains(marker)
                        #expect(!leaked, "\(who) saw \(marker) at \(path)")
                    }
                }
                let coachPage = try await client.get("/coach/\(setup.ana.id)/applications")
                #expect(coachPage.status == .notFound || coachPage.status == .seeOther, "\(who): \(coachPage.status)")
                #expect(!coachPage.text.contains(CentreSetup.company))
            }
            // Every API address the document lists (ids filled in with Ana's), with Ana's token,
            // then with Ben's: Ben's answers carry none of Ana's words.
            // A token may make 120 calls a minute: each 100 addresses get fresh tokens, so no
            // answer is a 429 that would hide what the address returns.
            func tokens() async throws -> (ana: String, ben: String) {
                (try await setup.connection.run(account: setup.ana.email) { try await $0.apiTokens.create(name: "sweep", scopes: [.read]).secret },
                 try await setup.connection.run(account: setup.ben.email) { try await $0.apiTokens.create(name: "sweep", scopes: [.read]).secret })
            }
            let document = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(document.body.string.utf8)) as? [String: Any])
            let paths = try #require(json["paths"] as? [String: [String: Any]])
            var apiPaths: [String] = []
            for (path, item) in paths where item["get"] != nil {
                if path.contains("{") {
                    for id in 1...30 { apiPaths.append("/api/v1" + path.replacingOccurrences(of: #"\{[^}]+\}"#, with: String(id), options: .regularExpression)) }
                } else {
                    apiPaths.append("/api/v1" + path)
                }
            }
            func api(_ path: String, _ token: String) async throws -> String {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                let response = try await app.testing().sendRequest(.GET, path, headers: headers)
                #expect(response.status != .tooManyRequests, "\(path)")
                return response.body.string
            }
            var anaSaw = false
            var current = try await tokens()
            for (index, path) in apiPaths.sorted().enumerated() {
                if index > 0 && index % 100 == 0 { current = try await tokens() }
                if try await api(path, current.ana).contains(CentreSetup.company) { anaSaw = true }
                let answer = try await api(path, current.ben)
                for marker in markers {
                    let leaked = answer.contains(marker)
                    #expect(!leaked, "Ben's token saw \(marker) at \(path)")
                }
            }
            #expect(anaSaw && apiPaths.count > 40)

            // Nobody signed in gets anything but the sign-in page.
            let stranger = WebClient(app: app)
            for path in anaPages.keys.sorted().prefix(60) {
                let response = try await stranger.get(path)
                #expect(response.status == .seeOther && response.location == "/login", "\(path)")
            }
        }
    }

    @Test(arguments: CentreSetup.backends) func theDatabaseItselfRefusesAnotherPersonsSchema(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, _ in
            try await setup.fillAna()
            let benSchema = CentreSchema.schemaName(accountID: setup.ben.id), anaSchema = CentreSchema.schemaName(accountID: setup.ana.id)
            // As Ana, her own tables answer and Ben's schema and the centre's tables are refused.
            let count: Int = try await setup.connection.run(account: setup.ana.email) { workspace in
                try await workspace.applications.all().count
            }
            #expect(count > 10)
            let store = try await StoreConnection.open(setup.location, migrate: false)
            let db = store.store.db
            // On PostgreSQL each person is a schema and a role; on SQLite a file of their own,
            // where the centre's tables and other people's files are not there to name.
            let forbidden = backend == .postgres
                ? ["SELECT count(*) FROM \(benSchema).applications", "SELECT count(*) FROM centre.accounts", "SELECT count(*) FROM centre.sessions"]
                : ["SELECT count(*) FROM \(benSchema).applications", "SELECT count(*) FROM centre.accounts", "SELECT count(*) FROM accounts",
                   "SELECT count(*) FROM grants", "SELECT count(*) FROM coach_views"]
            for query in forbidden {
                await #expect(throws: (any Error).self, "\(query)") {
                    try await CentreSchema.asPerson(setup.ana.id, on: db) { tx in
                        try await (tx as! any SQLDatabase).raw(SQLQueryString(query)).run()
                    }
                }
            }
            let own = backend == .postgres ? "SELECT count(*) FROM \(anaSchema).applications" : "SELECT count(*) FROM applications"
            await #expect(throws: Never.self) {
                try await CentreSchema.asPerson(setup.ana.id, on: db) { tx in
                    try await (tx as! any SQLDatabase).raw(SQLQueryString(own)).run()
                }
            }
            // Outside a person's transaction there are no data tables at all: a query that forgot
            // its person fails instead of reading someone's data.
            await #expect(throws: (any Error).self) {
                try await (db as! any SQLDatabase).raw("SELECT count(*) FROM applications").run()
            }
            await store.close()
        }
    }

    @Test(arguments: CentreSetup.backends) func sharingShowsOnlyWhatWasChosenAndRevokingEndsIt(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            try await setup.fillAna()
            let ana = WebClient(app: app), cy = WebClient(app: app)
            try await ana.signIn("ana@uni.example")
            try await cy.signIn("cy@uni.example")
            #expect(try await cy.get("/coach").text.contains("No one shares with you yet"))

            // The coaches are offered to pick from; no seeker or admin is named.
            let page = try await ana.get("/sharing").text
            #expect(page.contains(#"<option value="cy@uni.example">Cy Marsh</option>"#) && page.contains(#"list="centre-coaches""#))
            #expect(!page.contains("ben@uni.example") && !page.contains("dee@uni.example"))
            let shared = try await ana.post("/sharing", [("coach", "cy@uni.example"), ("scope[]", "applications"), ("scope[]", "report")])
            #expect(shared.location == "/sharing")
            #expect(try await ana.get("/sharing").text.contains("Cy Marsh can now see your applications, report"))
            // Sharing with someone who isn't a coach, or the journal, is refused.
            // Someone who isn't a coach and an address with no account get the same answer.
            try await ana.post("/sharing", [("coach", "ben@uni.example"), ("scope[]", "report")])
            #expect(try await ana.get("/sharing").text.contains("ben@uni.example is not a coach here"))
            try await ana.post("/sharing", [("coach", "nobody@uni.example"), ("scope[]", "report")])
            #expect(try await ana.get("/sharing").text.contains("nobody@uni.example is not a coach here"))
            try await ana.post("/sharing", [("coach", "cy@uni.example"), ("scope[]", "journal")])
            #expect(try await ana.get("/sharing").text.contains("never shared"))

            let caseload = try await cy.get("/coach")
            #expect(caseload.text.contains("Ana Diaz") && caseload.text.contains("/coach/\(setup.ana.id)/report"))
            let applications = try await cy.get("/coach/\(setup.ana.id)/applications")
            #expect(applications.status == .ok && applications.text.contains(CentreSetup.company))
            let report = try await cy.get("/coach/\(setup.ana.id)/report")
            #expect(report.status == .ok && report.text.contains("Ana Diaz"))
            #expect(!report.text.contains(CentreSetup.journalWords) && !report.text.contains("Average mood"))
            #expect(report.text.contains("<table>") && !report.text.contains("|---|"))
            #expect(try await cy.get("/coach/\(setup.ana.id)/plan").status == .notFound)
            #expect(try await cy.get("/coach/\(setup.ben.id)/report").status == .notFound)

            let log = try await ana.get("/sharing").text
            #expect(log.contains("Cy Marsh looked at your applications"))
            #expect(log.contains("Cy Marsh looked at your report"))

            // The caseload says how the week goes and the recent no's, gently, from the applications shared.
            let withLines = try await cy.get("/coach").text
            #expect(withLines.contains("This week:") && withLines.contains("A no from"))
            #expect(try await ana.get("/sharing").text.contains("Cy Marsh saw your week and recent no&#39;s on their caseload"))
            // Coming back to the caseload (a coach's every other address leads there) logs it once an hour, not at every visit.
            try await cy.get("/coach")
            #expect(try await cy.get("/applications").location == "/coach")
            try await cy.get("/coach")
            #expect(try await ana.get("/sharing").text.components(separatedBy: "saw your week and recent no").count == 2)

            // With the plan shared, a note on a goal reaches Ana under that goal.
            try await ana.post("/sharing", [("coach", "cy@uni.example"), ("scope[]", "applications"), ("scope[]", "report"), ("scope[]", "plan")])
            let goalID: Int = try await setup.connection.run(account: setup.ana.email) { workspace in
                if let goal = try await workspace.plan.goals().first(where: { $0.status == .active }) { return goal.id }
                return try await workspace.plan.accept(GoalForm.Valid(
                    title: "Practise interview stories", focus: "theme:communication", action: .practice,
                    measure: "Four stories told aloud", deadline: workspace.today.adding(days: 30), weeklyHours: 2)).id
            }
            let planPage = try await cy.get("/coach/\(setup.ana.id)/plan")
            #expect(planPage.status == .ok && planPage.text.contains("/coach/\(setup.ana.id)/plan/\(goalID)/notes"))
            let noted = try await cy.post("/coach/\(setup.ana.id)/plan/\(goalID)/notes", [("note", "Lovely progress: try one STAR story a week.")])
            #expect(noted.location == "/coach/\(setup.ana.id)/plan")
            #expect(try await ana.get("/sharing").text.contains("Cy Marsh left a note on your plan"))
            let anasPlan = try await ana.get("/plan").text
            #expect(anasPlan.contains("From your coach") && anasPlan.contains("Lovely progress: try one STAR story a week."))
            // Ben's plan shows no note, and a coach can't write on a plan not shared.
            let ben = WebClient(app: app)
            try await ben.signIn("ben@uni.example")
            #expect(!(try await ben.get("/plan").text.contains("Lovely progress")))
            #expect(try await cy.post("/coach/\(setup.ben.id)/plan/\(goalID)/notes", [("note", "hello")]).status == .notFound)

            try await ana.post("/sharing/revoke", [("coach", "cy@uni.example")])
            #expect(try await cy.get("/coach/\(setup.ana.id)/report").status == .notFound)
            #expect(try await cy.get("/coach").text.contains("No one shares with you yet"))
        }
    }

    @Test(arguments: CentreSetup.backends) func signingInIsThrottledPerAddressAndRotatesTheSession(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            let ana = WebClient(app: app)
            try await ana.get("/login")
            let before = ana.cookie
            for _ in 0..<Centre.failuresPerAddress {
                let wrong = try await ana.post("/login", [("email", "ana@uni.example"), ("password", "not her password")])
                #expect(wrong.status == .unauthorized && wrong.text.contains("don&#39;t match"))
            }
            let locked = try await ana.post("/login", [("email", "ana@uni.example"), ("password", CentreSetup.password)])
            #expect(locked.status == .tooManyRequests && locked.headers.first(name: .retryAfter) != nil)
            // The admin sees the lock and can end it; then the right password works at once.
            let dee = WebClient(app: app)
            #expect(try await dee.signIn("dee@uni.example").location == "/admin")
            let accounts = try await dee.get("/admin").text
            #expect(accounts.contains("locked until") && accounts.contains("/admin/accounts/unlock"))
            #expect(accounts.components(separatedBy: "locked until").count == 2, "only Ana is locked")
            try await dee.post("/admin/accounts/unlock", [("email", "ana@uni.example")])
            #expect(try await dee.get("/admin").text.contains("ana@uni.example can sign in again now"))
            #expect(try await WebClient(app: app).signIn("ana@uni.example").location == "/")
            for _ in 0..<Centre.failuresPerAddress {
                try await WebClient(app: app).signIn("ana@uni.example", "not her password")
            }
            #expect(try await WebClient(app: app).signIn("ana@uni.example").status == .tooManyRequests)
            // Many wrong tries for other addresses from the same network lock no one else out.
            for i in 0..<12 {
                let other = try await WebClient(app: app).signIn("guess\(i)@uni.example", "wrong password")
                #expect(other.status == .unauthorized || other.status == .tooManyRequests)
            }
            // Someone else signs in meanwhile.
            let ben = WebClient(app: app)
            #expect(try await ben.signIn("ben@uni.example").location == "/")
            // Ben's own NextYes works, and is empty.
            let bens = try await ben.get("/applications")
            #expect(bens.status == .ok && bens.text.contains("No applications yet"))
            #expect(ben.cookie != nil && ben.cookie != before)
            // A seeker can't end a lock: the address doesn't exist for them.
            try await ben.get("/")
            #expect(try await ben.post("/admin/accounts/unlock", [("email", "ana@uni.example")]).status == .notFound)
            #expect(try await WebClient(app: app).signIn("ana@uni.example").status == .tooManyRequests)
            // An unknown address gets the same answer as a wrong password.
            let unknown = try await WebClient(app: app).signIn("nobody@uni.example")
            #expect(unknown.status == .unauthorized)
            // A disabled account's sessions end at once.
            _ = try await setup.centre.setDisabled(email: "ben@uni.example", true)
            #expect(try await ben.get("/").location == "/login")
            let off = try await WebClient(app: app).signIn("ben@uni.example")
            #expect(off.status == .forbidden && off.text.contains("switched off"))
            // A wrong password for a disabled account says no more than for any other.
            #expect(try await WebClient(app: app).signIn("ben@uni.example", "wrong password").status == .unauthorized)
        }
    }

    @Test(arguments: CentreSetup.backends) func theBrowsersOwnRequestsDontExpireTheSignInForm(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            // A browser asks for the site's icon (and other addresses) by itself while the form
            // is open; the sign-in and link forms still work after it.
            let ana = WebClient(app: app)
            try await ana.get("/login")
            for path in ["/favicon.ico", "/robots.txt", "/applications"] {
                #expect(try await ana.get(path).location == "/login")
            }
            #expect(try await ana.post("/login", [("email", "ana@uni.example"), ("password", CentreSetup.password)]).location == "/")
            let (_, token) = try await setup.centre.addAccount(email: "eve@uni.example", name: "Eve", role: .seeker, password: nil)
            let eve = WebClient(app: app)
            try await eve.get("/link/\(try #require(token))")
            try await eve.get("/favicon.ico")
            #expect(try await eve.post("/link/\(try #require(token))", [("password", "a long new password")]).location == "/")
        }
    }

    @Test(arguments: CentreSetup.backends) func aOneTimeLinkSetsThePasswordOnce(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            let (account, token) = try await setup.centre.addAccount(email: "eve@uni.example", name: "Eve", role: .seeker, password: nil)
            #expect(!account.hasPassword)
            let link = try #require(token)
            let eve = WebClient(app: app)
            let form = try await eve.get("/link/\(link)")
            #expect(form.status == .ok && form.text.contains("Choose a password"))
            #expect(try await eve.post("/link/\(link)", [("password", "short")]).location == "/link/\(link)")
            #expect(try await eve.get("/link/\(link)").text.contains("at least 10 characters"))
            // Refused passwords (only spaces, far too long) leave the link working.
            #expect(try await eve.post("/link/\(link)", [("password", String(repeating: " ", count: 12))]).location == "/link/\(link)")
            #expect(try await eve.get("/link/\(link)").text.contains("not only spaces"))
            #expect(try await eve.post("/link/\(link)", [("password", String(repeating: "x", count: 1100))]).location == "/link/\(link)")
            #expect(try await eve.get("/link/\(link)").text.contains("under 1,024 characters"))
            #expect(try await setup.centre.linkIsValid(link))
            let used = try await eve.post("/link/\(link)", [("password", "a long new password")])
            #expect(used.location == "/")
            #expect(try await eve.get("/").status == .ok)
            // A used link says so at once, before anyone types a password.
            let dead = try await WebClient(app: app).get("/link/\(link)")
            #expect(dead.status == .gone && dead.text.contains("has been used or has expired"))
            let again = try await WebClient(app: app).post("/link/\(link)", [("password", "another long password")], withCSRF: false)
            #expect(again.status == .forbidden || again.status == .gone)
            #expect(try await WebClient(app: app).signIn("eve@uni.example", "a long new password").location == "/")
        }
    }

    @Test(arguments: CentreSetup.backends) func twoServersShareSessionsAndNeitherMigrates(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, first in
            try await setup.fillAna()
            try await withApp(configure: { app in
                try await configure(app, context: WebContext(
                    clock: .fixed(Day("2026-11-21")!), loginToken: "unused-on-a-centre", location: setup.location,
                    dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-centre-\(UUID().uuidString)")))
            }) { second in
                #expect(second.nextyes.isCentre)
                // Signed in on one server, the same cookie works on the other: no sticky routing.
                let onFirst = WebClient(app: first)
                #expect(try await onFirst.signIn("ana@uni.example").location == "/")
                let onSecond = WebClient(app: second, cookie: onFirst.cookie)
                let page = try await onSecond.get("/applications?q=Quorvexa")
                #expect(page.status == .ok && page.text.contains(CentreSetup.company))
                // A change made through one is seen through the other at once.
                try await onSecond.post("/applications", [("company", "Halvard Maps"), ("role", "Analyst")])
                #expect(try await onFirst.get("/applications?q=Halvard").text.contains("Halvard Maps"))
                // Signing out on one ends the session on both.
                try await onFirst.post("/logout", [])
                #expect(try await onSecond.get("/").location == "/login")
            }
            // Starting servers never touched the schema: only `nextyes migrate` does.
            let store = try await StoreConnection.open(setup.location, migrate: false)
            struct Count: Decodable { let n: Int }
            let tables = try await (store.store.db as! any SQLDatabase)
                .raw(backend == .postgres
                     ? "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema IN ('public', 'centre') AND table_name = '_fluent_migrations'"
                     : "SELECT count(*) AS n FROM sqlite_master WHERE name IN ('_fluent_migrations', 'applications')")
                .first(decoding: Count.self)?.n
            await store.close()
            #expect(tables == 0)
        }
    }

    @Test(arguments: CentreSetup.backends) func theCohortCountsOnlyPeopleWhoOptedInAndNamesNoOne(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            var seekers = [setup.ana, setup.ben]
            for i in 0..<4 {
                seekers.append(try await setup.centre.addAccount(email: "s\(i)@uni.example", name: "Seeker \(i)", role: .seeker, password: CentreSetup.password).account)
            }
            for seeker in seekers {
                try await setup.connection.run(account: seeker.email) { _ = try await $0.sample.load(force: true) }
            }
            try await setup.fillAna()
            let dee = WebClient(app: app)
            #expect(try await dee.signIn("dee@uni.example").location == "/admin")
            #expect(try await dee.get("/admin/cohort").text.contains("Figures appear once at least 5 people have opted in"))
            // Four opt in on the page, then one more from the centre's side: five.
            for seeker in seekers.prefix(4) {
                let client = WebClient(app: app)
                try await client.signIn(seeker.email)
                try await client.get("/sharing")
                try await client.post("/sharing/statistics", [("on", "yes")])
            }
            #expect(try await dee.get("/admin/cohort").text.contains("Figures appear once"))
            try await setup.centre.setStatisticsOptIn(seekers[4], true)
            let page = try await dee.get("/admin/cohort").text
            #expect(page.contains("5 people have opted in") && page.contains("How far applications get"))
            #expect(page.contains("<td>Applied</td>"))
            // Counts only: no company, no name, nothing anyone wrote.
            for secret in [CentreSetup.company, CentreSetup.journalWords, "Relecloud", "Ana Diaz", "Seeker 1"] {
                let shown = page.contains(secret)
                #expect(!shown, "\(secret)")
            }
            // Each person's counts are kept until their data changes: a new application counts at once.
            let before = try await setup.centre.cohort(for: setup.dee).funnel.first { $0.label == "Applied" }?.value
            try await setup.connection.run(account: seekers[1].email) {
                _ = try await $0.applications.add(ApplicationForm(company: "Tallowmere", role: "Analyst", appliedOn: "2026-11-19"))
            }
            // The servers' background refresh counts again only the person whose data moved.
            #expect(try await setup.centre.refreshCohort() == 1)
            #expect(try await setup.centre.refreshCohort() == 0)
            let after = try await setup.centre.cohort(for: setup.dee).funnel.first { $0.label == "Applied" }?.value
            #expect(before != nil && after == before.map { $0 + 1 })
            #expect(try await setup.centre.cohort(for: setup.dee).funnel.first { $0.label == "Applied" }?.value == after)

            // Seekers and coaches can't open it.
            let ana = WebClient(app: app)
            try await ana.signIn("ana@uni.example")
            #expect(try await ana.get("/admin/cohort").status == .notFound)
        }
    }

    @Test(arguments: CentreSetup.backends) func anAdminRunsTheAccountsOnTheWebAndEveryoneCanChangeTheirPassword(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            let dee = WebClient(app: app)
            #expect(try await dee.signIn("dee@uni.example").location == "/admin")
            try await dee.get("/admin")
            let added = try await dee.post("/admin/accounts", [("email", "fay@uni.example"), ("name", "Fay Lund"), ("role", "seeker")])
            #expect(added.status == .ok && added.text.contains("Fay Lund is added"))
            let link = try #require(added.text.range(of: #"/link/nyl_[0-9a-f]+"#, options: .regularExpression).map { String(added.text[$0]) })
            let fay = WebClient(app: app)
            try await fay.get(link)
            #expect(try await fay.post(link, [("password", "fay's first password")]).location == "/")
            #expect(try await fay.get("/").status == .ok)
            // A bad address adds no one and keeps what was typed.
            try await dee.get("/admin")
            let bad = try await dee.post("/admin/accounts", [("email", "not-an-address"), ("name", "Gus Orr"), ("role", "coach")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("look like an e-mail address") && bad.text.contains("value=\"Gus Orr\""))
            #expect(try await setup.centre.accounts().count == 5)
            // Disabling signs the person out at once; enabling lets them back in.
            try await dee.get("/admin")
            #expect(try await dee.post("/admin/accounts/disable", [("email", "fay@uni.example")]).location == "/admin")
            #expect(try await dee.get("/admin").text.contains("Fay Lund is disabled"))
            #expect(try await fay.get("/").location == "/login")
            try await dee.post("/admin/accounts/enable", [("email", "fay@uni.example")])
            #expect(try await WebClient(app: app).signIn("fay@uni.example", "fay's first password").location == "/")
            // An admin can't lock themselves out.
            try await dee.get("/admin")
            try await dee.post("/admin/accounts/disable", [("email", "dee@uni.example")])
            #expect(try await dee.get("/admin").text.contains("disable your own account"))
            #expect(try await setup.centre.account(email: "dee@uni.example").disabled == false)
            // A new link for someone who has a password; the earlier one stops working.
            let first = try await setup.centre.resetLink(email: "ben@uni.example")
            try await dee.get("/admin")
            let relinked = try await dee.post("/admin/accounts/link", [("email", "ben@uni.example")])
            #expect(relinked.status == .ok && relinked.text.contains("A new sign-in link for Ben Ode"))
            #expect(try await setup.centre.linkIsValid(first) == false)
            // Only admins: a seeker's and a coach's attempts add no one.
            let ana = WebClient(app: app)
            try await ana.signIn("ana@uni.example")
            try await ana.get("/")
            #expect(try await ana.post("/admin/accounts", [("email", "mal@uni.example"), ("name", "Mal"), ("role", "admin")]).status == .notFound)
            let cy = WebClient(app: app)
            try await cy.signIn("cy@uni.example")
            try await cy.get("/coach")
            try await cy.post("/admin/accounts", [("email", "mal@uni.example"), ("name", "Mal"), ("role", "admin")])
            #expect(try await setup.centre.accounts().count == 5)

            // Everyone changes their own password, knowing the current one; their other sessions end.
            let anaElsewhere = WebClient(app: app)
            #expect(try await anaElsewhere.signIn("ana@uni.example").location == "/")
            try await ana.get("/account")
            let wrong = try await ana.post("/account/password", [("current", "not my password"), ("password", "a brand new password")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("current password. Nothing was changed"))
            #expect(try await ana.post("/account/password", [("current", CentreSetup.password), ("password", "a brand new password")]).location == "/account")
            #expect(try await ana.get("/account").text.contains("Your password is changed"))
            #expect(try await anaElsewhere.get("/").location == "/login")
            #expect(try await WebClient(app: app).signIn("ana@uni.example").status == .unauthorized)
            #expect(try await WebClient(app: app).signIn("ana@uni.example", "a brand new password").location == "/")
            let coachPage = try await cy.get("/account")
            #expect(coachPage.status == .ok && coachPage.text.contains("Change your password"))
        }
    }

    @Test(arguments: CentreSetup.backends) func anAdminRenamesSomeoneAndChangesARoleWithoutLosingTheirData(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            try await setup.fillAna()
            _ = try await setup.centre.share(setup.ana, withCoach: "cy@uni.example", scopes: [.report])
            let ana = WebClient(app: app), cy = WebClient(app: app), dee = WebClient(app: app)
            #expect(try await ana.signIn("ana@uni.example").location == "/")
            #expect(try await cy.signIn("cy@uni.example").location == "/coach")
            #expect(try await cy.get("/coach").text.contains("Ana Diaz"))
            #expect(try await dee.signIn("dee@uni.example").location == "/admin")

            // A new name only: nothing else changes, and no one is signed out.
            #expect(try await dee.get("/admin/accounts/edit?email=ana%40uni.example").text.contains("Edit Ana Diaz"))
            let renamed = try await dee.post("/admin/accounts/edit", [("email", "ana@uni.example"), ("name", "Ana Diaz Ruiz"), ("role", "seeker")])
            #expect(renamed.location == "/admin")
            #expect(try await dee.get("/admin").text.contains("Saved: Ana Diaz Ruiz."))
            #expect(try await ana.get("/").status == .ok)
            #expect(try await cy.get("/coach").text.contains("Ana Diaz Ruiz"))

            // A new role signs her out and ends her sharing; her NextYes waits for her.
            try await dee.get("/admin/accounts/edit?email=ana%40uni.example")
            try await dee.post("/admin/accounts/edit", [("email", "ana@uni.example"), ("name", "Ana Diaz Ruiz"), ("role", "coach")])
            #expect(try await dee.get("/admin").text.contains("is now a coach, and signed out everywhere"))
            #expect(try await ana.get("/").location == "/login")
            #expect(try await cy.get("/coach").text.contains("No one shares with you yet"))
            #expect(try await ana.signIn("ana@uni.example").location == "/coach")
            try await dee.get("/admin/accounts/edit?email=ana%40uni.example")
            try await dee.post("/admin/accounts/edit", [("email", "ana@uni.example"), ("name", "Ana Diaz Ruiz"), ("role", "seeker")])
            let back = WebClient(app: app)
            #expect(try await back.signIn("ana@uni.example").location == "/")
            #expect(try await back.get("/applications").text.contains(CentreSetup.company))

            // A coach made a seeker gets a NextYes of their own, empty.
            try await dee.get("/admin/accounts/edit?email=cy%40uni.example")
            try await dee.post("/admin/accounts/edit", [("email", "cy@uni.example"), ("name", "Cy Marsh"), ("role", "seeker")])
            let cyNow = WebClient(app: app)
            #expect(try await cyNow.signIn("cy@uni.example").location == "/")
            let cys = try await cyNow.get("/applications")
            #expect(cys.status == .ok && cys.text.contains("No applications yet"))

            // An admin can't change their own role; a bad role changes nothing; a seeker can't edit.
            try await dee.get("/admin/accounts/edit?email=dee%40uni.example")
            let own = try await dee.post("/admin/accounts/edit", [("email", "dee@uni.example"), ("name", "Dee Admin"), ("role", "seeker")])
            #expect(own.status == .unprocessableEntity && own.text.contains("change your own role"))
            #expect(try await setup.centre.account(email: "dee@uni.example").role == .admin)
            try await dee.get("/admin/accounts/edit?email=ben%40uni.example")
            let bad = try await dee.post("/admin/accounts/edit", [("email", "ben@uni.example"), ("name", "Ben Ode"), ("role", "owner")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("Nothing was changed"))
            #expect(try await setup.centre.account(email: "ben@uni.example").role == .seeker)
            #expect(try await back.post("/admin/accounts/edit", [("email", "ben@uni.example"), ("name", "Mal"), ("role", "admin")]).status == .notFound)
            #expect(try await setup.centre.account(email: "ben@uni.example").name == "Ben Ode")
        }
    }

    @Test(arguments: CentreSetup.backends) func deletingAnAccountRemovesEverythingOfTheirsAndNothingElse(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            try await setup.fillAna()
            try await setup.connection.run(account: setup.ben.email) {
                _ = try await $0.applications.add(ApplicationForm(company: "Halvard Maps", role: "Analyst"))
            }
            _ = try await setup.centre.share(setup.ben, withCoach: "cy@uni.example", scopes: [.report])
            /// Whether the person's own data is still in the database: a schema and a role, or a file.
            func dataExists(_ account: Account) async throws -> Bool {
                switch setup.location {
                case .sqliteFile(let path):
                    return FileManager.default.fileExists(atPath: path + ".people/" + CentreSchema.schemaName(accountID: account.id) + ".sqlite")
                default:
                    let store = try await StoreConnection.open(setup.location, migrate: false)
                    struct Count: Decodable { let n: Int }
                    let n = try await (store.store.db as! any SQLDatabase).raw("""
                        SELECT ((SELECT count(*) FROM pg_namespace WHERE nspname = \(bind: CentreSchema.schemaName(accountID: account.id)))
                          + (SELECT count(*) FROM pg_roles WHERE rolname = \(bind: CentreSchema.roleName(accountID: account.id))))::int AS n
                        """).first(decoding: Count.self)?.n
                    await store.close()
                    return n != 0
                }
            }
            #expect(try await dataExists(setup.ben))

            // Ben deletes his own account: only with his password.
            let ben = WebClient(app: app)
            try await ben.signIn("ben@uni.example")
            #expect(try await ben.get("/account").text.contains("Delete your account"))
            let wrong = try await ben.post("/account/delete", [("password", "not his password")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Nothing was deleted"))
            #expect(try await setup.connection.run(account: setup.ben.email) { try await $0.applications.all().count } == 1)
            let gone = try await ben.post("/account/delete", [("password", CentreSetup.password)])
            #expect(gone.location == "/login?deleted=1")
            #expect(try await ben.get("/login?deleted=1").text.contains("Your account and everything in it are deleted"))
            #expect(try await ben.get("/").location == "/login")
            #expect(try await WebClient(app: app).signIn("ben@uni.example").status == .unauthorized)
            await #expect(throws: CentreError.noSuchAccount("ben@uni.example")) {
                try await setup.connection.run(account: "ben@uni.example") { _ in () }
            }
            #expect(try await !dataExists(setup.ben))
            #expect(try await setup.centre.caseload(of: setup.cy).isEmpty)
            // Ana's NextYes is as it was.
            #expect(try await setup.connection.run(account: setup.ana.email) { try await $0.applications.all().count } > 10)

            // An admin deletes Ana on the web, once the address typed matches.
            let dee = WebClient(app: app)
            try await dee.signIn("dee@uni.example")
            #expect(try await dee.get("/admin").text.contains("/admin/accounts/delete?email=ana%40uni%2Eexample"))
            let ask = try await dee.get("/admin/accounts/delete?email=ana%40uni.example")
            #expect(ask.status == .ok && ask.text.contains("Delete Ana Diaz&#39;s account?") && ask.text.contains("disable the account instead"))
            let mismatch = try await dee.post("/admin/accounts/delete", [("email", "ana@uni.example"), ("confirm", "ana@uni")])
            #expect(mismatch.status == .unprocessableEntity && mismatch.text.contains("Nothing was deleted"))
            #expect(try await dataExists(setup.ana))
            let deleted = try await dee.post("/admin/accounts/delete", [("email", "ana@uni.example"), ("confirm", "Ana@Uni.example ")])
            #expect(deleted.location == "/admin")
            #expect(try await dee.get("/admin").text.contains("Ana Diaz&#39;s account is deleted, with their NextYes"))
            #expect(try await !dataExists(setup.ana))
            #expect(try await setup.centre.accounts().map(\.email).sorted() == ["cy@uni.example", "dee@uni.example"])
            // An admin can't delete themselves, and a coach can't delete anyone.
            #expect(try await dee.get("/admin/accounts/delete?email=dee%40uni.example").status == .notFound)
            let cy = WebClient(app: app)
            try await cy.signIn("cy@uni.example")
            try await cy.get("/coach")
            #expect(try await cy.post("/admin/accounts/delete", [("email", "dee@uni.example"), ("confirm", "dee@uni.example")]).location == "/coach")
            #expect(try await setup.centre.accounts().count == 2)
        }
    }

    @Test(arguments: CentreSetup.backends) func theAPIAnswersEachPersonWithTheirOwnData(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            try await setup.fillAna()
            let anas = try await setup.connection.run(account: setup.ana.email) { try await $0.apiTokens.create(name: "script", scopes: [.read]).secret }
            let bens = try await setup.connection.run(account: setup.ben.email) { try await $0.apiTokens.create(name: "script", scopes: [.read]).secret }
            #expect(anas.hasPrefix("nyt_\(setup.ana.id)_"))
            func call(_ token: String?) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
                return try await app.testing().sendRequest(.GET, "/api/v1/applications?q=Quorvexa", headers: headers)
            }
            let own = try await call(anas)
            #expect(own.status == .ok && own.body.string.contains(CentreSetup.company))
            let other = try await call(bens)
            #expect(other.status == .ok && !other.body.string.contains(CentreSetup.company))
            // Ana's account id with Ben's secret, a made-up token, or none: no way in.
            let forged = "nyt_\(setup.ana.id)_" + bens.suffix(64)
            for token in [forged, "nyt_0123456789abcdef_" + String(repeating: "0", count: 64), "nyt_" + String(repeating: "a", count: 64), nil] {
                let response = try await call(token)
                #expect(response.status == .unauthorized, "\(token ?? "none")")
                #expect(!response.body.string.contains(CentreSetup.company))
            }
        }
    }

    @Test(.enabled(if: CentreSetup.serverURL != nil)) func anEmptyPostgreSQLDatabaseIsNotServedBeforeItIsSetUp() async throws {
        let server = try #require(CentreSetup.serverURL)
        let name = "nextyes_empty_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        try await CentreSetup.admin(server) { try await $0.raw("CREATE DATABASE \(unsafeRaw: String(name))").run() }
        var components = URLComponents(string: server)!
        components.path = "/\(name)"
        let app = try await Vapor.Application.make(.testing)
        await #expect(throws: CentreError.migrateFirst) {
            try await configure(app, context: WebContext(loginToken: "t", location: .postgres(url: components.string!)))
        }
        try await app.asyncShutdown()
        // A data command (nextyes list, add...) refuses it too, rather than making it a personal NextYes.
        await #expect(throws: CentreError.migrateFirst) {
            _ = try await WorkspaceConnection.open(.postgres(url: components.string!), refuseEmptyPostgres: true)
        }
        // Nothing was created, so the centre can still be set up.
        let connection = try await WorkspaceConnection.open(.postgres(url: components.string!), migrate: false)
        #expect(try await connection.migrateCentre() == 0)
        await connection.close()
        try await CentreSetup.admin(server) { try await $0.raw("DROP DATABASE \(unsafeRaw: String(name)) WITH (FORCE)").run() }
    }

    @Test(arguments: CentreSetup.backends) func theAssistantServerWorksForOnePersonOnACentre(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, _ in
            try await setup.fillAna()
            /// Connects an assistant to a server for `account`: what list_applications answers,
            /// and the texts of the answer to a journal entry, when one is written.
            func session(account: String?, journal: String? = nil) async throws -> (list: String, wrote: [String]) {
                let (clientSide, serverSide) = await InMemoryTransport.createConnectedPair()
                // The in-memory transport drops what arrives before its side is connected, and the
                // server connects only after setting up its handlers: connect the server's side
                // first, so the client's first message waits for it instead of being lost.
                try await serverSide.connect()
                let server = Task {
                    try await AssistantServer(scope: setup.connection.scope(account: account), allowWrites: true, version: "test")
                        .run(transport: serverSide)
                }
                let client = Client(name: "centre-test", version: "1")
                _ = try await client.connect(transport: clientSide)
                func texts(_ answer: (content: [Tool.Content], isError: Bool?)) -> [String] {
                    answer.content.compactMap { if case .text(let text, _, _) = $0 { text } else { nil } }
                }
                let list = texts(try await client.callTool(name: "list_applications", arguments: ["limit": 100])).joined(separator: "\n")
                var wrote: [String] = []
                if let journal {
                    wrote = texts(try await client.callTool(name: "add_journal_entry", arguments: ["text": .string(journal), "mood": 4, "emotions": "tired"]))
                }
                await client.disconnect()
                server.cancel()
                return (list, wrote)
            }
            #expect(try await session(account: "ana@uni.example").list.contains(CentreSetup.company))
            let bens = try await session(account: "ben@uni.example", journal: "Quiet day, sent two applications.")
            #expect(!bens.list.contains(CentreSetup.company) && !bens.list.contains("Relecloud"))
            #expect(try await setup.connection.run(account: "ben@uni.example") { try await $0.journal.entries().count } == 1)
            #expect(try await setup.connection.run(account: "ana@uni.example") { try await $0.journal.entries().count } == 1)
            // Without an account nothing is read, and the answer says what to do; crisis language
            // still meets support first.
            let nobody = try await session(account: nil, journal: "I don't want to be alive anymore.")
            #expect(nobody.list.contains("--account") && !nobody.list.contains(CentreSetup.company))
            #expect(nobody.wrote.count == 2 && nobody.wrote.first?.hasPrefix(SupportCard.make(ownHelpline: nil, countryCode: nil).title) == true, "\(nobody.wrote)")
            #expect(nobody.wrote.last?.contains("--account") == true)
        }
    }

    @Test(arguments: CentreSetup.backends) func aSeekerRestoresTheirOwnBackupIntoTheirEmptyAccount(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, app in
            try await setup.fillAna()
            let ana = WebClient(app: app)
            try await ana.signIn("ana@uni.example")
            let backup = try await ana.get("/export/nextyes-export.json").text
            let ben = WebClient(app: app)
            try await ben.signIn("ben@uni.example")
            try await ben.get("/import")
            #expect(try await ben.upload("/import/backup", file: backup, filename: "nextyes.json", field: "backup").location == "/applications")
            #expect(try await ben.get("/applications").text.contains(CentreSetup.company))
            #expect(try await ben.get("/export/nextyes-export.json").text == backup)
            // Ana's own NextYes is as it was, and she can't restore over it.
            try await ana.get("/import")
            #expect(try await ana.upload("/import/backup", file: backup, filename: "nextyes.json", field: "backup").status == .conflict)
        }
    }

    @Test(arguments: CentreSetup.backends) func theCommandLineNeedsAnAccountOnACentre(_ backend: CentreBackend) async throws {
        try await CentreSetup.with(backend) { setup, _ in
            await #expect(throws: CentreError.accountNeeded) {
                try await setup.connection.run(account: nil) { _ in () }
            }
            await #expect(throws: CentreError.noSuchAccount("nobody@uni.example")) {
                try await setup.connection.run(account: "nobody@uni.example") { _ in () }
            }
            await #expect(throws: ValidationErrors.self) {
                try await setup.connection.run(account: "cy@uni.example") { _ in () }
            }
            try await setup.fillAna()
            let anas = try await setup.connection.run(account: "ana@uni.example") { try await $0.applications.all().count }
            let bens = try await setup.connection.run(account: "ben@uni.example") { try await $0.applications.all().count }
            #expect(anas > 10 && bens == 0)
            // Migrating again (a second server starting, an upgrade) changes nothing and loses nothing.
            #expect(try await setup.connection.migrateCentre() == 2)
            #expect(try await setup.connection.run(account: "ana@uni.example") { try await $0.applications.all().count } == anas)
        }
    }
}
