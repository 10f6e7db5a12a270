import FluentKit
import Foundation

// See ApplicationModel for why these Fluent models use an unchecked Sendable conformance.

final class ContactModel: Model, @unchecked Sendable {
    static let schema = "contacts"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @OptionalField(key: "role") var role: String?
    @OptionalField(key: "company") var company: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "profile_url") var profileURL: String?
    @OptionalField(key: "notes") var notes: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class ApplicationContactModel: Model, @unchecked Sendable {
    static let schema = "application_contacts"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "application_id") var applicationID: Int
    @Field(key: "contact_id") var contactID: Int

    init() {}
}

final class FeedbackRequestModel: Model, @unchecked Sendable {
    static let schema = "feedback_requests"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "application_id") var applicationID: Int
    @OptionalField(key: "contact_id") var contactID: Int?
    @Field(key: "variant") var variant: String
    @Field(key: "status") var status: String
    @Field(key: "created_on") var createdOn: String
    @OptionalField(key: "sent_on") var sentOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "follow_up_sent_on") var followUpSentOn: String?

    init() {}
}

final class FeedbackModel: Model, @unchecked Sendable {
    static let schema = "feedback"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "application_id") var applicationID: Int
    @OptionalField(key: "request_id") var requestID: Int?
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "text") var text: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class ReflectionModel: Model, @unchecked Sendable {
    static let schema = "reflections"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "application_id") var applicationID: Int
    @OptionalField(key: "understood_role") var understoodRole: String?
    @OptionalField(key: "less_confident") var lessConfident: String?
    @OptionalField(key: "strengthen") var strengthen: String?
    @OptionalField(key: "went_well") var wentWell: String?
    /// JSON: {"part-id": {"score": 3, "note": "..."}}
    @Field(key: "ratings") var ratings: String
    /// JSON array of checklist ids.
    @Field(key: "checklist") var checklist: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
