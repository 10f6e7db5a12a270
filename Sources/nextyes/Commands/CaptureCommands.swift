import ArgumentParser
import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights

// MARK: Postings

struct PostingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "posting",
        abstract: "Read a job posting: company, role, location, pay, contract and skills.",
        subcommands: [PostingReadCommand.self])
}

struct PostingReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a posting's text or saved HTML from a file or standard input (nothing is saved).",
        discussion: """
            Prints what NextYes found, with the words it found each field in. To add the job: \
            nextyes add --from-posting FILE.

            Examples:
              nextyes posting read posting.txt
              nextyes posting read < posting.txt
              nextyes posting read --json saved-page.html
              nextyes posting read --jsonl < postings.jsonl      one {"text": ...} per line
            """)

    @Flag(help: "Print JSON: {\"company\", \"role\", \"location\", \"salary\", \"employmentType\", \"skills\": [...]}.") var json = false
    @Flag(help: "Read one {\"text\": ...} object per line and print one JSON result per line.") var jsonl = false
    @Argument(help: ArgumentHelp("A posting's text or saved HTML page; without it, or with -, it is read from standard input.", valueName: "file")) var file: String?

    struct Result: Encodable {
        var company: String?
        var role: String?
        var location: String?
        var workplace: String?
        var salary: String?
        var employmentType: String?
        var skills: [String]

        enum Keys: String, CodingKey { case company, role, location, workplace, salary, employmentType, skills }

        /// Every key is present, with null where nothing was found.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(company, forKey: .company)
            try c.encode(role, forKey: .role)
            try c.encode(location, forKey: .location)
            try c.encode(workplace, forKey: .workplace)
            try c.encode(salary, forKey: .salary)
            try c.encode(employmentType, forKey: .employmentType)
            try c.encode(skills, forKey: .skills)
        }
    }

    static func skills(_ reading: PostingReading) -> [String] {
        (try? SkillExtractor.bundled().skills(in: reading.text).map(\.name)) ?? []
    }

    static func result(_ reading: PostingReading) -> Result {
        Result(company: reading.company?.value, role: reading.role?.value, location: reading.location?.value,
               workplace: reading.workplace?.value, salary: reading.salary?.value, employmentType: reading.employmentType?.value, skills: skills(reading))
    }

    func run() async throws {
        try await Console.reportingErrors {
            if jsonl {
                try await JSONLines.map { Self.result(PostingReader.read($0)) }
                return
            }
            let text = try file.map { try TextFile.read($0) } ?? StandardInput.text(example: "nextyes posting read < posting.txt")
            let reading = PostingReader.read(text)
            if json {
                Console.out(try Console.jsonLine(Self.result(reading)))
                return
            }
            Console.out(PostingReport.describe(reading, skills: Self.skills(reading)))
        }
    }
}

enum PostingReport {
    static func describe(_ reading: PostingReading, skills: [String]) -> String {
        func line(_ label: String, _ field: PostingField?) -> String {
            guard let field else { return "\(label): not found" }
            return "\(label): \(field.value)" + (field.evidence == field.value ? "" : "    (from: \"\(field.evidence.prefix(100))\")")
        }
        var lines = [line("Company", reading.company), line("Role", reading.role), line("Location", reading.location),
                     line("Workplace", reading.workplace), line("Pay", reading.salary), line("Contract", reading.employmentType)]
        lines.append("Skills: " + (skills.isEmpty ? "none found" : skills.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }
}

// MARK: E-mails

struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Read job e-mails (one, or a whole mailbox) and apply what they say.",
        discussion: """
            Nothing is sent anywhere and no mailbox password is asked for: save a message as \
            .eml, or export the mailbox as mbox (Gmail Takeout, Thunderbird, Apple Mail).
            """,
        subcommands: [MailReadCommand.self, MailImportCommand.self])
}

