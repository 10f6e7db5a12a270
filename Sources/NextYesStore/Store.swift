import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import NextYesCore
import SQLKit

/// The app's way into its data: repositories that map rows to domain values.
public struct Store: Sendable {
    public let db: any Database
    public let clock: Clock
    /// Set only for requests that read and never write.
    public let memo: ReadMemo?

    public init(db: any Database, clock: Clock = .system, memo: ReadMemo? = nil) {
        self.db = db
        self.clock = clock
        self.memo = memo
    }

    public var applications: ApplicationRepository { ApplicationRepository(db: db, clock: clock, memo: memo) }
    public var preferences: PreferencesRepository { PreferencesRepository(db: db, memo: memo) }
    public var contacts: ContactRepository { ContactRepository(db: db, memo: memo, clock: clock) }
    public var feedback: FeedbackRepository { FeedbackRepository(db: db, memo: memo, clock: clock) }
    public var reflections: ReflectionRepository { ReflectionRepository(db: db, memo: memo) }
    public var journal: JournalRepository { JournalRepository(db: db, clock: clock, memo: memo) }
    public var wins: WinRepository { WinRepository(db: db, memo: memo) }
    public var profile: ProfileRepository { ProfileRepository(db: db, memo: memo) }
    public var plan: PlanRepository { PlanRepository(db: db, memo: memo, clock: clock) }
    public var interactions: InteractionRepository { InteractionRepository(db: db, memo: memo) }
    public var interviews: InterviewRepository { InterviewRepository(db: db, memo: memo) }
    public var targets: TargetsRepository { TargetsRepository(db: db, memo: memo, clock: clock) }
    public var stories: StoryRepository { StoryRepository(db: db, memo: memo) }
    public var practice: PracticeRepository { PracticeRepository(db: db, clock: clock) }
    public var agenda: AgendaRepository { AgendaRepository(db: db, memo: memo, clock: clock) }
    public var backup: BackupRepository { BackupRepository(db: db) }
    public var sessions: SessionRepository { SessionRepository(db: db, clock: clock) }
    public var mail: MailRepository { MailRepository(db: db, clock: clock) }
    public var apiTokens: APITokenRepository { APITokenRepository(db: db, clock: clock) }
    public var coachNotes: CoachNoteRepository { CoachNoteRepository(db: db, clock: clock) }

    /// The current moment, to the millisecond: both SQLite and PostgreSQL keep that exactly, so
    /// what is saved reads back identical.
    var now: Date { Self.storable(clock.now()) }

    static func storable(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// Settings an SQLite connection needs: a sleeping busy timeout (the driver's own busy
    /// handler retries without sleeping), and write-ahead logging, so the web app and the CLI can
    /// read while the other writes. Run on each event loop's connection. A long-running server
    /// gives each connection a larger page cache (`pageCacheMiB`), so a page view reads the pages
    /// it needs from its own memory rather than from the file again (SQLite's default is 2 MiB).
    public static func tune(_ databases: [any Database], for location: DatabaseLocation, pageCacheMiB: Int? = nil) async throws {
        for db in databases {
            guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
            try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(WriteLock.timeoutMilliseconds))").run()
            if let pageCacheMiB, pageCacheMiB > 0 {
                try await sql.raw("PRAGMA cache_size = -\(unsafeRaw: String(pageCacheMiB * 1024))").run()
            }
        }
        guard case .sqliteFile = location, let sql = databases.first as? any SQLDatabase else { return }
        do {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        } catch where StoreError.isBusy(error) {
            throw StoreError.databaseBusy
        }
    }
}

/// An open database with its own connection pool, for the command line (the web app uses Vapor's).
public final class StoreConnection: Sendable {
    private let databases: Databases
    public let store: Store
    public let location: DatabaseLocation

    private init(databases: Databases, store: Store, location: DatabaseLocation) {
        self.databases = databases
        self.store = store
        self.location = location
    }

    /// Opens the database, creating the file and bringing the schema up to date on first use.
    public static func open(
        _ location: DatabaseLocation, clock: Clock = .system, logger: Logger = Logger(label: "nextyes.store"),
        migrate shouldMigrate: Bool = true, refuseEmptyPostgres: Bool = false
    ) async throws -> StoreConnection {
        try location.prepareFile()
        let group = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        databases.use(try location.configuration(), as: .main, isDefault: true)
        // Failures come back as errors with what to do; the pool's own log lines would only
        // repeat them in a driver's words.
        var quiet = logger
        quiet.logLevel = .critical
        do {
            let loop = group.any()
            let db = databases.database(logger: quiet, on: loop)!
            try await Store.tune([db], for: location)
            // PostgreSQL connects on the first query: ask one now, so an unreachable server is
            // reported here, with what to check.
            if location.isPostgres { _ = try await CentreSchema.isCentre(db) }
            // A career centre's schema changes only with `nextyes migrate`, under its lock.
            // An empty PostgreSQL database is almost always meant for a centre: a command that
            // made a personal NextYes in it would make `nextyes migrate` refuse it later.
            if refuseEmptyPostgres, try await CentreSchema.isEmpty(db) { throw CentreError.migrateFirst }
            if shouldMigrate, try await !CentreSchema.isCentre(db) {
                try await migrate(databases: databases, logger: quiet, on: loop)
            }
            return StoreConnection(databases: databases, store: Store(db: db, clock: clock), location: location)
        } catch StoreError.databaseBusy {
            await databases.shutdownAsync()
            throw StoreError.databaseBusy
        } catch let error as CentreError {
            await databases.shutdownAsync()
            throw error
        } catch {
            await databases.shutdownAsync()
            if StoreError.isBusy(error) { throw StoreError.databaseBusy }
            throw StoreError.cannotOpen(location.description, StoreConnection.readable(error))
        }
    }

    static func migrate(databases: Databases, logger: Logger, on eventLoop: any EventLoop) async throws {
        let migrations = Migrations()
        migrations.add(NextYesSchema.migrations)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop, migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    public func close() async {
        // A centre on SQLite closes its seekers' files with it.
        await CentreSchema.closeFiles(of: location)
        await databases.shutdownAsync()
    }

    /// The error to show when the database at `location` can't be opened or reached.
    public static func openingFailed(_ location: DatabaseLocation, _ error: any Error) -> any Error {
        if error is CentreError || error is StoreError { return error }
        return StoreError.cannotOpen(location.description, readable(error))
    }

    /// A short reason for a driver error; the drivers' own descriptions run to several lines.
    static func readable(_ error: any Error) -> String {
        // PostgreSQL's errors describe themselves only when reflected.
        let text = String(reflecting: error)
        if text.contains("connectionError") || text.contains("Connection refused") || text.contains("connect(descriptor") {
            return "the server did not answer. Check that PostgreSQL is running and the address is right."
        }
        if text.contains("file is not a database") || text.contains("SQLITE_NOTADB") {
            return "the file is not a NextYes database. Choose another path with --database."
        }
        if let local = error as? any LocalizedError, let description = local.errorDescription { return description }
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}

extension DatabaseID {
    public static var main: DatabaseID { DatabaseID(string: "main") }
}
