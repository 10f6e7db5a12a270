import FluentKit
import FluentSQLiteDriver
import Foundation
import NextYesCore
import SQLKit

/// Whole-table reads without Fluent's per-row model reflection: plain SQL, decoded straight into
/// domain values. The pages that look at every application (the summary, the agenda, the report)
/// read through these.
extension ApplicationRepository {
    struct ApplicationRow {
        var id: Int
        var company: String
        var role: String
        var location: String?
        var url: String?
        var source: String?
        var jobDescription: String?
        var salary: String?
        var notes: String?
        var excitement: Int?
        var appliedOn: String?
        var stage: String
        var furthestStage: String
        var outcome: String
        var lastActivityOn: String
        var createdAt: Date
        var updatedAt: Date

        /// Straight from SQLite's values, by position in `applicationColumns`.
        init(sqlite row: SQLiteRow) throws {
            try self.init(SQLiteRows.Values(row, table: "applications"))
        }

        /// By position in `applicationColumns`.
        init(_ v: some PositionalValues) throws {
            id = try v.int(0)
            company = try v.text(1)
            role = try v.text(2)
            location = v.optionalText(3)
            url = v.optionalText(4)
            source = v.optionalText(5)
            jobDescription = v.optionalText(6)
            salary = v.optionalText(7)
            notes = v.optionalText(8)
            excitement = v.optionalInt(9)
            appliedOn = v.optionalText(10)
            stage = try v.text(11)
            furthestStage = try v.text(12)
            outcome = try v.text(13)
            lastActivityOn = try v.text(14)
            createdAt = try v.date(15)
            updatedAt = try v.date(16)
        }

        init(row: any SQLRow) throws {
            id = try row.decode(column: "id", as: Int.self)
            company = try row.decode(column: "company", as: String.self)
            role = try row.decode(column: "role", as: String.self)
            location = try row.decode(column: "location", as: String?.self)
            url = try row.decode(column: "url", as: String?.self)
            source = try row.decode(column: "source", as: String?.self)
            jobDescription = try row.decode(column: "job_description", as: String?.self)
            salary = try row.decode(column: "salary", as: String?.self)
            notes = try row.decode(column: "notes", as: String?.self)
            excitement = try row.decode(column: "excitement", as: Int?.self)
            appliedOn = try row.decode(column: "applied_on", as: String?.self)
            stage = try row.decode(column: "stage", as: String.self)
            furthestStage = try row.decode(column: "furthest_stage", as: String.self)
            outcome = try row.decode(column: "outcome", as: String.self)
            lastActivityOn = try row.decode(column: "last_activity_on", as: String.self)
            createdAt = try row.decode(column: "created_at", as: Date.self)
            updatedAt = try row.decode(column: "updated_at", as: Date.self)
        }
    }

    static let applicationColumns = [
        "id", "company", "role", "location", "url", "source", "job_description", "salary", "notes", "excitement",
        "applied_on", "stage", "furthest_stage", "outcome", "last_activity_on", "created_at", "updated_at",
    ]


