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
            if try await connection.centre() != nil {
                await connection.close()
                throw ValidationErrors([FieldError("database", "The assistant server works with a personal NextYes; a career centre's database is not served over MCP yet.")])
            }
            Console.error("NextYes is serving \(location) to your assistant over MCP, "
                + (options.allowWrites ? "reads and writes." : "read-only (add --allow-writes to let it make changes)."))
            do {
                try await AssistantServer(workspace: connection.workspace, allowWrites: options.allowWrites,
                                          version: NextYes.configuration.version).runOverStandardIO()
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        }
    }
}
