import Foundation
import NextYesCore
import NextYesStore
import NextYesInsights

extension Store {
    /// The career report for a period; by default from the first application to today.
    public func careerReport(from: Day? = nil, to: Day? = nil) async throws -> CareerReport {
        let today = clock.today
        // From the first thing on record: an application added, or applied for before that.
        let first = try await applications.firstDay() ?? today
        let end = to ?? today
        let start = from ?? min(first, end)
        var inputs = ReportInputs(from: start, to: end)
        inputs.name = try await preferences.value(SettingKey.displayName)
        // No application is loaded: the database works out what the summary needs of each one,
        // and the report names only applications with a rejection, feedback or a skill in demand.
        inputs.facts = try await applications.facts()
        inputs.rejections = try await applications.rejections()
        inputs.feedback = try await feedbackWithReadings()
        inputs.reflections = try await reflections.all()
        inputs.interactions = try await interactions.all()
        inputs.wins = try await wordedWins()
        inputs.hours = try await plan.hours().map { ($0.on, $0.hours) }
        inputs.goals = try await plan.goals()
        inputs.stories = try await stories.all()
        inputs.requests = try await feedback.allRequests()
        inputs.targetsSet = !(try await targets.periods().isEmpty)
        inputs.demand = try await SkillReadings(store: self).demand(rejections: inputs.rejections,
                                                                    profile: try await profile.levelsByKey())
        inputs.titles = try await applications.titlesWithRejectionOrFeedback()
        let named = CareerReport.named(in: inputs.demand).subtracting(inputs.titles.keys)
        inputs.titles.merge(try await applications.titles(Array(named)), uniquingKeysWith: { a, _ in a })
        if try await preferences.value(SettingKey.reportWellbeing) {
            inputs.moods = try await journal.moods(since: start).filter { $0.day <= end }
        }
        return CareerReport.make(inputs)
    }
}
