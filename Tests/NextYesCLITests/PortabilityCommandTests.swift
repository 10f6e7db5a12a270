import Foundation
import Testing

@Suite("nextyes import, export and restore", .serialized)
struct PortabilityCommandTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/import/\(name)").path
    }

    @Test func importsWithAPreviewAndClearRowErrors() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let dry = try cli.run(["import", Self.fixture("generic.csv"), "--dry-run"])
        #expect(dry.code == 0 && dry.out.contains("Spreadsheet: 12 rows") && dry.out.contains("Dates read day-first.") && dry.out.contains("Nothing was written (a dry run)."))
        #expect(try cli.run(["list"]).out.contains("No applications"))
        let broken = try cli.run(["import", Self.fixture("broken.csv")])
        #expect(broken.code == 1)
        #expect(broken.out.contains("line 3: has no company") && broken.out.contains("line 7: has a date applied NextYes can't read: \"31/02/2024\""))
        #expect(broken.out.contains("line 9: has 8 values but the header has 6") && broken.out.contains("line 11: starts a quoted value"))
        #expect(broken.out.contains("\"pondering\": 1 row, first on line 8") && broken.out.contains("Nothing was imported yet"))
        #expect(try cli.run(["import", Self.fixture("broken.csv"), "--map", "pondering"]).err.contains("isn't WORD=STAGE"))
        let skipped = try cli.run(["import", Self.fixture("broken.csv"), "--map", "pondering=saved", "--skip-bad-rows", "--progress"])
        #expect(skipped.code == 0 && skipped.out.contains("Imported 4 applications. Left out 4 rows with problems."))
        #expect(skipped.err.contains("[##############################] 100%"))
        let teal = try cli.run(["import", Self.fixture("teal-export.csv"), "--map", "archived=applied,withdrawn"])
        #expect(teal.code == 0 && teal.out.contains("Imported 10 applications"), "\(teal.out)\(teal.err)")
        let again = try cli.run(["import", Self.fixture("teal-export.csv"), "--map", "archived=applied,withdrawn"])
        #expect(again.code == 1 && again.out.contains("Already in NextYes or repeated in the file, skipped: 10"))
        #expect(try cli.run(["import", "/nonexistent.csv"]).err.contains("There's no readable file at /nonexistent.csv"))
        #expect(try cli.run(["import", Self.fixture("generic.csv"), "--format", "huntr"]).err.contains("doesn't look like a Huntr export"))
    }

    @Test func exportsAndRestoresEverything() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["demo"])
        let backup = cli.folder.appendingPathComponent("backup.json").path
        let wrote = try cli.run(["export", "--output", backup])
        #expect(wrote.code == 0 && wrote.err.contains("Wrote \(backup)"))
        let csv = try cli.run(["export", "--format", "csv"])
        let lines = csv.out.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("id,company,role,") && lines.count == 27)
        #expect(try cli.run(["export", "--format", "xml"]).err.contains("Use --format json"))
        let fresh = cli.folder.appendingPathComponent("fresh.sqlite").path
        let restored = try cli.run(["restore", backup, "--database", fresh])
        #expect(restored.out.contains("Restored 25 applications"), "\(restored.err)")
        let second = try cli.run(["export", "--database", fresh])
        #expect(second.out == (try String(contentsOfFile: backup, encoding: .utf8)))
        #expect(try cli.run(["restore", backup]).err.contains("Restore goes into an empty database"))
        #expect(try cli.run(["restore", Self.fixture("generic.csv"), "--database", cli.folder.appendingPathComponent("x.sqlite").path]).err.contains("isn't a NextYes backup"))
    }

    @Test func theReportComesOutInThreeFormats() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["report"]).err.contains("There's no NextYes database"))
        try cli.run(["demo"])
        let markdown = try cli.run(["report"])
        #expect(markdown.code == 0 && markdown.out.hasPrefix("# Career report,") && markdown.out.contains("## Next three steps"))
        let file = cli.folder.appendingPathComponent("report.html").path
        let html = try cli.run(["report", "--format", "html", "--output", file])
        #expect(html.code == 0 && html.err.contains("Wrote \(file)"))
        let document = try String(contentsOfFile: file, encoding: .utf8)
        #expect(document.hasPrefix("<!DOCTYPE html>") && document.contains("<svg") && document.contains("@media print"))
        let json = try cli.json(["report", "--format", "json", "--from", "2026-10-01", "--to", "2026-10-31"]) as? [String: Any]
        #expect(json?["from"] as? String == "2026-10-01" && (json?["overview"] as? [String: Any])?["applicationsSent"] != nil)
        #expect(try cli.run(["report", "--format", "pdf"]).err.contains("Use --format markdown, html or json"))
        #expect(try cli.run(["report", "--from", "2026-12-01", "--to", "2026-11-01"]).err.contains("Swap the two days"))
        #expect(try cli.run(["report", "--from", "2026-02-30"]).err.contains("February 2026 has 28 days"))
        #expect(!markdown.out.contains("How you felt"))
        try cli.run(["journal", "add", "--mood", "6"])
        #expect(try cli.run(["report", "--include-wellbeing", "on"]).out.contains("## How you felt"))
    }
}

