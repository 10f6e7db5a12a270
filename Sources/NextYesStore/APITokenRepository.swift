import FluentKit
import Foundation
import NextYesCore
import SQLKit

/// What a token may do: read, or read and write.
public enum APIScope: String, CaseIterable, Codable, Sendable {
    case read
    case write
}

/// A token for the JSON API, as listed (never the token itself).
public struct APIToken: Hashable, Sendable, Codable {
    public var id: Int
    public var name: String
    public var scopes: [APIScope]
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public var isActive: Bool { revokedAt == nil }
    public func allows(_ scope: APIScope) -> Bool { isActive && scopes.contains(scope) }
}

public enum APITokenError: Error, Equatable, LocalizedError {
    case notFound(Int)
    case badName

    public var errorDescription: String? {
        switch self {
        case .notFound(let id): "There is no API token #\(id). See your tokens with: nextyes api token list"
        case .badName: "Give the token a name of up to 80 characters, so you know later what uses it (for example \"laptop script\")."
        }
    }
}

/// The API tokens, by the hash of each.
public struct APITokenRepository: Sendable {
    let db: any Database
    let clock: Clock

    struct Row: Decodable {
        var id: Int
        var name: String
        var scopes: String
        var created_at: Date
        var last_used_at: Date?
        var revoked_at: Date?

        var token: APIToken {
            APIToken(id: id, name: name, scopes: scopes.split(separator: ",").compactMap { APIScope(rawValue: String($0)) },
                     createdAt: created_at, lastUsedAt: last_used_at, revokedAt: revoked_at)
        }
    }

    private var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw StoreError.cannotOpen("the database", "it does not speak SQL") }
            return sql
        }
    }

    static let columns = ["id", "name", "scopes", "created_at", "last_used_at", "revoked_at"]

    public func create(name: String, hash: String, scopes: [APIScope]) async throws -> APIToken {
        let now = Store.storable(clock.now())
        let scopeText = APIScope.allCases.filter(scopes.contains).map(\.rawValue).joined(separator: ",")
        let id: Int = try await db.writeTransaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw StoreError.cannotOpen("the database", "it does not speak SQL") }
            struct ID: Decodable { var id: Int }
            let row = try await sql.insert(into: "api_tokens").columns("name", "token_hash", "scopes", "created_at")
                .values(SQLBind(name), SQLBind(hash), SQLBind(scopeText), SQLBind(now)).returning("id").first(decoding: ID.self)
            guard let row else { throw StoreError.cannotOpen("the database", "it does not speak SQL") }
            return row.id
        }
        return APIToken(id: id, name: name, scopes: APIScope.allCases.filter(scopes.contains), createdAt: now)
    }

    /// Every token, newest first, revoked ones included (they say when).
    public func all() async throws -> [APIToken] {
        try await sql.select().columns(Self.columns.map { SQLColumn($0) }).from("api_tokens")
            .orderBy("id", .descending).all(decoding: Row.self).map(\.token)
    }

    /// The active token with this hash, if any.
    public func active(hash: String) async throws -> APIToken? {
        try await sql.select().columns(Self.columns.map { SQLColumn($0) }).from("api_tokens")
            .where("token_hash", .equal, SQLBind(hash)).where("revoked_at", .is, SQLLiteral.null)
            .first(decoding: Row.self)?.token
    }

    /// Notes when a token was last used.
    public func touch(_ id: Int) async throws {
        let now = Store.storable(clock.now())
        try await db.writeTransaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            try await sql.update("api_tokens").set("last_used_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
        }
    }

    /// Revokes a token: it stops working at once and stays listed as revoked.
    public func revoke(_ id: Int) async throws -> APIToken {
        let now = Store.storable(clock.now())
        return try await db.writeTransaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw StoreError.cannotOpen("the database", "it does not speak SQL") }
            let found = try await sql.select().columns(Self.columns.map { SQLColumn($0) }).from("api_tokens")
                .where("id", .equal, SQLBind(id)).first(decoding: Row.self)
            guard var token = found?.token else { throw APITokenError.notFound(id) }
            if token.revokedAt == nil {
                try await sql.update("api_tokens").set("revoked_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
                token.revokedAt = now
            }
            return token
        }
    }
}
