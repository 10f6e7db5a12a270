import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("nextyes serve", .serialized)
struct ServeTests {
    /// Starts the server on a free port, returns the printed login link, and stops it afterwards.
    func withServer(_ arguments: [String] = [], _ body: (String) async throws -> Void) async throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", "0", "--database", cli.database] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var collected = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !collected.contains("token=") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            collected += String(decoding: chunk, as: UTF8.self)
        }
        let link = try #require(collected.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("http://") && $0.contains("?token=") })
        try await body(String(link))
    }

    @Test func printsALoginLinkThatOpensTheApp() async throws {
        try await withServer { link in
            #expect(link.hasPrefix("http://127.0.0.1:"))
            let base = String(link.prefix { $0 != "?" })
            let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
            let (_, plain) = try await session.data(from: URL(string: base)!)
            #expect((plain as? HTTPURLResponse)?.statusCode == 401)
            let (_, login) = try await session.data(from: URL(string: link)!)
            let redirect = try #require(login as? HTTPURLResponse)
            #expect(redirect.statusCode == 303)
            let cookie = try #require(redirect.value(forHTTPHeaderField: "Set-Cookie")?.split(separator: ";").first)
            var request = URLRequest(url: URL(string: base + "/")!)
            request.setValue(String(cookie), forHTTPHeaderField: "Cookie")
            let (body, response) = try await session.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: body, as: UTF8.self).contains("Welcome to NextYes"))
        }
    }

    @Test func warnsWhenListeningBeyondThisMachine() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--host", "0.0.0.0", "--port", "0", "--database", cli.database]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        var collected = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !collected.contains("Warning") {
            collected += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        process.terminate()
        process.waitUntilExit()
        #expect(collected.contains("lets other machines on the network reach NextYes"))
    }

    @Test func refusesABadPort() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["serve", "--port", "70000"])
        #expect(result.code == 1 && result.err.contains("1 to 65535"))
    }
}

/// Lets a test see the login redirect and its cookie instead of following it.
final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
