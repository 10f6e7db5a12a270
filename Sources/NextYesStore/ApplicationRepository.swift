import FluentKit
import FluentSQLiteDriver
import Foundation
import NextYesCore
import SQLKit

/// Applications, their timelines and their rejections.
public struct ApplicationRepository: Sendable {
    let db: any Database
    let clock: Clock
    var memo: ReadMemo? = nil

    var now: Date { Store.storable(clock.now()) }

    // MARK: Reading

    public func find(_ id: Int) async throws -> Application {
        try Self.application(try await model(id, on: db))
    }

    /// Every application, newest activity first; optionally only those with one outcome.
    public func all(outcome: Outcome? = nil) async throws -> [Application] {
        guard outcome == nil, let memo else { return try await fastAll(outcome: outcome) }
        return try await memo.remembered(.applications, on: db) {
            if let shared = memo.shared, let sqlite = db as? any SQLiteDatabase, !db.inTransaction {
                return try await revisedAll(shared, sqlite)
            }
            return try await fastAll(outcome: nil)
        }
    }

    /// Every application with this company and role (ignoring case), by the index on them.
    public func sameCompanyAndRole(company: String, role: String) async throws -> [Application] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Row: Decodable { var id: Int }
        let rows = try await sql.select().column("id").from(ApplicationModel.schema)
            .where(SQLFunction("lower", args: SQLColumn("company")), .equal, SQLBind(company.lowercased()))
            .where(SQLFunction("lower", args: SQLColumn("role")), .equal, SQLBind(role.lowercased()))
            .orderBy("id").all(decoding: Row.self)
        var found: [Application] = []
        for row in rows { found.append(try await find(row.id)) }
        return found
    }

    /// The posting addresses on record, by application (no application is loaded).
    public func postingAddresses() async throws -> [(id: Int, url: String)] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Row: Decodable { var id: Int; var url: String }
        return try await sql.select().columns("id", "url").from(ApplicationModel.schema).where("url", .isNot, SQLLiteral.null)
            .orderBy("id").all(decoding: Row.self).map { ($0.id, $0.url) }
    }

    /// An open application with the same company and role (ignoring case), by the index on them.
    public func openDuplicate(company: String, role: String) async throws -> Application? {
        guard let sql = db as? any SQLDatabase else { return nil }
        struct Row: Decodable { var id: Int }
        let row = try await sql.select().column("id").from(ApplicationModel.schema)
            .where(SQLFunction("lower", args: SQLColumn("company")), .equal, SQLBind(company.lowercased()))
            .where(SQLFunction("lower", args: SQLColumn("role")), .equal, SQLBind(role.lowercased()))
            .where("outcome", .equal, SQLBind(Outcome.open.rawValue))
            .orderBy("id").limit(1).first(decoding: Row.self)
        guard let row else { return nil }
        return try await find(row.id)
    }

    public func count() async throws -> Int {
        try await ApplicationModel.query(on: db).count()
    }

    /// One application's timeline, oldest first.
    public func events(for id: Int) async throws -> [ApplicationEvent] {
        let rows = try await ApplicationEventModel.query(on: db).filter(\.$applicationID == id).all()
        return try rows.map(Self.event).chronological()
    }

    /// Every event of every application, oldest first.
    public func allEvents() async throws -> [ApplicationEvent] {
        guard let memo else { return try await fastAllEvents().chronological() }
        return try await memo.remembered(.events, on: db) { try await fastAllEvents().chronological() }
    }

    /// The latest events across all applications, newest first.
    public func recentEvents(limit: Int) async throws -> [ApplicationEvent] {
        try await memo.remembered(.recentEvents(limit: limit), on: db) {
            let rows = try await ApplicationEventModel.query(on: db)
                .sort(\.$on, .descending).sort(\.$recordedAt, .descending).sort(\.$id, .descending)
                .limit(limit).all()
            return try rows.map(Self.event)
        }
    }

    public func rejection(for id: Int) async throws -> Rejection? {
        try await RejectionModel.query(on: db).filter(\.$applicationID == id).first().map(Self.rejection)
    }

    /// Every rejection on record, newest first, for applications that are still marked rejected.
    public func rejections() async throws -> [Rejection] {
        guard let memo else { return try await fastRejections() }
        return try await memo.remembered(.rejections, on: db) { try await fastRejections() }
    }

    // MARK: Writing

    /// Saves a new application and its first timeline event.
    public func create(_ new: NewApplication) async throws -> Application {
        let moment = now
        let start = new.startDay(today: clock.today)
        return try await db.writeTransaction { tx in
            let row = ApplicationModel()
            Self.apply(new.details, to: row)
            row.stage = new.stage.rawValue
            row.furthestStage = new.stage.rawValue
            row.outcome = Outcome.open.rawValue
            row.lastActivityOn = start.description
            row.createdAt = moment
            row.updatedAt = moment
            try await row.create(on: tx)
            let application = try Self.application(row)
            let event = ApplicationEvent(applicationID: application.id, kind: .added, on: start, stage: new.stage, recordedAt: moment)
            try await Self.insert(event, on: tx)
            if let win = NewWin.forStage(new.stage, application: application, on: start) {
                try await WinRepository.insertIfNew(win, on: tx)
            }
            return application
        }
    }

    /// Replaces an application's details (company, role, notes...), keeping its progress.
    public func update(_ id: Int, details: ApplicationDetails) async throws -> Application {
        let moment = now
        return try await db.writeTransaction { tx in
            let row = try await model(id, on: tx)
            var application = try Self.application(row)
            if let applied = details.appliedOn {
                let firstChange = try await ApplicationEventModel.query(on: tx).filter(\.$applicationID == id)
                    .filter(\.$kind != EventKind.added.rawValue).sort(\.$on).first()
                if let firstChange, let day = Day(firstChange.on), applied > day {
                    throw CoreError.appliedAfterProgress(applied, firstChange: day)
                }
            }
            let descriptionChanged = application.details.jobDescription != details.jobDescription
            application.update(details, at: moment)
            Self.write(application, to: row)
            try await row.update(on: tx)
            if descriptionChanged { try await Self.forgetReading(id, on: tx) }
            return application
        }
    }

    /// Moves an application to another stage; `on` defaults to today.
    public func move(_ id: Int, to stage: Stage, on day: Day? = nil) async throws -> Application {
        try await change(id) { application, today, moment in
            [try application.move(to: stage, on: day ?? today, today: today, at: moment)]
        }
    }

    /// Closes an application as ghosted, withdrawn or with an answered offer.
    public func close(_ id: Int, as kind: EventKind, on day: Day? = nil) async throws -> Application {
        try await change(id) { application, today, moment in
            [try application.close(as: kind, on: day ?? today, today: today, at: moment)]
        }
    }

    /// Opens a closed application again. A rejection logged earlier stays on record.
    public func reopen(_ id: Int, on day: Day? = nil) async throws -> Application {
        try await change(id) { application, today, moment in
            [try application.reopen(on: day ?? today, today: today, at: moment)]
        }
    }

    /// Logs a rejection, replacing an earlier one if the application had been reopened since.
    public func reject(_ id: Int, _ details: RejectionDetails, preferences: Preferences) async throws -> (Application, Rejection) {
        let moment = now
        let today = clock.today
        return try await db.writeTransaction { tx in
            let row = try await model(id, on: tx)
            var application = try Self.application(row)
            let furthestBefore = application.furthestStage
            let (rejection, event) = try application.reject(details, preferences: preferences, today: today, at: moment)
            if rejection.stageReached > furthestBefore, let win = NewWin.forStage(rejection.stageReached, application: application, on: rejection.on) {
                try await WinRepository.insertIfNew(win, on: tx)
            }
            Self.write(application, to: row)
            try await row.update(on: tx)
            try await Self.insert(event, on: tx)
            try await RejectionModel.query(on: tx).filter(\.$applicationID == id).delete()
            try await Self.insert(rejection, on: tx)
            return (application, rejection)
        }
    }

    /// Deletes an application with its timeline and rejection.
    public func delete(_ id: Int) async throws {
        try await db.writeTransaction { tx in
            let row = try await model(id, on: tx)
            try await ApplicationEventModel.query(on: tx).filter(\.$applicationID == id).delete()
            try await RejectionModel.query(on: tx).filter(\.$applicationID == id).delete()
            try await row.delete(on: tx)
        }
    }

    private func change(
        _ id: Int, _ rule: @escaping @Sendable (inout Application, Day, Date) throws -> [ApplicationEvent]
    ) async throws -> Application {
        let moment = now
        let today = clock.today
        return try await db.writeTransaction { tx in
            let row = try await model(id, on: tx)
            var application = try Self.application(row)
            let events = try rule(&application, today, moment)
            Self.write(application, to: row)
            try await row.update(on: tx)
            for event in events {
                try await Self.insert(event, on: tx)
                if event.kind == .moved || event.kind == .offerAccepted || event.kind == .offerDeclined,
                   let win = NewWin.forStage(event.stage, application: application, on: event.on) {
                    try await WinRepository.insertIfNew(win, on: tx)
                }
            }
            return application
        }
    }

    private func model(_ id: Int, on db: any Database) async throws -> ApplicationModel {
        guard let row = try await ApplicationModel.find(id, on: db) else { throw CoreError.applicationNotFound(id) }
        return row
    }

    // MARK: Mapping rows and values

    static func apply(_ details: ApplicationDetails, to row: ApplicationModel) {
        row.company = details.company
        row.role = details.role
        row.location = details.location
        row.url = details.url
        row.source = details.source?.rawValue
        row.jobDescription = details.jobDescription
        row.salary = details.salary
        row.notes = details.notes
        row.excitement = details.excitement
        row.appliedOn = details.appliedOn?.description
    }

    static func write(_ application: Application, to row: ApplicationModel) {
        apply(application.details, to: row)
        row.stage = application.stage.rawValue
        row.furthestStage = application.furthestStage.rawValue
        row.outcome = application.outcome.rawValue
        row.lastActivityOn = application.lastActivityOn.description
        row.createdAt = application.createdAt
        row.updatedAt = application.updatedAt
    }

    static func application(_ row: ApplicationModel) throws -> Application {
        let id = row.id ?? 0
        let table = ApplicationModel.schema
        let details = ApplicationDetails(
            company: row.company, role: row.role, location: row.location, url: row.url,
            source: try row.source.map { try parse($0, ApplicationSource.init(rawValue:), table, id, "source") },
            jobDescription: row.jobDescription, salary: row.salary, notes: row.notes,
            excitement: row.excitement,
            appliedOn: try row.appliedOn.map { try parse($0, Day.init, table, id, "applied_on") })
        return Application(
            id: id, details: details,
            stage: try parse(row.stage, Stage.init(rawValue:), table, id, "stage"),
            furthestStage: try parse(row.furthestStage, Stage.init(rawValue:), table, id, "furthest_stage"),
            outcome: try parse(row.outcome, Outcome.init(rawValue:), table, id, "outcome"),
            lastActivityOn: try parse(row.lastActivityOn, Day.init, table, id, "last_activity_on"),
            createdAt: row.createdAt, updatedAt: row.updatedAt)
    }

    static func event(_ row: ApplicationEventModel) throws -> ApplicationEvent {
        let id = row.id ?? 0
        let table = ApplicationEventModel.schema
        return ApplicationEvent(
            id: row.id, applicationID: row.applicationID,
            kind: try parse(row.kind, EventKind.init(rawValue:), table, id, "kind"),
            on: try parse(row.on, Day.init, table, id, "on"),
            stage: try parse(row.stage, Stage.init(rawValue:), table, id, "stage"),
            fromStage: try row.fromStage.map { try parse($0, Stage.init(rawValue:), table, id, "from_stage") },
            note: row.note, recordedAt: row.recordedAt)
    }

    static func rejection(_ row: RejectionModel) throws -> Rejection {
        let id = row.id ?? 0
        let table = RejectionModel.schema
        return Rejection(
            applicationID: row.applicationID,
            on: try parse(row.on, Day.init, table, id, "on"),
            stageReached: try parse(row.stageReached, Stage.init(rawValue:), table, id, "stage_reached"),
            reason: row.reason,
            category: try parse(row.category, RejectionCategory.init(rawValue:), table, id, "category"),
            controllable: try parse(row.controllable, Controllability.init(rawValue:), table, id, "controllable"),
            feelings: row.feelings, intensity: row.intensity,
            processingEndsOn: try parse(row.processingEndsOn, Day.init, table, id, "processing_ends_on"))
    }

    static func insert(_ event: ApplicationEvent, on db: any Database) async throws {
        let row = ApplicationEventModel()
        row.applicationID = event.applicationID
        row.kind = event.kind.rawValue
        row.on = event.on.description
        row.stage = event.stage.rawValue
        row.fromStage = event.fromStage?.rawValue
        row.note = event.note
        row.recordedAt = event.recordedAt
        try await row.create(on: db)
    }

    static func insert(_ rejection: Rejection, on db: any Database) async throws {
        let row = RejectionModel()
        row.applicationID = rejection.applicationID
        row.on = rejection.on.description
        row.stageReached = rejection.stageReached.rawValue
        row.reason = rejection.reason
        row.category = rejection.category.rawValue
        row.controllable = rejection.controllable.rawValue
        row.feelings = rejection.feelings
        row.intensity = rejection.intensity
        row.processingEndsOn = rejection.processingEndsOn.description
        try await row.create(on: db)
    }

    static func parse<T>(
        _ raw: String, _ make: (String) -> T?, _ table: String, _ id: Int, _ column: String
    ) throws -> T {
        guard let value = make(raw) else {
            throw StoreError.corruptRow(table: table, id: String(id), detail: "\(column) is \"\(raw)\"")
        }
        return value
    }
}
