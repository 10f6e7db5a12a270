import Foundation
import MCP
import NextYesCore
import NextYesFeatures
import NextYesInsights

/// One tool an assistant can call: what it is for, its inputs, and whether it changes the search.
struct AssistantTool: Sendable {
    var name: String
    var title: String
    var summary: String
    var writes: Bool
    var parameters: [ToolParameter]
    var run: @Sendable (AssistantTools, ToolArguments) async throws -> [String]

    static let writeMark = "Changes the search: needs `nextyes mcp --allow-writes`."

    var tool: Tool {
        Tool(
            name: name, title: title,
            description: writes ? "\(summary) \(Self.writeMark)" : summary,
            inputSchema: .object([
                "type": "object",
                "properties": .object(Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.schema) })),
                "required": .array(parameters.filter(\.required).map { .string($0.name) }),
                "additionalProperties": false,
            ]),
            annotations: .init(title: title, readOnlyHint: !writes, destructiveHint: false, idempotentHint: !writes, openWorldHint: false))
    }
}

/// The tools, each calling the use cases in `Workspace` as the command line and the web app do.
struct AssistantTools: Sendable {
    let workspace: Workspace
    let allowWrites: Bool

    /// Runs a tool. Every problem comes back as a tool error whose text is the message the form or
    /// the command line would show, so the assistant can say what to change.
    ///
    /// Everything a writing tool was given is read for crisis language first (all of it, as the
    /// web app reads the whole form, so no field can be forgotten): when it carries some, the
    /// answer begins with the support card, whether the action then succeeds or not.
    /// When the person's data can't be reached at all (the database is down, the account was
    /// disabled meanwhile): the problem, after the support card if what was sent needs it.
    static func unreachable(_ error: any Error, arguments: [String: Value]) async -> CallTool.Result {
        var parts: [Tool.Content] = []
        if CrisisReader.anyCrisis(texts(in: arguments)) {
            let card = SupportCard.make(ownHelpline: nil, countryCode: HelplineDirectory.region(environment: ProcessInfo.processInfo.environment))
            parts.append(content(text(of: card)))
        }
        return CallTool.Result(content: parts + [content(message(for: error))], isError: true)
    }

    func call(_ name: String, arguments: [String: Value]) async -> CallTool.Result {
        guard let tool = Self.catalogue.first(where: { $0.name == name }) else {
            return Self.failure("NextYes has no tool called \"\(FormRules.quote(name))\". Its tools are: \(Self.catalogue.map(\.name).joined(separator: ", ")).")
        }
        let written = tool.writes ? Self.texts(in: arguments) : []
        if tool.writes && !allowWrites {
            return await refusal(tool, written: written)
        }
        var support: [Tool.Content] = []
        if !written.isEmpty, let card = await workspace.care.noticed(in: written) {
            support = [Self.content(Self.text(of: card))]
        }
        do {
            let parsed = try ToolArguments(arguments, for: tool.name, parameters: tool.parameters)
            return CallTool.Result(content: support + (try await tool.run(self, parsed)).map(Self.content), isError: false)
        } catch {
            return CallTool.Result(content: support + [Self.content(Self.message(for: error))], isError: true)
        }
    }

    /// Every piece of text in the arguments, lists included.
    static func texts(in arguments: [String: Value]) -> [String?] {
        arguments.sorted { $0.key < $1.key }.flatMap { _, value -> [String?] in
            value.arrayValue.map { $0.map(\.stringValue) } ?? [value.stringValue]
        }
    }

    /// A write asked of a read-only server changes nothing and says how to allow it. Words of
    /// crisis still meet support first; the card is only shown (the pause it brings is a write).
    private func refusal(_ tool: AssistantTool, written: [String?]) async -> CallTool.Result {
        var content: [Tool.Content] = []
        if CrisisReader.anyCrisis(written) {
            let card = (try? await workspace.care.card())
                ?? SupportCard.make(ownHelpline: nil, countryCode: HelplineDirectory.region(environment: workspace.environment))
            content.append(Self.content(Self.text(of: card)))
        }
        content.append(Self.content("""
            Nothing was changed: this NextYes server is read-only, so \(tool.name) is turned off. \
            To let your assistant make changes, add "--allow-writes" to the arguments of `nextyes mcp` \
            in the assistant's configuration and restart it.
            """))
        return CallTool.Result(content: content, isError: true)
    }

    static func content(_ text: String) -> Tool.Content {
        .text(text: text, annotations: nil, _meta: nil)
    }

