import FluentKit
import Foundation
import NextYesCore
import NextYesStore
import NextYesInsights

/// A realistic sample search: about 25 applications over the last three months, with rejections at
/// several stages and for several reasons, a few ghosted, a few still moving. For exploring NextYes
/// without typing a search in first.
public enum DemoSearch {
    struct Entry {
        enum End {
            case open
            case rejected(RejectionCategory, reason: String?, feelings: [String], intensity: Int?, after: Int)
            case ghosted(after: Int)
            case withdrawn(after: Int)
        }
        var company: String
        var role: String
        var source: ApplicationSource
        var location: String
        var appliedDaysAgo: Int
        /// Stage moves, each with days after applying.
        var moves: [(Stage, Int)]
        var end: End
        var excitement: Int
        var description: String
    }

    /// Loads the sample into the store. Refuses a database that already has applications unless
    /// `force` is set, so sample data never mixes into a real search by accident.

    /// Loads the sample into the store. Refuses a database that already has applications unless
    /// `force` is set, so sample data never mixes into a real search by accident. The sample's ids
    /// are remembered, so `remove` can take it out again in one go.
    @discardableResult
    public static func load(into store: Store, force: Bool = false) async throws -> Int {
        let existing = try await store.applications.count()
        if existing > 0 && !force { throw StoreError.notEmpty(applications: existing) }
        var ids = try await sampleIDs(in: store)
        let today = store.clock.today
        let preferences = try await store.preferences.load()
        for entry in entries {
            let applied = today.adding(days: -entry.appliedDaysAgo)
            func at(_ offset: Int) -> Store {
                let day = min(applied.adding(days: offset), today)
                return Store(db: store.db, clock: .fixed(day, timeZone: store.clock.timeZone))
            }
            let details = ApplicationDetails(
                company: entry.company, role: entry.role, location: entry.location,
                url: "https://careers.\(entry.company.lowercased().filter(\.isLetter)).example/jobs",
                source: entry.source, jobDescription: entry.description, excitement: entry.excitement,
                appliedOn: applied)
            let application = try await at(0).applications.create(NewApplication(details: details, stage: .applied))
            ids.append(application.id)
            for (stage, offset) in entry.moves {
                _ = try await at(offset).applications.move(application.id, to: stage)
            }
            switch entry.end {
            case .open:
                break
            case .rejected(let category, let reason, let feelings, let intensity, let after):
                let rejection = RejectionDetails(
                    on: min(applied.adding(days: after), today), reason: reason, category: category,
                    feelings: feelings, intensity: intensity)
                _ = try await at(after).applications.reject(application.id, rejection, preferences: preferences)
            case .ghosted(let after):
                _ = try await at(after).applications.close(application.id, as: .ghosted)
            case .withdrawn(let after):
                _ = try await at(after).applications.close(application.id, as: .withdrawn)
            }
        }
        try await store.preferences.setValue(ids, for: SettingKey.sampleApplicationIDs)
        try await loadProfile(into: store)
        return entries.count
    }

    static let sampleTargets = CareerTargets(
        roles: ["Data Analyst", "Product Analyst"], industries: ["healthcare", "retail"],
        values: ["work that helps people", "a team that explains its numbers"], interests: ["public health data"],
        strengths: ["explaining numbers to non-specialists", "patience with messy data"])

    /// A sample profile, only when the person has none: a few skills and targets to compare with.
    static func loadProfile(into store: Store) async throws {
        guard try await store.profile.skills().isEmpty, try await store.profile.targets().isEmpty else { return }
        let skills: [(String, SkillLevel)] = [
            ("SQL", .strong), ("Excel", .strong), ("statistics", .working), ("Python", .learning), ("communication", .working),
        ]
        let extractor = try SkillExtractor.bundled()
        var ids: [Int] = []
        for (name, level) in skills {
            ids.append(try await store.profile.saveSkill(name: name, key: extractor.key(forSkillNamed: name), level: level).id)
        }
        try await store.profile.saveTargets(sampleTargets)
        try await store.preferences.setValue(ids, for: SettingKey.sampleSkillIDs)
    }

    /// The ids of sample applications still in the store.
    public static func sampleIDs(in store: Store) async throws -> [Int] {
        try await store.preferences.value(SettingKey.sampleApplicationIDs)
    }

    /// Deletes the sample applications (and everything attached to them); returns how many.
    @discardableResult
    public static func remove(from store: Store) async throws -> Int {
        var removed = 0
        for id in try await sampleIDs(in: store) {
            do {
                try await store.applications.delete(id)
                removed += 1
            } catch CoreError.applicationNotFound {
                continue
            }
        }
        try await store.preferences.setValue([], for: SettingKey.sampleApplicationIDs)
        for id in try await store.preferences.value(SettingKey.sampleSkillIDs) {
            try await store.profile.removeSkill(id)
        }
        try await store.preferences.setValue([], for: SettingKey.sampleSkillIDs)
        if try await store.profile.targets() == sampleTargets { try await store.profile.saveTargets(CareerTargets()) }
        return removed
    }

