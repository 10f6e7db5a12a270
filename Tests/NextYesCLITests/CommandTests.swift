import Foundation
import Testing

@Suite("nextyes command line", .serialized)
struct CommandTests {
    @Test func tracksAnApplicationFromAddToRejection() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let added = try cli.run(["add", "--company", "Acme", "--role", "Data Analyst", "--source", "referral", "--applied", "2026-01-10", "--location", "Leeds"])
        #expect(added.code == 0)
        #expect(added.out == "1\n")
        #expect(added.err.contains("Added Data Analyst at Acme"))
        #expect(try cli.run(["move", "1", "screening", "--on", "2026-01-15"]).code == 0)
        #expect(try cli.run(["move", "1", "final-round", "--on", "2026-01-25"]).code == 0)
        let rejected = try cli.run(["reject", "1", "--on", "2026-02-01", "--reason", "Internal hire", "--category", "internal-candidate",
                                    "--feeling", "sad", "--feeling", "Tired", "--intensity", "6"])
        #expect(rejected.code == 0)
        #expect(rejected.out.contains("out of your control"))

        let list = try #require(try cli.json(["list", "--json"]) as? [[String: Any]])
        #expect(list.count == 1)
        let item = list[0]
        #expect(item["id"] as? Int == 1)
        #expect(item["company"] as? String == "Acme")
        #expect(item["role"] as? String == "Data Analyst")
        #expect(item["stage"] as? String == "final-round")
        #expect(item["furthestStage"] as? String == "final-round")
        #expect(item["outcome"] as? String == "rejected")
        let rejection = try #require(item["rejection"] as? [String: Any])
        #expect(rejection["category"] as? String == "internal-candidate")
        #expect(rejection["controllable"] as? String == "no")
        #expect(rejection["feelings"] as? [String] == ["sad", "tired"])
        #expect(rejection["processingEndsOn"] as? String == "2026-02-03")

