import NextYesCore

/// How far applications get, counted by the furthest stage each one reached (so a rejection
/// after an interview still counts as an interview).
public struct Funnel: Hashable, Sendable, Codable {
    public struct Step: Hashable, Sendable, Codable {
        public var stage: Stage
        /// Applications that reached at least this stage.
        public var reached: Int
        /// Of those that reached `from`, how many reached this one.
        public var conversion: Share?
        /// The stage the conversion is counted from: the last stage every application passes
        /// through (applied, interview, final round), since an optional stage (screening,
        /// assessment) counts only the applications that visited it.
        public var from: Stage?

        /// "from applied: 10 of 25 (40%)", or nil for the first step.
        public var conversionText: String? {
            guard let conversion, let from else { return nil }
            return "from \(from.title.lowercased()): \(conversion)"
        }

        /// "10 · 40% of applied", the label a chart shows beside the bar: the count alone for the
        /// first step, or when there are too few to give a share.
        public var caption: String {
            guard let percent = conversion?.percent, let from else { return String(reached) }
            return "\(reached) · \(percent)% of \(from.title.lowercased())"
        }
    }

    public var steps: [Step]
    /// Applications that were sent (furthest stage applied or later).
    public var sent: Int

    /// The summary's funnel, with the conversion from each stage to the next.
    public static func of(_ summary: SearchSummary) -> Funnel {
        var steps: [Step] = []
        var base: (stage: Stage, reached: Int)?
        for step in summary.funnel {
            steps.append(Step(stage: step.stage, reached: step.reached, conversion: base.map { Share(step.reached, of: $0.reached) }, from: base?.stage))
            if !SearchSummary.optional.contains(step.stage) { base = (step.stage, step.reached) }
        }
        return Funnel(steps: steps, sent: summary.applications)
    }
}

/// Where in the funnel the "no"s come.
public enum CutPoint: String, CaseIterable, Hashable, Sendable, Codable, CodingKeyRepresentable {
    case resume
    case screening
    case interviews

    public static func of(_ stage: Stage) -> CutPoint {
        switch stage {
        case .saved, .applied: .resume
        case .screening: .screening
        default: .interviews
        }
    }

    public var title: String {
        switch self {
        case .resume: "Before anyone talked to you (resume stage)"
        case .screening: "At screening calls"
        case .interviews: "At interviews and assessments"
        }
    }

    /// What helps most when most cuts come here.
    public var advice: String {
        switch self {
        case .resume:
            "Most of your no's come before anyone talks to you, so the materials are the lever: tailor the resume to each posting, mirror its key words, lead with results, and add a short cover letter for the roles you care most about."
        case .screening:
            "Most of your no's come at the first call: practise a crisp two-minute story of who you are and why this role, and have your salary range and availability ready."
        case .interviews:
            "You are getting interviews, which means your applications stand out. The lever now is interview practice: STAR stories with numbers, a mock interview, and a reflection after each one."
        }
    }
}

public struct CutReport: Hashable, Sendable, Codable {
    public var counts: [CutPoint: Int]
    public var total: Int
    /// The stage where most cuts happen, when there are enough to tell and one clearly leads.
    public var dominant: CutPoint?

    /// Rejections by the stage reached, plus applications that got no reply after being sent.
    public static func of(_ applications: [Application], rejections: [Rejection]) -> CutReport {
        var ghosted: [Stage: Int] = [:]
        for application in applications where application.outcome == .ghosted { ghosted[application.stage, default: 0] += 1 }
        return of(rejections: rejections, ghostedAtStage: ghosted)
    }

    /// From the rejections and the number of ghosted applications at each stage.
    public static func of(rejections: [Rejection], ghostedAtStage: [Stage: Int]) -> CutReport {
        var counts: [CutPoint: Int] = [:]
        for rejection in rejections { counts[CutPoint.of(rejection.stageReached), default: 0] += 1 }
        for (stage, count) in ghostedAtStage { counts[CutPoint.of(stage), default: 0] += count }
        let total = counts.values.reduce(0, +)
        var dominant: CutPoint?
        if total >= Share.minimumForPercent, let top = counts.max(by: { $0.value < $1.value }), Double(top.value) / Double(total) > 0.5 {
            dominant = top.key
        }
        return CutReport(counts: counts, total: total, dominant: dominant)
    }

