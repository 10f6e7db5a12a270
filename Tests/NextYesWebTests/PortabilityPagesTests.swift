import Foundation
import NextYesCore
import Testing
import VaporTesting
@testable import NextYesWeb

@Suite("Career report, import and export pages")
struct PortabilityPagesTests {
    @Test func theReportPrintsAndDownloads() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/demo", [])
            let page = try await client.get("/report").text
            #expect(page.contains("Career report,") && page.contains("How far applications got") && page.contains("<svg"))
            #expect(page.contains("data-print") && page.contains("Next three steps") && !page.contains("How you felt"))
            #expect(try await client.get("/static/app.js").text.contains("window.print()"))
            #expect(try await client.get("/static/app.css").text.contains(".no-print { display: none !important; }"))
            let markdown = try await client.get("/report/report.md")
            #expect(markdown.status == .ok && markdown.text.hasPrefix("# Career report") && markdown.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let json = try await client.get("/report/report.json?from=2026-10-01&to=2026-10-31")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
            #expect(object["from"] as? String == "2026-10-01" && object["nextActions"] != nil)
            let bad = try await client.get("/report?from=2026-11-30&to=2026-11-01")
            #expect(bad.status == .badRequest && bad.text.contains("Swap the two days"))
            _ = try await client.post("/check-in", [("mood", "6")])
            _ = try await client.post("/report/wellbeing", [])
            #expect(try await client.get("/report").text.contains("How you felt"))
        }
    }

    @Test func importPreviewsAsksAndConfirms() async throws {
        try await withWebApp { client in
            try await client.login()
            #expect(try await client.get("/import").text.contains("Import your search"))
            let csv = "Company,Job Title,Status,Date Applied\nAcme,Analyst,Applied,2026-10-01\nGlobex,Engineer,Pondering,2026-10-02\n,Nobody,Applied,2026-10-03\n"
            let preview = try await client.upload("/import", file: csv, filename: "tracker.csv")
            #expect(preview.status == .ok && preview.text.contains("Preview: spreadsheet, 3 rows") && preview.text.contains("Line 4: has no company"))
            #expect(preview.text.contains("&quot;pondering&quot; (1 row, first on line 3) means"))
            let token = try #require(preview.text.firstMatch(of: /name="token" value="([0-9a-f]{64})"/)).1
            let refused = try await client.post("/import/confirm", [("token", String(token)), ("word[]", "pondering"), ("meaning[]", "saved")])
            #expect(refused.status == .badRequest && refused.text.contains("1 row has a problem, so nothing was imported"))
            let done = try await client.post("/import/confirm", [("token", String(token)), ("word[]", "pondering"), ("meaning[]", "saved"), ("skip", "yes")])
            #expect(done.location == "/applications")
            #expect(try await client.get("/applications").text.contains("Imported 2 applications. Left out 1 row with problems."))
            let expired = try await client.post("/import/confirm", [("token", String(token))])
            #expect(expired.location == "/import")
            let notCSV = try await client.upload("/import", file: "", filename: "empty.csv")
            #expect(notCSV.status == .badRequest && notCSV.text.contains("Choose a CSV file to import"))
            let noColumns = try await client.upload("/import", file: "Name,Notes\nx,y\n", filename: "x.csv")
            #expect(noColumns.status == .badRequest && noColumns.text.contains("NextYes needs a column for the company"))
        }
    }

    @Test func exportsDownloadABackupAndACSV() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "=HYPERLINK(\"evil\")"), ("role", "Analyst")])
            let json = try await client.get("/export/nextyes-export.json")
            #expect(json.status == .ok && json.text.contains("\"format\" : \"nextyes-backup\""))
            #expect(json.headers.first(name: .contentDisposition)?.contains("nextyes-2026-11-21.json") == true)
            let csv = try await client.get("/export/nextyes-export.csv")
            #expect(csv.text.contains("'=HYPERLINK(\"\"evil\"\")"))
            #expect(try await client.get("/export/other.txt").status == .notFound)
        }
    }
}
