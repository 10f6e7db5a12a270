import FluentKit
import SQLKit

/// An index on company and role, ignoring case, so checking a new application against the open
/// ones is one indexed look-up, not a read of every row.
struct AddApplicationIdentityIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX applications_identity ON applications (lower(company), lower(role))").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX applications_identity").run()
    }
}
