import NextYesCore
import NextYesStore

/// The people in the search and the conversations with them.
public struct Contacts: Sendable {
    let store: Store
    let care: Care

    public init(store: Store, care: Care) {
        self.store = store
        self.care = care
    }

    // MARK: People

    public func find(_ id: Int) async throws -> Contact {
        try await store.contacts.find(id)
    }

    public func all() async throws -> [Contact] {
        try await store.contacts.all()
    }

    /// The people linked to one application.
    public func contacts(for applicationID: Int) async throws -> [Contact] {
        try await store.contacts.contacts(for: applicationID)
    }

    /// The applications one person is linked to.
    public func applicationIDs(for contactID: Int) async throws -> [Int] {
        try await store.contacts.applicationIDs(for: contactID)
    }

    /// Every link between a person and an application.
    public func links() async throws -> [(applicationID: Int, contactID: Int)] {
        try await store.contacts.links()
    }

    public func create(_ details: ContactDetails) async throws -> Contact {
        try await store.contacts.create(details)
    }

    @discardableResult
    public func update(_ id: Int, details: ContactDetails) async throws -> Contact {
        try await store.contacts.update(id, details: details)
    }

    public func delete(_ id: Int) async throws {
        try await store.contacts.delete(id)
    }

    public func link(_ contactID: Int, to applicationID: Int) async throws {
        _ = try await store.applications.find(applicationID)
        try await store.contacts.link(contactID, to: applicationID)
    }

    public func unlink(_ contactID: Int, from applicationID: Int) async throws {
        try await store.contacts.unlink(contactID, from: applicationID)
    }

    // MARK: Conversations

    public func interactions(for contactID: Int) async throws -> [Interaction] {
        try await store.interactions.interactions(for: contactID)
    }

    /// The last day each person was in touch.
    public func lastContacted() async throws -> [Int: Day] {
        try await store.interactions.lastContacted()
    }

    /// What logging a touchpoint did.
    public struct Logged: Sendable {
        public var interaction: Interaction
        public var contact: Contact
        /// A real conversation is a win.
        public var isWin: Bool
        /// It counts toward the weekly target, unless targets are paused for care.
        public var countsTowardTarget: Bool
    }

    public func log(contactID: Int, _ form: InteractionForm) async throws -> Logged {
        let contact = try await store.contacts.find(contactID)
        let valid = try form.validated(today: store.clock.today)
        let interaction = try await store.interactions.log(contactID: contactID, valid)
        let paused = (try? await care.isPaused()) ?? false
        return Logged(interaction: interaction, contact: contact, isWin: valid.kind.isConversation,
                      countsTowardTarget: valid.kind.isConversation && !paused)
    }
}

extension Contacts.Logged {
    /// The confirmation in words, the same on every surface.
    public var sentence: String {
        let base = "Logged: \(interaction.kind.title.lowercased()) with \(contact.name) on \(interaction.on.readable)."
        guard isWin else { return base }
        return base + (countsTowardTarget ? " That's a win, and it counts toward this week's conversations." : " That's a win.")
    }
}
