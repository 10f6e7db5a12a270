import FluentKit
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
        var query = try sql.select().columns(Self.applicationColumns.map { SQLColumn($0) }).from(ApplicationModel.schema)
        if let outcome { query = query.where("outcome", .equal, SQLBind(outcome.rawValue)) }
        let rows = try await query.orderBy("last_activity_on", .descending).orderBy("id", .descending).all()
        return try rows.map { try Self.application(try ApplicationRow(row: $0)) }
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

        init(row: any SQLRow) throws {
            id = try row.decode(column: "id", as: Int.self)
            applicationId = try row.decode(column: "application_id", as: Int.self)
            kind = try row.decode(column: "kind", as: String.self)
            on = try row.decode(column: "on", as: String.self)
            stage = try row.decode(column: "stage", as: String.self)
            fromStage = try row.decode(column: "from_stage", as: String?.self)
            note = try row.decode(column: "note", as: String?.self)
            recordedAt = try row.decode(column: "recorded_at", as: Date.self)
        }
    }

    /// Every event, read with plain SQL.
    func fastAllEvents() async throws -> [ApplicationEvent] {
        let rows = try await sql.select()
            .columns(["id", "application_id", "kind", "on", "stage", "from_stage", "note", "recorded_at"].map { SQLColumn($0) })
            .from(ApplicationEventModel.schema).all()
        let table = ApplicationEventModel.schema
        return try rows.map { row in
            let r = try EventRow(row: row)
            return ApplicationEvent(
                id: r.id, applicationID: r.applicationId,
                kind: try Self.parse(r.kind, EventKind.init(rawValue:), table, r.id, "kind"),
                on: try Self.parse(r.on, Day.init, table, r.id, "on"),
                stage: try Self.parse(r.stage, Stage.init(rawValue:), table, r.id, "stage"),
                fromStage: try r.fromStage.map { try Self.parse($0, Stage.init(rawValue:), table, r.id, "from_stage") },
                note: r.note, recordedAt: r.recordedAt)
        }
    }
}

/// One page of the applications table: which ones, in what order.
public struct ApplicationQuery: Sendable, Hashable {
    public enum Sort: String, CaseIterable, Sendable {
        /// Latest news first.
        case recent
        case company
        /// Furthest along first.
        case stage
        /// Most recently applied first.
        case applied
    }

    public var outcome: Outcome?
    /// Words in the company or the role (ignoring case).
    public var search: String?
    public var sort: Sort
    public var offset: Int
    public var limit: Int

    public init(outcome: Outcome? = nil, search: String? = nil, sort: Sort = .recent, offset: Int = 0, limit: Int = 50) {
        self.outcome = outcome
        self.search = search
        self.sort = sort
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
            for word in (query.search ?? "").lowercased().split(whereSeparator: \.isWhitespace).prefix(5) {
                let pattern = "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
                b = b.where(SQLGroupExpression(SQLBinaryExpression(
                    SQLBinaryExpression(SQLFunction("lower", args: SQLColumn("company")), .like, SQLList([SQLBind(pattern), SQLRaw("ESCAPE '\\'")], separator: SQLRaw(" "))),
                    .or,
                    SQLBinaryExpression(SQLFunction("lower", args: SQLColumn("role")), .like, SQLList([SQLBind(pattern), SQLRaw("ESCAPE '\\'")], separator: SQLRaw(" "))))))
            }
            return b
        }
        struct Count: Decodable { var count: Int }
        let total = try await conditions(sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "count")
            .from(ApplicationModel.schema)).first(decoding: Count.self)?.count ?? 0
        var select = conditions(sql.select().columns(Self.applicationColumns.map { SQLColumn($0) }).from(ApplicationModel.schema))
        switch query.sort {
        case .recent: select = select.orderBy("last_activity_on", .descending)
        case .company:
            select = select.orderBy(SQLOrderBy(expression: SQLFunction("lower", args: SQLColumn("company")), direction: SQLDirection.ascending))
                .orderBy(SQLOrderBy(expression: SQLFunction("lower", args: SQLColumn("role")), direction: SQLDirection.ascending))
        case .stage:
            select = select.orderBy(SQLOrderBy(expression: SQLRaw(Self.stageRankSQL), direction: SQLDirection.descending)).orderBy("last_activity_on", .descending)
        case .applied:
            select = select.orderBy(SQLOrderBy(expression: SQLRaw("applied_on IS NULL"), direction: SQLDirection.ascending)).orderBy("applied_on", .descending)
        }
        let rows = try await select.orderBy("id", .descending).limit(query.limit).offset(query.offset).all()
        return (try rows.map { try Self.application(try ApplicationRow(row: $0)) }, total)
    }

    static let stageRankSQL = "CASE furthest_stage " + Stage.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.rank)" }.joined(separator: " ") + " ELSE 0 END"

    /// How many applications have each outcome, counted by the database.
    public func countsByOutcome() async throws -> [Outcome: Int] {
        struct Row: Decodable { var outcome: String; var count: Int }
        let rows = try await sql.select().column("outcome").column(SQLFunction("count", args: SQLLiteral.all), as: "count")
            .from(ApplicationModel.schema).groupBy("outcome").all(decoding: Row.self)
        var counts: [Outcome: Int] = [:]
        for row in rows { if let outcome = Outcome(rawValue: row.outcome) { counts[outcome] = row.count } }
        return counts
    }

    /// Open applications at each stage: how many, and the `limit` with the latest news.
    public func openByStage(limit: Int) async throws -> [Stage: (count: Int, latest: [Application])] {
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
