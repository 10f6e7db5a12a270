import ArgumentParser
import Foundation
import NextYesCore
import NextYesFeatures
import NextYesMCP

struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Let your own AI assistant work with your search (Model Context Protocol over stdio).",
        discussion: """
            Your assistant starts this command itself and talks to it over standard input and \
            output; you don't run it by hand. It can list, search and show applications, read \
            your insights, report and agenda. Adding, moving, logging a rejection, recording \
            feedback and writing in your journal need --allow-writes; without it those tools \
            refuse and change nothing. Messages for you go to standard error.

            In the assistant's configuration:
              "nextyes": { "command": "nextyes", "args": ["mcp", "--allow-writes"] }

            Examples:
              nextyes mcp
              nextyes mcp --database /tmp/nextyes-demo.sqlite --allow-writes
              DATABASE_URL=postgres://… nextyes mcp --account ana@uni.example   (a career centre)
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Let the assistant add and change applications, rejections, feedback and journal entries.")
    var allowWrites = false

    mutating func run() async throws {
        let options = self
        try await Console.reportingErrors {
            let location = try options.global.location
            // Read-only, it never creates a database: a mistyped path gets an error, not an empty file.
            if !options.allowWrites, case .sqliteFile(let path) = location, !FileManager.default.fileExists(atPath: path) {
                throw StoreError.noDatabase(path)
            }
            let connection = try await WorkspaceConnection.open(location)
            // On a career centre's database the server works for one person (--account), each
            // call in its own transaction as them; checked now, so a wrong account fails at once.
            let account = options.global.accountEmail
            do {
                try await connection.run(account: account, readOnly: true) { _ in }
            } catch {
                await connection.close()
                throw error
            }
            let whose = account.map { " for \($0.lowercased())" } ?? ""
            Console.error("NextYes is serving \(location)\(whose) to your assistant over MCP, "
                + (options.allowWrites ? "reads and writes." : "read-only (add --allow-writes to let it make changes)."))
            do {
                try await AssistantServer(scope: connection.scope(account: account), allowWrites: options.allowWrites,
                                          version: NextYes.configuration.version).runOverStandardIO()
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        }
    }
}
