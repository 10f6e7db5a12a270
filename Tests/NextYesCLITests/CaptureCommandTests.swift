import Foundation
import Testing

/// `nextyes posting read`, `add --from-posting`, `mail read` and `mail import` through the real binary.
@Suite("nextyes: postings and e-mails in")
struct CaptureCommandTests {
    static let posting = """
        Senior Data Analyst
        Northwind Traders · Leeds, UK (Hybrid)
        Apply now
        About the job
        We are hiring a Senior Data Analyst. Full-time. You will use SQL and Tableau.
        """

    static let rejection = """
        From: "Northwind Careers" <no-reply@northwind.example>\r
        To: sam@example.com\r
        Subject: Your application for Senior Data Analyst\r
        Date: Tue, 17 Nov 2026 09:00:00 +0000\r
        Message-ID: <rej-cli@northwind.example>\r
        \r
        Dear Sam,\r
        \r
        Thank you for applying to the Senior Data Analyst position at Northwind Traders.\r
        Unfortunately, we have decided not to move forward with your application.\r

        """

    @Test func postingReadPrintsEveryFieldWithNullWhereNothingWasFound() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["posting", "read", "--json"], input: Self.posting, useDatabase: false)
        #expect(result.code == 0, "\(result.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(Set(json.keys).isSuperset(of: ["company", "role", "location", "salary", "employmentType", "skills"]))
        #expect(json["company"] as? String == "Northwind Traders" && json["role"] as? String == "Senior Data Analyst")
        #expect(json["salary"] is NSNull, "no pay in this posting: null, not missing")
        #expect((json["skills"] as? [String])?.contains("SQL") == true)
        let lines = try cli.run(["posting", "read", "--jsonl"], input: "{\"text\": \"Product Analyst\\nContoso · Austin, TX\\n\"}\nnot json\n", useDatabase: false)
        let outputs = lines.out.split(separator: "\n")
        #expect(outputs.count == 2 && outputs[1].contains("\"error\""))
        // A file, or "-" for standard input, reads the same; a missing file says so.
        let file = cli.folder.appendingPathComponent("posting.txt")
        try Data(Self.posting.utf8).write(to: file)
        let fromFile = try cli.run(["posting", "read", "--json", file.path], useDatabase: false)
        let fromDash = try cli.run(["posting", "read", "--json", "-"], input: Self.posting, useDatabase: false)
        #expect(fromFile.code == 0 && fromFile.out == result.out && fromDash.out == result.out, "\(fromFile.err)\(fromDash.err)")
        let missing = try cli.run(["posting", "read", cli.folder.appendingPathComponent("none.txt").path], useDatabase: false)
        #expect(missing.code != 0 && missing.err.contains("There is no file"))
    }

    @Test func addFromAPostingFillsWhatItFound() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let file = cli.folder.appendingPathComponent("posting.txt")
        try Data(Self.posting.utf8).write(to: file)
        let added = try cli.run(["add", "--from-posting", file.path, "--stage", "saved"])
        #expect(added.code == 0, "\(added.err)")
        let list = try cli.json(["list", "--json"]) as? [[String: Any]]
        #expect(list?.first?["company"] as? String == "Northwind Traders")
        #expect(list?.first?["role"] as? String == "Senior Data Analyst")
        // A posting that names no company asks for it, and adds nothing.
        try Data("We are hiring. Apply today.".utf8).write(to: file)
        let refused = try cli.run(["add", "--from-posting", file.path])
        #expect(refused.code != 0 && refused.err.contains("--company"))
        #expect((try cli.json(["list", "--json"]) as? [[String: Any]])?.count == 1)
    }

    @Test func mailReadAndImportApplyOnceAndDryRunWritesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["add", "--company", "Northwind Traders", "--role", "Senior Data Analyst", "--applied", "2026-11-01"]).code == 0)
        let read = try cli.run(["mail", "read", "--json"], input: Self.rejection)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read.out.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "rejection" && json["category"] as? String == "no-reason-given")
        #expect(json["company"] as? String == "Northwind Traders" && json["application"] as? Int == 1)
        #expect(json.keys.contains("role"))
        // As every --jsonl command: a bad line gets its error in place, and the command fails.
        let lines = try cli.run(["mail", "read", "--jsonl"], input: "not json\n")
        #expect(lines.code != 0 && lines.out.contains("\"line\":1") && lines.err.contains("1 of 1 lines"))
        // A folder is explained, with what to run instead.
        let folder = try cli.run(["mail", "read", cli.folder.path])
        #expect(folder.code != 0 && folder.err.contains("mail import"))

        let mbox = cli.folder.appendingPathComponent("Jobs.mbox")
        try Data(("From sender@example.com Thu Nov 19 09:14:03 2026\n" + Self.rejection).utf8).write(to: mbox)
        let dry = try cli.run(["mail", "import", mbox.path, "--dry-run"])
        #expect(dry.code == 0 && dry.out.contains("Record the no"))
        #expect((try cli.json(["list", "--json"]) as? [[String: Any]])?.first?["outcome"] as? String == "open", "a dry run writes nothing")
        let real = try cli.run(["mail", "import", mbox.path])
        #expect(real.code == 0 && real.err.contains("Applied 1 change"))
        #expect((try cli.json(["list", "--json"]) as? [[String: Any]])?.first?["outcome"] as? String == "rejected")
        let again = try cli.run(["mail", "import", mbox.path])
        #expect(again.code == 0 && again.out.contains("1 were imported before") && again.err.contains("Nothing to apply"))

        let empty = cli.folder.appendingPathComponent("empty.mbox")
        FileManager.default.createFile(atPath: empty.path, contents: Data())
        let refused = try cli.run(["mail", "import", empty.path])
        #expect(refused.code != 0 && refused.err.contains("is empty"))
    }

    /// An invitation that offers two slots sets no day: both are listed, for the person to pick.
    @Test func mailReadListsTheSlotsOfferedWithoutChoosingOne() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let invite = """
            From: Severnside Community Health <jobs@severnside-health.example>
            Subject: Invitation to interview: Community Physiotherapist
            Date: Thu, 29 Jan 2026 13:10:00 +0000
            Message-ID: <slots-cli@severnside-health.example>
            
            The panel would like to interview you for Community Physiotherapist.
            We can offer you either of the following:
              - Tuesday 10 February at 10:00
              - Thursday 12 February at 14:30

            """
        let read = try cli.run(["mail", "read", "--json"], input: invite)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read.out.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "interview-invite")
        #expect(json["interviewDate"] is NSNull)
        let slots = try #require(json["offeredSlots"] as? [[String: Any]])
        #expect(slots.compactMap { $0["date"] as? String } == ["2026-02-10", "2026-02-12"])
        #expect(slots.compactMap { $0["time"] as? String } == ["10:00", "14:30"])
        let text = try cli.run(["mail", "read"], input: invite)
        #expect(text.code == 0 && text.out.contains("They offered 2 times"), "\(text.out)")
    }
}
