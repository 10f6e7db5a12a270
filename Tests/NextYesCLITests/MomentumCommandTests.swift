import Foundation
import Testing

@Suite("nextyes targets, contacts, interviews, agenda, stories and practice", .serialized)
struct MomentumCommandTests {
    @Test func targetsContactsAndTheAgenda() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["targets"]).err.contains("There's no NextYes database"))
        try cli.run(["add", "--company", "Acme", "--role", "Analyst"])
        let suggested = try cli.run(["targets"])
        #expect(suggested.out.contains("No weekly targets yet") && suggested.out.contains("nextyes targets --applications 5 --conversations 2 --hours 3"))
        #expect(try cli.run(["targets", "--applications", "lots"]).err.contains("Applications a week is a whole number from 0 to 50"))
        let set = try cli.run(["targets", "--applications", "3", "--conversations", "1", "--hours", "2"])
        #expect(set.out.contains("Saved: 3 applications, 1 conversations and 2 learning hours a week") && set.out.contains("Applications sent    1 of 3"))
        #expect(set.out.contains("against") && set.out.contains("too few to compare yet"))
        let logged = try cli.run(["targets", "--log-hours", "2", "--note", "SQL course"])
        #expect(logged.out.contains("Logged 2 hours of learning") && logged.out.contains("Skill hours          2 of 2  ✓"))
        #expect(try cli.run(["targets", "--log-hours", "30"]).err.contains("Hours are a number from 0.25 to 24"))

        let added = try cli.run(["contacts", "add", "--name", "Sam Lee", "--role", "recruiter", "--company", "Acme", "--application", "1"])
        #expect(added.out.contains("Added Sam Lee (contact 1)"))
        #expect(try cli.run(["contacts", "add", "--name", "X", "--role", "wizard"]).err.contains("is not a contact role"))
        #expect(try cli.run(["contacts", "log", "1", "--kind", "lunch"]).err.contains("is not a kind of interaction"))
        #expect(try cli.run(["contacts", "log", "1", "--kind", "coffee-chat", "--note", "Spring hiring"]).out.contains("That's a win"))
        #expect(try cli.run(["targets"]).out.contains("Conversations        1 of 1  ✓"))
        let list = try cli.run(["contacts"])
        #expect(list.out.contains("Sam Lee") && list.out.contains("Recruiter"))
        let show = try cli.run(["contacts", "show", "1"])
        #expect(show.out.contains("Application 1: Analyst at Acme") && show.out.contains("Coffee chat: Spring hiring"))
        let json = try cli.json(["contacts", "--json"]) as? [[String: Any]]
        #expect(json?.first?["applicationIDs"] as? [Int] == [1])

        #expect(try cli.run(["interviews", "add", "1", "--on", "2026-02-30"]).err.contains("February 2026 has 28 days"))
        let interview = try cli.run(["interviews", "add", "1", "--on", "2026-12-01", "--time", "14:30", "--type", "behavioral", "--with", "1"])
        #expect(interview.code == 0 && interview.out.contains("Added the behavioural round for Analyst at Acme on 1 Dec 2026 at 14:30. The application is at interview now."), "\(interview.err)")
        #expect(try cli.run(["show", "1"]).out.contains("People: Sam Lee (recruiter) [contact 1]"))
        #expect(try cli.run(["interviews", "delete", "1"]).err.contains("--yes"))
        #expect(try cli.run(["interviews"]).out.contains("Sam Lee"))
        let agenda = try cli.run(["agenda", "--days", "30"])
        #expect(agenda.out.contains("14:30  Interview: Analyst at Acme"))
        let ics = try cli.run(["agenda", "--ics"])
        #expect(ics.out.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.out.contains("SUMMARY:Interview: Analyst at Acme"))
        #expect(try cli.run(["agenda", "--feed-url"]).out.range(of: #"^http://127\.0\.0\.1:8080/feed/[0-9a-f]{64}\.ics"#, options: .regularExpression) != nil)
        #expect(try cli.run(["agenda", "--done", "nope"]).err.contains("\"nope\" isn't an open reminder"))
        #expect(try cli.run(["contacts", "delete", "1"]).err.contains("--yes"))
        #expect(try cli.run(["contacts", "delete", "1", "--yes"]).out.contains("Deleted Sam Lee"))
    }

    @Test func storiesAndPractice() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["stories", "add", "--title", "Lonely title"]).err.contains("Write at least one part of the story"))
        let added = try cli.run(["stories", "add", "--title", "The dashboard", "--situation", "Nobody used it.", "--theme", "teamwork", "--skill", "Tableau"])
        #expect(added.out.contains("Saved story 1: The dashboard. Still to write: task, action, result"))
        #expect(try cli.run(["stories", "add", "--title", "x", "--situation", "y", "--theme", "charm"]).err.contains("is not a theme"))
        #expect(try cli.run(["stories", "edit", "1", "--result", "40 people use it weekly."]).out.contains("Saved The dashboard."))
        #expect(try cli.run(["stories"]).out.contains("[1] The dashboard — teamwork & collaboration, Tableau  (draft: add the task, action)"))
        #expect(try cli.run(["stories", "show", "1"]).out.contains("40 people use it weekly."))
        #expect(try cli.run(["stories", "gaps"]).code == 0)

        let first = try cli.run(["practice", "--seed", "5"])
        let again = try cli.run(["practice", "--seed", "5"])
        #expect(first.out == again.out && first.out.contains("nextyes practice rate q-"))
        let teamwork = try cli.run(["practice", "--theme", "teamwork", "--seed", "1"])
        #expect(teamwork.out.contains("teamwork") && teamwork.out.contains("Stories that might fit: [1] The dashboard"))
        #expect(try cli.run(["practice", "--theme", "charm"]).err.contains("is not a theme"))
        let id = try #require(first.out.firstMatch(of: /rate (q-\d+)/)).1
        #expect(try cli.run(["practice", "rate", String(id), "--situation", "6", "--task", "3", "--action", "3", "--result", "3"]).err.contains("from 1 (shaky) to 5 (solid)"))
        let rated = try cli.run(["practice", "rate", String(id), "--situation", "4", "--task", "4", "--action", "2", "--result", "4", "--story", "1"])
        #expect(rated.out.contains("Saved. Average 3.5 of 5.") && rated.out.contains("Next time, for the action"))
        #expect(try cli.run(["practice", "history"]).out.contains("S4 T4 A2 R4"))
    }
}
