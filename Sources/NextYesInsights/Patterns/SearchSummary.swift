import NextYesCore

/// The search in numbers: the one set of figures every surface shows (dashboard, Insights, the
/// career report in every format, `nextyes insights`), defined once here. See docs/insights.md.
///
/// - applications: sent, that is furthest stage applied or later;
/// - heardBack: sent, and past applied, or ended in a rejection or an offer decision;
/// - interviews: furthest stage interview, final round or offer;
/// - offers: furthest stage offer;
/// - rejections, ghosted: sent applications with that outcome;
/// - funnel: for each stage from applied to offer, how many sent applications reached it. A
///   stage every application passes through (applied, interview, final round, offer) counts for
///   everything that got that far or further; an optional one counts only with evidence: an
///   assessment only when the timeline visited it, a screening when the timeline visited it (or,
///   for an application without a timeline, such as an import, when it got that far).
public struct SearchSummary: Hashable, Sendable, Codable {
    public struct Step: Hashable, Sendable, Codable {
        public var stage: Stage
        public var reached: Int
    }

    public var applications: Int
    public var heardBack: Int
    public var interviews: Int
    public var offers: Int
    public var rejections: Int
    public var ghosted: Int
    public var funnel: [Step]

    init(applications: Int, heardBack: Int, interviews: Int, offers: Int, rejections: Int, ghosted: Int, funnel: [Step]) {
        self.applications = applications
        self.heardBack = heardBack
        self.interviews = interviews
        self.offers = offers
        self.rejections = rejections
        self.ghosted = ghosted
        self.funnel = funnel
    }

    /// Figures counted elsewhere (by the database) with these same definitions; `reached` gives
    /// each stage from applied to offer.
    public init(applications: Int, heardBack: Int, interviews: Int, offers: Int, rejections: Int, ghosted: Int, reached: [Stage: Int]) {
        self.applications = applications
        self.heardBack = heardBack
        self.interviews = interviews
        self.offers = offers
        self.rejections = rejections
        self.ghosted = ghosted
        funnel = Stage.allCases.filter { $0 >= .applied }.map { Step(stage: $0, reached: reached[$0] ?? 0) }
    }

    /// One-line explanations of each figure, shown beside them.
    public static let definitions: [(key: String, title: String, meaning: String)] = [
        ("applications", "Applications sent", "Every application that reached the applied stage."),
        ("heardBack", "Heard back", "A person answered: the application moved past applied, or ended in a rejection or an offer."),
        ("interviews", "Reached an interview", "The furthest stage was an interview, a final round or an offer."),
        ("offers", "Offers", "The furthest stage was an offer."),
        ("rejections", "Rejections", "Sent applications that ended in a no."),
        ("ghosted", "No reply", "Sent applications you marked as ghosted."),
    ]

    public static func of(_ applications: [Application], events: [ApplicationEvent]) -> SearchSummary {
        let byApplication = Dictionary(grouping: events, by: \.applicationID)
        return of(facts: applications.lazy.map { ApplicationFacts($0, timeline: byApplication[$0.id] ?? []) })
    }

    /// The summary of these applications, each given by what the definitions need of it.
    public static func of<S: Sequence<ApplicationFacts>>(facts: S) -> SearchSummary {
        var reached: [Int] = Array(repeating: 0, count: Stage.allCases.count)
        var sent = 0, heard = 0, interviews = 0, offers = 0, rejections = 0, ghosted = 0
        for application in facts where application.furthestStage >= .applied {
            sent += 1
            if heardBack(application.furthestStage, application.outcome) { heard += 1 }
            if application.furthestStage >= .interview { interviews += 1 }
            if application.furthestStage == .offer { offers += 1 }
            if application.outcome == .rejected { rejections += 1 }
            if application.outcome == .ghosted { ghosted += 1 }
            for (i, stage) in Stage.allCases.enumerated() where stage >= .applied && reaches(application, stage) {
                reached[i] += 1
            }
        }
        return SearchSummary(
            applications: sent,
            heardBack: heard,
            interviews: interviews,
            offers: offers,
            rejections: rejections,
            ghosted: ghosted,
            funnel: Stage.allCases.enumerated().filter { $0.element >= .applied }.map { Step(stage: $0.element, reached: reached[$0.offset]) })
    }

    /// A person at the company answered.
    public static func heardBack(_ application: Application) -> Bool {
        heardBack(application.furthestStage, application.outcome)
    }

    static func heardBack(_ furthest: Stage, _ outcome: Outcome) -> Bool {
        furthest > .applied || outcome == .rejected || outcome == .offerAccepted || outcome == .offerDeclined
    }

    public static let optional: Set<Stage> = [.screening, .assessment]

    /// Whether an application counts as having reached a stage of the funnel.
    public static func reaches(_ application: ApplicationFacts, _ stage: Stage) -> Bool {
        guard stage <= application.furthestStage else { return false }
        if stage == application.furthestStage || !optional.contains(stage) { return true }
        if stage == .assessment { return application.visitedAssessment }
        return application.hasTimeline ? application.visitedScreening : true
    }

    public func reached(_ stage: Stage) -> Int { funnel.first { $0.stage == stage }?.reached ?? 0 }
    public var heardBackShare: Share { Share(heardBack, of: applications) }
    public var interviewShare: Share { Share(interviews, of: applications) }
}
