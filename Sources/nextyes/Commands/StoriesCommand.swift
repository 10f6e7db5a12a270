import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "STAR stories: real examples you can tell in an interview.",
        discussion: """
            A STAR story has a Situation, a Task, the Action you took and the Result. Tag each with \
            the themes it shows (\(FeedbackTheme.allCases.map(\.rawValue).joined(separator: ", "))) \
            and the skills it demonstrates; `nextyes stories gaps` shows what no story covers yet.

            Examples:
              nextyes stories
              nextyes stories add --title "The dashboard nobody used" --situation "..." --task "..." \\
                  --action "..." --result "..." --theme communication --skill Tableau
              nextyes stories gaps
            """,
        subcommands: [StoriesListCommand.self, StoriesAddCommand.self, StoriesShowCommand.self, StoriesEditCommand.self,
                      StoriesDeleteCommand.self, StoriesGapsCommand.self],
        defaultSubcommand: StoriesListCommand.self)
}

struct StoriesListCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List your stories.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run(workspace: Workspace) async throws {
        let stories = try await workspace.stories.all()
        if json {
            Console.out(try Console.json(stories))
            return
        }
        guard !stories.isEmpty else {
            Console.out("No stories yet. Start with one you're proud of: nextyes stories add --title \"...\" --situation \"...\"")
            return
        }
        for story in stories {
            let tags = (story.themes.compactMap { FeedbackTheme(rawValue: $0)?.title.lowercased() } + story.skills).joined(separator: ", ")
            let draft = story.missing.isEmpty ? "" : "  (draft: add the \(story.missing.map { $0.title.lowercased() }.joined(separator: ", ")))"
            Console.out("[\(story.id)] \(story.title)" + (tags.isEmpty ? "" : " — \(tags)") + draft)
        }
    }
}

struct StoryOptions: ParsableArguments {
    var writtenText: [String?] { [title, situation, task, action, result] }

    @Option(help: "A short title you'll recognise.") var title: String?
    @Option(help: "Where and when: just enough context.") var situation: String?
    @Option(help: "What was yours to do.") var task: String?
    @Option(help: "What you did, step by step.") var action: String?
    @Option(help: "What changed, ideally with a number.") var result: String?
    @Option(name: .customLong("theme"), help: ArgumentHelp("A theme it shows: \(FeedbackTheme.allCases.map(\.rawValue).joined(separator: ", ")) (repeat for more; replaces the story's themes).", valueName: "theme")) var themes: [String] = []
    @Option(name: .customLong("skill"), help: "A skill it demonstrates (repeat for more; replaces the story's skills).") var skills: [String] = []

    var isEmpty: Bool { [title, situation, task, action, result].allSatisfy { $0 == nil } && themes.isEmpty && skills.isEmpty }

    func applied(to form: StoryForm) -> StoryForm {
        var form = form
        if let title { form.title = title }
        if let situation { form.situation = situation }
        if let task { form.task = task }
        if let action { form.action = action }
        if let result { form.result = result }
        if !themes.isEmpty { form.themes = themes }
        if !skills.isEmpty { form.skills = skills.joined(separator: ", ") }
        return form
    }
}

let storyThemeIDs = FeedbackTheme.allCases.map(\.rawValue)

struct StoriesAddCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a story; missing parts can be added later.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var story: StoryOptions

    var writtenText: [String?] { story.writtenText }

    func run(workspace: Workspace) async throws {
        let saved = try await workspace.stories.add(try story.applied(to: StoryForm()).validated(knownThemes: storyThemeIDs))
        Console.out("Saved story \(saved.id): \(saved.title)." + (saved.missing.isEmpty ? "" : " Still to write: \(saved.missing.map { $0.title.lowercased() }.joined(separator: ", ")) (nextyes stories edit \(saved.id) --\(saved.missing[0].rawValue) \"...\")."))
    }
}

struct StoriesShowCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one story.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The story's id.") var id: Int

    func run(workspace: Workspace) async throws {
        let story = try await workspace.stories.find(id)
        Console.out(story.title)
        for element in STARElement.allCases {
            Console.out("\n\(element.title)\n  " + (story.text(element) ?? "(not written yet: \(element.prompt.lowercased()))"))
        }
        if !story.themes.isEmpty { Console.out("\nThemes: " + story.themes.compactMap { FeedbackTheme(rawValue: $0)?.title }.joined(separator: ", ")) }
        if !story.skills.isEmpty { Console.out("Skills: " + story.skills.joined(separator: ", ")) }
    }
}

struct StoriesEditCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change parts of a story.",
                                                    discussion: "Example:\n  nextyes stories edit 2 --result \"Adoption went from 3 to 40 users.\"")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The story's id.") var id: Int
    @OptionGroup var story: StoryOptions

    var writtenText: [String?] { story.writtenText }

    func run(workspace: Workspace) async throws {
        let existing = try await workspace.stories.find(id)
        guard !story.isEmpty else { throw ValidationErrors([FieldError("story", "Say what to change, for example --result \"...\".")]) }
        let saved = try await workspace.stories.update(id, try story.applied(to: StoryForm(existing)).validated(knownThemes: storyThemeIDs))
        Console.out("Saved \(saved.title).")
    }
}

struct StoriesDeleteCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a story.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The story's id.") var id: Int
    @Flag(help: "Confirm the deletion.") var yes = false

    func run(workspace: Workspace) async throws {
        let story = try await workspace.stories.find(id)
        guard yes else {
            Console.error("nextyes: Deleting \"\(story.title)\" cannot be undone. Run again with --yes to confirm.")
            throw ExitCode.failure
        }
        try await workspace.stories.delete(id)
        Console.out("Deleted \(story.title).")
    }
}

