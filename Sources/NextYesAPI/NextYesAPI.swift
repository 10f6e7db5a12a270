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
}