    var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw StoreError.cannotOpen("the database", "it does not speak SQL") }
            return sql
        }
    }

    static func application(_ r: ApplicationRow) throws -> Application {
        let table = ApplicationModel.schema
        let details = ApplicationDetails(
            company: r.company, role: r.role, location: r.location, url: r.url,
            source: try r.source.map { try parse($0, ApplicationSource.init(rawValue:), table, r.id, "source") },
            jobDescription: r.jobDescription, salary: r.salary, notes: r.notes, excitement: r.excitement,
            appliedOn: try r.appliedOn.map { try parse($0, Day.init, table, r.id, "applied_on") })
        return Application(
            id: r.id, details: details,
            stage: try parse(r.stage, Stage.init(rawValue:), table, r.id, "stage"),
            furthestStage: try parse(r.furthestStage, Stage.init(rawValue:), table, r.id, "furthest_stage"),
            outcome: try parse(r.outcome, Outcome.init(rawValue:), table, r.id, "outcome"),
            lastActivityOn: try parse(r.lastActivityOn, Day.init, table, r.id, "last_activity_on"),
            createdAt: r.createdAt, updatedAt: r.updatedAt)
    }

    /// Applications read with plain SQL, newest activity first.
    func fastAll(outcome: Outcome?) async throws -> [Application] {
        if let sqlite = db as? any SQLiteDatabase {
            let columns = Self.applicationColumns.map { "\"\($0)\"" }.joined(separator: ", ")
            var text = "SELECT \(columns) FROM applications"
            var binds: [SQLiteData] = []
            if let outcome {
                text += " WHERE outcome = ?"
                binds.append(.text(outcome.rawValue))
            }
            return try await SQLiteRows.collect(sqlite, text + " ORDER BY last_activity_on DESC, id DESC", binds) {
                try Self.application(try ApplicationRow(sqlite: $0))
            }
        }
        let columns = Self.applicationColumns.map { "\"\($0)\"" }.joined(separator: ", ")
        let text = "SELECT \(columns) FROM applications" + (outcome == nil ? "" : " WHERE outcome = $1") + " ORDER BY last_activity_on DESC, id DESC"
        return try await PostgresRows.collect(db, text, outcome.map { [$0.rawValue] } ?? [], table: "applications") {
            try Self.application(try ApplicationRow($0))
        }
    }

    /// Every application, newest activity first, through the rows a server keeps: the ids and
    /// revisions are read (an index serves the order), then only new or changed rows in full.
    func revisedAll(_ shared: SharedReads, _ sqlite: any SQLiteDatabase) async throws -> [Application] {
        let listing = try await SQLiteRows.collect(sqlite, "SELECT id, revision FROM applications ORDER BY last_activity_on DESC, id DESC", []) { row -> (id: Int, revision: Int) in
            let v = SQLiteRows.Values(row, table: "applications")
            return (try v.int(0), try v.int(1))
        }
        let columns = (Self.applicationColumns + ["revision"]).map { "\"\($0)\"" }.joined(separator: ", ")
        return try await shared.applications(listing) { ids in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            return try await SQLiteRows.collect(sqlite, "SELECT \(columns) FROM applications WHERE id IN (\(marks))", ids.map { .integer($0) }) { row in
                (revision: try SQLiteRows.Values(row, table: "applications").int(Self.applicationColumns.count),
                 application: try Self.application(try ApplicationRow(sqlite: row)))
            }
        }
    }

    struct EventRow {
        var id: Int
        var applicationId: Int
        var kind: String
        var on: String
        var stage: String
        var fromStage: String?
        var note: String?
        var recordedAt: Date

        init(sqlite row: SQLiteRow) throws {
            try self.init(SQLiteRows.Values(row, table: "application_events"))
        }

        init(_ v: some PositionalValues) throws {
            id = try v.int(0)
            applicationId = try v.int(1)
            kind = try v.text(2)
            on = try v.text(3)
            stage = try v.text(4)
            fromStage = v.optionalText(5)
            note = v.optionalText(6)
            recordedAt = try v.date(7)
        }
    }

    /// Every event, read with plain SQL.
    func fastAllEvents() async throws -> [ApplicationEvent] {
        if let sqlite = db as? any SQLiteDatabase {
            return try await SQLiteRows.collect(sqlite, "SELECT id, application_id, kind, \"on\", stage, from_stage, note, recorded_at FROM application_events", []) {
                try Self.event(try EventRow(sqlite: $0))
            }
        }
        return try await PostgresRows.collect(db, "SELECT id, application_id, kind, \"on\", stage, from_stage, note, recorded_at FROM application_events",
                                              table: "application_events") { try Self.event(try EventRow($0)) }
    }

    static func event(_ r: EventRow) throws -> ApplicationEvent {
        let table = ApplicationEventModel.schema
        return ApplicationEvent(
            id: r.id, applicationID: r.applicationId,
            kind: try Self.parse(r.kind, EventKind.init(rawValue:), table, r.id, "kind"),
            on: try Self.parse(r.on, Day.init, table, r.id, "on"),
            stage: try Self.parse(r.stage, Stage.init(rawValue:), table, r.id, "stage"),
            fromStage: try r.fromStage.map { try Self.parse($0, Stage.init(rawValue:), table, r.id, "from_stage") },
            note: r.note, recordedAt: r.recordedAt)
    }
}

/// One page of the applications table: which ones, in what order.
public struct ApplicationQuery: Sendable, Hashable {
    /// The orders of the table, one per column; each has a natural direction and can be reversed.
    public enum Sort: String, CaseIterable, Sendable {
        /// Latest news first.
        case recent
        /// Company A–Z.
        case company
        /// Role A–Z.
        case role
        /// Furthest along first (the stage now, then the furthest reached).
        case stage
        /// Open first, then offers, then the closed ones.
        case outcome
        /// Most recently applied first.
        case applied
    }

    public var outcome: Outcome?
    /// Words in the company, role, location or notes (ignoring case).
    public var search: String?
    public var sort: Sort
    /// The order turned round (oldest news first, Z–A…).
    public var reversed: Bool
    public var offset: Int
    public var limit: Int

    public init(outcome: Outcome? = nil, search: String? = nil, sort: Sort = .recent, reversed: Bool = false, offset: Int = 0, limit: Int = 50) {
        self.outcome = outcome
        self.search = search
        self.sort = sort
        self.reversed = reversed
        self.offset = max(0, offset)
        self.limit = max(1, limit)
    }
}

