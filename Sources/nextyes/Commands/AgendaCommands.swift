import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct AgendaCommand: StoreCommand {
    var readsOnly: Bool { done == nil && !feedURL }
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "What's due: interviews, follow-ups, reconnects, plan deadlines.",
        discussion: """
            Reminders stay on the agenda until you tick them off with --done (or do the thing: \
            logging the follow-up, a reflection or a conversation clears it). --ics prints the same \
            as an iCalendar file; --feed-url prints the address a calendar app can subscribe to \
            while `nextyes serve` runs.

            Examples:
              nextyes agenda
              nextyes agenda --days 30
              nextyes agenda --done application-follow-up-3-2026-11-10
              nextyes agenda --ics > nextyes.ics
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many days ahead to show.") var days = 14
    @Option(help: ArgumentHelp("Tick off a reminder by its id (shown in brackets).", valueName: "id")) var done: String?
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print the agenda as an iCalendar (.ics) file.") var ics = false
    @Flag(help: "Print the calendar-feed address (the server must be running to serve it).") var feedURL = false
    @Option(help: "With --feed-url: the port `nextyes serve` uses.") var port = 8080

    func run(workspace: Workspace) async throws {
        let today = workspace.today
        if let done {
            let items = try await workspace.schedule.items(today: today, from: today.adding(days: -366))
            guard let item = items.first(where: { $0.uid == done }), item.kind.isReminder else {
                throw ValidationErrors([FieldError("done", "\"\(done)\" isn't an open reminder: it may be ticked off already, or the id is mistyped. `nextyes agenda` shows each open one's id in brackets.")])
            }
            try await workspace.schedule.markDone(done)
            Console.out(Text.sentence("Ticked off: \(item.title)"))
            return
        }
        if feedURL {
            Console.out("http://127.0.0.1:\(port)/feed/\(try await workspace.schedule.calendarToken()).ics")
            Console.error("Subscribe to this address in your calendar app while `nextyes serve` runs. Keep it private: anyone with it can read your agenda.")
            return
        }
        if ics {
            Console.out(try await workspace.schedule.calendarFeed(today: today), terminator: "")
            return
        }
        let horizon = today.adding(days: max(0, min(days, 366)))
        let items = try await workspace.schedule.items(today: today).filter { $0.on <= horizon }
        if json {
            Console.out(try Console.json(items))
            return
        }
        guard !items.isEmpty else {
            Console.out("Nothing due in the next \(days) days. Interviews, follow-ups and plan deadlines appear here as you add them.")
            return
        }
        var heading = ""
        for item in items {
            let group = item.group(today: today)
            if group != heading {
                Console.out((heading.isEmpty ? "" : "\n") + group)
                heading = group
            }
            let when = (item.on < today ? item.due(today: today) : item.on.readable) + (item.time.map { " \($0)" } ?? "")
            Console.out("  \(when)  \(item.title)" + (item.kind.isReminder ? "  [\(item.uid)]" : ""))
        }
    }
}

struct InterviewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interviews",
        abstract: "Interview rounds: when, what kind, and with whom.",
        discussion: """
            Examples:
              nextyes interviews
              nextyes interviews add 3 --on 2026-11-28 --time 14:30 --type video --with 2
              nextyes interviews delete 5
            """,
        subcommands: [InterviewsListCommand.self, InterviewsAddCommand.self, InterviewsDeleteCommand.self],
        defaultSubcommand: InterviewsListCommand.self)
}

struct InterviewsListCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List interview rounds, next first.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this application's rounds.") var application: Int?
    @Flag(help: "Print JSON.") var json = false

    func run(workspace: Workspace) async throws {
        let rounds: [InterviewRound]
        if let application {
            _ = try await workspace.applications.find(application)
            rounds = try await workspace.interviews.rounds(for: application)
        } else {
            rounds = try await workspace.interviews.all()
        }
        if json {
            Console.out(try Console.json(rounds))
            return
        }
        guard !rounds.isEmpty else {
            Console.out("No interview rounds yet. Add one with: nextyes interviews add APPLICATION --on YYYY-MM-DD --time 14:30 --type video")
            return
        }
        let contacts = Dictionary(uniqueKeysWithValues: try await workspace.contacts.all().map { ($0.id, $0.name) })
        let titles = Dictionary(uniqueKeysWithValues: try await workspace.applications.all().map { ($0.id, $0.title) })
        var table = TextTable(headers: ["ID", "Day", "Time", "Type", "Application", "With"], maxWidths: [5, 11, 6, 14, 36, 30])
        for r in rounds {
            table.add([String(r.id), r.on.description, r.time?.description ?? "", r.type.title, titles[r.applicationID] ?? "",
                       r.interviewerIDs.compactMap { contacts[$0] }.joined(separator: ", ")])
        }
        Console.out(table.render())
    }
}

struct InterviewsAddCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an interview round to an application.",
        discussion: """
            Types: \(InterviewType.idList). The time is in your own time zone, on a 24-hour clock.

            Example:
              nextyes interviews add 3 --on 2026-11-28 --time 14:30 --type panel --with 2 --with 4
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id.") var application: Int
    @Option(help: ArgumentHelp("The day.", valueName: "YYYY-MM-DD")) var on: String
    @Option(help: ArgumentHelp("The time.", valueName: "HH:MM")) var time: String?
    @Option(help: ArgumentHelp("The kind of interview: \(InterviewType.idList) (default: other).", valueName: "type")) var type: String?
    @Option(name: .customLong("with"), help: ArgumentHelp("An interviewer's contact id (repeat for more).", valueName: "contact")) var interviewers: [Int] = []
    @Option(help: "Notes: who, where, what to prepare.") var notes: String?

    var writtenText: [String?] { [notes] }

    func run(workspace: Workspace) async throws {
        let app = try await workspace.applications.find(application)
        let today = workspace.today
        let valid = try InterviewForm(on: on, time: time ?? "", type: type ?? "", interviewerIDs: interviewers, notes: notes ?? "").validated(today: today)
        let (round, moved) = try await workspace.interviews.add(applicationID: application, valid)
        Console.out(InterviewMessages.added(round, title: app.title, moved: moved, today: today))
        if round.on >= today { Console.out("Prepare with: nextyes practice") }
    }
}

struct InterviewsDeleteCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an interview round.",
                                                    discussion: "Example:\n  nextyes interviews delete 5 --yes")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The round's id (see `nextyes interviews`).") var id: Int
    @Flag(help: "Confirm the deletion.") var yes = false

    func run(workspace: Workspace) async throws {
        let round = try await workspace.interviews.round(id)
        guard yes else {
            Console.error("nextyes: This removes the \(round.type.title.lowercased()) round on \(round.on.readable). Run again with --yes to confirm.")
            throw ExitCode.failure
        }
        try await workspace.interviews.delete(id)
        Console.out("Deleted the interview round on \(round.on.readable).")
    }
}
