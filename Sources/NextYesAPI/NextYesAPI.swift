import Foundation
import NextYesFeatures
import OpenAPIVapor
import Vapor

/// The JSON API under /api/v1, generated from its OpenAPI document (openapi.yaml, served as
/// /api/v1/openapi.json) and answered by the same use cases as the app.
public enum NextYesAPI {
    /// The document, as the server serves it.
    public static let document: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            return Data("{}".utf8)
        }
        return data
    }()

    /// The SHA-256 of the YAML document the Swift code was generated from.
    public static var generatedFrom: String { GeneratedFrom.documentSHA256 }

    /// Adds the API's routes: every operation behind the token check, and the document itself.
    public static func register(on routes: any RoutesBuilder, perMinute: Int = 120,
                                workspace: @escaping @Sendable (Request) -> Workspace) throws {
        let transport = VaporTransport(routesBuilder: routes.grouped(APIMiddleware(perMinute: perMinute, workspace: workspace)))
        try APIHandler().registerHandlers(on: transport, serverURL: URL(string: "/api/v1")!)
        routes.get("api", "v1", "openapi.json") { _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(data: document))
        }
    }

    /// The methods the document gives a path (`/api/v1/applications/7` → GET, PATCH, DELETE).
    static let operations: [(pattern: [String], methods: [String])] = {
        guard let json = try? JSONSerialization.jsonObject(with: document) as? [String: Any],
              let paths = json["paths"] as? [String: Any] else { return [] }
        return paths.map { path, item in
            let methods = ((item as? [String: Any]) ?? [:]).keys.filter { ["get", "post", "put", "patch", "delete"].contains($0) }
            return (path.split(separator: "/").map(String.init), methods.map { $0.uppercased() }.sorted())
        }
    }()

    static func methods(for path: String) -> [String]? {
        guard path.hasPrefix("/api/v1/") else { return nil }
        let parts = path.dropFirst("/api/v1".count).split(separator: "/").map(String.init)
        return operations.first { op in
            op.pattern.count == parts.count && zip(op.pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }?.methods
    }

    /// What an error under /api/ says, as problem details: a path the document has, asked with
    /// another method, is a 405 that lists the methods; an unknown path a 404.
    public static func problem(for error: any Error, request: Request) -> Response {
        if let abort = error as? any AbortError, abort.status == .notFound {
            if let methods = methods(for: request.url.path) {
                var response = Problem(status: .methodNotAllowed, title: "Method not allowed",
                                       detail: "\(request.url.path) answers \(methods.joined(separator: ", ")); see /api/docs.").response()
                response.headers.replaceOrAdd(name: .allow, value: methods.joined(separator: ", "))
                return response
            }
            return Problem(status: .notFound, title: "Not found", detail: "There is no API operation at \(request.url.path); see /api/docs.").response()
        }
        return Problem(error, request: request).response()
    }
}
