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
                            environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> WorkspaceConnection {
        let connection = try await StoreConnection.open(location, clock: clock)
        return WorkspaceConnection(connection: connection, workspace: Workspace(store: connection.store, environment: environment))
    }

    public var location: DatabaseLocation { connection.location }

    public func close() async {
        await connection.close()
    }
}
