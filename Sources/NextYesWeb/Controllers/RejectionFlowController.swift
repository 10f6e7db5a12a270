import NextYesCore
import NextYesInsights
import NextYesFeatures
import Vapor

struct RejectionFlowController {
    struct Body: Content {
        var on: String?
        var stageReached: String?
        var reason: String?
        var category: String?
        var controllable: String?
        var feelings: String?
        var intensity: String?
        var note: String?

        var form: RejectionForm {
            RejectionForm(
                on: on ?? "", stageReached: stageReached ?? "", reason: reason ?? "", category: category ?? "",
                controllable: controllable ?? "", feelings: feelings.map { [$0] } ?? [], intensity: intensity ?? "")
        }
    }

    /// Loads the application and sends the person back to it if it is already closed.
    private func withOpenApplication(
        _ req: Request, _ body: (JobApplication) async throws -> Response
    ) async throws -> Response {
        let application = try await req.workspace.applications.find(try req.applicationID())
        guard application.isOpen else {
            req.flash("This application is already closed (\(application.outcome.title.lowercased())). Reopen it first if you want to log a rejection.")
            return req.redirect(to: SiteURL.application(application.id).path())
        }
        return try await body(application)
    }

    private func model(_ req: Request, _ application: JobApplication, form: RejectionForm = RejectionForm(), errors: ValidationErrors? = nil, note: String? = nil) async throws -> RejectionFlow.Model {
        let preferences = try await req.workspace.settings.preferences()
        var model = RejectionFlow.Model(
            chrome: req.chrome(.applications), application: application, today: req.today,
            windowDays: preferences.processingWindowDays, form: form, errors: errors,
            suggested: Text.clean(form.reason).flatMap(FeedbackAnalyzer.suggestedCategory(for:)))
        model.note = note ?? ""
        return model
    }

    func acknowledge(_ req: Request) async throws -> Response {
        try await withOpenApplication(req) { application in
            return try await Page(html: RejectionFlow.acknowledge(try await model(req, application))).encodeResponse(for: req)
        }
    }

    func details(_ req: Request) async throws -> Response {
        try await withOpenApplication(req) { application in
            // Filled in from an e-mail the person just read, if they came from there.
            let draft = req.session.data[Self.draftKey(application.id)].flatMap { try? JSONDecoder().decode(Body.self, from: Data($0.utf8)) }
            return try await Page(html: RejectionFlow.happened(try await model(req, application, form: draft?.form ?? RejectionForm()))).encodeResponse(for: req)
        }
    }

    /// Step 2 sent: check it, then show step 3 carrying the answers forward.
    func submitDetails(_ req: Request) async throws -> Response {
        try await withOpenApplication(req) { application in
            let body = try req.content.decode(Body.self)
            let form = body.form
            do {
                let details = try req.workspace.applications.validateRejection(form, note: body.note)
                var draft = body
                // Words of crisis in the note are saved to the journal now, not only when step 3
                // is sent: a person who closes the page here still keeps what they wrote.
                if Text.clean(body.note) != nil, CrisisReader.anyCrisis([body.note, body.reason, body.feelings]) {
                    try await req.workspace.applications.journalRejection(application.id, details: details, note: body.note)
                    draft.note = nil
                    req.session.data[Self.journaledKey(application.id)] = "yes"
                }
                // Post-redirect-get: step 3 is a page of its own, so Back and reload never resend.
                req.session.data[Self.draftKey(application.id)] = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
                return req.redirect(to: SiteURL.rejectCategory(.value(application.id)).path())
            } catch let errors as ValidationErrors {
                let page = RejectionFlow.happened(try await model(req, application, form: form, errors: errors, note: body.note))
                return try await Page(html: page, status: .badRequest).encodeResponse(for: req)
            }
        }
    }

    static func draftKey(_ id: Int) -> String { "reject-draft-\(id)" }
    static func journaledKey(_ id: Int) -> String { "reject-journaled-\(id)" }

    /// Step 3, from what step 2 sent.
    func category(_ req: Request) async throws -> Response {
        try await withOpenApplication(req) { application in
            guard let json = req.session.data[Self.draftKey(application.id)],
                  let body = try? JSONDecoder().decode(Body.self, from: Data(json.utf8)) else {
                return req.redirect(to: SiteURL.rejectDetails(.value(application.id)).path())
            }
            return try await Page(html: RejectionFlow.control(try await model(req, application, form: body.form, note: body.note))).encodeResponse(for: req)
        }
    }

    /// Step 3 sent: save the rejection, then show what's next.
    func save(_ req: Request) async throws -> Response {
        try await withOpenApplication(req) { application in
            let body = try req.content.decode(Body.self)
            let form = body.form
            do {
                let journaled = req.session.data[Self.journaledKey(application.id)] != nil
                _ = try await req.workspace.applications.reject(application.id, form, note: body.note, journal: !journaled)
                req.session.data[Self.draftKey(application.id)] = nil
                req.session.data[Self.journaledKey(application.id)] = nil
                return req.redirect(to: SiteURL.rejectionNext(.value(application.id)).path())
            } catch let errors as ValidationErrors {
                let page = RejectionFlow.control(try await model(req, application, form: form, errors: errors, note: body.note))
                return try await Page(html: page, status: .badRequest).encodeResponse(for: req)
            } catch let error as CoreError {
                let errors = ValidationErrors([FieldError("on", error.errorDescription ?? "")])
                let page = RejectionFlow.happened(try await model(req, application, form: form, errors: errors, note: body.note))
                return try await Page(html: page, status: .badRequest).encodeResponse(for: req)
            }
        }
    }

    func next(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let application = try await req.workspace.applications.find(id)
        guard application.outcome == .rejected, let rejection = try await req.workspace.applications.rejection(for: id) else {
            return req.redirect(to: SiteURL.application(id).path())
        }
        var model = RejectionFlow.NextModel(chrome: req.chrome(.applications), application: application, rejection: rejection, today: req.today)
        model.wins = try await req.workspace.wins.wins(for: id)
        model.affirmations = try await req.workspace.wellbeing.affirmations(limit: 2)
        return try await Page(html: RejectionFlow.next(model)).encodeResponse(for: req)
    }
}
