import FluentKit
import FluentPostgresDriver
import Foundation

/// A row's values by column position, the same way on SQLite and PostgreSQL, so the whole-table
/// reads decode each row once, in one place, whichever database holds it.
protocol PositionalValues {
    func text(_ i: Int) throws -> String
    func optionalText(_ i: Int) -> String?
    func int(_ i: Int) throws -> Int
    func optionalInt(_ i: Int) -> Int?
    func date(_ i: Int) throws -> Date
    func texts(_ i: Int) throws -> [String]
}

extension SQLiteRows.Values: PositionalValues {}

/// Whole-table reads on PostgreSQL without SQLKit's rows: SQLKit copies every row into a lookup
/// by column name and decodes each value by name, which cost more than the query itself for a
/// page that reads every application. These read the wire rows by position instead, on the
/// database (or transaction) they are given, so a centre's person-scoped transaction still holds.
enum PostgresRows {
    /// The rows of `sql` (binds are texts, as `$1`, `$2`...). NextYes runs on SQLite, read with
    /// `SQLiteRows`, and PostgreSQL: nothing else reaches here.
    static func collect<T>(_ db: any Database, _ sql: String, _ binds: [String] = [], table: String,
                           _ make: (Values) throws -> T) async throws -> [T] {
        guard let pg = db as? any PostgresDatabase else {
            throw StoreError.cannotOpen(table, "NextYes reads SQLite and PostgreSQL databases only")
        }
        var bindings = PostgresBindings()
        for bind in binds { bindings.append(bind) }
        let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
        let logger = pg.logger
        let rows = try await pg.withConnection { connection in
            connection.eventLoop.makeFutureWithTask { try await connection.query(query, logger: logger).collect() }
        }.get()
        var made: [T] = []
        made.reserveCapacity(rows.count)
        for row in rows { made.append(try make(Values(cells: Array(row), table: table))) }
        return made
    }

    struct Values: PositionalValues {
        let cells: [PostgresCell]
        let table: String

        func text(_ i: Int) throws -> String {
            guard let text = optionalText(i) else { throw problem(i, "is empty") }
            return text
        }

        func optionalText(_ i: Int) -> String? {
            (try? cells[i].decode(String?.self)) ?? nil
        }

        func int(_ i: Int) throws -> Int {
            guard let number = optionalInt(i) else { throw problem(i, "is not a whole number") }
            return number
        }

        func optionalInt(_ i: Int) -> Int? {
            (try? cells[i].decode(Int?.self)) ?? nil
        }

        func date(_ i: Int) throws -> Date {
            guard let date = (try? cells[i].decode(Date?.self)) ?? nil else { throw problem(i, "is not a moment in time") }
            return date
        }

        func texts(_ i: Int) throws -> [String] {
            do { return try cells[i].decode([String].self) } catch { throw problem(i, "is not a list of texts") }
        }

        private func problem(_ i: Int, _ what: String) -> StoreError {
            .corruptRow(table: table, id: optionalInt(0).map(String.init) ?? "?", detail: "\(cells[i].columnName) \(what)")
        }
    }
}
