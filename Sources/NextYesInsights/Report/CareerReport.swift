import Foundation
import NextYesCore

/// The career report: the person's own record over a period, section by section. A section is
/// nil when there is nothing yet to say; every insight names the applications and words it rests on.
public struct CareerReport: Codable, Sendable {
    /// The period in words and the figures beside the search summary.
    public struct Overview: Codable, Sendable {
        public var applicationsSent: Int
        public var responses: Share
        public var interviews: Share
        public var offers: Int
        public var rejections: Int
        public var conversations: Int
        public var wins: Int
        public var learningHours: Double
        public var sentence: String
    }

    public struct FunnelStep: Codable, Sendable {
        public var stage: String
        public var reached: Int
        public var conversion: String?
        /// "10 · 40% of applied": the short form a chart shows (`Funnel.Step.caption`).
        public var caption: String
    }

    public struct Cut: Codable, Sendable {
        public var point: String
        public var count: Int
        /// The most recent few, by name; `more` says how many others.
        public var applications: [String]
        public var more: Int

        /// "Analyst at Acme; Designer at Bolt; and 12 more", each name through `escape`.
        public func named(_ escape: (String) -> String = { $0 }) -> String {
            (applications.map(escape) + (more > 0 ? ["and \(more) more"] : [])).joined(separator: "; ")
        }
    }

    public struct Cuts: Codable, Sendable {
        public var items: [Cut]
        public var reading: String
        public var advice: String?
    }

    public struct Quote: Codable, Sendable {
        public var text: String
        public var application: String
        public var source: String
    }

    public struct Theme: Codable, Sendable {
        public var theme: String
        public var kind: String
        public var applications: Int
        public var quotes: [Quote]
    }

    public struct Control: Codable, Sendable {
        public var yes: Int
        public var partly: Int
        public var no: Int
        public var reading: String
        public var categories: [String]
    }

    public struct SkillLine: Codable, Sendable {
        public var skill: String
        public var summary: String
        public var inProfile: Bool
        public var postings: Int
        public var total: Int
        public var applications: [String]
    }

    public struct GoalLine: Codable, Sendable {
        public var title: String
        public var status: String
        public var progress: Int
        public var hours: Double
        public var deadline: Day
    }

    public struct WeekPoint: Codable, Sendable {
        public var weekStart: Day
        public var applications: Int
        public var conversations: Int
    }

    /// Wins of one kind, counted once, with the latest few as examples: a long run of the same
    /// kind of win reads as one line, not as a list of near-identical ones.
    public struct WinGroup: Codable, Sendable {
        public var kind: WinKind
        public var title: String
        public var count: Int
        /// How many different applications the wins came from (0 when none is tied to one).
        public var applications: Int
        public var first: Day
        public var last: Day
        /// The latest few, newest first; `count` says how many there are in all.
        public var examples: [Win]

        /// "23 wins from 12 applications, 7 Sep 2026 to 24 Nov 2026"
        public var summary: String {
            var text = count == 1 ? "1 win" : "\(count) wins"
            if applications > 1 { text += " from \(applications) applications" }
            text += first == last ? ", on \(first.readable)" : ", \(first.readable) to \(last.readable)"
            return text
        }
    }

    public struct MoodPoint: Codable, Sendable {
        public var weekStart: Day
        public var average: Double?
    }

    public var from: Day
    public var to: Day
    public var name: String?
    /// The search in numbers, the same object `nextyes insights --json` carries.
    public var summary: SearchSummary
    public var overview: Overview
    public var funnel: [FunnelStep]?
    public var cuts: Cuts?
    public var themes: [Theme]?
    public var control: Control?
    public var skills: [SkillLine]?
    public var plan: [GoalLine]?
    public var momentum: [WeekPoint]?
    public var wins: [Win]?
    /// The same wins by kind, the most frequent first; what the pages and Markdown show.
    public var winGroups: [WinGroup]?
    public var wellbeing: [MoodPoint]?
    public var nextActions: [String]

