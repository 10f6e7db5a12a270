import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights
import OpenAPIRuntime

/// Every operation of the API document, each answered by the same use case the web app and the
/// command line call (`Workspace`), and each object in the same shape the command line prints.
struct APIHandler: APIProtocol {
    private var workspace: Workspace {
        get throws {
            guard let context = APICall.context else {
                throw Problem(status: .unauthorized, title: "A token is needed", detail: "Send \"Authorization: Bearer <token>\".")
            }
            return context.workspace
        }
    }

    // MARK: Applications

    func listApplications(_ input: Operations.ListApplications.Input) async throws -> Operations.ListApplications.Output {
        let q = input.query
        let workspace = try workspace
        let perPage = try Self.bounded(q.perPage, 1...100, "perPage") ?? 50, page = try Self.bounded(q.page, 1...100_000, "page") ?? 1
        if let words = q.q, words.count > 100 {
            throw Problem(status: .badRequest, title: "A parameter is too long", detail: "q holds up to 100 characters; this one has \(words.count).",
                          errors: [.init(field: "q", message: "Up to 100 characters.")])
        }
        let sort = q.sort?.rawValue ?? "recent"
        let reversed = sort.hasPrefix("-")
        let query = ApplicationQuery(outcome: q.outcome.flatMap { Outcome(rawValue: $0.rawValue) },
                                     search: Text.cleanLine(q.q).map { String($0.prefix(100)) },
                                     sort: ApplicationQuery.Sort(rawValue: reversed ? String(sort.dropFirst()) : sort) ?? .recent,
                                     reversed: reversed, offset: (page - 1) * perPage, limit: perPage)
        let listing = try await workspace.applications.listing(query)
        var items: [ApplicationJSON] = []
        for application in listing.rows {
            let rejection = application.outcome == .rejected ? try await workspace.applications.rejection(for: application.id) : nil
            items.append(ApplicationJSON(application, rejection: rejection))
        }
        let pages = max(1, (listing.matching + perPage - 1) / perPage)
        return .ok(.init(body: .json(.init(items: try items.map { try Wire.convert($0) }, total: listing.matching, page: page, pageCount: pages))))
    }

