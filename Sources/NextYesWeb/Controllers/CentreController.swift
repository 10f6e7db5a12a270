import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights
import Plot
import Vapor

/// A career centre's server: people sign in with their e-mail and password; a seeker's every
/// request runs inside their own transaction (see `Centre.asPerson`), so every page and action of
/// the personal NextYes works unchanged on their data alone; coaches see only what was shared.
struct CentreAccessMiddleware: AsyncMiddleware {
    static let accountKey = "account"

    static let publicPrefixes = ["/link/"]
    static let publicPaths: Set<String> = [SiteURL.login.path(), SiteURL.stylesheet.path(), SiteURL.script.path()]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        if path.hasPrefix(AccessMiddleware.apiPrefix) {
            // The document and its docs page are public; a call works inside the transaction of
            // the person its token names, and the token is then checked in their own data.
            if path == "/api/docs" || path == "/api/v1/openapi.json" { return try await next.respond(to: request) }
            guard let secret = request.headers.bearerAuthorization?.token, let id = APITokens.accountID(in: secret),
                  let account = try await request.centre.account(id: id), account.role == .seeker, !account.disabled else {
                let response = Response(status: .unauthorized, body: .init(string: #"{"type":"about:blank","title":"A token is needed","status":401,"detail":"Send \"Authorization: Bearer <token>\" with a token made on your Settings page or with: nextyes api token create --account EMAIL --name NAME"}"#))
                response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
                response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"NextYes\"")
                return response
            }
            defer { request.setWorkspace(nil) }
            return try await request.centre.asPerson(account, readOnly: request.method == .GET || request.method == .HEAD) { workspace in
                request.setWorkspace(workspace)
                return try await next.respond(to: request)
            }
        }
        if Self.publicPaths.contains(path) || Self.publicPrefixes.contains(where: path.hasPrefix) {
            if request.method == .POST {
                _ = try await request.body.collect(max: 64 << 10).get()
                guard CSRF.isValid(request) else { return try await Self.expired(request) }
            }
            return try await next.respond(to: request)
        }
        guard let account = try await Self.signedIn(request) else {
            // A session that named an account no longer allowed in ends. One from before signing
            // in (it holds the sign-in form's token) is kept: the browser's own requests, such as
            // for the site's icon, must not expire the form the person is filling in.
            if request.hasSession, request.session.data[Self.accountKey] != nil { request.session.destroy() }
            return request.redirect(to: SiteURL.login.path())
        }
        if request.method == .POST {
            _ = try await request.body.collect(max: AccessMiddleware.maxBodySize(for: path)).get()
            guard CSRF.isValid(request) else { return try await Self.expired(request) }
        }
        // Everyone's own account page: the centre's tables only.
        if path == "/account" || path.hasPrefix("/account/") { return try await next.respond(to: request) }
        switch account.role {
        case .seeker:
            if path.hasPrefix("/coach") || path.hasPrefix("/admin") { throw Abort(.notFound) }
            // Sharing lives in the centre's tables, not in the person's own: no transaction of
            // theirs is held while it reads them.
            if path == "/sharing" || path.hasPrefix("/sharing/") { return try await next.respond(to: request) }
            defer { request.setWorkspace(nil) }
            return try await request.centre.asPerson(account, readOnly: request.method == .GET || request.method == .HEAD) { workspace in
                request.setWorkspace(workspace)
                return try await next.respond(to: request)
            }
        case .coach, .admin:
            // Their pages are the centre's own; a seeker's pages have no data for them.
            let home = account.role == .coach ? "/coach" : "/admin"
            if path.hasPrefix(home) || path == SiteURL.logout.path() { return try await next.respond(to: request) }
            return request.redirect(to: home)
        }
    }

    /// The signed-in account, if the session has one that is still enabled.
    static func signedIn(_ request: Request) async throws -> Account? {
        guard request.hasSession, let id = request.session.data[accountKey],
              let account = try await request.centre.account(id: id), !account.disabled else { return nil }
        request.storage[SignedInKey.self] = account
        return account
    }

    struct SignedInKey: StorageKey { typealias Value = Account }

    static func expired(_ request: Request) async throws -> Response {
        try await ErrorPage.page(
            status: .forbidden, title: "This form has expired",
            message: "The form was opened in another browser session. Go back, reload the page and send it again. Nothing was saved.",
            chrome: PageChrome(csrf: CSRF.token(for: request), flash: nil, section: .other, signedIn: false, centre: true)
        ).encodeResponse(for: request)
    }

    /// A new session for the account: the old id is dropped, so an id planted before never signs in.
    static func startSession(_ request: Request, _ account: Account) async throws {
        if request.hasSession, let old = request.session.id {
            try await request.application.sessions.driver.deleteSession(old, for: request).get()
        }
        request.session.id = nil
        request.session.data = SessionData()
        request.session.data[accountKey] = account.id
    }

    static func home(_ account: Account) -> String {
        switch account.role {
        case .seeker: SiteURL.dashboard.path()
        case .coach: "/coach"
        case .admin: "/admin"
        }
    }
}

extension Request {
    /// The account signed in on a centre's server.
    var account: Account? { storage[CentreAccessMiddleware.SignedInKey.self] }
}

