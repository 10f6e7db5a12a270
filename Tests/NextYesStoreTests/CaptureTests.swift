import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights
@testable import NextYesStore
import Testing

/// Job e-mails and postings applied to a real database (SQLite, or PostgreSQL with DATABASE_URL):
/// what each kind of e-mail changes, that the same e-mail twice changes nothing, and that a
/// mailbox is read as a stream, previewed without writing, and applied in one go.
@Suite("Capture: e-mails and postings into the search")
struct CaptureTests {
    static func message(from: String, subject: String, date: String, id: String, body: String) -> String {
        """
        From: \(from)\r
        To: sam@example.com\r
        Subject: \(subject)\r
        Date: \(date)\r
        Message-ID: <\(id)>\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        \(body.replacingOccurrences(of: "\n", with: "\r\n"))\r

        """
    }

    static let rejection = message(
        from: "\"Northwind Careers\" <no-reply@northwind.example>", subject: "Your application for Data Analyst",
        date: "Tue, 17 Nov 2026 09:00:00 +0000", id: "rej-1@northwind.example",
        body: "Dear Sam,\n\nThank you for applying to the Data Analyst position at Northwind Traders.\nUnfortunately, we have decided not to move forward with your application.\n\nThe Northwind Traders Talent Team")
    static let invite = message(
        from: "Contoso Talent <talent@contoso.example>", subject: "Interview invitation: Product Analyst",
        date: "Mon, 16 Nov 2026 10:00:00 +0000", id: "inv-1@contoso.example",
        body: "Hi Sam,\n\nWe'd like to invite you to an interview for the Product Analyst role at Contoso.\nDate: 3 December 2026\nTime: 14:30\n\nBest,\nContoso Talent")
    static let received = message(
        from: "Fabrikam Jobs <jobs@fabrikam.example>", subject: "We received your application",
        date: "Fri, 13 Nov 2026 08:00:00 +0000", id: "ack-1@fabrikam.example",
        body: "Hello Sam,\n\nThank you for applying for the BI Developer role at Fabrikam. We have received your application and will review it shortly.")
    static let newsletter = message(
        from: "Garden Weekly <news@garden.example>", subject: "Ten bulbs to plant now",
        date: "Sat, 14 Nov 2026 07:00:00 +0000", id: "news-1@garden.example",
        body: "Autumn is here. Tulips, daffodils and crocuses all go in before the frost.")

    static func add(_ workspace: Workspace, _ company: String, _ role: String, stage: String = "applied", applied: String = "2026-11-01") async throws -> Application {
        var form = ApplicationForm()
        form.company = company
        form.role = role
        form.stage = stage
        form.appliedOn = stage == "saved" ? "" : applied
        return try await workspace.applications.add(form).application
    }

    @Test func eachKindOfEmailChangesWhatItAnnounces() async throws {
        try await TestStore.with(clock: .fixed(Day("2026-11-20")!)) { connection in
            let workspace = Workspace(store: connection.store)
            let northwind = try await Self.add(workspace, "Northwind Traders", "Data Analyst")
            let contoso = try await Self.add(workspace, "Contoso", "Product Analyst")
            let fabrikam = try await Self.add(workspace, "Fabrikam", "BI Developer", stage: "saved")

            let rejection = try await workspace.capture.readMail(try MailParser.parse(Self.rejection))
            #expect(rejection.applicationID == northwind.id && rejection.reading.kind == .rejection)
            #expect(try await workspace.capture.apply(rejection, to: rejection.applicationID) == .rejected(applicationID: northwind.id))
            #expect(try await workspace.applications.find(northwind.id).outcome == .rejected)
            #expect(try await workspace.applications.rejection(for: northwind.id)?.category == .noReasonGiven)
            #expect(try await workspace.feedback.feedback(for: northwind.id).first?.0.text.contains("Unfortunately") == true, "the e-mail is kept as feedback")

            let invite = try await workspace.capture.readMail(try MailParser.parse(Self.invite))
            #expect(invite.applicationID == contoso.id)
            #expect(try await workspace.capture.apply(invite, to: contoso.id) == .interviewAdded(applicationID: contoso.id, on: Day("2026-12-03")!))
            let rounds = try await workspace.interviews.rounds(for: contoso.id)
            #expect(rounds.count == 1 && rounds.first?.on == Day("2026-12-03") && rounds.first?.time?.description == "14:30")
            #expect(try await workspace.applications.find(contoso.id).stage == .interview)

            let received = try await workspace.capture.readMail(try MailParser.parse(Self.received))
            #expect(received.applicationID == fabrikam.id)
            _ = try await workspace.capture.apply(received, to: fabrikam.id)
            let confirmed = try await workspace.applications.find(fabrikam.id)
            #expect(confirmed.details.appliedOn == Day("2026-11-13") && confirmed.stage == .applied)

            // The same e-mail again changes nothing.
            let again = try await workspace.capture.readMail(try MailParser.parse(Self.rejection))
            #expect(again.alreadyUsed)
            if case .nothing = try await workspace.capture.apply(again, to: northwind.id) {} else { Issue.record("a used e-mail was applied again") }
            #expect(try await workspace.feedback.feedback(for: northwind.id).count == 1)
        }
    }

