import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct WinsCommand: StoreCommand {
    var readsOnly: Bool { add == nil }
    static let configuration = CommandConfiguration(
        commandName: "wins",
        abstract: "Your wins: recorded automatically, or add your own.",
        discussion: """
            NextYes records a win when an application moves to screening or an interview (your \
            application stood out), when feedback names a strength, when you finish a plan goal \
            and when you get an offer. Add any other win with --add.

            Examples:
              nextyes wins
              nextyes wins --add "Finished my portfolio site"
              nextyes wins --json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Add a win by hand.") var add: String?
    @Option(help: ArgumentHelp("With --add: the day (default: today).", valueName: "YYYY-MM-DD")) var on: String?

    var writtenText: [String?] { [add] }
    @Flag(help: "Print JSON.") var json = false

    func run(workspace: Workspace) async throws {
        if let add {
            try await workspace.wins.add(try NewWin.manual(title: add, on: on ?? "", today: workspace.today))
            Console.out("Added. Well done.")
            return
        }
        let wins = try await workspace.wins.all()
        if json {
            Console.out(try Console.json(wins))
            return
        }
        guard !wins.isEmpty else {
            Console.out("No wins recorded yet. They appear on their own as applications move forward; add your own with: nextyes wins --add \"...\"")
            return
        }
        for win in wins {
            Console.out("\(win.on)  \(win.title)" + (win.detail.map { " — \($0)" } ?? ""))
        }
    }
}

struct SupportCommand: StoreCommand {
    var readsOnly: Bool { watch == nil && helpline == nil && country == nil && !resume }
    static let configuration = CommandConfiguration(
        commandName: "support",
        abstract: "What the wellbeing watch notices, and what helps.",
        discussion: """
            The watch looks at your own record: low mood over two weeks, several rejections in a \
            week, a quiet stretch after a rejection, or a very high number of applications without \
            replies. It suggests care; it never diagnoses. Turn it off with --watch off.

            Examples:
              nextyes support
              nextyes support --helpline "Samaritans: 116 123"
              nextyes support --watch off
              nextyes support --country GB       crisis lines for the UK (default: this computer's locale)
              nextyes support --resume           targets and reminders back after a care pause
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Turn the wellbeing watch on or off.") var watch: String?
    @Option(help: "A helpline for your country, shown with the suggestions (\"\" removes it).") var helpline: String?
    @Option(help: ArgumentHelp("The country whose crisis lines to show: \(HelplineDirectory.countries.map(\.code).joined(separator: ", ")); \"\" follows this computer's locale.", valueName: "code")) var country: String?
    @Flag(help: "Resume targets and reminders after a care pause.") var resume = false

    func run(workspace: Workspace) async throws {
        if let watch {
            guard ["on", "off"].contains(watch.lowercased()) else {
                throw ValidationErrors([FieldError("watch", "Use --watch on or --watch off.")])
            }
            try await workspace.wellbeing.setWatching(watch.lowercased() == "on")
            Console.out("The wellbeing watch is \(watch.lowercased()).")
        }
        if let helpline {
            try await workspace.settings.setHelpline(helpline)
            Console.out(Text.cleanLine(helpline) == nil ? "Removed your helpline; NextYes shows your country's crisis lines." : "Saved your helpline.")
        }
        let care = workspace.care
        if let country {
            try await care.setCountry(country)
            Console.out(country.isEmpty ? "Crisis lines now follow this computer's locale." : "Saved: NextYes shows the crisis lines for \(country.uppercased()).")
        }
        if resume {
            try await care.resume()
            Console.out("Your targets and reminders are back. Go at your own pace.")
        }
        guard watch == nil && helpline == nil && country == nil && !resume else { return }
        let signals = try await workspace.wellbeing.signals(today: workspace.today)
        if !(try await workspace.wellbeing.isWatching()) {
            Console.out("The wellbeing watch is off. Turn it on with: nextyes support --watch on")
        } else if signals.isEmpty {
            Console.out("Nothing in your recent record suggests you need to change pace. Keep looking after yourself.")
        }
        for signal in signals {
            Console.out("\(signal.title)\n  \(signal.message)\n")
        }
        if try await care.isPaused() {
            Console.out(try await care.card().text)
            Console.out("Your targets and reminders are paused. Resume them whenever you like: nextyes support --resume")
            return
        }
        Console.out("Talking helps: a friend, a mentor, a career counsellor. If you feel low for more than a couple of weeks, your doctor or a counsellor can help.")
        let card = try await care.card()
        if let own = card.ownHelpline { Console.out("Your helpline: \(own).") }
        for line in card.country.lines { Console.out("\(line.name): \(line.contact). \(line.detail)") }
        Console.out("In an emergency, call \(card.emergency).")
    }
}
