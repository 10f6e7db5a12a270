import FluentKit
import Foundation
import Logging
import NextYesCore
import NextYesInsights
import NextYesStore

/// One person's NextYes: every action and every figure, over one database. The command line and
/// the web app (and whatever comes next) reach the data only through this value, so each action
/// is implemented once, below them.
public struct Workspace: Sendable {
    let store: Store
    /// The process environment, for the system locale's crisis lines.
    public let environment: [String: String]
    /// On a career centre's database, whose workspace this is (nil for a personal NextYes).
    public internal(set) var accountID: String?

    public init(store: Store, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.store = store
        self.environment = environment
    }

    /// A workspace over a database the host application already manages (the web app's). One
    /// that only reads (a page view) remembers what it read, so the figures on one page share a
    /// single read of the applications; one that may write always reads afresh. A server passes
    /// `shared` so page views also share what they read while the data is unchanged.
    public init(db: any Database, clock: Clock, environment: [String: String] = ProcessInfo.processInfo.environment,
                readOnly: Bool = false, shared: SharedReads? = nil) {
        self.init(store: Store(db: db, clock: clock, memo: readOnly ? ReadMemo(shared: shared) : nil), environment: environment)
    }

    public var clock: Clock { store.clock }

    /// On a centre's database, the version of this person's data (it moves with any change).
    func dataVersion() async throws -> Int64 {
        try await CentreSchema.dataVersion(on: store.db)
    }
    public var today: Day { store.clock.today }

    public var applications: Applications { Applications(store: store) }
    public var care: Care { Care(store: store, environment: environment) }
    public var contacts: Contacts { Contacts(store: store, care: care) }
    public var feedback: EmployerFeedback { EmployerFeedback(store: store) }
    public var reflections: Reflections { Reflections(store: store) }
    public var insights: Insights { Insights(store: store) }
    public var journal: Journal { Journal(store: store) }
    public var wins: Wins { Wins(store: store) }
    public var wellbeing: Wellbeing { Wellbeing(store: store) }
    public var skills: SkillsProfile { SkillsProfile(store: store) }
    public var plan: Plan { Plan(store: store) }
    public var momentum: Momentum { Momentum(store: store) }
    public var interviews: Interviews { Interviews(store: store) }
    public var schedule: Schedule { Schedule(store: store) }
    public var stories: Stories { Stories(store: store) }
    public var practice: Practice { Practice(store: store) }
    public var settings: Settings { Settings(store: store) }
    public var reports: Reports { Reports(store: store) }
    public var portability: Portability { Portability(store: store) }
    public var sample: Sample { Sample(store: store) }
    public var signIns: SignIns { SignIns(store: store) }
}

// MARK: Opening

/// The database errors and locations, as the adapters see them.
public typealias StoreError = NextYesStore.StoreError
public typealias DatabaseLocation = NextYesStore.DatabaseLocation
public typealias RestoreSummary = NextYesStore.RestoreSummary
public typealias ImportPreview = NextYesStore.ImportPreview
public typealias ImportResult = NextYesStore.ImportResult
public typealias WriteLock = NextYesStore.WriteLock
public typealias SharedReads = NextYesStore.SharedReads
public typealias ApplicationQuery = NextYesStore.ApplicationQuery
public typealias DataDirectory = NextYesStore.DataDirectory
public typealias ProfileError = NextYesStore.ProfileError
public typealias JournalError = NextYesStore.JournalError
public typealias MomentumError = NextYesStore.MomentumError
public typealias ContactError = NextYesStore.ContactError
public typealias ImportError = NextYesStore.ImportError
public typealias BackupError = NextYesStore.BackupError
public typealias StoreConnection = NextYesStore.StoreConnection

extension Workspace {
    /// The schema migrations, for a host application that runs them itself.
    public static var migrations: [any Migration] { NextYesSchema.migrations }

    /// Connection settings every SQLite connection needs (busy timeout, write-ahead log), and for
    /// a server a page cache of `pageCacheMiB` per connection.
    public static func tune(_ databases: [any Database], for location: DatabaseLocation, pageCacheMiB: Int? = nil) async throws {
        try await Store.tune(databases, for: location, pageCacheMiB: pageCacheMiB)
    }
}