        let shown = try #require(try cli.json(["show", "1", "--json"]) as? [String: Any])
        let timeline = try #require(shown["timeline"] as? [[String: Any]])
        #expect(timeline.map { $0["kind"] as? String } == ["added", "moved", "moved", "rejected"])
        let text = try cli.run(["show", "1"])
        #expect(text.out.contains("Timeline:") && text.out.contains("2026-01-25  Moved from screening to final round"))
        let table = try cli.run(["list"])
        #expect(table.out.contains("ID") && table.out.contains("Acme") && table.out.contains("final-round"))
        #expect(try cli.json(["list", "--outcome", "open", "--json"]) as? [Any] != nil)
        #expect((try cli.json(["list", "--outcome", "open", "--json"]) as? [Any])?.isEmpty == true)
    }

    @Test func closesAndReopens() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["add", "--company", "Globex", "--role", "Engineer"])
        #expect(try cli.run(["ghosted", "1"]).out.contains("no reply"))
        let blocked = try cli.run(["move", "1", "interview"])
        #expect(blocked.code == 1 && blocked.err.contains("reopen it first"))
        #expect(try cli.run(["reopen", "1"]).code == 0)
        #expect(try cli.run(["withdraw", "1"]).code == 0)
        #expect(try cli.run(["reopen", "1"]).code == 0)
        #expect(try cli.run(["move", "1", "offer"]).code == 0)
        #expect(try cli.run(["accept", "1"]).out.contains("Congratulations"))
        let final = try cli.run(["reopen", "1"])
        #expect(final.code == 1 && final.err.contains("can't be reopened"))
        let deleted = try cli.run(["delete", "1"])
        #expect(deleted.code == 1 && deleted.err.contains("--yes"))
        #expect(try cli.run(["delete", "1", "--yes"]).code == 0)
        #expect(try cli.run(["list"]).out.contains("No applications yet"))
    }

    @Test func explainsEveryMistakeAndExitsNonZero() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let cases: [([String], String)] = [
            (["add", "--role", "Analyst"], "Add the company's name."),
            (["add", "--company", "Acme", "--role", "A", "--applied", "2030-01-01"], "is in the future"),
            (["add", "--company", "Acme", "--role", "A", "--applied", "01/02/2026"], "Write it as YYYY-MM-DD"),
            (["add", "--company", "Acme", "--role", "A", "--source", "carrier-pigeon"], "job-board, linkedin, company-site"),
            (["add", "--company", "Acme", "--role", "A", "--description-file", "/nonexistent/posting.txt"], "There is no file at /nonexistent/posting.txt"),
            (["move", "42", "interview"], "There is no application with id 42"),
            (["move", "1", "phone-screen"], "Use one of: saved, applied"),
            (["reject", "1", "--category", "bad-luck"], "is not a category"),
            (["reject", "1", "--intensity", "11"], "1 (barely) to 10"),
            (["list", "--outcome", "maybe"], "is not an outcome"),
        ]
        for (arguments, message) in cases {
            let result = try cli.run(arguments)
            #expect(result.code != 0, "\(arguments)")
            #expect(result.err.contains(message), "\(arguments): \(result.err)")
        }
        #expect((try cli.json(["list", "--json"]) as? [Any])?.isEmpty == true)
    }

    @Test func readsAJobDescriptionFromAFileOrStandardInput() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let file = cli.folder.appendingPathComponent("posting.txt")
        try Data("We need SQL and Python.\r\nAnd communication.".utf8).write(to: file)
        try cli.run(["add", "--company", "A", "--role", "B", "--description-file", file.path])
        try cli.run(["add", "--company", "C", "--role", "D", "--description-file", "-"], input: "From stdin: dbt")
        let first = try #require(try cli.json(["show", "1", "--json"]) as? [String: Any])
        #expect(first["jobDescription"] as? String == "We need SQL and Python.\nAnd communication.")
        let second = try #require(try cli.json(["show", "2", "--json"]) as? [String: Any])
        #expect(second["jobDescription"] as? String == "From stdin: dbt")
        let binary = cli.folder.appendingPathComponent("posting.pdf")
        try Data([0xff, 0xfe, 0x00, 0xd8, 0x00]).write(to: binary)
        let refused = try cli.run(["add", "--company", "E", "--role", "F", "--description-file", binary.path])
        #expect(refused.code == 1 && refused.err.contains("isn't UTF-8 text"))
    }

    @Test func takesTheDatabaseBeforeOrAfterTheSubcommand() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let other = cli.folder.appendingPathComponent("other.sqlite").path
        #expect(try cli.run(["--database", other, "add", "--company", "Before", "--role", "R"]).code == 0)
        #expect(try cli.run(["add", "--database", other, "--company", "After", "--role", "R"]).code == 0)
        let listed = try cli.run(["list", "--database", other])
        #expect(listed.out.contains("Before") && listed.out.contains("After"))
        let missing = try cli.run(["list"])
        #expect(missing.code == 1 && missing.err.contains("There's no NextYes database at \(cli.database) yet"))
        #expect(!FileManager.default.fileExists(atPath: cli.database), "a read-only command creates nothing")
        let defaultLocation = try cli.run(["add", "--company", "Home", "--role", "R"], useDatabase: false)
        #expect(defaultLocation.code == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent(".local/share/nextyes/nextyes.sqlite").path))
    }

    @Test func demoFillsAnEmptyDatabaseOnly() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let demo = try cli.run(["demo"])
        #expect(demo.code == 0 && demo.out.contains("25 applications"))
        let list = try #require(try cli.json(["list", "--json"]) as? [[String: Any]])
        #expect(list.count == 25)
        let refused = try cli.run(["demo"])
        #expect(refused.code == 1 && refused.err.contains("already holds 25 applications"))
        #expect(try cli.run(["demo", "--force"]).code == 0)
    }

    @Test func everyCommandExplainsItselfWithExamples() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let root = try cli.run(["--help"])
        #expect(root.out.contains("nextyes serve"))
        for command in ["add", "edit", "move", "reject", "ghosted", "withdraw", "reopen", "accept", "decline", "delete", "list", "show", "demo", "serve"] {
            let help = try cli.run([command, "--help"])
            #expect(help.code == 0, "\(command)")
            #expect(help.out.contains("Example"), "\(command) --help has no example")
            #expect(help.out.contains("--database"), "\(command) --help lacks --database")
        }
    }
}
