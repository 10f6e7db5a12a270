import Foundation
import Testing
import NextYesCore
@testable import NextYesInsights

@Suite("Weekly targets, month over month, the agenda and its calendar feed")
struct MomentumTests {
    func d(_ s: String) -> Day { Day(s)! }

    @Test func countsEachWeekMondayToSundayWithTheTargetsOfItsTime() {
        let today = d("2026-11-22")  // a Sunday: still the week of 16 November
        let periods = [TargetsPeriod(from: d("2026-11-02"), targets: WeeklyTargets(applications: 2, conversations: 1, skillHours: 1)),
                       TargetsPeriod(from: d("2026-11-16"), targets: WeeklyTargets(applications: 3, conversations: 1, skillHours: 2))]
        let applied = [d("2026-11-16"), d("2026-11-22"), d("2026-11-23"),          // this week: 2 (the 23rd is next week)
                       d("2026-11-09"), d("2026-11-15"),                            // 9–15 Nov: 2
                       d("2026-11-02"), d("2026-11-03"), d("2026-10-30")]          // 2–8 Nov: 2; 26 Oct–1 Nov: 1
        let talks = [d("2026-11-20"), d("2026-11-10"), d("2026-11-04")]
        let hours: [(on: Day, hours: Double)] = [(d("2026-11-21"), 2), (d("2026-11-14"), 0.5), (d("2026-11-15"), 0.5), (d("2026-11-05"), 1)]
        let progress = WeeklyProgress.compute(today: today, periods: periods, appliedDays: applied, conversationDays: talks, hours: hours, weeks: 4)
        #expect(progress.thisWeek.weekStart == d("2026-11-16") && progress.daysLeft == 1)
        #expect(progress.thisWeek.applications == 2 && !progress.thisWeek.applicationsMet && progress.thisWeek.hoursMet)
        #expect(progress.history.map(\.weekStart) == [d("2026-11-09"), d("2026-11-02"), d("2026-10-26"), d("2026-10-19")])
        #expect(progress.history.map(\.met) == [true, true, false, false])
        #expect(progress.history[2].targets == nil)  // before any targets were set
        #expect(progress.streak == 2)
        #expect(progress.thisWeek.title == "16–22 Nov" && progress.history[2].title == "26 Oct–1 Nov")
    }

    @Test func countsThisWeekInTheStreakOnceItIsMet() {
        let periods = [TargetsPeriod(from: d("2026-11-02"), targets: WeeklyTargets(applications: 1, conversations: 0, skillHours: 0))]
        let progress = WeeklyProgress.compute(today: d("2026-11-18"), periods: periods, appliedDays: [d("2026-11-17"), d("2026-11-10")],
                                              conversationDays: [], hours: [])
        #expect(progress.thisWeek.met && progress.streak == 2)
        let none = WeeklyProgress.compute(today: d("2026-11-18"), periods: [], appliedDays: [d("2026-11-17")], conversationDays: [], hours: [])
        #expect(!none.thisWeek.met && none.streak == 0)
    }

    @Test func comparesTheSameDaysOfEachMonth() {
        let inputs = MonthOverMonth.Inputs(applied: (1...8).map { d("2026-03-0\($0)") } + [d("2026-03-30"), d("2026-03-31")] + (1...6).map { d("2026-02-1\($0)") },
                                           interviews: [d("2026-03-02")], wins: [d("2026-02-27")])
        // 31 March against the whole of February (28 days): every February day is before the 31st.
        let month = MonthOverMonth.compute(today: d("2026-03-31"), inputs)
        #expect(month.title == "1–31 Mar 2026 against 1–28 Feb 2026")
        #expect(month.changes[0].thisMonth == 10 && month.changes[0].lastMonth == 6 && month.changes[0].reading == "up 4 (from 6 to 10)")
        #expect(month.changes[2].reading == "too few to compare yet")
        // On 8 March only 1–8 February count, so nothing of February is compared yet.
        let early = MonthOverMonth.compute(today: d("2026-03-08"), inputs)
        #expect(early.changes[0].thisMonth == 8 && early.changes[0].lastMonth == 0)
        #expect(early.title == "1–8 Mar 2026 against 1–8 Feb 2026")
        // January looks back at December of the year before.
        let january = MonthOverMonth.compute(today: d("2027-01-01"), MonthOverMonth.Inputs(applied: [d("2026-12-01"), d("2027-01-01")]))
        #expect(january.title == "1 Jan 2027 against 1 Dec 2026" && january.changes[0].lastMonth == 1)
        #expect(MonthChange(measure: "x", thisMonth: 6, lastMonth: 6).reading == "the same (6)")
    }

