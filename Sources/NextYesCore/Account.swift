import Foundation

/// A person with an account at a career centre. A personal NextYes has no accounts.
public struct Account: Sendable, Hashable, Codable {
    public var id: String
    public var email: String
    public var name: String
    public var role: AccountRole
    public var disabled: Bool
    public var hasPassword: Bool
    public var statisticsOptIn: Bool
    public var createdAt: Date

    public init(id: String, email: String, name: String, role: AccountRole, disabled: Bool, hasPassword: Bool,
                statisticsOptIn: Bool, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.disabled = disabled
        self.hasPassword = hasPassword
        self.statisticsOptIn = statisticsOptIn
        self.createdAt = createdAt
    }
}

public enum AccountRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Searching for a job: has a NextYes of their own.
    case seeker
    /// Sees what seekers share with them.
    case coach
    /// Runs the centre: accounts and the cohort's anonymous figures.
    case admin
}

/// What a seeker can show a coach. The journal, mood, care and crisis information are not in the
/// list, so they can never be shared.
public enum SharingScope: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case applications, insights, report, plan, practice

    public static func < (a: SharingScope, b: SharingScope) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One seeker's sharing with one coach.
public struct SharingGrant: Sendable, Hashable, Codable {
    public var seeker: Account
    public var coach: Account
    public var scopes: [SharingScope]
    public var grantedAt: Date

    public init(seeker: Account, coach: Account, scopes: [SharingScope], grantedAt: Date) {
        self.seeker = seeker
        self.coach = coach
        self.scopes = scopes
        self.grantedAt = grantedAt
    }
}

/// A coach looking at something a seeker shared: the seeker sees every one.
public struct CoachView: Sendable, Hashable, Codable {
    /// What the coach did.
    public enum Action: String, Sendable, Hashable, Codable {
        /// Opened the shared page.
        case looked
        /// Saw a few lines from it on their caseload.
        case caseload
        /// Left a note on a plan goal.
        case note
    }

    public var coachName: String
    public var coachEmail: String
    public var scope: SharingScope
    public var action: Action
    public var viewedAt: Date

    public init(coachName: String, coachEmail: String, scope: SharingScope, action: Action = .looked, viewedAt: Date) {
        self.coachName = coachName
        self.coachEmail = coachEmail
        self.scope = scope
        self.action = action
        self.viewedAt = viewedAt
    }

    /// "Cy Marsh looked at your report", "Cy Marsh saw your week and recent no's on their caseload".
    public var sentence: String {
        switch action {
        case .looked: "\(coachName) looked at your \(scope.rawValue)"
        case .note: "\(coachName) left a note on your plan"
        case .caseload:
            scope == .insights ? "\(coachName) saw your recurring feedback themes on their caseload"
                               : "\(coachName) saw your week and recent no's on their caseload"
        }
    }
}

/// A coach's note on one of the seeker's plan goals, which the seeker sees under the goal.
public struct CoachNote: Sendable, Hashable, Codable {
    public var id: Int
    public var goalID: Int
    public var coachName: String
    public var coachEmail: String
    public var text: String
    public var createdAt: Date

    public init(id: Int, goalID: Int, coachName: String, coachEmail: String, text: String, createdAt: Date) {
        self.id = id
        self.goalID = goalID
        self.coachName = coachName
        self.coachEmail = coachEmail
        self.text = text
        self.createdAt = createdAt
    }
}
