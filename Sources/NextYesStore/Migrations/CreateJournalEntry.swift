import FluentKit
import SQLKit

struct CreateJournalEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("journal_entries")
            .field(.id, .int, .identifier(auto: true))
            .field("written_on", .string, .required)
            .field("created_at", .datetime, .required)
            .field("kind", .string, .required)
            .field("text", .string)
            .field("mood", .int)
            .field("emotions", .array(of: .string), .required)
            .field("own_reframe", .string)
            .field("application_id", .int, .references("applications", .id, onDelete: .setNull))
            .create()
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX journal_entries_written_on ON journal_entries (written_on)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("journal_entries").delete()
    }
}
