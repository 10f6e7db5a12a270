import NextYesCore
import NextYesStore
import NextYesInsights

extension Store {
    /// Everything the wellbeing watch reads, from the person's own record.
    public func wellbeingInputs(today: Day) async throws -> WellbeingInputs {
        let all = try await applications.all()
        let rejections = try await applications.rejections()
        let recent = all.compactMap { a -> (appliedOn: Day, replied: Bool)? in
            guard let applied = a.details.appliedOn, applied > today.adding(days: -7) else { return nil }
            return (applied, a.furthestStage >= .screening || a.outcome == .rejected)
        }
        return WellbeingInputs(
            moods: try await journal.moods(since: today.adding(days: -30)),
            rejectionDays: rejections.map(\.on),
            applicationDays: all.map { Day($0.createdAt, in: clock.timeZone) } + all.compactMap(\.details.appliedOn),
            networkingDays: try await networkingDays(),
            recentApplications: recent,
            care: CareState(noticedOn: try await preferences.value(SettingKey.careNoticedOn)))
    }

    /// Whether the wellbeing watch is on (it is unless the person turned it off).
    public func wellbeingWatchOn() async throws -> Bool {
        try await preferences.value(SettingKey.wellbeingWatch)
    }

    /// The current signals, or none when the watch is off.
    public func wellbeingSignals(today: Day) async throws -> [WellbeingSignal] {
        guard try await wellbeingWatchOn() else { return [] }
        return WellbeingWatch.signals(try await wellbeingInputs(today: today), today: today)
    }

    /// Days with a networking conversation, from the contacts log.
    func networkingDays() async throws -> [Day] { try await conversationDays() }
}
