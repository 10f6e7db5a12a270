import Foundation
import NextYesCore
import NextYesFeatures
@_spi(Generated) import OpenAPIRuntime
import Vapor

/// What a call to the API carries down to its handler: the person's workspace and the token.
struct APIContext: Sendable {
    var workspace: Workspace
    var token: APIToken
}

enum APICall {
    /// Set by `APIMiddleware` for the call being answered (a handler runs inside it).
    @TaskLocal static var context: APIContext?
}

/// Calls per token in a minute, counted in memory (a restart starts afresh). Keyed by the token
/// itself: on a career centre, token ids are each person's own and repeat across people.
actor RateLimiter {
    let perMinute: Int
    private var calls: [String: [Date]] = [:]

    init(perMinute: Int) { self.perMinute = perMinute }

    /// Whether the call may go ahead; if not, the seconds until it may.
    func allow(_ token: String, now: Date = Date()) -> Int? {
        var recent = (calls[token] ?? []).filter { now.timeIntervalSince($0) < 60 }
        if recent.count >= perMinute {
            calls[token] = recent
            return max(1, Int((60 - now.timeIntervalSince(recent[0])).rounded(.up)))
        }
        recent.append(now)
        calls[token] = recent
        return nil
    }
}

/// The door of the JSON API under /api/v1: a bearer token made by the person (never a cookie, so
/// no form token is needed), a write scope for anything but reading, a limit of calls per minute,
/// and every problem as RFC 9457 problem details that say what to fix.
public struct APIMiddleware: AsyncMiddleware {
    public static let prefix = "/api/v1/"
    /// Operations sent with POST (they take a body) that change nothing: a read token may call them.
    static let readingPosts: Set<String> = ["/api/v1/skills/extract"]
    let workspace: @Sendable (Request) -> Workspace
    let limiter: RateLimiter

    public init(perMinute: Int = 120, workspace: @escaping @Sendable (Request) -> Workspace) {
        self.workspace = workspace
        limiter = RateLimiter(perMinute: perMinute)
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let secret = request.headers.bearerAuthorization?.token else {
            return Problem(status: .unauthorized, title: "A token is needed",
                           detail: "Send \"Authorization: Bearer <token>\". Make a token with: nextyes api token create --name NAME (or on the Settings page).").response(bearer: true)
        }
        let workspace = workspace(request)
        guard let token = try await workspace.apiTokens.verify(secret) else {
            return Problem(status: .unauthorized, title: "This token doesn't work",
                           detail: "It is unknown or was revoked. See your tokens with: nextyes api token list").response(bearer: true)
        }
        let reads = request.method == .GET || request.method == .HEAD || Self.readingPosts.contains(request.url.path)
        guard token.allows(reads ? .read : .write) else {
            return Problem(status: .forbidden, title: "This token may only read",
                           detail: "Make one that may also write with: nextyes api token create --name NAME --scope write").response()
        }
        if let wait = await limiter.allow(secret) {
            var response = Problem(status: .tooManyRequests, title: "Too many calls",
                                   detail: "This token made \(limiter.perMinute) calls in the last minute. Try again in \(wait) seconds.").response()
            response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return response
        }
        do {
            return try await APICall.$context.withValue(APIContext(workspace: workspace, token: token)) {
                try await next.respond(to: request)
            }
        } catch {
            return Problem(error, request: request).response()
        }
    }
}

/// RFC 9457 problem details.
struct Problem: Error, Encodable {
    struct FieldProblem: Encodable {
        var field: String
        var message: String
    }

    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String?
    var errors: [FieldProblem]?

    init(status: HTTPResponseStatus, title: String, detail: String?, errors: [FieldProblem]? = nil) {
        self.title = title
        self.status = Int(status.code)
        self.detail = detail
        self.errors = errors
    }