    static let analyst = """
        We are looking for a data analyst to turn messy data into decisions. You will write SQL \
        against our warehouse, build dashboards in Tableau, and present findings to stakeholders. \
        Requirements: strong SQL, Python (pandas), data visualization, statistics, and clear \
        communication. Experience with A/B testing and Excel is a plus.
        """
    static let product = """
        As a product analyst you will partner with product managers to define metrics, run \
        experiments and size opportunities. You bring SQL, Python or R, experimentation and \
        A/B testing, stakeholder management and storytelling with data. Familiarity with \
        Looker or Tableau and product analytics tools is a plus.
        """
    static let engineer = """
        Analytics engineer to own our dbt models and data pipelines. Skills: SQL, dbt, Python, \
        data modeling, version control with Git, CI/CD, and cloud data warehouses such as \
        Snowflake or BigQuery. You collaborate with analysts and communicate clearly.
        """
    static let bi = """
        Business intelligence developer: design reports in Power BI, write SQL, model data, \
        gather requirements from business users, and keep documentation current. Excel, DAX \
        and project management experience welcome.
        """

    static let entries: [Entry] = [
        Entry(company: "Northwind Analytics", role: "Data Analyst", source: .jobBoard, location: "Remote",
              appliedDaysAgo: 88, moves: [], end: .ghosted(after: 30), excitement: 3, description: analyst),
        Entry(company: "Bluebird Health", role: "Junior Data Analyst", source: .companySite, location: "Leeds",
              appliedDaysAgo: 86, moves: [(.screening, 6)],
              end: .rejected(.experienceLevel, reason: "We were looking for someone with more hands-on experience in healthcare data.",
                             feelings: ["disappointed"], intensity: 5, after: 14),
              excitement: 4, description: analyst),
        Entry(company: "Contoso Retail", role: "Product Analyst", source: .jobBoard, location: "London",
              appliedDaysAgo: 84, moves: [],
              end: .rejected(.noReasonGiven, reason: nil, feelings: ["flat"], intensity: 3, after: 9),
              excitement: 2, description: product),
        Entry(company: "Fabrikam", role: "Analytics Engineer", source: .referral, location: "Manchester",
              appliedDaysAgo: 80, moves: [(.screening, 4), (.assessment, 10), (.interview, 18)],
              end: .rejected(.skillsGap, reason: "The panel felt your dbt and data modeling experience was not yet deep enough for this role.",
                             feelings: ["frustrated", "tired"], intensity: 7, after: 24),
              excitement: 5, description: engineer),
        Entry(company: "Tailspin Toys", role: "BI Developer", source: .jobBoard, location: "Remote",
              appliedDaysAgo: 78, moves: [], end: .ghosted(after: 35), excitement: 2, description: bi),
        Entry(company: "Woodgrove Bank", role: "Data Analyst", source: .recruiter, location: "Edinburgh",
              appliedDaysAgo: 75, moves: [(.screening, 5), (.interview, 12)],
              end: .rejected(.internalCandidate, reason: "We have decided to fill the role with an internal candidate.",
                             feelings: ["deflated"], intensity: 6, after: 20),
              excitement: 4, description: analyst),
        Entry(company: "Litware", role: "Product Analyst", source: .companySite, location: "Remote",
              appliedDaysAgo: 71, moves: [],
              end: .rejected(.applicationMaterials, reason: "Other applications more closely matched what we were looking for.",
                             feelings: ["discouraged"], intensity: 4, after: 7),
              excitement: 3, description: product),
        Entry(company: "Adventure Works", role: "Data Analyst", source: .networking, location: "Bristol",
              appliedDaysAgo: 68, moves: [(.screening, 3), (.interview, 9), (.finalRound, 17)],
              end: .rejected(.moreExperiencedCandidate, reason: "It was a close decision; we went with a candidate with more years in retail analytics. We'd love to stay in touch.",
                             feelings: ["gutted", "proud"], intensity: 8, after: 22),
              excitement: 5, description: analyst),
        Entry(company: "Proseware", role: "Analytics Engineer", source: .jobBoard, location: "Remote",
              appliedDaysAgo: 64, moves: [(.assessment, 8)],
              end: .rejected(.skillsGap, reason: "Your take-home was solid but the pipeline testing and CI/CD parts were missing.",
                             feelings: ["annoyed"], intensity: 5, after: 15),
              excitement: 4, description: engineer),
        Entry(company: "Trey Research", role: "Research Data Analyst", source: .companySite, location: "Cambridge",
              appliedDaysAgo: 60, moves: [], end: .withdrawn(after: 10), excitement: 2, description: analyst),
        Entry(company: "Coho Vineyard", role: "Business Analyst", source: .jobBoard, location: "Remote",
              appliedDaysAgo: 57, moves: [],
              end: .rejected(.positionFilled, reason: "The position has now been filled.", feelings: [], intensity: nil, after: 12),
              excitement: 2, description: bi),
        Entry(company: "Wide World Importers", role: "Data Analyst", source: .referral, location: "Birmingham",
              appliedDaysAgo: 53, moves: [(.screening, 2), (.interview, 8)],
              end: .rejected(.interviewPerformance, reason: "You could have given more concrete examples of impact in the behavioural round.",
                             feelings: ["embarrassed", "determined"], intensity: 6, after: 13),
              excitement: 4, description: analyst),
        Entry(company: "Margie's Travel", role: "Product Analyst", source: .jobBoard, location: "Remote",
              appliedDaysAgo: 49, moves: [], end: .ghosted(after: 28), excitement: 3, description: product),
        Entry(company: "Lucerne Publishing", role: "BI Analyst", source: .jobBoard, location: "Oxford",
              appliedDaysAgo: 45, moves: [],
              end: .rejected(.hiringFreeze, reason: "Unfortunately we have paused all hiring for this quarter.",
                             feelings: ["let down"], intensity: 3, after: 6),
              excitement: 3, description: bi),
        Entry(company: "Graphic Design Institute", role: "Data Analyst", source: .companySite, location: "Remote",
              appliedDaysAgo: 41, moves: [(.screening, 5)],
              end: .rejected(.salaryMismatch, reason: "Your expectations are above the budget for this role.",
                             feelings: ["fine"], intensity: 2, after: 9),
              excitement: 2, description: analyst),
        Entry(company: "Alpine Ski House", role: "Analytics Engineer", source: .recruiter, location: "Remote",
              appliedDaysAgo: 37, moves: [(.screening, 3), (.assessment, 7), (.interview, 14)],
              end: .rejected(.interviewPerformance, reason: "We'd have liked more structure when you walked through the system design, and more concrete examples.",
                             feelings: ["disappointed"], intensity: 6, after: 19),
              excitement: 4, description: engineer),
        Entry(company: "School of Fine Art", role: "Data Coordinator", source: .jobBoard, location: "Glasgow",
              appliedDaysAgo: 33, moves: [],
              end: .rejected(.roleOnHold, reason: "The role has been put on hold.", feelings: [], intensity: nil, after: 8),
              excitement: 1, description: bi),
        Entry(company: "Southridge Video", role: "Product Analyst", source: .networking, location: "London",
              appliedDaysAgo: 29, moves: [(.screening, 4), (.interview, 11)], end: .open, excitement: 4, description: product),
        Entry(company: "Humongous Insurance", role: "Data Analyst", source: .jobBoard, location: "Remote",
              appliedDaysAgo: 26, moves: [], end: .open, excitement: 3, description: analyst),
        Entry(company: "City Power & Light", role: "Analytics Engineer", source: .referral, location: "Manchester",
              appliedDaysAgo: 21, moves: [(.screening, 3), (.assessment, 9), (.interview, 15), (.finalRound, 19)],
              end: .open, excitement: 5, description: engineer),
        Entry(company: "VanArsdel", role: "BI Developer", source: .jobBoard, location: "Remote",
              appliedDaysAgo: 17, moves: [],
              end: .rejected(.skillsGap, reason: "We need someone with more Power BI and DAX experience.",
                             feelings: ["tired"], intensity: 4, after: 10),
              excitement: 2, description: bi),
        Entry(company: "Relecloud", role: "Data Analyst", source: .companySite, location: "Remote",
              appliedDaysAgo: 12, moves: [(.screening, 5)], end: .open, excitement: 4, description: analyst),
        Entry(company: "Datum Corporation", role: "Product Analyst", source: .jobBoard, location: "Leeds",
              appliedDaysAgo: 8, moves: [], end: .open, excitement: 3, description: product),
        Entry(company: "First Up Consultants", role: "Analytics Consultant", source: .recruiter, location: "London",
              appliedDaysAgo: 5, moves: [],
              end: .rejected(.noReasonGiven, reason: "We decided to move forward with candidates whose experience more closely matches the role.",
                             feelings: ["sad", "tired"], intensity: 6, after: 4),
              excitement: 3, description: analyst),
        Entry(company: "Nod Publishers", role: "Data Analyst", source: .jobBoard, location: "Remote",
              appliedDaysAgo: 2, moves: [], end: .open, excitement: 3, description: analyst),
    ]
}
