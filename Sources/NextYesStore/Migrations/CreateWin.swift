import FluentKit

struct CreateWin: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("wins")
            .field(.id, .int, .identifier(auto: true))
            .field("on", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("detail", .string)
            .field("application_id", .int, .references("applications", .id, onDelete: .cascade))
            .field("source_key", .string)
            .unique(on: "source_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("wins").delete()
    }
}