extension ApplicationRepository {
    /// The applications a query selects, one page of them, and how many match in all.
    public func page(_ query: ApplicationQuery) async throws -> (rows: [Application], total: Int) {
        let sql = try sql
        func conditions<B: SQLPredicateBuilder>(_ b: B) -> B {
            var b = b
            if let outcome = query.outcome { b = b.where("outcome", .equal, SQLBind(outcome.rawValue)) }
            return Self.matching(query.search, b)
        }
        struct Count: Decodable { var count: Int }
        let total = try await conditions(sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "count")
            .from(ApplicationModel.schema)).first(decoding: Count.self)?.count ?? 0
        var select = conditions(sql.select().columns(Self.applicationColumns.map { SQLColumn($0) }).from(ApplicationModel.schema))
        let forward = !query.reversed
        func by(_ expression: any SQLExpression, _ ascending: Bool) -> SQLOrderBy {
            SQLOrderBy(expression: expression, direction: ascending == forward ? SQLDirection.ascending : SQLDirection.descending)
        }
        let lowerCompany = SQLFunction("lower", args: SQLColumn("company")), lowerRole = SQLFunction("lower", args: SQLColumn("role"))
        switch query.sort {
        case .recent: select = select.orderBy(by(SQLColumn("last_activity_on"), false))
        case .company: select = select.orderBy(by(lowerCompany, true)).orderBy(by(lowerRole, true))
        case .role: select = select.orderBy(by(lowerRole, true)).orderBy(by(lowerCompany, true))
        case .stage:
            select = select.orderBy(by(SQLRaw(Self.rankSQL("stage")), false)).orderBy(by(SQLRaw(Self.stageRankSQL), false))
                .orderBy(by(SQLColumn("last_activity_on"), false))
        case .outcome:
            select = select.orderBy(by(SQLRaw(Self.outcomeRankSQL), true)).orderBy(by(SQLColumn("last_activity_on"), false))
        case .applied:
            // Never sent (no day applied) stays last either way.
            select = select.orderBy(SQLOrderBy(expression: SQLRaw("applied_on IS NULL"), direction: SQLDirection.ascending))
                .orderBy(by(SQLColumn("applied_on"), false))
        }
        let rows = try await select.orderBy(by(SQLColumn("id"), false)).limit(query.limit).offset(query.offset).all()
        return (try rows.map { try Self.application(try ApplicationRow(row: $0)) }, total)
    }

    /// Applications whose company, role, location or notes hold every word searched for (up to
    /// five), ignoring case; % and _ match only themselves.
    static func matching<B: SQLPredicateBuilder>(_ search: String?, _ builder: B) -> B {
        var b = builder
        for word in (search ?? "").lowercased().split(whereSeparator: \.isWhitespace).prefix(5) {
            let pattern = "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            func like(_ column: String) -> any SQLExpression {
                SQLBinaryExpression(SQLFunction("lower", args: SQLFunction("coalesce", args: SQLColumn(column), SQLLiteral.string(""))), .like,
                                    SQLList([SQLBind(pattern), SQLRaw("ESCAPE '\\'")], separator: SQLRaw(" ")))
            }
            b = b.where(SQLGroupExpression(SQLBinaryExpression(
                SQLBinaryExpression(like("company"), .or, like("role")), .or,
                SQLBinaryExpression(like("location"), .or, like("notes")))))
        }
        return b
    }

    static func rankSQL(_ column: String) -> String {
        "CASE \(column) " + Stage.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.rank)" }.joined(separator: " ") + " ELSE 0 END"
    }

    static let outcomeRankSQL = "CASE outcome " + Outcome.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ") + " ELSE 99 END"

    static let stageRankSQL = rankSQL("furthest_stage")

    /// How many applications have each outcome (of those `search` matches, as the table does),
    /// counted by the database.
    public func countsByOutcome(search: String? = nil) async throws -> [Outcome: Int] {
        try await memo.remembered(.countsByOutcome(search: search), on: db) { try await readCountsByOutcome(search: search) }
    }

    private func readCountsByOutcome(search: String?) async throws -> [Outcome: Int] {
        struct Row: Decodable { var outcome: String; var count: Int }
        let rows = try await Self.matching(search, sql.select().column("outcome").column(SQLFunction("count", args: SQLLiteral.all), as: "count")
            .from(ApplicationModel.schema)).groupBy("outcome").all(decoding: Row.self)
        var counts: [Outcome: Int] = [:]
        for row in rows { if let outcome = Outcome(rawValue: row.outcome) { counts[outcome] = row.count } }
        return counts
    }

    /// Open applications at each stage: how many, and the `limit` with the latest news.
    public func openByStage(limit: Int) async throws -> [Stage: (count: Int, latest: [Application])] {
        try await memo.remembered(.openByStage(limit: limit), on: db) { try await readOpenByStage(limit: limit) }
    }

    private func readOpenByStage(limit: Int) async throws -> [Stage: (count: Int, latest: [Application])] {
        struct Row: Decodable { var stage: String; var count: Int }
        let counts = try await sql.select().column("stage").column(SQLFunction("count", args: SQLLiteral.all), as: "count")
            .from(ApplicationModel.schema).where("outcome", .equal, SQLBind(Outcome.open.rawValue)).groupBy("stage").all(decoding: Row.self)
        var out: [Stage: (count: Int, latest: [Application])] = [:]
        for row in counts {
            guard let stage = Stage(rawValue: row.stage), row.count > 0 else { continue }
            let latest = try await sql.select().columns(Self.applicationColumns.map { SQLColumn($0) }).from(ApplicationModel.schema)
                .where("outcome", .equal, SQLBind(Outcome.open.rawValue)).where("stage", .equal, SQLBind(stage.rawValue))
                .orderBy("last_activity_on", .descending).orderBy("id", .descending).limit(limit).all()
            out[stage] = (row.count, try latest.map { try Self.application(try ApplicationRow(row: $0)) })
        }
        return out
    }
}

