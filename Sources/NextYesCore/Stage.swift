/// How far an application has gone, in pipeline order.
public enum Stage: String, CaseIterable, Codable, Sendable, Comparable, TypedIdentifier {
    case saved
    case applied
    case screening
    case assessment
    case interview
    case finalRound = "final-round"
    case offer

    public var rank: Int {
        switch self {
        case .saved: 0
        case .applied: 1
        case .screening: 2
        case .assessment: 3
        case .interview: 4
        case .finalRound: 5
        case .offer: 6
        }
    }

    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rank < rhs.rank }

    public var title: String {
        switch self {
        case .saved: "Saved"
        case .applied: "Applied"
        case .screening: "Screening"
        case .assessment: "Assessment"
        case .interview: "Interview"
        case .finalRound: "Final round"
        case .offer: "Offer"
        }
    }

    /// Reaching this stage means a person at the company chose to go further with you.
    public var isResponse: Bool { self >= .screening }

}

/// How an application ended, or `open` while it is still going.
public enum Outcome: String, CaseIterable, Codable, Sendable, TypedIdentifier {
    case open
    case rejected
    case withdrawn
    case ghosted
    case offerAccepted = "offer-accepted"
    case offerDeclined = "offer-declined"

    public var isClosed: Bool { self != .open }

    public var title: String {
        switch self {
        case .open: "In progress"
        case .rejected: "Rejected"
        case .withdrawn: "Withdrawn"
        case .ghosted: "No reply"
        case .offerAccepted: "Offer accepted"
        case .offerDeclined: "Offer declined"
        }
    }
}

/// Where the person found the role, or how they got in.
public enum ApplicationSource: String, CaseIterable, Codable, Sendable, TypedIdentifier {
    case jobBoard = "job-board"
    case linkedIn = "linkedin"
    case companySite = "company-site"
    case referral
    case recruiter
    case networking
    case other

    public var title: String {
        switch self {
        case .jobBoard: "Job board"
        case .linkedIn: "LinkedIn"
        case .companySite: "Company site"
        case .referral: "Referral"
        case .recruiter: "Recruiter"
        case .networking: "Networking"
        case .other: "Other"
        }
    }
}