struct StoriesGapsCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(commandName: "gaps", abstract: "Themes and skills no story covers yet.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run(workspace: Workspace) async throws {
        let gaps = try await workspace.stories.gaps()
        if json {
            Console.out(try Console.json(gaps))
            return
        }
        if try await workspace.stories.all().isEmpty && gaps.isEmpty {
            Console.out("No stories yet. Start with a piece of work you're proud of: nextyes stories add --title \"...\" --situation \"...\"")
            return
        }
        if gaps.isEmpty {
            Console.out("Your stories cover the themes your feedback raises and the skills your postings ask for most. Nice work.")
            return
        }
        if !gaps.themes.isEmpty {
            Console.out("Feedback keeps raising these, and no story shows them yet: " + gaps.themes.map { $0.title.lowercased() }.joined(separator: ", ") + ".")
        }
        if !gaps.skills.isEmpty {
            Console.out("Your target roles ask for these, and no story names them yet: " + gaps.skills.joined(separator: ", ") + ".")
        }
        Console.out("\nOne good story can cover several; think of a time you used one of these and write it down: nextyes stories add")
    }
}

struct PracticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Practise an interview question with the STAR method, and rate your answer.",
        discussion: """
            `nextyes practice` picks a question, leaning toward the themes that need it most \
            (raised in feedback, no story yet, or rated low before). Answer it out loud, then rate \
            each part from 1 (shaky) to 5 (solid).

            Examples:
              nextyes practice
              nextyes practice --theme teamwork
              nextyes practice rate q-004 --situation 4 --task 3 --action 2 --result 3 --story 1
              nextyes practice history
            """,
        subcommands: [PracticePickCommand.self, PracticeRateCommand.self, PracticeHistoryCommand.self],
        defaultSubcommand: PracticePickCommand.self)
}

struct PracticePickCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(commandName: "pick", abstract: "Pick a question to practise.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only questions on this theme: \(FeedbackTheme.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "theme")) var theme: String?
    @Option(help: "A number that makes the pick repeatable.") var seed: UInt64?
    @Flag(help: "Print JSON.") var json = false

    struct Output: Encodable {
        var question: InterviewQuestion
        var needs: [ThemeNeed]
        var stories: [Story]
    }

    func run(workspace: Workspace) async throws {
        var wanted: FeedbackTheme?
        if let theme {
            guard let parsed = FeedbackTheme(rawValue: theme.lowercased()) else {
                throw ValidationErrors([FieldError("theme", "\"\(theme)\" is not a theme. Use one of: \(storyThemeIDs.joined(separator: ", ")).")])
            }
            wanted = parsed
        }
        let (question, needs, stories) = try await workspace.practice.pick(today: workspace.today, theme: wanted, seed: seed)
        if json {
            Console.out(try Console.json(Output(question: question, needs: needs, stories: stories)))
            return
        }
        Console.out("\(question.question)\n  (\(question.id) · \(question.themes.map { $0.title.lowercased() }.joined(separator: ", ")))\n")
        if !stories.isEmpty { Console.out("Stories that might fit: " + stories.map { "[\($0.id)] \($0.title)" }.joined(separator: "; ") + "\n") }
        for element in STARElement.allCases { Console.out("  \(element.title): \(element.prompt)") }
        Console.out("\nAnswer out loud, in about two minutes. Then rate each part from 1 to 5:")
        Console.out("  nextyes practice rate \(question.id) --situation N --task N --action N --result N" + (stories.isEmpty ? "" : " --story \(stories[0].id)"))
    }
}

struct PracticeRateCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "rate", abstract: "Record how your answer went, part by part.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The question's id, like q-004.") var question: String
    @Option(help: "1 to 5.") var situation: String
    @Option(help: "1 to 5.") var task: String
    @Option(help: "1 to 5.") var action: String
    @Option(help: "1 to 5.") var result: String
    @Option(help: "The story you used, if any.") var story: String?
    @Option(help: "What to do differently next time.") var notes: String?

    var writtenText: [String?] { [notes] }

    func run(workspace: Workspace) async throws {
        let questions = try QuestionBank.bundled()
        let valid = try PracticeForm(questionID: question.lowercased(), storyID: story ?? "",
                                     ratings: [.situation: situation, .task: task, .action: action, .result: result], notes: notes ?? "")
            .validated(knownQuestions: Set(questions.map(\.id)))
        let session = try await workspace.practice.record(valid)
        let weakest = STARElement.allCases.min { (session.ratings[$0] ?? 0) < (session.ratings[$1] ?? 0) }!
        Console.out(String(format: "Saved. Average %.1f of 5.", session.average))
        if (session.ratings[weakest] ?? 5) <= 3 { Console.out("Next time, for the \(weakest.title.lowercased()): \(weakest.advice)") }
        else { Console.out("A solid answer all round. Well done.") }
    }
}

struct PracticeHistoryCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Your practice sessions and average ratings.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run(workspace: Workspace) async throws {
        let sessions = try await workspace.practice.all()
        if json {
            Console.out(try Console.json(sessions))
            return
        }
        guard !sessions.isEmpty else {
            Console.out("No practice yet. Start with: nextyes practice")
            return
        }
        let questions = Dictionary(uniqueKeysWithValues: try QuestionBank.bundled().map { ($0.id, $0.question) })
        let averages = PracticePicker.averages(sessions)
        Console.out("Recent averages: " + STARElement.allCases.compactMap { e in averages[e].map { String(format: "%@ %.1f", e.title, $0) } }.joined(separator: ", "))
        for session in sessions.prefix(20) {
            Console.out("  \(session.on)  " + STARElement.allCases.map { "\($0.title.prefix(1))\(session.ratings[$0] ?? 0)" }.joined(separator: " ") + "  \(questions[session.questionID] ?? session.questionID)")
        }
    }
}
