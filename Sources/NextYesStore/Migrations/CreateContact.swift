import FluentKit
import SQLKit

struct CreateContact: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("contacts")
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("role", .string)
            .field("company", .string)
            .field("email", .string)
            .field("profile_url", .string)
            .field("notes", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("application_contacts")
            .field(.id, .int, .identifier(auto: true))
            .field("application_id", .int, .required, .references("applications", .id, onDelete: .cascade))
            .field("contact_id", .int, .required, .references("contacts", .id, onDelete: .cascade))
            .unique(on: "application_id", "contact_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("application_contacts").delete()
        try await database.schema("contacts").delete()
    }
}
