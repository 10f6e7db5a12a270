import Foundation
import NextYesCore
import NextYesStore
import NextYesInsights

extension Store {
    /// Days with a networking conversation.
    public func conversationDays() async throws -> [Day] {
        try await interactions.all().filter(\.kind.isConversation).map(\.on)
    }

    /// This week against the targets, the weeks before, and the streak.
    public func weeklyProgress(today: Day, weeks: Int = 12) async throws -> WeeklyProgress {
        let sent = MonthOverMonth.appliedDays(try await applications.all())
        return WeeklyProgress.compute(
            today: today, periods: try await targets.periods(), appliedDays: sent,
            conversationDays: try await conversationDays(), hours: try await plan.hours().map { ($0.on, $0.hours) }, weeks: weeks)
    }

    /// This month so far against last month.
    public func monthOverMonth(today: Day) async throws -> MonthOverMonth {
        let all = try await applications.all()
        var inputs = MonthOverMonth.inputs(applications: all, events: try await applications.allEvents())
        inputs.conversations = try await conversationDays()
        inputs.wins = try await wins.all().map(\.on)
        return MonthOverMonth.compute(today: today, inputs)
    }

    /// Everything due from `from` on (default today), with open reminders from before.
    public func agendaItems(today: Day, from: Day? = nil) async throws -> [AgendaItem] {
        var inputs = Agenda.Inputs()
        inputs.applications = try await applications.all()
        inputs.rejections = try await applications.rejections()
        inputs.requests = try await feedback.allRequests()
        inputs.contacts = try await contacts.all()
        inputs.links = try await contacts.links()
        inputs.interactions = try await interactions.all()
        inputs.rounds = try await interviews.all()
        inputs.goals = try await plan.goals()
        inputs.reflected = Set(try await reflections.all().map(\.applicationID))
        inputs.done = try await agenda.done()
        inputs.followUpAfterDays = try await preferences.load().followUpAfterDays
        return Agenda.items(inputs, today: today, from: from)
    }

    /// Themes feedback keeps raising and skills the target roles ask for, with no story yet.
    public func storyGaps() async throws -> StoryGaps {
        let rejections = try await applications.rejections()
        let recurring = Recurring.improvements(feedback: try await feedbackWithReadings(), rejections: rejections)
        let targets = try await profile.targets()
        // Postings for the target roles when there are any, else all of them.
        var among: Set<Int>?
        if !targets.roles.isEmpty {
            let targeted = try await applications.all().filter { CareerAlignment.matchesRole($0, targets) }
            if !targeted.isEmpty { among = Set(targeted.map(\.id)) }
        }
        let extractor = try SkillExtractor.bundled()
        let demand = try await SkillReadings(store: self).demand(among: among, rejections: rejections, profile: [:])
        return StoryGaps.find(stories: try await stories.all(), recurring: recurring, demand: demand, extractor: extractor)
    }
}

extension Store {
    /// Adds an interview round. An open application not yet at that point moves on: a phone
    /// screen to screening, any other round to interview, so its rejection, reminders and
    /// numbers say how far it really got. Returns the round and the stage it moved to, if any.
    public func addInterviewRound(applicationID: Int, _ valid: InterviewForm.Valid) async throws -> (InterviewRound, Stage?) {
        let application = try await applications.find(applicationID)
        if let applied = application.details.appliedOn, valid.on < applied {
            throw CoreError.dateBeforeApplied(valid.on, applied: applied)
        }
        let round = try await interviews.add(applicationID: applicationID, valid)
        for id in round.interviewerIDs { try await contacts.link(id, to: applicationID) }
        let target: Stage = round.type == .phoneScreen ? .screening : .interview
        guard application.outcome == .open, application.stage < target else { return (round, nil) }
        let today = clock.today
        // On the day of the round if it has happened, else today; never before the last change.
        _ = try await applications.move(applicationID, to: target, on: max(min(round.on, today), application.lastActivityOn))
        return (round, target)
    }

    /// The secret in the calendar feed's address, made on first use.
    public func calendarToken() async throws -> String {
        if let token = try await preferences.value(SettingKey.calendarToken), token.count >= 32 { return token }
        return try await newCalendarToken()
    }

    /// A new secret: any calendar subscribed with the old address stops updating.
    @discardableResult
    public func newCalendarToken() async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let token = (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
        try await preferences.setValue(token, for: SettingKey.calendarToken)
        return token
    }

    /// The calendar feed: the last month and everything ahead.
    public func calendarFeed(today: Day) async throws -> String {
        let items = try await agendaItems(today: today, from: today.adding(days: -30))
        return ICalendar.feed(items, name: "NextYes", stamp: clock.now(), timeZone: clock.timeZone)
    }
}

/// What a practice page needs, read once: the question picked, why, and the person's stories and
/// past sessions.
public struct PracticeSetting: Sendable {
    public var question: InterviewQuestion
    public var needs: [ThemeNeed]
    public var stories: [Story]
    public var sessions: [PracticeSession]

    /// Stories tagged with one of the question's themes.
    public var fitting: [Story] { Self.fitting(question, stories) }

    public static func fitting(_ question: InterviewQuestion, _ stories: [Story]) -> [Story] {
        stories.filter { story in question.themes.contains { story.themes.contains($0.rawValue) } }
    }
}

extension Store {
    /// A question to practise, leaning toward the themes that need it most.
    public func practiceSetting(today: Day, theme: FeedbackTheme? = nil, seed: UInt64? = nil) async throws -> PracticeSetting {
        let recurring = Recurring.improvements(feedback: try await feedbackWithReadings(), rejections: try await applications.rejections())
        let questions = try QuestionBank.bundled()
        let stories = try await stories.all()
        let sessions = try await practice.all()
        let needs = PracticePicker.needs(recurring: recurring, stories: stories, sessions: sessions, questions: questions)
        var generator = SplitMix64(seed: seed ?? UInt64.random(in: 0 ... .max))
        guard let question = PracticePicker.pick(from: questions, needs: needs, sessions: sessions, today: today, theme: theme, using: &generator) else {
            throw ValidationErrors([FieldError("theme", "The question bank has no questions on that theme.")])
        }
        return PracticeSetting(question: question, needs: needs, stories: stories, sessions: sessions)
    }

    /// A question to practise, the needs behind the pick, and stories tagged with its themes.
    public func practicePick(today: Day, theme: FeedbackTheme? = nil, seed: UInt64? = nil) async throws -> (InterviewQuestion, [ThemeNeed], [Story]) {
        let setting = try await practiceSetting(today: today, theme: theme, seed: seed)
        return (setting.question, setting.needs, setting.fitting)
    }
}
