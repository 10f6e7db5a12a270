import FluentKit
import SQLKit

struct CreateFeedbackRequest: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("feedback_requests")
            .field(.id, .int, .identifier(auto: true))
            .field("application_id", .int, .required, .references("applications", .id, onDelete: .cascade))
            .field("contact_id", .int, .references("contacts", .id, onDelete: .setNull))
            .field("variant", .string, .required)
            .field("status", .string, .required)
            .field("created_on", .string, .required)
            .field("sent_on", .string)
            .field("closed_on", .string)
            .field("follow_up_sent_on", .string)
            .create()
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX feedback_requests_application ON feedback_requests (application_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("feedback_requests").delete()
    }
}
