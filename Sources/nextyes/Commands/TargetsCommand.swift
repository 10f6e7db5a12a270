import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct TargetsCommand: StoreCommand {
    var readsOnly: Bool { applications == nil && conversations == nil && hours == nil && logHours == nil }
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "Weekly targets, your streak, and this month against last.",
        discussion: """
            Weeks run Monday to Sunday. Applications count on the day you sent them, conversations \
            from the contacts log (informational interviews, coffee chats, referral asks), and \
            hours from `nextyes plan log`. New targets apply from this week on; earlier weeks keep \
            the targets they had.

            Examples:
              nextyes targets
              nextyes targets --applications 5 --conversations 2 --hours 3
              nextyes targets --log-hours 1.5 --note "SQL window functions"
              nextyes targets --json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Applications to send each week.") var applications: String?
    @Option(help: "Networking conversations each week.") var conversations: String?
    @Option(help: "Hours of skill development each week.") var hours: String?
    @Option(help: "Weeks of history to show.") var weeks = 8
    @Option(help: ArgumentHelp("Log hours of learning not tied to a plan goal (for a goal: nextyes plan log).", valueName: "hours")) var logHours: Double?
    @Option(help: ArgumentHelp("With --log-hours: the day (default: today).", valueName: "YYYY-MM-DD")) var on: String?
    @Option(help: "With --log-hours: what you worked on.") var note: String?

    var writtenText: [String?] { [note] }
    @Flag(help: "Print JSON.") var json = false

    struct Output: Encodable {
        var targets: WeeklyTargets?
        var progress: WeeklyProgress
        var month: MonthOverMonth
    }

    func run(workspace: Workspace) async throws {
        let today = workspace.today
        if let logHours {
            try await workspace.plan.logHours(logHours, on: try Parse.day(on, today: today, what: "The day"), note: note)
            let paused = try await workspace.care.isPaused()
            Console.out("Logged \(Hours.text(logHours)) of learning." + (paused ? "\n" : " It counts toward this week's hours.\n"))
        }
        if applications != nil || conversations != nil || hours != nil {
            let current = try await workspace.momentum.targets() ?? .suggested
            let form = TargetsForm(applications: applications ?? String(current.applications), conversations: conversations ?? String(current.conversations),
                                   skillHours: hours ?? Hours.number(current.skillHours))
            let saved = try form.validated()
            try await workspace.momentum.setTargets(saved)
            Console.out("Saved: \(saved.applications) applications, \(saved.conversations) conversations and \(Hours.number(saved.skillHours)) learning hours a week, from this week (starting \(today.startOfWeek.readable)). Change any one with --applications, --conversations or --hours.\n")
        }
        guard (1...104).contains(weeks) else { throw ValidationErrors([FieldError("weeks", "Show from 1 to 104 weeks of history.")]) }
        let progress = try await workspace.momentum.weeklyProgress(today: today, weeks: weeks)
        let month = try await workspace.momentum.monthOverMonth(today: today)
        let targets = try await workspace.momentum.targets()
        if json {
            Console.out(try Console.json(Output(targets: targets, progress: progress, month: month)))
            return
        }
        if try await workspace.care.isPaused() {
            Console.out("Your targets are paused for now; looking after yourself comes first. `nextyes support` has people to talk to, and `nextyes support --resume` brings your targets back whenever you like.")
            return
        }
        let week = progress.thisWeek
        Console.out("This week (\(week.title), \(progress.daysLeft) day\(progress.daysLeft == 1 ? "" : "s") left)")
        if let t = targets {
            Console.out("  Applications sent    \(week.applications) of \(t.applications)\(week.applicationsMet ? "  ✓" : "")")
            Console.out("  Conversations        \(week.conversations) of \(t.conversations)\(week.conversationsMet ? "  ✓" : "")")
            Console.out("  Skill hours          \(Hours.number(week.skillHours)) of \(Hours.number(t.skillHours))\(week.hoursMet ? "  ✓" : "")")
            if progress.streak > 0 {
                Console.out("\nStreak: \(progress.streak) week\(progress.streak == 1 ? "" : "s") in a row with every target met.")
            }
        } else {
            Console.out("  Applications sent    \(week.applications)\n  Conversations        \(week.conversations)\n  Skill hours          \(Hours.number(week.skillHours))")
            let s = WeeklyTargets.suggested
            Console.out("\nNo weekly targets yet. A steady pace many people keep: \(s.applications) applications, \(s.conversations) conversations and \(Hours.number(s.skillHours)) hours of learning a week.")
            Console.out("Set yours with: nextyes targets --applications \(s.applications) --conversations \(s.conversations) --hours \(Hours.number(s.skillHours))")
        }
        var table = TextTable(headers: ["Week", "Applications", "Conversations", "Hours", ""], maxWidths: [16, 14, 14, 10, 20])
        for earlier in progress.history {
            let target = earlier.targets
            table.add([earlier.title,
                       target.map { "\(earlier.applications)/\($0.applications)" } ?? String(earlier.applications),
                       target.map { "\(earlier.conversations)/\($0.conversations)" } ?? String(earlier.conversations),
                       target.map { "\(Hours.number(earlier.skillHours))/\(Hours.number($0.skillHours))" } ?? Hours.number(earlier.skillHours),
                       earlier.met ? "all met" : (target == nil ? "no targets yet" : "")])
        }
        Console.out("\nEarlier weeks\n" + table.render())
        Console.out("\n\(month.title)")
        for change in month.changes {
            Console.out("  \(change.measure): \(change.thisMonth) vs \(change.lastMonth) — \(change.reading)")
        }
    }
}
