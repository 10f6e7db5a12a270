import FluentKit
import SQLKit

struct CreateApplication: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications")
            .field(.id, .int, .identifier(auto: true))
            .field("company", .string, .required)
            .field("role", .string, .required)
            .field("location", .string)
            .field("url", .string)
            .field("source", .string)
            .field("job_description", .string)
            .field("salary", .string)
            .field("notes", .string)
            .field("excitement", .int)
            .field("applied_on", .string)
            .field("stage", .string, .required)
            .field("furthest_stage", .string, .required)
            .field("outcome", .string, .required)
            .field("last_activity_on", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX applications_outcome ON applications (outcome)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").delete()
    }
}
