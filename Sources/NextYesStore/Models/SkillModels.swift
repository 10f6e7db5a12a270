import FluentKit
import Foundation

// See ApplicationModel for why these Fluent models use an unchecked Sendable conformance.

final class ProfileSkillModel: Model, @unchecked Sendable {
    static let schema = "profile_skills"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "skill_key") var key: String
    @Field(key: "level") var level: String

    init() {}
}

final class PlanGoalModel: Model, @unchecked Sendable {
    static let schema = "plan_goals"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "title") var title: String
    @Field(key: "focus") var focus: String
    @OptionalField(key: "focus_name") var focusName: String?
    @Field(key: "action") var action: String
    @Field(key: "measure") var measure: String
    @Field(key: "deadline") var deadline: String
    @Field(key: "weekly_hours") var weeklyHours: Int
    @Field(key: "status") var status: String
    @Field(key: "created_on") var createdOn: String
    @OptionalField(key: "done_on") var doneOn: String?

    init() {}
}

/// Hours spent on skill development, against a plan goal or on their own.
final class SkillHoursModel: Model, @unchecked Sendable {
    static let schema = "skill_hours"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "on") var on: String
    @Field(key: "hours") var hours: Double
    @OptionalField(key: "goal_id") var goalID: Int?
    @OptionalField(key: "note") var note: String?

    init() {}
}