    /// The problem an error stands for: what to fix for the person's mistakes, a plain apology
    /// (and the details in the log) for NextYes's own.
    init(_ error: any Error, request: Request) {
        var error = error
        if let server = error as? ServerError { error = server.underlyingError }
        switch error {
        case let problem as Problem:
            self = problem
        case let errors as ValidationErrors:
            self.init(status: .unprocessableEntity, title: "Some fields need a look", detail: errors.errorDescription,
                      errors: errors.errors.map { FieldProblem(field: $0.field, message: $0.message) })
        case let categorized as any CategorizedError:
            // Each kind of problem has one status, as on the web pages.
            let detail = (error as? any LocalizedError)?.errorDescription ?? "That can't be done."
            switch categorized.category {
            case .notFound: self.init(status: .notFound, title: "Not found", detail: detail)
            case .invalid: self.init(status: .unprocessableEntity, title: "That can't be done", detail: detail)
            case .conflict: self.init(status: .conflict, title: "That clashes with what is there", detail: detail)
            case .forbidden: self.init(status: .forbidden, title: "Not allowed", detail: detail)
            case .unavailable: self.init(status: .serviceUnavailable, title: "Busy", detail: detail + " Try again in a moment.")
            }
        case let decoding as DecodingError:
            self.init(status: .badRequest, title: "The request can't be read", detail: Self.describe(decoding))
        case let abort as any AbortError where abort.status.code < 500:
            self.init(status: abort.status, title: abort.status.reasonPhrase, detail: abort.reason)
        case let local as any LocalizedError where local.errorDescription != nil && !(error is any AbortError):
            // The product's own errors (a store limit, a profile rule) say what to do.
            self.init(status: .unprocessableEntity, title: "That can't be done", detail: local.errorDescription)
        default:
            let text = String(describing: error)
            if text.contains("decod") || text.contains("Decod") || text.contains("content type") || text.contains("Unexpected") {
                self.init(status: .badRequest, title: "The request can't be read",
                          detail: "The body or a parameter doesn't match the API document at /api/v1/openapi.json.")
            } else {
                request.logger.error("API: \(text)")
                self.init(status: .internalServerError, title: "Something went wrong on our side",
                          detail: "Nothing was changed by this call. Try again; if it keeps happening, the server's log says more.")
            }
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return names.isEmpty ? "A value in the address or the body" : "\"\(names.joined(separator: "."))\""
        }
        switch error {
        case .keyNotFound(let key, let context):
            return context.codingPath.isEmpty ? "The body needs the field \"\(key.stringValue)\"." : "\(path(context)) needs the field \"\(key.stringValue)\"."
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)) has the wrong type of value (a number where a number is expected, text in quotes). See /api/docs."
        case .dataCorrupted(let context):
            // "Cannot initialize Stage from invalid String value intervew": say it in plain words.
            let text = context.debugDescription
            if let range = text.range(of: "from invalid String value "), let kind = text.range(of: "Cannot initialize ") {
                let type = text[kind.upperBound...].prefix { $0 != " " }
                let value = text[range.upperBound...]
                return "\"\(value)\" is not a \(Self.words(String(type))). See /api/docs for the values it takes."
            }
            return "\(path(context)) can't be read. See /api/docs for what it takes."
        @unknown default: return "The request can't be read as the API document describes it."
        }
    }

    /// "StagePayload" → "stage", "Outcome" → "outcome".
    static func words(_ type: String) -> String {
        var name = type.replacingOccurrences(of: "Payload", with: "")
        if name.hasPrefix("_") { name.removeFirst() }
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty { out += " " }
            out += character.lowercased()
        }
        return out.isEmpty ? "value" : out
    }

    func response(bearer: Bool = false) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/problem+json")
        if bearer { headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"NextYes\"") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(self)) ?? Data("{\"title\":\"Something went wrong\",\"status\":\(status),\"type\":\"about:blank\"}".utf8)
        return Response(status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(data: body))
    }
}
