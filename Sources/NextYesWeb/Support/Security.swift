import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights
import NextYesAPI
import Vapor

/// Cross-site request forgery protection: every form carries a per-session secret that a page
/// on another site cannot read, and every POST must send it back.
enum CSRF {
    static let fieldName = "_csrf"
    static let sessionKey = "csrf"

    /// The session's token, created on first use.
    static func token(for request: Request) -> String {
        if let existing = request.session.data[sessionKey] { return existing }
        let token = WebContext.makeToken()
        request.session.data[sessionKey] = token
        return token
    }

    static func isValid(_ request: Request) -> Bool {
        guard let expected = request.session.data[sessionKey] else { return false }
        let sent = (try? request.content.get(String.self, at: fieldName)) ?? request.headers.first(name: "X-CSRF-Token")
        guard let sent else { return false }
        return constantTimeEqual(sent, expected)
    }
}

func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for i in x.indices { difference |= x[i] ^ y[i] }
    return difference == 0
}

/// Lets a browser in only with the login token printed at start, then remembers it in the
/// session; checks the CSRF token on every form submission.
struct AccessMiddleware: AsyncMiddleware {
    static let sessionKey = "signed-in"

    let publicPaths: Set<String>

    init() {
        publicPaths = [SiteURL.login.path(), SiteURL.stylesheet.path(), SiteURL.script.path()]
    }

    /// Forms are small; an uploaded import file may be large.
    static func maxBodySize(for path: String) -> Int {
        path == SiteURL.importFile.path() || path == SiteURL.importBackup.path() || path == SiteURL.mailbox.path() ? 128 << 20 : (path == SiteURL.mail.path() ? 26 << 20 : 2 << 20)
    }

    static let apiPrefix = "/api/"

    /// The calendar feed answers without a session: its address carries its own secret.
    static let feedPrefix = "/" + SiteURL.feed(.key).pathComponents[0].description + "/"

    /// Whether the request comes from a signed-in browser, without creating a session for anyone
    /// else (sessions exist only for signed-in people).
    static func isSignedIn(_ request: Request) -> Bool {
        request.hasSession && request.session.data[sessionKey] == "yes"
            && request.session.data[linkKey] == linkFingerprint(request.application.nextyes.loginToken)
    }

    /// Each sign-in is tied to the login link of the running server, so a restart (which prints a
    /// new link) ends every earlier session.
    static let linkKey = "link"

    static func linkFingerprint(_ token: String) -> String {
        Fast.hex(SHA256.hash(data: Data(token.utf8)).prefix(8))
    }

    /// Drops a session that isn't signed in (a stale or planted cookie), so none is stored.
    static func forgetAnonymousSession(_ request: Request) {
        if request.hasSession && !isSignedIn(request) { request.session.destroy() }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        // The JSON API checks its own bearer tokens; a browser session never opens it.
        if path.hasPrefix(Self.apiPrefix) { return try await next.respond(to: request) }
        if publicPaths.contains(path) || path.hasPrefix(Self.feedPrefix) {
            let response = try await next.respond(to: request)
            Self.forgetAnonymousSession(request)
            return response
        }
        if let token = try? request.query.get(String.self, at: "token") {
            guard constantTimeEqual(token, request.application.nextyes.loginToken) else {
                Self.forgetAnonymousSession(request)
                return try await LoginHelp.page(reason: .wrongToken, host: request.headers.first(name: .host)).encodeResponse(for: request)
            }
            // A new session id at every sign-in: an id planted before (cookies are not separated
            // by port on 127.0.0.1) is dropped, never signed in.
            if request.hasSession, let old = request.session.id {
                try await request.application.sessions.driver.deleteSession(old, for: request).get()
            }
            request.session.id = nil
            request.session.data = SessionData()
            request.session.data[Self.sessionKey] = "yes"
            request.session.data[Self.linkKey] = Self.linkFingerprint(request.application.nextyes.loginToken)
            // Drop the token from the address bar and history.
            return request.redirect(to: path.isEmpty ? "/" : path, redirectType: .normal)
        }
        guard Self.isSignedIn(request) else {
            Self.forgetAnonymousSession(request)
            return try await LoginHelp.page(reason: .noSession, host: request.headers.first(name: .host)).encodeResponse(for: request)
        }
        if request.method == .POST {
            // Read the form now (routes would collect it later anyway) so its token can be checked.
            _ = try await request.body.collect(max: Self.maxBodySize(for: path)).get()
        }
        if request.method == .POST, !CSRF.isValid(request) {
            return try await ErrorPage.page(
                status: .forbidden, title: "This form has expired",
                message: "The form was opened before NextYes restarted, or in another browser session. Go back, reload the page and send it again. Nothing was saved.",
                chrome: PageChrome(csrf: CSRF.token(for: request), flash: nil, section: .other)
            ).encodeResponse(for: request)
        }
        return try await next.respond(to: request)
    }
}