    func createApplication(_ input: Operations.CreateApplication.Input) async throws -> Operations.CreateApplication.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        var form = ApplicationForm()
        form.company = body.company
        form.role = body.role
        form.location = body.location ?? ""
        form.url = body.url ?? ""
        form.source = body.source?.rawValue ?? ""
        form.jobDescription = body.jobDescription ?? ""
        form.salary = body.salary ?? ""
        form.notes = body.notes ?? ""
        form.excitement = body.excitement.map(String.init) ?? ""
        form.appliedOn = body.appliedOn ?? ""
        form.stage = body.stage?.rawValue ?? ""
        let added = try await workspace.applications.add(form)
        return .created(.init(body: .json(try Wire.convert(ApplicationJSON(added.application, rejection: nil, full: true)))))
    }

    func getApplication(_ input: Operations.GetApplication.Input) async throws -> Operations.GetApplication.Output {
        .ok(.init(body: .json(try await full(input.path.id))))
    }

    func updateApplication(_ input: Operations.UpdateApplication.Input) async throws -> Operations.UpdateApplication.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let workspace = try workspace
        let id = input.path.id
        var form = ApplicationForm(details: try await workspace.applications.find(id).details)
        if let value = body.company { form.company = value }
        if let value = body.role { form.role = value }
        if let value = body.location { form.location = value }
        if let value = body.url { form.url = value }
        if let value = body.source { form.source = value.rawValue }
        if let value = body.jobDescription { form.jobDescription = value }
        if let value = body.salary { form.salary = value }
        if let value = body.notes { form.notes = value }
        if let value = body.excitement { form.excitement = String(value) }
        if let value = body.appliedOn { form.appliedOn = value }
        _ = try await workspace.applications.edit(id, form)
        return .ok(.init(body: .json(try await full(id))))
    }

    func deleteApplication(_ input: Operations.DeleteApplication.Input) async throws -> Operations.DeleteApplication.Output {
        _ = try await workspace.applications.delete(input.path.id)
        return .noContent(.init())
    }

    func moveApplication(_ input: Operations.MoveApplication.Input) async throws -> Operations.MoveApplication.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let workspace = try workspace
        guard let stage = Stage(rawValue: body.stage.rawValue) else { throw ValidationErrors([FieldError("stage", "Choose a stage: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")).")]) }
        _ = try await workspace.applications.move(input.path.id, to: stage, on: try day(body.on, workspace))
        return .ok(.init(body: .json(try await full(input.path.id))))
    }

    func rejectApplication(_ input: Operations.RejectApplication.Input) async throws -> Operations.RejectApplication.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let form = RejectionForm(on: body.on ?? "", stageReached: body.stageReached?.rawValue ?? "", reason: body.reason ?? "",
                                 category: body.category?.rawValue ?? "", controllable: body.controllable?.rawValue ?? "",
                                 feelings: body.feelings ?? [], intensity: body.intensity.map(String.init) ?? "")
        _ = try await workspace.applications.reject(input.path.id, form, note: nil)
        return .ok(.init(body: .json(try await full(input.path.id))))
    }

    func closeApplication(_ input: Operations.CloseApplication.Input) async throws -> Operations.CloseApplication.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let workspace = try workspace
        let kind: EventKind = body._as == .ghosted ? .ghosted : .withdrawn
        _ = try await workspace.applications.close(input.path.id, as: kind, on: try day(body.on, workspace))
        return .ok(.init(body: .json(try await full(input.path.id))))
    }

    func reopenApplication(_ input: Operations.ReopenApplication.Input) async throws -> Operations.ReopenApplication.Output {
        let workspace = try workspace
        var on: String?
        if case .json(let body) = input.body { on = body.on }
        _ = try await workspace.applications.reopen(input.path.id, on: try day(on, workspace))
        return .ok(.init(body: .json(try await full(input.path.id))))
    }

    /// One application with its rejection, notes, description and timeline.
    private func full(_ id: Int) async throws -> Components.Schemas.Application {
        let workspace = try workspace
        let application = try await workspace.applications.find(id)
        let rejection = try await workspace.applications.rejection(for: id)
        let timeline = try await workspace.applications.events(for: id)
        return try Wire.convert(ApplicationJSON(application, rejection: rejection, timeline: timeline, full: true))
    }

    /// A day the person gives for something that happened (today when left out).
    private func day(_ raw: String?, _ workspace: Workspace, field: String = "on") throws -> Day? {
        guard let raw = Text.cleanLine(raw) else { return nil }
        switch FormRules.pastDay(raw, today: workspace.today, what: "The date") {
        case .success(let day): return day
        case .failure(let message): throw ValidationErrors([FieldError(field, message.text)])
        }
    }

    /// A number in the query, within what the document allows; outside it, a 400 that says so.
    static func bounded(_ value: Int?, _ range: ClosedRange<Int>, _ name: String) throws -> Int? {
        guard let value else { return nil }
        guard range.contains(value) else {
            throw Problem(status: .badRequest, title: "A parameter is out of range",
                          detail: "\(name) is \(value); it goes from \(range.lowerBound) to \(range.upperBound).",
                          errors: [.init(field: name, message: "From \(range.lowerBound) to \(range.upperBound).")])
        }
        return value
    }

    // MARK: Learning

    func listFeedback(_ input: Operations.ListFeedback.Input) async throws -> Operations.ListFeedback.Output {
        let workspace = try workspace
        _ = try await workspace.applications.find(input.path.id)
        let items = try await workspace.feedback.feedback(for: input.path.id)
        return .ok(.init(body: .json(try items.map { try Self.feedback($0.0, $0.1) })))
    }

    func recordFeedback(_ input: Operations.RecordFeedback.Input) async throws -> Operations.RecordFeedback.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let workspace = try workspace
        guard let text = Text.clean(body.text) else { throw ValidationErrors([FieldError("text", "Write what they said; the text is empty.")]) }
        let (saved, analysis) = try await workspace.feedback.record(applicationID: input.path.id, text: text,
                                                                     receivedOn: try day(body.receivedOn, workspace, field: "receivedOn"))
        return .created(.init(body: .json(try Self.feedback(saved, analysis))))
    }

    static func feedback(_ feedback: Feedback, _ analysis: FeedbackAnalysis) throws -> Components.Schemas.Feedback {
        .init(id: feedback.id, applicationID: feedback.applicationID, text: feedback.text, receivedOn: feedback.receivedOn.description,
              themes: try analysis.themes.map { try Wire.document($0) })
    }

    func listRejections(_ input: Operations.ListRejections.Input) async throws -> Operations.ListRejections.Output {
        let workspace = try workspace
        let rejections = try await workspace.applications.rejections().sorted { ($0.on, $0.applicationID) > ($1.on, $1.applicationID) }
        let titles = Dictionary(uniqueKeysWithValues: try await workspace.applications.all(outcome: .rejected).map { ($0.id, $0.title) })
        return .ok(.init(body: .json(try rejections.map { r in
            .init(applicationID: r.applicationID, title: titles[r.applicationID], rejection: try Wire.convert(ApplicationJSON.RejectionJSON(r)))
        })))
    }

    func getInsights(_ input: Operations.GetInsights.Input) async throws -> Operations.GetInsights.Output {
        .ok(.init(body: .json(try Wire.document(try await workspace.insights.report()))))
    }

    func getReport(_ input: Operations.GetReport.Input) async throws -> Operations.GetReport.Output {
        func parse(_ raw: String?, _ field: String) throws -> Day? {
            guard let raw else { return nil }
            guard let day = Day(raw) else { throw ValidationErrors([FieldError(field, "Write the day as YYYY-MM-DD, for example 2026-03-01.")]) }
            return day
        }
        let from = try parse(input.query.from, "from"), to = try parse(input.query.to, "to")
        return .ok(.init(body: .json(try Wire.document(try await workspace.reports.career(from: from, to: to)))))
    }

    func extractSkills(_ input: Operations.ExtractSkills.Input) async throws -> Operations.ExtractSkills.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        guard body.text.count <= 200_000 else {
            throw ValidationErrors([FieldError("text", "The text is \(body.text.count) characters; send up to 200,000 (a posting is far less).")])
        }
        struct Result: Encodable { var skills: [ExtractedSkill] }
        return .ok(.init(body: .json(try Wire.document(Result(skills: try Extractor.shared.extract(body.text))))))
    }

    func getSkillDemand(_ input: Operations.GetSkillDemand.Input) async throws -> Operations.GetSkillDemand.Output {
        .ok(.init(body: .json(try await workspace.skills.demand().map { try Wire.document($0) })))
    }

    // MARK: Momentum

    func listGoals(_ input: Operations.ListGoals.Input) async throws -> Operations.ListGoals.Output {
        .ok(.init(body: .json(try await workspace.plan.goals().map { try Wire.document($0) })))
    }

    func getProgress(_ input: Operations.GetProgress.Input) async throws -> Operations.GetProgress.Output {
        let workspace = try workspace
        return .ok(.init(body: .json(try Wire.document(try await workspace.momentum.weeklyProgress(today: workspace.today, weeks: 12)))))
    }

    func listAgenda(_ input: Operations.ListAgenda.Input) async throws -> Operations.ListAgenda.Output {
        let workspace = try workspace
        let today = workspace.today
        let horizon = today.adding(days: try Self.bounded(input.query.days, 1...366, "days") ?? 14)
        let items = try await workspace.schedule.items(today: today).filter { $0.on <= horizon }
        return .ok(.init(body: .json(try items.map { try Wire.convert($0) })))
    }

    func listContacts(_ input: Operations.ListContacts.Input) async throws -> Operations.ListContacts.Output {
        .ok(.init(body: .json(try await workspace.contacts.all().map { try Wire.document($0) })))
    }

    // MARK: Care

    func listJournal(_ input: Operations.ListJournal.Input) async throws -> Operations.ListJournal.Output {
        let workspace = try workspace
        let days = try Self.bounded(input.query.days, 1...3660, "days") ?? 30
        let entries = try await workspace.journal.entries(since: workspace.today.adding(days: -(days - 1)))
        return .ok(.init(body: .json(try entries.map { try Wire.document($0) })))
    }

    func addJournalEntry(_ input: Operations.AddJournalEntry.Input) async throws -> Operations.AddJournalEntry.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let workspace = try workspace
        let form = JournalForm(text: body.text ?? "", mood: body.mood.map(String.init) ?? "", emotions: body.emotions ?? [], on: body.on ?? "")
        // Words of crisis meet support first, before anything is saved or said.
        let card = await workspace.care.noticed(in: [body.text] + (body.emotions ?? []).map(Optional.some))
        let entry = try await workspace.journal.add(try form.validated(today: workspace.today))
        return .created(.init(body: .json(.init(support: card.map(Self.support), entry: try Wire.document(entry)))))
    }

    static func support(_ card: SupportCard) -> Components.Schemas.SupportCard {
        .init(title: card.title, message: card.message, ownHelpline: card.ownHelpline, emergency: card.emergency,
              lines: card.country.lines.map { .init(name: $0.name, contact: $0.contact, detail: $0.detail) }, closing: card.closingThroughTool)
    }

    func listWins(_ input: Operations.ListWins.Input) async throws -> Operations.ListWins.Output {
        .ok(.init(body: .json(try await workspace.wins.all().map { try Wire.document($0) })))
    }

    // MARK: Data

    func exportBackup(_ input: Operations.ExportBackup.Input) async throws -> Operations.ExportBackup.Output {
        let data = try await workspace.portability.export()
        return .ok(.init(body: .json(try JSONDecoder().decode(Components.Schemas.Document.self, from: data))))
    }
}

