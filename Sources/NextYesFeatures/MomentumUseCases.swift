import NextYesCore
import NextYesInsights
import NextYesStore

/// Weekly targets and progress, month over month.
public struct Momentum: Sendable {
    let store: Store

    public func targets() async throws -> WeeklyTargets? {
        try await store.targets.current()
    }

    public func setTargets(_ targets: WeeklyTargets) async throws {
        try await store.targets.set(targets)
    }

    public func weeklyProgress(today: Day, weeks: Int = 12) async throws -> WeeklyProgress {
        try await store.weeklyProgress(today: today, weeks: weeks)
    }

    public func monthOverMonth(today: Day) async throws -> MonthOverMonth {
        try await store.monthOverMonth(today: today)
    }
}

/// Interview rounds and the people in them.
public struct Interviews: Sendable {
    let store: Store

    public func round(_ id: Int) async throws -> InterviewRound {
        try await store.interviews.round(id)
    }

    public func rounds(for applicationID: Int) async throws -> [InterviewRound] {
        try await store.interviews.rounds(for: applicationID)
    }

    public func all() async throws -> [InterviewRound] {
        try await store.interviews.all()
    }

    /// Adds a round; an open application not yet that far moves on. Returns the stage it moved to.
    public func add(applicationID: Int, _ valid: InterviewForm.Valid) async throws -> (InterviewRound, Stage?) {
        try await store.addInterviewRound(applicationID: applicationID, valid)
    }

    public func delete(_ id: Int) async throws {
        try await store.interviews.delete(id)
    }
}

/// What is due: the agenda and the calendar feed.
public struct Schedule: Sendable {
    let store: Store

    /// Everything due from `from` on (default today), with open reminders from before.
    public func items(today: Day, from: Day? = nil) async throws -> [AgendaItem] {
        try await store.agendaItems(today: today, from: from)
    }

    public func markDone(_ uid: String) async throws {
        try await store.agenda.markDone(uid)
    }

    public func calendarToken() async throws -> String {
        try await store.calendarToken()
    }

    @discardableResult
    public func newCalendarToken() async throws -> String {
        try await store.newCalendarToken()
    }

    public func calendarFeed(today: Day) async throws -> String {
        try await store.calendarFeed(today: today)
    }
}

/// The person's stories for interviews.
public struct Stories: Sendable {
    let store: Store

    public func all() async throws -> [Story] {
        try await store.stories.all()
    }

    public func find(_ id: Int) async throws -> Story {
        try await store.stories.find(id)
    }

    public func add(_ valid: StoryForm.Valid) async throws -> Story {
        try await store.stories.add(valid)
    }

    @discardableResult
    public func update(_ id: Int, _ valid: StoryForm.Valid) async throws -> Story {
        try await store.stories.update(id, valid)
    }

    public func delete(_ id: Int) async throws {
        try await store.stories.delete(id)
    }

    /// Themes feedback keeps raising and skills the target roles ask for, with no story yet.
    public func gaps() async throws -> StoryGaps {
        try await store.storyGaps()
    }
}

/// Interview practice.
public struct Practice: Sendable {
    let store: Store

    public func all() async throws -> [PracticeSession] {
        try await store.practice.all()
    }

    @discardableResult
    public func record(_ valid: PracticeForm.Valid) async throws -> PracticeSession {
        try await store.practice.record(valid)
    }

    public func setting(today: Day, theme: FeedbackTheme? = nil, seed: UInt64? = nil) async throws -> PracticeSetting {
        try await store.practiceSetting(today: today, theme: theme, seed: seed)
    }

    public func pick(today: Day, theme: FeedbackTheme? = nil, seed: UInt64? = nil) async throws -> (InterviewQuestion, [ThemeNeed], [Story]) {
        try await store.practicePick(today: today, theme: theme, seed: seed)
    }
}