/// Everywhere a person writes on the web, words of crisis meet support first: every form sent is
/// read (the whole form, so no field can be forgotten), and when any of it carries crisis language
/// the next page shows the support card before anything else. The words are saved as written by
/// the route itself; nothing is blocked, changed or sent anywhere.
struct CareMiddleware: AsyncMiddleware {
    static let sessionKey = "support-card"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST, request.headers.contentType == .urlEncodedForm,
           let body = request.body.data, body.readableBytes > 0 {
            let texts = Self.formValues(String(buffer: body))
            if let card = await request.care.noticed(in: texts) {
                request.session.data[Self.sessionKey] = String(decoding: try JSONEncoder().encode(card), as: UTF8.self)
            }
        }
        return try await next.respond(to: request)
    }

    /// The values of an URL-encoded form, decoded.
    static func formValues(_ body: String) -> [String?] {
        body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] != CSRF.fieldName else { return nil }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
    }

    /// The card waiting for the next page, taken once.
    static func takeCard(from request: Request) -> SupportCard? {
        guard let json = request.session.data[sessionKey] else { return nil }
        request.session.data[sessionKey] = nil
        return try? JSONDecoder().decode(SupportCard.self, from: Data(json.utf8))
    }
}

/// Headers that keep the pages to themselves: no script or style from anywhere else and none
/// inline, no framing, no guessing of content types, no referrer leaking an address. And the
/// Host check that protects a local server from DNS rebinding: a page on another site that
/// resolves its own name to 127.0.0.1 still sends its own name as Host, and is refused.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        if let allowed = request.application.nextyes.allowedHosts,
           !allowed.contains((request.headers.first(name: .host) ?? "").lowercased()) {
            response = Response(status: .misdirectedRequest, body: .init(string: "This NextYes server answers only at its own address (\(allowed.sorted().first ?? "127.0.0.1")). Open the link it printed when it started.\n"))
            response.headers.contentType = .plainText
        } else {
            response = try await next.respond(to: request)
        }
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        return response
    }
}

/// Every form carries a one-time token (see `Field.csrf`). The first time a token arrives, the
/// form is handled; if it ends in a redirect (post-redirect-get), the address is remembered, and
/// the same token sent again (a double click, Back and resend, a replay) is answered with that
/// same redirect: the first result, nothing done twice. A second copy arriving while the first is
/// still being handled waits for it.
struct OnceMiddleware: AsyncMiddleware {
    static let fieldName = "_once"
    static let results = OnceResults()

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, request.headers.contentType == .urlEncodedForm,
              let body = request.body.data, let token = Self.token(in: String(buffer: body)) else {
            return try await next.respond(to: request)
        }
        if let location = await Self.results.begin(token) {
            return request.redirect(to: location)
        }
        do {
            let response = try await next.respond(to: request)
            let redirected = [.seeOther, .found, .movedPermanently].contains(response.status)
            await Self.results.finish(token, location: redirected ? response.headers.first(name: .location) : nil)
            return response
        } catch {
            await Self.results.finish(token, location: nil)
            throw error
        }
    }

    static func token(in body: String) -> String? {
        for pair in body.split(separator: "&") where pair.hasPrefix(fieldName + "=") {
            let value = pair.dropFirst(fieldName.count + 1)
            return value.count == 64 && value.allSatisfy(\.isHexDigit) ? String(value) : nil
        }
        return nil
    }
}

/// Results of one-time form tokens, kept for an hour (at most a few thousand).
actor OnceResults {
    private enum State { case running, done(String, Date) }
    private var states: [String: State] = [:]

    /// The remembered redirect for a token already handled; nil when this request is the first.
    func begin(_ token: String) async -> String? {
        for _ in 0..<200 {
            switch states[token] {
            case nil:
                states[token] = .running
                return nil
            case .done(let location, _):
                return location
            case .running:
                try? await Task.sleep(nanoseconds: 50_000_000)
            }
        }
        return nil
    }

    func finish(_ token: String, location: String?) {
        guard let location else {
            states[token] = nil
            return
        }
        states[token] = .done(location, Date())
        if states.count > 5000 {
            let cutoff = Date().addingTimeInterval(-3600)
            states = states.filter { if case .done(_, let at) = $0.value { at > cutoff } else { true } }
        }
    }
}

