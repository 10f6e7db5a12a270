/// What kind of problem an error is, whatever its details: each adapter maps the category once
/// (the web app to an HTTP status, the command line to an exit code).
public enum ErrorCategory: Sendable, Hashable {
    /// The thing asked for doesn't exist (or isn't the person's).
    case notFound
    /// The input breaks a rule; the message says which and how to fix it.
    case invalid
    /// The request clashes with what is already there (a restore into a full database).
    case conflict
    /// Not allowed.
    case forbidden
    /// Can't be done right now (the database is busy); trying again later may work.
    case unavailable
}

/// An error that knows its category.
public protocol CategorizedError: Error {
    var category: ErrorCategory { get }
}

extension ValidationErrors: CategorizedError {
    public var category: ErrorCategory { .invalid }
}

extension CoreError: CategorizedError {
    public var category: ErrorCategory {
        if case .applicationNotFound = self { return .notFound }
        return .invalid
    }
}

extension FeedbackError: CategorizedError {
    public var category: ErrorCategory {
        switch self {
        case .requestNotFound: .notFound
        case .alreadySent, .alreadyClosed, .followUpAlreadySent: .conflict
        default: .invalid
        }
    }
}
