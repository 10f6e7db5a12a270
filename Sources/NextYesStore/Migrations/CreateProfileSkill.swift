import FluentKit

struct CreateProfileSkill: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("profile_skills")
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("skill_key", .string, .required)
            .field("level", .string, .required)
            .unique(on: "skill_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("profile_skills").delete()
    }
}
