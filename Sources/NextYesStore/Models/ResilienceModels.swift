import FluentKit
import Foundation

// See ApplicationModel for why these Fluent models use an unchecked Sendable conformance.

final class JournalEntryModel: Model, @unchecked Sendable {
    static let schema = "journal_entries"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "written_on") var writtenOn: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "kind") var kind: String
    @OptionalField(key: "text") var text: String?
    @OptionalField(key: "mood") var mood: Int?
    @Field(key: "emotions") var emotions: [String]
    @OptionalField(key: "own_reframe") var ownReframe: String?
    @OptionalField(key: "application_id") var applicationID: Int?

    init() {}
}

final class WinModel: Model, @unchecked Sendable {
    static let schema = "wins"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "on") var on: String
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @OptionalField(key: "detail") var detail: String?
    @OptionalField(key: "application_id") var applicationID: Int?
    @OptionalField(key: "source_key") var sourceKey: String?

    init() {}
}
