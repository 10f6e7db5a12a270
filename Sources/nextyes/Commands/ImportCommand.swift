import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct ImportCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import applications from Huntr, Teal or any spreadsheet (CSV).",
        discussion: """
            NextYes recognises Huntr's jobs file and Teal's "Download Data" file by their columns, \
            and reads any other spreadsheet by its headers (Company, Job Title, Status, Date \
            Applied, Link, Location, Source, Salary, Notes...). It always checks the whole file \
            first and writes nothing unless every row can be imported, or you choose to skip the \
            rows with problems. Importing the same file again skips what is already here.

            Status words NextYes doesn't know are listed; say what each means with --map, as \
            WORD=STAGE or WORD=STAGE,OUTCOME (stages: \(Stage.idList); outcomes: \(Outcome.idList)).

            Examples:
              nextyes import huntr-jobs.csv --dry-run
              nextyes import tracker.csv --map "pondering=saved" --map "closed=applied,withdrawn"
              nextyes import sheet.csv --dates day-first --skip-bad-rows
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "huntr, teal or generic (default: recognised from the columns).") var format: String?
    @Flag(help: "Show what would be imported, and write nothing.") var dryRun = false
    @Option(name: .customLong("map"), help: ArgumentHelp("What a status word means: WORD=STAGE[,OUTCOME] (repeat for more).", valueName: "word=stage")) var maps: [String] = []
    @Option(help: "How to read dates like 04/03/2024: day-first or month-first.") var dates: String?
    @Flag(help: "Import the good rows and leave out the ones with problems.") var skipBadRows = false
    @Flag(help: "Show a progress bar even when standard error isn't a terminal.") var progress = false

    func options() throws -> ImportOptions {
        var options = ImportOptions(skipBadRows: skipBadRows, timeZone: .current)
        if let format {
            guard let parsed = ImportFormat(rawValue: format.lowercased()) else {
                throw ValidationErrors([FieldError("format", "Use --format huntr, teal or generic.")])
            }
            options.format = parsed
        }
        if let dates {
            guard let order = ImportDates.Order(rawValue: dates.lowercased()) else {
                throw ValidationErrors([FieldError("dates", "Use --dates day-first (4/3/2024 is 4 March) or --dates month-first (4/3/2024 is 3 April).")])
            }
            options.dateOrder = order
        }
        for map in maps {
            let parts = map.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let choice = StageChoice(mapping: parts[1]) else {
                throw ValidationErrors([FieldError("map", "\"\(map)\" isn't WORD=STAGE or WORD=STAGE,OUTCOME. For example: --map \"pondering=saved\" or --map \"closed=applied,withdrawn\".")])
            }
            options.mappings[StageWords.normalise(parts[0])] = choice
        }
        return options
    }

    func run(workspace: Workspace) async throws {
        let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
        let options = try options()
        let importer = workspace.portability
        let preview = try await importer.preview(url, options: options)
        Console.out(Self.describe(preview, file: file))
        if dryRun {
            Console.out("\nNothing was written (a dry run).")
            return
        }
        guard preview.canImport(skippingBadRows: skipBadRows) else {
            var next: [String] = []
            if !preview.undecided.isEmpty { next.append("say what the status words mean with --map") }
            if preview.ambiguousDate != nil { next.append("choose --dates day-first or --dates month-first") }
            if preview.problemCount > 0 && !skipBadRows { next.append("fix the rows with problems, or add --skip-bad-rows to leave them out") }
            if preview.ready == 0 && next.isEmpty { next.append("check the file: there is nothing new in it") }
            Console.out("\nNothing was imported yet. To go ahead: " + next.joined(separator: "; ") + ".")
            throw ExitCode.failure
        }
        let showBar = progress || isatty(FileHandle.standardError.fileDescriptor) != 0
        let (_, result) = try await importer.importFile(url, options: options) { share in
            if showBar { ProgressBar.draw(share) }
        }
        if showBar { FileHandle.standardError.write(Data("\n".utf8)) }
        var line = "Imported \(result.imported) application\(result.imported == 1 ? "" : "s")."
        if result.skippedProblems > 0 { line += " Left out \(result.skippedProblems) row\(result.skippedProblems == 1 ? "" : "s") with problems." }
        Console.out("\n" + line + " See them with: nextyes list" + (global.accountEmail.map { " --account \($0.lowercased())" } ?? ""))
    }

    static func describe(_ p: ImportPreview, file: String) -> String {
        var lines = ["\(p.format == .generic ? "Spreadsheet" : "\(p.format.title) export"): \(p.rows) row\(p.rows == 1 ? "" : "s") in \(file)."]
        let stages = p.byChoice.sorted { ($0.key.stage, $0.key.outcome.rawValue) < ($1.key.stage, $1.key.outcome.rawValue) }
            .map { "\($0.key.title) \($0.value)" }.joined(separator: "; ")
        lines.append("  Ready to import: \(p.ready)" + (stages.isEmpty ? "" : " (\(stages))"))
        if p.alreadyHere > 0 { lines.append("  Already in NextYes or repeated in the file, skipped: \(p.alreadyHere)") }
        if let order = p.dateOrder { lines.append("  Dates read \(order.rawValue).") }
        if !p.ignoredHeaders.isEmpty { lines.append("  Columns not imported: \(p.ignoredHeaders.joined(separator: ", "))") }
        if !p.assumed.isEmpty {
            lines.append("  Read with a default; change any with --map:")
            for (word, entry) in p.assumed.sorted(by: { $0.key < $1.key }) {
                lines.append("    \"\(word)\" → \(entry.choice.title) (\(entry.rows) row\(entry.rows == 1 ? "" : "s"))")
            }
        }
        if !p.undecided.isEmpty {
            lines.append("  Needs your decision (NextYes doesn't know these status words):")
            for (word, entry) in p.undecided.sorted(by: { $0.key < $1.key }) {
                lines.append("    \"\(word)\": \(entry.rows) row\(entry.rows == 1 ? "" : "s"), first on line \(entry.line). For example --map \"\(word)=applied\" or --map \"\(word)=applied,rejected\"")
            }
        }
        if let example = p.ambiguousDate {
            lines.append("  Dates like \(example) could be day-first or month-first: add --dates day-first or --dates month-first.")
        }
        if p.problemCount > 0 {
            lines.append("  Rows with problems (\(p.problemCount)):")
            for problem in p.problems.prefix(20) { lines.append("    line \(problem.line): \(problem.message)") }
            if p.problemCount > 20 { lines.append("    … and \(p.problemCount - 20) more.") }
        }
        if !p.samples.isEmpty {
            lines.append("  First rows:")
            for row in p.samples.prefix(5) {
                lines.append("    line \(row.line): \(row.details.role) at \(row.details.company) · \(row.choice.title)" + (row.details.appliedOn.map { " · applied \($0)" } ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }
}

enum ProgressBar {
    static func draw(_ share: Double) {
        let width = 30
        let filled = Int((share * Double(width)).rounded())
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(Int(share * 100))%".utf8))
    }
}
