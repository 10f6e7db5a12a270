import ArgumentParser
import NextYesCore
import NextYesFeatures

/// The shared shape of the commands that close or reopen an application on a day.
protocol OutcomeCommand: StoreCommand {
    var id: Int { get }
    var on: String? { get }
    func change(_ workspace: Workspace, day: Day?) async throws -> Application
    func message(_ application: Application) -> String
}

extension OutcomeCommand {
    func run(workspace: Workspace) async throws {
        let day = try Parse.day(on, today: workspace.today, what: "The date")
        Console.out(message(try await change(workspace, day: day)))
    }
}

struct GhostedCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "ghosted",
        abstract: "Mark an application as ghosted (no reply).",
        discussion: """
            No reply is an outcome too, and it says nothing about you. If they write after all, \
            nextyes reopen brings it back.

            Example:
              nextyes ghosted 4
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id.") var id: Int
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: String?

    func change(_ workspace: Workspace, day: Day?) async throws -> Application {
        try await workspace.applications.close(id, as: .ghosted, on: day)
    }
    func message(_ a: Application) -> String {
        "Marked \(a.title) as no reply. Their silence is about their process, not your worth. If they write after all: nextyes reopen \(a.id)"
    }
}

struct WithdrawCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw from an application.",
        discussion: "Example:\n  nextyes withdraw 4 --on 2026-11-20")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id.") var id: Int
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: String?

    func change(_ workspace: Workspace, day: Day?) async throws -> Application {
        try await workspace.applications.close(id, as: .withdrawn, on: day)
    }
    func message(_ a: Application) -> String {
        Text.sentence("Withdrew from \(a.title)") + " Choosing where to spend your energy is part of a good search."
    }
}

struct ReopenCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a ghosted, withdrawn, declined or rejected application.",
        discussion: """
            The application comes back at the stage it had reached; a rejection logged earlier \
            stays on record.

            Example:
              nextyes reopen 4
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id.") var id: Int
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: String?

    func change(_ workspace: Workspace, day: Day?) async throws -> Application {
        try await workspace.applications.reopen(id, on: day)
    }
    func message(_ a: Application) -> String {
        "Reopened \(a.title) at \(a.stage.title.lowercased())."
    }
}

struct AcceptCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Record that you accepted an offer.",
        discussion: "Example:\n  nextyes accept 7")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id.") var id: Int
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: String?

    func change(_ workspace: Workspace, day: Day?) async throws -> Application {
        let before = try await workspace.applications.find(id)
        let accepted = try await workspace.applications.close(id, as: .offerAccepted, on: day)
        if before.stage != .offer { Console.out("Moved it to offer and recorded your acceptance.") }
        return accepted
    }
    func message(_ a: Application) -> String {
        Text.sentence("Accepted the offer for \(a.title)") + " Congratulations: every step before this one helped you get here."
    }
}

struct DeclineCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline",
        abstract: "Record that you declined an offer.",
        discussion: "Example:\n  nextyes decline 7")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id.") var id: Int
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: String?

    func change(_ workspace: Workspace, day: Day?) async throws -> Application {
        try await workspace.applications.close(id, as: .offerDeclined, on: day)
    }
    func message(_ a: Application) -> String {
        Text.sentence("Declined the offer for \(a.title)") + " Knowing what isn't right for you is progress too."
    }
}

struct DeleteCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an application with its timeline and rejection.",
        discussion: """
            This cannot be undone, so it asks for --yes.

            Example:
              nextyes delete 4 --yes
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id.") var id: Int
    @Flag(help: "Confirm the deletion.") var yes = false

    func run(workspace: Workspace) async throws {
        let application = try await workspace.applications.find(id)
        guard yes else {
            Console.error("nextyes: Deleting \(application.title) removes its timeline too and cannot be undone. Run again with --yes to confirm.")
            throw ExitCode.failure
        }
        try await workspace.applications.delete(id)
        Console.out(Text.sentence("Deleted \(application.title)"))
    }
}
