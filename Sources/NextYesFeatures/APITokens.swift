import Crypto
import Foundation
import NextYesCore
import NextYesStore

public typealias APIScope = NextYesStore.APIScope
public typealias APIToken = NextYesStore.APIToken
public typealias APITokenError = NextYesStore.APITokenError

/// The tokens a person makes for their own tools (scripts, an assistant) to call the JSON API.
/// A token is 32 random bytes, shown once; only its SHA-256 is kept.
public struct APITokens: Sendable {
    let store: Store
    /// On a career centre's database, the account the tokens belong to: its id is part of each
    /// token, so a call finds the person's data before the token is checked there.
    var accountID: String? = nil

    /// The prefix every token starts with, so it is recognisable in a script or a leak scanner.
    public static let prefix = "nyt_"

    /// Makes a token; the returned secret is the only time it can be seen.
    public func create(name: String, scopes: Set<APIScope>) async throws -> (token: APIToken, secret: String) {
        guard let name = Text.cleanLine(name), name.count <= 80 else { throw APITokenError.badName }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = Self.prefix + (accountID.map { $0 + "_" } ?? "") + bytes.map { String(format: "%02x", $0) }.joined()
        let chosen = scopes.isEmpty ? [.read] : APIScope.allCases.filter(scopes.contains)
        let token = try await store.apiTokens.create(name: name, hash: Self.hash(secret), scopes: chosen)
        return (token, secret)
    }

    public func all() async throws -> [APIToken] {
        try await store.apiTokens.all()
    }

    public func revoke(_ id: Int) async throws -> APIToken {
        try await store.apiTokens.revoke(id)
    }

    /// The active token a secret stands for, or nil; notes the use (at most once a minute, so
    /// reading calls don't each write).
    public func verify(_ secret: String) async throws -> APIToken? {
        guard secret.hasPrefix(Self.prefix), Self.accountID(in: secret) == accountID,
              secret.count == Self.prefix.count + 64 + (accountID.map { $0.count + 1 } ?? 0) else { return nil }
        guard let token = try await store.apiTokens.active(hash: Self.hash(secret)) else { return nil }
        if token.lastUsedAt.map({ store.clock.now().timeIntervalSince($0) > 60 }) ?? true {
            try await store.apiTokens.touch(token.id)
        }
        return token
    }

    /// The account a centre's token names (`nyt_<account>_<secret>`); nil for a personal token.
    public static func accountID(in secret: String) -> String? {
        guard secret.hasPrefix(prefix) else { return nil }
        let parts = secret.dropFirst(prefix.count).split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 16, parts[0].allSatisfy(\.isHexDigit) else { return nil }
        return String(parts[0])
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension Workspace {
    public var apiTokens: APITokens { APITokens(store: store, accountID: accountID) }
}