@Suite("nextyes: files are replaced whole, never destroyed")
struct OutputFileCommandTests {
    @Test func exportAndReportReplaceFilesAndRefuseFolders() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["add", "--company", "Acme", "--role", "Analyst"])
        let target = cli.folder.appendingPathComponent("b.json").path
        try Data("OLD".utf8).write(to: URL(fileURLWithPath: target))
        let export = try cli.run(["export", "--output", target])
        #expect(export.code == 0, "\(export.err)")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("\"applications\""))
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
        for format in ["csv", "json"] {
            #expect(try cli.run(["export", "--format", format, "--output", target]).code == 0)
        }
        let folder = cli.folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: folder.appendingPathComponent("keep.txt"))
        let report = try cli.run(["report", "--format", "html", "--output", folder.path])
        #expect(report.code == 1 && report.err.contains("is a folder"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("keep.txt").path))
    }

    @Test func anEmptyDatabasePathIsRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["list", "--database", ""])
        #expect(result.code == 1 && result.err.contains("--database was given an empty path"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent(".local/share/nextyes/nextyes.sqlite").path))
    }
}


@Suite("nextyes: one summary on every surface")
struct SummaryContractTests {
    /// `insights --json` and `report --format json` carry the same summary object, with exactly
    /// the agreed keys, for the same data and the whole search.
    @Test func insightsAndTheReportAgree() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["demo"])
        let insights = try #require(try cli.json(["insights", "--json"]) as? [String: Any])
        let report = try #require(try cli.json(["report", "--format", "json"]) as? [String: Any])
        let a = try #require(insights["summary"] as? [String: Any])
        let b = try #require(report["summary"] as? [String: Any])
        #expect(Set(a.keys) == ["applications", "heardBack", "interviews", "offers", "rejections", "ghosted", "funnel"])
        #expect(NSDictionary(dictionary: a).isEqual(to: b))
        let funnel = try #require(a["funnel"] as? [[String: Any]])
        #expect(funnel.map { $0["stage"] as? String } == ["applied", "screening", "assessment", "interview", "final-round", "offer"])
        #expect((a["applications"] as? Int ?? 0) > 0 && funnel.first?["reached"] as? Int == a["applications"] as? Int)
    }
}

@Suite("nextyes list at size")
struct ListAtSizeTests {
    /// A list longer than one page of reading (1,000 rows) comes out whole, in order, once each.
    @Test func listsEveryApplicationAcrossPages() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        var csv = "Company,Job Title,Status,Date Applied\n"
        for i in 0..<1_205 { csv += "Company \(i),Analyst \(i),Applied,2026-0\(1 + i % 9)-1\(i % 9)\n" }
        let file = cli.folder.appendingPathComponent("many.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", file.path]).code == 0)
        let json = try cli.json(["list", "--json"]) as? [[String: Any]]
        let ids = try #require(json).compactMap { $0["id"] as? Int }
        #expect(ids.count == 1_205 && Set(ids).count == 1_205)
        let table = try cli.run(["list"])
        let rows = table.out.split(separator: "\n").filter { $0.first?.isNumber == true && !$0.contains("applications,") }
        #expect(rows.count == 1_205)
        #expect(table.out.hasSuffix("1205 applications, 1205 in progress.\n"))
        #expect(try cli.run(["list", "--outcome", "rejected", "--json"]).out == "[\n\n]\n")
    }
}
