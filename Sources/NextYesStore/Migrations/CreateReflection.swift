import FluentKit

struct CreateReflection: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reflections")
            .field(.id, .int, .identifier(auto: true))
            .field("application_id", .int, .required, .references("applications", .id, onDelete: .cascade))
            .field("understood_role", .string)
            .field("less_confident", .string)
            .field("strengthen", .string)
            .field("went_well", .string)
            .field("ratings", .string, .required)
            .field("checklist", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "application_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reflections").delete()
    }
}