extension ApplicationRepository {
    /// Every rejection of an application still marked rejected, newest first, read with plain SQL.
    func fastRejections() async throws -> [Rejection] {
        if let sqlite = db as? any SQLiteDatabase {
            let text = """
                SELECT r.id, r.application_id, r."on", r.stage_reached, r.reason, r.category, r.controllable, r.feelings, r.intensity, r.processing_ends_on
                FROM rejections r JOIN applications a ON r.application_id = a.id WHERE a.outcome = ? ORDER BY r."on" DESC
                """
            return try await SQLiteRows.collect(sqlite, text, [.text(Outcome.rejected.rawValue)]) { row in
                try Self.rejection(SQLiteRows.Values(row, table: RejectionModel.schema))
            }
        }
        let text = """
            SELECT r.id, r.application_id, r."on", r.stage_reached, r.reason, r.category, r.controllable, r.feelings, r.intensity, r.processing_ends_on
            FROM rejections r JOIN applications a ON r.application_id = a.id WHERE a.outcome = $1 ORDER BY r."on" DESC
            """
        return try await PostgresRows.collect(db, text, [Outcome.rejected.rawValue], table: RejectionModel.schema) { try Self.rejection($0) }
    }
}

extension ApplicationRepository {
    /// One rejection from its columns by position: id, application_id, on, stage_reached, reason,
    /// category, controllable, feelings, intensity, processing_ends_on.
    static func rejection(_ v: some PositionalValues) throws -> Rejection {
        let id = try v.int(0)
        let table = RejectionModel.schema
        return Rejection(
            applicationID: try v.int(1),
            on: try Self.parse(try v.text(2), Day.init, table, id, "on"),
            stageReached: try Self.parse(try v.text(3), Stage.init(rawValue:), table, id, "stage_reached"),
            reason: v.optionalText(4),
            category: try Self.parse(try v.text(5), RejectionCategory.init(rawValue:), table, id, "category"),
            controllable: try Self.parse(try v.text(6), Controllability.init(rawValue:), table, id, "controllable"),
            feelings: try v.texts(7), intensity: v.optionalInt(8),
            processingEndsOn: try Self.parse(try v.text(9), Day.init, table, id, "processing_ends_on"))
    }
}

// MARK: Saved readings of job descriptions

extension ApplicationRepository {
    /// Applications with a job description whose skills were not read by this reader version.
    public func unreadDescriptions(reader: Int64, limit: Int) async throws -> [(id: Int, text: String)] {
        try await memo.remembered(.unreadDescriptions(reader: reader, limit: limit), on: db) { try await readUnreadDescriptions(reader: reader, limit: limit) }
    }

    private func readUnreadDescriptions(reader: Int64, limit: Int) async throws -> [(id: Int, text: String)] {
        try await SavedReadingColumns.jobDescriptions.unread(try sql, reader: reader, limit: limit)
    }

    /// Saves what the reader found, in one transaction.
    public func saveSkillReadings(_ readings: [(id: Int, reading: String)], reader: Int64) async throws {
        guard !readings.isEmpty else { return }
        try await SavedReadingColumns.jobDescriptions.save(readings, reader: reader, on: db)
        memo?.forget { table in
            switch table {
            case .skillReadings, .unreadDescriptions: true
            default: false
            }
        }
    }

    /// The saved readings by this reader version, newest news first (the order of the
    /// applications table), one for each application with a job description once all are read.
    public func skillReadings(reader: Int64) async throws -> [(id: Int, reading: String)] {
        try await memo.remembered(.skillReadings(reader: reader), on: db) { try await readSkillReadings(reader: reader) }
    }

