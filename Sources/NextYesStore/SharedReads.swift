import FluentKit
import FluentSQLiteDriver
import Foundation

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
        var values: [AnyKeyPath: Any]
    }

    // The lock guards `slots`; that is what makes the unchecked conformance safe.
    private let lock = NSLock()
    private var slots: [ObjectIdentifier: Slot] = [:]
    private var kept = 0

    /// How many tables were read and kept (not served from here): for tests.
    var reads: Int { lock.withLock { kept } }

    public init() {}

    /// The state of the data as the connection serving `db` sees it, or nil where it can't be told.
    static func state(of db: any Database) async throws -> State? {
        guard let sqlite = db as? any SQLiteDatabase, !db.inTransaction else { return nil }
        let (connection, version, changes) = try await sqlite.withConnection { connection -> (SQLiteConnection, Int?, Int?) in
            let version = try await connection.query("PRAGMA data_version").first?.column("data_version")?.integer
            let changes = try await connection.query("SELECT total_changes() AS changes").first?.column("changes")?.integer
            return (connection, version, changes)
        }
        guard let version, let changes else { return nil }
        return State(pinned: connection, connection: ObjectIdentifier(connection), dataVersion: version, ownChanges: changes)
    }

    func value<T>(_ path: ReferenceWritableKeyPath<ReadMemo, T?>, at state: State) -> T? {
        lock.withLock {
            guard let slot = slots[state.connection], slot.state == state else { return nil }
            return slot.values[path] as? T
        }
    }

    /// Keeps a value read at `state` or later; a slot at another state is replaced.
    func keep<T>(_ path: ReferenceWritableKeyPath<ReadMemo, T?>, _ value: T, at state: State) {
        lock.withLock {
            kept += 1
            if var slot = slots.removeValue(forKey: state.connection), slot.state == state {
                slot.values[path] = value
                slots[state.connection] = slot
            } else {
                slots[state.connection] = Slot(state: state, values: [path: value])
            }
        }
    }
}
