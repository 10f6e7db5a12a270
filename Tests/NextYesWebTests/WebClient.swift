import Foundation
import NextYesCore
import NextYesFeatures
import NextYesStore
import Testing
import VaporTesting
@testable import NextYesWeb

/// A browser stand-in for VaporTesting: keeps the session cookie, and sends the page's CSRF token
/// back with every form.
final class WebClient {
    let app: Vapor.Application
    private(set) var cookie: String?
    private(set) var csrf: String?

    init(app: Vapor.Application, cookie: String? = nil) {
        self.app = app
        self.cookie = cookie
    }

    static let token = "test-login-token"

    @discardableResult
    func get(_ path: String, acceptLanguage: String? = nil) async throws -> TestingHTTPResponse {
        var h = headers()
        if let acceptLanguage { h.replaceOrAdd(name: .acceptLanguage, value: acceptLanguage) }
        let response = try await app.testing().sendRequest(.GET, path, headers: h)
        remember(response)
        return response
    }

    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], withCSRF: Bool = true) async throws -> TestingHTTPResponse {
        var all = fields
        if withCSRF, let csrf { all.append(("_csrf", csrf)) }
        var components = URLComponents()
        components.queryItems = all.map { URLQueryItem(name: $0.0, value: $0.1) }
        // Form encoding writes spaces as "+" and must escape "+" itself.
        let body = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        var h = headers()
        h.contentType = .urlEncodedForm
        let response = try await app.testing().sendRequest(.POST, path, headers: h, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Posts a file as multipart/form-data, the way a browser's file input sends it.
    @discardableResult
    func upload(_ path: String, file: String, filename: String, fields: [(String, String)] = [], field: String = "file") async throws -> TestingHTTPResponse {
        let boundary = "----NextYesTest\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields + [("_csrf", csrf ?? "")] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        var h = headers()
        h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let response = try await app.testing().sendRequest(.POST, path, headers: h, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    func login() async throws {
        let response = try await get("/?token=\(Self.token)")
        #expect(response.status == .seeOther)
        try await get("/")
    }

    private func headers() -> HTTPHeaders {
        var h = HTTPHeaders()
        if let cookie { h.add(name: .cookie, value: cookie) }
        return h
    }

    private func remember(_ response: TestingHTTPResponse) {
        if let setCookie = response.headers.first(name: .setCookie), let pair = setCookie.split(separator: ";").first {
            cookie = String(pair)
        }
        let body = response.body.string
        if let range = body.range(of: #"name="_csrf" value="([0-9a-f]+)""#, options: .regularExpression) {
            csrf = String(body[range].split(separator: "\"")[3])
        }
    }
}

func withWebApp(today: Day = Day("2026-11-21")!, _ body: (WebClient) async throws -> Void) async throws {
    try await withApp(configure: { app in
        try await configure(app, context: WebContext(
            clock: .fixed(today), loginToken: WebClient.token,
            location: .sqliteMemory(identifier: UUID().uuidString),
            dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-web-\(UUID().uuidString)")))
    }) { app in
        try await body(WebClient(app: app))
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }
    var location: String? { headers.first(name: .location) }
}
