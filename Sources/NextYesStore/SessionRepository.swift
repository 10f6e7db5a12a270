import FluentKit
import Foundation
import NextYesCore
import SQLKit

/// Stored browser sessions: opaque data by the hash of the session id, with an expiry.
public struct SessionRepository: Sendable {
    let db: any Database
    let clock: Clock

    /// The session's data, or nil when it doesn't exist or has expired (then it is removed).
    public func read(idHash: String) async throws -> String? {
        try await entry(idHash: idHash)?.data
    }

    /// The session's data and expiry; nil when it doesn't exist or has expired.
    public func entry(idHash: String) async throws -> (data: String, expiresAt: Date)? {
        guard let row = try await SessionModel.find(idHash, on: db) else { return nil }
        if row.expiresAt <= clock.now() {
            // Removing it can wait for a moment when the database is free.
            try? await db.writeTransaction { tx in try await SessionModel.query(on: tx).filter(\.$id == idHash).delete() }
            return nil
        }
        return (row.data, row.expiresAt)
    }

    /// Creates or replaces a session, valid until `expiresAt`.
    public func save(idHash: String, data: String, expiresAt: Date) async throws {
        try await db.writeTransaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            try await sql.insert(into: SessionModel.schema).columns("id_hash", "data", "expires_at")
                .values(SQLBind(idHash), SQLBind(data), SQLBind(Store.storable(expiresAt)))
                .onConflict(with: ["id_hash"]) { $0.set(excludedValueOf: "data").set(excludedValueOf: "expires_at") }.run()
        }
    }

    public func delete(idHash: String) async throws {
        try await db.writeTransaction { tx in try await SessionModel.query(on: tx).filter(\.$id == idHash).delete() }
    }

    /// Removes every expired session; returns how many.
    @discardableResult
    public func removeExpired() async throws -> Int {
        let now = clock.now()
        return try await db.writeTransaction { tx in
            let count = try await SessionModel.query(on: tx).filter(\.$expiresAt <= now).count()
            try await SessionModel.query(on: tx).filter(\.$expiresAt <= now).delete()
            return count
        }
    }

    public func count() async throws -> Int {
        try await SessionModel.query(on: db).count()
    }
}

// See ApplicationModel for why the unchecked conformance is safe.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "id_hash", generatedBy: .user) var id: String?
    @Field(key: "data") var data: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
