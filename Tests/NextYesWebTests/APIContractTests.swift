import Foundation
import NextYesAPI
import NextYesCore
import NextYesFeatures
import Testing
import VaporTesting
@testable import NextYesWeb

/// The JSON API's contract, operation by operation, on the sample search: each answers as the
/// document says, with the same objects the command line prints, and refuses without a token.
@Suite("JSON API contract")
struct APIContractTests {
    struct Caller {
        let app: Vapor.Application
        var token: String

        @discardableResult
        func call(_ method: HTTPMethod, _ path: String, _ body: String? = nil, token: String? = nil) async throws -> TestingHTTPResponse {
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token ?? self.token)
            if body != nil { headers.contentType = .json }
            return try await app.testing().sendRequest(method, "/api/v1" + path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        }

        func json(_ method: HTTPMethod, _ path: String, _ body: String? = nil, expect status: HTTPResponseStatus = .ok) async throws -> Any {
            let response = try await call(method, path, body)
            #expect(response.status == status, "\(method) \(path): \(response.body.string)")
            return try JSONSerialization.jsonObject(with: Data(response.body.string.utf8), options: [.fragmentsAllowed])
        }
    }

    /// The web app with the sample search, a read token and a write token.
    func withAPI(_ body: (Caller, Caller, Workspace) async throws -> Void) async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/demo", [])
            let workspace = Workspace(db: client.app.db, clock: .fixed(Day("2026-11-21")!))
            let read = try await workspace.apiTokens.create(name: "read", scopes: [.read]).secret
            let write = try await workspace.apiTokens.create(name: "write", scopes: [.read, .write]).secret
            try await body(Caller(app: client.app, token: read), Caller(app: client.app, token: write), workspace)
        }
    }

    static func object(_ any: Any) -> [String: Any] { any as? [String: Any] ?? [:] }
    static func array(_ any: Any) -> [[String: Any]] { any as? [[String: Any]] ?? [] }

    @Test func theCodeWasGeneratedFromTheDocumentAsItIsNow() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let yaml = try Data(contentsOf: root.appendingPathComponent("Sources/NextYesAPI/openapi.yaml"))
        let sum = SHA256.hash(data: yaml).map { String(format: "%02x", $0) }.joined()
        #expect(sum == NextYesAPI.generatedFrom, "openapi.yaml changed: run scripts/generate-api and commit what it writes")
    }

    @Test func everyOperationAnswersWithTheSameObjectsAsTheCommandLine() async throws {
        try await withAPI { read, write, workspace in
            // The document itself, without a token.
            let document = try await read.app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(document.status == .ok && document.body.string.contains("\"openapi\": \"3.1.0\""))

            // listApplications: pages cover every application once; filters and search.
            var seen: [Int] = []
            for page in 1...3 {
                let listed = Self.object(try await read.json(.GET, "/applications?perPage=10&page=\(page)"))
                #expect(listed["total"] as? Int == 25 && listed["pageCount"] as? Int == 3)
                seen += Self.array(listed["items"] as Any).compactMap { $0["id"] as? Int }
            }
            #expect(Set(seen).count == 25 && seen.count == 25)
            let rejected = Self.object(try await read.json(.GET, "/applications?outcome=rejected&perPage=100"))
            #expect(Self.array(rejected["items"] as Any).allSatisfy { $0["outcome"] as? String == "rejected" && $0["rejection"] != nil })
            let byCompany = Self.array(Self.object(try await read.json(.GET, "/applications?sort=company&perPage=100"))["items"] as Any)
            let names = byCompany.compactMap { $0["company"] as? String }
            #expect(names == names.sorted { $0.lowercased() < $1.lowercased() })
            let searched = Self.array(Self.object(try await read.json(.GET, "/applications?q=northwind"))["items"] as Any)
            #expect(searched.map { $0["company"] as? String } == ["Northwind Analytics"])

            // createApplication, getApplication, updateApplication.
            let created = Self.object(try await write.json(.POST, "/applications", #"{"company":"Tailspin Toys","role":"Data Analyst","location":"Leeds"}"#, expect: .created))
            let id = try #require(created["id"] as? Int)
            #expect(created["stage"] as? String == "applied" && created["outcome"] as? String == "open")
            let shown = Self.object(try await read.json(.GET, "/applications/\(id)"))
            #expect(shown["location"] as? String == "Leeds" && Self.array(shown["timeline"] as Any).first?["kind"] as? String == "added")
            let updated = Self.object(try await write.json(.PATCH, "/applications/\(id)", #"{"notes":"Referral from Priya"}"#))
            #expect(updated["notes"] as? String == "Referral from Priya" && updated["location"] as? String == "Leeds")
            #expect(try await workspace.applications.find(id).details.notes == "Referral from Priya")

            // moveApplication, closeApplication, reopenApplication, rejectApplication.
            let moved = Self.object(try await write.json(.POST, "/applications/\(id)/move", #"{"stage":"interview"}"#))
            #expect(moved["stage"] as? String == "interview" && moved["furthestStage"] as? String == "interview")
            let closed = Self.object(try await write.json(.POST, "/applications/\(id)/close", #"{"as":"withdrawn"}"#))
            #expect(closed["outcome"] as? String == "withdrawn")
            let reopened = Self.object(try await write.json(.POST, "/applications/\(id)/reopen", "{}"))
            #expect(reopened["outcome"] as? String == "open")
            let rejection = Self.object(try await write.json(.POST, "/applications/\(id)/reject",
                                                             #"{"reason":"We went with an internal candidate.","feelings":["disappointed"],"intensity":6}"#))
            let reason = Self.object(rejection["rejection"] as Any)
            #expect(rejection["outcome"] as? String == "rejected" && reason["category"] as? String == "internal-candidate")
            #expect(reason["stageReached"] as? String == "interview")

            // listRejections: every rejection, with its application.
            let rejections = Self.array(try await read.json(.GET, "/rejections"))
            #expect(rejections.count == (try await workspace.applications.rejections().count))
            #expect(rejections.contains { $0["applicationID"] as? Int == id && $0["title"] as? String == "Data Analyst at Tailspin Toys" })

            // recordFeedback, listFeedback: read for themes at once.
            let feedback = Self.object(try await write.json(.POST, "/applications/\(id)/feedback",
                                                            #"{"text":"Your SQL was strong, but your answers lacked structure and concrete examples."}"#, expect: .created))
            #expect(!(Self.array(feedback["themes"] as Any)).isEmpty)
            #expect(Self.array(try await read.json(.GET, "/applications/\(id)/feedback")).count == 1)

            // getInsights and getReport: the very objects the command line prints.
            let insights = try await read.call(.GET, "/insights")
            let expected = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(try await workspace.insights.report())) as? NSDictionary
            #expect((try JSONSerialization.jsonObject(with: Data(insights.body.string.utf8)) as? NSDictionary) == expected)
            let report = Self.object(try await read.json(.GET, "/report"))
            #expect((Self.object(report["overview"] as Any)["applicationsSent"] as? Int ?? 0) >= 25)
            #expect(try await read.call(.GET, "/report?from=2026-12-01&to=2026-01-01").status == .unprocessableEntity)

            // extractSkills, getSkillDemand.
            let skills = Self.object(try await read.json(.POST, "/skills/extract", #"{"text":"We use SQL, Python and Tableau daily."}"#))
            let found = Self.array(skills["skills"] as Any).compactMap { $0["text"] as? String }
            #expect(found.contains("SQL") && found.contains("Python") && found.contains("Tableau"))
            #expect(!Self.array(try await read.json(.GET, "/skills/demand")).isEmpty)

            // listGoals, getProgress, listAgenda, listContacts, listWins, listJournal, exportBackup.
            #expect(Self.array(try await read.json(.GET, "/plan/goals")).count == (try await workspace.plan.goals().count))
            #expect(Self.object(try await read.json(.GET, "/progress"))["thisWeek"] != nil)
            let agenda = Self.array(try await read.json(.GET, "/agenda?days=30"))
            #expect(agenda.allSatisfy { ($0["on"] as? String).flatMap(Day.init) != nil })
            #expect(Self.array(try await read.json(.GET, "/contacts")).count == (try await workspace.contacts.all().count))
            #expect(Self.array(try await read.json(.GET, "/wins")).count == (try await workspace.wins.all().count))
            let backup = Self.object(try await read.json(.GET, "/export"))
            #expect(Self.array(backup["applications"] as Any).count == 26)

            // addJournalEntry: words of crisis meet the support card; plain words don't.
            let plain = Self.object(try await write.json(.POST, "/journal", #"{"text":"Tired but the interview went fine.","mood":6}"#, expect: .created))
            #expect(plain["support"] == nil && Self.object(plain["entry"] as Any)["text"] as? String == "Tired but the interview went fine.")
            let crisis = Self.object(try await write.json(.POST, "/journal", #"{"text":"I don't want to be alive anymore."}"#, expect: .created))
            let card = Self.object(crisis["support"] as Any)
            #expect(!(card["title"] as? String ?? "").isEmpty && !Self.array(card["lines"] as Any).isEmpty)
            #expect((card["closing"] as? String ?? "").contains("has seen it too"))
            #expect(Self.array(try await read.json(.GET, "/journal?days=7")).count >= 2)

            // deleteApplication, then it is gone.
            #expect(try await write.call(.DELETE, "/applications/\(id)").status == .noContent)
            let gone = try await read.call(.GET, "/applications/\(id)")
            #expect(gone.status == .notFound && gone.headers.first(name: .contentType) == "application/problem+json")
        }
    }

    @Test func timelinesInterviewsTargetsContactsWinsGoalsAndRestore() async throws {
        try await withAPI { read, write, workspace in
            let id = 1
            let timeline = Self.array(try await read.json(.GET, "/applications/\(id)/timeline"))
            #expect(timeline.count == (try await workspace.applications.events(for: id).count) && timeline.first?["kind"] as? String == "added")
            #expect(Self.array(try await read.json(.GET, "/applications/\(id)/feedback-requests")).count == (try await workspace.feedback.requests(for: id).count))
            let reflection = Self.object(try await read.json(.GET, "/applications/\(id)/reflection"))
            #expect((reflection["reflection"] != nil) == ((try await workspace.reflections.reflection(for: id)) != nil))
            #expect(try await read.call(.GET, "/applications/9999/timeline").status == .notFound)

            // addInterview moves an earlier application to interview; the rounds list it.
            let round = Self.object(try await write.json(.POST, "/applications/\(id)/interviews", #"{"on":"2026-11-20","time":"14:30","type":"technical"}"#, expect: .created))
            #expect(round["id"] != nil)
            #expect(Self.array(try await read.json(.GET, "/applications/\(id)/interviews")).count == 1)
            #expect(Self.array(try await read.json(.GET, "/interviews")).count == (try await workspace.interviews.all().count))
            let badTime = try await write.call(.POST, "/applications/\(id)/interviews", #"{"on":"2026-11-20","time":"25:99"}"#)
            #expect(badTime.status == .unprocessableEntity)

            // getTargets / setTargets.
            let targets = Self.object(try await write.json(.PUT, "/targets", #"{"applications":4,"conversations":1,"skillHours":2.5}"#))
            #expect(targets["applications"] as? Int == 4)
            #expect(try await workspace.momentum.targets()?.skillHours == 2.5)
            #expect(Self.object(try await read.json(.GET, "/targets"))["conversations"] as? Int == 1)

            // createContact, getContact, logConversation.
            let contact = Self.object(try await write.json(.POST, "/contacts", #"{"name":"Sam Lee","role":"recruiter","company":"Acme"}"#, expect: .created))
            let contactID = try #require(contact["id"] as? Int)
            _ = try await write.json(.POST, "/contacts/\(contactID)/conversations", #"{"kind":"coffee-chat","note":"Talked about the data team"}"#, expect: .created)
            let shown = Self.object(try await read.json(.GET, "/contacts/\(contactID)"))
            #expect(Self.array(shown["conversations"] as Any).count == 1)
            #expect(try await read.call(.GET, "/contacts/9999").status == .notFound)
            #expect(try await write.call(.POST, "/contacts", #"{"name":"  "}"#).status == .unprocessableEntity)

            // addWin, addGoal.
            let win = Self.object(try await write.json(.POST, "/wins", #"{"title":"Finished the SQL course"}"#, expect: .created))
            #expect(win["title"] as? String == "Finished the SQL course")
            let goal = Self.object(try await write.json(.POST, "/plan/goals", #"{"title":"Practise STAR stories","action":"practice","measure":"Five stories written","deadline":"2026-12-20","weeklyHours":2}"#, expect: .created))
            #expect(goal["title"] as? String == "Practise STAR stories")
            #expect(try await write.call(.POST, "/plan/goals", #"{"title":"x","action":"course","measure":"y","deadline":"2020-01-01","weeklyHours":2}"#).status == .unprocessableEntity)

            // A reopened application's rejection leaves the list at once (no read kept from before).
            let fresh = try #require(Self.object(try await write.json(.POST, "/applications", #"{"company":"Contoso","role":"Analyst"}"#, expect: .created))["id"] as? Int)
            _ = try await write.json(.POST, "/applications/\(fresh)/reject", #"{"reason":"The role was put on hold."}"#)
            #expect(Self.array(try await read.json(.GET, "/rejections")).contains { $0["applicationID"] as? Int == fresh })
            _ = try await write.json(.POST, "/applications/\(fresh)/reopen", "{}")
            #expect(!Self.array(try await read.json(.GET, "/rejections")).contains { $0["applicationID"] as? Int == fresh })

            // Query numbers outside the document's bounds, and an unknown method.
            #expect(try await read.call(.GET, "/applications?perPage=101").status == .badRequest)
            #expect(try await read.call(.GET, "/journal?days=0").status == .badRequest)
            let report = try await read.call(.GET, "/report?from=0125-06-18&to=6493-04-19")
            #expect(report.status == .unprocessableEntity)
            let trace = try await read.call(.PUT, "/wins")
            #expect(trace.status == .methodNotAllowed && trace.headers.first(name: .allow) == "GET, POST")
            let date = try await write.call(.POST, "/applications/3/feedback", #"{"text":"Fine.","receivedOn":"2026-02-31"}"#)
            #expect(date.status == .unprocessableEntity && date.body.string.contains("\"field\":\"receivedOn\""))

            // restoreBackup never overwrites a search.
            let backup = try await read.call(.GET, "/export").body.string
            let refused = try await write.call(.POST, "/restore", backup)
            #expect(refused.status == .conflict, "\(refused.body.string)")
        }
    }

    @Test func aBackupRestoresIntoAnEmptyNextYes() async throws {
        var backup = ""
        try await withAPI { read, _, _ in backup = try await read.call(.GET, "/export").body.string }
        try await withWebApp { client in
            let workspace = Workspace(db: client.app.db, clock: .fixed(Day("2026-11-21")!))
            let write = Caller(app: client.app, token: try await workspace.apiTokens.create(name: "w", scopes: [.read, .write]).secret)
            let restored = Self.object(try await write.json(.POST, "/restore", backup))
            #expect(restored["applications"] as? Int == 25)
            #expect(try await workspace.applications.count() == 25)
        }
    }

    @Test func problemsSayWhatToFix() async throws {
        try await withAPI { read, write, _ in
            let invalid = try await write.call(.POST, "/applications", #"{"company":"Acme","role":"Analyst","appliedOn":"2026-02-30"}"#)
            #expect(invalid.status == .unprocessableEntity && invalid.headers.first(name: .contentType) == "application/problem+json")
            let problem = Self.object(try JSONSerialization.jsonObject(with: Data(invalid.body.string.utf8)))
            #expect(Self.array(problem["errors"] as Any).first?["field"] as? String == "appliedOn")
            #expect((problem["detail"] as? String ?? "").contains("February 2026 has 28 days"))
            let unreadable = try await write.call(.POST, "/applications", #"{"company": 3}"#)
            #expect(unreadable.status == .badRequest, "\(unreadable.body.string)")
            let missing = try await write.call(.POST, "/applications/99999/move", #"{"stage":"offer"}"#)
            #expect(missing.status == .notFound)
            let same = try await write.call(.POST, "/applications/1/move", #"{"stage":"applied"}"#)
            #expect(same.status == .unprocessableEntity)
            _ = read
        }
    }

    @Test func noTokenNoEntryAndReadTokensOnlyRead() async throws {
        try await withAPI { read, write, workspace in
            let paths: [(HTTPMethod, String)] = [(.GET, "/applications"), (.GET, "/applications/1"), (.GET, "/insights"), (.GET, "/journal"),
                                                 (.POST, "/applications"), (.DELETE, "/applications/1"), (.GET, "/export")]
            for (method, path) in paths {
                let none = try await read.app.testing().sendRequest(method, "/api/v1" + path)
                #expect(none.status == .unauthorized && none.headers.first(name: .wwwAuthenticate) != nil, "\(method) \(path)")
                let wrong = try await read.call(method, path, token: "nyt_" + String(repeating: "0", count: 64))
                #expect(wrong.status == .unauthorized)
            }
            // A browser session never opens the API.
            let client = WebClient(app: read.app)
            try await client.login()
            #expect(try await client.get("/api/v1/applications").status == .unauthorized)
            // A read token may not write.
            let refused = try await read.call(.POST, "/applications", #"{"company":"A","role":"B"}"#)
            #expect(refused.status == .forbidden)
            #expect(try await workspace.applications.count() == 25)
            // A revoked token stops at once.
            let tokens = try await workspace.apiTokens.all()
            _ = try await workspace.apiTokens.revoke(try #require(tokens.first { $0.name == "write" }).id)
            #expect(try await write.call(.GET, "/applications").status == .unauthorized)
            // The token's last use is recorded.
            #expect(try await workspace.apiTokens.all().first { $0.name == "read" }?.lastUsedAt != nil)
        }
    }

    @Test func aTokenIsLimitedTo120CallsAMinute() async throws {
        try await withAPI { read, write, _ in
            for _ in 0..<120 { _ = try await read.call(.GET, "/wins") }
            let limited = try await read.call(.GET, "/wins")
            #expect(limited.status == .tooManyRequests && Int(limited.headers.first(name: .retryAfter) ?? "") != nil)
            // Each token has its own count.
            #expect(try await write.call(.GET, "/wins").status == .ok)
        }
    }

    @Test func aPersonMakesAndRevokesATokenOnTheSettingsPage() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.get("/settings")
            let made = try await client.post("/settings/api-tokens", [("tokenName", "laptop script")])
            #expect(made.status == .ok && made.text.contains("shown only this once"))
            let secret = try #require(made.text.range(of: #"nyt_[0-9a-f]{64}"#, options: .regularExpression).map { String(made.text[$0]) })
            let caller = Caller(app: client.app, token: secret)
            #expect(try await caller.call(.GET, "/applications").status == .ok)
            #expect(try await caller.call(.POST, "/applications", #"{"company":"A","role":"B"}"#).status == .forbidden)
            // Listed by name, never showing the secret again.
            let page = try await client.get("/settings")
            #expect(page.text.contains("laptop script") && !page.text.contains(secret))
            let workspace = Workspace(db: client.app.db, clock: .fixed(Day("2026-11-21")!))
            let id = try #require(try await workspace.apiTokens.all().first?.id)
            let revoked = try await client.post("/settings/api-tokens/\(id)/revoke", [])
            #expect(revoked.status == .seeOther)
            #expect(try await caller.call(.GET, "/applications").status == .unauthorized)
            // A name is needed.
            let nameless = try await client.post("/settings/api-tokens", [("tokenName", "  ")])
            let after = try await client.get("/settings")
            #expect(nameless.status == .seeOther && after.text.contains("Give the token a name"))
        }
    }

    @Test func theDocsPageShowsEveryOperation() async throws {
        try await withWebApp { client in
            let docs = try await client.get("/api/docs")
            #expect(docs.status == .ok)
            let document = try JSONSerialization.jsonObject(with: NextYesAPI.document) as? [String: Any] ?? [:]
            var ids: [String] = []
            for (_, item) in document["paths"] as? [String: Any] ?? [:] {
                for (_, operation) in item as? [String: Any] ?? [:] {
                    if let id = (operation as? [String: Any])?["operationId"] as? String { ids.append(id) }
                }
            }
            #expect(ids.count == 38)
            for id in ids { #expect(docs.text.contains("id=\"\(id)\""), "\(id) is missing from /api/docs") }
        }
    }
}
