import FluentKit
import SQLKit

struct CreateFeedback: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("feedback")
            .field(.id, .int, .identifier(auto: true))
            .field("application_id", .int, .required, .references("applications", .id, onDelete: .cascade))
            .field("request_id", .int, .references("feedback_requests", .id, onDelete: .setNull))
            .field("received_on", .string, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX feedback_application ON feedback (application_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("feedback").delete()
    }
}
