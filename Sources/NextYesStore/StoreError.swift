import Foundation

/// Problems reaching or reading the database, with what to do about them.
public enum StoreError: Error, Hashable, Sendable, LocalizedError {
    case badDatabaseURL(String)
    case cannotCreateFolder(String, String)
    case cannotCreateFile(String)
    case pathIsFolder(String)
    case cannotOpen(String, String)
    case notEmpty(applications: Int)
    case noDatabase(String)
    case corruptRow(table: String, id: String, detail: String)
    /// Another program held the write lock for longer than NextYes waits.
    case databaseBusy
    case emptyDatabasePath

    public var errorDescription: String? {
        switch self {
        case .badDatabaseURL(let url):
            "\(url) is not a PostgreSQL address NextYes can use. Write it as postgres://user:password@host:5432/database."
        case .cannotCreateFolder(let path, let why):
            "NextYes could not create the folder \(path) for its database (\(why)). Choose another place with --database PATH."
        case .cannotCreateFile(let path):
            "NextYes could not create its database file at \(path). Check that the folder is writable, or choose another place with --database PATH."
        case .pathIsFolder(let path):
            "\(path) is a folder. Give --database the path of a file, for example \(path)/nextyes.sqlite."
        case .cannotOpen(let where_, let why):
            "NextYes could not open the database at \(where_): \(why)"
        case .noDatabase(let path):
            "There's no NextYes database at \(path) yet. Check the path, or start one: add an application with `nextyes add`, or open the app with `nextyes serve`."
        case .notEmpty(let count):
            "This database already holds \(count) application\(count == 1 ? "" : "s")."
        case .emptyDatabasePath:
            "--database was given an empty path. Give the path of a database file, or leave --database out to use the default one."
        case .databaseBusy:
            "The NextYes database is busy: another program has been writing to it for more than \(WriteLock.timeoutMilliseconds / 1000) seconds (a long import, another NextYes command, or an open sqlite3 shell with a transaction). Nothing was changed. Let it finish, or close it, then try again."
        case .corruptRow(let table, let id, let detail):
            "A row in \(table) (id \(id)) holds a value NextYes can't read: \(detail). Restore from a backup, or edit that row."
        }
    }
}
