import NextYesCore
import NextYesInsights
import NextYesStore

/// Patterns across the whole search: the one summary, the funnel, where the no's come, control,
/// sources and recurring themes. The Insights page and `nextyes insights` both show this value.
public struct Insights: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func report() async throws -> InsightsReport {
        InsightsReport.make(
            applications: try await store.applications.all(), events: try await store.applications.allEvents(),
            rejections: try await store.applications.rejections(), feedback: try await store.feedback.allFeedback(),
            reflections: try await store.reflections.all())
    }
}
