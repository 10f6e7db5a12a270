import FluentKit
import Foundation
import NIOConcurrencyHelpers
import NextYesCore
import SQLKit

/// A career centre on one machine, for trying one without PostgreSQL (`nextyes migrate
/// --accounts` on an SQLite file): the centre's own tables are in the file itself, and each
/// seeker's NextYes is an SQLite file of its own in the folder beside it
/// (`centre.sqlite.people/p_<id>.sqlite`), the same as a personal NextYes.
///
/// A person's transaction runs on their own file's connections, which have no centre tables and
/// no other person's data to reach: the files keep people apart as the schemas and roles do on
/// PostgreSQL. A query on the centre's file that forgot its person finds no data tables there.
enum SQLiteCentre {
    static func isSQLite(_ db: any Database) -> Bool {
        (db as? any SQLDatabase)?.dialect.name == "sqlite"
    }

    /// Whether the file holds a centre's tables.
    static func isCentre(_ sql: any SQLDatabase) async throws -> Bool {
        try await hasTable("centre_migrations", on: sql)
    }

    static func hasTable(_ name: String, on sql: any SQLDatabase) async throws -> Bool {
        struct Row: Decodable { let n: Int }
        let row = try await sql.raw("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)").first(decoding: Row.self)
        return (row?.n ?? 0) > 0
    }

    /// The centre's file, as SQLite names it.
    static func centrePath(_ sql: any SQLDatabase) async throws -> String {
        struct Row: Decodable { let name: String; let file: String }
        guard let main = try await sql.raw("PRAGMA database_list").all(decoding: Row.self).first(where: { $0.name == "main" }),
              !main.file.isEmpty else {
            throw CentreError.needsPostgres
        }
        return canonical(main.file)
    }

    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func peopleFolder(centrePath: String) -> String { centrePath + ".people" }

    static func personPath(centrePath: String, accountID: String) -> String {
        peopleFolder(centrePath: centrePath) + "/" + CentreSchema.schemaName(accountID: accountID) + ".sqlite"
    }

    /// The centre's own tables on SQLite. `settings` holds nothing yet; a write transaction takes
    /// the write lock with it first (`writeTransaction`). A landed entry is never edited.
    static let migrations: [(String, [String])] = [
        ("create-centre", [
            "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE accounts (
              id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
              password_hash TEXT, disabled BOOLEAN NOT NULL DEFAULT 0,
              statistics_opt_in BOOLEAN NOT NULL DEFAULT 0, created_at DATETIME NOT NULL)
            """,
            """
            CREATE TABLE account_links (
              hash TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
              purpose TEXT NOT NULL, expires_at DATETIME NOT NULL, used_at DATETIME)
            """,
            "CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at DATETIME NOT NULL)",
            """
            CREATE TABLE sign_in_failures (
              key TEXT PRIMARY KEY, failures INTEGER NOT NULL, window_start DATETIME NOT NULL, locked_until DATETIME)
            """,
            """
            CREATE TABLE grants (
              seeker_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
              coach_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
              scopes TEXT NOT NULL, granted_at DATETIME NOT NULL, PRIMARY KEY (seeker_id, coach_id))
            """,
            """
            CREATE TABLE coach_views (
              id INTEGER PRIMARY KEY AUTOINCREMENT, seeker_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
              coach_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
              scope TEXT NOT NULL, viewed_at DATETIME NOT NULL, action TEXT NOT NULL DEFAULT 'looked')
            """,
            "CREATE INDEX coach_views_by_seeker ON coach_views (seeker_id, viewed_at)",
            """
            CREATE TABLE cohort_facts (
              seeker_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
              version INTEGER NOT NULL, facts TEXT NOT NULL)
            """,
        ]),
    ]

    /// Brings the centre's tables and every seeker's file up to date. A file that holds a
    /// personal NextYes stays one.
    static func migrate(_ db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(WriteLock.timeoutMilliseconds))").run()
        if try await hasTable("applications", on: sql) { throw CentreError.personalDatabase }
        // The table a write transaction locks first, so servers starting together on a new file
        // wait for each other instead of failing.
        try await sql.raw("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)").run()
        let people: [String] = try await db.writeTransaction { tx in
            let sql = tx as! any SQLDatabase
            if try await hasTable("applications", on: sql) { throw CentreError.personalDatabase }
            try await sql.raw("CREATE TABLE IF NOT EXISTS centre_migrations (name TEXT PRIMARY KEY, applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)").run()
            struct Name: Decodable { let name: String }
            let done = Set(try await sql.raw("SELECT name FROM centre_migrations").all(decoding: Name.self).map(\.name))
            for (name, statements) in migrations where !done.contains(name) {
                for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
                try await sql.raw("INSERT INTO centre_migrations (name) VALUES (\(bind: name))").run()
            }
            struct ID: Decodable { let id: String }
            return try await sql.raw("SELECT id FROM accounts WHERE role = 'seeker' ORDER BY created_at").all(decoding: ID.self).map(\.id)
        }
        for id in people { try await migratePerson(accountID: id, centre: db) }
        return people.count
    }

    /// Creates the seeker's file if it doesn't exist yet and brings it up to date.
    static func migratePerson(accountID: String, centre db: any Database) async throws {
        let path = personPath(centrePath: try await centrePath(db as! any SQLDatabase), accountID: accountID)
        _ = try await PersonFiles.shared.open(path, migrate: true)
    }

    /// The seeker's own database (their file's connections), opened on first use.
    static func personDatabase(accountID: String, centre db: any Database) async throws -> any Database {
        let path = personPath(centrePath: try await centrePath(db as! any SQLDatabase), accountID: accountID)
        return try await PersonFiles.shared.open(path, migrate: false)
    }

    /// Closes the seeker's file and removes it, with its write-ahead log.
    static func dropPerson(accountID: String, centre db: any Database) async throws {
        let path = personPath(centrePath: try await centrePath(db as! any SQLDatabase), accountID: accountID)
        await PersonFiles.shared.close(path: path)
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// Many seekers' data versions, each read from their own file; files not made yet are left out.
    static func dataVersions(accountIDs: [String], centre db: any Database) async throws -> [String: Int64] {
        let centrePath = try await centrePath(db as! any SQLDatabase)
        var versions: [String: Int64] = [:]
        for id in accountIDs {
            let path = personPath(centrePath: centrePath, accountID: id)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            versions[id] = try await CentreSchema.dataVersion(on: try await PersonFiles.shared.open(path, migrate: false))
        }
        return versions
    }

    /// One number per person that any change to their data moves (a trigger on every table), as
    /// on PostgreSQL, so the cohort's kept counts know when to count again.
    static func trackVersion(on sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE TABLE IF NOT EXISTS data_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)").run()
        try await sql.raw("INSERT INTO data_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING").run()
        struct Table: Decodable { let name: String }
        let tables = try await sql.raw("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
              AND name NOT IN ('data_version', '_fluent_migrations', 'sessions', 'api_tokens')
            """).all(decoding: Table.self)
        for table in tables {
            let name = CentreSchema.quoted(table.name)
            for change in ["INSERT", "UPDATE", "DELETE"] {
                let trigger = CentreSchema.quoted("data_version_" + table.name + "_" + change.lowercased())
                try await sql.raw(SQLQueryString("""
                    CREATE TRIGGER IF NOT EXISTS \(trigger) AFTER \(change) ON \(name)
                    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END
                    """)).run()
            }
        }
    }
}

