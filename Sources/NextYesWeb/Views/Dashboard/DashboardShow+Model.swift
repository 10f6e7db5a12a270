import NextYesCore
import NextYesInsights

enum DashboardShow {
    struct Model {
        struct Processing {
            var application: JobApplication
            var rejection: Rejection
            var daysLeft: Int
        }

        struct Activity {
            var event: ApplicationEvent
            var title: String
        }

        var chrome: PageChrome
        var today: Day
        var summary: PipelineSummary
        var processing: [Processing]
        /// Rejections whose window closed in the last week: time for "what's next".
        var recentlyProcessed: [Processing]
        var recent: [Activity]
        var ghosted: [GhostedSuggestion]
        var ghostedAfterDays: Int
        var stageCounts: [(Stage, Int)]
        var checkedInToday = false
        var signals: [WellbeingSignal] = []
        var affirmations: [String] = []
        /// Offers accepted in the last 30 days, to celebrate.
        var offers: [JobApplication] = []
        var week: WeeklyProgress?
        /// Reminders and interviews due within the next week, and open ones from before.
        var due: [AgendaItem] = []

        var isEmpty: Bool { summary.total == 0 }
    }
}
