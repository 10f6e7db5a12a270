import Foundation
import Testing

@Suite("nextyes feedback and insights", .serialized)
struct LearningCommandTests {
    @Test func feedbackThemesKeepsItsJSONContract() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let one = try cli.run(["feedback", "themes", "--json"], input: "No concerns about your technical depth, but you could have given more concrete examples. We went with an internal candidate.")
        #expect(one.code == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["themes", "reasons", "generic"])
        let themes = try #require(object["themes"] as? [[String: Any]])
        #expect(themes.contains { $0["theme"] as? String == "technical-skills" && $0["polarity"] as? String == "strength" && ($0["evidence"] as? String)?.contains("No concerns") == true })
        #expect(themes.contains { $0["theme"] as? String == "communication" && $0["polarity"] as? String == "improvement" })
        let reasons = try #require(object["reasons"] as? [[String: Any]])
        #expect(reasons.first?["reason"] as? String == "internal-candidate" && reasons.first?["controllable"] as? Bool == false)
        #expect(object["generic"] as? Bool == false)

        let lines = try cli.run(["feedback", "themes", "--jsonl"], input: "{\"text\":\"Not moving forward, sorry.\"}\n{\"text\":\"Good listener.\"}\nnot json\n")
        #expect(lines.code == 1 && lines.err.contains("1 of 3 lines could not be read"))
        let results = lines.out.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(results.count == 3)
        #expect(results[0]?["generic"] as? Bool == true)
        #expect(results[2]?["line"] as? Int == 3)
        let empty = try cli.run(["feedback", "themes"], input: "   \n")
        #expect(empty.code == 1 && empty.err.contains("no text on standard input"))
    }

    @Test func requestsRecordsAndSeesPatterns() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["add", "--company", "Acme", "--role", "Analyst", "--applied", "2026-01-05"])
        try cli.run(["reject", "1", "--on", "2026-01-20", "--stage", "interview", "--reason", "The role has been put on hold."])
        let shown = try #require(try cli.json(["show", "1", "--json"]) as? [String: Any])
        #expect((shown["rejection"] as? [String: Any])?["category"] as? String == "role-on-hold")
        let request = try cli.run(["feedback", "request", "1", "--to", "Dana Reyes", "--email", "dana@acme.example", "--sent", "--on", "2026-01-21"])
        #expect(request.code == 0)
        #expect(request.out.hasPrefix("Subject: Feedback on my application for Analyst"))
        #expect(request.out.contains("Dear Dana,"))
        #expect(request.err.contains("If there's no answer by 2026-01-28"))
        let added = try cli.run(["feedback", "add", "1", "--text", "Strong SQL, weak storytelling."])
        #expect(added.out.contains("Strength: Technical skills") && added.out.contains("To work on: Communication"))
        let list = try cli.run(["feedback", "list", "1"])
        #expect(list.out.contains("Request 1 (standard): replied"))
        let mark = try cli.run(["feedback", "mark", "1", "declined"])
        #expect(mark.code == 1 && mark.err.contains("already closed"))
        try cli.run(["add", "--company", "Globex", "--role", "Analyst", "--applied", "2026-01-05"])
        try cli.run(["reject", "2", "--category", "interview-performance"])
        try cli.run(["feedback", "add", "2", "--text", "Your storytelling was weak and answers wandered."])
        let insights = try cli.run(["insights"])
        #expect(insights.out.contains("Communication & presentation, in 2 applications"))
        #expect(insights.out.contains("too few to tell yet"))
        let json = try #require(try cli.json(["insights", "--json"]) as? [String: Any])
        #expect(json["funnel"] != nil && json["recurringImprovements"] != nil && json["cuts"] != nil)
    }
}
