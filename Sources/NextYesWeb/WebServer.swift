import Foundation
import NIOCore
import NextYesCore
import NextYesFeatures
import Vapor

/// Runs the web app until the process is asked to stop.
public struct WebServer: Sendable {
    public let location: DatabaseLocation
    public let clock: Clock

    /// Lets a personal NextYes start in an empty PostgreSQL database.
    public var personalOnPostgres = false

    public init(location: DatabaseLocation, clock: Clock = .system, personalOnPostgres: Bool = false) {
        self.location = location
        self.clock = clock
        self.personalOnPostgres = personalOnPostgres
    }

    /// The names a browser may use for this server: the address it listens on, and localhost
    /// beside a loopback address.
    public static func allowedHosts(host: String, port: Int) -> Set<String> {
        var names: Set<String> = [host.lowercased()]
        if isLoopback(host) { names.formUnion(["127.0.0.1", "localhost", "[::1]"]) }
        return Set(names.map { "\($0):\(port)" } + (port == 80 ? Array(names) : []))
    }

    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    /// Starts listening, calls `onReady` with the login link, and returns after SIGINT or SIGTERM.
    public func run(host: String, port: Int, onReady: @Sendable (String) -> Void) async throws {
        let environment = Environment(name: "production", arguments: ["nextyes"])
        let app = try await Vapor.Application.make(environment)
        app.logger.logLevel = .warning
        let token = WebContext.makeToken()
        do {
            var context = WebContext(clock: clock, loginToken: token, location: location)
            context.personalOnPostgres = personalOnPostgres
            try await configure(app, context: context)
            do {
                try await app.server.start(address: .hostname(host, port: port))
            } catch {
                throw WebServerError.cannotListen(host: host, port: port, reason: String(describing: error))
            }
            let actualPort = app.http.server.shared.localAddress?.port ?? port
            let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            if app.nextyes.isCentre {
                // A centre's server sits behind the centre's own address (a proxy, a name of its
                // own), and every person signs in with a password: there is no loopback to guard.
                let site = ProcessInfo.processInfo.environment["NEXTYES_SITE_URL"].flatMap { $0.isEmpty ? nil : $0 }
                onReady((site.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "http://\(shownHost):\(actualPort)") + "/login")
            } else {
                app.nextyes.allowedHosts = Self.allowedHosts(host: shownHost, port: actualPort)
                onReady("http://\(shownHost):\(actualPort)/?token=\(token)")
            }
            // On a centre, each opted-in person's cohort counts are brought up to date in the
            // background, so the admin's cohort page only reads them.
            let refresher: Task<Void, Never>? = app.nextyes.isCentre ? Task { [db = app.db, clock, logger = app.logger] in
                await Self.keepCohortFresh(Centre(db: db, clock: clock), logger: logger)
            } : nil
            await Self.waitForTerminationSignal()
            refresher?.cancel()
            await app.server.shutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Every two minutes (after a first wait of 20 s), the people whose data changed are counted
    /// again. A failure is logged and tried again next time; it never stops the server.
    static func keepCohortFresh(_ centre: Centre, logger: Logger, every seconds: UInt64 = 120) async {
        var wait: UInt64 = 20
        while !Task.isCancelled {
            do { try await Task.sleep(nanoseconds: wait * 1_000_000_000) } catch { return }
            wait = seconds
            do {
                try await centre.refreshCohort()
            } catch {
                logger.warning("Counting the cohort's figures failed; trying again in \(seconds) s: \(String(describing: error))")
            }
        }
    }

    private static func waitForTerminationSignal() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = Once()
            var sources: [any DispatchSourceSignal] = []
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    if once.claim() { continuation.resume() }
                }
                source.resume()
                sources.append(source)
            }
            SignalSources.keep(sources)
        }
    }
}

/// True for the first caller only, whichever thread it is on.
private final class Once: @unchecked Sendable {
    // The lock guards `done`; that is what makes the unchecked conformance safe.
    private let lock = NSLock()
    private var done = false

    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if done { return false }
        done = true
        return true
    }
}

/// Keeps the signal sources alive for the life of the process.
private enum SignalSources {
    nonisolated(unsafe) static var held: [any DispatchSourceSignal] = []
    static func keep(_ sources: [any DispatchSourceSignal]) { held = sources }
}

public enum WebServerError: Error, LocalizedError {
    case cannotListen(host: String, port: Int, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotListen(let host, let port, let reason):
            if reason.contains("Address already in use") || reason.contains("errno: 98") {
                return "Port \(port) is already in use (maybe NextYes is already running). Try another one: nextyes serve --port \(port + 1)"
            }
            if reason.contains("Cannot assign requested address") || reason.contains("nodename nor servname") || reason.contains("Name or service not known") {
                return "NextYes can't listen on \(host): this machine has no such address. Leave --host out to use 127.0.0.1."
            }
            return "NextYes could not listen on \(host):\(port): \(reason)"
        }
    }
}