    private func readSkillReadings(reader: Int64) async throws -> [(id: Int, reading: String)] {
        let order = " ORDER BY last_activity_on DESC, id DESC"
        if let sqlite = db as? any SQLiteDatabase {
            return try await SQLiteRows.collect(sqlite, "SELECT id, skill_reading FROM applications WHERE skill_reader = ? AND skill_reading IS NOT NULL" + order,
                                                [.integer(Int(reader))]) { row -> (id: Int, reading: String) in
                let v = SQLiteRows.Values(row, table: "applications")
                return (try v.int(0), try v.text(1))
            }
        }
        let rows = try await sql.raw("SELECT id, skill_reading FROM applications WHERE skill_reader = \(bind: reader) AND skill_reading IS NOT NULL ORDER BY last_activity_on DESC, id DESC").all()
        return try rows.map { (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "skill_reading", as: String.self)) }
    }

    /// How many applications have a job description.
    public func describedCount() async throws -> Int {
        try await ApplicationModel.query(on: db).filter(\.$jobDescription != nil).count()
    }

    /// Every job description, by application (for the person's own skill names, which are looked
    /// for afresh since they change with the profile).
    public func jobDescriptions() async throws -> [Int: String] {
        guard let memo else { return try await readJobDescriptions() }
        return try await memo.remembered(.descriptions, on: db) { try await readJobDescriptions() }
    }

    private func readJobDescriptions() async throws -> [Int: String] {
        let text = "SELECT id, job_description FROM applications WHERE job_description IS NOT NULL"
        if let sqlite = db as? any SQLiteDatabase {
            let pairs = try await SQLiteRows.collect(sqlite, text, []) { row -> (Int, String) in
                let v = SQLiteRows.Values(row, table: "applications")
                return (try v.int(0), try v.text(1))
            }
            return Dictionary(pairs, uniquingKeysWith: { a, _ in a })
        }
        let rows = try await sql.raw(SQLQueryString(stringLiteral: text)).all()
        var out: [Int: String] = [:]
        for row in rows { out[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "job_description", as: String.self) }
        return out
    }

    /// Forgets one application's reading (its description changed).
    static func forgetReading(_ id: Int, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.update(ApplicationModel.schema).set("skill_reader", to: SQLLiteral.null).where("id", .equal, SQLBind(id)).run()
    }
}

extension ApplicationRepository {
    /// The rejections of some applications (a page of them), by application.
    public func rejections(for ids: [Int]) async throws -> [Int: Rejection] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await RejectionModel.query(on: db).filter(\.$applicationID ~~ ids).all()
        var out: [Int: Rejection] = [:]
        for row in rows where out[row.applicationID] == nil { out[row.applicationID] = try Self.rejection(row) }
        return out
    }
}

/// Rows read straight from SQLite, without a generic decoder per value: the figures read every
/// application, and per-value decoding was most of their cost.
enum SQLiteRows {
    private final class Collected<T>: @unchecked Sendable {
        // Rows arrive one after another on the connection's thread; the lock makes that explicit.
        let lock = NSLock()
        var items: [T] = []
        var failure: (any Error)?
    }

    static func collect<T>(_ db: any SQLiteDatabase, _ sql: String, _ binds: [SQLiteData],
                           _ make: @escaping @Sendable (SQLiteRow) throws -> T) async throws -> [T] {
        let collected = Collected<T>()
        try await db.query(sql, binds) { row in
            collected.lock.withLock {
                guard collected.failure == nil else { return }
                do { collected.items.append(try make(row)) } catch { collected.failure = error }
            }
        }
        return try collected.lock.withLock {
            if let failure = collected.failure { throw failure }
            return collected.items
        }
    }

    /// One row's values by column position.
    struct Values {
        let columns: [SQLiteColumn]
        let table: String

        init(_ row: SQLiteRow, table: String) {
            columns = row.columns
            self.table = table
        }

        private func value(_ i: Int) -> SQLiteData {
            columns[i].data
        }

        func text(_ i: Int) throws -> String {
            guard let text = value(i).string, !value(i).isNull else { throw problem(i, "is empty") }
            return text
        }

        func optionalText(_ i: Int) -> String? {
            value(i).isNull ? nil : value(i).string
        }

        func int(_ i: Int) throws -> Int {
            guard let number = value(i).integer else { throw problem(i, "is not a whole number") }
            return Int(number)
        }

        func optionalInt(_ i: Int) -> Int? {
            value(i).integer.map { Int($0) }
        }

        func date(_ i: Int) throws -> Date {
            guard let date = Date(sqliteData: value(i)) else { throw problem(i, "is not a moment in time") }
            return date
        }

        /// A list of texts, kept as a JSON array (SQLite has no array column).
        func texts(_ i: Int) throws -> [String] {
            let text = optionalText(i) ?? "[]"
            guard let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else { throw problem(i, "is \"\(text)\"") }
            return list
        }

        private func problem(_ i: Int, _ what: String) -> StoreError {
            .corruptRow(table: table, id: columns.first.flatMap { $0.data.integer.map(String.init) } ?? "?", detail: "\(columns[i].name) \(what)")
        }
    }
}

// MARK: The search in numbers, counted by the database

