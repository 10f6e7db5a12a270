import NextYesCore
import Testing
import VaporTesting
@testable import NextYesWeb

@Suite("Profile, skills and plan pages")
struct SkillsPagesTests {
    static let posting = "We need SQL, Python and Tableau for dashboards. <script>alert('x')</script> Experience with Python a must."

    @Test func theApplicationPageMarksTheSkillsAndComparesThemWithTheProfile() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Data Analyst"), ("jobDescription", Self.posting)])
            let before = try await client.get("/applications/1").text
            #expect(before.contains("Your profile covers 0% of the 3 skills this posting names."))
            #expect(before.contains("<mark>SQL</mark>") && before.contains("<mark>Tableau</mark>"))
            #expect(before.contains("&lt;script&gt;") && !before.contains("<script>alert"))
            // "I have this" adds the skill and comes back to the application.
            let added = try await client.post("/profile/skills", [("name", "SQL"), ("level", "working"), ("back", "/applications/1")])
            #expect(added.location == "/applications/1")
            let after = try await client.get("/applications/1").text
            #expect(after.contains("Your profile covers 33% of the 3 skills"))
            // Only paths on this site are followed back.
            let away = try await client.post("/profile/skills", [("name", "Python"), ("level", "working"), ("back", "//evil.example/x")])
            #expect(away.location == "/profile")
        }
    }

    @Test func theProfileIsSeededFromAPastedResumeAfterThePersonPicks() async throws {
        try await withWebApp { client in
            try await client.login()
            let empty = try await client.get("/profile").text
            #expect(empty.contains("No skills yet"))
            let nothing = try await client.post("/profile/resume", [("resume", "   ")])
            #expect(nothing.status == .badRequest && nothing.text.contains("Paste the text of your resume first."))
            let found = try await client.post("/profile/resume", [("resume", "Analyst. Built reports in SQL and Microsoft Excel; some Python.")])
            // SQL, Microsoft Excel, Python, and "reports", which the skill tagger reads as a skill here.
            #expect(found.status == .ok && found.text.contains("NextYes found 4 skills"))
            #expect(try await client.get("/profile").text.contains("No skills yet"))
            _ = try await client.post("/profile/skills", [("pick[]", "SQL"), ("pick[]", "Python"), ("level", "strong")])
            let profile = try await client.get("/profile").text
            #expect(profile.contains("SQL") && profile.contains("Python") && !profile.contains(">Microsoft Excel<"))
            let tooLong = try await client.post("/profile/skills", [("name", String(repeating: "x", count: Limits.name + 5))])
            #expect(tooLong.status == .badRequest && tooLong.text.contains("Keep a skill&#39;s name under"))
        }
    }

    @Test func targetsDriveTheAlignmentPrompt() async throws {
        try await withWebApp { client in
            try await client.login()
            for index in 1...6 {
                _ = try await client.post("/applications", [("company", "Shop \(index)"), ("role", index == 1 ? "Data Analyst" : "Sales Associate"), ("appliedOn", "2026-11-0\(index)")])
            }
            let bad = try await client.post("/profile/targets", [("roles", String(repeating: "r", count: 300))])
            #expect(bad.status == .badRequest && bad.text.contains("Keep each entry under"))
            _ = try await client.post("/profile/targets", [("roles", "Data Analyst\nBI Developer"), ("industries", "healthcare"), ("strengths", "patience")])
            let page = try await client.get("/profile").text
            #expect(page.contains("1 of 6 (17%) of your last 6 applications match your target roles or industries."))
            #expect(page.contains("pivot on purpose") && page.contains("Sales Associate at Shop 2") && !page.contains("drift"))
        }
    }

    @Test func theSkillsPageChartsDemandAgainstTheProfile() async throws {
        try await withWebApp { client in
            try await client.login()
            #expect(try await client.get("/skills").text.contains("Paste the job description when you add or edit an application"))
            for company in ["Acme", "Globex", "Initech"] {
                _ = try await client.post("/applications", [("company", company), ("role", "Analyst"), ("jobDescription", Self.posting)])
            }
            _ = try await client.post("/profile/skills", [("name", "sql"), ("level", "strong")])
            let page = try await client.get("/skills").text
            #expect(page.contains("<svg") && page.contains("Postings asking for each skill"))
            #expect(page.contains("asked for in 3 of 3 postings; in your profile (strong)"))
            #expect(page.contains("asked for in 3 of 3 postings; not in your profile"))
        }
    }

    @Test func suggestedGoalsCanBeAcceptedEditedDeclinedAndFinished() async throws {
        try await withWebApp { client in
            try await client.login()
            #expect(try await client.get("/plan").text.contains("Nothing to suggest yet"))
            for company in ["Acme", "Globex", "Initech", "Umbrella"] {
                _ = try await client.post("/applications", [("company", company), ("role", "Analyst"), ("jobDescription", Self.posting)])
            }
            let plan = try await client.get("/plan").text
            #expect(plan.contains("Build working knowledge of Python") && plan.contains("Build working knowledge of SQL"))
            let focus = try #require(plan.firstMatch(of: /name="focus" value="([^"]+)"/)).1
            let invalid = try await client.post("/plan/goals", [("focus", String(focus)), ("title", "Python"), ("action", "course"),
                                                                ("measure", ""), ("deadline", "2026-01-01"), ("weeklyHours", "2")])
            #expect(invalid.status == .badRequest && invalid.text.contains("Say how you&#39;ll know it&#39;s done"))
            #expect(invalid.text.contains("The deadline 2026-01-01 has passed"))
            let accepted = try await client.post("/plan/goals", [("focus", String(focus)), ("title", "Python basics"), ("action", "project"),
                                                                 ("measure", "One small script"), ("deadline", "2026-12-19"), ("weeklyHours", "2")])
            #expect(accepted.location == "/plan")
            let withGoal = try await client.get("/plan").text
            #expect(withGoal.contains("Python basics") && withGoal.contains("Added &quot;Python basics&quot; to your plan"))
            #expect(!withGoal.contains("Build working knowledge of Python"))
            _ = try await client.post("/plan/goals/1/hours", [("hours", "2")])
            #expect(try await client.get("/plan").text.contains("2.0 hours logged"))
            _ = try await client.post("/plan/goals/1/hours", [("hours", "lots")])
            #expect(try await client.get("/plan").text.contains("Hours are a number from 0.25 to 24"))
            _ = try await client.post("/plan/decline", [("focus", "onet-tech:anything"), ("title", "")])
            _ = try await client.post("/plan/goals/1/done", [])
            let done = try await client.get("/plan").text
            #expect(done.contains("finished") && done.contains("Python basics"))
            #expect(try await client.get("/wins").text.contains("Goal done: Python basics"))
        }
    }
}
