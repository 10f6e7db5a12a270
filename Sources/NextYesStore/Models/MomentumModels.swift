import FluentKit
import Foundation

// See ApplicationModel for why these Fluent models use an unchecked Sendable conformance.

final class InteractionModel: Model, @unchecked Sendable {
    static let schema = "interactions"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "contact_id") var contactID: Int
    @Field(key: "kind") var kind: String
    @Field(key: "on") var on: String
    @OptionalField(key: "note") var note: String?

    init() {}
}

final class InterviewRoundModel: Model, @unchecked Sendable {
    static let schema = "interview_rounds"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "application_id") var applicationID: Int
    @Field(key: "on") var on: String
    @OptionalField(key: "time") var time: String?
    @Field(key: "type") var type: String
    @OptionalField(key: "notes") var notes: String?

    init() {}
}

final class InterviewerModel: Model, @unchecked Sendable {
    static let schema = "interview_interviewers"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "round_id") var roundID: Int
    @Field(key: "contact_id") var contactID: Int

    init() {}
}

final class WeeklyTargetsModel: Model, @unchecked Sendable {
    static let schema = "weekly_targets"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "from_week") var fromWeek: String
    @Field(key: "applications") var applications: Int
    @Field(key: "conversations") var conversations: Int
    @Field(key: "skill_hours") var skillHours: Double

    init() {}
}

final class StoryModel: Model, @unchecked Sendable {
    static let schema = "stories"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "title") var title: String
    @OptionalField(key: "situation") var situation: String?
    @OptionalField(key: "task") var task: String?
    @OptionalField(key: "action") var action: String?
    @OptionalField(key: "result") var result: String?
    /// JSON arrays of strings.
    @Field(key: "themes") var themes: String
    @Field(key: "skills") var skills: String

    init() {}
}

final class PracticeSessionModel: Model, @unchecked Sendable {
    static let schema = "practice_sessions"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "question_id") var questionID: String
    @OptionalField(key: "story_id") var storyID: Int?
    @Field(key: "on") var on: String
    @Field(key: "situation") var situation: Int
    @Field(key: "task") var task: Int
    @Field(key: "action") var action: Int
    @Field(key: "result") var result: Int
    @OptionalField(key: "notes") var notes: String?

    init() {}
}

final class AgendaDoneModel: Model, @unchecked Sendable {
    static let schema = "agenda_done"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "uid") var uid: String
    @Field(key: "done_on") var doneOn: String

    init() {}
}

/// A job e-mail already used, by its Message-ID (see `CreateMailMessages`).
final class MailMessageModel: Model, @unchecked Sendable {
    static let schema = "mail_messages"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "message_id") var messageID: String
    @OptionalField(key: "application_id") var applicationID: Int?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "received_on") var receivedOn: String?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// A coach's note on a plan goal (a career centre): backed up with the person's own data.
final class CoachNoteModel: Model, @unchecked Sendable {
    static let schema = "coach_notes"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "goal_id") var goalID: Int
    @Field(key: "coach_name") var coachName: String
    @Field(key: "coach_email") var coachEmail: String
    @Field(key: "text") var text: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
