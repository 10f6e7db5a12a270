import FluentKit
import Foundation
import NextYesCore
import SQLKit

/// What an import would do, before anything is written.
public struct ImportPreview: Sendable {
    public var format: ImportFormat
    public var ignoredHeaders: [String]
    public var rows = 0
    public var ready = 0
    /// Rows already imported from this tracker, or repeated in the file: skipped.
    public var alreadyHere = 0
    public var byChoice: [StageChoice: Int] = [:]
    public var samples: [ImportedRow] = []
    public var problems: [RowProblem] = []
    public var problemCount = 0
    /// Status words that need a decision, with how many rows use each and the first line.
    public var undecided: [String: (rows: Int, line: Int)] = [:]
    /// Status words read with a default worth checking.
    public var assumed: [String: (choice: StageChoice, rows: Int)] = [:]
    public var dateOrder: ImportDates.Order?
    /// Set when day/month order can't be told from the file: an example date.
    public var ambiguousDate: String?

    public static let sampleLimit = 8
    public static let problemLimit = 200

    /// Everything is decided and there is something to write.
    public func canImport(skippingBadRows: Bool) -> Bool {
        undecided.isEmpty && ambiguousDate == nil && ready > 0 && (problemCount == 0 || skippingBadRows)
    }
}

public struct ImportResult: Hashable, Sendable {
    public var imported: Int
    public var skippedProblems: Int
    public var alreadyHere: Int
}

public enum ImportError: Error, Hashable, Sendable, LocalizedError {
    case nothingToImport
    case needsDecisions
    case hasProblems(Int)

    public var errorDescription: String? {
        switch self {
        case .nothingToImport: "There are no new applications in this file: every row is empty, has a problem, or is already in NextYes."
        case .needsDecisions: "Some choices are still open (status words or the date order); the preview lists them. Nothing was imported."
        case .hasProblems(let count): "\(count) row\(count == 1 ? " has" : "s have") a problem, so nothing was imported. Fix \(count == 1 ? "it" : "them") in the file, or import the other rows and skip \(count == 1 ? "it" : "them")."
        }
    }
}

