import Foundation
import NextYesCore
import NextYesStore
import NextYesInsights

extension Store {
    /// The career report for a period; by default from the first application to today.
    public func careerReport(from: Day? = nil, to: Day? = nil) async throws -> CareerReport {
        let today = clock.today
        let all = try await applications.all()
        let events = try await applications.allEvents()
        // From the first thing on record: an application added, or applied for before that.
        let first = (events.map(\.on) + all.compactMap(\.details.appliedOn)).min() ?? today
        let end = to ?? today
        let start = from ?? min(first, end)
        var inputs = ReportInputs(from: start, to: end)
        inputs.name = try await preferences.value(SettingKey.displayName)
        inputs.applications = all
        inputs.events = events
        inputs.rejections = try await applications.rejections()
        inputs.feedback = try await feedbackWithReadings()
        inputs.reflections = try await reflections.all()
        inputs.interactions = try await interactions.all()
        inputs.wins = try await wins.all()
        inputs.hours = try await plan.hours().map { ($0.on, $0.hours) }
        inputs.goals = try await plan.goals()
        inputs.stories = try await stories.all()
        inputs.requests = try await feedback.allRequests()
        inputs.targetsSet = !(try await targets.periods().isEmpty)
        inputs.demand = try await SkillReadings(store: self).demand(rejections: inputs.rejections,
                                                                    profile: try await profile.levelsByKey())
        if try await preferences.value(SettingKey.reportWellbeing) {
            inputs.moods = try await journal.moods(since: start).filter { $0.day <= end }
        }
        return CareerReport.make(inputs)
    }
}
