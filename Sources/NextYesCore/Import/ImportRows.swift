import Foundation

/// The choices that shape an import: decided before the first row is written.
public struct ImportOptions: Sendable {
    public var format: ImportFormat?
    /// How to read dates like 04/03/2024 when the file itself doesn't tell.
    public var dateOrder: ImportDates.Order?
    /// Status word (as normalised by `StageWords.normalise`) → stage and outcome.
    public var mappings: [String: StageChoice] = [:]
    public var skipBadRows = false
    public var timeZone: TimeZone

    public init(format: ImportFormat? = nil, dateOrder: ImportDates.Order? = nil, mappings: [String: StageChoice] = [:],
                skipBadRows: Bool = false, timeZone: TimeZone = .current) {
        self.format = format
        self.dateOrder = dateOrder
        self.mappings = mappings
        self.skipBadRows = skipBadRows
        self.timeZone = timeZone
    }
}

/// One row ready to become an application.
public struct ImportedRow: Hashable, Sendable {
    public var line: Int
    public var details: ApplicationDetails
    public var choice: StageChoice
    public var importKey: String
}

/// A row that can't be imported, and why, in words that say what to fix.
public struct RowProblem: Hashable, Codable, Sendable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// Reads one record at a time against a layout.
public struct ImportRowReader: Sendable {
    public let layout: ImportLayout
    public let options: ImportOptions

    public init(layout: ImportLayout, options: ImportOptions) {
        self.layout = layout
        self.options = options
    }

    public enum Result: Sendable {
        case row(ImportedRow)
        case problem(RowProblem)
        /// A status word that needs a decision before this row can be imported.
        case undecided(word: String, line: Int)
    }

    public func cell(_ fields: [String], _ field: ImportField) -> String? {
        guard let index = layout.columns[field], index < fields.count else { return nil }
        let value = Self.trimmed(fields[index])
        return value.isEmpty || value == "-" ? nil : value
    }

    /// Spaces, tabs and line breaks off both ends; cheap when there are none.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        func blank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
        guard let first = utf8.first, let last = utf8.last, blank(first) || blank(last) else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The status word of a row, as the preview and mappings name it.
    public func statusWord(_ fields: [String]) -> String? {
        if layout.format == .teal, cell(fields, .archivedAt) != nil { return "archived" }
        if let word = cell(fields, .stage) { return StageWords.normalise(word) }
        if layout.format == .teal, let json = cell(fields, .statusJSON), let data = json.data(using: .utf8),
           let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let name = object["name"] as? String {
            return StageWords.normalise(name)
        }
        return nil
    }

    /// The date cell of a row, before the day/month order is settled.
    public func dateCell(_ fields: [String]) -> ImportDates.Cell {
        guard let raw = cell(fields, .appliedOn) else { return .empty }
        return ImportDates.read(raw, utc: layout.format != .generic, timeZone: options.timeZone)
    }

