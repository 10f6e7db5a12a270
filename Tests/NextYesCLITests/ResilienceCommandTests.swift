import Foundation
import Testing

@Suite("nextyes journal, wins and support", .serialized)
struct ResilienceCommandTests {
    @Test func journalCheckKeepsItsJSONContract() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["journal", "check", "--json"], input: "I'll never get hired. My friend said I'm not a failure.")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["traps", "reframe", "crisis"])
        #expect(object["crisis"] as? Bool == false)
        let traps = try #require(object["traps"] as? [[String: Any]])
        #expect(traps.map { $0["trap"] as? String } == ["overgeneralizing"])
        #expect(traps[0]["evidence"] as? String == "I'll never get hired.")
        #expect((object["reframe"] as? String)?.isEmpty == false)
        let calm = try cli.run(["journal", "check", "--json"], input: "Today I applied to two roles and went for a walk.")
        let quiet = try #require(try JSONSerialization.jsonObject(with: Data(calm.out.utf8)) as? [String: Any])
        #expect((quiet["traps"] as? [Any])?.isEmpty == true && quiet["reframe"] as? String == "")
        let lines = try cli.run(["journal", "check", "--jsonl"], input: "{\"text\":\"I'm a failure\"}\n{\"text\":\"I feel okay\"}\n")
        #expect(lines.code == 0 && lines.out.split(separator: "\n").count == 2)
    }

    @Test func journalWinsAndSupportFromTheCommandLine() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let added = try cli.run(["journal", "add", "--mood", "3", "--emotion", "tired", "--text", "I'm useless. Nothing ever works out."])
        #expect(added.code == 0 && added.out.contains("Saved journal entry 1") && added.out.contains("Another way to see it"))
        let bad = try cli.run(["journal", "add", "--mood", "12"])
        #expect(bad.code == 1 && bad.err.contains("1 (very low) to 10"))
        #expect(try cli.run(["journal", "list"]).out.contains("mood 3/10  tired"))
        try cli.run(["add", "--company", "Acme", "--role", "Analyst"])
        try cli.run(["move", "1", "interview"])
        try cli.run(["wins", "--add", "Sent my first cold email"])
        let wins = try cli.run(["wins"])
        #expect(wins.out.contains("Acme moved you to interview") && wins.out.contains("Sent my first cold email"))
        let support = try cli.run(["support", "--helpline", "Lifeline 13 11 14"])
        #expect(support.out.contains("Saved your helpline"))
        #expect(try cli.run(["support"]).out.contains("Your helpline: Lifeline 13 11 14"))
        #expect(try cli.run(["support", "--watch", "maybe"]).code == 1)
        let rejected = try cli.run(["reject", "1", "--feeling", "gutted", "--note", "Needed that one."])
        #expect(rejected.code == 0)
        #expect(try cli.run(["journal", "list"]).out.contains("Needed that one."))
    }
}