    static func failure(_ message: String) -> CallTool.Result {
        CallTool.Result(content: [content(message)], isError: true)
    }

    /// The message a person would see for an error on the command line.
    static func message(for error: any Error) -> String {
        if StoreError.isBusy(error) { return StoreError.databaseBusy.errorDescription ?? "The database is busy; try again in a moment." }
        if let errors = error as? ValidationErrors { return errors.errors.map(\.message).joined(separator: "\n") }
        if let error = error as? any LocalizedError, let description = error.errorDescription { return description }
        return "NextYes couldn't do that: \(error)"
    }

    /// The card for an assistant to pass on, saying that the assistant has seen the words too.
    static func text(of card: SupportCard) -> String {
        card.textThroughTool
    }

    static func day(_ raw: String?, field: String, today: Day, what: String) throws -> Day? {
        guard let raw = Text.cleanLine(raw) else { return nil }
        switch FormRules.pastDay(raw, today: today, what: what) {
        case .success(let day): return day
        case .failure(let message): throw ValidationErrors([FieldError(field, message.text)])
        }
    }

    static func applicationID(_ arguments: ToolArguments) throws -> Int {
        guard let id = try arguments.number("id", "\"id\" is an application's number, such as 3; list_applications shows them.") else {
            throw ValidationErrors([FieldError("id", "Say which application: \"id\" is its number (list_applications shows them).")])
        }
        return id
    }
}

// MARK: The catalogue

extension AssistantTools {
    static let catalogue: [AssistantTool] = [
        listApplications, showApplication, addApplication, moveApplication, logRejection,
        recordFeedback, readInsights, readReport, listAgenda, addJournalEntry,
    ]

    static let listApplications = AssistantTool(
        name: "list_applications", title: "List applications",
        summary: "Lists applications, most recent activity first, a page at a time: filter by outcome, search words in the company, role, location or notes. Answers JSON with the page, how many match, and the offset of the next page.",
        writes: false,
        parameters: [
            ToolParameter(name: "outcome", kind: .text, description: "Only applications with this outcome.", choices: Outcome.allCases.map(\.rawValue)),
            ToolParameter(name: "search", kind: .text, description: "Words to look for in the company, role, location or notes."),
            ToolParameter(name: "sort", kind: .text, description: "The order (default recent: latest news first).", choices: ApplicationQuery.Sort.allCases.map(\.rawValue)),
            ToolParameter(name: "offset", kind: .wholeNumber, description: "How many to skip (default 0); use nextOffset from the previous page.", minimum: 0),
            ToolParameter(name: "limit", kind: .wholeNumber, description: "How many to list (default 50).", minimum: 1, maximum: 100),
        ],
        run: { tools, arguments in try await tools.listApplications(arguments) })

    static let showApplication = AssistantTool(
        name: "show_application", title: "Show an application",
        summary: "Shows one application with its details, its rejection if there was one, and its timeline (oldest first), as JSON: the same as `nextyes show ID --json`.",
        writes: false,
        parameters: [.applicationID],
        run: { tools, arguments in try await tools.showApplication(arguments) })

    static let addApplication = AssistantTool(
        name: "add_application", title: "Add an application",
        summary: "Adds an application. It starts at applied (dated appliedOn, or today) unless stage is saved, for a job not applied to yet. Checked as the add form checks it.",
        writes: true,
        parameters: [
            ToolParameter(name: "company", kind: .text, description: "The company's name.", required: true),
            ToolParameter(name: "role", kind: .text, description: "The role applied for.", required: true),
            ToolParameter(name: "source", kind: .text, description: "Where the job was found.", choices: ApplicationSource.allCases.map(\.rawValue)),
            .day("appliedOn", "The day of applying (default today)."),
            ToolParameter(name: "stage", kind: .text, description: "The starting stage (default applied).", choices: Stage.allCases.map(\.rawValue)),
            ToolParameter(name: "location", kind: .text, description: "Where the job is: a city, \"Remote\"."),
            ToolParameter(name: "url", kind: .text, description: "The job posting's address."),
            ToolParameter(name: "salary", kind: .text, description: "Salary as advertised, in the person's words."),
            ToolParameter(name: "excitement", kind: .wholeNumber, description: "How excited the person is, 1 (mild) to 5 (dream job).", minimum: 1, maximum: 5),
            ToolParameter(name: "jobDescription", kind: .text, description: "The job description's text."),
            ToolParameter(name: "notes", kind: .text, description: "Anything the person wants to remember."),
        ],
        run: { tools, arguments in try await tools.addApplication(arguments) })

