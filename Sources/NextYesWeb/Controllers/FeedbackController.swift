import NextYesCore
import NextYesInsights
import NextYesFeatures
import NextYesStore
import Vapor

struct FeedbackController {
    struct ComposeQuery: Content {
        var variant: String?
        var to: String?
        var email: String?
    }

    struct RequestBody: Content {
        var variant: String?
        var to: String?
        var email: String?
        var on: String?
    }

    struct RecordBody: Content {
        var text: String?
        var on: String?
    }

    struct StatusBody: Content {
        var status: String?
        var on: String?
    }

    /// The facts a feedback email is written from.
    static func context(_ req: Request, application: JobApplication, contactName: String?) async throws -> (FeedbackEmail.Context, Bool) {
        let store = req.store
        let reflection = try await store.reflections.reflection(for: application.id)
        let rejection = try await store.applications.rejection(for: application.id)
        let sender = try await store.preferences.value(SettingKey.displayName)
        let unsure = reflection?.weakParts ?? []
        let context = FeedbackEmail.Context(
            role: application.role, company: application.company, contactName: contactName,
            stageReached: rejection?.stageReached ?? application.furthestStage, unsureParts: unsure, senderName: sender)
        return (context, !unsure.isEmpty)
    }

    /// The contact to address: the person given, else a linked recruiter or hiring manager.
    static func defaultContact(_ req: Request, applicationID: Int) async throws -> Contact? {
        let contacts = try await req.store.contacts.contacts(for: applicationID)
        return contacts.first { $0.details.role == .hiringManager } ?? contacts.first { $0.details.role == .recruiter } ?? contacts.first
    }

    func compose(_ req: Request) async throws -> Page {
        let application = try await req.store.applications.find(try req.applicationID())
        guard application.outcome == .rejected else {
            throw Abort(.badRequest, reason: "Feedback requests are for applications that ended in a no; this one is \(application.outcome.title.lowercased()).")
        }
        let query = try req.query.decode(ComposeQuery.self)
        let fallback = try await Self.defaultContact(req, applicationID: application.id)
        let name = query.to ?? fallback?.name ?? ""
        let email = query.email ?? fallback?.details.email ?? ""
        let (context, usedReflection) = try await Self.context(req, application: application, contactName: name)
        let variant = query.variant.flatMap(FeedbackRequestVariant.init(id:)) ?? .suggested(for: context.stageReached)
        var errors: ValidationErrors?
        if let raw = Text.cleanLine(email), case .failure(let message) = FormRules.emailAddress(raw) {
            errors = ValidationErrors([FieldError("email", message.text)])
        }
        return Page(html: FeedbackCompose.view(.init(
            chrome: req.chrome(.applications), application: application, variant: variant, contactName: name,
            contactEmail: email, draft: FeedbackEmail.compose(variant, context), today: req.today, errors: errors,
            usedReflection: usedReflection)))
    }

    /// "I sent it": records the request (and the contact, if named) as sent.
    func createRequest(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let application = try await req.store.applications.find(id)
        let body = try req.content.decode(RequestBody.self)
        let variant = body.variant.flatMap(FeedbackRequestVariant.init(id:)) ?? .standard
        var errors = ValidationErrors()
        var day = req.today
        if let raw = Text.cleanLine(body.on) {
            switch FormRules.pastDay(raw, today: req.today, what: "The sending date") {
            case .success(let parsed): day = parsed
            case .failure(let message): errors.add("on", message.text)
            }
        }
        var contactDetails: ContactDetails?
        if let name = Text.cleanLine(body.to) {
            do {
                contactDetails = try ContactForm(name: name, company: application.company, email: body.email ?? "").validated()
            } catch {
                errors.errors += error.errors.map { FieldError($0.field == "name" ? "to" : $0.field, $0.message) }
            }
        }
        guard errors.isEmpty else {
            let (context, used) = try await Self.context(req, application: application, contactName: body.to)
            let page = FeedbackCompose.view(.init(
                chrome: req.chrome(.applications), application: application, variant: variant, contactName: body.to ?? "",
                contactEmail: body.email ?? "", draft: FeedbackEmail.compose(variant, context), today: req.today,
                errors: errors, usedReflection: used))
            return try await Page(html: page, status: .badRequest).encodeResponse(for: req)
        }
        let store = req.store
        var contactID: Int?
        if let details = contactDetails {
            let existing = try await store.contacts.contacts(for: id).first { $0.name.lowercased() == details.name.lowercased() }
            if let existing {
                contactID = existing.id
                if existing.details.email == nil, details.email != nil {
                    var updated = existing.details
                    updated.email = details.email
                    _ = try await store.contacts.update(existing.id, details: updated)
                }
            } else {
                let contact = try await store.contacts.create(details)
                try await store.contacts.link(contact.id, to: id)
                contactID = contact.id
            }
        }
        _ = try await store.feedback.createRequest(applicationID: id, contactID: contactID, variant: variant, sentOn: day)
        req.flash("Recorded your feedback request. If there's no answer by \(day.adding(days: FeedbackRequest.followUpAfterDays).readable), NextYes will suggest one follow-up.")
        return req.redirect(to: SiteURL.application(id).path() + "#feedback")
    }

    func record(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        _ = try await req.store.applications.find(id)
        let body = try req.content.decode(RecordBody.self)
        var day: Day?
        if let raw = Text.cleanLine(body.on) {
            switch FormRules.pastDay(raw, today: req.today, what: "The date") {
            case .success(let parsed): day = parsed
            case .failure(let message):
                req.flash(message.text)
                return req.redirect(to: SiteURL.application(id).path())
            }
        }
        do {
            let (_, analysis) = try await EmployerFeedback(store: req.store).record(applicationID: id, text: body.text ?? "", receivedOn: day)
            if analysis.generic {
                req.flash("Saved. It's a general reply; see below for a short follow-up that asks for one specific point.")
            } else if !analysis.strengths.isEmpty {
                req.flash("Saved. They noticed strengths too: \(analysis.strengths.map(\.theme.title).joined(separator: ", ")).")
            } else {
                req.flash("Saved. The highlighted parts are what NextYes will track across applications.")
            }
        } catch let error as FeedbackError {
            // Back to the top of the page, where the message shows.
            req.flash(error.errorDescription ?? "")
            return req.redirect(to: SiteURL.application(id).path())
        }
        return req.redirect(to: SiteURL.application(id).path() + "#feedback")
    }

    func requestAction(_ action: SiteURL.FeedbackRequestAction, _ req: Request) async throws -> Response {
        guard let raw = req.parameters.get(SiteURL.idKey), let requestID = Int(raw) else {
            throw Abort(.notFound, reason: "There is no feedback request at this address.")
        }
        let body = try req.content.decode(StatusBody.self)
        let store = req.store
        let request = try await store.feedback.request(requestID)
        do {
            switch action {
            case .status:
                guard let status = body.status.flatMap(FeedbackRequestStatus.init(id:)) else {
                    throw ValidationErrors([FieldError("status", "Choose replied, declined or no reply.")])
                }
                _ = try await store.feedback.mark(requestID, status)
                req.flash(status == .declined || status == .noReply
                          ? "Noted. Not every company gives feedback; that's their policy, not a reflection on you."
                          : "Noted.")
            case .followUp:
                _ = try await store.feedback.recordFollowUp(requestID)
                req.flash("Follow-up recorded. That's the last nudge NextYes will suggest for this one.")
            }
        } catch let error as any LocalizedError {
            req.flash(error.errorDescription ?? "That didn't work.")
        }
        return req.redirect(to: SiteURL.application(request.applicationID).path() + "#feedback")
    }
}