struct MailReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read one e-mail: its kind, company, role, reason and the application it is about (nothing is saved).",
        discussion: """
            The kind is one of: \(MailKind.allCases.map(\.rawValue).joined(separator: ", ")). The \
            application is matched in the database when there is one. For a rejection, the \
            category is the reason it states: \(RejectionCategory.allCases.map(\.rawValue).joined(separator: ", ")).

            Examples:
              nextyes mail read message.eml
              nextyes mail read --json < message.eml
              nextyes mail read --jsonl < messages.jsonl      one {"text": raw message} per line
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON: {\"kind\", \"company\", \"role\", \"category\", \"application\", ...}.") var json = false
    @Flag(help: "Read one {\"text\": ...} object per line (a raw message each) and print one JSON result per line.") var jsonl = false
    @Argument(help: ArgumentHelp("A saved e-mail (.eml); without it, the message is read from standard input.", valueName: "file.eml")) var file: String?

    struct Result: Encodable {
        var kind: String
        var company: String?
        var role: String?
        var category: String?
        var application: Int?
        var applicationTitle: String?
        var matchConfidence: Double?
        var reason: String?
        var interviewDate: String?
        var interviewTime: String?
        var offeredSlots: [Slot]?
        var confidence: Double
        var subject: String
        var alreadyUsed: Bool

        enum Keys: String, CodingKey {
            case kind, company, role, category, application, applicationTitle, matchConfidence, reason, interviewDate, interviewTime, offeredSlots, confidence, subject, alreadyUsed
        }

        /// One offered day and time: {"date": "2026-02-10", "time": "10:00"}.
        struct Slot: Encodable {
            var date: String
            var time: String?

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: SlotKeys.self)
                try c.encode(date, forKey: .date)
                try c.encode(time, forKey: .time)
            }

            enum SlotKeys: String, CodingKey { case date, time }
        }

        /// Every key is present, with null where nothing was found.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(company, forKey: .company)
            try c.encode(role, forKey: .role)
            try c.encode(category, forKey: .category)
            try c.encode(application, forKey: .application)
            try c.encode(applicationTitle, forKey: .applicationTitle)
            try c.encode(matchConfidence, forKey: .matchConfidence)
            try c.encode(reason, forKey: .reason)
            try c.encode(interviewDate, forKey: .interviewDate)
            try c.encode(interviewTime, forKey: .interviewTime)
            try c.encode(offeredSlots, forKey: .offeredSlots)
            try c.encode(confidence, forKey: .confidence)
            try c.encode(subject, forKey: .subject)
            try c.encode(alreadyUsed, forKey: .alreadyUsed)
        }
    }

    static func result(_ r: Capture.MailResult) -> Result {
        Result(kind: r.reading.kind.rawValue, company: r.reading.company, role: r.reading.role, category: r.reading.category?.rawValue,
               application: r.applicationID, applicationTitle: r.applicationTitle, matchConfidence: r.matchConfidence, reason: r.reading.reason,
               interviewDate: r.reading.interviewDate?.description, interviewTime: r.reading.interviewTime,
               offeredSlots: r.reading.offeredSlots?.map { Result.Slot(date: $0.day.description, time: $0.time) }, confidence: r.reading.confidence,
               subject: r.message.subject, alreadyUsed: r.alreadyUsed)
    }

    func run() async throws {
        try await Console.reportingErrors {
            let location = try global.location
            // Matching needs the database; reading alone doesn't, so a missing file is no error here.
            let connection: WorkspaceConnection?
            if case .sqliteFile(let path) = location, !FileManager.default.fileExists(atPath: path) {
                connection = nil
            } else {
                connection = try await WorkspaceConnection.open(location)
            }
            do {
                // The applications are loaded once, however many e-mails follow.
                if let connection {
                    let command = self
                    try await connection.run(account: global.accountEmail, readOnly: true) { workspace in
                        let reader = try await workspace.capture.mailReader()
                        try await command.body { message in try await reader.read(message) }
                    }
                } else {
                    try await body { message in Capture.unmatched(message) }
                }
            } catch {
                await connection?.close()
                throw error
            }
            await connection?.close()
        }
    }

    func body(_ read: (MailMessage) async throws -> Capture.MailResult) async throws {
        if jsonl {
            try await JSONLines.map { text in Self.result(try await read(try MailParser.read(Array(text.utf8)))) }
            return
        }
        let bytes: [UInt8]
        if let file {
            var folder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &folder) else { throw MailboxError.missing(file) }
            guard !folder.boolValue else {
                throw MailboxError.unreadable(file, "it is a folder, and this reads one e-mail. To read every e-mail in it: nextyes mail import \(file) --dry-run")
            }
            guard let data = FileManager.default.contents(atPath: file) else { throw MailboxError.unreadable(file, "it can't be opened (check that you may read it)") }
            bytes = Array(data)
        } else {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        let result = try await read(try MailParser.read(bytes))
        if json {
            Console.out(try Console.jsonLine(Self.result(result)))
        } else {
            Console.out(MailText.describe(result))
        }
    }
}

enum MailText {
    static func describe(_ r: Capture.MailResult) -> String {
        var lines = ["\(r.reading.kind.title) (\(r.reading.kind.rawValue))" + (r.message.subject.isEmpty ? "" : ": \"\(r.message.subject)\"")]
        if let company = r.reading.company { lines.append("Company: \(company)") }
        if let role = r.reading.role { lines.append("Role: \(role)") }
        if let category = r.reading.category {
            lines.append("Reason: \(category.title)" + (r.reading.reason.map { " — \"\($0)\"" } ?? ""))
            if category == .noReasonGiven {
                lines.append("No reason was given. That is common, and it says nothing about your worth; asking for one specific point often helps.")
            }
        }
        if let day = r.reading.interviewDate { lines.append("When: \(day.readable)\(r.reading.interviewTime.map { " at \($0)" } ?? "")") }
        if let offered = r.reading.offeredSlots, offered.count > 1 {
            lines.append("They offered \(offered.count) times: " + offered.map(\.readable).joined(separator: "; ") + ".")
            lines.append("Once you have chosen, add it with: nextyes interviews add \(r.applicationID.map(String.init) ?? "ID") --on \(offered[0].day) " + (offered[0].time.map { "--time \($0)" } ?? ""))
        }
        if let id = r.applicationID {
            lines.append("Application: \(id) \(r.applicationTitle ?? "")")
            lines.append("To apply it: " + Capture.describe(r).lowercased() + " — nextyes mail import FILE.eml")
        } else if r.reading.kind != .other {
            lines.append("No application matches. Add it with: nextyes add --company \"\(r.reading.company ?? "…")\" --role \"\(r.reading.role ?? "…")\", or import with --add-new.")
        }
        if r.alreadyUsed { lines.append("This e-mail was used before; importing it again changes nothing.") }
        return lines.joined(separator: "\n")
    }
}

struct MailImportCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a mailbox (mbox, .eml, or a folder of .eml) and apply the job updates in it.",
        discussion: """
            Mail that isn't about a job is skipped after a quick look and nothing of it is kept. \
            Each job e-mail is matched to an application and applied: a no is recorded with its \
            reason and the e-mail kept as feedback, an invitation adds the interview round, an \
            assessment or offer moves the stage, an acknowledgement confirms the day applied. \
            All changes are made in one transaction. Importing the same mailbox again changes \
            nothing (each e-mail's Message-ID is remembered).

            Examples:
              nextyes mail import ~/Downloads/Takeout/Mail/Jobs.mbox --dry-run
              nextyes mail import Jobs.mbox
              nextyes mail import saved-mails/ --add-new
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("An mbox file, a .eml file, or a folder of .eml files.", valueName: "path")) var path: String
    @Flag(name: .customLong("dry-run"), help: "Show what would change, and change nothing.") var dryRun = false
    @Flag(name: .customLong("add-new"), help: "Add job e-mails that match no application as new applications.") var addNew = false

    func preflight() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw MailboxError.missing(path) }
    }

    func run(workspace: Workspace) async throws {
        let preview = try await workspace.capture.preview(mailbox: path)
        var lines = ["Read \(preview.messages) message\(preview.messages == 1 ? "" : "s"): \(preview.changes.count) job update\(preview.changes.count == 1 ? "" : "s") for your applications, \(preview.unmatched.count) about jobs not in NextYes, \(preview.skipped) not about a job (skipped, nothing kept)."]
        if preview.alreadyUsed > 0 { lines.append("\(preview.alreadyUsed) were imported before and change nothing.") }
        for problem in preview.unreadable { lines.append("Message \(problem.number) could not be read: \(problem.why)") }
        var lastTitle: String?
        for change in preview.changes {
            if change.result.applicationTitle != lastTitle {
                lines.append("")
                lines.append("\(change.result.applicationTitle ?? "") (application \(change.result.applicationID ?? 0)):")
                lastTitle = change.result.applicationTitle
            }
            lines.append("  message \(change.number), \(change.result.message.subject.isEmpty ? "(no subject)" : "\"\(change.result.message.subject)\""): \(change.change)")
        }
        if !preview.unmatched.isEmpty {
            lines.append("")
            lines.append(addNew ? "New applications from e-mails:" : "About jobs not in NextYes (add them with --add-new):")
            for change in preview.unmatched {
                lines.append("  message \(change.number): \(change.result.reading.company ?? "unknown company"), \(change.result.reading.role ?? "role not named") — \(change.result.reading.kind.title.lowercased())")
            }
        }
        Console.out(lines.joined(separator: "\n"))
        guard !dryRun else {
            Console.error("Nothing was changed (--dry-run). Run again without --dry-run to apply.")
            return
        }
        guard !preview.changes.isEmpty || (addNew && !preview.unmatched.isEmpty) else {
            Console.error("Nothing to apply.")
            return
        }
        let applied = try await workspace.capture.importMailbox(preview, addNew: addNew)
        let changed = applied.filter { if case .nothing = $0 { false } else { true } }.count
        Console.error("Applied \(changed) change\(changed == 1 ? "" : "s") in one go. See them with: nextyes list")
    }
}
