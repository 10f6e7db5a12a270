import Foundation
import Testing

@Suite("Command line details a first-time user runs into", .serialized)
struct ReviewFixesTests {
    @Test func guardsAgainstMistakesThatWouldMessUpTheRecord() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["add", "--company", "Acme", "--role", "Analyst", "--applied", "2026-01-05"])
        let duplicate = try cli.run(["add", "--company", "acme", "--role", "analyst"])
        #expect(duplicate.code == 0 && duplicate.err.contains("application 1 is also Analyst at Acme"))
        #expect(try cli.run(["move", "1", "interview", "--on", "2026-01-20"]).code == 0)
        let backwards = try cli.run(["move", "1", "final-round", "--on", "2026-01-10"])
        #expect(backwards.code == 1 && backwards.err.contains("before the last change on its timeline (2026-01-20)"))
        let late = try cli.run(["edit", "1", "--applied", "2026-01-25"])
        #expect(late.code == 1 && late.err.contains("after 2026-01-20"))
        let nothing = try cli.run(["edit", "1"])
        #expect(nothing.code == 1 && nothing.err.contains("Nothing to change"))
        let early = try cli.run(["feedback", "request", "1"])
        #expect(early.code == 1 && early.err.contains("still in progress"))
        try cli.run(["add", "--company", "Initech", "--role", "QA", "--stage", "saved"])
        let ghost = try cli.run(["ghosted", "3"])
        #expect(ghost.code == 1 && ghost.err.contains("haven't applied"))
        let accepted = try cli.run(["accept", "2"])
        #expect(accepted.out.contains("Moved it to offer and recorded your acceptance"))
    }

    @Test func feedbackRequestsAreOncePerNoAndCheckTheAddressFirst() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["add", "--company", "Acme", "--role", "Analyst"])
        try cli.run(["reject", "1", "--reason", "You lacked experience with Kubernetes."])
        let shown = try #require(try cli.json(["show", "1", "--json"]) as? [String: Any])
        #expect((shown["rejection"] as? [String: Any])?["category"] as? String == "skills-gap")
        let bad = try cli.run(["feedback", "request", "1", "--to", "Dana", "--email", "dana@", "--sent"])
        #expect(bad.code == 1 && bad.out.isEmpty && bad.err.contains("doesn't look like an e-mail address"))
        #expect(try cli.run(["feedback", "request", "1", "--sent"]).code == 0)
        let again = try cli.run(["feedback", "request", "1", "--sent"])
        #expect(again.code == 1 && again.err.contains("already recorded a request"))
        // Refused before anything is printed: no e-mail to copy by mistake.
        #expect(again.out.isEmpty)
    }

    @Test func sampleDataComesOutAgainInOneGo() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["add", "--company", "Mine", "--role", "Real job"])
        try cli.run(["demo", "--force"])
        #expect((try cli.json(["list", "--json"]) as? [Any])?.count == 26)
        #expect(try cli.run(["demo", "--remove"]).out.contains("Removed the 25 sample applications"))
        let left = try #require(try cli.json(["list", "--json"]) as? [[String: Any]])
        #expect(left.map { $0["company"] as? String } == ["Mine"])
    }
}
