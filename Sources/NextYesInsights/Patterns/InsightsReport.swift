import Foundation
import NextYesCore

/// Everything the Insights page and `nextyes insights` show, computed from plain values.
public struct InsightsReport: Hashable, Sendable, Codable {
    public var funnel: Funnel
    public var cuts: CutReport
    public var control: ControlReport
    public var sources: [SourceRow]
    public var recurringImprovements: [RecurringTheme]
    public var recurringStrengths: [RecurringTheme]
    public var lowRatings: [LowRatingPattern]
    public var applications: Int

    public static func make(
        applications: [Application], rejections: [Rejection], feedback: [Feedback], reflections: [Reflection]
    ) -> InsightsReport {
        var texts = feedback.map { EmployerText(applicationID: $0.applicationID, text: $0.text, source: "feedback") }
        texts += rejections.compactMap { r in r.reason.map { EmployerText(applicationID: r.applicationID, text: $0, source: "rejection") } }
        let recurring = Recurring.themes(in: texts)
        return InsightsReport(
            funnel: .of(applications),
            cuts: .of(applications, rejections: rejections),
            control: .of(rejections),
            sources: SourceRow.of(applications),
            recurringImprovements: recurring.filter { $0.polarity == .improvement },
            recurringStrengths: recurring.filter { $0.polarity == .strength },
            lowRatings: Recurring.lowRatings(in: reflections),
            applications: applications.count)
    }
}
