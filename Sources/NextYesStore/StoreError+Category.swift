import NextYesCore

extension StoreError: CategorizedError {
    public var category: ErrorCategory {
        switch self {
        case .databaseBusy: .unavailable
        case .notEmpty: .conflict
        case .noDatabase: .notFound
        default: .invalid
        }
    }
}

extension ContactError: CategorizedError {
    public var category: ErrorCategory { .notFound }
}

extension JournalError: CategorizedError {
    public var category: ErrorCategory {
        if case .notFound = self { return .notFound }
        return .invalid
    }
}

extension MomentumError: CategorizedError {
    public var category: ErrorCategory {
        switch self {
        case .interactionNotFound, .roundNotFound, .storyNotFound: .notFound
        default: .invalid
        }
    }
}

extension ProfileError: CategorizedError {
    public var category: ErrorCategory {
        if case .goalNotFound = self { return .notFound }
        return .invalid
    }
}

extension BackupError: CategorizedError {
    public var category: ErrorCategory {
        if case .notEmpty = self { return .conflict }
        return .invalid
    }
}

extension ImportError: CategorizedError {
    public var category: ErrorCategory { .invalid }
}

extension APITokenError: CategorizedError {
    public var category: ErrorCategory {
        switch self {
        case .notFound: .notFound
        case .badName: .invalid
        }
    }
}