struct CentreController {
    func register(_ app: any RoutesBuilder) {
        app.post(SiteURL.login.pathComponents, use: signIn)
        app.get("link", ":token", use: linkPage)
        app.post("link", ":token", use: useLink)
        app.get("sharing", use: sharingPage)
        app.post("sharing", use: share)
        app.post("sharing", "revoke", use: revoke)
        app.get("coach", use: caseload)
        app.get("coach", ":seeker", ":scope", use: coachView)
        app.post("coach", ":seeker", "plan", ":goal", "notes", use: addNote)
        app.get("admin", use: admin)
        app.post("admin", "accounts", use: addAccount)
        app.post("admin", "accounts", "disable", use: disableAccount)
        app.post("admin", "accounts", "enable", use: enableAccount)
        app.post("admin", "accounts", "link", use: newLink)
        app.post("admin", "accounts", "unlock", use: unlockAccount)
        app.get("admin", "accounts", "edit", use: editAccountPage)
        app.post("admin", "accounts", "edit", use: editAccount)
        app.get("account", use: accountPage)
        app.post("account", "password", use: changePassword)
        app.post("account", "delete", use: deleteOwnAccount)
        app.get("admin", "accounts", "delete", use: deleteAccountPage)
        app.post("admin", "accounts", "delete", use: deleteAccount)
        app.get("admin", "cohort", use: cohort)
        app.post("sharing", "statistics", use: statistics)
    }

    // MARK: Signing in

    static func loginPage(_ req: Request, email: String = "", problem: String? = nil, status: HTTPResponseStatus = .ok) -> Page {
        let deleted = problem == nil && (try? req.query.get(String.self, at: "deleted")) != nil
        let chrome = PageChrome(csrf: CSRF.token(for: req), flash: problem ?? (deleted ? "Your account and everything in it are deleted. Thank you for using NextYes, and good luck with what comes next." : nil),
                                flashIsProblem: problem != nil, section: .other, signedIn: false, centre: true)
        return Page(html: Layout.page("Sign in", chrome: chrome, [
            .h1("Sign in to NextYes"),
            .div(
                .class("card"),
                Tag.element("form", [("method", "post"), ("action", SiteURL.login.path())], [
                    Field.csrf(chrome.csrf),
                    Field.text("email", "E-mail", value: email, .init(required: true, type: "email", extra: [("autocomplete", "username")])),
                    Field.text("password", "Password", value: "", .init(required: true, type: "password", extra: [("autocomplete", "current-password")])),
                    .button(.type(.submit), .text("Sign in")),
                ]),
                .p(.class("muted"), .text("Forgotten your password, or no account yet? Ask your career centre for a sign-in link."))
            ),
        ]), status: status)
    }

