import FluentKit
import FluentSQLiteDriver
import Foundation
import NextYesCore
import SQLKit

/// Whole-table reads (the applications, their timelines, the rejections, the settings) kept
/// between the page views of a long-running server on SQLite, for exactly as long as the data is
/// unchanged, so clicking from page to page doesn't read ten thousand rows each time.
///
/// SQLite names a state of the data for one connection with two numbers: `PRAGMA data_version`
/// changes whenever another connection (this process or another, such as the command line)
/// commits, and `total_changes()` counts every row this connection has inserted, changed or
/// deleted. A page view takes them once, before it reads; what it reads afterwards is at least
/// that recent, so it is kept under them. A later page view on the same connection that finds the
/// same two numbers is shown what was kept; any write anywhere changes one of them, and the tables
/// are read again. Each connection has its own slot (the numbers mean nothing across
/// connections), and the slot holds the connection itself, so its address can't be reused by a
/// new one while the slot exists. PostgreSQL has no such numbers: nothing is kept there.
public final class SharedReads: @unchecked Sendable {
    public struct State: Equatable, @unchecked Sendable {
        /// Held, not only named: see the type's note. Never used, only kept alive.
        let pinned: AnyObject
        let connection: ObjectIdentifier
        let dataVersion: Int
        let ownChanges: Int

        public static func == (a: State, b: State) -> Bool {
            a.connection == b.connection && a.dataVersion == b.dataVersion && a.ownChanges == b.ownChanges
        }
    }

    private struct Slot {
        var state: State
        var values: [ReadMemo.Table: Any]
    }

    // The lock guards `slots`; that is what makes the unchecked conformance safe.
    private let lock = NSLock()
    private var slots: [ObjectIdentifier: Slot] = [:]
    private var kept = 0
    /// Applications as last read, each with its revision (see `AddApplicationRevisions`): after a
    /// change, only the rows whose revision moved are read again.
    private var rows: [Int: (revision: Int, application: Application)] = [:]
    private var rowsRead = 0

    /// How many application rows were read in full (not found here at their revision): for tests.
    var applicationRowsRead: Int { lock.withLock { rowsRead } }

    /// Every application in `listing`'s order (ids with their current revisions), read through
    /// the rows kept here: `fetch` is asked only for the rows that are new or changed.
    func applications(_ listing: [(id: Int, revision: Int)],
                      fetch: ([Int]) async throws -> [(revision: Int, application: Application)]) async throws -> [Application] {
        let wanted = lock.withLock { listing.filter { rows[$0.id]?.revision != $0.revision }.map(\.id) }
        var fetched: [(revision: Int, application: Application)] = []
        for start in stride(from: 0, to: wanted.count, by: 500) {
            fetched += try await fetch(Array(wanted[start..<min(start + 500, wanted.count)]))
        }
        return lock.withLock {
            rowsRead += fetched.count
            for row in fetched { rows[row.application.id] = row }
            if rows.count > listing.count + listing.count / 4 + 64 {
                // Deleted applications: forget them.
                let listed = Set(listing.map(\.id))
                rows = rows.filter { listed.contains($0.key) }
            }
            // A row changed again between the two reads is shown as fetched, which is newer.
            return listing.compactMap { rows[$0.id]?.application }
        }
    }

    /// How many tables were read and kept (not served from here): for tests.
    var reads: Int { lock.withLock { kept } }

    public init() {}

    /// The state of the data as the connection serving `db` sees it, or nil where it can't be told.
    static func state(of db: any Database) async throws -> State? {
        guard let sqlite = db as? any SQLiteDatabase, !db.inTransaction else { return nil }
        let (connection, version, changes) = try await sqlite.withConnection { connection -> (SQLiteConnection, Int?, Int?) in
            let row = try await connection.query("SELECT data_version AS version, total_changes() AS changes FROM pragma_data_version()").first
            return (connection, row?.column("version")?.integer, row?.column("changes")?.integer)
        }
        guard let version, let changes else { return nil }
        return State(pinned: connection, connection: ObjectIdentifier(connection), dataVersion: version, ownChanges: changes)
    }

