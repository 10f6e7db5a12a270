import NextYesCore
import NextYesInsights
import NextYesStore
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
        let application = try await req.store.applications.find(try req.applicationID())
        guard application.isOpen else {
            req.flash("This application is already closed (\(application.outcome.title.lowercased())). Reopen it first if you want to log a rejection.")
            return req.redirect(to: SiteURL.application(application.id).path())
        }
        return try await body(application)
    }

    private func model(_ req: Request, _ application: JobApplication, form: RejectionForm = RejectionForm(), errors: ValidationErrors? = nil) async throws -> RejectionFlow.Model {
        let preferences = try await req.store.preferences.load()
        return RejectionFlow.Model(
            chrome: req.chrome(.applications), application: application, today: req.today,
            windowDays: preferences.processingWindowDays, form: form, errors: errors,
            suggested: Text.clean(form.reason).flatMap(FeedbackAnalyzer.suggestedCategory(for:)))
    }

    func acknowledge(_ req: Request) async throws -> Response {
        try await withOpenApplication(req) { application in
            return try await Page(html: RejectionFlow.acknowledge(try await model(req, application))).encodeResponse(for: req)
        }
    }

    func details(_ req: Request) async throws -> Response {
        try await withOpenApplication(req) { application in
            return try await Page(html: RejectionFlow.happened(try await model(req, application))).encodeResponse(for: req)
        }
    }

    /// Step 2 sent: check it, then show step 3 carrying the answers forward.
    func submitDetails(_ req: Request) async throws -> Response {
        try await withOpenApplication(req) { application in
            let form = try req.content.decode(Body.self).form
            do {
                _ = try form.validated(today: req.today)
                return try await Page(html: RejectionFlow.control(try await model(req, application, form: form))).encodeResponse(for: req)
            } catch let errors as ValidationErrors {
                let page = RejectionFlow.happened(try await model(req, application, form: form, errors: errors))
                return try await Page(html: page, status: .badRequest).encodeResponse(for: req)
            }
        }
    }

    /// Step 3 sent: save the rejection, then show what's next.
    func save(_ req: Request) async throws -> Response {
        try await withOpenApplication(req) { application in
            let form = try req.content.decode(Body.self).form
            do {
                let details = try form.validated(today: req.today, suggested: Text.clean(form.reason).flatMap(FeedbackAnalyzer.suggestedCategory(for:)))
                let preferences = try await req.store.preferences.load()
                _ = try await req.store.applications.reject(application.id, details, preferences: preferences)
                return req.redirect(to: SiteURL.rejectionNext(.value(application.id)).path())
            } catch let errors as ValidationErrors {
                let page = RejectionFlow.control(try await model(req, application, form: form, errors: errors))
                return try await Page(html: page, status: .badRequest).encodeResponse(for: req)
            } catch let error as CoreError {
                let errors = ValidationErrors([FieldError("on", error.errorDescription ?? "")])
                let page = RejectionFlow.happened(try await model(req, application, form: form, errors: errors))
                return try await Page(html: page, status: .badRequest).encodeResponse(for: req)
            }
        }
    }

    func next(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let application = try await req.store.applications.find(id)
        guard application.outcome == .rejected, let rejection = try await req.store.applications.rejection(for: id) else {
            return req.redirect(to: SiteURL.application(id).path())
        }
        let model = RejectionFlow.NextModel(chrome: req.chrome(.applications), application: application, rejection: rejection, today: req.today)
        return try await Page(html: RejectionFlow.next(model)).encodeResponse(for: req)
    }
}
