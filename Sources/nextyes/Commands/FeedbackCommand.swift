import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct FeedbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Ask for feedback, record it, and read it for themes.",
        discussion: """
            Examples:
              nextyes feedback request 3       print a feedback request e-mail
              nextyes feedback add 3 < reply.txt
              nextyes feedback list 3          requests and answers so far
              nextyes feedback mark 2 declined
              echo "Strong SQL, weak storytelling" | nextyes feedback themes
            """,
        subcommands: [FeedbackRequestCommand.self, FeedbackAddCommand.self, FeedbackListCommand.self,
                      FeedbackMarkCommand.self, FeedbackThemesCommand.self])
}

struct FeedbackRequestCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Print a feedback request e-mail for an application (NextYes sends nothing).",
        discussion: """
            Thanks them, and asks what you could do differently or which skills to strengthen; \
            never why someone else was chosen. Variants: \(FeedbackRequestVariant.idList) (the default \
            fits the stage you reached). If you wrote a reflection, the parts you rated lowest are \
            mentioned. With --sent, NextYes records it and suggests one follow-up after a week.

            Examples:
              nextyes feedback request 3
              nextyes feedback request 3 --variant short --to "Dana Reyes"
              nextyes feedback request 3 --to "Dana Reyes" --email dana@acme.example --sent
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id.") var id: Int
    @Option(help: "short, standard or final-round.") var variant: String?
    @Option(help: "Their name, for the greeting.") var to: String?
    @Option(help: "Their e-mail address (kept with the contact).") var email: String?
    @Flag(help: "Record the request as sent.") var sent = false
    @Option(help: ArgumentHelp("With --sent: the day you sent it (default: today).", valueName: "YYYY-MM-DD")) var on: String?

    func run(workspace: Workspace) async throws {
        if let email, case .failure(let message) = FormRules.emailAddress(email) {
            throw ValidationErrors([FieldError("email", message.text)])
        }
        var chosen: FeedbackRequestVariant?
        if let variant {
            guard let parsed = FeedbackRequestVariant(id: variant) else {
                throw ValidationErrors([FieldError("variant", "\"\(variant)\" is not a variant. Use one of: \(FeedbackRequestVariant.idList).")])
            }
            chosen = parsed
        }
        let draft = try await workspace.feedback.draft(applicationID: id, contactName: to, variant: chosen)
        guard sent else {
            Console.out("Subject: \(draft.email.subject)\n\n\(draft.email.body)")
            return
        }
        // Recorded first: a refused request (one is already awaiting an answer) prints no e-mail.
        let day = try Parse.day(on, today: workspace.today, what: "The sending date")
        let contact = try to.map { try ContactForm(name: $0, company: draft.application.company, email: email ?? "").validated() }
        let request = try await workspace.feedback.recordSent(applicationID: id, variant: draft.variant, contact: contact, on: day)
        Console.out("Subject: \(draft.email.subject)\n\n\(draft.email.body)")
        Console.error("Recorded request \(request.id) as sent on \(request.sentOn ?? workspace.today). If there's no answer by \(request.followUpDueOn!), NextYes will suggest one follow-up.")
    }
}

struct FeedbackAddCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record feedback an employer gave you, and see its themes.",
        discussion: """
            Reads the feedback from --text or standard input. An open request for the \
            application is marked as replied.

            Examples:
              nextyes feedback add 3 --text "Strong SQL, but your answers lacked structure."
              pbpaste | nextyes feedback add 3 --on 2026-11-20
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id.") var id: Int
    @Option(help: "The feedback text (default: read standard input).") var text: String?
    @Option(help: ArgumentHelp("The day you received it (default: today).", valueName: "YYYY-MM-DD")) var on: String?
    @Flag(help: "Print the analysis as JSON.") var json = false

    func run(workspace: Workspace) async throws {
        _ = try await workspace.applications.find(id)
        let body = try text ?? StandardInput.text(example: "nextyes feedback add \(id) < reply.txt")
        try await CareOutput.notice([body], workspace: workspace)
        let day = try Parse.day(on, today: workspace.today, what: "The date")
        let (saved, analysis) = try await workspace.feedback.record(applicationID: id, text: body, receivedOn: day)
        Console.out(json ? try Console.jsonLine(analysis) : "Saved feedback \(saved.id).\n" + FeedbackReport.text(analysis))
    }
}

struct FeedbackListCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show an application's feedback requests and feedback.",
        discussion: "Example:\n  nextyes feedback list 3")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id.") var id: Int

    func run(workspace: Workspace) async throws {
        let application = try await workspace.applications.find(id)
        let requests = try await workspace.feedback.requests(for: id)
        let items = try await workspace.feedback.feedback(for: id)
        var lines = ["Feedback for \(application.title)"]
        if requests.isEmpty && items.isEmpty {
            lines.append("Nothing yet. Draft a request with: nextyes feedback request \(id)")
        }
        let today = workspace.today
        for r in requests {
            var line = "  Request \(r.id) (\(r.variant.rawValue)): \(r.status.title.lowercased())"
            if let sent = r.sentOn, r.status != .sent { line += ", sent \(sent)" } else if let sent = r.sentOn { line += " on \(sent)" }
            if let due = r.followUpDueOn { line += r.isFollowUpDue(today: today) ? ", follow-up due now" : ", follow-up from \(due)" }
            lines.append(line)
        }
        for (f, analysis) in items {
            lines.append("\n  \(f.receivedOn): \(f.text)")
            lines.append(FeedbackReport.text(analysis).split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        }
        Console.out(lines.joined(separator: "\n"))
    }
}