/// The counts behind the search summary, the cuts and the sources, each computed by the database
/// with the definitions of docs/insights.md (NextYesInsights' `SearchSummary` states the same
/// rules over loaded rows; a property test keeps the two equal).
public struct SearchCounts: Sendable, Hashable {
    public var total = 0
    public var sent = 0
    public var heardBack = 0
    public var interviews = 0
    public var offers = 0
    public var rejections = 0
    public var ghosted = 0
    /// Sent applications that reached each stage from applied to offer.
    public var reached: [Stage: Int] = [:]
    /// Ghosted applications (sent or not) by the stage they were at.
    public var ghostedAtStage: [Stage: Int] = [:]
    public struct SourceCounts: Sendable, Hashable {
        public var source: ApplicationSource?
        public var sent: Int
        public var responses: Int
        public var interviews: Int
        public var ghosted: Int
    }
    public var bySource: [SourceCounts] = []
}

extension ApplicationRepository {
    public func searchCounts() async throws -> SearchCounts {
        try await memo.remembered(.searchCounts, on: db) { try await readSearchCounts() }
    }

    private func readSearchCounts() async throws -> SearchCounts {
        let sql = try sql
        let rank = Self.stageRankSQL
        func rankOf(_ stage: Stage) -> String { String(stage.rank) }
        let applied = rankOf(.applied)
        func visited(_ stage: Stage) -> String {
            "(a.stage = '\(stage.rawValue)' OR EXISTS (SELECT 1 FROM application_events e WHERE e.application_id = a.id AND e.stage = '\(stage.rawValue)'))"
        }
        let moved = "EXISTS (SELECT 1 FROM application_events e WHERE e.application_id = a.id AND e.kind = 'moved')"
        let answered = [Outcome.rejected, .offerAccepted, .offerDeclined].map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var sums = [
            "COUNT(*) AS total",
            "SUM(CASE WHEN fr >= \(applied) THEN 1 ELSE 0 END) AS sent",
            "SUM(CASE WHEN fr > \(applied) OR (fr = \(applied) AND outcome IN (\(answered))) THEN 1 ELSE 0 END) AS heard",
            "SUM(CASE WHEN fr >= \(rankOf(.interview)) THEN 1 ELSE 0 END) AS interviews",
            "SUM(CASE WHEN fr = \(rankOf(.offer)) THEN 1 ELSE 0 END) AS offers",
            "SUM(CASE WHEN fr >= \(applied) AND outcome = 'rejected' THEN 1 ELSE 0 END) AS rejected",
            "SUM(CASE WHEN fr >= \(applied) AND outcome = 'ghosted' THEN 1 ELSE 0 END) AS ghosted",
        ]
        for stage in Stage.allCases where stage >= .applied {
            let r = rankOf(stage)
            let column = "reached_\(stage.rank)"
            switch stage {
            case .assessment:
                // An assessment counts only when the timeline visited it.
                sums.append("SUM(CASE WHEN fr = \(r) THEN 1 WHEN fr > \(r) AND vassessment = 1 THEN 1 ELSE 0 END) AS \(column)")
            case .screening:
                // A screening counts when visited, or for an application without a timeline.
                sums.append("SUM(CASE WHEN fr = \(r) THEN 1 WHEN fr > \(r) AND (moved = 0 OR vscreening = 1) THEN 1 ELSE 0 END) AS \(column)")
            default:
                sums.append("SUM(CASE WHEN fr >= \(r) THEN 1 ELSE 0 END) AS \(column)")
            }
        }
        let inner = """
            SELECT a.outcome AS outcome, \(rank.replacingOccurrences(of: "furthest_stage", with: "a.furthest_stage")) AS fr,
              CASE WHEN \(moved) THEN 1 ELSE 0 END AS moved,
              CASE WHEN \(visited(.screening)) THEN 1 ELSE 0 END AS vscreening,
              CASE WHEN \(visited(.assessment)) THEN 1 ELSE 0 END AS vassessment
            FROM applications a
            """
        let rows = try await sql.raw(SQLQueryString(stringLiteral: "SELECT \(sums.joined(separator: ", ")) FROM (\(inner)) t")).all()
        var counts = SearchCounts()
        if let row = rows.first {
            func int(_ column: String) throws -> Int { try row.decode(column: column, as: Int?.self) ?? 0 }
            counts.total = try int("total")
            counts.sent = try int("sent")
            counts.heardBack = try int("heard")
            counts.interviews = try int("interviews")
            counts.offers = try int("offers")
            counts.rejections = try int("rejected")
            counts.ghosted = try int("ghosted")
            for stage in Stage.allCases where stage >= .applied { counts.reached[stage] = try int("reached_\(stage.rank)") }
        }
        struct StageRow: Decodable { var stage: String; var count: Int }
        for row in try await sql.select().column("stage").column(SQLFunction("count", args: SQLLiteral.all), as: "count")
            .from(ApplicationModel.schema).where("outcome", .equal, SQLBind(Outcome.ghosted.rawValue)).groupBy("stage").all(decoding: StageRow.self) {
            if let stage = Stage(rawValue: row.stage) { counts.ghostedAtStage[stage] = row.count }
        }
        let sourceSums = """
            SELECT source, COUNT(*) AS sent,
              SUM(CASE WHEN fr > \(applied) OR outcome IN (\(answered)) THEN 1 ELSE 0 END) AS responses,
              SUM(CASE WHEN fr >= \(rankOf(.interview)) THEN 1 ELSE 0 END) AS interviews,
              SUM(CASE WHEN outcome = 'ghosted' THEN 1 ELSE 0 END) AS ghosted
            FROM (SELECT source, outcome, \(rank) AS fr FROM applications) t WHERE fr >= \(applied) GROUP BY source
            """
        for row in try await sql.raw(SQLQueryString(stringLiteral: sourceSums)).all() {
            let raw = try row.decode(column: "source", as: String?.self)
            counts.bySource.append(.init(
                source: raw.flatMap(ApplicationSource.init(rawValue:)),
                sent: try row.decode(column: "sent", as: Int.self), responses: try row.decode(column: "responses", as: Int?.self) ?? 0,
                interviews: try row.decode(column: "interviews", as: Int?.self) ?? 0, ghosted: try row.decode(column: "ghosted", as: Int?.self) ?? 0))
        }
        return counts
    }

