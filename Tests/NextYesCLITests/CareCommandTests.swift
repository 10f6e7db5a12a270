import Foundation
import Testing

/// Every command that saves what a person writes prints the support card first when the words
/// carry crisis language, with the person's own helpline; idioms print none; the text is saved.
@Suite("nextyes: care wherever a person writes", .serialized)
struct CareCommandTests {
    static let crisis = "I don't want to be alive anymore."
    static let idiom = "This job hunt is killing me, dead tired after the assessment."

    /// Commands that take free text, with a placeholder where the text goes.
    static let commands: [[String]] = [
        ["journal", "add", "--mood", "2", "--text", "TEXT"],
        ["reject", "1", "--reason", "TEXT"],
        ["reject", "1", "--feeling", "numb", "--note", "TEXT"],
        ["feedback", "add", "2", "--text", "TEXT"],
        ["contacts", "add", "--name", "Sam Lee", "--notes", "TEXT"],
        ["contacts", "log", "1", "--kind", "coffee-chat", "--note", "TEXT"],
        ["add", "--company", "Globex", "--role", "Analyst", "--notes", "TEXT"],
        ["edit", "2", "--notes", "TEXT"],
        ["interviews", "add", "2", "--on", "TODAY", "--notes", "TEXT"],
        ["wins", "--add", "TEXT"],
        ["targets", "--log-hours", "1", "--note", "TEXT"],
        ["stories", "add", "--title", "Dashboards", "--situation", "TEXT"],
    ]

    static func filled(_ template: [String], with text: String) -> [String] {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        let today = formatter.string(from: Date())
        return template.map { $0 == "TEXT" ? text : $0 == "TODAY" ? today : $0 }
    }

    static func prepared() throws -> CLI {
        let cli = try CLI()
        try cli.run(["support", "--helpline", "Lifeline 13 11 14 (mine)"])
        try cli.run(["add", "--company", "Acme", "--role", "Analyst"])
        try cli.run(["add", "--company", "Initech", "--role", "Analyst"])
        try cli.run(["contacts", "add", "--name", "Ana Ruiz"])
        return cli
    }

    @Test(arguments: commands)
    func crisisWordsPrintTheSupportCardFirst(_ template: [String]) throws {
        let cli = try Self.prepared()
        defer { cli.cleanUp() }
        let result = try cli.run(Self.filled(template, with: Self.crisis))
        #expect(result.code == 0, "\(template): \(result.err)")
        let card = try #require(result.out.range(of: "You matter"), "\(template): no support card in \(result.out)")
        #expect(result.out.contains("Your helpline: Lifeline 13 11 14 (mine)"))
        #expect(result.out.contains("If you are in immediate danger"))
        let firstLine = result.out.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(firstLine?.trimmingCharacters(in: .whitespaces).hasPrefix("You matter") == true, "The card comes first: \(result.out)")
        #expect(result.out.distance(from: result.out.startIndex, to: card.lowerBound) < 10)
        #expect(!result.out.contains("Another way to see it"))
        let export = try cli.run(["export"])
        #expect(export.out.contains("be alive anymore."), "\(template): the text was not saved as written")
        #expect(try cli.run(["support"]).out.contains("Your targets and reminders are paused"))
    }

    @Test(arguments: commands)
    func idiomsPrintNoCard(_ template: [String]) throws {
        let cli = try Self.prepared()
        defer { cli.cleanUp() }
        let result = try cli.run(Self.filled(template, with: Self.idiom))
        #expect(result.code == 0, "\(template): \(result.err)")
        #expect(!result.out.contains("You matter"), "\(template): an idiom printed the card")
    }

    @Test func journalCheckMarksCrisisAndOffersSupportNotAnalysis() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let json = try cli.run(["journal", "check", "--json"], input: "I'm a failure and I want to kill myself.")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["crisis"] as? Bool == true)
        #expect((object["traps"] as? [Any])?.isEmpty == true && object["reframe"] as? String == "")
        // The support card comes with it, crisis lines included, so a script can show them.
        let support = try #require(object["support"] as? [String: Any])
        #expect((support["message"] as? String)?.isEmpty == false && support["emergency"] as? String != nil)
        let calm = try cli.run(["journal", "check", "--json"], input: "I'm a failure.")
        #expect(try #require(try JSONSerialization.jsonObject(with: Data(calm.out.utf8)) as? [String: Any])["support"] == nil)
        let lines = try cli.run(["journal", "check", "--jsonl"], input: "{\"text\":\"I'm not suicidal, just tired\"}\n{\"text\":\"better off without me\"}\n")
        let results = lines.out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(results.map { $0["crisis"] as? Bool } == [false, true])
        let text = try cli.run(["journal", "check"], input: "How many pills would it take")
        #expect(text.out.contains("You matter") && !text.out.contains("thinking trap"))
    }

    @Test func theCardFollowsTheCountryAndThePauseCanEnd() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["support", "--country", "FR"]).code == 0)
        let added = try cli.run(["journal", "add", "--text", "Je veux mourir."])
        #expect(added.out.contains("3114"))
        #expect(try cli.run(["targets"]).out.contains("Your targets are paused"))
        try cli.run(["contacts", "add", "--name", "Sam Lee"])
        let logged = try cli.run(["contacts", "log", "1", "--kind", "coffee-chat"])
        #expect(logged.out.contains("That's a win.") && !logged.out.contains("counts toward"), "no talk of targets during the pause")
        #expect(try cli.run(["support", "--country", "ZZ"]).code == 1)
        #expect(try cli.run(["support", "--resume"]).out.contains("Your targets and reminders are back"))
        #expect(!(try cli.run(["targets"]).out.contains("paused")))
        #expect(try cli.run(["contacts", "log", "1", "--kind", "coffee-chat"]).out.contains("counts toward this week's conversations"))
    }
}
