import ArgumentParser
import Foundation
import NextYesCore
import NextYesFeatures

struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Tokens for the JSON API, for your own scripts and tools.",
        discussion: """
            While `nextyes serve` runs, the API answers under http://127.0.0.1:PORT/api/v1. The document is at /api/v1/openapi.json, readable docs at /api/docs. Each call sends a token you make here:

              nextyes api token create --name "laptop script"
              curl -H "Authorization: Bearer TOKEN" \\
                   http://127.0.0.1:8080/api/v1/applications
            """,
        subcommands: [APITokenCommand.self])
}

struct APITokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make, list and revoke API tokens.",
        discussion: """
            Examples:
              nextyes api token create --name "laptop script"
              nextyes api token create --name assistant --scope write
              nextyes api token list
              nextyes api token revoke 2
            """,
        subcommands: [APITokenCreateCommand.self, APITokenListCommand.self, APITokenRevokeCommand.self],
        defaultSubcommand: APITokenListCommand.self)
}

struct APITokenCreateCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Make a token and print it once (only its hash is kept).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "What the token is for, so you know later (up to 80 characters).") var name: String
    @Option(help: ArgumentHelp("read (the default) or write (read and change). Repeat for both.", valueName: "scope"))
    var scope: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func run(workspace: Workspace) async throws {
        var scopes = Set<APIScope>()
        for raw in scope {
            guard let parsed = APIScope(rawValue: raw.lowercased()) else {
                throw ValidationErrors([FieldError("scope", "\"\(raw)\" is not a scope. Use --scope read or --scope write.")])
            }
            scopes.insert(parsed)
        }
        if scopes.contains(.write) { scopes.insert(.read) }
        let (token, secret) = try await workspace.apiTokens.create(name: name, scopes: scopes)
        if json {
            struct Made: Encodable { var id: Int; var name: String; var scopes: [APIScope]; var token: String }
            Console.out(try Console.json(Made(id: token.id, name: token.name, scopes: token.scopes, token: secret)))
            return
        }
        Console.out(secret)
        Console.error("Token \(token.id) (\(token.name)) may \(token.scopes.contains(.write) ? "read and write" : "read"). This is the only time it is shown: keep it somewhere safe. Revoke it with: nextyes api token revoke \(token.id)")
    }
}

struct APITokenListCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens with when each was last used.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run(workspace: Workspace) async throws {
        let tokens = try await workspace.apiTokens.all()
        if json {
            Console.out(try Console.json(tokens))
            return
        }
        guard !tokens.isEmpty else {
            Console.out("No API tokens yet. Make one with: nextyes api token create --name \"laptop script\"")
            return
        }
        for token in tokens {
            let used = token.lastUsedAt.map { "last used \(Day($0, in: .current).readable)" } ?? "never used"
            let state = token.revokedAt.map { "revoked \(Day($0, in: .current).readable)" } ?? used
            Console.out("\(token.id)  \(token.name)  \(token.scopes.map(\.rawValue).joined(separator: "+"))  \(state)")
        }
    }
}

struct APITokenRevokeCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token; it stops working at once.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The token's number, from nextyes api token list.") var id: Int

    func run(workspace: Workspace) async throws {
        let token = try await workspace.apiTokens.revoke(id)
        Console.out("Revoked token \(token.id) (\(token.name)). Anything still using it now gets \"401 This token doesn't work\".")
    }
}
