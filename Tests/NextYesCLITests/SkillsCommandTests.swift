import Foundation
import Testing

@Suite("nextyes skills, profile and plan", .serialized)
struct SkillsCommandTests {
    @Test func extractKeepsItsJSONContract() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let text = "Équipe 🚀: C++ and Node.js, plus SQL."
        let result = try cli.run(["skills", "extract", "--json"], input: text, useDatabase: false)
        #expect(result.code == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(Array(object.keys) == ["skills"])
        let skills = try #require(object["skills"] as? [[String: Any]])
        #expect(!skills.isEmpty)
        let scalars = Array(text.unicodeScalars)
        for skill in skills {
            #expect(Set(skill.keys) == ["id", "label", "source", "text", "start", "end"])
            #expect(["esco", "onet-skill", "onet-tech"].contains(skill["source"] as? String ?? ""))
            let start = try #require(skill["start"] as? Int), end = try #require(skill["end"] as? Int)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == skill["text"] as? String)
        }
        #expect(Set(skills.compactMap { $0["text"] as? String }) == ["C++", "Node.js", "SQL"])

        let lines = try cli.run(["skills", "extract", "--jsonl"], input: "{\"text\":\"Python and Java\"}\nnot json\n{\"text\":\"\"}\n", useDatabase: false)
        let outputs = lines.out.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(outputs.count == 3)
        #expect((outputs[0]?["skills"] as? [Any])?.count ?? 0 >= 2)
        #expect(outputs[1]?["line"] as? Int == 2 && outputs[1]?["error"] != nil)
        #expect((outputs[2]?["skills"] as? [Any])?.isEmpty == true)

        let plain = try cli.run(["skills", "extract"], input: "We need Kubernetes.", useDatabase: false)
        #expect(plain.out.contains("Kubernetes"))
        let empty = try cli.run(["skills", "extract"], input: "  ", useDatabase: false)
        #expect(empty.code == 1 && empty.err.contains("There was no text on standard input"))
    }

    @Test func gapsProfileAndPlanFromTheCommandLine() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["skills", "gaps"]).err.contains("There's no NextYes database"))
        let posting = cli.folder.appendingPathComponent("posting.txt")
        try "We use SQL, Python and Tableau every day.".write(to: posting, atomically: true, encoding: .utf8)
        for company in ["Acme", "Globex", "Initech", "Umbrella"] {
            #expect(try cli.run(["add", "--company", company, "--role", "Data Analyst", "--description-file", posting.path]).code == 0)
        }
        let resume = try cli.run(["profile", "resume"], input: "Reporting analyst: SQL, Excel spreadsheets and some Python.")
        #expect(resume.out.contains("Found") && resume.out.contains("--keep"))
        #expect(try cli.run(["profile"]).out.contains("No skills in your profile yet"))
        let wrong = try cli.run(["profile", "resume", "--keep", "Haskell"], input: "SQL and Python.")
        #expect(wrong.code == 0 && wrong.out.contains("Not in the list NextYes found: Haskell") && !wrong.out.contains("Added"))
        let kept = try cli.run(["profile", "resume", "--keep", "sql", "--level", "strong"], input: "SQL and Python.")
        #expect(kept.out.contains("Added 1 skill to your profile: SQL."))

        let gaps = try cli.run(["skills", "gaps"])
        #expect(gaps.out.contains("SQL — asked for in 4 of 4 postings; in your profile (strong)"))
        #expect(gaps.out.contains("Tableau — asked for in 4 of 4 postings; not in your profile"))
        let missing = try cli.json(["skills", "gaps", "--missing", "--json"]) as? [[String: Any]]
        #expect(missing?.compactMap { ($0["skill"] as? [String: Any])?["name"] as? String }.contains("SQL") == false)
        let one = try cli.run(["skills", "gaps", "--application", "1"])
        #expect(one.out.contains("covers 33% of the 3 skills"))

        let plan = try cli.run(["plan"])
        #expect(plan.out.contains("[python] Build working knowledge of Python") && plan.out.contains("Why: Python is asked for in 4 of 4 postings"))
        #expect(plan.out.contains("[tableau] Build working knowledge of Tableau"))
        // Ids stay put: accepting one doesn't renumber the others.
        #expect(try cli.run(["plan", "accept", "tableau", "--hours", "2.5"]).err.contains("a whole number from 1 to 40"))
        #expect(try cli.run(["plan", "accept", "tableau", "--deadline", "2026-02-30"]).err.contains("February 2026 has 28 days"))
        let accepted = try cli.run(["plan", "accept", "python", "--hours", "2"])
        #expect(accepted.out.contains("Added goal 1: Build working knowledge of Python"))
        #expect(try cli.run(["plan", "accept", "9"]).err.contains("There's no suggestion \"9\". Choose one of: tableau"))
        #expect(try cli.run(["plan", "accept", "tableau", "--deadline", "2020-01-01"]).err.contains("has passed"))
        #expect(try cli.run(["plan", "log", "1", "1.5"]).out.contains("Logged 1.5 hours on \"Build working knowledge of Python\": 1.5 hours so far"))
        #expect(try cli.run(["plan", "log", "1", "99"]).err.contains("Hours are a number from 0.25 to 24"))
        #expect(try cli.run(["plan", "log", "1", "1", "--on", "2030-01-01"]).err.contains("The day 2030-01-01 is in the future"))
        #expect(try cli.run(["plan", "decline", "tableau"]).out.contains("won't suggest"))
        #expect(try cli.run(["plan"]).out.contains("No new suggestions"))
        #expect(try cli.run(["plan", "done", "1"]).out.contains("in your wins now"))
        #expect(try cli.run(["plan", "done", "1"]).err.contains("Goal 1 is already done"))
        #expect(try cli.run(["plan", "log", "1", "1"]).err.contains("Goal 1 is already done"))
        #expect(try cli.run(["wins"]).out.contains("Goal done: Build working knowledge of Python"))
        // Finishing a skill goal puts the skill in the profile at working level.
        #expect(try cli.run(["profile"]).out.contains("Working knowledge: Python"))
        #expect(try cli.run(["profile", "add-skill", "python"]).out.contains("Python is already in your profile (working knowledge)."))
        #expect(try cli.run(["profile", "add-skill", "python", "--level", "strong"]).out.contains("Python: working knowledge → strong."))
        // Adding again never lowers a level; set-level changes it, either way.
        let lower = try cli.run(["profile", "add-skill", "python", "--level", "learning"])
        #expect(lower.out.contains("already in your profile as strong; adding never lowers a level") && lower.out.contains("nextyes profile set-level"))
        #expect(try cli.run(["profile", "set-level", "python", "learning"]).out.contains("Python is now learning"))
        #expect(try cli.run(["profile", "set-level", "python", "expert"]).err.contains("is not a level"))
        #expect(try cli.run(["profile", "set-level", "Cobol", "strong"]).err.contains("isn't in your profile"))
        #expect(try cli.run(["profile", "set-level", "python", "working"]).code == 0)
        let json = try cli.json(["plan", "--json"]) as? [String: Any]
        #expect((json?["goals"] as? [Any])?.count == 2)

        let targets = try cli.run(["profile", "targets", "--role", "Data Analyst", "--industry", "healthcare"])
        #expect(targets.out.contains("Saved.") && targets.out.contains("4 of your last 4 applications match"))
        #expect(try cli.run(["profile"]).out.contains("Target roles: Data Analyst"))
        #expect(try cli.run(["profile", "remove-skill", "Cobol"]).err.contains("isn't in your profile. It has: Python, SQL."))
    }
}