// MARK: More of the search

extension APIHandler {
    func listTimeline(_ input: Operations.ListTimeline.Input) async throws -> Operations.ListTimeline.Output {
        let workspace = try workspace
        _ = try await workspace.applications.find(input.path.id)
        let events = try await workspace.applications.events(for: input.path.id).map(ApplicationJSON.EventJSON.init)
        let converted: [Components.Schemas.Event] = try events.map { try Wire.convert($0) }
        return .ok(.init(body: .json(converted)))
    }

    func listFeedbackRequests(_ input: Operations.ListFeedbackRequests.Input) async throws -> Operations.ListFeedbackRequests.Output {
        let workspace = try workspace
        _ = try await workspace.applications.find(input.path.id)
        return .ok(.init(body: .json(try await workspace.feedback.requests(for: input.path.id).map { try Wire.document($0) })))
    }

    func getReflection(_ input: Operations.GetReflection.Input) async throws -> Operations.GetReflection.Output {
        let workspace = try workspace
        _ = try await workspace.applications.find(input.path.id)
        let reflection = try await workspace.reflections.reflection(for: input.path.id)
        return .ok(.init(body: .json(.init(reflection: try reflection.map { try Wire.document($0) }))))
    }

    func listApplicationInterviews(_ input: Operations.ListApplicationInterviews.Input) async throws -> Operations.ListApplicationInterviews.Output {
        let workspace = try workspace
        _ = try await workspace.applications.find(input.path.id)
        return .ok(.init(body: .json(try await workspace.interviews.rounds(for: input.path.id).map { try Wire.document($0) })))
    }

