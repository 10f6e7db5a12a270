import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where the data lives: one SQLite file on the person's machine, or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    case sqliteFile(path: String)
    /// A private in-memory SQLite database, gone when the process ends (tests).
    case sqliteMemory(identifier: String)
    case postgres(url: String)

    /// Picks the database from, in order: `--database`, `NEXTYES_DATABASE`, `DATABASE_URL`, and the
    /// default file in the data directory. A value starting with postgres:// names a server.
    public static func resolve(option: String?, environment: [String: String]) throws -> DatabaseLocation {
        if let option {
            // An empty --database is a mistake (an unset variable in a script), never a request
            // for the default database.
            guard let value = nonEmpty(option) else { throw StoreError.emptyDatabasePath }
            return from(value)
        }
        if let path = nonEmpty(environment["NEXTYES_DATABASE"]) { return from(path) }
        if let url = nonEmpty(environment["DATABASE_URL"]) { return .postgres(url: url) }
        return .sqliteFile(path: DataDirectory.resolve(environment: environment).appendingPathComponent("nextyes.sqlite").path)
    }

    static func from(_ value: String) -> DatabaseLocation {
        let lower = value.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            return .postgres(url: value)
        }
        return .sqliteFile(path: value)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// Readable, with any password in a server address hidden.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return path
        case .sqliteMemory: return "in-memory SQLite"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            if components.password != nil { components.password = "•••" }
            return components.string ?? "PostgreSQL"
        }
    }

    /// The Fluent configuration for this location.
    public func configuration() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path):
            return .sqlite(SQLiteConfiguration(storage: .file(path: path)), sqlLogLevel: nil)
        case .sqliteMemory(let identifier):
            return .sqlite(SQLiteConfiguration(storage: .memory(identifier: identifier)), sqlLogLevel: nil)
        case .postgres(let url):
            do {
                // A career centre keeps its own tables in the schema `centre`: a connection that
                // is not inside a person's transaction sees those (and the public schema of a
                // personal NextYes on PostgreSQL, where `centre` doesn't exist).
                var configuration = try SQLPostgresConfiguration(url: url)
                configuration.searchPath = [CentreSchema.name, "public"]
                // Each request of a centre's person holds one connection for its transaction.
                return .postgres(configuration: configuration, maxConnectionsPerEventLoop: 8, sqlLogLevel: .trace)
            } catch {
                throw StoreError.badDatabaseURL(description)
            }
        }
    }

    /// Makes sure an SQLite file can be created: its folder exists (private to the user) and the
    /// file itself is readable by its owner only, before SQLite adds its journal files beside it.
    public func prepareFile() throws {
        guard case .sqliteFile(let path) = self else { return }
        let fileManager = FileManager.default
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if !fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            do {
                try fileManager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreateFolder(folder.path, error.localizedDescription)
            }
        } else if !isDirectory.boolValue {
            throw StoreError.cannotCreateFolder(folder.path, "a file with that name is in the way")
        }
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreError.pathIsFolder(path) }
            return
        }
        guard fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.cannotCreateFile(path)
        }
    }
}

/// The per-user data folder: `$XDG_DATA_HOME/nextyes`, else `~/.local/share/nextyes`.
public enum DataDirectory {
    public static func resolve(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("nextyes")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/nextyes")
    }
}
