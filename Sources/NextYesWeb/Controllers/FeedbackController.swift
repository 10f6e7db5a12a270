import NextYesCore
import NextYesInsights
import NextYesFeatures
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
        /// The e-mail as the person edited it, and their name when NextYes asked for it.
        var subject: String?
        var body: String?
        var senderName: String?
        var intent: String?
    }

    struct RecordBody: Content {
        var text: String?
        var on: String?
    }

    struct StatusBody: Content {
        var status: String?
        var on: String?
    }

    func compose(_ req: Request) async throws -> Page {
        let id = try req.applicationID()
        let query = try req.query.decode(ComposeQuery.self)
        let draft: EmployerFeedback.Draft
        do {
            draft = try await req.workspace.feedback.draft(applicationID: id, contactName: query.to, variant: query.variant.flatMap(FeedbackRequestVariant.init(id:)))
        } catch let errors as ValidationErrors {
            throw Abort(.badRequest, reason: errors.errorDescription ?? "")
        }
        let name = query.to ?? draft.suggestedContact?.name ?? ""
        let email = query.email ?? draft.suggestedContact?.details.email ?? ""
        var errors: ValidationErrors?
        if let raw = Text.cleanLine(email), case .failure(let message) = FormRules.emailAddress(raw) {
            errors = ValidationErrors([FieldError("email", message.text)])
        }
        return Page(html: FeedbackCompose.view(.init(
            chrome: req.chrome(.applications), application: draft.application, variant: draft.variant, contactName: name,
            contactEmail: email, draft: draft.email, today: req.today, errors: errors,
            usedReflection: draft.usedReflection, senderName: try await req.workspace.feedback.senderName())))
    }

    /// The edited e-mail, posted: "Save my changes" keeps the edits (and the name, when given)
    /// and shows the page again; "I sent it" records the request (and the contact, if named) as
    /// sent. Either way a name typed here is saved as the one that signs every e-mail.
    func createRequest(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let body = try req.content.decode(RequestBody.self)
        let variant = body.variant.flatMap(FeedbackRequestVariant.init(id:)) ?? .standard
        let intent = body.intent.flatMap(FeedbackCompose.Intent.init(rawValue:)) ?? .sent
        let workspace = req.workspace
        let application = try await workspace.applications.find(id)
        var errors = ValidationErrors()
        // The text as posted; a form from before the e-mail was editable falls back to the draft.
        var email: EmailDraft?
        if body.subject != nil || body.body != nil {
            email = EmailDraft(subject: body.subject ?? "", body: body.body ?? "")
            do {
                email = try await workspace.feedback.edited(subject: body.subject ?? "", body: body.body ?? "", senderName: body.senderName)
            } catch let refused as ValidationErrors {
                errors.errors += refused.errors
            }
        }
        if let raw = Text.cleanLine(body.email), case .failure(let message) = FormRules.emailAddress(raw) {
            errors.add("email", message.text)
        }
        if intent == .sent {
            var day = req.today
            if let raw = Text.cleanLine(body.on) {
                switch FormRules.pastDay(raw, today: req.today, what: "The sending date") {
                case .success(let parsed): day = parsed
                case .failure(let message): errors.add("on", message.text)
                }
            }
            var contact: ContactDetails?
            if let name = Text.cleanLine(body.to) {
                do {
                    contact = try ContactForm(name: name, company: application.company, email: body.email ?? "").validated()
                } catch {
                    errors.errors += error.errors.filter { $0.field != "email" }.map { FieldError($0.field == "name" ? "to" : $0.field, $0.message) }
                }
            }
            if errors.isEmpty {
                do {
                    _ = try await workspace.feedback.recordSent(applicationID: id, variant: variant, contact: contact, on: day)
                    req.flash("Recorded your feedback request. If there's no answer by \(day.adding(days: FeedbackRequest.followUpAfterDays).readable), NextYes will suggest one follow-up.")
                    return req.redirect(to: SiteURL.application(id).path() + "#feedback")
                } catch let refused as ValidationErrors {
                    errors.errors += refused.errors
                }
            }
        }
        let draft = try await workspace.feedback.draft(applicationID: id, contactName: body.to, variant: variant)
        let senderName = try await workspace.feedback.senderName()
        let page = FeedbackCompose.view(.init(
            chrome: req.chrome(.applications), application: application, variant: variant, contactName: body.to ?? "",
            contactEmail: body.email ?? "", draft: email ?? draft.email, today: req.today,
            errors: errors.isEmpty ? nil : errors, usedReflection: draft.usedReflection,
            senderName: senderName, typedName: senderName == nil ? body.senderName ?? "" : ""))
        return try await Page(html: page, status: errors.isEmpty ? .ok : .badRequest).encodeResponse(for: req)
    }

    func record(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        _ = try await req.workspace.applications.find(id)
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
            let (_, analysis) = try await req.workspace.feedback.record(applicationID: id, text: body.text ?? "", receivedOn: day)
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
        let workspace = req.workspace
        let request = try await workspace.feedback.request(requestID)
        do {
            switch action {
            case .status:
                guard let status = body.status.flatMap(FeedbackRequestStatus.init(id:)) else {
                    throw ValidationErrors([FieldError("status", "Choose replied, declined or no reply.")])
                }
                _ = try await workspace.feedback.mark(requestID, status)
                req.flash(status == .declined || status == .noReply
                          ? "Noted. Not every company gives feedback; that's their policy, not a reflection on you."
                          : "Noted.")
            case .followUp:
                _ = try await workspace.feedback.recordFollowUp(requestID)
                req.flash("Follow-up recorded. That's the last nudge NextYes will suggest for this one.")
            }
        } catch let error as any LocalizedError {
            req.flash(error.errorDescription ?? "That didn't work.")
        }
        return req.redirect(to: SiteURL.application(request.applicationID).path() + "#feedback")
    }
}
