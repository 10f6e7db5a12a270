import Foundation
import NextYesCore

/// Everything the Insights page and `nextyes insights` show, computed from plain values.
public struct InsightsReport: Hashable, Sendable, Codable {
    /// The search in numbers, as every surface shows them.
    public var summary: SearchSummary
    public var funnel: Funnel
    public var cuts: CutReport
    public var control: ControlReport
    public var sources: [SourceRow]
    public var recurringImprovements: [RecurringTheme]
    public var recurringStrengths: [RecurringTheme]
    public var lowRatings: [LowRatingPattern]
    public var applications: Int

    /// `events` (every application's timeline) decide which optional stages count in the
    /// summary's funnel; callers that only read the themes may pass none.
    public static func make(
        applications: [Application], events: [ApplicationEvent], rejections: [Rejection], feedback: [Feedback], reflections: [Reflection]
    ) -> InsightsReport {
        let summary = SearchSummary.of(applications, events: events)
        return make(summary: summary, cuts: .of(applications, rejections: rejections), sources: SourceRow.of(applications),
                    total: applications.count, rejections: rejections, feedback: feedback, reflections: reflections)
    }

    /// The themes that recur across employers' words: feedback and the reasons given with rejections.
    public static func recurring(rejections: [Rejection], feedback: [Feedback]) -> [RecurringTheme] {
        var texts = feedback.map { EmployerText(applicationID: $0.applicationID, text: $0.text, source: "feedback") }
        texts += rejections.compactMap { r in r.reason.map { EmployerText(applicationID: r.applicationID, text: $0, source: "rejection") } }
        return Recurring.themes(in: texts)
    }

    /// From figures counted elsewhere (the database), with the same definitions.
    public static func make(
        summary: SearchSummary, cuts: CutReport, sources: [SourceRow], total: Int,
        rejections: [Rejection], feedback: [Feedback], reflections: [Reflection]
    ) -> InsightsReport {
        let recurring = recurring(rejections: rejections, feedback: feedback)
        return InsightsReport(
            summary: summary,
            funnel: .of(summary),
            cuts: cuts,
            control: .of(rejections),
            sources: sources,
            recurringImprovements: recurring.filter { $0.polarity == .improvement },
            recurringStrengths: recurring.filter { $0.polarity == .strength },
            lowRatings: Recurring.lowRatings(in: reflections),
            applications: total)
    }
}
