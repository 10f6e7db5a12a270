import FluentKit
import FluentSQLiteDriver
import Foundation
import NextYesCore
import SQLKit

/// Whole-table reads (the applications, their timelines, the rejections, the settings) kept
/// between the page views of a long-running server on SQLite, for exactly as long as the tables
/// they come from are unchanged, so clicking from page to page doesn't read ten thousand rows
/// each time.
///
/// Each table of the person's data has a version that triggers raise on every row inserted,
/// changed or deleted (`AddTableVersions`), whoever writes: this server, the command line, an
/// import. A page view reads every version in one statement before it reads anything; what it
/// reads afterwards is at least that recent, so it is kept under the versions of the tables it
/// came from. A later page view, on any connection, that finds those tables at the same versions
/// is shown what was kept; a change to one table has only the reads of that table done again.
/// PostgreSQL has no such versions: nothing is kept there.
public final class SharedReads: @unchecked Sendable {
    /// Every table's version, as one page view first saw them.
    public struct State: Equatable, Sendable {
        let versions: [String: Int]
    }

    private struct Entry {
        var value: Any
        /// The versions of the tables the value came from, when it was read.
        var versions: [String: Int]
    }

    // The lock guards everything below; that is what makes the unchecked conformance safe.
    private let lock = NSLock()
    private var entries: [ReadMemo.Table: Entry] = [:]
    private var kept = 0
    /// More than this many kept reads (searches and journal pages add their own) and the ones
    /// no longer current are let go.
    private static let entryLimit = 256
    /// Applications as last read, each with its revision (see `AddApplicationRevisions`): after a
    /// change, only the rows whose revision moved are read again.
    private var rows: [Int: (revision: Int, application: Application)] = [:]
    private var rowsRead = 0

    /// How many application rows were read in full (not found here at their revision): for tests.
    var applicationRowsRead: Int { lock.withLock { rowsRead } }

    /// Every application in `listing`'s order (ids with their current revisions), read through
    /// the rows kept here: `fetch` is asked only for the rows that are new or changed.
    func applications(_ listing: [(id: Int, revision: Int)],
                      fetch: ([Int]) async throws -> [(revision: Int, application: Application)]) async throws -> [Application] {
        let wanted = lock.withLock { listing.filter { rows[$0.id]?.revision != $0.revision }.map(\.id) }
        var fetched: [(revision: Int, application: Application)] = []
        for start in stride(from: 0, to: wanted.count, by: 500) {
            fetched += try await fetch(Array(wanted[start..<min(start + 500, wanted.count)]))
        }
        return lock.withLock {
            rowsRead += fetched.count
            for row in fetched { rows[row.application.id] = row }
            if rows.count > listing.count + listing.count / 4 + 64 {
                // Deleted applications: forget them.
                let listed = Set(listing.map(\.id))
                rows = rows.filter { listed.contains($0.key) }
            }
            // A row changed again between the two reads is shown as fetched, which is newer.
            return listing.compactMap { rows[$0.id]?.application }
        }
    }

    /// How many reads were kept (not served from here): for tests.
    var reads: Int { lock.withLock { kept } }

    public init() {}

    /// Every table's version as the database has them now, or nil where they can't be told (not
    /// SQLite, inside a transaction, or a database without versions).
    static func state(of db: any Database) async throws -> State? {
        guard let sqlite = db as? any SQLiteDatabase, !db.inTransaction else { return nil }
        let rows: [(String, Int)]
        do {
            rows = try await SQLiteRows.collect(sqlite, "SELECT name, version FROM table_versions", []) { row in
                let v = SQLiteRows.Values(row, table: "table_versions")
                return (try v.text(0), try v.int(1))
            }
        } catch {
            return nil
        }
        guard !rows.isEmpty else { return nil }
        return State(versions: Dictionary(rows, uniquingKeysWith: max))
    }

    /// The versions a read of `table` is kept under: those of the tables it comes from (all of
    /// them for a derived figure), or nil when one of them has no version.
    private static func versions(of table: ReadMemo.Table, in state: State) -> [String: Int]? {
        guard let names = table.sources else { return state.versions }
        var versions: [String: Int] = [:]
        for name in names {
            guard let version = state.versions[name] else { return nil }
            versions[name] = version
        }
        return versions
    }

    func value<T>(_ table: ReadMemo.Table, at state: State) -> T? {
        guard let wanted = Self.versions(of: table, in: state) else { return nil }
        return lock.withLock {
            guard let entry = entries[table], entry.versions == wanted else { return nil }
            return entry.value as? T
        }
    }

    /// Keeps a value read at `state` or later, under the versions of the tables it came from.
    func keep<T>(_ table: ReadMemo.Table, _ value: T, at state: State) {
        guard let versions = Self.versions(of: table, in: state) else { return }
        lock.withLock {
            kept += 1
            entries[table] = Entry(value: value, versions: versions)
            if entries.count > Self.entryLimit {
                entries = entries.filter { Self.versions(of: $0.key, in: state) == $0.value.versions }
                if entries.count > Self.entryLimit { entries = [table: Entry(value: value, versions: versions)] }
            }
        }
    }
}

