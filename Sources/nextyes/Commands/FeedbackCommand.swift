import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesStore

struct FeedbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Ask for feedback, record it, and read it for themes.",
        discussion: """
            Examples:
              nextyes feedback request 3                 print a feedback request email
              nextyes feedback add 3 < reply.txt         record the answer they sent
              echo "Strong SQL, but answers lacked structure" | nextyes feedback themes
            """,
        subcommands: [FeedbackThemesCommand.self])
}

struct FeedbackThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Read feedback text for themes, stated reasons and boilerplate.",
        discussion: """
            Reads one text from standard input. Themes: technical-skills, communication, \
            problem-solving, teamwork, adaptability, leadership, each a strength or an \
            improvement, with the words it rests on. Reasons use the rejection categories. \
            "generic" is true for boilerplate that says nothing specific about you.

            Examples:
              echo "No concerns about your technical depth, but answers ran long" | nextyes feedback themes --json
              nextyes feedback themes --jsonl < snippets.jsonl     one {"text": ...} per line in, one result per line out
            """)

    @Flag(help: "Print JSON: {\"themes\":[...],\"reasons\":[...],\"generic\":BOOL}.") var json = false
    @Flag(help: "Read one {\"text\": ...} object per line and print one JSON result per line.") var jsonl = false

    func run() throws {
        if jsonl {
            try JSONLines.map { FeedbackAnalyzer.analyze($0) }
            return
        }
        let text = try StandardInput.text()
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
            lines.append("Stated reason: \(category?.title ?? reason.reason) (\(reason.controllable ? "in your control" : "out of your control")) — \"\(reason.evidence)\"")
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

    static func text() throws -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard data.count <= maxBytes else {
            throw ValidationErrors([FieldError("input", "The input is \(data.count / 1_000_000) MB; NextYes reads up to 5 MB at a time. Split it into smaller pieces.")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationErrors([FieldError("input", "The input isn't UTF-8 text. Save it as plain text and try again.")])
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationErrors([FieldError("input", "There was no text on standard input. Pipe some in, for example: echo \"...\" | nextyes feedback themes")])
        }
        return text
    }
}

/// One {"text": ...} object per input line in, one JSON result per line out. A line that is not
/// such an object gets {"error": ...} with its line number, so the output stays aligned.
enum JSONLines {
    struct Input: Decodable { var text: String }
    struct LineError: Encodable { var error: String; var line: Int }

    static func map<T: Encodable>(_ transform: (String) -> T) throws {
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
            do {
                let input = try decoder.decode(Input.self, from: Data(line.utf8))
                Console.out(try Console.jsonLine(transform(input.text)))
            } catch {
                failures += 1
                Console.out(try Console.jsonLine(LineError(error: "not a JSON object with a \"text\" string", line: number)))
            }
        }
        if failures > 0 {
            Console.error("nextyes: \(failures) of \(number) lines could not be read; each got an {\"error\": ...} line in the output.")
            throw ExitCode.failure
        }
    }
}