    @Test func findsResponsesInterviewsAndOffersOnTimelines() {
        let now = Date()
        func app(_ id: Int, applied: String) -> Application {
            Application(id: id, details: ApplicationDetails(company: "C\(id)", role: "R", appliedOn: d(applied)), stage: .applied, furthestStage: .applied,
                        outcome: .open, lastActivityOn: d(applied), createdAt: now, updatedAt: now)
        }
        let events = [
            ApplicationEvent(applicationID: 1, kind: .added, on: d("2026-10-01"), stage: .applied, recordedAt: now),
            ApplicationEvent(applicationID: 1, kind: .moved, on: d("2026-10-20"), stage: .screening, fromStage: .applied, recordedAt: now),
            ApplicationEvent(applicationID: 1, kind: .moved, on: d("2026-11-03"), stage: .interview, fromStage: .screening, recordedAt: now),
            ApplicationEvent(applicationID: 1, kind: .moved, on: d("2026-11-10"), stage: .offer, fromStage: .interview, recordedAt: now),
            ApplicationEvent(applicationID: 2, kind: .added, on: d("2026-11-01"), stage: .applied, recordedAt: now),
            ApplicationEvent(applicationID: 2, kind: .rejected, on: d("2026-11-05"), stage: .applied, recordedAt: now),
        ]
        let inputs = MonthOverMonth.inputs(applications: [app(1, applied: "2026-10-01"), app(2, applied: "2026-11-01")], events: events)
        #expect(inputs.responses.sorted() == [d("2026-10-20"), d("2026-11-05")])
        #expect(inputs.interviews == [d("2026-11-03")] && inputs.offers == [d("2026-11-10")])
        // The same in any order the events come in.
        let shuffled = MonthOverMonth.inputs(applications: [app(1, applied: "2026-10-01"), app(2, applied: "2026-11-01")], events: events.reversed())
        #expect(shuffled.responses.sorted() == inputs.responses.sorted() && shuffled.interviews == inputs.interviews && shuffled.offers == inputs.offers)
    }

    /// The first response, interview and offer on each timeline, against the per-timeline
    /// definition, on random timelines given in random order.
    @Test func firstEventsMatchTheDefinitionOnRandomTimelines() {
        var rng = SplitMix64(seed: 11)
        let kinds: [EventKind] = [.added, .moved, .rejected, .offerAccepted, .offerDeclined]
        let base = Date(timeIntervalSince1970: 1_780_000_000)
        for _ in 0..<200 {
            let events = (0..<Int(rng.next() % 30)).map { _ in
                ApplicationEvent(applicationID: Int(rng.next() % 6), kind: kinds[Int(rng.next() % UInt64(kinds.count))],
                                 on: d("2026-10-01").adding(days: Int(rng.next() % 40)), stage: Stage.allCases[Int(rng.next() % UInt64(Stage.allCases.count))],
                                 recordedAt: base.addingTimeInterval(Double(rng.next() % 5)))
            }
            var responses: [Day] = [], interviews: [Day] = [], offers: [Day] = []
            for (_, timeline) in Dictionary(grouping: events, by: \.applicationID) {
                let ordered = timeline.sorted { ($0.on, $0.recordedAt) < ($1.on, $1.recordedAt) }
                if let e = ordered.first(where: { ($0.kind == .moved && $0.stage > .applied) || $0.kind == .rejected || $0.kind == .offerAccepted || $0.kind == .offerDeclined }) { responses.append(e.on) }
                if let e = ordered.first(where: { $0.kind == .moved && $0.stage >= .interview && $0.stage < .offer }) { interviews.append(e.on) }
                if let e = ordered.first(where: { $0.kind == .moved && $0.stage == .offer }) { offers.append(e.on) }
            }
            let inputs = MonthOverMonth.inputs(applications: [], events: events)
            #expect(inputs.responses.sorted() == responses.sorted() && inputs.interviews.sorted() == interviews.sorted() && inputs.offers.sorted() == offers.sorted())
        }
    }

    // MARK: Agenda

    func application(_ id: Int, stage: Stage = .applied, outcome: Outcome = .open, last: String) -> Application {
        Application(id: id, details: ApplicationDetails(company: "Co\(id)", role: "Analyst"), stage: stage, furthestStage: stage,
                    outcome: outcome, lastActivityOn: d(last), createdAt: Date(), updatedAt: Date())
    }

