import ArgumentParser
import NextYesCore
import NextYesFeatures
import NextYesInsights

struct ListCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List applications, most recent activity first.",
        discussion: """
            Outcomes: \(Outcome.idList).

            Examples:
              nextyes list
              nextyes list --outcome open
              nextyes list --outcome rejected --json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only applications with this outcome.", valueName: "outcome")) var outcome: String?
    @Flag(help: "Print JSON (an array of applications) instead of a table.") var json = false

    func run(workspace: Workspace) async throws {
        let filter = try outcome.map(Parse.outcome)
        // A page at a time, so a hundred thousand applications list in the memory of a thousand.
        var count = 0, open = 0
        var widths: [Int]?
        try await workspace.applications.forEachPage(outcome: filter) { page, rejections in
            if json {
                let array = try Console.json(page.map { ApplicationJSON($0, rejection: rejections[$0.id]) })
                // The pages' items joined into one array, as one encoding of them all would print.
                let items = array.dropFirst(2).dropLast(2)
                Console.out((count == 0 ? "[\n" : ",\n") + items, terminator: "")
            } else {
                var table = TextTable(
                    headers: ["ID", "COMPANY", "ROLE", "STAGE", "FURTHEST", "OUTCOME", "LAST ACTIVITY"],
                    maxWidths: [8, 24, 28, 12, 12, 15, 13])
                for a in page {
                    table.add([String(a.id), a.company, a.role, a.stage.rawValue, a.furthestStage.rawValue, a.outcome.rawValue, a.lastActivityOn.description])
                }
                if let widths {
                    Console.out(table.renderRows(widths: widths))
                } else {
                    widths = table.widths()
                    Console.out(table.render())
                }
            }
            count += page.count
            open += page.filter(\.isOpen).count
        }
        if json {
            Console.out(count == 0 ? "[\n\n]" : "\n]")
            return
        }
        guard count > 0 else {
            if let filter {
                Console.out("No applications with the outcome \"\(filter.title.lowercased())\" right now.")
            } else {
                Console.out("No applications yet. Add your first one:\n  nextyes add --company \"Acme\" --role \"Data Analyst\"")
            }
            return
        }
        if filter == nil { Console.out("\n\(count) applications, \(open) in progress.") }
    }
}

struct ShowCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one application with its timeline.",
        discussion: """
            Examples:
              nextyes show 3
              nextyes show 3 --json
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id (see nextyes list).") var id: Int
    @Flag(help: "Print JSON, including the timeline.") var json = false

    func run(workspace: Workspace) async throws {
        let application = try await workspace.applications.find(id)
        let timeline = try await workspace.applications.events(for: id)
        let rejection = try await workspace.applications.rejection(for: id)
        if json {
            Console.out(try Console.json(ApplicationJSON(application, rejection: rejection, timeline: timeline, full: true)))
            return
        }
        let d = application.details
        var lines = ["\(application.title)  (#\(application.id))"]
        var status = "Stage: \(application.stage.title)"
        if application.furthestStage != application.stage { status += " (furthest: \(application.furthestStage.title))" }
        status += " · \(application.outcome.title)"
        lines.append(status)
        var facts: [String] = []
        if let applied = d.appliedOn { facts.append("Applied \(applied)") }
        if let source = d.source { facts.append("Source: \(source.title)") }
        if let location = d.location { facts.append(location) }
        if let excitement = d.excitement { facts.append("Excitement \(excitement)/5") }
        if !facts.isEmpty { lines.append(facts.joined(separator: " · ")) }
        if let url = d.url { lines.append("Link: \(url)") }
        if let salary = d.salary { lines.append("Salary: \(salary)") }
        if let rejection, application.outcome == .rejected {
            lines.append("")
            let control = ControlReport.counts(rejection) ? ", \(rejection.controllable.title.lowercased())" : ""
            lines.append("Rejected \(rejection.on) at \(rejection.stageReached.title.lowercased()): \(rejection.category.title)\(control).")
            if let reason = rejection.reason { lines.append("They said: \(reason)") }
            if !rejection.feelings.isEmpty {
                var feeling = "You felt: \(rejection.feelings.joined(separator: ", "))"
                if let intensity = rejection.intensity { feeling += " (\(intensity)/10)" }
                lines.append(feeling)
            }
        }
        if let notes = d.notes { lines.append(""); lines.append("Notes: \(notes)") }
        let people = try await workspace.contacts.contacts(for: id)
        if !people.isEmpty {
            lines.append("People: " + people.map { "\($0.name)" + ($0.details.role.map { " (\($0.title.lowercased()))" } ?? "") + " [contact \($0.id)]" }.joined(separator: ", "))
        }
        let rounds = try await workspace.interviews.rounds(for: id)
        if !rounds.isEmpty {
            lines.append("Interviews: " + rounds.map { "\($0.on)\($0.time.map { " \($0)" } ?? "") \($0.type.title.lowercased())" }.joined(separator: "; "))
        }
        lines.append("")
        lines.append("Timeline:")
        for event in timeline {
            var line = "  \(event.on)  \(event.summary)"
            if let note = event.note, event.kind != .rejected { line += ": \(note)" }
            lines.append(line)
        }
        if let description = d.jobDescription {
            lines.append("")
            lines.append("Job description: \(description.count) characters (nextyes show \(application.id) --json prints it).")
        }
        Console.out(lines.joined(separator: "\n"))
    }
}
