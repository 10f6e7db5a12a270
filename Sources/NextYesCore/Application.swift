import Foundation

/// What a person fills in about an application: everything but its progress.
public struct ApplicationDetails: Hashable, Sendable, Codable {
    public var company: String
    public var role: String
    public var location: String?
    public var url: String?
    public var source: ApplicationSource?
    public var jobDescription: String?
    public var salary: String?
    public var notes: String?
    public var excitement: Int?
    public var appliedOn: Day?

    public init(
        company: String, role: String, location: String? = nil, url: String? = nil,
        source: ApplicationSource? = nil, jobDescription: String? = nil, salary: String? = nil,
        notes: String? = nil, excitement: Int? = nil, appliedOn: Day? = nil
    ) {
        self.company = company
        self.role = role
        self.location = location
        self.url = url
        self.source = source
        self.jobDescription = jobDescription
        self.salary = salary
        self.notes = notes
        self.excitement = excitement
        self.appliedOn = appliedOn
    }
}

/// One job a person is pursuing (or pursued), with where it stands.
public struct Application: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var details: ApplicationDetails
    /// Where the application is now.
    public var stage: Stage
    /// The furthest stage it ever reached. Kept after a rejection so interview rates stay true.
    public var furthestStage: Stage
    public var outcome: Outcome
    /// The day of the latest event on the timeline.
    public var lastActivityOn: Day
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int, details: ApplicationDetails, stage: Stage, furthestStage: Stage, outcome: Outcome,
        lastActivityOn: Day, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.details = details
        self.stage = stage
        self.furthestStage = max(furthestStage, stage)
        self.outcome = outcome
        self.lastActivityOn = lastActivityOn
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var company: String { details.company }
    public var role: String { details.role }
    public var isOpen: Bool { outcome == .open }

    /// "Role at Company", the way an application is named in a sentence.
    public var title: String { "\(details.role) at \(details.company)" }
}

/// A new application's starting point, before it has an id.
public struct NewApplication: Hashable, Sendable {
    public var details: ApplicationDetails
    public var stage: Stage

    public init(details: ApplicationDetails, stage: Stage) {
        self.details = details
        self.stage = stage
    }

    /// The day the application enters the timeline: the day applied, else today.
    public func startDay(today: Day) -> Day { details.appliedOn ?? today }
}
