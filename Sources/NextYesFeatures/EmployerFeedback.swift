import NextYesCore
import NextYesInsights
import NextYesStore

/// Feedback an employer gave: read once, when it is saved, for themes, reasons and strengths.
public struct EmployerFeedback: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Saves the feedback (a strength it names becomes a win) and returns what was read in it.
    public func record(applicationID: Int, text: String, receivedOn: Day? = nil) async throws -> (Feedback, FeedbackAnalysis) {
        let analysis = FeedbackAnalyzer.analyze(text)
        let strength = analysis.strengths.first.map { FeedbackRepository.NamedStrength(title: $0.theme.title, evidence: $0.evidence) }
        let saved = try await store.feedback.add(applicationID: applicationID, text: text, receivedOn: receivedOn, strength: strength)
        return (saved, analysis)
    }
}
