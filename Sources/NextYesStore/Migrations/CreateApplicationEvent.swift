import FluentKit
import SQLKit

struct CreateApplicationEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("application_events")
            .field(.id, .int, .identifier(auto: true))
            .field("application_id", .int, .required, .references("applications", .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("on", .string, .required)
            .field("stage", .string, .required)
            .field("from_stage", .string)
            .field("note", .string)
            .field("recorded_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX application_events_application ON application_events (application_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("application_events").delete()
    }
}
