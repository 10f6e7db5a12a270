import NextYesCore
import NextYesInsights
import NextYesFeatures
import Vapor

struct NetworkController {
    struct ContactBody: Content {
        var name: String?
        var role: String?
        var company: String?
        var email: String?
        var profileURL: String?
        var notes: String?
        var applicationID: String?
    }

    struct InteractionBody: Content {
        var kind: String?
        var on: String?
        var note: String?
    }

    struct InterviewBody: Content {
        var on: String?
        var time: String?
        var type: String?
        var notes: String?
        var newInterviewer: String?
    }

    func contactForm(_ body: ContactBody) -> ContactForm {
        ContactForm(name: body.name ?? "", role: body.role ?? "", company: body.company ?? "", email: body.email ?? "",
                    profileURL: body.profileURL ?? "", notes: body.notes ?? "")
    }

    // MARK: Contacts

    func index(_ req: Request) async throws -> Page {
        Page(html: ContactsIndex.view(try await indexModel(req, form: ContactForm(), errors: nil)))
    }

    private func indexModel(_ req: Request, form: ContactForm, errors: ValidationErrors?) async throws -> ContactsIndex.Model {
        let workspace = req.workspace
        let links = try await workspace.contacts.links()
        let last = try await workspace.contacts.lastContacted()
        let list = ListPage(try await workspace.contacts.all(), request: req, matches: ContactsIndex.matches, sorts: ContactsIndex.sorts(last))
        return ContactsIndex.Model(
            chrome: req.chrome(.contacts), list: list, lastContacted: last,
            applicationCounts: Dictionary(grouping: links, by: \.contactID).mapValues(\.count), form: form, errors: errors)
    }

    func create(_ req: Request) async throws -> Response {
        let form = contactForm(try req.content.decode(ContactBody.self))
        do {
            let contact = try await req.workspace.contacts.create(try form.validated())
            req.flash("Added \(contact.name).")
            return req.redirect(to: SiteURL.contact(.value(contact.id)).path())
        } catch let errors as ValidationErrors {
            return try await Page(html: ContactsIndex.view(try await indexModel(req, form: form, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
    }

    func show(_ req: Request) async throws -> Page {
        Page(html: ContactShow.view(try await showModel(req, id: try req.applicationID())))
    }

    private func showModel(_ req: Request, id: Int, form: ContactForm? = nil, interaction: InteractionForm = InteractionForm(),
                           errors: ValidationErrors? = nil) async throws -> ContactShow.Model {
        let workspace = req.workspace
        let contact = try await workspace.contacts.find(id)
        let linkedIDs = try await workspace.contacts.applicationIDs(for: id)
        let applications = try await workspace.applications.all()
        return ContactShow.Model(
            chrome: req.chrome(.contacts), contact: contact, form: form ?? ContactForm(details: contact.details),
            interactions: try await workspace.contacts.interactions(for: id),
            linked: applications.filter { linkedIDs.contains($0.id) }, others: applications.filter { !linkedIDs.contains($0.id) },
            interaction: interaction, errors: errors, today: req.today)
    }

    func update(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let form = contactForm(try req.content.decode(ContactBody.self))
        do {
            let contact = try await req.workspace.contacts.update(id, details: try form.validated())
            req.flash("Saved \(contact.name).")
            return req.redirect(to: SiteURL.contact(.value(id)).path())
        } catch let errors as ValidationErrors {
            return try await Page(html: ContactShow.view(try await showModel(req, id: id, form: form, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
    }

    func action(_ action: SiteURL.ContactAction, _ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let contact = try await req.workspace.contacts.find(id)
        switch action {
        case .log:
            let body = try req.content.decode(InteractionBody.self)
            let form = InteractionForm(kind: body.kind ?? "", on: body.on ?? "", note: body.note ?? "")
            do {
                let logged = try await req.workspace.contacts.log(contactID: contact.id, form)
                req.flash(logged.sentence)
            } catch let errors as ValidationErrors {
                return try await Page(html: ContactShow.view(try await showModel(req, id: id, interaction: form, errors: errors)), status: .badRequest).encodeResponse(for: req)
            }
        case .link, .unlink:
            guard let raw = try req.content.decode(ContactBody.self).applicationID, let appID = Int(raw) else {
                req.flash("Choose an application first.")
                return req.redirect(to: SiteURL.contact(.value(id)).path())
            }
            let application = try await req.workspace.applications.find(appID)
            if action == .link {
                try await req.workspace.contacts.link(id, to: appID)
                req.flash(Text.sentence("Linked \(contact.name) to \(application.title)"))
            } else {
                try await req.workspace.contacts.unlink(id, from: appID)
                req.flash(Text.sentence("\(contact.name) is no longer linked to \(application.title)"))
            }
        case .delete:
            try await req.workspace.contacts.delete(id)
            req.flash("Deleted \(contact.name).")
            return req.redirect(to: SiteURL.contacts.path())
        }
        return req.redirect(to: SiteURL.contact(.value(id)).path())
    }

    // MARK: Interviews

    func addInterview(_ req: Request) async throws -> Response {
        let applicationID = try req.applicationID()
        let body = try req.content.decode(InterviewBody.self)
        let picked = ((try? req.content.get([String].self, at: "interviewers")) ?? []).compactMap { Int($0) }
        let form = InterviewForm(on: body.on ?? "", time: body.time ?? "", type: body.type ?? "", interviewerIDs: picked, notes: body.notes ?? "")
        let back = SiteURL.application(.value(applicationID)).path() + "#interviews"
        do {
            var valid = try form.validated(today: req.today)
            let application = try await req.workspace.applications.find(applicationID)
            // Someone new on the panel becomes a contact (or is found among them), linked to this application.
            if let name = Text.cleanLine(body.newInterviewer) {
                let company = application.details.company
                if let known = try await req.workspace.contacts.all().first(where: { $0.name.lowercased() == name.lowercased() }) {
                    if !valid.interviewerIDs.contains(known.id) { valid.interviewerIDs.append(known.id) }
                } else {
                    let contact = try await req.workspace.contacts.create(try ContactForm(name: name, role: ContactRole.interviewer.rawValue, company: company).validated())
                    valid.interviewerIDs.append(contact.id)
                }
            }
            let (round, moved) = try await req.workspace.interviews.add(applicationID: applicationID, valid)
            req.flash(InterviewMessages.added(round, title: application.title, moved: moved, today: req.today)
                + (round.on >= req.today ? " Practising a question or two beforehand helps." : ""))
        } catch let errors as ValidationErrors {
            req.flash("The interview wasn't saved: " + errors.errors.map(\.message).joined(separator: " "))
        } catch let error as CoreError {
            req.flash("The interview wasn't saved: " + (error.errorDescription ?? ""))
        } catch MomentumError.unknownInterviewer {
            req.flash("The interview wasn't saved: one of the interviewers is no longer in your contacts. Reload the page and try again.")
        }
        return req.redirect(to: back)
    }

    func deleteInterview(_ req: Request) async throws -> Response {
        let round = try await req.workspace.interviews.round(try req.applicationID())
        try await req.workspace.interviews.delete(round.id)
        req.flash("Removed the interview on \(round.on.readable).")
        return req.redirect(to: SiteURL.application(.value(round.applicationID)).path() + "#interviews")
    }
}