/// What one page view has read, so every figure on the page shares one read of each table. Only
/// for requests that change nothing the memo holds (a page view): a workspace that writes has
/// none. With `shared` (a long-running server on SQLite), whole-table reads are also kept between
/// page views for as long as the data is unchanged (see `SharedReads`).
public final class ReadMemo: @unchecked Sendable {
    /// The whole-table reads a memo holds, each under its own name.
    enum Table: Hashable {
        case applications, events, rejections, settings, descriptions
        case contacts, contactLinks, interactions, interviews, goals, hours, reflections, agendaDone
        case feedbackRequests, feedback, wins, targets, profileSkills, stories
        case skillReadings(reader: Int64)
        case feedbackReadings(reader: Int64)
        case unreadFeedback(reader: Int64, limit: Int)
        case recentEvents(limit: Int)
        case searchCounts
        case countsByOutcome(search: String?)
        case openByStage(limit: Int)
        case unreadDescriptions(reader: Int64, limit: Int)
        case titles(ids: Set<Int>)
        /// The titles of applications with a rejection or feedback.
        case answeredTitles
        /// A figure worked out from the data alone (and the day, named in the key): kept while
        /// the data is unchanged, like the reads it comes from.
        case derived(String)
        case journal(since: Day?, limit: Int?)

        /// The tables a read comes from (nil: a derived figure, from any of them).
        var sources: [String]? {
            switch self {
            case .applications, .descriptions, .skillReadings, .countsByOutcome, .openByStage, .unreadDescriptions, .titles:
                ["applications"]
            case .events, .recentEvents: ["application_events"]
            case .searchCounts: ["applications", "application_events"]
            case .answeredTitles: ["applications", "rejections", "feedback"]
            case .rejections: ["rejections", "applications"]  // only rejections of applications still rejected
            case .settings: ["settings"]
            case .contacts: ["contacts"]
            case .contactLinks: ["application_contacts"]
            case .interactions: ["interactions"]
            case .interviews: ["interview_rounds", "interview_interviewers"]
            case .goals: ["plan_goals", "skill_hours"]
            case .hours: ["skill_hours"]
            case .reflections: ["reflections"]
            case .agendaDone: ["agenda_done"]
            case .feedbackRequests: ["feedback_requests"]
            case .feedback, .feedbackReadings, .unreadFeedback: ["feedback"]
            case .wins: ["wins"]
            case .targets: ["weekly_targets"]
            case .profileSkills: ["profile_skills"]
            case .stories: ["stories"]
            case .journal: ["journal_entries"]
            case .derived: nil
            }
        }
    }

    // The lock guards the values and the state; that is what makes the unchecked conformance safe.
    private let lock = NSLock()
    private var values: [Table: Any] = [:]
    let shared: SharedReads?
    private var state: SharedReads.State??

    public init(shared: SharedReads? = nil) {
        self.shared = shared
    }

    func remembered<T>(_ table: Table, on db: any Database, _ load: () async throws -> T) async throws -> T {
        if let value = lock.withLock({ values[table] as? T }) { return value }
        let state = try await sharedState(db)
        if let shared, let state, let value: T = shared.value(table, at: state) {
            lock.withLock { values[table] = value }
            return value
        }
        let value = try await load()
        if let shared, let state { shared.keep(table, value, at: state) }
        lock.withLock { values[table] = value }
        return value
    }

    /// The state of the data when this page view first read, taken once: whatever is read
    /// afterwards is at least that recent, so it may be kept under it.
    private func sharedState(_ db: any Database) async throws -> SharedReads.State? {
        guard shared != nil else { return nil }
        if let known = lock.withLock({ state }) { return known }
        let now = try await SharedReads.state(of: db)
        return lock.withLock {
            if state == nil { state = .some(now) }
            return state ?? nil
        }
    }

    /// The page view wrote to a table it may have read: read it again next time. What the
    /// server kept describes the data before the write, so for the rest of this page view
    /// nothing more is taken from it or given to it (the next page view finds the data changed).
    func forget(_ table: Table) {
        forget { $0 == table }
    }

    /// As `forget`, for every read that matches (whatever its parameters).
    func forget(where matches: (Table) -> Bool) {
        lock.withLock {
            values = values.filter { !matches($0.key) }
            state = .some(nil)
        }
    }
}

extension Store {
    /// A figure that depends only on the data and on what `key` names (the day, a period): a
    /// page view works it out once, and a server keeps it while the data is unchanged.
    public func remembered<T>(derived key: String, _ work: () async throws -> T) async throws -> T {
        try await memo.remembered(.derived(key), on: db, work)
    }
}

extension Optional where Wrapped == ReadMemo {
    /// Through the memo when there is one, else straight from the database.
    func remembered<T>(_ table: ReadMemo.Table, on db: any Database, _ load: () async throws -> T) async throws -> T {
        guard let memo = self else { return try await load() }
        return try await memo.remembered(table, on: db, load)
    }
}