    func value<T>(_ table: ReadMemo.Table, at state: State) -> T? {
        lock.withLock {
            guard let slot = slots[state.connection], slot.state == state else { return nil }
            return slot.values[table] as? T
        }
    }

    /// Keeps a value read at `state` or later; a slot at another state is replaced.
    func keep<T>(_ table: ReadMemo.Table, _ value: T, at state: State) {
        lock.withLock {
            kept += 1
            if var slot = slots.removeValue(forKey: state.connection), slot.state == state {
                slot.values[table] = value
                slots[state.connection] = slot
            } else {
                slots[state.connection] = Slot(state: state, values: [table: value])
            }
        }
    }
}

/// What one page view has read, so every figure on the page shares one read of each table. Only
/// for requests that change nothing the memo holds (a page view): a workspace that writes has
/// none. With `shared` (a long-running server on SQLite), whole-table reads are also kept between
/// page views for as long as the data is unchanged (see `SharedReads`).
public final class ReadMemo: @unchecked Sendable {
    /// The whole-table reads a memo holds, each under its own name.
    enum Table: Hashable {
        case applications, events, rejections, settings, descriptions
        case contacts, contactLinks, interactions, interviews, goals, hours, reflections, agendaDone
        case feedbackRequests, feedback, wins, targets, profileSkills, stories
        case skillReadings(reader: Int64)
        case feedbackReadings(reader: Int64)
        case unreadFeedback(reader: Int64, limit: Int)
        case recentEvents(limit: Int)
        case searchCounts
        case countsByOutcome(search: String?)
        case openByStage(limit: Int)
        case unreadDescriptions(reader: Int64, limit: Int)
        case titles(ids: Set<Int>)
        /// A figure worked out from the data alone (and the day, named in the key): kept while
        /// the data is unchanged, like the reads it comes from.
        case derived(String)
        case journal(since: Day?, limit: Int?)
    }

    // The lock guards the values and the state; that is what makes the unchecked conformance safe.
    private let lock = NSLock()
    private var values: [Table: Any] = [:]
    let shared: SharedReads?
    private var state: SharedReads.State??

    public init(shared: SharedReads? = nil) {
        self.shared = shared
    }

    func remembered<T>(_ table: Table, on db: any Database, _ load: () async throws -> T) async throws -> T {
        if let value = lock.withLock({ values[table] as? T }) { return value }
        let state = try await sharedState(db)
        if let shared, let state, let value: T = shared.value(table, at: state) {
            lock.withLock { values[table] = value }
            return value
        }
        let value = try await load()
        if let shared, let state { shared.keep(table, value, at: state) }
        lock.withLock { values[table] = value }
        return value
    }

    /// The state of the data when this page view first read, taken once: whatever is read
    /// afterwards is at least that recent, so it may be kept under it.
    private func sharedState(_ db: any Database) async throws -> SharedReads.State? {
        guard shared != nil else { return nil }
        if let known = lock.withLock({ state }) { return known }
        let now = try await SharedReads.state(of: db)
        return lock.withLock {
            if state == nil { state = .some(now) }
            return state ?? nil
        }
    }

    /// The page view wrote to a table it may have read: read it again next time. What the
    /// server kept describes the data before the write, so for the rest of this page view
    /// nothing more is taken from it or given to it (the next page view finds the data changed).
    func forget(_ table: Table) {
        forget { $0 == table }
    }

    /// As `forget`, for every read that matches (whatever its parameters).
    func forget(where matches: (Table) -> Bool) {
        lock.withLock {
            values = values.filter { !matches($0.key) }
            state = .some(nil)
        }
    }
}

extension Store {
    /// A figure that depends only on the data and on what `key` names (the day, a period): a
    /// page view works it out once, and a server keeps it while the data is unchanged.
    public func remembered<T>(derived key: String, _ work: () async throws -> T) async throws -> T {
        try await memo.remembered(.derived(key), on: db, work)
    }
}

extension Optional where Wrapped == ReadMemo {
    /// Through the memo when there is one, else straight from the database.
    func remembered<T>(_ table: ReadMemo.Table, on db: any Database, _ load: () async throws -> T) async throws -> T {
        guard let memo = self else { return try await load() }
        return try await memo.remembered(table, on: db, load)
    }
}
