import NextYesCore
import NextYesStore

/// Adding and changing applications: one implementation for the web app and the command line.
public struct Applications: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// What adding an application did, and an open application that looks like the same job.
    public struct Added: Sendable {
        public var application: Application
        public var possibleDuplicate: Application?
    }

    /// Checks the form, saves the application, and points out an open one with the same company
    /// and role (a person may apply twice on purpose, so it is a note, not a refusal).
    public func add(_ form: ApplicationForm) async throws -> Added {
        let new = try form.validatedNew(today: store.clock.today)
        let duplicate = try await store.applications.openDuplicate(company: new.details.company, role: new.details.role)
        return Added(application: try await store.applications.create(new), possibleDuplicate: duplicate)
    }
}