    public func read(_ record: CSVRecord, today: Day) -> Result {
        let f = record.fields
        let line = record.line
        if f.count > layout.headerCount {
            return .problem(RowProblem(line: line, message: "has \(f.count) values but the header has \(layout.headerCount). A value with a comma in it needs quotes around it."))
        }
        // Short rows are common in hand-made sheets (trailing empty cells): only missing required cells matter.
        guard let company = cell(f, .company) else { return .problem(RowProblem(line: line, message: "has no company. Add it, or remove the row.")) }
        guard let role = cell(f, .role) else { return .problem(RowProblem(line: line, message: "has no role (job title) for \(FormRules.quote(company)). Add it, or remove the row.")) }
        if company.count > Limits.name || role.count > Limits.name {
            return .problem(RowProblem(line: line, message: "has a company or role over \(Limits.name) characters; is a column shifted?"))
        }

        // Stage and outcome.
        var choice = StageChoice(stage: layout.columns[.appliedOn] != nil && cell(f, .appliedOn) != nil ? .applied : .saved, outcome: .open)
        if let word = statusWord(f) {
            if let mapped = options.mappings[word] {
                choice = mapped
            } else {
                switch StageWords.read(word) {
                case .known(let known), .assumed(let known): choice = known
                case .unknown: return .undecided(word: word, line: line)
                }
            }
            // Teal keeps the pipeline status of an archived job: it got at least that far.
            if word == "archived", let status = cell(f, .stage).map(StageWords.read) {
                if case .known(let s) = status { choice.stage = max(choice.stage, s.stage) }
            }
        }

        // Dates.
        var applied: Day?
        switch dateCell(f) {
        case .empty: applied = nil
        case .invalid:
            let raw = cell(f, .appliedOn) ?? ""
            if let problem = FormRules.impossibleDay(raw) {
                return .problem(RowProblem(line: line, message: "has a date applied that doesn't exist, \(raw): \(problem)"))
            }
            return .problem(RowProblem(line: line, message: "has a date applied NextYes can't read: \"\(FormRules.quote(raw))\". Write it as YYYY-MM-DD, or fix the day or month."))
        case let other:
            guard let day = ImportDates.resolve(other, order: options.dateOrder) else {
                return .problem(RowProblem(line: line, message: "has the date \"\(FormRules.quote(cell(f, .appliedOn) ?? ""))\", which doesn't fit the \(options.dateOrder?.rawValue ?? "") order of the other dates in the column."))
            }
            applied = day
        }
        if let day = applied, day > today {
            return .problem(RowProblem(line: line, message: "has a date applied in the future (\(day)). Correct it, or leave the cell empty."))
        }
        if applied != nil && choice.stage == .saved { choice.stage = .applied }

        // The rest, leniently: a cell that can't be used is left out, the row still comes in.
        var url = cell(f, .url)
        if let raw = url { url = (try? FormRules.webAddress(raw).get()) }
        var source = cell(f, .source).flatMap(SourceWords.read)
        if source == nil { source = SourceWords.guess(url: url) }
        var description = cell(f, .jobDescription)
        if layout.format == .huntr, let html = description { description = HTMLText.plain(html) }
        if let d = description, d.count > Limits.jobDescription { description = String(d.prefix(Limits.jobDescription)) }
        var excitement = cell(f, .excitement).flatMap { Int($0) }
        if let e = excitement, !(1...5).contains(e) { excitement = nil }
        let details = ApplicationDetails(
            company: company, role: role, location: cell(f, .location).map { String($0.prefix(Limits.name)) }, url: url, source: source,
            jobDescription: description, salary: salary(f).map { String($0.prefix(Limits.salary)) },
            notes: cell(f, .notes).map { String($0.prefix(Limits.notes)) }, excitement: excitement, appliedOn: applied)
        return .row(ImportedRow(line: line, details: details, choice: choice, importKey: importKey(f, details)))
    }

    /// A Teal range ("USD 111,000–140,000 per year"), or the salary cell as written.
    func salary(_ f: [String]) -> String? {
        if let text = cell(f, .salary) { return text }
        let low = cell(f, .minSalary), high = cell(f, .maxSalary)
        guard low != nil || high != nil else { return nil }
        func money(_ raw: String) -> String {
            guard let value = Double(raw) else { return raw }
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.maximumFractionDigits = 0
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.usesGroupingSeparator = true
            formatter.groupingSeparator = ","
            formatter.groupingSize = 3
            return formatter.string(from: NSNumber(value: value)) ?? raw
        }
        let currency = cell(f, .currency).map { "\($0) " } ?? ""
        var text = switch (low, high) {
        case let (l?, h?): "\(currency)\(money(l))–\(money(h))"
        case let (l?, nil): "from \(currency)\(money(l))"
        case let (nil, h?): "up to \(currency)\(money(h))"
        default: ""
        }
        if let period = cell(f, .payPeriod) { text += " per \(period)" }
        return text
    }

    /// The tracker's own id, else a fingerprint of the row, so the same file imported twice
    /// doesn't double the search.
    func importKey(_ f: [String], _ details: ApplicationDetails) -> String {
        if let id = cell(f, .externalID) { return "\(layout.format.rawValue):\(id)" }
        let basis = [details.company, details.role, details.url ?? "", details.appliedOn?.description ?? ""].map { $0.lowercased() }.joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in basis.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return "row:" + String(hash, radix: 16)
    }
}
