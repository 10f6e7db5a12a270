import FluentKit
import SQLKit

/// Notes a coach leaves on a plan goal that a seeker shared with them (a career centre's
/// database): kept with the seeker's own data, so they go when the seeker's data goes.
struct CreateCoachNotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("coach_notes")
            .field("id", .int, .identifier(auto: true))
            .field("goal_id", .int, .required)
            .field("coach_name", .string, .required)
            .field("coach_email", .string, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await AddTableVersions.track("coach_notes", on: database as! any SQLDatabase)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("coach_notes").delete()
    }
}