    static func mailbox(_ messages: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-mbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("Jobs.mbox").path
        var text = ""
        for message in messages {
            // mboxrd: body lines starting "From " are written as ">From ".
            let escaped = message.replacingOccurrences(of: "\nFrom ", with: "\n>From ")
            text += "From sender@example.com Thu Nov 19 09:14:03 2026\n" + escaped + "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aMailboxIsPreviewedThenAppliedOnceInOneGo() async throws {
        try await TestStore.with(clock: .fixed(Day("2026-11-20")!)) { connection in
            let workspace = Workspace(store: connection.store)
            let northwind = try await Self.add(workspace, "Northwind Traders", "Data Analyst")
            let contoso = try await Self.add(workspace, "Contoso", "Product Analyst")
            let unknown = Self.message(from: "Initech Careers <careers@initech.example>", subject: "Your application for QA Lead",
                                       date: "Wed, 18 Nov 2026 12:00:00 +0000", id: "rej-2@initech.example",
                                       body: "Thank you for applying to the QA Lead role at Initech.\nFrom what we saw, we regret to inform you that we will not be moving forward.")
            let path = try Self.mailbox([Self.newsletter, Self.rejection, Self.invite, unknown])
            let preview = try await workspace.capture.preview(mailbox: path)
            #expect(preview.messages == 4 && preview.skipped == 1)
            #expect(Set(preview.changes.compactMap(\.result.applicationID)) == [northwind.id, contoso.id])
            #expect(preview.unmatched.map(\.result.reading.company) == ["Initech"])
            // The escaped body line came back as written, and nothing was written by the preview.
            #expect(preview.unmatched.first?.result.message.text.contains("\nFrom what we saw") == true)
            #expect(try await workspace.applications.find(northwind.id).outcome == .open)

            let applied = try await workspace.capture.importMailbox(preview, addNew: true)
            #expect(applied.count == 3)
            #expect(try await workspace.applications.find(northwind.id).outcome == .rejected)
            #expect(try await workspace.applications.find(contoso.id).stage == .interview)
            let initech = try await workspace.applications.all().first { $0.details.company == "Initech" }
            #expect(initech?.outcome == .rejected && initech?.details.role == "QA Lead")

            // The same mailbox again: every job e-mail was used; nothing changes.
            let second = try await workspace.capture.preview(mailbox: path)
            #expect(second.changes.isEmpty && second.unmatched.isEmpty && second.alreadyUsed == 3)
            #expect(try await workspace.applications.count() == 3)
        }
    }

    @Test func badMailboxesAreRefusedWithTheirReason() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.mbox").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: MailboxError.empty(empty)) { try MailboxReader(path: empty) }
        let picture = folder.appendingPathComponent("photo.mbox").path
        FileManager.default.createFile(atPath: picture, contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]))
        #expect(throws: MailboxError.notAMailbox(picture)) { try MailboxReader(path: picture) }
        #expect(throws: MailboxError.missing(folder.appendingPathComponent("nope.mbox").path)) { try MailboxReader(path: folder.appendingPathComponent("nope.mbox").path) }
        // A mailbox cut off in the middle of its last message still gives every whole message.
        let cut = folder.appendingPathComponent("cut.mbox").path
        let whole = "From a@example.com Thu Nov 19 09:14:03 2026\n" + Self.rejection + "\nFrom b@example.com Thu Nov 19 09:15:03 2026\nFrom: x@y.example\nSubj"
        try Data(whole.utf8).write(to: URL(fileURLWithPath: cut))
        let reader = try MailboxReader(path: cut)
        #expect(try reader.next()?.number == 1)
        #expect(try reader.next()?.number == 2)
        #expect(try reader.next() == nil)
    }

    @Test func aPostingFillsTheFormAndFlagsTheSameJob() async throws {
        try await TestStore.with(clock: .fixed(Day("2026-11-20")!)) { connection in
            let workspace = Workspace(store: connection.store)
            let posting = """
                Senior Data Analyst
                Northwind Traders · Leeds, UK (Hybrid)
                Apply now
                About the job
                We are hiring a Senior Data Analyst. Salary: £45,000 – £52,000 per year. Full-time.
                You will use SQL and Tableau every day.
                """
            let first = try await workspace.capture.readPosting(posting, url: "https://jobs.northwind.example/123")
            #expect(first.form.company == "Northwind Traders" && first.form.role == "Senior Data Analyst")
            #expect(first.form.location == "Leeds, UK (hybrid)" && first.form.salary == "£45,000 – £52,000 per year")
            #expect(first.skills.contains("SQL") && first.duplicates.isEmpty)
            let saved = try await workspace.applications.add(first.form).application
            #expect(saved.details.jobDescription?.contains("SQL and Tableau") == true)
            let again = try await workspace.capture.readPosting(posting, url: "https://jobs.northwind.example/123/")
            #expect(again.duplicates.map(\.application.id) == [saved.id])
            #expect(again.duplicates.first?.why == "the same posting address")
            await #expect(throws: ValidationErrors.self) { try await workspace.capture.readPosting("   ") }
        }
    }

    /// The quick look that lets a mailbox skip mail not about a job never skips one that is: every
    /// job e-mail of both labelled sets passes it (encoded as they were sent).
    @Test func theQuickLookMissesNoJobEmail() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/job-mail")
        struct Item: Decodable { var id: String; var eml: String; var kind: String }
        var checked = 0
        for split in ["dev", "test"] {
            let text = try String(contentsOf: folder.appendingPathComponent("\(split).jsonl"), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.isEmpty {
                let item = try JSONDecoder().decode(Item.self, from: Data(line.utf8))
                guard item.kind != "other" else { continue }
                checked += 1
                let passes = MailboxReader.mightBeAboutAJob(Array(item.eml.utf8))
                #expect(passes, "\(item.id) would be skipped")
            }
        }
        #expect(checked > 200)
        // A Swedish invitation, from a fifth trial: it was skipped as not about a job.
        let swedish = "From: Fjällkraft Energi <rekrytering@fjallkraft.example>\nSubject: Inbjudan till intervju – Projektledare\n\nHej Maja,\n\nTack för din ansökan till tjänsten som Projektledare hos Fjällkraft Energi.\n"
        #expect(MailboxReader.mightBeAboutAJob(Array(swedish.utf8)))
    }
}
