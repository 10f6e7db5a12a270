import Foundation
import Testing
@testable import NextYesCore

@Suite("Dates, times and momentum forms")
struct MomentumRulesTests {
    let today = Day("2026-11-21")!

    @Test func addsMonthsClampingToTheMonthsLastDay() {
        #expect(Day("2026-01-31")!.adding(months: 1) == Day("2026-02-28")!)
        #expect(Day("2028-01-31")!.adding(months: 1) == Day("2028-02-29")!)
        #expect(Day("2026-11-30")!.adding(months: 3) == Day("2027-02-28")!)
        #expect(Day("2026-12-15")!.adding(months: 1) == Day("2027-01-15")!)
        #expect(Day("2026-03-31")!.adding(months: -1) == Day("2026-02-28")!)
        #expect(Day("2026-02-14")!.endOfMonth == Day("2026-02-28")!)
        #expect(Day("2024-02-01")!.endOfMonth == Day("2024-02-29")!)
        #expect(Day("2026-12-09")!.endOfMonth == Day("2026-12-31")!)
    }

    @Test func weeksStartOnMonday() {
        #expect(Day("2026-11-22")!.startOfWeek == Day("2026-11-16")!)  // a Sunday
        #expect(Day("2026-11-23")!.startOfWeek == Day("2026-11-23")!)  // a Monday
        #expect(Day("2027-01-02")!.startOfWeek == Day("2026-12-28")!)  // across the new year
    }

    @Test func readsTimesOfDay() {
        #expect(TimeOfDay("14:30")?.description == "14:30")
        #expect(TimeOfDay("9:05")?.description == "09:05")
        #expect(TimeOfDay("0930")?.description == "09:30")
        for bad in ["24:00", "12:60", "noon", "1:2", "", "12:30:00"] { #expect(TimeOfDay(bad) == nil, "\(bad)") }
    }

    @Test func placesATimeInItsTimeZoneAcrossDaylightSaving() {
        let london = TimeZone(identifier: "Europe/London")!
        let utc = TimeZone(identifier: "UTC")!
        func iso(_ date: Date) -> String {
            let f = ISO8601DateFormatter()
            f.timeZone = utc
            return f.string(from: date)
        }
        #expect(iso(TimeOfDay("14:30")!.moment(on: Day("2026-01-15")!, in: london)) == "2026-01-15T14:30:00Z")
        #expect(iso(TimeOfDay("14:30")!.moment(on: Day("2026-07-15")!, in: london)) == "2026-07-15T13:30:00Z")
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(iso(TimeOfDay("09:00")!.moment(on: Day("2026-11-02")!, in: newYork)) == "2026-11-02T14:00:00Z")
        // 01:30 on the night clocks go forward doesn't exist; it lands just after the gap.
        let gap = TimeOfDay("01:30")!.moment(on: Day("2026-03-29")!, in: london)
        #expect(iso(gap) >= "2026-03-29T01:00:00Z" && iso(gap) <= "2026-03-29T01:30:00Z")
    }

    @Test func interactionAndInterviewFormsSayWhatToFix() {
        #expect(throws: ValidationErrors.self) { try InteractionForm(kind: "lunch").validated(today: today) }
        let valid = try? InteractionForm(kind: "Coffee chat", on: "", note: "  Talked about dbt ").validated(today: today)
        #expect(valid?.kind == .coffeeChat && valid?.on == today && valid?.note == "Talked about dbt")
        do {
            _ = try InterviewForm(on: "2026-02-30", time: "25:00", type: "duel").validated(today: today)
            Issue.record("expected errors")
        } catch {
            #expect(error["on"]?.contains("February 2026 has 28 days") == true)
            #expect(error["time"]?.contains("HH:MM") == true && error["type"]?.contains("phone-screen") == true)
        }
        let round = try? InterviewForm(on: "2026-11-28", time: "9:00", type: "", interviewerIDs: [3, 3, 4]).validated(today: today)
        #expect(round?.type == .other && round?.time?.description == "09:00" && round?.interviewerIDs == [3, 4])
        #expect(throws: ValidationErrors.self) { try InterviewForm(on: "2029-01-01").validated(today: today) }
    }

    @Test func targetsFormsKeepNumbersSensible() throws {
        #expect(try TargetsForm(applications: "5", conversations: "2", skillHours: "2.6").validated() == WeeklyTargets(applications: 5, conversations: 2, skillHours: 2.5))
        do {
            _ = try TargetsForm(applications: "500", conversations: "-1", skillHours: "nan").validated()
            Issue.record("expected errors")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["applications", "conversations", "skillHours"])
        }
        #expect(TargetsForm(WeeklyTargets(applications: 4, conversations: 1, skillHours: 2.5)).skillHours == "2.5")
    }

    @Test func storiesCanBeDraftsButNeedSomething() {
        let themes = ["communication", "teamwork"]
        #expect(throws: ValidationErrors.self) { try StoryForm(title: "Only a title").validated(knownThemes: themes) }
        do {
            _ = try StoryForm(title: "x", situation: "y", themes: ["charisma"]).validated(knownThemes: themes)
            Issue.record("expected errors")
        } catch {
            #expect(error["themes"]?.contains("is not a theme") == true)
        }
        let draft = try? StoryForm(title: "The dashboard", situation: "Nobody used it.", themes: ["communication", "communication"],
                                   skills: "Tableau, tableau; SQL").validated(knownThemes: themes)
        #expect(draft?.themes == ["communication"] && draft?.skills == ["Tableau", "SQL"] && draft?.result == nil)
        let story = Story(id: 1, title: "t", situation: "s", result: "r")
        #expect(story.missing == [.task, .action])
    }

    @Test func practiceRatingsAreOneToFive() {
        do {
            _ = try PracticeForm(questionID: "q-999", ratings: [.situation: "6", .task: "x", .action: "3"]).validated(knownQuestions: ["q-001"])
            Issue.record("expected errors")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["questionID", "situation", "task", "result"])
        }
        let valid = try? PracticeForm(questionID: "q-001", ratings: [.situation: "4", .task: "3", .action: "2", .result: "5"]).validated(knownQuestions: ["q-001"])
        #expect(valid?.ratings[.action] == 2)
        #expect(PracticeSession(id: 1, questionID: "q", storyID: nil, on: today, ratings: [.situation: 4, .task: 3, .action: 2, .result: 5]).average == 3.5)
    }
}
