import FluentKit
import Foundation
import SQLKit

/// How long a write waits for another writer before it gives up with a clear message.
public enum WriteLock {
    public static let timeoutMilliseconds = 5000
}

extension Database {
    /// Runs `body` as one write transaction.
    ///
    /// On SQLite the transaction takes the write lock with its very first statement, so a
    /// transaction that reads and then writes never has to upgrade a read snapshot (SQLite refuses
    /// that at once with "database is locked" when another writer got in between), and waiting
    /// for another writer sleeps (`busy_timeout`) instead of spinning. After the timeout the
    /// person gets `StoreError.databaseBusy`, which says what to do; nothing is half-written.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let sqlite = (self as? any SQLDatabase)?.dialect.name == "sqlite"
        guard sqlite, !inTransaction else { return try await transaction(body) }
        do {
            return try await transaction { tx in
                let sql = tx as! any SQLDatabase
                try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(WriteLock.timeoutMilliseconds))").run()
                // A write that changes nothing still takes the write lock, now.
                try await sql.raw("DELETE FROM settings WHERE 0").run()
                return try await body(tx)
            }
        } catch let error where StoreError.isBusy(error) {
            throw StoreError.databaseBusy
        }
    }
}

extension StoreError {
    /// SQLite's "database is locked" in any of its forms.
    public static func isBusy(_ error: any Error) -> Bool {
        let text = String(describing: error).lowercased()
        return text.contains("database is locked") || text.contains("busy")
    }
}
