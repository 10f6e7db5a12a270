import Foundation

/// One problem with one field of a form, in words a person can act on.
public struct FieldError: Hashable, Sendable, Codable {
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// Every problem found in one submission, so a form can show them all at once.
public struct ValidationErrors: Error, Hashable, Sendable, LocalizedError {
    public var errors: [FieldError]

    public init(_ errors: [FieldError] = []) { self.errors = errors }

    public var isEmpty: Bool { errors.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        errors.append(FieldError(field, message))
    }

    /// The first message for a field, for showing it beside that field.
    public subscript(field: String) -> String? {
        errors.first { $0.field == field }?.message
    }

    public var errorDescription: String? {
        errors.map(\.message).joined(separator: "\n")
    }
}

/// Errors from the domain rules, with messages a person can act on.
public enum CoreError: Error, Hashable, Sendable, LocalizedError {
    case applicationNotFound(Int)
    case applicationClosed(id: Int, outcome: Outcome)
    case alreadyAtStage(Stage)
    case alreadyOpen(id: Int)
    case cannotReopen(Outcome)
    case dateInFuture(Day, today: Day)
    case dateBeforeApplied(Day, applied: Day)
    case notRejected(id: Int)
    case notSentYet(id: Int)
    case appliedAfterProgress(Day, firstChange: Day)
    /// A date earlier than the event it follows ("replied before the request was sent").
    case dateBefore(Day, earliest: Day, event: String)

    public var errorDescription: String? {
        switch self {
        case .applicationNotFound(let id):
            "There is no application with id \(id). `nextyes list` shows the ids you have."
        case .applicationClosed(let id, let outcome):
            "Application \(id) is already closed (\(outcome.title.lowercased())). To change that, reopen it first."
        case .alreadyAtStage(let stage):
            "The application is already at \(stage.title.lowercased()). Pick another stage."
        case .alreadyOpen(let id):
            "Application \(id) is already in progress; there is nothing to reopen."
        case .cannotReopen(let outcome):
            "An application marked \(outcome.title.lowercased()) can't be reopened. Add it again as a new application if the conversation starts over."
        case .dateInFuture(let day, let today):
            "\(day) is in the future (today is \(today)). Use today's date or an earlier one."
        case .dateBeforeApplied(let day, let applied):
            "\(day) is before the day you applied (\(applied)). Use \(applied) or a later date."
        case .notRejected(let id):
            "Application \(id) has no rejection logged."
        case .appliedAfterProgress(let day, let first):
            "The applied date \(day) is after \(first), when the application already moved on. Use \(first) or an earlier day."
        case .notSentYet(let id):
            "You haven't applied to application \(id) yet, so there is no reply to wait for. To drop it, withdraw or delete it."
        case .dateBefore(let day, let earliest, let event):
            "\(day) is before \(event) (\(earliest)). Use \(earliest) or a later date."
        }
    }
}
