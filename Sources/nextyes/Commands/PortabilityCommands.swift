import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures
import NextYesWeb

/// Output files (exports, reports, backups) are written atomically and owner-only.
enum OutputFile {
    static func write(_ data: Data, to path: String) throws {
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw ValidationErrors([FieldError("output", error.errorDescription ?? "NextYes couldn't write \(path).")])
        }
    }
}

struct ExportCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export everything as a JSON backup, or your applications as CSV.",
        discussion: """
            JSON is a complete, versioned backup of everything NextYes holds; bring it back with \
            `nextyes restore`. CSV is your applications with their stage history, for a \
            spreadsheet. Both go to standard output unless you give --output.

            Examples:
              nextyes export --output ~/nextyes-backup.json
              nextyes export --format csv --output applications.csv
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "json (a full backup) or csv (applications).") var format = "json"
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func run(workspace: Workspace) async throws {
        let data: Data
        switch format.lowercased() {
        case "json": data = try await workspace.portability.export()
        case "csv": data = Data(try await workspace.portability.exportCSV().utf8)
        default: throw ValidationErrors([FieldError("format", "Use --format json (a full backup) or --format csv (applications).")])
        }
        if let output {
            try OutputFile.write(data, to: output)
            Console.error("Wrote \(output) (\(ByteCountFormatter.string(fromByteCount: Int64(data.count), countStyle: .file))).")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

struct RestoreCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Bring a JSON backup back into an empty database.",
        discussion: """
            Restores everything in the backup, or nothing if any part can't be read. The database \
            must be empty, so a restore never mixes with data already there.

            Examples:
              nextyes restore ~/nextyes-backup.json --database ~/nextyes.sqlite
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup file made by `nextyes export`.") var file: String

    func backup() throws -> Data {
        guard let data = FileManager.default.contents(atPath: (file as NSString).expandingTildeInPath) else {
            throw ValidationErrors([FieldError("file", "There's no readable file at \(file).")])
        }
        return data
    }

    func preflight() throws {
        try Portability.check(try backup())
    }

    func run(workspace: Workspace) async throws {
        let summary = try await workspace.portability.restore(try backup())
        Console.out("Restored \(summary.applications) application\(summary.applications == 1 ? "" : "s") and everything with them (\(summary.rows) records).")
    }
}

struct ReportCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Your career report: what your own record says, and the next three steps.",
        discussion: """
            Sections appear as your record grows: the summary, how far applications got, where \
            the no's came, what feedback keeps saying, what was in your hands, the skills postings \
            ask for, your plan, week by week, your wins, and how you felt (only if you include it: \
            nextyes report --include-wellbeing on). HTML prints cleanly to PDF from a browser.

            Examples:
              nextyes report
              nextyes report --from 2026-09-01 --to 2026-11-30 --format html --output report.html
              nextyes report --format json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The first day (default: your first application).", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("The last day (default: today).", valueName: "YYYY-MM-DD")) var to: String?
    @Option(help: "markdown, html or json.") var format = "markdown"
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
    @Option(help: "on or off: include your mood, week by week, from now on.") var includeWellbeing: String?

    func day(_ raw: String?, _ what: String, today: Day) throws -> Day? {
        guard let raw else { return nil }
        guard let day = Day(raw) else { throw ValidationErrors([FieldError(what, FormRules.unreadableDay(raw, what: what == "from" ? "The start" : "The end", example: today))]) }
        return day
    }

    func run(workspace: Workspace) async throws {
        let today = workspace.today
        if let includeWellbeing {
            guard ["on", "off"].contains(includeWellbeing.lowercased()) else { throw ValidationErrors([FieldError("include-wellbeing", "Use --include-wellbeing on or off.")]) }
            try await workspace.reports.setIncludesWellbeing(includeWellbeing.lowercased() == "on")
        }
        let start = try day(from, "from", today: today), end = try day(to, "to", today: today)
        let report = try await workspace.reports.career(from: start, to: end)
        let data: Data
        switch format.lowercased() {
        case "markdown", "md": data = Data(report.markdown().utf8)
        case "html": data = Data(ReportView.document(report).utf8)
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(report) + Data("\n".utf8)
        default: throw ValidationErrors([FieldError("format", "Use --format markdown, html or json.")])
        }
        if let output {
            try OutputFile.write(data, to: output)
            Console.error("Wrote \(output).")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
