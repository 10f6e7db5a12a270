import NextYesCore
import NextYesStore
import NextYesInsights

extension Store {
    /// Goals NextYes suggests now: the most-asked missing skills and the recurring themes to work on.
    public func planProposals(today: Day) async throws -> [GoalProposal] {
        let rejections = try await applications.rejections()
        let demand = try await SkillReadings(store: self).demand(rejections: rejections, profile: try await profile.levelsByKey())
        let recurring = Recurring.improvements(feedback: try await feedbackWithReadings(), rejections: rejections)
        return DevelopmentPlan.propose(demand: demand, recurring: recurring, goals: try await plan.goals(), today: today)
    }
}
