import Foundation

/// The tone and length of a feedback request.
public enum FeedbackRequestVariant: String, CaseIterable, Codable, Sendable, TypedIdentifier {
    case short
    case standard
    case finalRound = "final-round"

    public var title: String {
        switch self {
        case .short: "Short"
        case .standard: "Standard"
        case .finalRound: "After a final round"
        }
    }

    /// The variant that fits how far the person got.
    public static func suggested(for stage: Stage) -> FeedbackRequestVariant {
        switch stage {
        case .finalRound, .offer: .finalRound
        case .saved, .applied: .short
        default: .standard
        }
    }
}

/// Where a feedback request stands.
public enum FeedbackRequestStatus: String, CaseIterable, Codable, Sendable, TypedIdentifier {
    case draft
    case sent
    case replied
    case declined
    case noReply = "no-reply"

    public var title: String {
        switch self {
        case .draft: "Draft"
        case .sent: "Sent"
        case .replied: "Replied"
        case .declined: "Declined"
        case .noReply: "No reply"
        }
    }
}

/// A request for feedback on one application. NextYes composes it; the person sends it.
public struct FeedbackRequest: Hashable, Sendable, Codable, Identifiable {
    public static let followUpAfterDays = 7

    public var id: Int
    public var applicationID: Int
    public var contactID: Int?
    public var variant: FeedbackRequestVariant
    public var status: FeedbackRequestStatus
    public var createdOn: Day
    public var sentOn: Day?
    /// When they answered (replied or declined) or when the person gave up waiting.
    public var closedOn: Day?
    public var followUpSentOn: Day?

    public init(
        id: Int, applicationID: Int, contactID: Int? = nil, variant: FeedbackRequestVariant, status: FeedbackRequestStatus,
        createdOn: Day, sentOn: Day? = nil, closedOn: Day? = nil, followUpSentOn: Day? = nil
    ) {
        self.id = id
        self.applicationID = applicationID
        self.contactID = contactID
        self.variant = variant
        self.status = status
        self.createdOn = createdOn
        self.sentOn = sentOn
        self.closedOn = closedOn
        self.followUpSentOn = followUpSentOn
    }

    /// The day one follow-up becomes due: a week after sending with no answer. Never a second one.
    public var followUpDueOn: Day? {
        guard status == .sent, followUpSentOn == nil, let sentOn else { return nil }
        return sentOn.adding(days: Self.followUpAfterDays)
    }

    public func isFollowUpDue(today: Day) -> Bool {
        followUpDueOn.map { today >= $0 } ?? false
    }

    /// Records a change of status, with the rules: sent needs a day; an answer closes it; a
    /// follow-up goes out once.
    public mutating func mark(_ newStatus: FeedbackRequestStatus, on day: Day, today: Day) throws {
        if day > today { throw CoreError.dateInFuture(day, today: today) }
        if let sentOn, newStatus != .sent, day < sentOn { throw CoreError.dateBeforeSent(day, sent: sentOn) }
        switch newStatus {
        case .draft:
            throw FeedbackError.cannotReturnToDraft
        case .sent:
            guard status == .draft else { throw FeedbackError.alreadySent(status) }
            sentOn = day
        case .replied, .declined, .noReply:
            guard status == .sent || status == .draft else { throw FeedbackError.alreadyClosed(status) }
            if sentOn == nil { sentOn = day }
            closedOn = day
        }
        status = newStatus
    }

    public mutating func recordFollowUp(on day: Day, today: Day) throws {
        guard status == .sent else { throw FeedbackError.followUpNeedsSentRequest(status) }
        guard followUpSentOn == nil else { throw FeedbackError.followUpAlreadySent }
        if day > today { throw CoreError.dateInFuture(day, today: today) }
        followUpSentOn = day
    }
}

public enum FeedbackError: Error, Hashable, Sendable, LocalizedError {
    case cannotReturnToDraft
    case alreadySent(FeedbackRequestStatus)
    case alreadyClosed(FeedbackRequestStatus)
    case followUpNeedsSentRequest(FeedbackRequestStatus)
    case followUpAlreadySent
    case requestNotFound(Int)
    case emptyFeedback
    case feedbackTooLong(Int)

    public var errorDescription: String? {
        switch self {
        case .cannotReturnToDraft: "A request that went out can't go back to draft."
        case .alreadySent(let status): "This request is already \(status.title.lowercased())."
        case .alreadyClosed(let status): "This request is already closed (\(status.title.lowercased()))."
        case .followUpNeedsSentRequest(let status): "A follow-up only makes sense for a request that was sent and is waiting; this one is \(status.title.lowercased())."
        case .followUpAlreadySent: "You already sent a follow-up. One is plenty: if they don't answer, that's about their time, not you."
        case .requestNotFound(let id): "There is no feedback request with id \(id)."
        case .emptyFeedback: "Add the feedback text: paste what they wrote or note what they said."
        case .feedbackTooLong(let count): "That feedback is \(count) characters; NextYes keeps up to \(Limits.feedback). Keep the part about you."
        }
    }
}

/// What an employer said about an application.
public struct Feedback: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var applicationID: Int
    public var requestID: Int?
    public var receivedOn: Day
    public var text: String
    public var createdAt: Date

    public init(id: Int, applicationID: Int, requestID: Int?, receivedOn: Day, text: String, createdAt: Date) {
        self.id = id
        self.applicationID = applicationID
        self.requestID = requestID
        self.receivedOn = receivedOn
        self.text = text
        self.createdAt = createdAt
    }

    /// Checks pasted feedback before it is saved.
    public static func validatedText(_ raw: String) throws -> String {
        guard let text = Text.clean(raw) else { throw FeedbackError.emptyFeedback }
        guard text.count <= Limits.feedback else { throw FeedbackError.feedbackTooLong(text.count) }
        return text
    }
}

extension Limits {
    public static let feedback = 20_000
}

extension CoreError {
    static func dateBeforeSent(_ day: Day, sent: Day) -> CoreError { .dateBefore(day, earliest: sent, event: "the request was sent") }
}
