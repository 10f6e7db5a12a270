import NextYesCore
import NextYesInsights
import NextYesFeatures
import Vapor

struct DashboardController {
    func show(_ req: Request) async throws -> Page {
        let workspace = req.workspace
        let today = req.today
        let preferences = try await workspace.settings.preferences()
        let applications = try await workspace.applications.all()
        let position = Dictionary(applications.indices.map { (applications[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        let byID = { (id: Int) in position[id].map { applications[$0] } }
        let rejections = try await workspace.applications.rejections()
        let processing = rejections.compactMap { r -> DashboardShow.Model.Processing? in
            guard let a = byID(r.applicationID) else { return nil }
            return .init(application: a, rejection: r, daysLeft: today.days(until: r.processingEndsOn))
        }
        let recent = try await workspace.applications.recentEvents(limit: 8).compactMap { event -> DashboardShow.Model.Activity? in
            byID(event.applicationID).map { .init(event: event, title: $0.title) }
        }
        let summary = PipelineSummary.of(applications, today: today)
        var model = DashboardShow.Model(
            chrome: req.chrome(.dashboard), today: today, summary: summary,
            processing: processing.filter { $0.rejection.isProcessing(today: today) },
            recentlyProcessed: processing.filter { $0.daysLeft < 0 && $0.daysLeft >= -7 },
            recent: recent,
            ghosted: Ghosting.suggestions(applications, today: today, afterDays: preferences.ghostedAfterDays),
            ghostedAfterDays: preferences.ghostedAfterDays,
            stageCounts: Stage.allCases.compactMap { stage in summary.byStage[stage].map { (stage, $0) } })
        model.checkedInToday = try await workspace.journal.entries(since: today).contains { $0.mood != nil }
        model.offers = applications.filter { $0.outcome == .offerAccepted && $0.lastActivityOn >= today.adding(days: -30) }
        model.signals = try await workspace.wellbeing.signals(today: today)
        if !applications.isEmpty { model.affirmations = try await workspace.wellbeing.affirmations(limit: 2) }
        // After words of crisis, support comes first: no targets, nudges or reminders for now;
        // only interviews the person really has stay in view.
        if try await req.care.isPaused() {
            model.ghosted = []
            model.due = try await workspace.schedule.items(today: today).filter { $0.kind == .interview && $0.on <= today.adding(days: 7) }
        } else {
            model.week = try await workspace.momentum.weeklyProgress(today: today, weeks: 4)
            model.due = try await workspace.schedule.items(today: today).filter { $0.on <= today.adding(days: 7) }
        }
        return Page(html: DashboardShow.view(model))
    }

    func loadDemo(_ req: Request) async throws -> Response {
        do {
            let count = try await req.workspace.sample.load()
            req.flash("Loaded a sample search of \(count) applications. Explore freely; it's only a sample.")
        } catch StoreError.notEmpty {
            req.flash("Your database already holds applications, so the sample wasn't added. Try it in a separate file: nextyes demo --database /tmp/nextyes-demo.sqlite")
        }
        return req.redirect(to: SiteURL.dashboard.path())
    }

    func removeDemo(_ req: Request) async throws -> Response {
        let removed = try await req.workspace.sample.remove()
        req.flash(removed == 0 ? "There was no sample data to remove." : "Removed the \(removed) sample applications. Everything you added yourself is still here.")
        return req.redirect(to: SiteURL.settings.path())
    }
}

struct SettingsController {
    struct Body: Content {
        var processingWindowDays: String?
        var ghostedAfterDays: String?
        var followUpAfterDays: String?
        var displayName: String?
    }

    func show(_ req: Request) async throws -> Page {
        Page(html: SettingsShow.view(try await model(req)))
    }

    func model(_ req: Request) async throws -> SettingsShow.Model {
        let preferences = try await req.workspace.settings.preferences()
        return SettingsShow.Model(
            chrome: req.chrome(.settings), processingWindowDays: String(preferences.processingWindowDays),
            ghostedAfterDays: String(preferences.ghostedAfterDays), followUpAfterDays: String(preferences.followUpAfterDays),
            displayName: try await req.workspace.settings.displayName() ?? "", errors: nil,
            sampleCount: try await req.workspace.sample.applicationIDs().count,
            location: req.application.nextyes.location.description,
            origin: req.headers.first(name: .host).map { "http://" + $0 } ?? "",
            tokens: try await req.workspace.apiTokens.all())
    }

    struct TokenBody: Content {
        var tokenName: String?
        var write: String?
    }

    /// Makes an API token and shows it on this page, the only time it is seen (never kept in a
    /// session or a redirect).
    func createToken(_ req: Request) async throws -> Response {
        let body = try req.content.decode(TokenBody.self)
        do {
            let made = try await req.workspace.apiTokens.create(name: body.tokenName ?? "", scopes: body.write == "yes" ? [.read, .write] : [.read])
            var model = try await model(req)
            model.newToken = made
            model.tokens = try await req.workspace.apiTokens.all()
            let response = try await Page(html: SettingsShow.view(model)).encodeResponse(for: req)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch let error as APITokenError {
            req.flashProblem(error.errorDescription ?? "")
            return req.redirect(to: SiteURL.settings.path() + "#api-tokens")
        }
    }

    func revokeToken(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.idKey, as: Int.self) else { throw Abort(.notFound) }
        let token = try await req.workspace.apiTokens.revoke(id)
        req.flash("Revoked the token \"\(token.name)\". Anything still using it now gets a \"token doesn't work\" answer.")
        return req.redirect(to: SiteURL.settings.path() + "#api-tokens")
    }

    func save(_ req: Request) async throws -> Response {
        let body = try req.content.decode(Body.self)
        var errors = ValidationErrors()
        let window = Int(body.processingWindowDays?.trimmingCharacters(in: .whitespaces) ?? "")
        let ghosted = Int(body.ghostedAfterDays?.trimmingCharacters(in: .whitespaces) ?? "")
        // A form from before this setting existed leaves it as it was.
        let followUp = body.followUpAfterDays == nil ? try await req.workspace.settings.preferences().followUpAfterDays
            : Int(body.followUpAfterDays!.trimmingCharacters(in: .whitespaces))
        // Range problems with the numbers that did parse, alongside the ones that didn't.
        let candidate = Preferences(processingWindowDays: window ?? Preferences.standard.processingWindowDays,
                                    ghostedAfterDays: ghosted ?? Preferences.standard.ghostedAfterDays,
                                    followUpAfterDays: followUp ?? Preferences.standard.followUpAfterDays)
        if window == nil { errors.add("processingWindowDays", "Write the number of days, from 0 to 14.") }
        if ghosted == nil { errors.add("ghostedAfterDays", "Write the number of days, from 1 to 365.") }
        if followUp == nil { errors.add("followUpAfterDays", "Write the number of days, from 1 to 60.") }
        do {
            _ = try candidate.validated()
        } catch let invalid as ValidationErrors {
            errors.errors += invalid.errors
        }
        let name = Text.cleanLine(body.displayName)
        if let name, name.count > Limits.name { errors.add("displayName", "Keep your name under \(Limits.name) characters.") }
        if errors.isEmpty {
            try await req.workspace.settings.save(candidate)
            try await req.workspace.settings.setDisplayName(name)
            req.flash("Settings saved.")
            return req.redirect(to: SiteURL.settings.path())
        }
        // The page again, as the person wrote it, with what to fix.
        var model = try await model(req)
        model.processingWindowDays = body.processingWindowDays ?? ""
        model.ghostedAfterDays = body.ghostedAfterDays ?? ""
        model.followUpAfterDays = body.followUpAfterDays ?? ""
        model.displayName = body.displayName ?? ""
        model.errors = errors
        let page = Page(html: SettingsShow.view(model), status: .badRequest)
        return try await page.encodeResponse(for: req)
    }
}
