import NextYesCore

/// A quote that backs an insight, with the application it came from.
public struct Evidence: Hashable, Sendable, Codable {
    public var applicationID: Int
    public var text: String
    /// Where it came from: "feedback" or "rejection".
    public var source: String

    public init(applicationID: Int, text: String, source: String) {
        self.applicationID = applicationID
        self.text = text
        self.source = source
    }
}

/// A theme that keeps coming back across different applications.
public struct RecurringTheme: Hashable, Sendable, Codable {
    public var theme: FeedbackTheme
    public var polarity: Polarity
    public var applicationIDs: [Int]
    public var evidence: [Evidence]
}

/// An interview part rated low again and again.
public struct LowRatingPattern: Hashable, Sendable, Codable {
    public var part: InterviewPart
    public var average: Double
    public var ratings: Int
    public var applicationIDs: [Int]
}

/// Text an employer wrote about one application: recorded feedback, or the stated reason of a rejection.
public struct EmployerText: Hashable, Sendable {
    public var applicationID: Int
    public var text: String
    public var source: String

    public init(applicationID: Int, text: String, source: String) {
        self.applicationID = applicationID
        self.text = text
        self.source = source
    }
}

public enum Recurring {
    /// Themes seen in at least `minimumApplications` distinct applications. Improvements are
    /// patterns to work on; strengths are patterns to lean on.
    /// The themes to work on that employers' feedback and rejection reasons keep raising: the
    /// Insights report's `recurringImprovements`, without the rest of the report.
    public static func improvements(feedback: [Feedback], rejections: [Rejection]) -> [RecurringTheme] {
        var texts = feedback.map { EmployerText(applicationID: $0.applicationID, text: $0.text, source: "feedback") }
        texts += rejections.compactMap { r in r.reason.map { EmployerText(applicationID: r.applicationID, text: $0, source: "rejection") } }
        return themes(in: texts).filter { $0.polarity == .improvement }
    }

    public static func themes(in texts: [EmployerText], minimumApplications: Int = 2) -> [RecurringTheme] {
        var byKey: [String: (FeedbackTheme, Polarity, [Int], [Evidence])] = [:]
        for item in texts {
            for hit in FeedbackAnalyzer.analyze(item.text).themes {
                let key = hit.theme.rawValue + "/" + hit.polarity.rawValue
                var entry = byKey[key] ?? (hit.theme, hit.polarity, [], [])
                if !entry.2.contains(item.applicationID) { entry.2.append(item.applicationID) }
                entry.3.append(Evidence(applicationID: item.applicationID, text: Self.sentence(containing: hit.evidence, in: item.text), source: item.source))
                byKey[key] = entry
            }
        }
        return byKey.values
            .filter { $0.2.count >= minimumApplications }
            .map { RecurringTheme(theme: $0.0, polarity: $0.1, applicationIDs: $0.2.sorted(), evidence: $0.3) }
            .sorted { ($0.applicationIDs.count, $1.theme.rawValue) > ($1.applicationIDs.count, $0.theme.rawValue) }
    }

    /// The whole sentence a clause came from, so a quote never stops mid-thought.
    static func sentence(containing evidence: String, in text: String) -> String {
        Segmenter.sentences(text).first { $0.text.contains(evidence) }?.text ?? evidence
    }

    /// Interview parts whose average self-rating stays at 2.5 or below across two or more interviews.
    public static func lowRatings(in reflections: [Reflection], threshold: Double = 2.5) -> [LowRatingPattern] {
        InterviewPart.allCases.compactMap { part in
            let rated = reflections.compactMap { r in r.ratings[part].map { (r.applicationID, $0.score) } }
            guard rated.count >= 2 else { return nil }
            let average = Double(rated.map(\.1).reduce(0, +)) / Double(rated.count)
            guard average <= threshold else { return nil }
            return LowRatingPattern(part: part, average: average, ratings: rated.count, applicationIDs: rated.map(\.0).sorted())
        }
    }
}
