import Foundation

/// What a pure reader found in a text, remembered for the life of the process: the same feedback,
/// reason or journal entry appears on many pages and reports, and reading it costs far more than a
/// lookup. Readers are pure functions of the text, so a remembered answer is always the answer.
/// Bounded: when full, it starts over.
final class ReadingMemo<Value: Sendable>: @unchecked Sendable {
    // The lock guards `values`; that is what makes the unchecked conformance safe.
    private let lock = NSLock()
    private var values: [String: Value] = [:]
    private let capacity: Int

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    func contains(_ text: String) -> Bool {
        lock.withLock { values[text] != nil }
    }

    func store(_ text: String, _ value: Value) {
        lock.withLock {
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[text] = value
        }
    }

    func value(for text: String, _ read: (String) -> Value) -> Value {
        if let known = lock.withLock({ values[text] }) { return known }
        let value = read(text)
        lock.withLock {
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[text] = value
        }
        return value
    }
}
