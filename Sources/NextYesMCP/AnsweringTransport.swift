import Foundation
import Logging
import MCP

/// A transport that answers everything it was asked before it lets the server end. The server
/// handles each request in a task of its own and stops as soon as its input ends, which would
/// drop the answers to requests still running (a script that sends its requests and closes the
/// pipe gets nothing back); this holds the end of the input until each request is answered.
actor AnsweringTransport: Transport {
    private let inner: any Transport
    private var asked = 0
    private var answered = 0
    /// How long the answers may take once the input has ended.
    private let patience: Duration

    init(_ inner: any Transport, patience: Duration = .seconds(30)) {
        self.inner = inner
        self.patience = patience
    }

    nonisolated let logger = Logger(label: "nextyes.mcp", factory: { _ in SwiftLogNoOpLogHandler() })

    func connect() async throws { try await inner.connect() }

    func disconnect() async { await inner.disconnect() }

    func send(_ data: Data) async throws {
        try await inner.send(data)
        answered += Self.count(in: data) { $0["method"] == nil && $0["id"] != nil }
    }

    func receive() -> AsyncThrowingStream<Data, Swift.Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await data in await inner.receive() {
                        asked += Self.count(in: data) { $0["method"] != nil && $0["id"] != nil }
                        continuation.yield(data)
                    }
                    await waitForAnswers()
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func waitForAnswers() async {
        let clock = ContinuousClock()
        let deadline = clock.now + patience
        while answered < asked, clock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The JSON-RPC messages in `data` (one, or a batch) that `matches` picks.
    private static func count(in data: Data, where matches: ([String: Any]) -> Bool) -> Int {
        switch try? JSONSerialization.jsonObject(with: data) {
        case let message as [String: Any]: matches(message) ? 1 : 0
        case let batch as [[String: Any]]: batch.filter(matches).count
        default: 0
        }
    }
}
