import NextYesCore

/// What one person's search adds to a centre's anonymous figures: counts only, no names, no
/// companies, no words.
public struct PersonFacts: Sendable, Hashable, Codable {
    public struct SourceCount: Sendable, Hashable, Codable {
        public var applications: Int
        public var interviews: Int

        public init(_ applications: Int, _ interviews: Int) {
            self.applications = applications
            self.interviews = interviews
        }
    }

    /// Applications that reached at least each stage.
    public var reached: [Stage: Int]
    /// Where the no's came (rejections, and no reply after applying).
    public var cuts: [CutPoint: Int]
    /// Per source: applications sent, and how many reached an interview.
    public var sources: [String: SourceCount]
    /// Skills the postings they applied to ask for (by key, with a name to show).
    public var demanded: [String: String]
    /// Skills in their profile, by key.
    public var reported: Set<String>
    /// Feedback themes to work on that came back more than once.
    public var themes: Set<String>

    public init(reached: [Stage: Int], cuts: [CutPoint: Int], sources: [String: SourceCount],
                demanded: [String: String], reported: Set<String>, themes: Set<String>) {
        self.reached = reached
        self.cuts = cuts
        self.sources = sources
        self.demanded = demanded
        self.reported = reported
        self.themes = themes
    }


    /// From one person's insights, skill demand and profile: the same figures their own pages show.
    public static func of(_ insights: InsightsReport, demand: [SkillDemand], profile: [ProfileSkill]) -> PersonFacts {
        var reached: [Stage: Int] = [:]
        for step in insights.funnel.steps { reached[step.stage] = step.reached }
        var sources: [String: SourceCount] = [:]
        for row in insights.sources { sources[row.title] = SourceCount(row.applications, row.interviews.part) }
        var demanded: [String: String] = [:]
        for skill in demand where skill.postings > 0 { demanded[skill.skill.key] = skill.skill.name }
        return PersonFacts(reached: reached, cuts: insights.cuts.counts, sources: sources, demanded: demanded,
                           reported: Set(profile.map(\.key)), themes: Set(insights.recurringImprovements.map(\.theme.title)))
    }
}

/// A centre's figures across the people who opted in to anonymous statistics. Every figure is a
/// count over people; a row that fewer than `minimumPeople` people contribute to is withheld, so
/// no one can be picked out.
public struct CohortReport: Sendable, Hashable, Codable {
    public static let minimumPeople = 5

    public struct Row: Sendable, Hashable, Codable {
        public var label: String
        /// How many people the row rests on.
        public var people: Int
        public var value: Int
        /// A second figure where the row has one (interviews from a source; people who report a skill).
        public var other: Int?
    }

    /// People who opted in.
    public var people: Int
    /// Whether there are enough people for any figure at all.
    public var enough: Bool
    public var funnel: [Row] = []
    public var cuts: [Row] = []
    public var sources: [Row] = []
    /// Skills most demanded, with how many of the people asked for them report them.
    public var skills: [Row] = []
    public var themes: [Row] = []
    /// Rows withheld for having fewer than `minimumPeople` people.
    public var withheld = 0

    public static func of(_ facts: [PersonFacts], minimumPeople: Int = Self.minimumPeople, topSkills: Int = 15) -> CohortReport {
        var report = CohortReport(people: facts.count, enough: facts.count >= minimumPeople)
        guard report.enough else { return report }
        func keep(_ row: Row) -> Row? {
            if row.people >= minimumPeople { return row }
            report.withheld += 1
            return nil
        }
        report.funnel = Stage.allCases.compactMap { stage in
            let people = facts.filter { ($0.reached[stage] ?? 0) > 0 }
            guard !people.isEmpty else { return nil }
            return keep(Row(label: stage.title, people: people.count, value: people.reduce(0) { $0 + ($1.reached[stage] ?? 0) }))
        }
        report.cuts = CutPoint.allCases.compactMap { point in
            let people = facts.filter { ($0.cuts[point] ?? 0) > 0 }
            guard !people.isEmpty else { return nil }
            return keep(Row(label: point.title, people: people.count, value: people.reduce(0) { $0 + ($1.cuts[point] ?? 0) }))
        }
        let sourceNames = Set(facts.flatMap(\.sources.keys)).sorted()
        report.sources = sourceNames.compactMap { name in
            let people = facts.compactMap { $0.sources[name] }.filter { $0.applications > 0 }
            guard !people.isEmpty else { return nil }
            return keep(Row(label: name, people: people.count, value: people.reduce(0) { $0 + $1.applications },
                            other: people.reduce(0) { $0 + $1.interviews }))
        }.sorted { $0.value > $1.value }
        var names: [String: String] = [:]
        var demandedBy: [String: Int] = [:], reportedBy: [String: Int] = [:]
        for person in facts {
            for (key, name) in person.demanded {
                names[key] = name
                demandedBy[key, default: 0] += 1
                if person.reported.contains(key) { reportedBy[key, default: 0] += 1 }
            }
        }
        report.skills = demandedBy.sorted { ($0.value, names[$1.key] ?? "") > ($1.value, names[$0.key] ?? "") }.compactMap { key, count in
            keep(Row(label: names[key] ?? key, people: count, value: count, other: reportedBy[key] ?? 0))
        }.prefix(topSkills).map { $0 }
        let themeNames = Set(facts.flatMap(\.themes)).sorted()
        report.themes = themeNames.compactMap { theme in
            let count = facts.filter { $0.themes.contains(theme) }.count
            return keep(Row(label: theme, people: count, value: count))
        }.sorted { $0.value > $1.value }
        return report
    }
}
