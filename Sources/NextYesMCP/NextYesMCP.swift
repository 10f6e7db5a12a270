import Foundation
import MCP
import NextYesCore
import NextYesFeatures
import NextYesInsights

/// `nextyes mcp`: the person's search, offered to their own assistant over the Model Context
/// Protocol. Every tool is a thin adapter over `Workspace`, like a command or a page: the forms
/// check the inputs, the use cases act and count, and crisis language meets support first.
public struct AssistantServer: Sendable {
    /// Where each call finds the person's workspace: on a career centre, a transaction as them.
    public let scope: WorkspaceScope
    /// Without it, the tools that change the search are listed but refuse, saying how to allow them.
    public let allowWrites: Bool
    public let version: String

    public init(workspace: Workspace, allowWrites: Bool, version: String) {
        self.init(scope: .fixed(workspace), allowWrites: allowWrites, version: version)
    }

    public init(scope: WorkspaceScope, allowWrites: Bool, version: String) {
        self.scope = scope
        self.allowWrites = allowWrites
        self.version = version
    }

    static let instructions = """
        NextYes is the person's private job-search companion. These tools read and (when allowed) \
        change their applications, rejections, feedback and journal. Rejections are hard: keep a \
        warm, direct, non-judgmental tone. When a tool's answer begins with a support card, show \
        the card to the person first, as it is, before anything else.
        """

    /// Serves over standard input and output until the assistant closes the connection. Only
    /// protocol messages go to standard output.
    public func runOverStandardIO() async throws {
        try await run(transport: AnsweringTransport(StdioTransport()))
    }

    public func run(transport: any Transport) async throws {
        let server = Server(
            name: "nextyes", version: version, title: "NextYes", instructions: Self.instructions,
            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        let scope = self.scope, allowWrites = self.allowWrites
        await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(tools: AssistantTools.catalogue.map(\.tool))
        }
        await server.withMethodHandler(CallTool.self) { params in
            do {
                return try await scope.run { workspace in
                    await AssistantTools(workspace: workspace, allowWrites: allowWrites).call(params.name, arguments: params.arguments ?? [:])
                }
            } catch {
                // The person's data could not be reached: crisis language still meets support first.
                return await AssistantTools.unreachable(error, arguments: params.arguments ?? [:])
            }
        }
        await server.withMethodHandler(ListResources.self) { _ in
            ListResources.Result(resources: AssistantResource.allCases.map(\.resource))
        }
        await server.withMethodHandler(ReadResource.self) { params in
            guard let resource = AssistantResource(rawValue: params.uri) else {
                throw MCPError.invalidParams("NextYes has no resource at \(params.uri). It offers \(AssistantResource.allCases.map(\.rawValue).joined(separator: " and ")).")
            }
            do {
                let text = try await scope.run { try await resource.read($0) }
                return ReadResource.Result(contents: [.text(text, uri: resource.rawValue, mimeType: "application/json")])
            } catch {
                throw MCPError.internalError(AssistantTools.message(for: error))
            }
        }
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
        await server.stop()
    }
}

/// The documents an assistant can read whole: the same JSON as `nextyes report --format json`
/// and `nextyes insights --json`.
enum AssistantResource: String, CaseIterable, Sendable {
    case report = "nextyes://report"
    case insights = "nextyes://insights"

    var resource: Resource {
        switch self {
        case .report:
            Resource(name: "report", uri: rawValue, title: "Career report",
                     description: "The career report for the whole search, as `nextyes report --format json` prints it: each insight with its evidence.",
                     mimeType: "application/json")
        case .insights:
            Resource(name: "insights", uri: rawValue, title: "Insights",
                     description: "Patterns across the search (funnel, where the no's come, control, sources, recurring themes), as `nextyes insights --json` prints it.",
                     mimeType: "application/json")
        }
    }

    func read(_ workspace: Workspace) async throws -> String {
        switch self {
        case .report: try AssistantJSON.report(try await workspace.reports.career())
        case .insights: try AssistantJSON.text(try await workspace.insights.report())
        }
    }
}

/// JSON written exactly as the command line writes it, so a tool's answer and the command's
/// output are the same document.
enum AssistantJSON {
    /// As `Console.json`: pretty, sorted keys, dates in ISO 8601, no escaped slashes.
    static func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// As `nextyes report --format json`.
    static func report(_ report: CareerReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
