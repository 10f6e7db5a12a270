import ArgumentParser
import Foundation
import NextYesCore
import NextYesFeatures

/// Words of crisis meet support first on the command line too: the support card is printed
/// before the command's own output. What was written is saved as it is.
enum CareOutput {
    static func notice(_ texts: [String?], workspace: Workspace) async throws {
        if let card = await workspace.care.noticed(in: texts) { Console.out(card.text) }
    }
}

struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "The SQLite file to use (default: $NEXTYES_DATABASE, else ~/.local/share/nextyes/nextyes.sqlite). A postgres:// address uses that server.",
            valueName: "path"))
    var database: String?

    @Option(
        name: .customLong("account"),
        help: ArgumentHelp(
            "On a career centre's database: whose NextYes to use, by e-mail (default: $NEXTYES_ACCOUNT). A personal NextYes has no accounts.",
            valueName: "email"))
    var account: String?

    /// The account named with --account, else NEXTYES_ACCOUNT.
    var accountEmail: String? {
        if let account { return account }
        let value = ProcessInfo.processInfo.environment["NEXTYES_ACCOUNT"]?.trimmingCharacters(in: .whitespaces)
        return value?.isEmpty == false ? value : nil
    }

    /// ` --database PATH` when the database was named on the command line, for the commands
    /// NextYes suggests, so they can be copied as they are.
    var databaseHint: String {
        guard let database, !database.isEmpty else { return "" }
        let plain = database.allSatisfy { $0.isLetter || $0.isNumber || "/._-:@".contains($0) }
        return " --database " + (plain ? database : "'" + database.replacingOccurrences(of: "'", with: "'\\''") + "'")
    }

    var location: DatabaseLocation {
        get throws { try DatabaseLocation.resolve(option: database, environment: ProcessInfo.processInfo.environment) }
    }
}

/// A command that works on the database: opens it, runs, closes it, and turns any error into a
/// clear message on standard error and a non-zero exit.
protocol StoreCommand: AsyncParsableCommand, Sendable {
    var global: GlobalOptions { get }
    /// Commands that only read never create a database: a mistyped path gets an error, not an
    /// empty new file that looks as if the data were gone.
    var readsOnly: Bool { get }
    /// Free text the person wrote in this command's options (notes, reasons, feelings), read for
    /// crisis language before anything else happens.
    var writtenText: [String?] { get }
    /// Checks that need no database, run before it is opened (so a bad input file never leaves
    /// an empty new database behind).
    func preflight() throws
    func run(workspace: Workspace) async throws
}

extension StoreCommand {
    var readsOnly: Bool { false }
    var writtenText: [String?] { [] }
    func preflight() throws {}

    mutating func run() async throws {
        let command = self
        try await Console.reportingErrors {
            let location = try command.global.location
            try command.preflight()
            if case .sqliteFile(let path) = location, !FileManager.default.fileExists(atPath: path) {
                // With an account, the file meant is a centre's: none is made here.
                if command.global.accountEmail != nil { throw CentreError.noCentreAt(path) }
                if command.readsOnly { throw StoreError.noDatabase(path) }
            }
            let connection = try await WorkspaceConnection.open(location, refuseEmptyPostgres: true)
            do {
                try await connection.run(account: command.global.accountEmail) { workspace in
                    if !command.writtenText.isEmpty { try await CareOutput.notice(command.writtenText, workspace: workspace) }
                    try await command.run(workspace: workspace)
                }
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        }
    }
}
