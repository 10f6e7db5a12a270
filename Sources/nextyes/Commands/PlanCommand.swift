import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Your development plan: suggested goals, your goals, and the hours you put in.",
        discussion: """
            NextYes suggests specific, measurable goals from the skills your postings keep asking \
            for and the themes that recur in your feedback. Accept one as it is or with changes, \
            or decline it; finishing a goal adds it to your wins.

            Examples:
              nextyes plan
              nextyes plan accept sql
              nextyes plan accept tableau --hours 2 --deadline 2026-12-20
              nextyes plan decline communication
              nextyes plan log 5 1.5
              nextyes plan done 5
            """,
        subcommands: [PlanListCommand.self, PlanAcceptCommand.self, PlanDeclineCommand.self, PlanLogCommand.self,
                      PlanDoneCommand.self, PlanDropCommand.self],
        defaultSubcommand: PlanListCommand.self)
}

struct PlanListCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Show your goals and the suggested ones.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    struct Output: Encodable {
        var goals: [PlanGoal]
        var suggestions: [GoalProposal]
    }

    func run(workspace: Workspace) async throws {
        let today = workspace.today
        let goals = try await workspace.plan.goals()
        let proposals = try await workspace.plan.proposals(today: today)
        if json {
            Console.out(try Console.json(Output(goals: goals, suggestions: proposals)))
            return
        }
        let active = goals.filter { $0.status == .active }
        if !active.isEmpty {
            Console.out("Your goals")
            for goal in active {
                let late = goal.deadline < today ? " (deadline passed: finish it, move it, or let it go)" : ""
                Console.out("  [\(goal.id)] \(goal.title) — \(goal.action.title.lowercased()), by \(goal.deadline)\(late), \(goal.weeklyHours) h a week, "
                    + String(format: "%.1f h logged (%d%%)", goal.hoursLogged, Int(goal.progress * 100)))
                Console.out("      Done when: \(goal.measure)")
            }
        }
        if !proposals.isEmpty {
            Console.out((active.isEmpty ? "" : "\n") + "Suggested goals")
            for proposal in proposals {
                Console.out("  [\(proposal.id)] \(proposal.title) — \(proposal.action.title.lowercased()), by \(proposal.deadline), \(proposal.weeklyHours) h a week")
                Console.out("     Done when: \(proposal.measure)")
                Console.out("     Why: \(proposal.reason)")
            }
            Console.out("\nAccept one with: nextyes plan accept \(proposals[0].id) (change it with --title, --action, --measure, --deadline, --hours), or turn it down with: nextyes plan decline \(proposals[0].id)")
        }
        let done = goals.filter { $0.status == .done }
        if !done.isEmpty {
            Console.out("\nDone: " + done.map(\.title).joined(separator: "; "))
        }
        if active.isEmpty && proposals.isEmpty && done.isEmpty {
            Console.out("Nothing to suggest yet. Add job descriptions to your applications and record the feedback you get; goals appear from the patterns. See: nextyes skills gaps")
        } else if proposals.isEmpty {
            Console.out("\nNo new suggestions: every skill your postings ask for more than once is in your profile or already in your plan, and no feedback theme is waiting. New postings and feedback bring new ones.")
        }
    }
}

/// The suggestion with this id ("sql"): ids stay the same when other suggestions come and go.
private func proposal(_ id: String, workspace: Workspace) async throws -> GoalProposal {
    let proposals = try await workspace.plan.proposals(today: workspace.today)
    guard let found = proposals.first(where: { $0.id == id.trimmingCharacters(in: .whitespaces).lowercased() }) else {
        throw ValidationErrors([FieldError("suggestion", proposals.isEmpty
            ? "There are no suggested goals right now. `nextyes plan` shows your goals."
            : "There's no suggestion \"\(id)\". Choose one of: \(proposals.map(\.id).joined(separator: ", ")).")])
    }
    return found
}

struct PlanAcceptCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Add a suggested goal to your plan, as it is or changed.",
        discussion: """
            Examples:
              nextyes plan accept sql
              nextyes plan accept tableau --action project --hours 2 --deadline 2026-12-20
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suggestion's id, shown in brackets by `nextyes plan`.") var suggestion: String
    @Option(help: "A new name for the goal.") var title: String?
    @Option(help: "course, project, practice or mentor-conversation.") var action: String?
    @Option(help: "How you'll know it's done.") var measure: String?
    @Option(help: ArgumentHelp("The deadline.", valueName: "YYYY-MM-DD")) var deadline: String?
    @Option(help: "Hours a week, a whole number from 1 to 40.") var hours: String?

    func run(workspace: Workspace) async throws {
        let p = try await proposal(suggestion, workspace: workspace)
        var form = p.form
        if let title { form.title = title }
        if let action { form.action = action }
        if let measure { form.measure = measure }
        if let deadline { form.deadline = deadline }
        if let hours { form.weeklyHours = hours }
        let goal = try await workspace.plan.accept(try form.validated(today: workspace.today))
        Console.out("Added goal \(goal.id): \(goal.title), by \(goal.deadline). Log time with: nextyes plan log \(goal.id) HOURS")
    }
}

struct PlanDeclineCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline",
        abstract: "Turn down a suggested goal; it won't be suggested again.",
        discussion: "Example:\n  nextyes plan decline communication")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suggestion's id, shown in brackets by `nextyes plan`.") var suggestion: String

    func run(workspace: Workspace) async throws {
        let p = try await proposal(suggestion, workspace: workspace)
        _ = try await workspace.plan.decline(try p.form.validated(today: workspace.today))
        Console.out("Okay, NextYes won't suggest \"\(p.title)\" again.")
    }
}

struct PlanLogCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log hours spent on a goal.",
        discussion: """
            Examples:
              nextyes plan log 5 1.5
              nextyes plan log 5 2 --on 2026-11-19
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The goal's id, as `nextyes plan` shows it in brackets.") var goal: Int
    @Argument(help: "Hours, from 0.25 to 24.") var hours: Double
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: String?
    @Option(help: "A note on what you did.") var note: String?

    var writtenText: [String?] { [note] }

    func run(workspace: Workspace) async throws {
        let today = workspace.today
        try await workspace.plan.logHours(hours, on: try Parse.day(on, today: today, what: "The day"), goalID: goal, note: note)
        let updated = try await workspace.plan.goal(goal)
        Console.out("Logged \(Hours.text(hours)) on \"\(updated.title)\": \(Hours.text(updated.hoursLogged)) so far (\(Int(updated.progress * 100))% of the planned hours).")
    }
}

struct PlanDoneCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark a goal done; it's added to your wins.", discussion: "Example:\n  nextyes plan done 5")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The goal's id.") var goal: Int

    func run(workspace: Workspace) async throws {
        let finished = try await workspace.plan.finish(goal, as: .done)
        Console.out("Done: \(finished.title). That's a real step forward, and it's in your wins now.")
    }
}

struct PlanDropCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop", abstract: "Let go of a goal that no longer fits.", discussion: "Example:\n  nextyes plan drop 5")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The goal's id.") var goal: Int

    func run(workspace: Workspace) async throws {
        let dropped = try await workspace.plan.finish(goal, as: .dropped)
        Console.out("Dropped \"\(dropped.title)\". Letting go of a goal that no longer fits is a decision, not a failure.")
    }
}
