import FluentKit
import Foundation
import NextYesCore
import SQLKit

/// A career centre's database (PostgreSQL): the centre's own tables (accounts, sign-in links,
/// sessions, sharing, the log of coach views) in the schema `centre`, and each person's NextYes in
/// a schema of its own, owned by a database role of its own.
///
/// Every request and every command for a person runs in one transaction that first sets
/// `SET LOCAL ROLE` and `SET LOCAL search_path` to that person's role and schema: the tables the
/// app's queries name are that person's, and the database itself refuses any other person's
/// schema (the role has no right to it) and the centre's tables. A connection outside such a
/// transaction looks only at `centre`, where no NextYes data tables exist, so a query that forgot
/// its person fails instead of reading someone's data. The settings end with the transaction.
public enum CentreSchema {
    public static let name = "centre"

    /// Whether this database is a centre's: PostgreSQL with the centre's tables.
    public static func isCentre(_ db: any Database) async throws -> Bool {
        if SQLiteCentre.isSQLite(db) { return try await SQLiteCentre.isCentre(db as! any SQLDatabase) }
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return false }
        struct Row: Decodable { let found: Bool }
        let row = try await sql.raw("SELECT to_regclass('centre.accounts') IS NOT NULL AS found").first(decoding: Row.self)
        return row?.found ?? false
    }

    public static func isEmpty(_ db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return false }
        struct Row: Decodable { let found: Bool }
        let row = try await sql.raw("""
            SELECT to_regclass('centre.accounts') IS NULL AND to_regclass('public.applications') IS NULL
              AND to_regclass('public._fluent_migrations') IS NULL AS found
            """).first(decoding: Row.self)
        return row?.found ?? false
    }

    /// The schema and role that hold one person's data: derived from the account id, which is
    /// random hex, so no name can be chosen or guessed into another's.
    public static func schemaName(accountID: String) -> String { "p_" + accountID }
    public static func roleName(accountID: String) -> String { "nextyes_p_" + accountID }

    static func quoted(_ identifier: String) -> String {
        precondition(identifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }, "identifier")
        return "\"" + identifier + "\""
    }

    /// Brings the centre's tables and every person's schema up to date, under an advisory lock
    /// so several servers or commands starting together migrate once. Returns how many people's
    /// schemas (one per seeker) were brought up to date.
    @discardableResult
    public static func migrate(_ db: any Database) async throws -> Int {
        if SQLiteCentre.isSQLite(db) { return try await SQLiteCentre.migrate(db) }
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else {
            throw CentreError.needsPostgres
        }
        return try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(lockKey)))").run()
            // A database that already holds a personal NextYes stays one: a centre starts empty.
            struct Found: Decodable { let found: Bool }
            if try await sql.raw("SELECT to_regclass('public.applications') IS NOT NULL AS found").first(decoding: Found.self)?.found == true {
                throw CentreError.personalDatabase
            }
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS centre").run()
            try await sql.raw("CREATE TABLE IF NOT EXISTS centre.centre_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())").run()
            struct Name: Decodable { let name: String }
            let done = Set(try await sql.raw("SELECT name FROM centre.centre_migrations").all(decoding: Name.self).map(\.name))
            for (name, statements) in centreMigrations where !done.contains(name) {
                for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
                try await sql.raw("INSERT INTO centre.centre_migrations (name) VALUES (\(bind: name))").run()
            }
            struct ID: Decodable { let id: String }
            let people = try await sql.raw("SELECT id FROM centre.accounts WHERE role = 'seeker' ORDER BY created_at").all(decoding: ID.self)
            for person in people { try await migratePerson(accountID: person.id, on: tx) }
            return people.count
        }
    }

    /// Any fixed number: the key of the advisory lock all NextYes migrations take.
    static let lockKey: Int64 = 0x6E65_7874_7965_73

    /// Closes the seekers' own files of a centre on SQLite (nothing on PostgreSQL).
    public static func closeFiles(of location: DatabaseLocation) async {
        if case .sqliteFile(let path) = location { await PersonFiles.shared.close(centrePath: path) }
    }

    /// The table `name` of the centre's own, as a query names it: in the schema `centre` on
    /// PostgreSQL, in the centre's own file on SQLite.
    public static func table(_ name: String, on db: any Database) -> String {
        SQLiteCentre.isSQLite(db) ? name : "centre." + name
    }

    /// The centre's own tables. A landed entry is never edited; changes come as new ones.
    static let centreMigrations: [(String, [String])] = [
        ("create-centre", [
            """
            CREATE TABLE centre.accounts (
              id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
              password_hash TEXT, disabled BOOLEAN NOT NULL DEFAULT false,
              statistics_opt_in BOOLEAN NOT NULL DEFAULT false, created_at TIMESTAMPTZ NOT NULL)
            """,
            """
            CREATE TABLE centre.account_links (
              hash TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES centre.accounts(id) ON DELETE CASCADE,
              purpose TEXT NOT NULL, expires_at TIMESTAMPTZ NOT NULL, used_at TIMESTAMPTZ)
            """,
            "CREATE TABLE centre.sessions (id_hash TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at TIMESTAMPTZ NOT NULL)",
            """
            CREATE TABLE centre.sign_in_failures (
              key TEXT PRIMARY KEY, failures INTEGER NOT NULL, window_start TIMESTAMPTZ NOT NULL, locked_until TIMESTAMPTZ)
            """,
            """
            CREATE TABLE centre.grants (
              seeker_id TEXT NOT NULL REFERENCES centre.accounts(id) ON DELETE CASCADE,
              coach_id TEXT NOT NULL REFERENCES centre.accounts(id) ON DELETE CASCADE,
              scopes TEXT NOT NULL, granted_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (seeker_id, coach_id))
            """,
            """
            CREATE TABLE centre.coach_views (
              id BIGSERIAL PRIMARY KEY, seeker_id TEXT NOT NULL REFERENCES centre.accounts(id) ON DELETE CASCADE,
              coach_id TEXT NOT NULL REFERENCES centre.accounts(id) ON DELETE CASCADE,
              scope TEXT NOT NULL, viewed_at TIMESTAMPTZ NOT NULL)
            """,
            "CREATE INDEX coach_views_by_seeker ON centre.coach_views (seeker_id, viewed_at)",
        ]),
        ("coach-view-action", [
            "ALTER TABLE centre.coach_views ADD COLUMN action TEXT NOT NULL DEFAULT 'looked'",
        ]),
        ("cohort-cache", [
            """
            CREATE TABLE centre.cohort_facts (
              seeker_id TEXT PRIMARY KEY REFERENCES centre.accounts(id) ON DELETE CASCADE,
              version BIGINT NOT NULL, facts TEXT NOT NULL)
            """,
        ]),
    ]

    /// Creates the person's role and schema if they don't exist yet, and brings the schema up to
    /// date, as that role, so the tables are the role's own.
    static func migratePerson(accountID: String, on tx: any Database) async throws {
        if SQLiteCentre.isSQLite(tx) { return try await SQLiteCentre.migratePerson(accountID: accountID, centre: tx) }
        let sql = tx as! any SQLDatabase
        let schema = quoted(schemaName(accountID: accountID)), role = quoted(roleName(accountID: accountID))
        struct Found: Decodable { let found: Bool }
        let hasRole = try await sql.raw("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(bind: roleName(accountID: accountID))) AS found")
            .first(decoding: Found.self)?.found ?? false
        if !hasRole {
            try await sql.raw(SQLQueryString("CREATE ROLE \(role) NOLOGIN")).run()
            try await sql.raw(SQLQueryString("GRANT \(role) TO CURRENT_USER")).run()
        }
        try await sql.raw(SQLQueryString("CREATE SCHEMA IF NOT EXISTS \(schema) AUTHORIZATION \(role)")).run()
        try await enter(accountID: accountID, on: tx)
        try await sql.raw("CREATE TABLE IF NOT EXISTS nextyes_migrations (name TEXT PRIMARY KEY)").run()
        struct Name: Decodable { let name: String }
        let done = Set(try await sql.raw("SELECT name FROM nextyes_migrations").all(decoding: Name.self).map(\.name))
        for migration in NextYesSchema.migrations where !done.contains(migration.name) {
            try await migration.prepare(on: tx).get()
            try await sql.raw("INSERT INTO nextyes_migrations (name) VALUES (\(bind: migration.name))").run()
        }
        try await trackVersion(schema: schema, on: sql)
        try await leave(on: tx)
    }

    /// Removes a seeker's own data for good: on PostgreSQL their schema, with everything in it,
    /// and their role; on SQLite their file. Done after the account itself is gone, so nobody is
    /// signed in to it.
    public static func dropPerson(accountID: String, on db: any Database) async throws {
        if SQLiteCentre.isSQLite(db) { return try await SQLiteCentre.dropPerson(accountID: accountID, centre: db) }
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let role = roleName(accountID: accountID)
            struct Found: Decodable { let found: Bool }
            try await sql.raw(SQLQueryString("DROP SCHEMA IF EXISTS \(quoted(schemaName(accountID: accountID))) CASCADE")).run()
            if try await sql.raw("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(bind: role)) AS found").first(decoding: Found.self)?.found == true {
                try await sql.raw(SQLQueryString("DROP OWNED BY \(quoted(role))")).run()
                try await sql.raw(SQLQueryString("DROP ROLE \(quoted(role))")).run()
            }
        }
    }

    /// One number per person that any change to their data moves (a statement-level trigger on
    /// every table), so what the centre keeps from it (the cohort's counts) knows when to recount.
    static func trackVersion(schema: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE TABLE IF NOT EXISTS data_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO data_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING").run()
        try await sql.raw(SQLQueryString("""
            CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN UPDATE \(schema).data_version SET version = version + 1 WHERE id = 1; RETURN NULL; END $$
            """)).run()
        struct Table: Decodable { let table_name: String }
        let tables = try await sql.raw("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
              AND table_name NOT IN ('data_version', 'nextyes_migrations', 'sessions', 'api_tokens')
            """).all(decoding: Table.self)
        for table in tables {
            try await sql.raw(SQLQueryString("""
                CREATE OR REPLACE TRIGGER data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(quoted(table.table_name))
                FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()
                """)).run()
        }
    }

    /// The person's data version (inside their transaction).
    public static func dataVersion(on tx: any Database) async throws -> Int64 {
        struct Row: Decodable { let version: Int64 }
        return try await (tx as! any SQLDatabase).raw("SELECT version FROM data_version WHERE id = 1").first(decoding: Row.self)?.version ?? -1
    }

    /// Many people's data versions in one statement, read by the centre itself (whose login is a
    /// member of every person's role): a version is a counter, never data. People without a
    /// schema yet are left out.
    public static func dataVersions(accountIDs: [String], on db: any Database) async throws -> [String: Int64] {
        guard let sql = db as? any SQLDatabase, !accountIDs.isEmpty else { return [:] }
        if SQLiteCentre.isSQLite(db) { return try await SQLiteCentre.dataVersions(accountIDs: accountIDs, centre: db) }
        struct Row: Decodable { let id: String; let version: Int64 }
        struct Name: Decodable { let nspname: String }
        let existing = Set(try await sql.raw("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'p\\_%'").all(decoding: Name.self).map(\.nspname))
        var versions: [String: Int64] = [:]
        let ids = accountIDs.filter { existing.contains(schemaName(accountID: $0)) }
        for start in stride(from: 0, to: ids.count, by: 200) {
            let parts = ids[start..<min(start + 200, ids.count)].map { id in
                "SELECT '\(id)' AS id, version FROM \(quoted(schemaName(accountID: id))).data_version WHERE id = 1"
            }
            for row in try await sql.raw(SQLQueryString(parts.joined(separator: " UNION ALL "))).all(decoding: Row.self) {
                versions[row.id] = row.version
            }
        }
        return versions
    }

    /// Inside a transaction: from here to its end, the queries are the person's and the database
    /// allows nothing else.
    public static func enter(accountID: String, on tx: any Database) async throws {
        let sql = tx as! any SQLDatabase
        try await sql.raw(SQLQueryString("SET LOCAL ROLE \(quoted(roleName(accountID: accountID)))")).run()
        try await sql.raw(SQLQueryString("SET LOCAL search_path TO \(quoted(schemaName(accountID: accountID)))")).run()
    }

    /// Back to the centre's own view, still inside the transaction.
    static func leave(on tx: any Database) async throws {
        let sql = tx as! any SQLDatabase
        try await sql.raw("RESET ROLE").run()
        try await sql.raw("SET LOCAL search_path TO centre").run()
    }

    /// Runs `body` in one transaction as the person: every query it makes reads and writes that
    /// person's data only. The settings are local to the transaction, so the connection goes back
    /// to its pool as it came.
    public static func asPerson<T: Sendable>(_ accountID: String, on db: any Database,
                                             _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        // On SQLite the person's own file holds their data: its transaction reaches nothing else.
        if SQLiteCentre.isSQLite(db) {
            return try await SQLiteCentre.personDatabase(accountID: accountID, centre: db).writeTransaction(body)
        }
        return try await db.transaction { tx in
            try await enter(accountID: accountID, on: tx)
            return try await body(tx)
        }
    }
}

/// Problems particular to a centre's database, with what to do about them.
public enum CentreError: Error, Hashable, Sendable, LocalizedError, CategorizedError {
    case needsPostgres
    case notCentre
    case accountNeeded
    case noSuchAccount(String)
    case accountExists(String)
    case accountDisabled(String)
    case badEmail(String)
    case badRole(String)
    case badScope(String)
    case notCoach(String)
    case weakPassword
    case linkNotValid
    case personalDatabase
    case migrateFirst
    case tooManyTries
    /// No file at this path (as typed), for a command that needs a centre's.
    case noCentreAt(String)

    public var errorDescription: String? {
        switch self {
        case .needsPostgres:
            "Accounts need a career centre's database: PostgreSQL (--database postgres://… or DATABASE_URL), or to try one on this machine a new SQLite file set up with `nextyes migrate --accounts --database centre.sqlite`. A personal NextYes has no accounts."
        case .notCentre:
            "This database is not set up for a career centre yet. Run `nextyes migrate` on it first (with DATABASE_URL or --database postgres://…; for an SQLite file, `nextyes migrate --accounts`)."
        case .accountNeeded:
            "This is a career centre's database: say whose NextYes to use with --account EMAIL (or NEXTYES_ACCOUNT=EMAIL)."
        case .noSuchAccount(let email):
            "There is no account for \(email) here. `nextyes accounts list` shows who has one."
        case .accountExists(let email):
            "\(email) already has an account. `nextyes accounts reset-link --email \(email)` makes a new sign-in link."
        case .accountDisabled(let email):
            "The account for \(email) is disabled. An admin can enable it again with `nextyes accounts enable --email \(email)`."
        case .badEmail(let text):
            "\"\(text)\" doesn't look like an e-mail address. Write it as name@example.org."
        case .badRole(let text):
            "\"\(text)\" is not a role. Use seeker, coach or admin."
        case .badScope(let text):
            "\"\(text)\" can't be shared. Share any of: applications, insights, report, plan, practice. The journal, mood and care are never shared."
        case .notCoach(let email):
            "\(email) is not a coach here, so nothing can be shared with them. Check the address with your coach; the Sharing page and `nextyes sharing coaches` list the coaches here."
        case .weakPassword:
            "Choose a password of at least 10 characters (not only spaces)."
        case .migrateFirst:
            "This PostgreSQL database is empty. For a career centre, set it up first with `nextyes migrate` (then add people with `nextyes accounts add`). For a personal NextYes on PostgreSQL, start with `nextyes serve --personal`."
        case .personalDatabase:
            "This database already holds a personal NextYes, and stays one. A career centre needs a database of its own: an empty PostgreSQL database set up with `nextyes migrate`, or a new SQLite file set up with `nextyes migrate --accounts --database NEW.sqlite`."
        case .linkNotValid:
            "This sign-in link has been used or has expired. Ask your centre's admin for a new one."
        case .noCentreAt(let path):
            "There's no career centre's database at \(URL(fileURLWithPath: path).standardizedFileURL.path). Check the path (a relative one is read from the folder you run the command in). To try a centre on this machine, make one with `nextyes migrate --accounts --database \(path)`."
        case .tooManyTries:
            "Too many wrong passwords for this address: wait 15 minutes and try again, or ask your centre's admin for a sign-in link."
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .noSuchAccount: .notFound
        case .accountExists: .conflict
        default: .invalid
        }
    }
}
