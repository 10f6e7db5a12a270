import NextYesCore
import NextYesFeatures
import NextYesInsights
import Vapor

struct ApplicationsController {
    /// The fields of the add and edit forms; any may be missing from a hand-made request.
    struct Body: Content {
        var company: String?
        var role: String?
        var location: String?
        var url: String?
        var source: String?
        var jobDescription: String?
        var salary: String?
        var notes: String?
        var excitement: String?
        var appliedOn: String?
        var stage: String?

        var form: ApplicationForm {
            ApplicationForm(
                company: company ?? "", role: role ?? "", location: location ?? "", url: url ?? "",
                source: source ?? "", jobDescription: jobDescription ?? "", salary: salary ?? "",
                notes: notes ?? "", excitement: excitement ?? "", appliedOn: appliedOn ?? "", stage: stage ?? "")
        }
    }

    struct ListQuery: Content {
        var outcome: String?
        var q: String?
        var sort: String?
        var page: String?
    }

    /// The board and the table, 50 rows a page, with search and order.
    func index(_ req: Request) async throws -> Page {
        let raw = (try? req.query.decode(ListQuery.self)) ?? ListQuery()
        let filter = raw.outcome.flatMap(Outcome.init(id:))
        let page = max(1, min(Int(raw.page ?? "") ?? 1, 100_000))
        let perPage = 50
        let order = ApplicationsIndex.Order(raw.sort)
        let query = ApplicationQuery(outcome: filter, search: Text.cleanLine(raw.q).map { String($0.prefix(100)) },
                                     sort: order.sort, reversed: order.reversed, offset: (page - 1) * perPage, limit: perPage)
        var listing = try await req.workspace.applications.listing(query)
        // Past the last page (an old link, a hand-typed number): show the last page instead.
        if listing.rows.isEmpty, listing.matching > 0, page > 1 {
            var last = query
            last.offset = (listing.pageCount - 1) * perPage
            listing = try await req.workspace.applications.listing(last)
        }
        var chrome = req.chrome(.applications)
        if let outcome = raw.outcome, filter == nil, !outcome.isEmpty {
            chrome.flash = "\"\(FormRules.quote(outcome))\" is not an outcome, so all applications are shown."
        }
        return Page(html: ApplicationsIndex.view(.init(chrome: chrome, listing: listing)))
    }

    func new(_ req: Request) async throws -> Page {
        Page(html: ApplicationEdit.view(.init(chrome: req.chrome(.applications), mode: .new, form: ApplicationForm(), errors: nil, today: req.today)))
    }

