import Foundation
import Testing

/// Runs the real `nextyes` binary against its own SQLite file.
struct CLI {
    struct Result {
        var code: Int32
        var out: String
        var err: String
    }

    let folder: URL
    var database: String { folder.appendingPathComponent("nextyes.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    /// The binary sits next to the test bundle in the build folder (or NEXTYES_BIN names it).
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["NEXTYES_BIN"] { return URL(fileURLWithPath: path) }
        var candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let binary = candidate.appendingPathComponent("nextyes")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
            candidate = candidate.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug/nextyes")
    }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil, useDatabase: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["NEXTYES_DATABASE"] = useDatabase ? database : nil
        environment["HOME"] = folder.path
        environment["XDG_DATA_HOME"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(code: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments)
        #expect(result.code == 0, "\(arguments): \(result.err)")
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8))
    }
}