    static let moveApplication = AssistantTool(
        name: "move_application", title: "Move an application to a stage",
        summary: "Moves an open application to another stage, as a dated event on its timeline; the furthest stage reached is kept even after a rejection. A closed application has to be reopened first.",
        writes: true,
        parameters: [
            .applicationID,
            ToolParameter(name: "stage", kind: .text, description: "The new stage.", required: true, choices: Stage.allCases.map(\.rawValue)),
            .day("on", "The day it happened (default today)."),
        ],
        run: { tools, arguments in try await tools.moveApplication(arguments) })

    static let logRejection = AssistantTool(
        name: "log_rejection", title: "Log a rejection",
        summary: "Logs a no for an application, with the reason as they wrote it and a category (without one, NextYes reads the reason and suggests it). A short processing window opens, from the person's settings. Feelings and a note go into the journal.",
        writes: true,
        parameters: [
            .applicationID,
            ToolParameter(name: "reason", kind: .text, description: "The reason they gave, in their words (a pasted rejection e-mail works too)."),
            ToolParameter(name: "category", kind: .text, description: "Why, as a category.", choices: RejectionCategory.allCases.map(\.rawValue)),
            .day("on", "The day the person heard (default today)."),
            ToolParameter(name: "stageReached", kind: .text, description: "The stage reached, if later than the one tracked.", choices: Stage.allCases.map(\.rawValue)),
            ToolParameter(name: "controllable", kind: .text, description: "Overrides whether it was in the person's control (the category decides by default).", choices: ["yes", "partly", "no"]),
            ToolParameter(name: "feelings", kind: .words, description: "A few words for how it feels."),
            ToolParameter(name: "intensity", kind: .wholeNumber, description: "How strongly, 1 (barely) to 10 (overwhelming).", minimum: 1, maximum: 10),
            ToolParameter(name: "note", kind: .text, description: "A private note on how the person is feeling; it goes into the journal."),
        ],
        run: { tools, arguments in try await tools.logRejection(arguments) })

    static let recordFeedback = AssistantTool(
        name: "record_feedback", title: "Record employer feedback",
        summary: "Records feedback an employer gave on an application and answers what was read in it (themes to work on, strengths). An open feedback request for the application is marked as replied.",
        writes: true,
        parameters: [
            .applicationID,
            ToolParameter(name: "text", kind: .text, description: "The feedback, as they wrote or said it.", required: true),
            .day("on", "The day it arrived (default today)."),
        ],
        run: { tools, arguments in try await tools.recordFeedback(arguments) })

    static let readInsights = AssistantTool(
        name: "read_insights", title: "Read insights",
        summary: "Patterns across the whole search as JSON, the same summary as `nextyes insights --json`: the funnel by furthest stage, where the no's come, what was in the person's control, sources, recurring feedback themes. Percentages appear only once a group is large enough.",
        writes: false, parameters: [],
        run: { tools, _ in [try AssistantJSON.text(try await tools.workspace.insights.report())] })

    static let readReport = AssistantTool(
        name: "read_report", title: "Read the career report",
        summary: "The career report as JSON, as `nextyes report --format json` prints it: every insight cites its evidence, with the next three steps.",
        writes: false,
        parameters: [
            .day("from", "The first day (default the first application)."),
            .day("to", "The last day (default today)."),
        ],
        run: { tools, arguments in try await tools.readReport(arguments) })

    static let listAgenda = AssistantTool(
        name: "list_agenda", title: "List the agenda",
        summary: "What is due as JSON, as `nextyes agenda --json` prints it: interviews, feedback follow-ups, contacts to reconnect with, plan deadlines, and reminders that were due earlier.",
        writes: false,
        parameters: [
            ToolParameter(name: "days", kind: .wholeNumber, description: "How many days ahead (default 14).", minimum: 0, maximum: 366),
        ],
        run: { tools, arguments in try await tools.listAgenda(arguments) })