    public var title: String { "Career report, \(from.readable) to \(to.readable)" }
}

/// Everything the report reads, gathered by the store.
public struct ReportInputs: Sendable {
    public var from: Day
    public var to: Day
    public var name: String?
    /// Every application, by what the summary needs of it.
    public var facts: [ApplicationFacts] = []
    /// "Role at Company" for the applications the report may name: those with a rejection or
    /// feedback, and those behind the skills in demand.
    public var titles: [Int: String] = [:]
    public var rejections: [Rejection] = []
    public var feedback: [Feedback] = []
    public var reflections: [Reflection] = []
    public var interactions: [Interaction] = []
    public var wins: [Win] = []
    public var hours: [(on: Day, hours: Double)] = []
    public var goals: [PlanGoal] = []
    public var demand: [SkillDemand] = []
    public var stories: [Story] = []
    public var targetsSet = false
    /// Only when the person chose to include it.
    public var moods: [(day: Day, mood: Int)]?
    public var requests: [FeedbackRequest] = []

    public init(from: Day, to: Day) {
        self.from = from
        self.to = to
    }

    /// The facts and titles from loaded applications and their timelines.
    public mutating func use(applications: [Application], events: [ApplicationEvent]) {
        let timelines = Dictionary(grouping: events, by: \.applicationID)
        facts = applications.map { ApplicationFacts($0, timeline: timelines[$0.id] ?? []) }
        titles = Dictionary(applications.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    }
}

extension CareerReport {
    public static func make(_ inputs: ReportInputs) -> CareerReport {
        let from = inputs.from, to = inputs.to
        func inPeriod(_ day: Day) -> Bool { day >= from && day <= to }
        let titles = inputs.titles
        // Applications sent in the period (by the day applied, else the day added).
        let sent = inputs.facts.filter { $0.furthestStage >= .applied && inPeriod($0.started) }
        let sentIDs = Set(sent.lazy.map(\.id))
        let rejections = inputs.rejections.filter { inPeriod($0.on) }
        let searchSummary = SearchSummary.of(facts: sent)
        let responses = searchSummary.heardBack
        let interviews = searchSummary.interviews
        let offers = searchSummary.offers
        let conversations = inputs.interactions.filter { $0.kind.isConversation && inPeriod($0.on) }.count
        let wins = inputs.wins.filter { inPeriod($0.on) }
        let hours = inputs.hours.filter { inPeriod($0.on) }.map(\.hours).reduce(0, +)
        var sentence = sent.isEmpty
            ? "No applications were sent in this period."
            : "You sent \(sent.count) application\(sent.count == 1 ? "" : "s"), heard back on \(responses), reached \(interviews) interview\(interviews == 1 ? "" : "s")"
              + (offers > 0 ? " and \(offers) offer\(offers == 1 ? "" : "s")" : "") + "."
        if conversations > 0 { sentence += " You had \(conversations) networking conversation\(conversations == 1 ? "" : "s")." }
        if !wins.isEmpty { sentence += " \(wins.count) win\(wins.count == 1 ? "" : "s") along the way." }
        let overview = Overview(applicationsSent: searchSummary.applications, responses: searchSummary.heardBackShare,
                                interviews: searchSummary.interviewShare, offers: offers, rejections: searchSummary.rejections,
                                conversations: conversations, wins: wins.count, learningHours: hours, sentence: sentence)

        var report = CareerReport(from: from, to: to, name: inputs.name, summary: searchSummary, overview: overview, nextActions: [])

        if !sent.isEmpty {
            report.funnel = Funnel.of(searchSummary).steps.map { step in
                FunnelStep(stage: step.stage.title, reached: step.reached, conversion: step.conversionText, caption: step.caption)
            }
        }

        let periodRejections = rejections.filter { sentIDs.contains($0.applicationID) || inPeriod($0.on) }
        if !periodRejections.isEmpty {
            let rejectedIDs = Set(periodRejections.map(\.applicationID))
            var ghosted: [Stage: Int] = [:]
            for a in inputs.facts where a.outcome == .ghosted && rejectedIDs.contains(a.id) { ghosted[a.stage, default: 0] += 1 }
            let cuts = CutReport.of(rejections: periodRejections, ghostedAtStage: ghosted)
            let latestFirst = periodRejections.sorted { ($0.on, $0.applicationID) > ($1.on, $1.applicationID) }
            let items = CutPoint.allCases.compactMap { point -> Cut? in
                let ids = latestFirst.filter { CutPoint.of($0.stageReached) == point }.map(\.applicationID)
                let named = ids.prefix(Self.namedPerCut).compactMap { titles[$0] }
                return ids.isEmpty ? nil : Cut(point: point.title, count: ids.count, applications: named, more: ids.count - named.count)
            }
            let reading: String
            if let dominant = cuts.dominant {
                reading = "Most rejections came \(dominant.title.lowercased()): \(cuts.counts[dominant] ?? 0) of \(cuts.total)."
            } else if cuts.total < Share.minimumForPercent {
                reading = "\(cuts.total) rejection\(cuts.total == 1 ? "" : "s") so far: too few to see where they cluster."
            } else {
                reading = "The rejections are spread across the stages; no single stage stands out."
            }
            report.cuts = Cuts(items: items, reading: reading, advice: cuts.dominant?.advice)
            let control = ControlReport.of(periodRejections)
            // Most first; ties by name, so the same record always gives the same report.
            let categories = Dictionary(grouping: periodRejections, by: \.category)
                .sorted { ($1.value.count, $0.key.title) < ($0.value.count, $1.key.title) }
                .map { "\($0.key.title): \($0.value.count)" }
            report.control = Control(yes: control.yes, partly: control.partly, no: control.no, reading: control.reading, categories: categories)
        }

        let feedback = inputs.feedback.filter { inPeriod($0.receivedOn) }
        let recurring = InsightsReport.recurring(rejections: periodRejections, feedback: feedback)
        let improvements = recurring.filter { $0.polarity == .improvement }
        let themes = (improvements + recurring.filter { $0.polarity == .strength }).map { theme in
            Theme(theme: theme.theme.title, kind: theme.polarity == .improvement ? "to work on" : "a strength",
                  applications: theme.applicationIDs.count,
                  quotes: theme.evidence.prefix(3).map { Quote(text: $0.text, application: titles[$0.applicationID] ?? "", source: $0.source) })
        }
        if !themes.isEmpty { report.themes = themes }

        if !inputs.demand.isEmpty {
            report.skills = inputs.demand.prefix(Self.skillsShown).map {
                SkillLine(skill: $0.skill.name, summary: $0.summary, inProfile: $0.inProfile, postings: $0.postings, total: $0.totalPostings,
                          applications: $0.applicationIDs.prefix(Self.namedPerSkill).compactMap { titles[$0] })
            }
        }
        let goals = inputs.goals.filter { $0.status != .dropped && ($0.status == .active || ($0.doneOn.map(inPeriod) ?? false)) }
        if !goals.isEmpty {
            report.plan = goals.map { GoalLine(title: $0.title, status: $0.status.rawValue, progress: Int($0.progress * 100), hours: $0.hoursLogged, deadline: $0.deadline) }
        }

        // Week by week, Monday to Sunday.
        let weeks = stride(from: 0, through: from.startOfWeek.days(until: to), by: 7).map { from.startOfWeek.adding(days: $0) }
        if weeks.count >= 2 && (!sent.isEmpty || conversations > 0) {
            var sentByWeek: [Day: Int] = [:], talksByWeek: [Day: Int] = [:]
            for a in sent { sentByWeek[a.started.startOfWeek, default: 0] += 1 }
            for i in inputs.interactions where i.kind.isConversation { talksByWeek[i.on.startOfWeek, default: 0] += 1 }
            report.momentum = weeks.map { monday in
                WeekPoint(weekStart: monday, applications: sentByWeek[monday] ?? 0, conversations: talksByWeek[monday] ?? 0)
            }
        }
        if !wins.isEmpty {
            report.wins = wins.sorted { ($0.on, $0.id) < ($1.on, $1.id) }
            report.winGroups = WinGroup.of(wins)
        }
        if let moods = inputs.moods, moods.contains(where: { inPeriod($0.day) }) {
            report.wellbeing = weeks.map { monday in
                let values = moods.filter { $0.day.startOfWeek == monday && inPeriod($0.day) }.map(\.mood)
                return MoodPoint(weekStart: monday, average: values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count))
            }
        }
        report.nextActions = nextActions(inputs, cuts: report.cuts, recurring: improvements, titles: titles)
        return report
    }