    /// Every application's facts for the search summary, worked out by the database from the
    /// applications and their timelines (one grouped pass over the events), without loading them.
    public func facts() async throws -> [ApplicationFacts] {
        let text = """
            SELECT a.id, a.stage, a.furthest_stage, a.outcome, COALESCE(a.applied_on, ev.added, a.last_activity_on) AS started,
              COALESCE(ev.moved, 0) AS moved, COALESCE(ev.screening, 0) AS screening, COALESCE(ev.assessment, 0) AS assessment
            FROM applications a LEFT JOIN (
              SELECT application_id, MIN(CASE WHEN kind = 'added' THEN "on" END) AS added,
                MAX(CASE WHEN kind = 'moved' THEN 1 ELSE 0 END) AS moved,
                MAX(CASE WHEN stage = 'screening' THEN 1 ELSE 0 END) AS screening,
                MAX(CASE WHEN stage = 'assessment' THEN 1 ELSE 0 END) AS assessment
              FROM application_events GROUP BY application_id) ev ON ev.application_id = a.id
            """
        let table = ApplicationModel.schema
        @Sendable func make(id: Int, stage: String, furthest: String, outcome: String, started: String, flags: (Int, Int, Int)) throws -> ApplicationFacts {
            let stage = try Self.parse(stage, Stage.init(rawValue:), table, id, "stage")
            return ApplicationFacts(
                id: id, stage: stage, furthestStage: try Self.parse(furthest, Stage.init(rawValue:), table, id, "furthest_stage"),
                outcome: try Self.parse(outcome, Outcome.init(rawValue:), table, id, "outcome"),
                started: try Self.parse(started, Day.init, table, id, "applied_on"),
                hasTimeline: flags.0 != 0, visitedScreening: flags.1 != 0 || stage == .screening,
                visitedAssessment: flags.2 != 0 || stage == .assessment)
        }
        if let sqlite = db as? any SQLiteDatabase {
            return try await SQLiteRows.collect(sqlite, text, []) { row in
                let v = SQLiteRows.Values(row, table: table)
                return try make(id: try v.int(0), stage: try v.text(1), furthest: try v.text(2), outcome: try v.text(3),
                                started: try v.text(4), flags: (try v.int(5), try v.int(6), try v.int(7)))
            }
        }
        return try await sql.raw(SQLQueryString(stringLiteral: text)).all().map { row in
            try make(id: try row.decode(column: "id", as: Int.self), stage: try row.decode(column: "stage", as: String.self),
                     furthest: try row.decode(column: "furthest_stage", as: String.self), outcome: try row.decode(column: "outcome", as: String.self),
                     started: try row.decode(column: "started", as: String.self),
                     flags: (try row.decode(column: "moved", as: Int.self), try row.decode(column: "screening", as: Int.self),
                             try row.decode(column: "assessment", as: Int.self)))
        }
    }

    /// The first day on record: the earliest timeline event or day applied (nil for an empty search).
    public func firstDay() async throws -> Day? {
        struct Row: Decodable { var first: String? }
        let text = """
            SELECT MIN(d) AS first FROM (SELECT MIN("on") AS d FROM application_events
              UNION ALL SELECT MIN(applied_on) AS d FROM applications) t
            """
        return try await sql.raw(SQLQueryString(stringLiteral: text)).first(decoding: Row.self)?.first.flatMap(Day.init)
    }

    /// "Role at Company" for every application with a rejection or feedback on record: the ones
    /// a report may quote.
    public func titlesWithRejectionOrFeedback() async throws -> [Int: String] {
        try await memo.remembered(.answeredTitles, on: db) { try await readTitlesWithRejectionOrFeedback() }
    }

