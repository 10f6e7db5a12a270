import NextYesCore
import NextYesInsights
import NextYesStore

/// Applications and their progress: one implementation for the web app and the command line.
public struct Applications: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    // MARK: Reading

    public func find(_ id: Int) async throws -> Application {
        try await store.applications.find(id)
    }

    /// Every application, newest activity first; optionally only those with one outcome.
    public func all(outcome: Outcome? = nil) async throws -> [Application] {
        try await store.applications.all(outcome: outcome)
    }

    public func count() async throws -> Int {
        try await store.applications.count()
    }

    /// One application's timeline, oldest first.
    public func events(for id: Int) async throws -> [ApplicationEvent] {
        try await store.applications.events(for: id)
    }

    /// The latest events across all applications, newest first.
    public func recentEvents(limit: Int) async throws -> [ApplicationEvent] {
        try await store.applications.recentEvents(limit: limit)
    }

    public func rejection(for id: Int) async throws -> Rejection? {
        try await store.applications.rejection(for: id)
    }

    /// Every rejection of an application still marked rejected, newest first.
    public func rejections() async throws -> [Rejection] {
        try await store.applications.rejections()
    }

    /// One page of the applications table, with the board and the counts beside it.
    public struct Listing: Sendable {
        public var query: ApplicationQuery
        public var rows: [Application]
        /// How many match the query in all (every page).
        public var matching: Int
        /// Applications per outcome among those the search matches (what each tab would show).
        public var counts: [Outcome: Int]
        /// Applications in all, whatever the search.
        public var total: Int
        /// Open applications per stage: how many, and the latest few.
        public var board: [(stage: Stage, count: Int, latest: [Application])]

        public var pageCount: Int { max(1, (matching + query.limit - 1) / query.limit) }
        public var pageNumber: Int { query.offset / query.limit + 1 }
    }

    /// Every application (or those with one outcome), newest activity first, a page at a time,
    /// with their rejections: memory stays the same for a hundred or a hundred thousand.
    public func forEachPage(outcome: Outcome?, size: Int = 1000, _ body: ([Application], [Int: Rejection]) async throws -> Void) async throws {
        var offset = 0
        while true {
            let (rows, _) = try await store.applications.page(ApplicationQuery(outcome: outcome, sort: .recent, offset: offset, limit: size))
            if rows.isEmpty { break }
            try await body(rows, try await store.applications.rejections(for: rows.map(\.id)))
            if rows.count < size { break }
            offset += size
        }
    }

    /// Tiles shown in each board column; the table pages through the rest.
    public static let boardTiles = 12

    public func listing(_ query: ApplicationQuery) async throws -> Listing {
        let (rows, matching) = try await store.applications.page(query)
        // The outcome tabs count what the search matches, so each says what it would show.
        let counts = try await store.applications.countsByOutcome(search: query.search)
        let all = query.search == nil ? counts : try await store.applications.countsByOutcome()
        let open = try await store.applications.openByStage(limit: Self.boardTiles)
        return Listing(query: query, rows: rows, matching: matching, counts: counts, total: all.values.reduce(0, +),
                       board: Stage.allCases.map { ($0, open[$0]?.count ?? 0, open[$0]?.latest ?? []) })
    }

    // MARK: Changing

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

    /// Checks the form and replaces the application's details, keeping its progress.
    @discardableResult
    public func edit(_ id: Int, _ form: ApplicationForm) async throws -> Application {
        _ = try await store.applications.find(id)
        let details = try form.validatedDetails(today: store.clock.today)
        return try await store.applications.update(id, details: details)
    }

    /// Moves an application to another stage; `on` defaults to today.
    @discardableResult
    public func move(_ id: Int, to stage: Stage, on day: Day? = nil) async throws -> Application {
        try await store.applications.move(id, to: stage, on: day)
    }

    /// Closes an application as ghosted, withdrawn or with an answered offer.
    @discardableResult
    public func close(_ id: Int, as kind: EventKind, on day: Day? = nil) async throws -> Application {
        try await store.applications.close(id, as: kind, on: day)
    }

    /// Opens a closed application again; a rejection logged earlier stays on record.
    @discardableResult
    public func reopen(_ id: Int, on day: Day? = nil) async throws -> Application {
        try await store.applications.reopen(id, on: day)
    }

    /// Checks the rejection form; a reason that names a cause suggests its category.
    public func validateRejection(_ form: RejectionForm, note: String?) throws -> RejectionDetails {
        if let note = Text.clean(note), note.count > Limits.journalText {
            throw ValidationErrors([FieldError("note", "The note is \(note.count) characters; keep it under \(Limits.journalText), or add the rest in your journal.")])
        }
        return try form.validated(today: store.clock.today, suggested: Text.clean(form.reason).flatMap(FeedbackAnalyzer.suggestedCategory(for:)))
    }

    /// Records a rejection, with its processing window from the person's preferences. A note or
    /// feelings go into the journal too, unless `journal` is false (already written).
    public func reject(_ id: Int, _ form: RejectionForm, note: String?, journal: Bool = true) async throws -> (Application, Rejection) {
        let details = try validateRejection(form, note: note)
        let preferences = try await store.preferences.load()
        let result = try await store.applications.reject(id, details, preferences: preferences)
        if journal { try await journalRejection(id, details: details, note: note) }
        return result
    }

    /// The "how are you feeling" part of a rejection, kept in the journal.
    public func journalRejection(_ id: Int, details: RejectionDetails, note: String?) async throws {
        let text = Text.clean(note)
        guard text != nil || !details.feelings.isEmpty else { return }
        _ = try await store.journal.add(NewJournalEntry(writtenOn: details.on, kind: .rejection, text: text, emotions: details.feelings, applicationID: id))
    }

    /// Deletes an application and everything attached to it; returns what it was.
    @discardableResult
    public func delete(_ id: Int) async throws -> Application {
        let application = try await store.applications.find(id)
        try await store.applications.delete(id)
        return application
    }
}