    /// How many wins of each kind the report names; the count says the rest.
    public static let winExamples = 3

    /// How many applications each point where the no's came names; the count says the rest.
    public static let namedPerCut = 5
    /// The skills in demand the report shows, and how many postings it names for each.
    public static let skillsShown = 8
    public static let namedPerSkill = 5

    /// The applications the skills section names.
    public static func named(in demand: [SkillDemand]) -> Set<Int> {
        Set(demand.prefix(skillsShown).flatMap { $0.applicationIDs.prefix(namedPerSkill) })
    }

    /// Three concrete next steps, most useful first.
    static func nextActions(_ inputs: ReportInputs, cuts: Cuts?, recurring: [RecurringTheme], titles: [Int: String]) -> [String] {
        var actions: [String] = []
        if let advice = cuts?.advice { actions.append(advice) }
        if let goal = inputs.goals.filter({ $0.status == .active }).min(by: { $0.deadline < $1.deadline }) {
            actions.append("Keep going on \"\(goal.title)\" (due \(goal.deadline.readable)): \(Int(goal.progress * 100))% of the planned hours so far.")
        } else if let gap = inputs.demand.first(where: { !$0.inProfile && $0.postings >= 2 }) {
            actions.append("Make a plan for \(gap.skill.name): it is \(gap.summary).")
        }
        let covered = Set(inputs.stories.flatMap(\.themes))
        if let theme = recurring.first(where: { !covered.contains($0.theme.rawValue) }) {
            actions.append("Write a STAR story that shows \(theme.theme.title.lowercased()); feedback on \(theme.applicationIDs.count) applications asked for it.")
        }
        let asked = Set(inputs.requests.map(\.applicationID))
        if let recent = inputs.rejections.filter({ $0.stageReached >= .interview && !asked.contains($0.applicationID) }).max(by: { $0.on < $1.on }),
           let title = titles[recent.applicationID] {
            actions.append("Ask for feedback on \(title): you reached the \(recent.stageReached.title.lowercased()) stage, and one specific point can change the next one.")
        }
        if !inputs.targetsSet { actions.append("Set a weekly pace you can keep: a few applications, a conversation or two, a little learning.") }
        let open = inputs.facts.lazy.filter { $0.outcome == .open && $0.furthestStage >= .applied }.count
        if open < 3 { actions.append("Line up a few more applications: with several in progress, no single answer carries all the weight.") }
        actions.append("Reach out to one person in a role you want, for a short conversation about their work.")
        return Array(actions.prefix(3))
    }
}

extension CareerReport.WinGroup {
    /// Wins grouped by kind: the largest group first, then in the order the kinds are listed.
    public static func of(_ wins: [Win]) -> [CareerReport.WinGroup] {
        let byKind = Dictionary(grouping: wins, by: \.kind)
        return WinKind.allCases.compactMap { kind -> CareerReport.WinGroup? in
            guard let group = byKind[kind], !group.isEmpty else { return nil }
            let newestFirst = group.sorted { ($0.on, $0.id) > ($1.on, $1.id) }
            return CareerReport.WinGroup(kind: kind, title: kind.title, count: group.count,
                                         applications: Set(group.compactMap(\.applicationID)).count,
                                         first: newestFirst.last!.on, last: newestFirst.first!.on,
                                         examples: Array(newestFirst.prefix(CareerReport.winExamples)))
        }
        .enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
    }
}
