import NextYesCore
import NextYesStore

/// The people in the search and the conversations with them.
public struct Contacts: Sendable {
    public let store: Store
    public let care: Care

    public init(store: Store, care: Care) {
        self.store = store
        self.care = care
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
