import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Your private journal: entries, mood, and gentle checks for thinking traps.",
        discussion: """
            Examples:
              nextyes journal add --mood 4 --emotion tired --text "Another no today."
              echo "I'll never get hired" | nextyes journal check
              nextyes journal list
            """,
        subcommands: [JournalAddCommand.self, JournalListCommand.self, JournalCheckCommand.self])
}

struct JournalAddCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Write a journal entry, with a mood from 1 to 10 and a few feelings.",
        discussion: """
            The text comes from --text or standard input (without --text and with nothing piped \
            in, only the mood and feelings are saved). If the entry holds a thinking trap, NextYes \
            shows it with questions and a suggested reframe.

            Examples:
              nextyes journal add --mood 6 --emotion hopeful
              nextyes journal add --mood 3 --text "Third no this week."
              nextyes journal add < today.txt
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The entry's text (default: standard input, when piped).") var text: String?
    @Option(help: "Mood from 1 (very low) to 10 (great).") var mood: String?
    @Option(name: .customLong("emotion"), help: ArgumentHelp("A feeling (repeat for more).", valueName: "word")) var emotions: [String] = []
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: String?

    func run(workspace: Workspace) async throws {
        var body = text ?? ""
        if text == nil, isatty(FileHandle.standardInput.fileDescriptor) == 0 {
            body = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        let new = try JournalForm(text: body, mood: mood ?? "", emotions: emotions, on: on ?? "").validated(today: workspace.today)
        try await CareOutput.notice([body] + emotions, workspace: workspace)
        let entry = try await workspace.journal.add(new)
        Console.out("Saved journal entry \(entry.id).")
        let check = ThinkingTrapDetector.check(entry.text ?? "")
        if !check.traps.isEmpty {
            Console.out("\nSome of it follows a familiar pattern. This is an invitation to look again, not a verdict.\n")
            Console.out(TrapReport.text(check))
        }
    }
}

struct JournalListCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show recent journal entries and your mood trend.",
        discussion: """
            Examples:
              nextyes journal list
              nextyes journal list --days 90 --json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many days back.") var days = 30
    @Flag(help: "Print JSON.") var json = false

    func run(workspace: Workspace) async throws {
        guard (1...3650).contains(days) else {
            throw ValidationErrors([FieldError("days", "Choose between 1 and 3650 days.")])
        }
        let today = workspace.today
        let entries = try await workspace.journal.entries(since: today.adding(days: -(days - 1)))
        if json {
            Console.out(try Console.json(entries))
            return
        }
        guard !entries.isEmpty else {
            Console.out("No journal entries in the last \(days) days. Start with: nextyes journal add --mood 5")
            return
        }
        let moods = entries.compactMap(\.mood)
        if !moods.isEmpty {
            Console.out(String(format: "Average mood over these %d days: %.1f of 10 (%d check-ins).\n", days, Double(moods.reduce(0, +)) / Double(moods.count), moods.count))
        }
        for entry in entries {
            var line = "\(entry.writtenOn)  #\(entry.id)"
            if let mood = entry.mood { line += "  mood \(mood)/10" }
            if !entry.emotions.isEmpty { line += "  " + entry.emotions.joined(separator: ", ") }
            Console.out(line)
            if let text = entry.text {
                Console.out("    " + (text.count > 160 ? String(text.prefix(160)) + "…" : text).replacingOccurrences(of: "\n", with: " "))
            }
        }
    }
}

struct JournalCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Look for thinking traps in a text, with a suggested reframe.",
        discussion: """
            Reads one text from standard input. Traps: all-or-nothing, overgeneralizing, \
            labeling, fortune-telling, mind-reading, catastrophizing, personalizing, \
            should-statements, emotional-reasoning, disqualifying-the-positive. Quotes, \
            other people's words, questions and negations don't count. This is a prompt to look \
            at a thought again, never a diagnosis.

            Examples:
              echo "I'll never get hired, I'm a failure" | nextyes journal check
              nextyes journal check --json < entry.txt
              nextyes journal check --jsonl < statements.jsonl
            """)

    @Flag(help: "Print JSON: {\"traps\":[{\"trap\":ID,\"evidence\":TEXT}],\"reframe\":TEXT,\"crisis\":BOOL}. With crisis true, traps and reframe stay empty and \"support\" holds the support card: its message and the crisis lines for this computer's country.") var json = false
    @Flag(help: "Read one {\"text\": ...} object per line and print one JSON result per line.") var jsonl = false

    func run() async throws {
        try await Console.reportingErrors { try await analyse() }
    }

    func analyse() async throws {
        // Words of crisis meet support, never an analysis: with the lines for this computer's country.
        let card = SupportCard.make(ownHelpline: nil, countryCode: HelplineDirectory.region(environment: ProcessInfo.processInfo.environment))
        if jsonl {
            try await JSONLines.map { Checked(ThinkingTrapDetector.check($0), card: card) }
            return
        }
        let check = ThinkingTrapDetector.check(try StandardInput.text(example: "echo \"...\" | nextyes journal check"))
        if json {
            Console.out(try Console.jsonLine(Checked(check, card: card)))
            return
        }
        if check.crisis {
            Console.out(card.text)
            return
        }
        Console.out(TrapReport.text(check))
    }
}

/// `journal check --json`: the check, and with crisis language the support card, so a script or
/// an assistant reading the JSON has the crisis lines to show too.
struct Checked: Encodable {
    var check: TrapCheck
    var support: SupportCard?

    init(_ check: TrapCheck, card: SupportCard) {
        self.check = check
        self.support = check.crisis ? card : nil
    }

    func encode(to encoder: any Encoder) throws {
        try check.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(support, forKey: .support)
    }

    enum Key: String, CodingKey { case support }
}

enum TrapReport {
    static func text(_ check: TrapCheck) -> String {
        guard !check.traps.isEmpty else {
            return "No thinking traps stood out. Writing it down is already a kind thing to do for yourself."
        }
        var lines: [String] = []
        for hit in check.traps {
            lines.append("\(hit.trap.title): \"\(hit.evidence)\"")
            lines.append("  \(hit.trap.explanation)")
            for question in hit.trap.questions { lines.append("  - \(question)") }
        }
        lines.append("")
        lines.append("Another way to see it: \(check.reframe)")
        return lines.joined(separator: "\n")
    }
}
