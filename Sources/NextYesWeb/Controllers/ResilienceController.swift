import NextYesCore
import NextYesInsights
import NextYesFeatures
import Vapor

struct ResilienceController {
    struct JournalBody: Content {
        var text: String?
        var mood: String?
        var emotions: String?
        var on: String?
    }

    struct ReframeBody: Content { var reframe: String? }
    struct WinBody: Content { var title: String?; var on: String? }
    struct SupportBody: Content { var watch: String?; var helpline: String?; var country: String? }

    // MARK: Journal

    func journal(_ req: Request) async throws -> Page {
        Page(html: JournalIndex.view(try await journalModel(req, form: JournalForm(), errors: nil)))
    }

    private func journalModel(_ req: Request, form: JournalForm, errors: ValidationErrors?) async throws -> JournalIndex.Model {
        let workspace = req.workspace
        let today = req.today
        let list = ListPage(try await workspace.journal.entries(), request: req, matches: JournalIndex.matches, sorts: JournalIndex.sorts)
        let moods = try await workspace.journal.moods(since: today.adding(days: -29))
        return JournalIndex.Model(
            chrome: req.chrome(.journal),
            items: list.items.map { .init(entry: $0, check: ThinkingTrapDetector.check($0.text ?? "")) }, list: list,
            trend: MoodTrend.daily(moods, from: today.adding(days: -29), to: today),
            form: form, errors: errors, today: today)
    }

    func createEntry(_ req: Request) async throws -> Response {
        let body = try req.content.decode(JournalBody.self)
        let form = JournalForm(text: body.text ?? "", mood: body.mood ?? "", emotions: body.emotions.map { [$0] } ?? [], on: body.on ?? "")
        do {
            let entry = try await req.workspace.journal.add(try form.validated(today: req.today))
            let check = ThinkingTrapDetector.check(entry.text ?? "")
            if check.traps.isEmpty {
                req.flash("Saved to your journal.")
                return req.redirect(to: SiteURL.journal.path())
            }
            req.flash("Saved. Some of the thoughts in it follow a familiar pattern; have a look when you're ready.")
            return req.redirect(to: SiteURL.journalEntry(.value(entry.id)).path())
        } catch let errors as ValidationErrors {
            return try await Page(html: JournalIndex.view(try await journalModel(req, form: form, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
    }

    func entry(_ req: Request) async throws -> Page {
        let entry = try await req.workspace.journal.find(try req.applicationID())
        return Page(html: JournalShow.view(.init(chrome: req.chrome(.journal), entry: entry, check: ThinkingTrapDetector.check(entry.text ?? ""))))
    }

    func saveReframe(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let body = try req.content.decode(ReframeBody.self)
        do {
            _ = try await req.workspace.journal.saveReframe(id, body.reframe)
            req.flash("Saved your reframe with the entry.")
        } catch let error as JournalError {
            req.flash(error.errorDescription ?? "")
        }
        return req.redirect(to: SiteURL.journalEntry(.value(id)).path())
    }

    /// The one-tap daily check-in from the dashboard.
    func checkIn(_ req: Request) async throws -> Response {
        let body = try req.content.decode(JournalBody.self)
        do {
            let new = try JournalForm(text: body.text ?? "", mood: body.mood ?? "", emotions: body.emotions.map { [$0] } ?? [])
                .validated(today: req.today, kind: .checkIn)
            _ = try await req.workspace.journal.add(new)
            req.flash((new.mood ?? 10) <= 3
                      ? "Thank you for checking in. It sounds like a hard day; go gently, and consider telling someone you trust how you are."
                      : "Thanks for checking in.")
        } catch let errors as ValidationErrors {
            req.flash(errors.errorDescription ?? "")
        }
        return req.redirect(to: SiteURL.dashboard.path())
    }

    // MARK: Wins

    func wins(_ req: Request) async throws -> Page {
        Page(html: WinsIndex.view(try await winsModel(req, errors: nil)))
    }

    private func winsModel(_ req: Request, errors: ValidationErrors?) async throws -> WinsIndex.Model {
        let list = ListPage(try await req.workspace.wins.all(), request: req, matches: WinsIndex.matches, sorts: WinsIndex.sorts)
        var titles: [Int: String] = [:]
        for id in Set(list.items.compactMap(\.applicationID)) { titles[id] = try? await req.workspace.applications.find(id).title }
        return WinsIndex.Model(chrome: req.chrome(.wins), list: list, titles: titles, errors: errors, today: req.today)
    }

    func addWin(_ req: Request) async throws -> Response {
        let body = try req.content.decode(WinBody.self)
        do {
            try await req.workspace.wins.add(try NewWin.manual(title: body.title ?? "", on: body.on ?? "", today: req.today))
            req.flash("Added. Well done.")
            return req.redirect(to: SiteURL.wins.path())
        } catch let errors as ValidationErrors {
            return try await Page(html: WinsIndex.view(try await winsModel(req, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
    }

    // MARK: Support

    func support(_ req: Request) async throws -> Page {
        Page(html: SupportShow.view(try await supportModel(req, errors: nil)))
    }

    private func supportModel(_ req: Request, errors: ValidationErrors?) async throws -> SupportShow.Model {
        let workspace = req.workspace
        let care = req.care
        return SupportShow.Model(
            chrome: req.chrome(.support), watchOn: try await workspace.wellbeing.isWatching(),
            signals: try await workspace.wellbeing.signals(today: req.today),
            helpline: try await workspace.settings.helpline() ?? "", errors: errors,
            card: try await care.card(), country: try await care.chosenCountry() ?? "",
            paused: try await care.isPaused())
    }

    func saveSupport(_ req: Request) async throws -> Response {
        let body = try req.content.decode(SupportBody.self)
        do {
            try Settings.checkHelpline(body.helpline)
            try await req.care.setCountry(body.country)
        } catch let errors as ValidationErrors {
            return try await Page(html: SupportShow.view(try await supportModel(req, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
        try await req.workspace.wellbeing.setWatching(body.watch == "on")
        try await req.workspace.settings.setHelpline(body.helpline)
        req.flash("Saved.")
        return req.redirect(to: SiteURL.support.path())
    }

    /// The person chooses to see their targets and reminders again after a care pause.
    func resume(_ req: Request) async throws -> Response {
        try await req.care.resume()
        req.flash("Your targets and reminders are back. Go at your own pace; the Support page is here whenever you need it.")
        return req.redirect(to: SiteURL.dashboard.path())
    }
}