    private func readTitlesWithRejectionOrFeedback() async throws -> [Int: String] {
        let text = """
            SELECT id, company, role FROM applications WHERE id IN
              (SELECT application_id FROM \(RejectionModel.schema) UNION SELECT application_id FROM \(FeedbackModel.schema))
            """
        let pairs: [(Int, String)]
        if let sqlite = db as? any SQLiteDatabase {
            pairs = try await SQLiteRows.collect(sqlite, text, []) { row in
                let v = SQLiteRows.Values(row, table: "applications")
                return (try v.int(0), "\(try v.text(2)) at \(try v.text(1))")
            }
        } else {
            struct Row: Decodable { var id: Int; var company: String; var role: String }
            pairs = try await sql.raw(SQLQueryString(stringLiteral: text)).all(decoding: Row.self).map { ($0.id, "\($0.role) at \($0.company)") }
        }
        return Dictionary(pairs, uniquingKeysWith: { a, _ in a })
    }

    /// "Role at Company" for some applications (those a page quotes).
    public func titles(_ ids: [Int]) async throws -> [Int: String] {
        try await memo.remembered(.titles(ids: Set(ids)), on: db) { try await readTitles(ids) }
    }

    private func readTitles(_ ids: [Int]) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable { var id: Int; var company: String; var role: String }
        let rows = try await sql.select().columns("id", "company", "role").from(ApplicationModel.schema)
            .where("id", .in, SQLBind.group(Array(Set(ids)))).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.id, "\($0.role) at \($0.company)") }, uniquingKeysWith: { a, _ in a })
    }
}

// MARK: Saved readings of feedback

extension FeedbackRepository {
    private var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw StoreError.cannotOpen("the database", "it does not speak SQL") }
            return sql
        }
    }

    /// Feedback not read by this reader version.
    public func unreadFeedback(reader: Int64, limit: Int) async throws -> [(id: Int, text: String)] {
        try await memo.remembered(.unreadFeedback(reader: reader, limit: limit), on: db) { try await readUnreadFeedback(reader: reader, limit: limit) }
    }

    private func readUnreadFeedback(reader: Int64, limit: Int) async throws -> [(id: Int, text: String)] {
        try await SavedReadingColumns.feedback.unread(try sql, reader: reader, limit: limit)
    }

    public func saveReadings(_ readings: [(id: Int, reading: String)], reader: Int64) async throws {
        guard !readings.isEmpty else { return }
        try await SavedReadingColumns.feedback.save(readings, reader: reader, on: db)
        memo?.forget { table in
            switch table {
            case .unreadFeedback, .feedbackReadings, .feedback: true
            default: false
            }
        }
    }

    /// The saved readings by this reader version: each feedback's text with what was read in it.
    public func readings(reader: Int64) async throws -> [(text: String, reading: String)] {
        try await memo.remembered(.feedbackReadings(reader: reader), on: db) { try await readReadings(reader: reader) }
    }

    private func readReadings(reader: Int64) async throws -> [(text: String, reading: String)] {
        struct Row: Decodable { var text: String; var reading: String }
        return try await sql.select().column("text").column("reading").from(FeedbackModel.schema)
            .where("reader", .equal, SQLBind(reader)).where("reading", .isNot, SQLLiteral.null)
            .all(decoding: Row.self).map { ($0.text, $0.reading) }
    }
}

/// Where a reader's findings are saved beside the text it read: the table, the text column, and
/// the reading and reader-version columns.
struct SavedReadingColumns {
    var table: String
    var text: String
    var reading: String
    var reader: String

    static let jobDescriptions = SavedReadingColumns(table: ApplicationModel.schema, text: "job_description", reading: "skill_reading", reader: "skill_reader")
    static let feedback = SavedReadingColumns(table: FeedbackModel.schema, text: "text", reading: "reading", reader: "reader")

    /// Rows with text that this reader version hasn't read, oldest first.
    func unread(_ sql: any SQLDatabase, reader version: Int64, limit: Int) async throws -> [(id: Int, text: String)] {
        let rows = try await sql.select().column("id").column(text).from(table)
            .where(SQLColumn(text), .isNot, SQLLiteral.null)
            .where(SQLGroupExpression(SQLBinaryExpression(
                SQLBinaryExpression(SQLColumn(reader), .is, SQLLiteral.null), .or,
                SQLBinaryExpression(SQLColumn(reader), .notEqual, SQLBind(version)))))
            .orderBy("id").limit(limit).all()
        return try rows.map { (try $0.decode(column: "id", as: Int.self), try $0.decode(column: text, as: String.self)) }
    }

    /// Saves what the reader found, with its version, in one transaction.
    func save(_ readings: [(id: Int, reading: String)], reader version: Int64, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            for item in readings {
                try await sql.update(table).set(SQLColumn(reading), to: SQLBind(item.reading)).set(SQLColumn(reader), to: SQLBind(version))
                    .where("id", .equal, SQLBind(item.id)).run()
            }
        }
    }
}