struct FeedbackMarkCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Update a feedback request: replied, declined, no-reply, or followed-up.",
        discussion: """
            Examples:
              nextyes feedback mark 2 declined
              nextyes feedback mark 2 followed-up --on 2026-11-28
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The request's id (see nextyes feedback list).") var requestID: Int
    @Argument(help: "replied, declined, no-reply or followed-up.") var status: String
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: String?

    func run(workspace: Workspace) async throws {
        let day = try Parse.day(on, today: workspace.today, what: "The date")
        if status.lowercased() == "followed-up" {
            _ = try await workspace.feedback.recordFollowUp(requestID, on: day)
            Console.out("Follow-up recorded. That's the last nudge NextYes will suggest for this one.")
            return
        }
        guard let parsed = FeedbackRequestStatus(id: status), parsed != .draft, parsed != .sent else {
            throw ValidationErrors([FieldError("status", "\"\(status)\" is not something to mark. Use replied, declined, no-reply or followed-up.")])
        }
        _ = try await workspace.feedback.mark(requestID, parsed, on: day)
        Console.out(parsed == .replied ? "Marked as replied. Add what they said with: nextyes feedback add <application id>"
                    : "Noted. Not every company gives feedback; that's their policy, not a reflection on you.")
    }
}

struct FeedbackThemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Read feedback text for themes, stated reasons and boilerplate.",
        discussion: """
            Reads one text from standard input. Themes: technical-skills, communication, \
            problem-solving, teamwork, adaptability, leadership, each a strength or an \
            improvement, with the words it rests on. Reasons use the rejection categories. \
            "generic" is true for boilerplate that says nothing specific about you.

            Examples:
              echo "No concerns on the tech side" | nextyes feedback themes --json
              nextyes feedback themes --jsonl < snippets.jsonl
            """)

    @Flag(help: "Print JSON: {\"themes\":[...],\"reasons\":[...],\"generic\":BOOL}.") var json = false
    @Flag(help: "Read one {\"text\": ...} object per line and print one JSON result per line.") var jsonl = false

    func run() async throws {
        try await Console.reportingErrors { try await analyse() }
    }

    func analyse() async throws {
        if jsonl {
            try await JSONLines.map { FeedbackAnalyzer.analyze($0) }
            return
        }
        let text = try StandardInput.text(example: "echo \"...\" | nextyes feedback themes")
        let analysis = FeedbackAnalyzer.analyze(text)
        if json {
            Console.out(try Console.jsonLine(analysis))
        } else {
            Console.out(FeedbackReport.text(analysis))
        }
    }
}

enum FeedbackReport {
    static func text(_ analysis: FeedbackAnalysis) -> String {
        var lines: [String] = []
        if analysis.themes.isEmpty {
            lines.append("No themes found.")
        }
        for hit in analysis.themes {
            lines.append("\(hit.polarity == .strength ? "Strength" : "To work on"): \(hit.theme.title) — \"\(hit.evidence)\"")
        }
        for reason in analysis.reasons {
            let category = RejectionCategory(rawValue: reason.reason)
            let control = category.map { $0.controllability.title.lowercased() } ?? (reason.controllable ? "in your control" : "out of your control")
            lines.append("Stated reason: \(category?.title ?? reason.reason) (\(control)) — \"\(reason.evidence)\"")
        }
        if analysis.generic {
            lines.append("This reads as a general reply, with nothing specific about you in it. That's common, and it says nothing about your worth. A short follow-up asking for one specific point often helps.")
        }
        return lines.joined(separator: "\n")
    }
}

/// Reading text for the analysis commands.
enum StandardInput {
    static let maxBytes = 5_000_000

    static func text(example: String) throws -> String {
        if isatty(FileHandle.standardInput.fileDescriptor) != 0 {
            throw ValidationErrors([FieldError("input", "This reads text from standard input. Pipe it in or redirect a file, for example: \(example)")])
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard data.count <= maxBytes else {
            throw ValidationErrors([FieldError("input", "The input is \(data.count / 1_000_000) MB; NextYes reads up to 5 MB at a time. Split it into smaller pieces.")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationErrors([FieldError("input", "The input isn't UTF-8 text. Save it as plain text and try again.")])
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationErrors([FieldError("input", "There was no text on standard input. Pipe some in, for example: \(example)")])
        }
        return text
    }
}

/// One {"text": ...} object per input line in, one JSON result per line out. A line that is not
/// such an object, or whose text can't be read (the transform throws), gets {"error": ...} with
/// its line number, so the output stays aligned; then the command fails, saying how many.
enum JSONLines {
    struct Input: Decodable { var text: String }
    struct LineError: Encodable { var error: String; var line: Int }

    static func map<T: Encodable>(_ transform: (String) async throws -> T) async throws {
        let decoder = JSONDecoder()
        var number = 0
        var failures = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                Console.out(try Console.jsonLine(LineError(error: "empty line; expected {\"text\": ...}", line: number)))
                failures += 1
                continue
            }
            guard let input = try? decoder.decode(Input.self, from: Data(line.utf8)) else {
                failures += 1
                Console.out(try Console.jsonLine(LineError(error: "not a JSON object with a \"text\" string", line: number)))
                continue
            }
            do {
                Console.out(try Console.jsonLine(try await transform(input.text)))
            } catch {
                failures += 1
                Console.out(try Console.jsonLine(LineError(error: (error as? LocalizedError)?.errorDescription ?? "\(error)", line: number)))
            }
        }
        if failures > 0 {
            Console.error("nextyes: \(failures) of \(number) lines could not be read; each got an {\"error\": ...} line in the output.")
            throw ExitCode.failure
        }
    }
}