    public func share(_ point: CutPoint) -> Share { Share(counts[point] ?? 0, of: total) }
}

/// How many rejections were in the person's hands.
public struct ControlReport: Hashable, Sendable, Codable {
    public var yes: Int
    public var partly: Int
    public var no: Int
    /// Rejections that came with no reason: nothing can be read from them about control, so they
    /// are counted apart, never as "out of your hands".
    public var unknown: Int = 0

    public var total: Int { yes + partly + no }
    public var outOfHands: Share { Share(no, of: total) }

    /// Whether a rejection says anything about control: not when no reason was given, unless the
    /// person chose a reading themselves.
    public static func counts(_ rejection: Rejection) -> Bool {
        rejection.category != .noReasonGiven || rejection.controllableOverridden
    }

    public static func of(_ rejections: [Rejection]) -> ControlReport {
        let known = rejections.filter(counts)
        return ControlReport(
            yes: known.filter { $0.controllable == .yes }.count,
            partly: known.filter { $0.controllable == .partly }.count,
            no: known.filter { $0.controllable == .no }.count,
            unknown: rejections.count - known.count)
    }

    /// A plain reading of the split; reassuring when most reasons were out of the person's hands.
    public var reading: String {
        let unknownNote = unknown == 0 ? "" : " \(unknown) rejection\(unknown == 1 ? "" : "s") came with no reason, so \(unknown == 1 ? "it isn't" : "they aren't") counted here; a feedback request may tell you more."
        guard total > 0 else {
            return unknown == 0 ? "No rejections logged yet." : "None of your rejections came with a reason yet, so there is nothing to read about what was in your hands. A feedback request may tell you more."
        }
        return splitReading + unknownNote
    }

    private var splitReading: String {
        if total < Share.minimumForPercent {
            return "\(no) of \(total) rejection\(total == 1 ? " was" : "s were") out of your hands. Too few to see a pattern yet."
        }
        if outOfHands.fraction > 0.5 {
            return "Most of your rejections, \(outOfHands), came down to things no candidate could change: internal hires, budgets, timing, a more experienced candidate. They say nothing about your worth."
        }
        if Share(yes + partly, of: total).fraction > 0.5 {
            return "More than half of your rejections had reasons you can work on, which means effort here can change the next outcome. Start with the themes below."
        }
        return "Your rejections are split between reasons you can work on and reasons no candidate could change."
    }
}

/// Response and interview rates by where applications came from.
public struct SourceRow: Hashable, Sendable, Codable {
    public var source: ApplicationSource?
    public var applications: Int
    /// Heard back, with the summary's definition (`SearchSummary.heardBack`).
    public var responses: Share
    public var interviews: Share
    public var ghosted: Share

    public var title: String { source?.title ?? "Not recorded" }

    public init(source: ApplicationSource?, applications: Int, responses: Share, interviews: Share, ghosted: Share) {
        self.source = source
        self.applications = applications
        self.responses = responses
        self.interviews = interviews
        self.ghosted = ghosted
    }

    /// Rows in the order the page shows them: each known source, then "not recorded".
    public static func ordered(_ rows: [SourceRow]) -> [SourceRow] {
        let order: [ApplicationSource?] = ApplicationSource.allCases.map { $0 } + [nil]
        return order.compactMap { source in rows.first { $0.source == source && $0.applications > 0 } }
    }

    public static func of(_ applications: [Application]) -> [SourceRow] {
        // One pass, counting: no copies of the applications.
        var counts: [ApplicationSource?: (sent: Int, responses: Int, interviews: Int, ghosted: Int)] = [:]
        for a in applications where a.furthestStage >= .applied {
            var c = counts[a.details.source] ?? (0, 0, 0, 0)
            c.sent += 1
            if SearchSummary.heardBack(a) { c.responses += 1 }
            if a.furthestStage >= .interview { c.interviews += 1 }
            if a.outcome == .ghosted { c.ghosted += 1 }
            counts[a.details.source] = c
        }
        let order: [ApplicationSource?] = ApplicationSource.allCases.map { $0 } + [nil]
        return order.compactMap { source in
            guard let c = counts[source], c.sent > 0 else { return nil }
            return SourceRow(
                source: source, applications: c.sent, responses: Share(c.responses, of: c.sent),
                interviews: Share(c.interviews, of: c.sent), ghosted: Share(c.ghosted, of: c.sent))
        }
    }
}