/// Imports a CSV file in passes over the file, never holding more than a batch of rows: one to
/// settle the date order, one to check every row (the preview), one to write, all in a single
/// transaction, so an import is complete or has not happened.
public struct Importer: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    func open(_ url: URL) throws -> (CSVRecordReader, [String]) {
        let reader = try CSVRecordReader(url: url)
        guard let header = try reader.next() else { throw CSVReadError.empty }
        return (reader, header.fields)
    }

    public func preview(_ url: URL, options: ImportOptions) async throws -> ImportPreview {
        let (_, header) = try open(url)
        let layout = try ImportLayout.detect(header: header, forced: options.format)
        var options = options
        var preview = ImportPreview(format: layout.format, ignoredHeaders: layout.ignored)

        // Pass 1: the day/month order of the date column.
        if options.dateOrder == nil, layout.columns[.appliedOn] != nil {
            let (reader, _) = try open(url)
            let rows = ImportRowReader(layout: layout, options: options)
            var dayFirst = 0, monthFirst = 0
            var either: String?
            while let record = try? reader.next() {
                switch rows.dateCell(record.fields) {
                case .only(_, .dayFirst): dayFirst += 1
                case .only(_, .monthFirst): monthFirst += 1
                case .either: either = either ?? rows.cell(record.fields, .appliedOn)
                default: break
                }
            }
            if dayFirst > 0 || monthFirst > 0 { options.dateOrder = dayFirst >= monthFirst ? .dayFirst : .monthFirst }
            else if let either { preview.ambiguousDate = either }
        }
        preview.dateOrder = options.dateOrder

        // Pass 2: every row.
        let (reader, _) = try open(url)
        let rows = ImportRowReader(layout: layout, options: options)
        let today = store.clock.today
        var seen = try await existingKeys()
        while let record = try Self.next(reader, problems: &preview) {
            preview.rows += 1
            switch rows.read(record, today: today) {
            case .problem(let problem):
                preview.problemCount += 1
                if preview.problems.count < ImportPreview.problemLimit { preview.problems.append(problem) }
            case .undecided(let word, let line):
                let entry = preview.undecided[word] ?? (0, line)
                preview.undecided[word] = (entry.rows + 1, entry.line)
            case .row(let row):
                guard seen.insert(row.importKey).inserted else {
                    preview.alreadyHere += 1
                    continue
                }
                preview.ready += 1
                preview.byChoice[row.choice, default: 0] += 1
                if preview.samples.count < ImportPreview.sampleLimit { preview.samples.append(row) }
                if let word = rows.statusWord(record.fields), options.mappings[word] == nil, case .assumed(let choice) = StageWords.read(word) {
                    let entry = preview.assumed[word] ?? (choice, 0)
                    preview.assumed[word] = (choice, entry.rows + 1)
                }
            }
        }
        return preview
    }

    /// The next record; a quote never closed ends the file there, as a row problem.
    static func next(_ reader: CSVRecordReader, problems preview: inout ImportPreview) throws -> CSVRecord? {
        do {
            return try reader.next()
        } catch CSVReadError.unclosedQuote(let line) {
            preview.problemCount += 1
            preview.problems.append(RowProblem(line: line, message: "starts a quoted value (\") that is never closed, so the rest of the file can't be read. Close the quote, or remove it."))
            return nil
        }
    }

    func existingKeys() async throws -> Set<String> {
        Set(try await ApplicationModel.query(on: store.db).filter(\.$importKey != nil).all().compactMap(\.importKey))
    }

    /// Checks the whole file, then writes it in one transaction. `progress` gets the share of the
    /// file written, from 0 to 1.
    public func run(_ url: URL, options: ImportOptions, progress: @escaping @Sendable (Double) -> Void = { _ in }) async throws -> (ImportPreview, ImportResult) {
        var options = options
        let preview = try await preview(url, options: options)
        if !preview.undecided.isEmpty || preview.ambiguousDate != nil { throw ImportError.needsDecisions }
        if preview.problemCount > 0 && !options.skipBadRows { throw ImportError.hasProblems(preview.problemCount) }
        guard preview.ready > 0 else { throw ImportError.nothingToImport }
        options.dateOrder = preview.dateOrder

        let (reader, header) = try open(url)
        let layout = try ImportLayout.detect(header: header, forced: options.format)
        let rows = ImportRowReader(layout: layout, options: options)
        let total = Double(max(1, (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 1))
        let today = store.clock.today
        let moment = Date(timeIntervalSince1970: (store.clock.now().timeIntervalSince1970 * 1000).rounded() / 1000)
        let known = try await existingKeys()
        let counts = try await store.db.writeTransaction { tx -> (Int, Int, Int) in
            // Plain SQL inserts, many rows a statement: model objects cost more than the rows.
            guard let sql = tx as? any SQLDatabase else { throw StoreError.cannotOpen("the database", "it doesn't speak SQL") }
            var seen = known
            var imported = 0, skipped = 0, already = 0
            var nextApplication = (try await ApplicationModel.query(on: tx).max(\.$id) ?? 0) + 1
            var nextEvent = (try await ApplicationEventModel.query(on: tx).max(\.$id) ?? 0) + 1
            var nextRejection = (try await RejectionModel.query(on: tx).max(\.$id) ?? 0) + 1
            var applications: [[any Encodable & Sendable]] = [], events: [[any Encodable & Sendable]] = [], rejections: [[any Encodable & Sendable]] = []
            let note = "Imported from \(layout.format == .generic ? "a spreadsheet" : layout.format.title)"
            func insert(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) async throws {
                guard !rows.isEmpty else { return }
                var builder = sql.insert(into: table).columns(columns)
                for row in rows { builder = builder.values(row.map { SQLBind($0) }) }
                try await builder.run()
            }
            func flush() async throws {
                try await insert("applications", ["id", "company", "role", "location", "url", "source", "job_description", "salary", "notes", "excitement",
                                                  "applied_on", "stage", "furthest_stage", "outcome", "last_activity_on", "created_at", "updated_at", "import_key"], applications)
                try await insert("application_events", ["id", "application_id", "kind", "on", "stage", "from_stage", "note", "recorded_at"], events)
                try await insert("rejections", ["id", "application_id", "on", "stage_reached", "reason", "category", "controllable", "feelings", "intensity",
                                                "processing_ends_on"], rejections)
                applications.removeAll(keepingCapacity: true)
                events.removeAll(keepingCapacity: true)
                rejections.removeAll(keepingCapacity: true)
                progress(min(1, Double(reader.bytesRead) / total))
            }
            while let record = try? reader.next() {
                guard case .row(let row) = rows.read(record, today: today) else { skipped += 1; continue }
                guard seen.insert(row.importKey).inserted else { already += 1; continue }
                let d = row.details
                let start = (d.appliedOn ?? today).description
                let stage = row.choice.stage.rawValue
                applications.append([nextApplication, d.company, d.role, d.location, d.url, d.source?.rawValue, d.jobDescription, d.salary, d.notes,
                                     d.excitement, d.appliedOn?.description, stage, stage, row.choice.outcome.rawValue, start, moment, moment, row.importKey])
                func event(_ kind: EventKind) {
                    events.append([nextEvent, nextApplication, kind.rawValue, start, stage, String?.none, kind == .added ? note : nil, moment])
                    nextEvent += 1
                }
                event(.added)
                switch row.choice.outcome {
                case .open: break
                case .rejected:
                    event(.rejected)
                    // Past rejections come in without a window of their own: it has been and gone.
                    rejections.append([nextRejection, nextApplication, start, stage, String?.none, RejectionCategory.noReasonGiven.rawValue,
                                       RejectionCategory.noReasonGiven.controllability.rawValue, [String](), Int?.none,
                                       (d.appliedOn ?? today).adding(days: -1).description])
                    nextRejection += 1
                case .ghosted: event(.ghosted)
                case .withdrawn: event(.withdrawn)
                case .offerAccepted: event(.offerAccepted)
                case .offerDeclined: event(.offerDeclined)
                }
                nextApplication += 1
                imported += 1
                if applications.count >= 200 { try await flush() }
            }
            try await flush()
            try await BackupRepository.resetSequences(on: tx)
            return (imported, skipped, already)
        }
        progress(1)
        return (preview, ImportResult(imported: counts.0, skippedProblems: max(counts.1, preview.problemCount), alreadyHere: counts.2))
    }
}
