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

    /// The report from figures the database counts (no application is loaded), with the same
    /// definitions as `SearchSummary.of`; `LayeringTests`' sibling property test keeps them equal.
    public func report() async throws -> InsightsReport {
        let counts = try await store.applications.searchCounts()
        let rejections = try await store.applications.rejections()
        return InsightsReport.make(
            summary: Self.summary(counts), cuts: .of(rejections: rejections, ghostedAtStage: counts.ghostedAtStage),
            sources: Self.sources(counts), total: counts.total,
            rejections: rejections, feedback: try await store.feedbackWithReadings(),
            reflections: try await store.reflections.all())
    }

    static func summary(_ c: SearchCounts) -> SearchSummary {
        SearchSummary(applications: c.sent, heardBack: c.heardBack, interviews: c.interviews, offers: c.offers,
                      rejections: c.rejections, ghosted: c.ghosted, reached: c.reached)
    }

    static func sources(_ c: SearchCounts) -> [SourceRow] {
        SourceRow.ordered(c.bySource.map {
            SourceRow(source: $0.source, applications: $0.sent, responses: Share($0.responses, of: $0.sent),
                      interviews: Share($0.interviews, of: $0.sent), ghosted: Share($0.ghosted, of: $0.sent))
        })
    }

    /// "Role at Company" for the applications a report quotes.
    public func titles(for report: InsightsReport) async throws -> [Int: String] {
        var ids = Set<Int>()
        for theme in report.recurringImprovements + report.recurringStrengths {
            ids.formUnion(theme.applicationIDs)
            ids.formUnion(theme.evidence.map(\.applicationID))
        }
        return try await store.applications.titles(Array(ids))
    }
}
