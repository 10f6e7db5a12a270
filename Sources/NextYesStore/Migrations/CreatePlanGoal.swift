import FluentKit

struct CreatePlanGoal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_goals")
            .field(.id, .int, .identifier(auto: true))
            .field("title", .string, .required)
            .field("focus", .string, .required)
            .field("focus_name", .string)
            .field("action", .string, .required)
            .field("measure", .string, .required)
            .field("deadline", .string, .required)
            .field("weekly_hours", .int, .required)
            .field("status", .string, .required)
            .field("created_on", .string, .required)
            .field("done_on", .string)
            .create()
        try await database.schema("skill_hours")
            .field(.id, .int, .identifier(auto: true))
            .field("on", .string, .required)
            .field("hours", .double, .required)
            .field("goal_id", .int, .references("plan_goals", .id, onDelete: .setNull))
            .field("note", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("skill_hours").delete()
        try await database.schema("plan_goals").delete()
    }
}