/// Renders errors as pages a person can act on, in the app's own style.
struct ErrorPageMiddleware: AsyncMiddleware {
    /// The HTTP status of each kind of problem, decided once.
    static func status(_ category: ErrorCategory) -> HTTPResponseStatus {
        switch category {
        case .notFound: .notFound
        case .invalid: .badRequest
        case .conflict: .conflict
        case .forbidden: .forbidden
        case .unavailable: .serviceUnavailable
        }
    }

    /// The status and the words for an error: the category decides the status; a few errors get
    /// words that point to the page where the person can find what they looked for.
    static func describe(_ error: any Error, _ request: Request) -> (HTTPResponseStatus, String) {
        if let abort = error as? any AbortError {
            if abort.status == .notFound && abort.reason == HTTPResponseStatus.notFound.reasonPhrase {
                return (.notFound, "There's no page at this address. The links at the top of the page lead to everything in NextYes.")
            }
            if abort.status == .payloadTooLarge {
                return (abort.status, "That is more than NextYes takes in one form (about 2 MB). Shorten the longest text, such as a pasted resume or job description, and send it again.")
            }
            return (abort.status, abort.reason)
        }
        if StoreError.isBusy(error) {
            return (status(.unavailable), (StoreError.databaseBusy.errorDescription ?? "")
                + (request.method == .POST ? " Go back: your browser keeps what you typed, so you can send it again in a moment." : ""))
        }
        guard let categorized = error as? any CategorizedError else {
            request.logger.report(error: error)
            return (.internalServerError, "Something went wrong on NextYes's side. Your saved data is safe; try again, and if it keeps happening, restart nextyes serve.")
        }
        let words: String
        switch error {
        case CoreError.applicationNotFound(let id):
            words = "There's no application with id \(id); it may have been deleted. The Applications page lists the ones you have."
        case ContactError.notFound(let id):
            words = "There's no contact with id \(id); it may have been deleted. The Contacts page lists the people you've added."
        case MomentumError.storyNotFound(let id):
            words = "There's no story with id \(id); it may have been deleted. The Practice page lists your stories."
        case MomentumError.roundNotFound:
            words = "That interview round isn't there any more; it may have been removed already."
        case ProfileError.goalNotFound(let id):
            words = "There's no plan goal with id \(id). The Plan page lists your goals."
        default:
            words = (error as? any LocalizedError)?.errorDescription ?? "Something went wrong."
        }
        return (status(categorized.category), words)
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            // The JSON API answers in problem details, never with a page.
            if request.url.path.hasPrefix(AccessMiddleware.apiPrefix) {
                return NextYesAPI.problem(for: error, request: request)
            }
            let (status, message) = Self.describe(error, request)
            let title = status == .notFound ? "Not found" : (status.code < 500 ? "That didn't work" : "Something went wrong")
            let signedIn = request.application.nextyes.isCentre ? request.account?.role == .seeker : AccessMiddleware.isSignedIn(request)
            // Words of crisis meet support even when saving them failed.
            return try await ErrorPage.page(
                status: status, title: title, message: message,
                chrome: PageChrome(csrf: signedIn ? CSRF.token(for: request) : "", flash: nil, section: .other, signedIn: signedIn,
                                   support: signedIn ? CareMiddleware.takeCard(from: request) : nil, centre: request.application.nextyes.isCentre)
            ).encodeResponse(for: request)
        }
    }
}

extension Request {
    /// A message shown once on the next page.
    func flash(_ message: String) {
        session.data["flash"] = message
    }

    /// A problem shown once on the next page (nothing was changed).
    func flashProblem(_ message: String) {
        session.data["flash"] = message
        session.data["flash-problem"] = "1"
    }

    /// The page chrome for this request, taking the pending message and support card.
    func chrome(_ section: Section) -> PageChrome {
        let flash = session.data["flash"], problem = session.data["flash-problem"] != nil
        session.data["flash"] = nil
        session.data["flash-problem"] = nil
        return PageChrome(csrf: CSRF.token(for: self), flash: flash, flashIsProblem: problem, section: section,
                          support: CareMiddleware.takeCard(from: self), centre: application.nextyes.isCentre)
    }
}
