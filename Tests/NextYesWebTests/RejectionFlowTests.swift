import Testing
import NextYesCore
import VaporTesting
@testable import NextYesWeb

@Suite("Rejection flow")
struct RejectionFlowTests {
    @Test func walksFromAcknowledgementToWhatsNext() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst"), ("appliedOn", "2026-11-01")])
            _ = try await client.post("/applications/1/move", [("stage", "final-round"), ("on", "2026-11-15")])

            let step1 = try await client.get("/applications/1/reject")
            #expect(step1.text.contains("A no from Acme"))
            #expect(step1.text.contains("final round stage: they saw something in you"))
            #expect(step1.text.contains("For the next 2 days"))

            let step2 = try await client.get("/applications/1/reject/details")
            #expect(step2.text.contains("What did they say?"))

            let invalid = try await client.post("/applications/1/reject/details", [("on", "2026-12-01"), ("intensity", "12"), ("reason", "x")])
            #expect(invalid.status == .badRequest)
            #expect(invalid.text.contains("in the future") && invalid.text.contains("1 (barely) to 10"))

            let sent = try await client.post("/applications/1/reject/details", [
                ("on", "2026-11-20"), ("stageReached", "final-round"), ("reason", "We went with an internal candidate."),
                ("feelings", "gutted, proud"), ("intensity", "8"),
            ])
            // Post-redirect-get: step 3 is its own page, so Back and reload never resend step 2.
            #expect(sent.status == .seeOther && sent.location == "/applications/1/reject/category")
            let step3 = try await client.get("/applications/1/reject/category")
            #expect(step3.status == .ok)
            #expect(step3.text.contains("Was it in your control?"))
            #expect(step3.text.contains("say nothing about your worth"))
            #expect(step3.text.contains("name=\"reason\" value=\"We went with an internal candidate.\""))

            let saved = try await client.post("/applications/1/reject/category", [
                ("on", "2026-11-20"), ("stageReached", "final-round"), ("reason", "We went with an internal candidate."),
                ("feelings", "gutted, proud"), ("intensity", "8"), ("category", "internal-candidate"), ("controllable", ""),
            ])
            #expect(saved.location == "/applications/1/rejection")
            let next = try await client.get("/applications/1/rejection").text
            #expect(next.contains("out of your hands"))
            #expect(next.contains("Ask for feedback"))
            #expect(next.contains("until 22 Nov 2026"))

            let detail = try await client.get("/applications/1").text
            #expect(detail.contains("furthest reached") == false)
            #expect(detail.contains("Internal candidate"))
            #expect(detail.contains("gutted, proud (8/10)"))
            let dashboard = try await client.get("/").text
            #expect(dashboard.contains("Go gently: Acme said no"))

            // A closed application can't be rejected twice.
            let again = try await client.get("/applications/1/reject")
            #expect(again.location == "/applications/1")
        }
    }

    @Test func aMissingCategoryIsAskedForAndNothingIsSaved() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst")])
            let bad = try await client.post("/applications/1/reject/category", [("category", "bad-luck"), ("on", "2026-11-21")])
            #expect(bad.status == .badRequest && bad.text.contains("is not a category"))
            #expect(try await client.get("/applications/1").text.contains("In progress"))
        }
    }

    @Test func theDashboardTurnsToWhatsNextWhenTheWindowCloses() async throws {
        try await withWebApp(today: Day("2026-11-21")!) { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Globex"), ("role", "Analyst"), ("appliedOn", "2026-11-01")])
            _ = try await client.post("/applications/1/reject/category", [("on", "2026-11-16"), ("category", "budget")])
            let dashboard = try await client.get("/").text
            #expect(!dashboard.contains("Go gently"))
            #expect(dashboard.contains("Ready for what&#39;s next after Globex?"))
        }
    }
}
