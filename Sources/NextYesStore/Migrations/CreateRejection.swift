import FluentKit

struct CreateRejection: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("rejections")
            .field(.id, .int, .identifier(auto: true))
            .field("application_id", .int, .required, .references("applications", .id, onDelete: .cascade))
            .field("on", .string, .required)
            .field("stage_reached", .string, .required)
            .field("reason", .string)
            .field("category", .string, .required)
            .field("controllable", .string, .required)
            .field("feelings", .array(of: .string), .required)
            .field("intensity", .int)
            .field("processing_ends_on", .string, .required)
            .unique(on: "application_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("rejections").delete()
    }
}
