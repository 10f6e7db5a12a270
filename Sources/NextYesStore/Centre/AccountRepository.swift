import FluentKit
import Foundation
import NextYesCore
import SQLKit

/// The centre's own tables: accounts, one-time sign-in links, failed sign-ins, sharing and the
/// log of coach views. Reached through a connection that is not inside a person's transaction.
public struct AccountRepository: Sendable {
    let db: any Database
    let clock: Clock

    public init(db: any Database, clock: Clock) {
        self.db = db
        self.clock = clock
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }
    /// Where the centre's tables are: the schema `centre` on PostgreSQL, the file itself on SQLite.
    var c: String { CentreSchema.table("", on: db) }
    var now: Date { Store.storable(clock.now()) }

    struct Row: Decodable {
        let id: String
        let email: String
        let name: String
        let role: String
        let password_hash: String?
        let disabled: Bool
        let statistics_opt_in: Bool
        let created_at: Date

        var account: Account {
            Account(id: id, email: email, name: name, role: AccountRole(rawValue: role) ?? .seeker, disabled: disabled,
                    hasPassword: password_hash != nil, statisticsOptIn: statistics_opt_in, createdAt: created_at)
        }
    }

    static let columns = "id, email, name, role, password_hash, disabled, statistics_opt_in, created_at"

