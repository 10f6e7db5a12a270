import NextYesCore
import NextYesStore
import NextYesInsights

extension Store {
    /// Encouragement drawn from the person's own record: strengths others named, wins, and the
    /// strengths in their profile.
    public func affirmations(limit: Int = 3) async throws -> [String] {
        let items = try await feedbackWithReadings()
        let titles = Dictionary(try await applications.all().map { ($0.id, $0.company) }, uniquingKeysWith: { a, _ in a })
        var strengths: [Affirmations.FeedbackStrength] = []
        for item in items.reversed() {
            for hit in FeedbackAnalyzer.analyze(item.text).strengths {
                strengths.append(.init(theme: hit.theme, evidence: hit.evidence, company: titles[item.applicationID] ?? "An employer"))
            }
        }
        let all = try await applications.all()
        let sent = all.filter { $0.furthestStage >= .applied }
        let movedOn = Affirmations.MovedOn(applications: sent.filter { $0.furthestStage > .applied }.count, of: sent.count)
        return Affirmations.make(profileStrengths: try await profileStrengths(), feedbackStrengths: strengths,
                                 wins: try await wordedWins(), movedOn: movedOn, limit: limit)
    }

    /// Every win, with the words for applications that moved forward written from the person's
    /// own record (see `WinWords`), newest first as stored.
    public func wordedWins() async throws -> [Win] {
        WinWords.worded(try await wins.all(), applications: try await applications.all())
    }

    /// The strengths the person named in their profile.
    func profileStrengths() async throws -> [String] { try await profile.targets().strengths }
}
