import FluentKit
import Foundation

// Fluent models are classes with property wrappers that Fluent synchronises itself; they never
// cross a concurrency domain here (each is built, used and dropped inside one repository call),
// which is why the unchecked conformance is safe.
final class ApplicationModel: Model, @unchecked Sendable {
    static let schema = "applications"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "company") var company: String
    @Field(key: "role") var role: String
    @OptionalField(key: "location") var location: String?
    @OptionalField(key: "url") var url: String?
    @OptionalField(key: "source") var source: String?
    @OptionalField(key: "job_description") var jobDescription: String?
    @OptionalField(key: "salary") var salary: String?
    @OptionalField(key: "notes") var notes: String?
    @OptionalField(key: "excitement") var excitement: Int?
    @OptionalField(key: "applied_on") var appliedOn: String?
    @Field(key: "stage") var stage: String
    @Field(key: "furthest_stage") var furthestStage: String
    @Field(key: "outcome") var outcome: String
    @Field(key: "last_activity_on") var lastActivityOn: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "import_key") var importKey: String?

    init() {}
}

// See ApplicationModel for why the unchecked conformance is safe.
final class ApplicationEventModel: Model, @unchecked Sendable {
    static let schema = "application_events"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "application_id") var applicationID: Int
    @Field(key: "kind") var kind: String
    @Field(key: "on") var on: String
    @Field(key: "stage") var stage: String
    @OptionalField(key: "from_stage") var fromStage: String?
    @OptionalField(key: "note") var note: String?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

// See ApplicationModel for why the unchecked conformance is safe.
final class RejectionModel: Model, @unchecked Sendable {
    static let schema = "rejections"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "application_id") var applicationID: Int
    @Field(key: "on") var on: String
    @Field(key: "stage_reached") var stageReached: String
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "category") var category: String
    @Field(key: "controllable") var controllable: String
    @Field(key: "feelings") var feelings: [String]
    @OptionalField(key: "intensity") var intensity: Int?
    @Field(key: "processing_ends_on") var processingEndsOn: String

    init() {}
}

// See ApplicationModel for why the unchecked conformance is safe.
final class SettingModel: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    init(key: String, value: String) {
        self.id = key
        self.value = value
    }
}
