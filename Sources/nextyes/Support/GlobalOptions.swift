import ArgumentParser
import Foundation
import NextYesCore
import NextYesStore

struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "The SQLite file to use (default: $NEXTYES_DATABASE, else ~/.local/share/nextyes/nextyes.sqlite). A postgres:// address uses that server.",
            valueName: "path"))
    var database: String?

    var location: DatabaseLocation {
        DatabaseLocation.resolve(option: database, environment: ProcessInfo.processInfo.environment)
    }
}

/// A command that works on the database: opens it, runs, closes it, and turns any error into a
/// clear message on standard error and a non-zero exit.
protocol StoreCommand: AsyncParsableCommand {
    var global: GlobalOptions { get }
    func run(store: Store) async throws
}

extension StoreCommand {
    mutating func run() async throws {
        let command = self
        try await Console.reportingErrors {
            let connection = try await StoreConnection.open(command.global.location)
            do {
                try await command.run(store: connection.store)
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        }
    }
}