    static let addJournalEntry = AssistantTool(
        name: "add_journal_entry", title: "Write a journal entry",
        summary: "Saves a private journal entry: text, a mood from 1 to 10, and a few feelings (at least one of them). Answers with any thinking trap the text follows and a gentle reframe. If the words carry crisis language, the answer begins with a support card: show it to the person first, as it is.",
        writes: true,
        parameters: [
            ToolParameter(name: "text", kind: .text, description: "The entry, in the person's own words."),
            ToolParameter(name: "mood", kind: .wholeNumber, description: "Mood from 1 (very low) to 10 (great).", minimum: 1, maximum: 10),
            ToolParameter(name: "emotions", kind: .words, description: "A few feelings, one word each."),
            .day("on", "The day (default today)."),
        ],
        run: { tools, arguments in try await tools.addJournalEntry(arguments) })
}

// MARK: What each tool does

extension AssistantTools {
    struct Page: Encodable {
        var applications: [ApplicationJSON]
        var matching: Int
        var total: Int
        var offset: Int
        var limit: Int
        var nextOffset: Int?
    }

    func listApplications(_ arguments: ToolArguments) async throws -> [String] {
        var errors = ValidationErrors()
        var query = ApplicationQuery(search: Text.cleanLine(arguments.text("search")))
        if let raw = Text.cleanLine(arguments.text("outcome")) {
            if let outcome = Outcome(id: raw) { query.outcome = outcome } else {
                errors.add("outcome", "\"\(FormRules.quote(raw))\" is not an outcome. Use one of: \(Outcome.idList).")
            }
        }
        if let raw = Text.cleanLine(arguments.text("sort")) {
            if let sort = ApplicationQuery.Sort(rawValue: raw.lowercased()) { query.sort = sort } else {
                errors.add("sort", "\"\(FormRules.quote(raw))\" is not an order. Use one of: \(ApplicationQuery.Sort.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        if let offset = try arguments.number("offset", "\"offset\" is a whole number from 0 up.") {
            if offset >= 0 { query.offset = offset } else { errors.add("offset", "\"offset\" is a whole number from 0 up.") }
        }
        if let limit = try arguments.number("limit", "\"limit\" is a whole number from 1 to 100.") {
            if (1...100).contains(limit) { query.limit = limit } else { errors.add("limit", "List 1 to 100 applications at a time (\"limit\"); page on with \"offset\".") }
        }
        if !errors.isEmpty { throw errors }
        let listing = try await workspace.applications.listing(query)
        var rows: [ApplicationJSON] = []
        for application in listing.rows {
            let rejection = application.outcome == .rejected ? try await workspace.applications.rejection(for: application.id) : nil
            rows.append(ApplicationJSON(application, rejection: rejection))
        }
        let next = query.offset + rows.count
        return [try AssistantJSON.text(Page(
            applications: rows, matching: listing.matching, total: listing.total, offset: query.offset, limit: query.limit,
            nextOffset: next < listing.matching ? next : nil))]
    }

    func showApplication(_ arguments: ToolArguments) async throws -> [String] {
        let id = try Self.applicationID(arguments)
        let application = try await workspace.applications.find(id)
        let timeline = try await workspace.applications.events(for: id)
        let rejection = try await workspace.applications.rejection(for: id)
        return [try AssistantJSON.text(ApplicationJSON(application, rejection: rejection, timeline: timeline, full: true))]
    }

    func addApplication(_ arguments: ToolArguments) async throws -> [String] {
        let form = ApplicationForm(
            company: arguments.text("company"), role: arguments.text("role"), location: arguments.text("location"),
            url: arguments.text("url"), source: arguments.text("source"), jobDescription: arguments.text("jobDescription"),
            salary: arguments.text("salary"), notes: arguments.text("notes"), excitement: arguments.text("excitement"),
            appliedOn: arguments.text("appliedOn"), stage: arguments.text("stage"))
        let added = try await workspace.applications.add(form)
        let application = added.application
        let when = application.details.appliedOn.map { ", applied \($0)" } ?? ", saved for later"
        var message = "Added \(application.title) (id \(application.id)\(when))."
        if let duplicate = added.possibleDuplicate {
            message += " Note: application \(duplicate.id) is also \(duplicate.title) and still open; if it's the same job, one of them can go."
        }
        return [message, try AssistantJSON.text(ApplicationJSON(application, rejection: nil))]
    }

    func moveApplication(_ arguments: ToolArguments) async throws -> [String] {
        let id = try Self.applicationID(arguments)
        let raw = arguments.text("stage")
        guard let stage = Stage(id: raw) else {
            throw ValidationErrors([FieldError("stage", "\"\(FormRules.quote(raw))\" is not a stage. Use one of: \(Stage.idList).")])
        }
        let day = try Self.day(arguments.optionalText("on"), field: "on", today: workspace.today, what: "The date")
        let application = try await workspace.applications.move(id, to: stage, on: day)
        var message = "Moved \(application.title) to \(stage.title.lowercased())."
        if stage == .screening || stage == .interview || stage == .finalRound {
            message += " The application stood out: well done."
        } else if stage == .offer {
            message += " An offer: congratulations. Take the time needed to decide."
        }
        let rejection = try await workspace.applications.rejection(for: id)
        return [message, try AssistantJSON.text(ApplicationJSON(application, rejection: rejection))]
    }

    func logRejection(_ arguments: ToolArguments) async throws -> [String] {
        let id = try Self.applicationID(arguments)
        let form = RejectionForm(
            on: arguments.text("on"), stageReached: arguments.text("stageReached"), reason: arguments.text("reason"),
            category: arguments.text("category"), controllable: arguments.text("controllable"),
            feelings: arguments.words("feelings"), intensity: arguments.text("intensity"))
        let note = arguments.optionalText("note")
        let (application, rejection) = try await workspace.applications.reject(id, form, note: note)
        let reading = rejection.category.isUnclear ? "" : " (\(rejection.controllable.title.lowercased()))"
        let message = """
            Logged \(application.company)'s no for \(application.role), at \(rejection.stageReached.title.lowercased()). \
            However it feels, it's okay to feel it: the processing window runs until \(rejection.processingEndsOn.readable), \
            before turning to what's next.
            \(rejection.category.title)\(reading): \(rejection.category.explanation)
            """
        return [message, try AssistantJSON.text(ApplicationJSON(application, rejection: rejection))]
    }

    struct RecordedFeedback: Encodable {
        var feedback: Feedback
        var analysis: FeedbackAnalysis
    }

    func recordFeedback(_ arguments: ToolArguments) async throws -> [String] {
        let id = try Self.applicationID(arguments)
        let text = arguments.text("text")
        let day = try Self.day(arguments.optionalText("on"), field: "on", today: workspace.today, what: "The date")
        let (saved, analysis) = try await workspace.feedback.record(applicationID: id, text: text, receivedOn: day)
        return ["Saved feedback \(saved.id) for application \(id).", try AssistantJSON.text(RecordedFeedback(feedback: saved, analysis: analysis))]
    }

    func readReport(_ arguments: ToolArguments) async throws -> [String] {
        var errors = ValidationErrors()
        func day(_ field: String, _ what: String) -> Day? {
            guard let raw = Text.cleanLine(arguments.text(field)) else { return nil }
            guard let day = Day(raw) else {
                errors.add(field, FormRules.unreadableDay(raw, what: what, example: workspace.today))
                return nil
            }
            return day
        }
        let start = day("from", "The start"), end = day("to", "The end")
        if let start, let end, start > end { errors.add("from", "The period starts (\(start)) after it ends (\(end)). Swap the two days.") }
        if !errors.isEmpty { throw errors }
        return [try AssistantJSON.report(try await workspace.reports.career(from: start, to: end))]
    }

    func listAgenda(_ arguments: ToolArguments) async throws -> [String] {
        let days = try arguments.number("days", "\"days\" is a whole number from 0 to 366.") ?? 14
        guard (0...366).contains(days) else {
            throw ValidationErrors([FieldError("days", "Look 0 to 366 days ahead (\"days\").")])
        }
        let today = workspace.today
        let horizon = today.adding(days: days)
        let items = try await workspace.schedule.items(today: today).filter { $0.on <= horizon }
        return [try AssistantJSON.text(items)]
    }

    struct SavedEntry: Encodable {
        var entry: JournalEntry
        var thinkingTraps: TrapCheck
    }

    func addJournalEntry(_ arguments: ToolArguments) async throws -> [String] {
        let form = JournalForm(text: arguments.text("text"), mood: arguments.text("mood"), emotions: arguments.words("emotions"), on: arguments.text("on"))
        let new = try form.validated(today: workspace.today)
        let entry = try await workspace.journal.add(new)
        let check = ThinkingTrapDetector.check(entry.text ?? "")
        var message = "Saved journal entry \(entry.id)."
        if !check.traps.isEmpty {
            message += " Some of it follows a familiar pattern (\(check.traps.map(\.trap.title).joined(separator: ", "))). This is an invitation to look again, not a verdict. Another way to see it: \(check.reframe)"
        }
        return [message, try AssistantJSON.text(SavedEntry(entry: entry, thinkingTraps: check))]
    }
}
