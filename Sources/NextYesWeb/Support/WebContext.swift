import Foundation
import NextYesCore
import NextYesFeatures
import Vapor

typealias JobApplication = NextYesCore.Application

/// What the web app needs from outside: the clock, the login token, where the data lives.
public struct WebContext: Sendable {
    public var clock: Clock
    /// The secret in the login link printed at start.
    public var loginToken: String
    public var location: DatabaseLocation
    /// The process environment, for the system locale (the country whose crisis lines to show).
    public var environment: [String: String]
    /// The Host headers the server answers to (its own address and port); nil answers any, for
    /// tests that never open a socket.
    public var allowedHosts: Set<String>?
    /// The person's private folder for files the app keeps for a while (uploads being previewed):
    /// beside the SQLite file, else the data directory.
    public var dataDirectory: URL
    /// Whole-table reads shared by page views while the data is unchanged (SQLite only).
    public let sharedReads = SharedReads()
    /// A career centre's database: accounts sign in with a password, and each request works
    /// inside the signed-in person's own transaction. Decided when the server starts.
    public internal(set) var isCentre = false
    /// Lets a personal NextYes start in an empty PostgreSQL database (`serve --personal`).
    public var personalOnPostgres = false

    public init(clock: Clock = .system, loginToken: String, location: DatabaseLocation,
                environment: [String: String] = ProcessInfo.processInfo.environment, dataDirectory: URL? = nil) {
        self.clock = clock
        self.loginToken = loginToken
        self.location = location
        self.environment = environment
        if let dataDirectory {
            self.dataDirectory = dataDirectory
        } else if case .sqliteFile(let path) = location {
            self.dataDirectory = URL(fileURLWithPath: path).deletingLastPathComponent()
        } else {
            self.dataDirectory = DataDirectory.resolve(environment: environment)
        }
    }

    /// A fresh random token: 32 bytes, hex.
    public static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Fast.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}

struct WebContextKey: StorageKey {
    typealias Value = WebContext
}

extension Vapor.Application {
    var nextyes: WebContext {
        get { storage[WebContextKey.self]! }
        set { storage[WebContextKey.self] = newValue }
    }
}

private struct WorkspaceKey: StorageKey {
    typealias Value = Workspace
}

extension Request {
    /// The workspace for this request: one per request; a page view (GET) reads each table once.
    var workspace: Workspace {
        if let made = storage[WorkspaceKey.self] { return made }
        // On a centre, a request has a workspace only inside its person's transaction (set by
        // CentreAccessMiddleware); outside one, the connection sees no one's data at all.
        if application.nextyes.isCentre {
            return Workspace(db: db, clock: application.nextyes.clock, environment: application.nextyes.environment)
        }
        let made = Workspace(db: db, clock: application.nextyes.clock, environment: application.nextyes.environment,
                             readOnly: method == .GET || method == .HEAD, shared: application.nextyes.sharedReads)
        storage[WorkspaceKey.self] = made
        return made
    }
    /// The browser sessions' store: the centre's table on a centre, else the person's database.
    var signIns: SignIns {
        if application.nextyes.isCentre { return centre.signIns }
        return workspace.signIns
    }

    /// The centre's accounts and sharing (a centre only).
    var centre: Centre {
        Centre(db: db, clock: application.nextyes.clock, environment: application.nextyes.environment)
    }

    /// Uses `workspace` as this request's for the rest of its handling.
    func setWorkspace(_ workspace: Workspace?) {
        storage[WorkspaceKey.self] = workspace
    }

    var care: Care { workspace.care }
    var clock: Clock { application.nextyes.clock }
    var today: Day { application.nextyes.clock.today }

    /// The id in the path, or a 404 for anything that isn't a number.
    func applicationID() throws -> Int {
        guard let raw = parameters.get(SiteURL.idKey), let id = Int(raw), id > 0 else {
            throw Abort(.notFound, reason: "There is no application at this address.")
        }
        return id
    }
}