    /// Creates the account, its role and its schema, in one transaction with the schema's tables.
    public func create(email: String, name: String, role: AccountRole, passwordHash: String?) async throws -> Account {
        var bytes = [UInt8](repeating: 0, count: 8)
        var generator = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &generator) }
        let id = bytes.map { String(format: "%02x", $0) }.joined()
        let created = now
        try await db.writeTransaction { tx in
            let sql = tx as! any SQLDatabase
            struct Found: Decodable { let found: Bool }
            if try await sql.raw("SELECT EXISTS (SELECT 1 FROM \(unsafeRaw: c)accounts WHERE email = \(bind: email)) AS found")
                .first(decoding: Found.self)?.found == true {
                throw CentreError.accountExists(email)
            }
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: c)accounts (id, email, name, role, password_hash, created_at)
                VALUES (\(bind: id), \(bind: email), \(bind: name), \(bind: role.rawValue), \(bind: passwordHash), \(bind: created))
                """).run()
            if role == .seeker { try await CentreSchema.migratePerson(accountID: id, on: tx) }
        }
        return Account(id: id, email: email, name: name, role: role, disabled: false, hasPassword: passwordHash != nil,
                       statisticsOptIn: false, createdAt: created)
    }

    public func all() async throws -> [Account] {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: c)accounts ORDER BY role, email").all(decoding: Row.self).map(\.account)
    }

    /// The enabled coaches, by name (asked of the database, not filtered from every account).
    public func enabledCoaches() async throws -> [Account] {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: c)accounts
            WHERE role = 'coach' AND disabled = \(bind: false) ORDER BY lower(name), email
            """).all(decoding: Row.self).map(\.account)
    }

    public func find(email: String) async throws -> Account? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: c)accounts WHERE email = \(bind: email)").first(decoding: Row.self)?.account
    }

    public func find(id: String) async throws -> Account? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: c)accounts WHERE id = \(bind: id)").first(decoding: Row.self)?.account
    }

    /// The stored password hash, for checking a sign-in.
    public func passwordHash(email: String) async throws -> (account: Account, hash: String?)? {
        guard let row = try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: c)accounts WHERE email = \(bind: email)")
            .first(decoding: Row.self) else { return nil }
        return (row.account, row.password_hash)
    }

    public func setPassword(accountID: String, hash: String) async throws {
        try await sql.raw("UPDATE \(unsafeRaw: c)accounts SET password_hash = \(bind: hash) WHERE id = \(bind: accountID)").run()
    }

    /// Disables or enables the account; disabling also ends its sessions (they carry the id).
    /// Ends every browser session of the account except the one whose id hashes to `keeping`.
    public func endSessions(accountID: String, keeping idHash: String?) async throws {
        try await sql.raw("""
            DELETE FROM \(unsafeRaw: c)sessions WHERE data LIKE \(bind: "%\"account\":\"" + accountID + "\"%") AND id_hash <> \(bind: idHash ?? "")
            """).run()
    }

    public func setDisabled(accountID: String, _ disabled: Bool) async throws {
        try await db.writeTransaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.raw("UPDATE \(unsafeRaw: c)accounts SET disabled = \(bind: disabled) WHERE id = \(bind: accountID)").run()
            if disabled {
                try await sql.raw("DELETE FROM \(unsafeRaw: c)sessions WHERE data LIKE \(bind: "%\"account\":\"" + accountID + "\"%")").run()
                try await sql.raw("DELETE FROM \(unsafeRaw: c)account_links WHERE account_id = \(bind: accountID)").run()
            }
        }
    }

    /// Renames an account and sets its role. A new role ends the person's sessions (they sign in
    /// again to their new pages) and the sharing in which they took the old one; a seeker's own
    /// data is never removed here, and a new seeker gets theirs made.
    public func update(account: Account, name: String, role: AccountRole) async throws {
        try await db.writeTransaction { tx in
            let sql = tx as! any SQLDatabase
            let id = account.id
            try await sql.raw("UPDATE \(unsafeRaw: c)accounts SET name = \(bind: name), role = \(bind: role.rawValue) WHERE id = \(bind: id)").run()
            guard role != account.role else { return }
            try await sql.raw("DELETE FROM \(unsafeRaw: c)sessions WHERE data LIKE \(bind: "%\"account\":\"" + id + "\"%")").run()
            try await sql.raw("DELETE FROM \(unsafeRaw: c)grants WHERE seeker_id = \(bind: id) OR coach_id = \(bind: id)").run()
            try await sql.raw("DELETE FROM \(unsafeRaw: c)cohort_facts WHERE seeker_id = \(bind: id)").run()
            if role == .seeker { try await CentreSchema.migratePerson(accountID: id, on: tx) }
        }
    }

    /// Removes the account and everything the centre keeps about it: its links, sessions, failed
    /// sign-ins, sharing both ways, the log of coach views and the kept counts. The person's own
    /// data is removed separately (`CentreSchema.dropPerson`).
    public func delete(account: Account) async throws {
        try await db.writeTransaction { tx in
            let sql = tx as! any SQLDatabase
            let id = account.id
            try await sql.raw("DELETE FROM \(unsafeRaw: c)sessions WHERE data LIKE \(bind: "%\"account\":\"" + id + "\"%")").run()
            try await sql.raw("DELETE FROM \(unsafeRaw: c)sign_in_failures WHERE key = \(bind: "address:" + account.email)").run()
            try await sql.raw("DELETE FROM \(unsafeRaw: c)account_links WHERE account_id = \(bind: id)").run()
            try await sql.raw("DELETE FROM \(unsafeRaw: c)grants WHERE seeker_id = \(bind: id) OR coach_id = \(bind: id)").run()
            try await sql.raw("DELETE FROM \(unsafeRaw: c)coach_views WHERE seeker_id = \(bind: id) OR coach_id = \(bind: id)").run()
            try await sql.raw("DELETE FROM \(unsafeRaw: c)cohort_facts WHERE seeker_id = \(bind: id)").run()
            try await sql.raw("DELETE FROM \(unsafeRaw: c)accounts WHERE id = \(bind: id)").run()
        }
    }

    public func setStatisticsOptIn(accountID: String, _ optIn: Bool) async throws {
        try await sql.raw("UPDATE \(unsafeRaw: c)accounts SET statistics_opt_in = \(bind: optIn) WHERE id = \(bind: accountID)").run()
    }

    // MARK: One-time links

    /// Stores a link's hash; the link itself is shown once and never stored.
    public func addLink(hash: String, accountID: String, purpose: String, expiresAt: Date) async throws {
        try await db.writeTransaction { tx in
            let sql = tx as! any SQLDatabase
            // A new link replaces any earlier one for the same account.
            try await sql.raw("DELETE FROM \(unsafeRaw: c)account_links WHERE account_id = \(bind: accountID)").run()
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: c)account_links (hash, account_id, purpose, expires_at)
                VALUES (\(bind: hash), \(bind: accountID), \(bind: purpose), \(bind: Store.storable(expiresAt)))
                """).run()
        }
    }

    public func linkIsValid(hash: String) async throws -> Bool {
        struct Found: Decodable { let found: Bool }
        return try await sql.raw("""
            SELECT EXISTS (SELECT 1 FROM \(unsafeRaw: c)account_links l JOIN \(unsafeRaw: c)accounts a ON a.id = l.account_id
              WHERE l.hash = \(bind: hash) AND l.used_at IS NULL AND l.expires_at > \(bind: now) AND NOT a.disabled) AS found
            """).first(decoding: Found.self)?.found ?? false
    }

    /// The account a link belongs to, if it is unused and unexpired; it is used up at once.
    public func useLink(hash: String) async throws -> Account? {
        try await db.writeTransaction { tx in
            let sql = tx as! any SQLDatabase
            struct Link: Decodable { let account_id: String }
            guard let link = try await sql.raw("""
                UPDATE \(unsafeRaw: c)account_links SET used_at = \(bind: now)
                WHERE hash = \(bind: hash) AND used_at IS NULL AND expires_at > \(bind: now) RETURNING account_id
                """).first(decoding: Link.self) else { return nil }
            return try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: c)accounts WHERE id = \(bind: link.account_id)")
                .first(decoding: Row.self)?.account
        }
    }

    // MARK: Failed sign-ins

    /// When the key (an address, or a client) may try again; nil when it may now.
    public func lockedUntil(key: String) async throws -> Date? {
        struct Lock: Decodable { let locked_until: Date? }
        guard let until = try await sql.raw("SELECT locked_until FROM \(unsafeRaw: c)sign_in_failures WHERE key = \(bind: key)")
            .first(decoding: Lock.self)?.locked_until, until > clock.now() else { return nil }
        return until
    }

    /// Counts a failure within `window`; at `limit` failures the key is locked for `lock`.
    public func recordFailure(key: String, limit: Int, window: TimeInterval, lock: TimeInterval) async throws {
        let now = self.now
        try await sql.raw("""
            INSERT INTO \(unsafeRaw: c)sign_in_failures AS f (key, failures, window_start) VALUES (\(bind: key), 1, \(bind: now))
            ON CONFLICT (key) DO UPDATE SET
              failures = CASE WHEN f.window_start < \(bind: now.addingTimeInterval(-window)) THEN 1 ELSE f.failures + 1 END,
              window_start = CASE WHEN f.window_start < \(bind: now.addingTimeInterval(-window)) THEN \(bind: now) ELSE f.window_start END
            """).run()
        try await sql.raw("""
            UPDATE \(unsafeRaw: c)sign_in_failures SET locked_until = \(bind: now.addingTimeInterval(lock)), failures = 0, window_start = \(bind: now)
            WHERE key = \(bind: key) AND failures >= \(bind: limit)
            """).run()
    }

    /// The addresses locked now after wrong passwords, with the time each may try again.
    public func lockedAddresses() async throws -> [String: Date] {
        struct Lock: Decodable { let key: String; let locked_until: Date }
        let now = clock.now()
        let rows = try await sql.raw("SELECT key, locked_until FROM \(unsafeRaw: c)sign_in_failures WHERE locked_until IS NOT NULL")
            .all(decoding: Lock.self)
        return Dictionary(rows.compactMap { row in
            row.key.hasPrefix("address:") && row.locked_until > now ? (String(row.key.dropFirst("address:".count)), row.locked_until) : nil
        }, uniquingKeysWith: max)
    }

    public func clearFailures(key: String) async throws {
        try await sql.raw("DELETE FROM \(unsafeRaw: c)sign_in_failures WHERE key = \(bind: key)").run()
    }

    // MARK: The cohort's kept counts

    /// Each person's kept counts, with the data version they were made from.
    public func cohortFacts() async throws -> [String: (version: Int64, facts: String)] {
        struct Row: Decodable { let seeker_id: String; let version: Int64; let facts: String }
        let rows = try await sql.raw("SELECT seeker_id, version, facts FROM \(unsafeRaw: c)cohort_facts").all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.seeker_id, ($0.version, $0.facts)) })
    }

    public func keepCohortFacts(seekerID: String, version: Int64, facts: String) async throws {
        try await sql.raw("""
            INSERT INTO \(unsafeRaw: c)cohort_facts (seeker_id, version, facts) VALUES (\(bind: seekerID), \(bind: version), \(bind: facts))
            ON CONFLICT (seeker_id) DO UPDATE SET version = excluded.version, facts = excluded.facts
            """).run()
    }

    // MARK: Sharing

    public func grant(seekerID: String, coachID: String, scopes: [SharingScope]) async throws {
        let text = scopes.sorted().map(\.rawValue).joined(separator: ",")
        try await sql.raw("""
            INSERT INTO \(unsafeRaw: c)grants (seeker_id, coach_id, scopes, granted_at) VALUES (\(bind: seekerID), \(bind: coachID), \(bind: text), \(bind: now))
            ON CONFLICT (seeker_id, coach_id) DO UPDATE SET scopes = excluded.scopes, granted_at = excluded.granted_at
            """).run()
    }

    public func revoke(seekerID: String, coachID: String) async throws -> Bool {
        struct Gone: Decodable { let seeker_id: String }
        return try await sql.raw("DELETE FROM \(unsafeRaw: c)grants WHERE seeker_id = \(bind: seekerID) AND coach_id = \(bind: coachID) RETURNING seeker_id")
            .first(decoding: Gone.self) != nil
    }

    /// The grants a seeker gave, or the grants a coach holds.
    public func grants(seekerID: String? = nil, coachID: String? = nil) async throws -> [SharingGrant] {
        struct GrantRow: Decodable { let seeker_id: String; let coach_id: String; let scopes: String; let granted_at: Date }
        let rows: [GrantRow]
        if let seekerID {
            rows = try await sql.raw("SELECT seeker_id, coach_id, scopes, granted_at FROM \(unsafeRaw: c)grants WHERE seeker_id = \(bind: seekerID)").all(decoding: GrantRow.self)
        } else if let coachID {
            rows = try await sql.raw("SELECT seeker_id, coach_id, scopes, granted_at FROM \(unsafeRaw: c)grants WHERE coach_id = \(bind: coachID)").all(decoding: GrantRow.self)
        } else {
            rows = []
        }
        var grants: [SharingGrant] = []
        for row in rows {
            guard let seeker = try await find(id: row.seeker_id), let coach = try await find(id: row.coach_id) else { continue }
            let scopes = row.scopes.split(separator: ",").compactMap { SharingScope(rawValue: String($0)) }
            grants.append(SharingGrant(seeker: seeker, coach: coach, scopes: scopes, grantedAt: row.granted_at))
        }
        return grants.sorted { ($0.seeker.name, $0.coach.name) < ($1.seeker.name, $1.coach.name) }
    }

    /// Logs a coach's look. With `unlessWithin`, a look the same as one logged that recently is
    /// not logged again (the caseload is read at every visit to the coach's home page).
    public func logView(seekerID: String, coachID: String, scope: SharingScope, action: CoachView.Action = .looked,
                        unlessWithin window: TimeInterval? = nil) async throws {
        if let window {
            struct Found: Decodable { let found: Bool }
            let recent = try await sql.raw("""
                SELECT EXISTS (SELECT 1 FROM \(unsafeRaw: c)coach_views WHERE seeker_id = \(bind: seekerID) AND coach_id = \(bind: coachID)
                  AND scope = \(bind: scope.rawValue) AND action = \(bind: action.rawValue) AND viewed_at > \(bind: now.addingTimeInterval(-window))) AS found
                """).first(decoding: Found.self)?.found ?? false
            if recent { return }
        }
        try await sql.raw("""
            INSERT INTO \(unsafeRaw: c)coach_views (seeker_id, coach_id, scope, action, viewed_at)
            VALUES (\(bind: seekerID), \(bind: coachID), \(bind: scope.rawValue), \(bind: action.rawValue), \(bind: now))
            """).run()
    }

    public func views(seekerID: String, limit: Int = 200) async throws -> [CoachView] {
        struct ViewRow: Decodable { let name: String; let email: String; let scope: String; let action: String; let viewed_at: Date }
        return try await sql.raw("""
            SELECT a.name, a.email, v.scope, v.action, v.viewed_at FROM \(unsafeRaw: c)coach_views v JOIN \(unsafeRaw: c)accounts a ON a.id = v.coach_id
            WHERE v.seeker_id = \(bind: seekerID) ORDER BY v.viewed_at DESC, v.id DESC LIMIT \(bind: limit)
            """).all(decoding: ViewRow.self).compactMap { row in
                SharingScope(rawValue: row.scope).map {
                    CoachView(coachName: row.name, coachEmail: row.email, scope: $0, action: CoachView.Action(rawValue: row.action) ?? .looked,
                              viewedAt: row.viewed_at)
                }
            }
    }
}