    func signIn(_ req: Request) async throws -> Response {
        struct Form: Content { var email: String?; var password: String? }
        let form = try req.content.decode(Form.self)
        let email = form.email ?? "", password = form.password ?? ""
        switch try await req.centre.signIn(email: email, password: password) {
        case .signedIn(let account):
            try await CentreAccessMiddleware.startSession(req, account)
            return req.redirect(to: CentreAccessMiddleware.home(account))
        case .wrong:
            return try await Self.loginPage(req, email: email, problem: "That e-mail and password don't match an account. Check both and try again.",
                                            status: .unauthorized).encodeResponse(for: req)
        case .disabled:
            return try await Self.loginPage(req, email: email, problem: "This account is switched off for now. Your data is kept; ask your career centre to switch it back on.",
                                            status: .forbidden).encodeResponse(for: req)
        case .locked(let until):
            let minutes = max(1, Int((until.timeIntervalSince(req.clock.now()) / 60).rounded(.up)))
            let response = try await Self.loginPage(
                req, email: email,
                problem: "Too many wrong tries. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again, or ask your centre for a sign-in link.",
                status: .tooManyRequests).encodeResponse(for: req)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(minutes * 60))
            return response
        }
    }

    /// Opening a link shows a form; only sending it uses the link up (a mail scanner that opens
    /// links doesn't spend it).
    func linkPage(_ req: Request) async throws -> Page {
        let token = req.parameters.get("token") ?? ""
        guard try await req.centre.linkIsValid(token) else {
            return Self.loginPage(req, problem: CentreError.linkNotValid.errorDescription, status: .gone)
        }
        var chrome = req.chrome(.other)
        chrome.signedIn = false
        return Page(html: Layout.page("Choose a password", chrome: chrome, [
            .h1("Welcome to NextYes"),
            .div(
                .class("card"),
                .p("Choose a password to sign in with from now on. This link works once."),
                Tag.element("form", [("method", "post"), ("action", "/link/" + token)], [
                    Field.csrf(chrome.csrf),
                    Field.text("password", "New password", value: "", .init(hint: "At least 10 characters.", required: true, type: "password",
                                                                            extra: [("autocomplete", "new-password"), ("minlength", "10")])),
                    .button(.type(.submit), .text("Save and sign in")),
                ])
            ),
        ]))
    }

    func useLink(_ req: Request) async throws -> Response {
        struct Form: Content { var password: String? }
        let token = req.parameters.get("token") ?? ""
        let password = try req.content.decode(Form.self).password ?? ""
        let account: Account
        do {
            account = try await req.centre.setPassword(withLink: token, to: password)
        } catch CentreError.linkNotValid {
            return try await Self.loginPage(req, problem: CentreError.linkNotValid.errorDescription, status: .gone).encodeResponse(for: req)
        } catch let error as any LocalizedError {
            // The password was refused before the link was touched: the form comes back, the link still works.
            req.flashProblem((error as? ValidationErrors)?.errors.first?.message ?? error.errorDescription ?? "Choose another password.")
            return req.redirect(to: "/link/" + token)
        }
        try await CentreAccessMiddleware.startSession(req, account)
        req.flash("Your password is saved. Welcome, \(account.name).")
        return req.redirect(to: CentreAccessMiddleware.home(account))
    }

    // MARK: A seeker's sharing

    func sharingPage(_ req: Request) async throws -> Page {
        guard let account = req.account else { throw Abort(.notFound) }
        let grants = try await req.centre.grants(of: account), views = try await req.centre.views(of: account)
        let coaches = try await req.centre.coaches()
        let chrome = req.chrome(.sharing)
        return Page(html: Layout.page("Sharing with a coach", chrome: chrome, [
            .h1("Sharing with a coach"),
            .p("A coach sees only what you choose, and you can stop at any time. Your journal, mood and anything about your wellbeing are never shared."),
            .div(
                .class("card"),
                .h2("Share with a coach"),
                Tag.element("form", [("method", "post"), ("action", "/sharing")], [
                    Field.csrf(chrome.csrf),
                    Field.text("coach", "Coach's e-mail", value: "", .init(
                        hint: coaches.isEmpty
                            ? "Your centre has no coaches with an account yet. Ask the centre which address to use."
                            : "Type a name or an address; the coaches here are listed below.",
                        required: true, type: "email", extra: [("list", "centre-coaches"), ("autocomplete", "off")])),
                    Tag.element("datalist", [("id", "centre-coaches")], coaches.map { coach in
                        Tag.element("option", [("value", coach.email)], [.txt(coach.name)])
                    }),
                    Tag.element("fieldset", [], [
                        Tag.element("legend", [], [.text("What they may see")]),
                    ] + SharingScope.allCases.map { scope in
                        Tag.element("label", [], [
                            Tag.void("input", [("type", "checkbox"), ("name", "scope[]"), ("value", scope.rawValue)]),
                            .text(" " + scope.rawValue.capitalized),
                        ])
                    }),
                    .button(.type(.submit), .text("Share")),
                ])
            ),
            .unwrap(coaches.isEmpty ? nil : coaches) { coaches in
                .details(
                    .summary("The coaches at your centre (\(coaches.count))"),
                    .ul(.forEach(coaches) { .li(.txt("\($0.name) <\($0.email)>")) }))
            },
            .h2("What you share"),
            grants.isEmpty
                ? .p(.class("muted"), .text("Nothing yet."))
                : .ul(.forEach(grants) { grant in
                    .li(.txt("\(grant.coach.name) <\(grant.coach.email)> sees your \(grant.scopes.map(\.rawValue).joined(separator: ", ")). "),
                        Tag.element("form", [("method", "post"), ("action", "/sharing/revoke"), ("class", "inline")], [
                            Field.csrf(chrome.csrf), Field.hidden("coach", grant.coach.email),
                            .button(.class("quiet"), .type(.submit), .text("Stop sharing")),
                        ]))
                }),
            .h2("The centre's anonymous figures"),
            .p(.text(account.statisticsOptIn
                     ? "You are counted in the centre's anonymous figures: counts only (how far applications get, which sources work, skills asked for, feedback themes), never your name, companies or words, and never a figure fewer than five people share."
                     : "You can let the centre count your search in its anonymous figures: counts only, never your name, companies or words, and never a figure fewer than five people share.")),
            Tag.element("form", [("method", "post"), ("action", "/sharing/statistics")], [
                Field.csrf(chrome.csrf), Field.hidden("on", account.statisticsOptIn ? "no" : "yes"),
                .button(.class("secondary"), .type(.submit), .text(account.statisticsOptIn ? "Stop counting me" : "Count me in")),
            ]),
            .h2("When coaches looked"),
            views.isEmpty
                ? .p(.class("muted"), .text("No coach has looked yet."))
                : .ul(.forEach(views.prefix(50)) { view in
                    .li(.txt("\(view.sentence) on \(Day(view.viewedAt, in: req.clock.timeZone).readable) at \(Self.time(view.viewedAt, req.clock.timeZone))"))
                }),
        ]))
    }

    static func time(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    func share(_ req: Request) async throws -> Response {
        guard let account = req.account else { throw Abort(.notFound) }
        struct Form: Content { var coach: String?; var scope: [String]? }
        let form = try req.content.decode(Form.self)
        do {
            let scopes = try (form.scope ?? []).map { raw in
                guard let scope = SharingScope(rawValue: raw) else { throw CentreError.badScope(raw) }
                return scope
            }
            let grant = try await req.centre.share(account, withCoach: form.coach ?? "", scopes: scopes)
            req.flash("\(grant.coach.name) can now see your \(grant.scopes.map(\.rawValue).joined(separator: ", ")).")
        } catch let error as any LocalizedError {
            req.flashProblem((error as? ValidationErrors)?.errors.first?.message ?? error.errorDescription ?? "That didn't work. Nothing was shared.")
        }
        return req.redirect(to: "/sharing")
    }

    func revoke(_ req: Request) async throws -> Response {
        guard let account = req.account else { throw Abort(.notFound) }
        struct Form: Content { var coach: String? }
        let coach = try req.content.decode(Form.self).coach ?? ""
        if (try? await req.centre.stopSharing(account, withCoach: coach)) == true {
            req.flash("Stopped sharing with \(coach). They see nothing of yours from now on.")
        }
        return req.redirect(to: "/sharing")
    }

    func statistics(_ req: Request) async throws -> Response {
        guard let account = req.account else { throw Abort(.notFound) }
        struct Form: Content { var on: String? }
        let on = try req.content.decode(Form.self).on == "yes"
        try await req.centre.setStatisticsOptIn(account, on)
        req.flash(on ? "Thank you: your search now counts in the centre's anonymous figures." : "You are no longer counted in the centre's figures.")
        return req.redirect(to: "/sharing")
    }

    // MARK: Coaches and admins

    static func centrePage(_ req: Request, _ title: String, _ content: [BodyNode], status: HTTPResponseStatus = .ok) -> Page {
        var chrome = req.chrome(.other)
        chrome.signedIn = false
        return Page(html: Layout.page(title, chrome: chrome, content + [
            .p(.a(.href("/account"), .text("Your account"))),
            PostForm.make(SiteURL.logout, csrf: chrome.csrf, .button(.class("quiet"), .type(.submit), .text("Sign out"))),
        ]), status: status)
    }

    func caseload(_ req: Request) async throws -> Page {
        guard let coach = req.account, coach.role == .coach else { throw Abort(.notFound) }
        let entries = try await req.centre.caseloadSummary(of: coach)
        return Self.centrePage(req, "Your caseload", [
            .h1("People who share with you"),
            .if(entries.isEmpty,
                .p(.text("No one shares with you yet. A person shares from their Sharing page, or with "), .code("nextyes sharing grant"), .text("."))),
            .forEach(entries) { entry in
                let grant = entry.grant
                return .div(
                    .class("card"),
                    .h2(.txt(grant.seeker.name)),
                    .p(.forEach(grant.scopes) { scope in .group(.a(.href("/coach/\(grant.seeker.id)/\(scope.rawValue)"), .txt(scope.rawValue.capitalized)), .text(" ")) }),
                    .unwrap(entry.week) { week in
                        .p(.txt("This week: \(week.applications) application\(week.applications == 1 ? "" : "s") sent"
                                 + (week.targets.map { " of \($0.applications) planned" } ?? "")
                                 + ", \(week.conversations) conversation\(week.conversations == 1 ? "" : "s")."))
                    },
                    .unwrap(entry.lastActivity) { .p(.class("muted"), .txt("Last activity: \($0.readable)")) },
                    .if(!entry.recentNos.isEmpty, .group(
                        .h3("Recent no's"),
                        .ul(.forEach(entry.recentNos) { .li(.txt($0)) })
                    )),
                    .if(!entry.themes.isEmpty, .p(.txt("Feedback keeps mentioning: " + entry.themes.joined(separator: ", ") + ".")))
                )
            },
            .p(.class("muted"), .text("Each person sees when you looked at what they shared.")),
        ])
    }

    func coachView(_ req: Request) async throws -> Page {
        guard let coach = req.account, coach.role == .coach,
              let seekerID = req.parameters.get("seeker"), let scope = req.parameters.get("scope").flatMap(SharingScope.init(rawValue:)) else {
            throw Abort(.notFound)
        }
        let seen: (seeker: Account, value: (page: SharedPage, goals: [PlanGoal], notes: [Int: [CoachNote]]))
        do {
            seen = try await req.centre.asCoach(coach, viewing: seekerID, scope: scope) { workspace in
                let page = try await workspace.shared(scope)
                guard scope == .plan else { return (page, [], [:]) }
                return (page, try await workspace.plan.goals().filter { $0.status == .active }, try await workspace.plan.coachNotes())
            }
        } catch is CentreError {
            throw Abort(.notFound, reason: "There is nothing for you at this address.")
        }
        let csrf = CSRF.token(for: req)
        return Self.centrePage(req, "\(seen.seeker.name): \(seen.value.page.title)", [
            .p(.a(.href("/coach"), .text("← Your caseload"))),
            .h1(.txt("\(seen.seeker.name): \(seen.value.page.title)")),
            .p(.class("lead"), .txt("What \(seen.seeker.name) shares with you, as NextYes shows it to them (so \"you\" below means \(seen.seeker.name)).")),
            .div(.class("shared"), MarkdownView.render(seen.value.page.markdown)),
            .forEach(seen.value.goals) { goal in
                .div(
                    .class("card"),
                    .h3(.txt(goal.title)),
                    .unwrap(seen.value.notes[goal.id]) { CoachNotesView.list($0) },
                    Tag.element("form", [("method", "post"), ("action", "/coach/\(seekerID)/plan/\(goal.id)/notes")], [
                        Field.csrf(csrf),
                        Field.textarea("note-\(goal.id)", "A note \(seen.seeker.name) will see under this goal", value: "",
                                       .init(extra: [("rows", "2"), ("maxlength", "2000")], name: "note")),
                        .button(.class("secondary"), .type(.submit), .text("Leave the note")),
                    ])
                )
            },
        ])
    }

    func addNote(_ req: Request) async throws -> Response {
        guard let coach = req.account, coach.role == .coach, let seekerID = req.parameters.get("seeker"),
              let goalID = req.parameters.get("goal").flatMap(Int.init) else { throw Abort(.notFound) }
        struct Form: Content { var note: String? }
        let text = try req.content.decode(Form.self).note ?? ""
        do {
            _ = try await req.centre.asCoach(coach, viewing: seekerID, scope: .plan, writes: true) { workspace in
                try await workspace.plan.addCoachNote(goalID: goalID, coach: coach, text: text)
            }
        } catch is CentreError {
            throw Abort(.notFound, reason: "There is nothing for you at this address.")
        } catch let error as ValidationErrors {
            throw Abort(.badRequest, reason: error.errors.first?.message ?? "Write the note first.")
        }
        return req.redirect(to: "/coach/\(seekerID)/plan")
    }

    func cohort(_ req: Request) async throws -> Page {
        guard let admin = req.account, admin.role == .admin else { throw Abort(.notFound) }
        let report = try await req.centre.cohort(for: admin)
        func table(_ title: String, _ headings: [String], _ rows: [CohortReport.Row], _ cells: (CohortReport.Row) -> [String]) -> BodyNode {
            .section(
                .h2(.txt(title)),
                rows.isEmpty ? .p(.class("muted"), .text("Not enough people for this yet.")) : .table(
                    .thead(.tr(.forEach(headings) { .th(.txt($0)) })),
                    .tbody(.forEach(rows) { row in .tr(.forEach(cells(row)) { .td(.txt($0)) }) })
                )
            )
        }
        return Self.centrePage(req, "Cohort", [
            .p(.a(.href("/admin"), .text("← Accounts"))),
            .h1("The cohort, anonymously"),
            .p(.txt("\(report.people) \(report.people == 1 ? "person has" : "people have") opted in. Every figure counts people; a row fewer than \(CohortReport.minimumPeople) people share is withheld\(report.withheld > 0 ? " (\(report.withheld) withheld here)" : "").")),
            .if(!report.enough, .div(.class("card calm"), .p(.txt("Figures appear once at least \(CohortReport.minimumPeople) people have opted in.")))),
            .if(report.enough, .group(
                table("How far applications get", ["Stage", "Applications", "People"], report.funnel) { [$0.label, String($0.value), String($0.people)] },
                table("Where the no's come", ["Where", "No's", "People"], report.cuts) { [$0.label, String($0.value), String($0.people)] },
                table("Which sources work", ["Source", "Applications", "Reached an interview", "People"], report.sources) { row in
                    let interviews = row.other ?? 0
                    let percent = row.value > 0 ? Int((Double(interviews) / Double(row.value) * 100).rounded()) : 0
                    return [row.label, String(row.value), "\(interviews) (\(percent)%)", String(row.people)]
                },
                table("Skills the postings ask for, and who reports them", ["Skill", "People whose postings ask for it", "Of them, report it"], report.skills) {
                    [$0.label, String($0.value), String($0.other ?? 0)]
                },
                table("Feedback themes that keep coming back", ["Theme", "People"], report.themes) { [$0.label, String($0.value)] }
            )),
        ])
    }

    func admin(_ req: Request) async throws -> Page {
        guard let admin = req.account, admin.role == .admin else { throw Abort(.notFound) }
        return try await adminPage(req, admin)
    }

    /// The accounts, a form to add one, and for each: disable or enable, and a new sign-in link.
    /// A new link is shown once, on the page that made it, and never stored.
    func adminPage(_ req: Request, _ admin: Account, made: (account: Account, link: String, added: Bool)? = nil,
                   problem: String? = nil, form: AccountForm = AccountForm(), status: HTTPResponseStatus = .ok) async throws -> Page {
        let accounts = try await req.centre.accounts()
        let locked = try await req.centre.lockedAddresses(by: admin)
        let csrf = CSRF.token(for: req)
        func action(_ path: String, _ email: String, _ label: String) -> BodyNode {
            Tag.element("form", [("method", "post"), ("action", path), ("class", "inline")], [
                Field.csrf(csrf), Field.hidden("email", email), .button(.class("quiet"), .type(.submit), .text(label)),
            ])
        }
        return Self.centrePage(req, "Accounts", [
            .h1("Accounts"),
            .p(.a(.href("/admin/cohort"), .text("See the cohort's anonymous figures"))),
            .unwrap(made) { made in
                .div(.class("card"), .attr("role", "status"),
                     .h2(.txt(made.added ? "\(made.account.name) is added" : "A new sign-in link for \(made.account.name)")),
                     .p(.txt("Give \(made.account.name) this one-time link to choose a password. It works once, for 7 days, and is shown only now:")),
                     .p(.code(.id("new-link"), .txt(made.link))),
                     .if(!made.added, .p(.class("muted"), .text("Any earlier link for this person has stopped working."))))
            },
            .div(
                .class("card"),
                .h2("Add someone"),
                .unwrap(problem) { .p(.class("problem"), .attr("role", "alert"), .txt($0)) },
                Tag.element("form", [("method", "post"), ("action", "/admin/accounts")], [
                    Field.csrf(csrf),
                    Field.text("email", "E-mail", value: form.email ?? "", .init(required: true, type: "email")),
                    Field.text("name", "Name, as coaches and admins will see it", value: form.name ?? "", .init(required: true)),
                    Field.select("role", "Role", choices: [("seeker", "Job seeker"), ("coach", "Coach"), ("admin", "Admin")],
                                 selected: form.role ?? "seeker"),
                    .button(.type(.submit), .text("Add and make a sign-in link")),
                ])
            ),
            .table(
                .thead(.tr(.th("Name"), .th("E-mail"), .th("Role"), .th("State"), .th("Actions"))),
                .tbody(.forEach(accounts) { account in
                    .tr(.td(.txt(account.name)), .td(.txt(account.email)), .td(.txt(account.role.rawValue)),
                        .td(.txt(account.disabled ? "disabled" : (account.hasPassword ? "active" : "invited")),
                            .unwrap(locked[account.email]) { until in
                                .group(.br(), .span(.class("problem"), .txt("locked until \(Self.time(until, req.clock.timeZone)) after wrong passwords")))
                            }),
                        .td(account.disabled
                            ? action("/admin/accounts/enable", account.email, "Enable")
                            : .group(.if(locked[account.email] != nil, action("/admin/accounts/unlock", account.email, "Unlock")),
                                     action("/admin/accounts/link", account.email, account.hasPassword ? "New sign-in link" : "New invitation link"),
                                     .if(account.id != admin.id, action("/admin/accounts/disable", account.email, "Disable"))),
                        .a(.class("quiet"), .href("/admin/accounts/edit?email=" + (account.email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")),
                           .text("Edit…")),
                        .if(account.id != admin.id, .a(.class("quiet"), .href("/admin/accounts/delete?email=" + (account.email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")),
                                                       .text("Delete…")))))
                })
            ),
            .p(.class("muted"), .text("An address is locked for \(Int(Centre.lockDuration / 60)) minutes after \(Centre.failuresPerAddress) wrong passwords; Unlock, or a new sign-in link, ends it at once.")),
            .p(.class("muted"), .text("The same from the server's command line: "), .code("nextyes accounts add|list|edit|disable|enable|unlock|reset-link|delete"), .text(".")),
        ], status: status)
    }

    struct AccountForm: Content { var email: String?; var name: String?; var role: String? }

    /// The address people open for a link: the centre's own (NEXTYES_SITE_URL), else this request's.
    static func link(_ req: Request, _ token: String) -> String {
        let site = ProcessInfo.processInfo.environment["NEXTYES_SITE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "http://" + (req.headers.first(name: .host) ?? "127.0.0.1")
        return (site.hasSuffix("/") ? String(site.dropLast()) : site) + "/link/" + token
    }

    func addAccount(_ req: Request) async throws -> Response {
        guard let admin = req.account, admin.role == .admin else { throw Abort(.notFound) }
        let form = try req.content.decode(AccountForm.self)
        do {
            try req.centre.requireAdmin(admin)
            let role = try Centre.role(form.role ?? "seeker")
            let made = try await req.centre.addAccount(email: form.email ?? "", name: form.name ?? "", role: role, password: nil)
            return try await adminPage(req, admin, made: (made.account, Self.link(req, made.linkToken ?? ""), true)).encodeResponse(for: req)
        } catch let error as any LocalizedError {
            let message = (error as? ValidationErrors)?.errors.first?.message ?? error.errorDescription ?? "That didn't work. No account was added."
            return try await adminPage(req, admin, problem: message + " No account was added.", form: form, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func disableAccount(_ req: Request) async throws -> Response { try await setDisabled(req, true) }
    func enableAccount(_ req: Request) async throws -> Response { try await setDisabled(req, false) }

    private func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        guard let admin = req.account, admin.role == .admin else { throw Abort(.notFound) }
        struct Form: Content { var email: String? }
        let email = try req.content.decode(Form.self).email ?? ""
        do {
            let account = try await req.centre.setDisabled(email: email, disabled, by: admin)
            req.flash(disabled ? "\(account.name) is disabled: signed out everywhere, data kept. Enable them to let them back in."
                               : "\(account.name) is enabled again.\(account.hasPassword ? "" : " They still need a sign-in link.")")
        } catch let error as any LocalizedError {
            req.flashProblem(((error as? ValidationErrors)?.errors.first?.message ?? error.errorDescription ?? "That didn't work.") + " Nothing was changed.")
        }
        return req.redirect(to: "/admin")
    }

    func unlockAccount(_ req: Request) async throws -> Response {
        guard let admin = req.account, admin.role == .admin else { throw Abort(.notFound) }
        struct Form: Content { var email: String? }
        let email = try req.content.decode(Form.self).email ?? ""
        do {
            let wasLocked = try await req.centre.unlock(email: email, by: admin)
            req.flash(wasLocked ? "\(email.lowercased()) can sign in again now." : "\(email.lowercased()) wasn't locked.")
        } catch let error as any LocalizedError {
            req.flashProblem((error.errorDescription ?? "That didn't work.") + " Nothing was changed.")
        }
        return req.redirect(to: "/admin")
    }

    func newLink(_ req: Request) async throws -> Response {
        guard let admin = req.account, admin.role == .admin else { throw Abort(.notFound) }
        struct Form: Content { var email: String? }
        let email = try req.content.decode(Form.self).email ?? ""
        do {
            try req.centre.requireAdmin(admin)
            let token = try await req.centre.resetLink(email: email)
            let account = try await req.centre.account(email: email)
            return try await adminPage(req, admin, made: (account, Self.link(req, token), false)).encodeResponse(for: req)
        } catch let error as any LocalizedError {
            req.flashProblem((error.errorDescription ?? "That didn't work.") + " No link was made.")
            return req.redirect(to: "/admin")
        }
    }

    /// Asks before deleting: what goes, what to do instead, and the address typed to confirm.
    static let roleTitles: [(value: String, title: String)] = [("seeker", "Job seeker"), ("coach", "Coach"), ("admin", "Admin")]

    func editAccountPage(_ req: Request) async throws -> Page {
        guard let admin = req.account, admin.role == .admin else { throw Abort(.notFound) }
        let email = (try? req.query.get(String.self, at: "email")) ?? ""
        guard let account = try? await req.centre.account(email: email) else { throw Abort(.notFound) }
        return editAccountView(req, account, admin: admin)
    }

    func editAccountView(_ req: Request, _ account: Account, admin: Account, name: String? = nil, role: String? = nil,
                         problem: String? = nil, status: HTTPResponseStatus = .ok) -> Page {
        let csrf = CSRF.token(for: req)
        return Self.centrePage(req, "Edit an account", [
            .h1(.txt("Edit \(account.name)'s account")),
            .div(
                .class("card"),
                .unwrap(problem) { .p(.class("problem"), .attr("role", "alert"), .txt($0)) },
                Tag.element("form", [("method", "post"), ("action", "/admin/accounts/edit")], [
                    Field.csrf(csrf), Field.hidden("email", account.email),
                    Field.text("name", "Name, as coaches and admins will see it", value: name ?? account.name, .init(required: true)),
                    account.id == admin.id
                        ? .p(.class("muted"), .text("You can't change your own role; another admin can."))
                        : Field.select("role", "Role", choices: Self.roleTitles, selected: role ?? account.role.rawValue, .init(
                            hint: account.role == .seeker
                                ? "A new role signs them out and ends what they share. Their NextYes is kept, unseen, and is theirs again if they become a job seeker again."
                                : "A new role signs them out and ends what is shared with them.")),
                    .button(.type(.submit), .text("Save")),
                ]),
                .p(.a(.href("/admin"), .text("Back to the accounts"))),
            ),
        ], status: status)
    }

    func editAccount(_ req: Request) async throws -> Response {
        guard let admin = req.account, admin.role == .admin else { throw Abort(.notFound) }
        struct Form: Content { var email: String?; var name: String?; var role: String? }
        let form = try req.content.decode(Form.self)
        guard let account = try? await req.centre.account(email: form.email ?? "") else { throw Abort(.notFound) }
        do {
            let role = try form.role.map(Centre.role)
            let updated = try await req.centre.updateAccount(email: account.email, name: form.name, role: role, by: admin)
            req.flash(updated.role == account.role
                      ? "Saved: \(updated.name)."
                      : "Saved: \(updated.name) is now \(updated.role == .admin ? "an" : "a") \(updated.role.rawValue), and signed out everywhere.")
            return req.redirect(to: "/admin")
        } catch let error as any LocalizedError {
            let message = (error as? ValidationErrors)?.errors.first?.message ?? error.errorDescription ?? "That didn't work."
            return try await editAccountView(req, account, admin: admin, name: form.name, role: form.role,
                                             problem: message + " Nothing was changed.", status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func deleteAccountPage(_ req: Request) async throws -> Page {
        guard let admin = req.account, admin.role == .admin else { throw Abort(.notFound) }
        let email = (try? req.query.get(String.self, at: "email")) ?? ""
        guard let account = try? await req.centre.account(email: email), account.id != admin.id else { throw Abort(.notFound) }
        return deleteAccountView(req, account)
    }

    func deleteAccountView(_ req: Request, _ account: Account, problem: String? = nil, status: HTTPResponseStatus = .ok) -> Page {
        let csrf = CSRF.token(for: req)
        let what = account.role == .seeker
            ? "This deletes \(account.name)'s account and their whole NextYes at this centre for good: applications, rejections, journal, plan and everything else. It can't be undone."
            : "This deletes \(account.name)'s account (\(account.role.rawValue)) for good, with everything shared with them. It can't be undone."
        return Self.centrePage(req, "Delete an account", [
            .h1(.txt("Delete \(account.name)'s account?")),
            .div(
                .class("card"),
                .p(.txt(what)),
                .if(account.role == .seeker, .p(.text("To keep their data, disable the account instead: they can't sign in, and nothing is lost. They can save a copy of their NextYes first from their Export page."))),
                .unwrap(problem) { .p(.class("problem"), .attr("role", "alert"), .txt($0)) },
                Tag.element("form", [("method", "post"), ("action", "/admin/accounts/delete")], [
                    Field.csrf(csrf), Field.hidden("email", account.email),
                    Field.text("confirm", "Type their e-mail address, \(account.email), to confirm", value: "", .init(required: true, extra: [("autocomplete", "off")])),
                    .button(.class("danger"), .type(.submit), .text("Delete the account for good")),
                ]),
                .p(.a(.href("/admin"), .text("Keep it and go back"))),
            ),
        ], status: status)
    }

    func deleteAccount(_ req: Request) async throws -> Response {
        guard let admin = req.account, admin.role == .admin else { throw Abort(.notFound) }
        struct Form: Content { var email: String?; var confirm: String? }
        let form = try req.content.decode(Form.self)
        guard let account = try? await req.centre.account(email: form.email ?? ""), account.id != admin.id else { throw Abort(.notFound) }
        guard form.confirm?.trimmingCharacters(in: .whitespaces).lowercased() == account.email else {
            return try await deleteAccountView(req, account, problem: "The address typed doesn't match \(account.email). Nothing was deleted.",
                                               status: .unprocessableEntity).encodeResponse(for: req)
        }
        do {
            try await req.centre.deleteAccount(email: account.email, by: admin)
            req.flash("\(account.name)'s account is deleted\(account.role == .seeker ? ", with their NextYes" : "").")
        } catch let error as any LocalizedError {
            req.flashProblem(((error as? ValidationErrors)?.errors.first?.message ?? error.errorDescription ?? "That didn't work.") + " Nothing was deleted.")
        }
        return req.redirect(to: "/admin")
    }

    // MARK: Everyone's own account
    // MARK: Everyone's own account

    func accountPage(_ req: Request) async throws -> Page {
        guard let account = req.account else { throw Abort(.notFound) }
        return accountView(req, account)
    }

    func accountView(_ req: Request, _ account: Account, problem: String? = nil, deleteProblem: String? = nil,
                     status: HTTPResponseStatus = .ok) -> Page {
        var chrome = req.chrome(.other)
        chrome.signedIn = account.role == .seeker
        let roles: [AccountRole: String] = [.seeker: "job seeker", .coach: "coach", .admin: "admin"]
        let content: [BodyNode] = [
            .h1("Your account"),
            .p(.txt("\(account.name), \(account.email): \(roles[account.role] ?? account.role.rawValue) at this career centre.")),
            .div(
                .class("card"),
                .h2("Change your password"),
                .unwrap(problem) { .p(.class("problem"), .attr("role", "alert"), .txt($0)) },
                Tag.element("form", [("method", "post"), ("action", "/account/password")], [
                    Field.csrf(chrome.csrf),
                    Field.text("current", "Current password", value: "", .init(required: true, type: "password", extra: [("autocomplete", "current-password")])),
                    Field.text("password", "New password", value: "", .init(hint: "At least 10 characters.", required: true, type: "password",
                                                                              extra: [("autocomplete", "new-password"), ("minlength", "10")])),
                    .button(.type(.submit), .text("Change password")),
                ])
            ),
            .p(.class("muted"), .text("Forgotten it? Ask your centre's admin for a sign-in link.")),
            .if(account.role != .admin, .div(
                .class("card"),
                .h2("Delete your account"),
                .p(.txt(account.role == .seeker
                        ? "This deletes your account and your whole NextYes here for good: applications, rejections, journal, plan and everything else, and what you shared with coaches. It can't be undone."
                        : "This deletes your account for good, with everything people shared with you. It can't be undone.")),
                .if(account.role == .seeker, .p(.a(.href(SiteURL.exportFile(.value("json")).path()), .text("Download a copy of your NextYes first")),
                                                 .text(": you can take it into a personal NextYes on your own machine."))),
                .unwrap(deleteProblem) { .p(.class("problem"), .attr("role", "alert"), .txt($0)) },
                Tag.element("form", [("method", "post"), ("action", "/account/delete")], [
                    Field.csrf(chrome.csrf),
                    Field.text("password", "Your password, to confirm", value: "", .init(required: true, type: "password", extra: [("autocomplete", "current-password")])),
                    .button(.class("danger"), .type(.submit), .text("Delete my account and everything in it")),
                ])
            )),
            .p(.a(.href(CentreAccessMiddleware.home(account)), .text("Back"))),
        ]
        if account.role == .seeker { return Page(html: Layout.page("Your account", chrome: chrome, content), status: status) }
        return Page(html: Layout.page("Your account", chrome: chrome, content + [
            PostForm.make(SiteURL.logout, csrf: chrome.csrf, .button(.class("quiet"), .type(.submit), .text("Sign out"))),
        ]), status: status)
    }

    func deleteOwnAccount(_ req: Request) async throws -> Response {
        guard let account = req.account else { throw Abort(.notFound) }
        struct Form: Content { var password: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await req.centre.deleteOwnAccount(account, password: form.password ?? "")
            req.session.destroy()
            return req.redirect(to: SiteURL.login.path([("deleted", "1")]))
        } catch let error as any LocalizedError {
            let message = (error as? ValidationErrors)?.errors.first?.message ?? error.errorDescription ?? "That didn't work. Nothing was deleted."
            let status: HTTPResponseStatus = (error as? CentreError) == .tooManyTries ? .tooManyRequests : .unprocessableEntity
            return try await accountView(req, account, deleteProblem: message, status: status).encodeResponse(for: req)
        }
    }

    func changePassword(_ req: Request) async throws -> Response {
        guard let account = req.account else { throw Abort(.notFound) }
        struct Form: Content { var current: String?; var password: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await req.centre.changePassword(account, current: form.current ?? "", new: form.password ?? "",
                                                keeping: req.session.id.map { DatabaseSessions.hash($0) })
            req.flash("Your password is changed, and you are signed out everywhere else. Use the new one next time you sign in.")
            return req.redirect(to: "/account")
        } catch let error as any LocalizedError {
            let message = (error as? ValidationErrors)?.errors.first?.message ?? error.errorDescription ?? "That didn't work. Nothing was changed."
            let status: HTTPResponseStatus = (error as? CentreError) == .tooManyTries ? .tooManyRequests : .unprocessableEntity
            return try await accountView(req, account, problem: message, status: status).encodeResponse(for: req)
        }
    }
}
