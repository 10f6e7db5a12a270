import Foundation
import NextYesCore
import NextYesInsights
import NextYesStore

/// Feedback is read once, when it is saved, and the reading kept with the reader's version; every
/// figure after that (recurring themes, strengths, the plan) uses what was saved. Feedback saved
/// before this reader (or by an older one) is read the first time it is needed.
extension Store {
    /// Every feedback, with its saved readings at hand for the readers.
    func feedbackWithReadings() async throws -> [Feedback] {
        try await primeFeedbackReadings()
        return try await feedback.allFeedback()
    }

    /// Reads what no reader of this version has read yet, and puts the saved readings at hand.
    func primeFeedbackReadings() async throws {
        let version = FeedbackAnalyzer.version
        for _ in 0..<1_000 {
            let unread = try await feedback.unreadFeedback(reader: version, limit: 500)
            guard !unread.isEmpty else { break }
            try await feedback.saveReadings(try unread.map { ($0.id, try Self.encode(FeedbackAnalyzer.analyze($0.text))) }, reader: version)
            if unread.count < 500 { break }
        }
        let decoder = JSONDecoder()
        for (text, reading) in try await feedback.readings(reader: version) where !FeedbackAnalyzer.knows(text) {
            if let analysis = try? decoder.decode(FeedbackAnalysis.self, from: Data(reading.utf8)) {
                FeedbackAnalyzer.remember(text, analysis)
            }
        }
    }

    static func encode(_ analysis: FeedbackAnalysis) throws -> String {
        String(decoding: try JSONEncoder().encode(analysis), as: UTF8.self)
    }
}
