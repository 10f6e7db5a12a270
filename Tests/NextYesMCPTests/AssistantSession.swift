import Foundation
import MCP
import Testing

/// The real `nextyes mcp` binary on its own copy of the sample search, with an MCP client talking
/// to it over its standard input and output, and the command line beside it to check what it did.
final class AssistantSession: @unchecked Sendable {  // the process and pipes are touched by one test at a time
    struct Answer {
        var texts: [String]
        var isError: Bool
        var text: String { texts.joined(separator: "\n") }

        /// The JSON part of the answer (the last item), parsed.
        func json() throws -> Any {
            try JSONSerialization.jsonObject(with: Data((texts.last ?? "").utf8))
        }

        func object() throws -> [String: Any] {
            try #require(try json() as? [String: Any], "not a JSON object: \(text)")
        }
    }

    struct CLIResult {
        var code: Int32
        var out: String
        var err: String
    }

    let folder: URL
    let client = Client(name: "nextyes-tests", version: "1.0")
    let initialized: Initialize.Result
    private let process: Process
    private let toServer: Pipe
    private let fromServer: Pipe
    private let serverErrors: Pipe

    var database: String { folder.appendingPathComponent("nextyes.sqlite").path }

    /// Loads the sample search into a new file and starts the server on it.
    init(allowWrites: Bool) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-mcp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process = Process()
        toServer = Pipe()
        fromServer = Pipe()
        serverErrors = Pipe()
        let demo = try Self.run(["demo", "--database", folder.appendingPathComponent("nextyes.sqlite").path], home: folder)
        try #require(demo.code == 0, "nextyes demo failed: \(demo.err)")

        process.executableURL = Self.binary
        process.arguments = ["mcp", "--database", folder.appendingPathComponent("nextyes.sqlite").path] + (allowWrites ? ["--allow-writes"] : [])
        process.environment = Self.environment(home: folder)
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = serverErrors
        try process.run()
        let transport = StdioTransport(
            input: .init(rawValue: fromServer.fileHandleForReading.fileDescriptor),
            output: .init(rawValue: toServer.fileHandleForWriting.fileDescriptor))
        initialized = try await client.connect(transport: transport)
    }

    func close() async {
        await client.disconnect()
        try? toServer.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    func call(_ tool: String, _ arguments: [String: Value] = [:]) async throws -> Answer {
        let (content, isError) = try await client.callTool(name: tool, arguments: arguments)
        let texts = content.compactMap { item -> String? in
            if case .text(let text, _, _) = item { return text }
            return nil
        }
        return Answer(texts: texts, isError: isError ?? false)
    }

    /// Runs `nextyes` on the same database.
    func cli(_ arguments: [String]) throws -> CLIResult {
        try Self.run(arguments + ["--database", database], home: folder)
    }

    /// The command's standard output, which must succeed.
    func cliOut(_ arguments: [String]) throws -> String {
        let result = try cli(arguments)
        #expect(result.code == 0, "nextyes \(arguments.joined(separator: " ")): \(result.err)")
        return result.out
    }

    func cliJSON(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try cliOut(arguments).utf8))
    }

    // MARK: The binary

    /// The binary sits next to the test bundle in the build folder (or NEXTYES_BIN names it).
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["NEXTYES_BIN"] { return URL(fileURLWithPath: path) }
        var candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let binary = candidate.appendingPathComponent("nextyes")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
            candidate = candidate.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/nextyes")
    }

    static func environment(home: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["NEXTYES_DATABASE"] = nil
        environment["XDG_DATA_HOME"] = nil
        environment["HOME"] = home.path
        return environment
    }

    static func run(_ arguments: [String], home: URL, input: String? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment(home: home)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        if let input {
            inPipe.fileHandleForWriting.write(Data(input.utf8))
            try inPipe.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(code: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }
}
