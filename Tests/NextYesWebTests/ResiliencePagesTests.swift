import NextYesCore
import Testing
import VaporTesting
@testable import NextYesWeb

@Suite("Journal, wins and support pages")
struct ResiliencePagesTests {
    @Test func journalEntriesShowTrapsWithQuestionsAndAReframe() async throws {
        try await withWebApp { client in
            try await client.login()
            let empty = try await client.post("/journal", [("text", "   "), ("mood", ""), ("emotions", "")])
            #expect(empty.status == .badRequest && empty.text.contains("any one of them is enough"))
            let huge = try await client.post("/journal", [("text", String(repeating: "a", count: Limits.journalText + 1))])
            #expect(huge.status == .badRequest && huge.text.contains("Split it into two entries; nothing has been saved yet"))
            let saved = try await client.post("/journal", [("text", "<script>alert(1)</script> I'll never get hired. I'm a failure."), ("mood", "3"), ("emotions", "tired, flat")])
            #expect(saved.location == "/journal/1")
            let entry = try await client.get("/journal/1").text
            #expect(entry.contains("&lt;script&gt;") && !entry.contains("<script>alert"))
            #expect(entry.contains("Overgeneralizing") && entry.contains("Labeling"))
            #expect(entry.contains("Can you think of one exception"))
            #expect(entry.contains("Calling myself &quot;a failure&quot; is harsh"))
            _ = try await client.post("/journal/1/reframe", [("reframe", "This search is hard, and I'm still learning.")])
            #expect(try await client.get("/journal/1").text.contains("This search is hard, and I&#39;m still learning."))
            let index = try await client.get("/journal").text
            #expect(index.contains("mood 3/10 · tired, flat"))
        }
    }

    @Test func theDashboardOffersAOneTapCheckInAndAGentleNudge() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst")])
            #expect(try await client.get("/").text.contains("How are you today?"))
            _ = try await client.post("/check-in", [("mood", "2")])
            let after = try await client.get("/").text
            #expect(after.contains("It sounds like a hard day"))
            #expect(!after.contains("How are you today?"))
            for offset in 1...4 {
                _ = try await client.post("/journal", [("mood", "2"), ("on", Day("2026-11-21")!.adding(days: -offset).description)])
            }
            let nudged = try await client.get("/").text
            #expect(nudged.contains("Your mood has been low for a while"))
            let support = try await client.get("/support").text
            #expect(support.contains("a doctor or a counsellor can help"))
            _ = try await client.post("/support", [("helpline", "Samaritans 116 123")])
            let off = try await client.get("/support").text
            #expect(off.contains("The wellbeing watch is off") && off.contains("Samaritans 116 123"))
            #expect(!(try await client.get("/").text.contains("Your mood has been low for a while")))
        }
    }

    @Test func winsAreRecordedAndShownInTheRejectionFlow() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst"), ("appliedOn", "2026-11-01")])
            _ = try await client.post("/applications/1/move", [("stage", "interview"), ("on", "2026-11-05")])
            _ = try await client.post("/applications/1/reject/category", [("on", "2026-11-20"), ("category", "timing"), ("feelings", "sad"), ("note", "Oof. Going for a walk.")])
            let next = try await client.get("/applications/1/rejection").text
            #expect(next.contains("What this process gave you"))
            #expect(next.contains("Acme moved you to interview"))
            let journal = try await client.get("/journal").text
            #expect(journal.contains("Oof. Going for a walk.") && journal.contains("after a rejection"))
            let bad = try await client.post("/wins", [("title", "  "), ("on", "2026-11-21")])
            #expect(bad.status == .badRequest && bad.text.contains("however small"))
            _ = try await client.post("/wins", [("title", "Finished my portfolio"), ("on", "2026-11-21")])
            let wins = try await client.get("/wins").text
            #expect(wins.contains("Finished my portfolio") && wins.contains("Acme moved you to interview"))
        }
    }
}
