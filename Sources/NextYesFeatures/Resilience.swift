import NextYesCore
import NextYesInsights
import NextYesStore

/// The journal: check-ins, entries and reframes.
public struct Journal: Sendable {
    let store: Store

    public func find(_ id: Int) async throws -> JournalEntry {
        try await store.journal.find(id)
    }

    /// Entries from `since` on (all by default), newest first.
    public func entries(since day: Day? = nil, limit: Int? = nil) async throws -> [JournalEntry] {
        try await store.journal.entries(since: day, limit: limit)
    }

    public func moods(since day: Day? = nil) async throws -> [(day: Day, mood: Int)] {
        try await store.journal.moods(since: day)
    }

    /// Whether the person checked in today.
    public func checkedIn(on day: Day) async throws -> Bool {
        try await store.journal.entries(since: day).contains { $0.mood != nil }
    }

    public func add(_ new: NewJournalEntry) async throws -> JournalEntry {
        try await store.journal.add(new)
    }

    @discardableResult
    public func saveReframe(_ id: Int, _ reframe: String?) async throws -> JournalEntry {
        try await store.journal.saveReframe(id, reframe)
    }
}

/// Wins: the good moments the search brings, kept in view.
public struct Wins: Sendable {
    let store: Store

    /// Every win, in the words `WinWords` gives them.
    public func all() async throws -> [Win] {
        try await store.wordedWins()
    }

    /// One application's wins, in the same words as in the whole list.
    public func wins(for applicationID: Int) async throws -> [Win] {
        try await store.wordedWins().filter { $0.applicationID == applicationID }.sorted { ($0.on, $0.id) < ($1.on, $1.id) }
    }

    /// Saves a win; nil when the same win is already there.
    @discardableResult
    public func add(_ win: NewWin) async throws -> Win? {
        try await store.wins.add(win)
    }
}

/// The gentle watch over how the search is going for the person.
public struct Wellbeing: Sendable {
    let store: Store

    public func signals(today: Day) async throws -> [WellbeingSignal] {
        try await store.wellbeingSignals(today: today)
    }

    public func isWatching() async throws -> Bool {
        try await store.wellbeingWatchOn()
    }

    public func setWatching(_ on: Bool) async throws {
        try await store.preferences.setValue(on, for: SettingKey.wellbeingWatch)
    }

    public func affirmations(limit: Int = 3) async throws -> [String] {
        try await store.affirmations(limit: limit)
    }
}

/// The reflection after a rejection.
public struct Reflections: Sendable {
    let store: Store

    public func reflection(for applicationID: Int) async throws -> Reflection? {
        try await store.reflections.reflection(for: applicationID)
    }

    public func save(_ reflection: Reflection) async throws {
        _ = try await store.applications.find(reflection.applicationID)
        try await store.reflections.save(reflection)
    }
}
