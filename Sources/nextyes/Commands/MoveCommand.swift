import ArgumentParser
import NextYesCore
import NextYesFeatures

struct MoveCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move an application to another stage.",
        discussion: """
            Stages, in order: \(Stage.idList). Every move is a dated event on the \
            application's timeline, and the furthest stage reached is kept even if the \
            application is later rejected. A closed application has to be reopened first.

            Examples:
              nextyes move 3 screening
              nextyes move 3 interview --on 2026-11-02
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id (see nextyes list).") var id: Int
    @Argument(help: "The new stage: \(Stage.idList).") var stage: String
    @Option(help: ArgumentHelp("The day it happened (default: today).", valueName: "YYYY-MM-DD")) var on: String?

    func run(workspace: Workspace) async throws {
        let target = try Parse.stage(stage)
        let day = try Parse.day(on, today: workspace.today, what: "The date")
        let application = try await workspace.applications.move(id, to: target, on: day)
        var message = "Moved \(application.title) to \(target.title.lowercased())."
        if target == .screening || target == .interview || target == .finalRound {
            message += " Your application stood out: well done."
        } else if target == .offer {
            message += " An offer: congratulations. Take the time you need to decide."
        }
        Console.out(message)
    }
}
