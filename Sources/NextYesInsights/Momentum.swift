import NextYesCore

/// The at-a-glance numbers for the dashboard.
public struct PipelineSummary: Hashable, Sendable {
    public var inProgress: Int
    public var byStage: [Stage: Int]
    public var total: Int
    public var closedThisMonth: Int

    public static func of(_ applications: [Application], today: Day) -> PipelineSummary {
        // One pass, copying nothing: this runs over every application on each dashboard view.
        var byStage: [Stage: Int] = [:]
        var open = 0, closed = 0
        let monthStart = today.startOfMonth
        for i in applications.indices {
            if applications[i].isOpen {
                open += 1
                byStage[applications[i].stage, default: 0] += 1
            } else if applications[i].lastActivityOn >= monthStart {
                closed += 1
            }
        }
        return PipelineSummary(inProgress: open, byStage: byStage, total: applications.count, closedThisMonth: closed)
    }

    /// A sentence about momentum: warm when things are moving, encouraging when they are not.
    public var momentumSentence: String {
        switch inProgress {
        case 0 where total == 0: "Nothing tracked yet. Add the first role you're considering and NextYes will keep the thread."
        case 0: "Nothing in progress right now. One new application this week gets the momentum back."
        case 1: "You have 1 application in progress. A few more in parallel takes the weight off any single answer."
        default: "You have \(inProgress) applications in progress."
        }
    }
}
