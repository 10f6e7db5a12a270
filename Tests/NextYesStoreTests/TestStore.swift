import FluentPostgresDriver
import Foundation
import NIOPosix
import NextYesCore
import NextYesFeatures
import NextYesStore
import Testing

/// Runs store tests on a fresh database: PostgreSQL when DATABASE_URL is set (a new database per
/// test, dropped afterwards), otherwise a new SQLite file in a temporary folder.
enum TestStore {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var backend: String { postgresURL == nil ? "SQLite" : "PostgreSQL" }

    static let day = Day("2026-03-16")!

    static func with(
        clock: Clock = .fixed(day), _ body: (StoreConnection) async throws -> Void
    ) async throws {
        if let url = postgresURL {
            let name = "nextyes_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            try await admin(url) { try await $0.raw("CREATE DATABASE \(unsafeRaw: String(name))").run() }
            var components = URLComponents(string: url)!
            components.path = "/\(name)"
            let connection = try await StoreConnection.open(.postgres(url: components.string!), clock: clock)
            do {
                try await body(connection)
            } catch {
                await connection.close()
                try? await drop(String(name), url)
                throw error
            }
            await connection.close()
            try await drop(String(name), url)
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-store-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let location = DatabaseLocation.sqliteFile(path: folder.appendingPathComponent("test.sqlite").path)
            let connection = try await StoreConnection.open(location, clock: clock)
            do {
                try await body(connection)
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        }
    }

    /// Drops a test's database once its last connection is gone. A connection the pool was still
    /// opening when the test ended finishes and is closed by the pool; ending it from the server
    /// (`WITH (FORCE)`) while it is in flight trips PostgresNIO's "deinitialized before being
    /// closed" assertion in debug builds. FORCE is the last resort, after about five seconds.
    private static func drop(_ name: String, _ url: String) async throws {
        for _ in 0..<50 {
            do {
                try await admin(url) { try await $0.raw("DROP DATABASE \(unsafeRaw: name)").run() }
                return
            } catch {
                try await Task.sleep(nanoseconds: 100_000_000)
            }
        }
        try await admin(url) { try await $0.raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run() }
    }

    private static func admin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try .postgres(url: url, sqlLogLevel: .trace), as: .init(string: "admin"))
        do {
            let db = databases.database(.init(string: "admin"), logger: .init(label: "test.admin"), on: MultiThreadedEventLoopGroup.singleton.any())!
            try await body(db as! any SQLDatabase)
        } catch {
            await databases.shutdownAsync()
            throw error
        }
        await databases.shutdownAsync()
    }
}

func details(_ company: String = "Acme", _ role: String = "Data Analyst", applied: String? = "2026-03-01") -> ApplicationDetails {
    ApplicationDetails(company: company, role: role, appliedOn: applied.flatMap(Day.init))
}