/// An open database for the command line, with its own connection pool.
public final class WorkspaceConnection: Sendable {
    private let connection: StoreConnection
    public let workspace: Workspace

    private init(connection: StoreConnection, workspace: Workspace) {
        self.connection = connection
        self.workspace = workspace
    }

    /// Opens the database, creating the file and bringing the schema up to date on first use.
    public static func open(_ location: DatabaseLocation, clock: Clock = .system,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            migrate: Bool = true, refuseEmptyPostgres: Bool = false) async throws -> WorkspaceConnection {
        let connection = try await StoreConnection.open(location, clock: clock, migrate: migrate, refuseEmptyPostgres: refuseEmptyPostgres)
        return WorkspaceConnection(connection: connection, workspace: Workspace(store: connection.store, environment: environment))
    }

    public var location: DatabaseLocation { connection.location }

    /// Makes this database a career centre's, or brings it up to date: the centre's tables and
    /// every person's schema (on SQLite, every person's file), under a lock. Returns how many
    /// people's data it checked.
    public func migrateCentre() async throws -> Int {
        if case .sqliteMemory = connection.location { throw CentreError.needsPostgres }
        return try await Centre.migrate(connection.store.db)
    }

    /// The centre's accounts and sharing, when this is a career centre's database; nil for a
    /// personal NextYes.
    public func centre() async throws -> Centre? {
        guard try await Centre.isCentre(connection.store.db) else { return nil }
        return Centre(db: connection.store.db, clock: workspace.clock, environment: workspace.environment)
    }

    /// Runs `body` with the workspace of the person the command is for: on a personal NextYes
    /// the one workspace (and `account` must be nil); on a centre's database the account's own,
    /// in one transaction that reaches only their data. A centre's database without an account
    /// is refused, never guessed.
    public func run<T: Sendable>(account email: String?, readOnly: Bool = false,
                                 _ body: @escaping @Sendable (Workspace) async throws -> T) async throws -> T {
        guard let centre = try await centre() else {
            if email != nil {
                throw ValidationErrors([FieldError("account", "This is a personal NextYes, with no accounts: leave out --account (and NEXTYES_ACCOUNT).")])
            }
            return try await body(workspace)
        }
        guard let email else { throw CentreError.accountNeeded }
        let account = try await centre.account(email: email)
        guard !account.disabled else { throw CentreError.accountDisabled(account.email) }
        guard account.role == .seeker else {
            throw ValidationErrors([FieldError("account", "\(account.email) is \(account.role == .admin ? "an" : "a") \(account.role.rawValue); only seekers have applications, a journal and a plan.")])
        }
        return try await centre.asPerson(account, readOnly: readOnly, body)
    }

    /// The person a long-running adapter (the assistant server) works for: each call runs with
    /// `run(account:)`, so on a centre every call is its own transaction as that person.
    public func scope(account email: String?) -> WorkspaceScope {
        WorkspaceScope { body in try await self.run(account: email) { try await body($0) } }
    }

    public func close() async {
        await connection.close()
    }
}

/// Where an adapter gets the workspace for one call: the one workspace of a personal NextYes, or
/// on a centre a transaction as the person (`WorkspaceConnection.scope(account:)`).
public struct WorkspaceScope: Sendable {
    let enter: @Sendable (_ body: @escaping @Sendable (Workspace) async throws -> any Sendable) async throws -> any Sendable

    public init(_ enter: @escaping @Sendable (_ body: @escaping @Sendable (Workspace) async throws -> any Sendable) async throws -> any Sendable) {
        self.enter = enter
    }

    /// Always the same workspace.
    public static func fixed(_ workspace: Workspace) -> WorkspaceScope {
        WorkspaceScope { body in try await body(workspace) }
    }

    public func run<T: Sendable>(_ body: @escaping @Sendable (Workspace) async throws -> T) async throws -> T {
        try await enter { try await body($0) } as! T
    }
}