    @Test func gathersEverythingDueAndForgetsWhatIsDone() {
        let today = d("2026-11-21")
        var inputs = Agenda.Inputs()
        inputs.applications = [application(1, last: "2026-11-10"), application(2, stage: .interview, outcome: .rejected, last: "2026-08-31"),
                               application(3, stage: .finalRound, last: "2026-11-20"), application(4, outcome: .rejected, last: "2026-11-20")]
        inputs.rejections = [
            Rejection(applicationID: 2, on: d("2026-08-31"), stageReached: .interview, reason: nil, category: .timing, controllable: .no,
                      feelings: [], intensity: nil, processingEndsOn: d("2026-09-02")),
            Rejection(applicationID: 4, on: d("2026-11-20"), stageReached: .applied, reason: nil, category: .noReasonGiven, controllable: .no,
                      feelings: [], intensity: nil, processingEndsOn: d("2026-11-22")),
        ]
        inputs.contacts = [Contact(id: 7, details: ContactDetails(name: "Sam", role: .recruiter), createdAt: Date()),
                           Contact(id: 8, details: ContactDetails(name: "Ana", role: .interviewer), createdAt: Date())]
        inputs.links = [(2, 7), (2, 8)]
        inputs.rounds = [InterviewRound(id: 5, applicationID: 3, on: d("2026-11-24"), time: TimeOfDay("15:00"), type: .panel, interviewerIDs: [8]),
                         InterviewRound(id: 6, applicationID: 3, on: d("2026-11-24"), time: TimeOfDay("09:30"), type: .video),
                         InterviewRound(id: 4, applicationID: 3, on: d("2026-11-01"), time: nil, type: .phoneScreen)]
        inputs.goals = [PlanGoal(id: 9, title: "SQL", focus: "x:sql", action: .course, measure: "m", deadline: d("2026-12-05"), weeklyHours: 2,
                                 status: .active, createdOn: d("2026-11-01"))]
        inputs.requests = [FeedbackRequest(id: 11, applicationID: 2, contactID: 7, variant: .standard, status: .sent, createdOn: d("2026-09-01"), sentOn: d("2026-11-10"))]
        let items = Agenda.items(inputs, today: today)
        #expect(items.map(\.uid) == [
            "application-follow-up-1-2026-11-10",   // 17 Nov, still open
            "feedback-follow-up-11",                // 17 Nov
            "processing-ends-4-2026-11-20",          // 22 Nov
            "interview-6-3-2026-11-24", "interview-5-3-2026-11-24",  // 24 Nov, by time
            "reconnect-2-7",                         // 30 Nov: three months after 31 Aug, with the recruiter only
            "plan-deadline-9-2026-12-05",            // (a final round is not "followed up" on)
        ])
        let reconnect = items.first { $0.kind == .reconnect }!
        #expect(reconnect.on == d("2026-11-30") && reconnect.title == "Reconnect with Sam (Co2)")
        #expect(items.first { $0.uid == "interview-5-3-2026-11-24" }!.detail.contains("With Ana."))
        // Done reminders go; a conversation with Sam after the rejection clears the reconnect.
        inputs.done = ["application-follow-up-1-2026-11-10"]
        inputs.interactions = [Interaction(id: 1, contactID: 7, kind: .coffeeChat, on: d("2026-11-15"))]
        inputs.reflected = [4]
        let after = Agenda.items(inputs, today: today).map(\.uid)
        #expect(!after.contains("application-follow-up-1-2026-11-10") && !after.contains("reconnect-2-7") && !after.contains("processing-ends-4-2026-11-20"))
        // Past interviews are not due; from an earlier day they are listed.
        #expect(Agenda.items(inputs, today: today, from: d("2026-10-25")).contains { $0.uid == "interview-4-3-2026-11-01" })
    }

    @Test func remindsToReconnectWithTheCompanyWhenNoOneIsLinked() {
        var inputs = Agenda.Inputs()
        inputs.applications = [application(2, stage: .finalRound, outcome: .rejected, last: "2026-11-30")]
        inputs.rejections = [Rejection(applicationID: 2, on: d("2026-11-30"), stageReached: .finalRound, reason: nil, category: .moreExperiencedCandidate,
                                       controllable: .no, feelings: [], intensity: nil, processingEndsOn: d("2026-12-02"))]
        let items = Agenda.items(inputs, today: d("2026-12-01"))
        let reconnect = items.first { $0.kind == .reconnect }
        #expect(reconnect?.on == d("2027-02-28") && reconnect?.title == "Reconnect with Co2")
        #expect(reconnect?.detail.contains("\"Not right now\" is not \"never\"") == true)
    }

    // MARK: iCalendar

    @Test func writesAValidCalendarWithEscapingFoldingAndUTCTimes() {
        let items = [
            AgendaItem(uid: "interview-1", kind: .interview, on: d("2026-07-15"), time: TimeOfDay("14:30"), title: "Interview: Analyst at Acme, Inc; London",
                       detail: "Panel with Ana.\nBring the portfolio \\ notes."),
            AgendaItem(uid: "plan-deadline-2", kind: .planDeadline, on: d("2026-12-31"), title: "Goal deadline: " + String(repeating: "Lernen über Daten ", count: 8), detail: "Done when: ✓"),
        ]
        let feed = ICalendar.feed(items, stamp: Date(timeIntervalSince1970: 1_795_000_000), timeZone: TimeZone(identifier: "Europe/London")!)
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(feed.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!feed.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(feed.contains("DTSTART:20260715T133000Z\r\nDTEND:20260715T143000Z"))
        #expect(feed.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101"))
        #expect(feed.contains("SUMMARY:Interview: Analyst at Acme\\, Inc\\; London"))
        #expect(feed.contains("DESCRIPTION:Panel with Ana.\\nBring the portfolio \\\\ notes."))
        for line in feed.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "line too long: \(line)")
        }
        // Unfolding gives the summary back whole, with no character cut in half.
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Goal deadline: " + String(repeating: "Lernen über Daten ", count: 8)))
        #expect(feed.components(separatedBy: "BEGIN:VEVENT").count == 3)
    }

    // MARK: Practice

    @Test func leansPracticeTowardTheThemesThatNeedIt() throws {
        let questions = try QuestionBank.bundled()
        #expect(questions.count >= 60)
        for theme in FeedbackTheme.allCases { #expect(questions.filter { $0.themes.contains(theme) }.count >= 10) }
        let recurring = [RecurringTheme(theme: .teamwork, polarity: .improvement, applicationIDs: [1, 2], evidence: [])]
        let stories = FeedbackTheme.allCases.filter { $0 != .teamwork }.enumerated().map { Story(id: $0.offset, title: "s", situation: "x", themes: [$0.element.rawValue]) }
        let needs = PracticePicker.needs(recurring: recurring, stories: stories, sessions: [], questions: questions)
        #expect(needs.first { $0.theme == .teamwork }?.weight == 4)
        #expect(needs.first { $0.theme == .communication }?.weight == 1)
        var generator = SplitMix64(seed: 42)
        var teamwork = 0
        let today = d("2026-11-21")
        for _ in 0..<2000 {
            let q = PracticePicker.pick(from: questions, needs: needs, sessions: [], today: today, using: &generator)!
            if q.themes.contains(.teamwork) { teamwork += 1 }
        }
        let share = Double(questions.filter { $0.themes.contains(.teamwork) }.count) / Double(questions.count)
        #expect(Double(teamwork) / 2000 > share * 1.5, "teamwork picked \(teamwork) times of 2000, bank share \(share)")
        // Low ratings raise a theme too, and a question practised this week waits its turn.
        let low = PracticeSession(id: 1, questionID: questions.first { $0.themes.contains(.leadership) }!.id, storyID: nil, on: today,
                                  ratings: [.situation: 2, .task: 2, .action: 1, .result: 2])
        #expect(PracticePicker.needs(recurring: [], stories: stories, sessions: [low], questions: questions).first { $0.theme == .leadership }!.weight == 2.5)
        var again = SplitMix64(seed: 1)
        let only = questions.filter { $0.themes == [.technicalSkills] }
        for _ in 0..<50 {
            let pick = PracticePicker.pick(from: only + [questions[0]], needs: needs, sessions: only.map {
                PracticeSession(id: 0, questionID: $0.id, storyID: nil, on: today, ratings: [:]) }, today: today, using: &again)
            #expect(pick?.id == questions[0].id)
        }
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        #expect(PracticePicker.pick(from: questions, needs: needs, sessions: [], today: today, using: &a)
                == PracticePicker.pick(from: questions, needs: needs, sessions: [], today: today, using: &b))
    }

    @Test func findsThemesAndSkillsWithoutAStory() throws {
        let extractor = try SkillExtractor.bundled()
        let recurring = [RecurringTheme(theme: .communication, polarity: .improvement, applicationIDs: [1, 2], evidence: []),
                         RecurringTheme(theme: .teamwork, polarity: .improvement, applicationIDs: [1, 2], evidence: [])]
        let demand = [SkillDemand(skill: SkillRef(key: extractor.key(forSkillNamed: "SQL"), name: "SQL"), postings: 3, totalPostings: 3, weight: 3, applicationIDs: [], profileLevel: nil),
                      SkillDemand(skill: SkillRef(key: extractor.key(forSkillNamed: "Tableau"), name: "Tableau"), postings: 2, totalPostings: 3, weight: 2, applicationIDs: [], profileLevel: nil)]
        let stories = [Story(id: 1, title: "Dashboard", situation: "x", themes: ["teamwork"], skills: ["sql"])]
        let gaps = StoryGaps.find(stories: stories, recurring: recurring, demand: demand, extractor: extractor)
        #expect(gaps.themes == [.communication] && gaps.skills == ["Tableau"])
    }
}
