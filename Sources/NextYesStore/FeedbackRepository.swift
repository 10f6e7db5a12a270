import FluentKit
import Foundation
import NextYesCore

/// Feedback requests and the feedback that came back.
public struct FeedbackRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil
    let clock: Clock

    // MARK: Requests

    /// Records a request, as a draft or as sent on a day.
    public func createRequest(applicationID: Int, contactID: Int?, variant: FeedbackRequestVariant, sentOn: Day?) async throws -> FeedbackRequest {
        let today = clock.today
        if let sentOn, sentOn > today { throw CoreError.dateInFuture(sentOn, today: today) }
        let row = FeedbackRequestModel()
        row.applicationID = applicationID
        row.contactID = contactID
        row.variant = variant.rawValue
        row.status = (sentOn == nil ? FeedbackRequestStatus.draft : .sent).rawValue
        row.createdOn = today.description
        row.sentOn = sentOn?.description
        try await row.create(on: db)
        return try Self.request(row)
    }

    public func request(_ id: Int) async throws -> FeedbackRequest {
        guard let row = try await FeedbackRequestModel.find(id, on: db) else { throw FeedbackError.requestNotFound(id) }
        return try Self.request(row)
    }

    public func requests(for applicationID: Int) async throws -> [FeedbackRequest] {
        try await FeedbackRequestModel.query(on: db).filter(\.$applicationID == applicationID).sort(\.$id).all().map(Self.request)
    }

    public func allRequests() async throws -> [FeedbackRequest] {
        try await memo.remembered(.feedbackRequests, on: db) { try await readAllRequests() }
    }

    private func readAllRequests() async throws -> [FeedbackRequest] {
        try await FeedbackRequestModel.query(on: db).sort(\.$id).all().map(Self.request)
    }

    /// Changes a request's status by the domain rules.
    public func mark(_ id: Int, _ status: FeedbackRequestStatus, on day: Day? = nil) async throws -> FeedbackRequest {
        try await change(id) { request, today in try request.mark(status, on: day ?? today, today: today) }
    }

    public func recordFollowUp(_ id: Int, on day: Day? = nil) async throws -> FeedbackRequest {
        try await change(id) { request, today in try request.recordFollowUp(on: day ?? today, today: today) }
    }

    private func change(_ id: Int, _ rule: @escaping @Sendable (inout FeedbackRequest, Day) throws -> Void) async throws -> FeedbackRequest {
        let today = clock.today
        return try await db.writeTransaction { tx in
            guard let row = try await FeedbackRequestModel.find(id, on: tx) else { throw FeedbackError.requestNotFound(id) }
            var request = try Self.request(row)
            try rule(&request, today)
            row.status = request.status.rawValue
            row.sentOn = request.sentOn?.description
            row.closedOn = request.closedOn?.description
            row.followUpSentOn = request.followUpSentOn?.description
            try await row.update(on: tx)
            return request
        }
    }

    // MARK: Feedback

    /// Saves feedback for an application; the open request it answers, if any, becomes replied.
    /// A strength the feedback names, recorded as a win in the same transaction.
    public struct NamedStrength: Sendable {
        public var title: String
        public var evidence: String
        public init(title: String, evidence: String) {
            self.title = title
            self.evidence = evidence
        }
    }

    /// Saves feedback; `strength` (read from the text by the caller) becomes a win with it.
    public func add(applicationID: Int, text: String, receivedOn: Day? = nil, requestID: Int? = nil,
                    strength: NamedStrength? = nil) async throws -> Feedback {
        let today = clock.today
        let day = receivedOn ?? today
        if day > today { throw CoreError.dateInFuture(day, today: today) }
        let clean = try Feedback.validatedText(text)
        let moment = Store.storable(clock.now())
        return try await db.writeTransaction { tx in
            var answered = requestID
            if answered == nil {
                answered = try await FeedbackRequestModel.query(on: tx).filter(\.$applicationID == applicationID)
                    .filter(\.$status ~~ [FeedbackRequestStatus.sent.rawValue, FeedbackRequestStatus.draft.rawValue])
                    .sort(\.$id, .descending).first()?.id
            }
            if let answered, let requestRow = try await FeedbackRequestModel.find(answered, on: tx), requestRow.applicationID == applicationID {
                var request = try Self.request(requestRow)
                if request.status == .sent || request.status == .draft {
                    try request.mark(.replied, on: max(day, request.sentOn ?? day), today: today)
                    requestRow.status = request.status.rawValue
                    requestRow.sentOn = request.sentOn?.description
                    requestRow.closedOn = request.closedOn?.description
                    try await requestRow.update(on: tx)
                }
            }
            let row = FeedbackModel()
            row.applicationID = applicationID
            row.requestID = answered
            row.receivedOn = day.description
            row.text = clean
            row.createdAt = moment
            try await row.create(on: tx)
            let saved = try Self.feedback(row)
            // Feedback that names a strength is a win worth keeping.
            if let strength, let application = try await ApplicationModel.find(applicationID, on: tx) {
                try await WinRepository.insertIfNew(NewWin(
                    on: day, kind: .strengthFeedback, title: "\(application.company) named a strength: \(strength.title.lowercased())",
                    detail: strength.evidence, applicationID: applicationID, sourceKey: "feedback:\(saved.id)"), on: tx)
            }
            return saved
        }
    }

    public func feedback(for applicationID: Int) async throws -> [Feedback] {
        try await FeedbackModel.query(on: db).filter(\.$applicationID == applicationID).sort(\.$receivedOn).sort(\.$id).all().map(Self.feedback)
    }

    public func allFeedback() async throws -> [Feedback] {
        try await memo.remembered(.feedback, on: db) { try await FeedbackModel.query(on: db).sort(\.$receivedOn).sort(\.$id).all().map(Self.feedback) }
    }

    public func deleteFeedback(_ id: Int) async throws {
        try await FeedbackModel.query(on: db).filter(\.$id == id).delete()
    }

    // MARK: Mapping

    static func request(_ row: FeedbackRequestModel) throws -> FeedbackRequest {
        let id = row.id ?? 0
        func fail(_ column: String, _ value: String) -> StoreError {
            .corruptRow(table: FeedbackRequestModel.schema, id: String(id), detail: "\(column) is \"\(value)\"")
        }
        guard let variant = FeedbackRequestVariant(rawValue: row.variant) else { throw fail("variant", row.variant) }
        guard let status = FeedbackRequestStatus(rawValue: row.status) else { throw fail("status", row.status) }
        guard let created = Day(row.createdOn) else { throw fail("created_on", row.createdOn) }
        func day(_ raw: String?, _ column: String) throws -> Day? {
            guard let raw else { return nil }
            guard let day = Day(raw) else { throw fail(column, raw) }
            return day
        }
        return FeedbackRequest(
            id: id, applicationID: row.applicationID, contactID: row.contactID, variant: variant, status: status,
            createdOn: created, sentOn: try day(row.sentOn, "sent_on"), closedOn: try day(row.closedOn, "closed_on"),
            followUpSentOn: try day(row.followUpSentOn, "follow_up_sent_on"))
    }

    static func feedback(_ row: FeedbackModel) throws -> Feedback {
        guard let day = Day(row.receivedOn) else {
            throw StoreError.corruptRow(table: FeedbackModel.schema, id: String(row.id ?? 0), detail: "received_on is \"\(row.receivedOn)\"")
        }
        return Feedback(id: row.id ?? 0, applicationID: row.applicationID, requestID: row.requestID, receivedOn: day, text: row.text, createdAt: row.createdAt)
    }
}
