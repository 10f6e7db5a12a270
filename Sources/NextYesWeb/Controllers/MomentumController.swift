import NextYesCore
import NextYesInsights
import NextYesFeatures
import Vapor

struct MomentumController {
    struct TargetsBody: Content {
        var applications: String?
        var conversations: String?
        var skillHours: String?
    }

    struct DoneBody: Content { var uid: String? }
    struct HoursBody: Content { var hours: String?; var on: String?; var note: String? }

    /// Learning hours not tied to a plan goal.
    func logHours(_ req: Request) async throws -> Response {
        let body = try req.content.decode(HoursBody.self)
        do {
            guard let hours = Double(Text.cleanLine(body.hours) ?? ""), hours.isFinite else { throw ProfileError.badHours }
            var day: Day?
            if let raw = Text.cleanLine(body.on) {
                switch FormRules.pastDay(raw, today: req.today, what: "The day") {
                case .success(let parsed): day = parsed
                case .failure(let message): throw ValidationErrors([FieldError("on", message.text)])
                }
            }
            try await req.workspace.plan.logHours(hours, on: day, note: body.note)
            req.flash("Logged \(Hours.text(hours)) of learning. Every hour counts.")
        } catch let error as ProfileError {
            req.flash(error.errorDescription ?? "")
        } catch let errors as ValidationErrors {
            req.flash(errors.errorDescription ?? "")
        } catch let error as CoreError {
            req.flash(error.errorDescription ?? "")
        }
        return req.redirect(to: SiteURL.progress.path())
    }

    // MARK: Progress

    func progress(_ req: Request) async throws -> Page {
        Page(html: ProgressShow.view(try await progressModel(req, form: nil, errors: nil)))
    }

    private func progressModel(_ req: Request, form: TargetsForm?, errors: ValidationErrors?) async throws -> ProgressShow.Model {
        let workspace = req.workspace
        let targets = try await workspace.momentum.targets()
        var model = ProgressShow.Model(
            chrome: req.chrome(.progress), targets: targets, form: form ?? TargetsForm(targets ?? .suggested),
            progress: try await workspace.momentum.weeklyProgress(today: req.today), month: try await workspace.momentum.monthOverMonth(today: req.today), errors: errors)
        model.carePaused = try await req.care.isPaused()
        // The gentle period after a no: the same window the dashboard and the rejection flow keep.
        model.gentleUntil = try await workspace.applications.rejections()
            .filter { $0.isProcessing(today: req.today) }.map(\.processingEndsOn).max()
        return model
    }

    func saveTargets(_ req: Request) async throws -> Response {
        let body = try req.content.decode(TargetsBody.self)
        let form = TargetsForm(applications: body.applications ?? "", conversations: body.conversations ?? "", skillHours: body.skillHours ?? "")
        do {
            try await req.workspace.momentum.setTargets(try form.validated())
            req.flash("Saved. These targets count from this week on; earlier weeks keep theirs.")
            return req.redirect(to: SiteURL.progress.path())
        } catch let errors as ValidationErrors {
            return try await Page(html: ProgressShow.view(try await progressModel(req, form: form, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
    }

    // MARK: Agenda

    func agenda(_ req: Request) async throws -> Page {
        let workspace = req.workspace
        let token = try await workspace.schedule.calendarToken()
        let host = req.headers.first(name: .host) ?? "127.0.0.1:8080"
        let all = try await workspace.schedule.items(today: req.today)
        let pages = max(1, (all.count + AgendaShow.Model.perPage - 1) / AgendaShow.Model.perPage)
        let page = min(max(1, (try? req.query.get(Int.self, at: "page")) ?? 1), pages)
        var model = AgendaShow.Model(
            chrome: req.chrome(.agenda), items: Array(all.dropFirst((page - 1) * AgendaShow.Model.perPage).prefix(AgendaShow.Model.perPage)),
            today: req.today, feedURL: "http://\(host)\(SiteURL.feed(.value(token)).path())")
        model.page = page
        model.total = all.count
        return Page(html: AgendaShow.view(model))
    }

    func markDone(_ req: Request) async throws -> Response {
        let uid = try req.content.decode(DoneBody.self).uid ?? ""
        let open = try await req.workspace.schedule.items(today: req.today, from: req.today.adding(days: -366))
        if let item = open.first(where: { $0.uid == uid }), item.kind.isReminder {
            try await req.workspace.schedule.markDone(uid)
            req.flash(Text.sentence("Ticked off: \(item.title)"))
        } else {
            req.flash("That reminder isn't on the agenda any more.")
        }
        return req.redirect(to: SiteURL.agenda.path())
    }

    func newToken(_ req: Request) async throws -> Response {
        try await req.workspace.schedule.newCalendarToken()
        req.flash("The calendar address has changed. Subscribe again with the new one; the old one no longer works.")
        return req.redirect(to: SiteURL.agenda.path())
    }

    /// The iCalendar feed. The secret in the address is the only key, so a wrong one gets a
    /// plain 404 that says nothing about the feed.
    func feed(_ req: Request) async throws -> Response {
        guard let file = req.parameters.get(SiteURL.fileKey), file.hasSuffix(".ics") else { throw Abort(.notFound) }
        let given = String(file.dropLast(4))
        let token = try await req.workspace.schedule.calendarToken()
        guard constantTimeEqual(given, token) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"nextyes.ics\"")
        return Response(status: .ok, headers: headers, body: .init(string: try await req.workspace.schedule.calendarFeed(today: req.today)))
    }
}