    func addInterview(_ input: Operations.AddInterview.Input) async throws -> Operations.AddInterview.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let workspace = try workspace
        _ = try await workspace.applications.find(input.path.id)
        let form = InterviewForm(on: body.on, time: body.time ?? "", type: body._type?.rawValue ?? "", interviewerIDs: body.interviewerIDs ?? [], notes: body.notes ?? "")
        let (round, _) = try await workspace.interviews.add(applicationID: input.path.id, try form.validated(today: workspace.today))
        return .created(.init(body: .json(try Wire.document(round))))
    }

    func listInterviews(_ input: Operations.ListInterviews.Input) async throws -> Operations.ListInterviews.Output {
        .ok(.init(body: .json(try await workspace.interviews.all().map { try Wire.document($0) })))
    }

    func getTargets(_ input: Operations.GetTargets.Input) async throws -> Operations.GetTargets.Output {
        let targets = try await workspace.momentum.targets() ?? .suggested
        return .ok(.init(body: .json(.init(applications: targets.applications, conversations: targets.conversations, skillHours: targets.skillHours))))
    }

    func setTargets(_ input: Operations.SetTargets.Input) async throws -> Operations.SetTargets.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let workspace = try workspace
        let targets = try TargetsForm(applications: String(body.applications), conversations: String(body.conversations),
                                      skillHours: Hours.number(body.skillHours)).validated()
        try await workspace.momentum.setTargets(targets)
        return .ok(.init(body: .json(.init(applications: targets.applications, conversations: targets.conversations, skillHours: targets.skillHours))))
    }

    func createContact(_ input: Operations.CreateContact.Input) async throws -> Operations.CreateContact.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let form = ContactForm(name: body.name, role: body.role?.rawValue ?? "", company: body.company ?? "", email: body.email ?? "",
                               profileURL: body.profileURL ?? "", notes: body.notes ?? "")
        return .created(.init(body: .json(try Wire.document(try await workspace.contacts.create(try form.validated())))))
    }

    func getContact(_ input: Operations.GetContact.Input) async throws -> Operations.GetContact.Output {
        struct Shown: Encodable { var contact: Contact; var conversations: [Interaction]; var applicationIDs: [Int] }
        let workspace = try workspace
        let id = input.path.contactId
        let shown = Shown(contact: try await workspace.contacts.find(id), conversations: try await workspace.contacts.interactions(for: id),
                          applicationIDs: try await workspace.contacts.applicationIDs(for: id))
        return .ok(.init(body: .json(try Wire.document(shown))))
    }

    func logConversation(_ input: Operations.LogConversation.Input) async throws -> Operations.LogConversation.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let logged = try await workspace.contacts.log(contactID: input.path.contactId, InteractionForm(kind: body.kind.rawValue, on: body.on ?? "", note: body.note ?? ""))
        return .created(.init(body: .json(try Wire.document(logged.interaction))))
    }

    func addWin(_ input: Operations.AddWin.Input) async throws -> Operations.AddWin.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let workspace = try workspace
        let win = try NewWin.manual(title: body.title, on: body.on ?? "", today: workspace.today)
        guard let saved = try await workspace.wins.add(win) else {
            throw ValidationErrors([FieldError("title", "That win is already noted for that day.")])
        }
        return .created(.init(body: .json(try Wire.document(saved))))
    }

    func addGoal(_ input: Operations.AddGoal.Input) async throws -> Operations.AddGoal.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let workspace = try workspace
        let form = GoalForm(title: body.title, focus: body.focus ?? "", focusName: body.focusName ?? "", action: body.action.rawValue,
                            measure: body.measure, deadline: body.deadline, weeklyHours: String(body.weeklyHours))
        return .created(.init(body: .json(try Wire.document(try await workspace.plan.accept(try form.validated(today: workspace.today))))))
    }

    func restoreBackup(_ input: Operations.RestoreBackup.Input) async throws -> Operations.RestoreBackup.Output {
        guard case .json(let body) = input.body else { throw Problem.unreadable }
        let summary = try await workspace.portability.restore(try JSONEncoder().encode(body))
        return .ok(.init(body: .json(try Wire.document(summary))))
    }
}

extension Problem {
    static let unreadable = Problem(status: .badRequest, title: "The request can't be read", detail: "Send the body as application/json.")
}

/// The skill reader, loaded once.
enum Extractor {
    static let loaded = Result { try SkillExtractor.bundled() }
    static var shared: SkillExtractor { get throws { try loaded.get() } }
}

/// Objects in the shapes the command line prints, turned into the document's types.
enum Wire {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func convert<T: Decodable>(_ value: some Encodable) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: encoder().encode(value))
    }

    static func document(_ value: some Encodable) throws -> Components.Schemas.Document {
        try convert(value)
    }
}