/// The open seekers' files of the centres this process serves: each file's own connection pool,
/// opened (and brought up to date) once, closed with the centre.
actor PersonFiles {
    static let shared = PersonFiles()

    private var open: [String: Task<StoreConnection, any Error>] = [:]

    func open(_ path: String, migrate: Bool) async throws -> any Database {
        if let task = open[path] {
            let connection = try await task.value
            if migrate { try await Self.upToDate(connection) }
            return connection.store.db
        }
        // The first open makes the file if it is missing (deleted by hand, or never made) and
        // brings it up to date, so a seeker gets a fresh one rather than an error on every page.
        let task = Task<StoreConnection, any Error> {
            try Self.prepareFolder(for: path)
            let connection = try await StoreConnection.open(.sqliteFile(path: path), migrate: true)
            try await Self.upToDate(connection)
            return connection
        }
        open[path] = task
        do {
            return try await task.value.store.db
        } catch {
            open[path] = nil
            throw error
        }
    }

    private static func upToDate(_ connection: StoreConnection) async throws {
        try await connection.store.db.writeTransaction { tx in try await SQLiteCentre.trackVersion(on: tx as! any SQLDatabase) }
    }

    /// The people's folder, readable by its owner only.
    private static func prepareFolder(for path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw StoreError.cannotCreateFolder(folder, "a file with that name is in the way") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.cannotCreateFolder(folder, error.localizedDescription)
        }
    }

    /// Closes one seeker's file.
    func close(path: String) async {
        guard let task = open.removeValue(forKey: path) else { return }
        if let connection = try? await task.value { await connection.close() }
    }

    /// Closes the files of the centre at `centrePath` (every centre's with nil).
    func close(centrePath: String?) async {
        let prefix = centrePath.map { SQLiteCentre.peopleFolder(centrePath: SQLiteCentre.canonical($0)) + "/" }
        for (path, task) in open where prefix.map({ path.hasPrefix($0) }) ?? true {
            open[path] = nil
            if let connection = try? await task.value { await connection.close() }
        }
    }
}