    func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Body.self).form
        do {
            let added = try await req.workspace.applications.add(form)
            let application = added.application
            req.flash(Text.sentence("Added \(application.title)") + (added.possibleDuplicate.map { _ in " You already have an open application with the same company and role; if it's the same job, delete one of them." } ?? ""))
            return req.redirect(to: SiteURL.application(application.id).path())
        } catch let errors as ValidationErrors {
            let page = ApplicationEdit.view(.init(chrome: req.chrome(.applications), mode: .new, form: form, errors: errors, today: req.today))
            return try await Page(html: page, status: .badRequest).encodeResponse(for: req)
        }
    }

    func show(_ req: Request) async throws -> Page {
        Page(html: ApplicationShow.view(try await showModel(req, id: try req.applicationID())))
    }

    private func showModel(_ req: Request, id: Int, problem: String? = nil) async throws -> ApplicationShow.Model {
        let workspace = req.workspace
        let application = try await workspace.applications.find(id)
        let preferences = try await workspace.settings.preferences()
        let silent = Ghosting.suggestions([application], today: req.today, afterDays: preferences.ghostedAfterDays).first?.daysSilent
        var model = ApplicationShow.Model(
            chrome: req.chrome(.applications), application: application,
            timeline: try await workspace.applications.events(for: id),
            rejection: try await workspace.applications.rejection(for: id),
            today: req.today, silentDays: silent, problem: problem)
        model.contacts = try await workspace.contacts.contacts(for: id)
        model.requests = try await workspace.feedback.requests(for: id)
        model.feedback = try await workspace.feedback.feedback(for: id)
        model.reflection = try await workspace.reflections.reflection(for: id)
        model.rounds = try await workspace.interviews.rounds(for: id)
        model.allContacts = try await workspace.contacts.all()
        if let description = application.details.jobDescription {
            let extractor = try SkillExtractor.bundled()
            let found = extractor.extract(description)
            model.skills = SkillGaps.forApplication(application, extractor: extractor, profile: try await workspace.skills.levelsByKey(), found: found)
            model.skillSpans = SkillGaps.spans(of: found)
        }
        for request in model.requests where request.isFollowUpDue(today: req.today) {
            model.followUps[request.id] = try await workspace.feedback.followUp(for: request)
        }
        if model.feedback.contains(where: { $0.analysis.generic }) {
            model.specificFollowUp = try await workspace.feedback.specificPointFollowUp(applicationID: id)
        }
        return model
    }

    func edit(_ req: Request) async throws -> Page {
        let application = try await req.workspace.applications.find(try req.applicationID())
        return Page(html: ApplicationEdit.view(.init(
            chrome: req.chrome(.applications), mode: .edit(application), form: ApplicationForm(details: application.details),
            errors: nil, today: req.today)))
    }

    func update(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let application = try await req.workspace.applications.find(id)
        let form = try req.content.decode(Body.self).form
        do {
            try await req.workspace.applications.edit(id, form)
            req.flash("Saved your changes.")
            return req.redirect(to: SiteURL.application(id).path())
        } catch let errors as ValidationErrors {
            let page = ApplicationEdit.view(.init(chrome: req.chrome(.applications), mode: .edit(application), form: form, errors: errors, today: req.today))
            return try await Page(html: page, status: .badRequest).encodeResponse(for: req)
        }
    }

    struct MoveBody: Content {
        var stage: String?
        var on: String?
        var confirm: String?
        /// "board" when the move came from the board, which is where the person goes back to.
        var back: String?
    }

    /// The buttons on the detail page: move, close, reopen, delete.
    func perform(_ action: SiteURL.ApplicationAction, _ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let body = try req.content.decode(MoveBody.self)
        let repository = req.workspace.applications
        let fromBoard = body.back == "board" && action == .move
        do {
            let day = try day(body.on, req)
            switch action {
            case .move:
                guard let stage = body.stage.flatMap(Stage.init(id:)) else {
                    throw ValidationErrors([FieldError("stage", "Choose a stage from the list.")])
                }
                let application = try await repository.move(id, to: stage, on: day)
                // One sentence for every move; praise only for a step further than before.
                let moved = "Moved \(application.title) to \(stage.title.lowercased())."
                let further = stage.isResponse && stage == application.furthestStage
                req.flash(stage == .offer && further ? moved + " Congratulations! Take the time you need to decide."
                          : further ? moved + " Your application stood out: well done." : moved)
            case .ghosted:
                _ = try await repository.close(id, as: .ghosted, on: day)
                req.flash("Marked as no reply. Their silence is about their process, not your worth.")
            case .withdraw:
                _ = try await repository.close(id, as: .withdrawn, on: day)
                req.flash("Withdrawn. Choosing where to spend your energy is part of a good search.")
            case .accept:
                _ = try await repository.close(id, as: .offerAccepted, on: day)
                req.flash("Offer accepted. Congratulations!")
            case .decline:
                _ = try await repository.close(id, as: .offerDeclined, on: day)
                req.flash("Offer declined. Knowing what isn't right for you is progress too.")
            case .reopen:
                let application = try await repository.reopen(id, on: day)
                req.flash("Reopened at \(application.stage.title.lowercased()).")
            case .delete:
                guard body.confirm == "yes" else {
                    throw ValidationErrors([FieldError("confirm", "Tick \"Yes, delete it\" to confirm.")])
                }
                let application = try await repository.find(id)
                try await repository.delete(id)
                req.flash(Text.sentence("Deleted \(application.title)"))
                return req.redirect(to: SiteURL.applications.path())
            }
            return req.redirect(to: fromBoard ? ApplicationsIndex.boardPath : SiteURL.application(id).path())
        } catch let error as ValidationErrors {
            return try await problem(error.errorDescription ?? "", id: id, fromBoard: fromBoard, req)
        } catch let error as CoreError {
            if case .applicationNotFound = error { throw Abort(.notFound, reason: error.errorDescription ?? "") }
            return try await problem(error.errorDescription ?? "", id: id, fromBoard: fromBoard, req)
        }
    }

    /// Shows the application again with the problem explained, and nothing changed; from the
    /// board, the board again with the problem said at the top.
    private func problem(_ message: String, id: Int, fromBoard: Bool = false, _ req: Request) async throws -> Response {
        if fromBoard {
            req.flashProblem(message + " Nothing was changed.")
            return req.redirect(to: ApplicationsIndex.boardPath)
        }
        var model = try await showModel(req, id: id, problem: message)
        model.chrome.flash = nil
        let html = ApplicationShow.view(model)
        return try await Page(html: html, status: .badRequest).encodeResponse(for: req)
    }

    private func day(_ raw: String?, _ req: Request) throws -> Day? {
        guard let raw = Text.cleanLine(raw) else { return nil }
        switch FormRules.pastDay(raw, today: req.today, what: "The date") {
        case .success(let day): return day
        case .failure(let message): throw ValidationErrors([FieldError("on", message.text)])
        }
    }
}
