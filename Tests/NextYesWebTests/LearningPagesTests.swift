import NextYesCore
import Testing
import VaporTesting
@testable import NextYesWeb

@Suite("Feedback, reflection and insights pages")
struct LearningPagesTests {
    /// An application rejected after an interview, ready for the learning steps.
    func rejectedAfterInterview(_ client: WebClient, company: String = "Acme", reason: String = "") async throws {
        _ = try await client.post("/applications", [("company", company), ("role", "Analyst"), ("appliedOn", "2026-11-01"), ("source", "referral")])
        _ = try await client.post("/applications/1/move", [("stage", "interview"), ("on", "2026-11-05")])
        _ = try await client.post("/applications/1/reject/category", [("on", "2026-11-10"), ("reason", reason), ("category", "skills-gap")])
    }

    @Test func draftsARequestAndRecordsItWithTheContact() async throws {
        try await withWebApp { client in
            try await client.login()
            try await rejectedAfterInterview(client)
            let compose = try await client.get("/applications/1/feedback/request?to=Dana%20Reyes&email=dana@acme.example")
            #expect(compose.status == .ok)
            #expect(compose.text.contains("Dear Dana,"))
            #expect(compose.text.contains("mailto:dana@acme.example?subject="))
            #expect(!compose.text.lowercased().contains("why someone else was chosen") || compose.text.contains("Leave out why someone else was chosen"))
            let short = try await client.get("/applications/1/feedback/request?variant=short&to=Dana")
            #expect(short.text.contains("Hi Dana,"))
            let bad = try await client.post("/applications/1/feedback/requests", [("variant", "standard"), ("to", "Dana Reyes"), ("email", "not-an-email"), ("on", "2026-11-11")])
            #expect(bad.status == .badRequest && bad.text.contains("doesn&#39;t look like an e-mail address"))
            let sent = try await client.post("/applications/1/feedback/requests", [("variant", "standard"), ("to", "Dana Reyes"), ("email", "dana@acme.example"), ("on", "2026-11-11")])
            #expect(sent.status == .seeOther)
            let detail = try await client.get("/applications/1").text
            #expect(detail.contains("Request (standard): Sent"))
            #expect(detail.contains("It&#39;s been a week without an answer"))
            _ = try await client.post("/feedback-requests/1/follow-up", [])
            let after = try await client.get("/applications/1").text
            #expect(after.contains("followed up 21 Nov 2026"))
            #expect(!after.contains("It&#39;s been a week without an answer"))
        }
    }

    @Test func recordedFeedbackIsHighlightedAndGeneralRepliesGetAKindNote() async throws {
        try await withWebApp { client in
            try await client.login()
            try await rejectedAfterInterview(client)
            _ = try await client.post("/applications/1/feedback", [("text", "Your SQL was strong, but your answers lacked structure. <b>bold</b>"), ("on", "2026-11-15")])
            let detail = try await client.get("/applications/1").text
            #expect(detail.contains("<mark>Your SQL was strong</mark>"))
            #expect(detail.contains("To work on: Communication &amp; presentation"))
            #expect(detail.contains("&lt;b&gt;bold&lt;/b&gt;") && !detail.contains("<b>bold</b>"))
            _ = try await client.post("/applications/1/feedback", [("text", "We decided to move forward with candidates whose experience more closely matches."), ("on", "2026-11-16")])
            let generic = try await client.get("/applications/1").text
            #expect(generic.contains("a general reply with nothing specific about you"))
            #expect(generic.contains("one specific thing I could improve"))
            let empty = try await client.post("/applications/1/feedback", [("text", "   ")])
            #expect(empty.status == .seeOther)
            #expect(try await client.get("/applications/1").text.contains("Add the feedback text"))
        }
    }

    @Test func reflectionRatesInterviewPartsAndFeedsTheRequest() async throws {
        try await withWebApp { client in
            try await client.login()
            try await rejectedAfterInterview(client)
            let form = try await client.get("/applications/1/reflection")
            #expect(form.text.contains("Rate each part of the interview"))
            let bad = try await client.post("/applications/1/reflection", [("rating-closing", "9"), ("wentWell", "Rapport")])
            #expect(bad.status == .badRequest && bad.text.contains("from 1 (rough) to 5"))
            let good = try await client.post("/applications/1/reflection", [
                ("wentWell", "Good rapport"), ("lessConfident", "The case study"),
                ("rating-behavioural-questions", "2"), ("note-behavioural-questions", "Rambled"), ("rating-closing", "4"),
            ])
            #expect(good.status == .seeOther)
            let detail = try await client.get("/applications/1").text
            #expect(detail.contains("Behavioural questions and examples: 2/5 — Rambled"))
            let compose = try await client.get("/applications/1/feedback/request").text
            #expect(compose.contains("the examples I gave in the behavioural questions"))
        }
    }

    @Test func resumeStageRejectionsGetTheMaterialsChecklist() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Globex"), ("role", "Analyst"), ("appliedOn", "2026-11-01")])
            _ = try await client.post("/applications/1/reject/category", [("on", "2026-11-10"), ("category", "no-reason-given")])
            let form = try await client.get("/applications/1/reflection").text
            #expect(form.contains("Application materials checklist"))
            _ = try await client.post("/applications/1/reflection", [("checklist[]", "tailored-to-posting"), ("checklist[]", "cover-letter")])
            #expect(try await client.get("/applications/1/reflection").text.contains("value=\"cover-letter\" checked"))
        }
    }

    @Test func theRejectionFlowSuggestsACategoryFromThePastedEmail() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst")])
            let sent = try await client.post("/applications/1/reject/details", [("on", "2026-11-21"), ("reason", "We have decided to appoint an internal candidate.")])
            let step3 = try await client.get(try #require(sent.location))
            #expect(step3.text.contains("this looks like internal candidate"))
            #expect(step3.text.contains("value=\"internal-candidate\" required checked"))
        }
    }

    @Test func insightsShowTheFunnelHonestlyWithItsEvidence() async throws {
        try await withWebApp { client in
            try await client.login()
            let empty = try await client.get("/insights")
            #expect(empty.text.contains("Insights grow from your record"))
            _ = try await client.post("/demo", [])
            _ = try await client.post("/applications/4/feedback", [("text", "You could have given more concrete examples of impact.")])
            let page = try await client.get("/insights").text
            #expect(page.contains("<svg class=\"chart\""))
            #expect(page.contains("Applications by furthest stage reached"))
            #expect(page.contains("too few to tell yet"))
            #expect(page.contains("Themes that keep coming back"))
            #expect(page.contains("Communication &amp; presentation"))
            #expect(page.contains("<q>You could have given more concrete examples of impact.</q>"))
        }
    }
}

@Suite("Pages a first-time user runs into")
struct ReviewPagesTests {
    @Test func offersAreCelebratedAndTheMoveFormStartsEmpty() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst"), ("appliedOn", "2026-11-01")])
            let detail = try await client.get("/applications/1").text
            #expect(detail.contains("<select id=\"stage\" name=\"stage\" required><option value>Choose a stage…</option>"))
            let moved = try await client.post("/applications/1/move", [("stage", "offer")])
            #expect(moved.status == .seeOther)
            let atOffer = try await client.get("/applications/1").text
            #expect(atOffer.contains("Congratulations! Take the time you need to decide."))
            #expect(!atOffer.contains("<option value=\"offer\" selected"))
            _ = try await client.post("/applications/1/accept", [])
            #expect(try await client.get("/applications/1").text.contains("You accepted this offer"))
            #expect(try await client.get("/").text.contains("Congratulations on the offer from Acme!"))
            #expect(try await client.get("/applications/1/feedback/request").status == .badRequest)
        }
    }

    @Test func sampleDataCanBeRemovedFromSettings() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/demo", [])
            #expect(try await client.get("/settings").text.contains("Remove the sample data"))
            _ = try await client.post("/demo/remove", [])
            let settings = try await client.get("/settings").text
            #expect(settings.contains("Removed the 25 sample applications"))
            #expect(try await client.get("/applications").text.contains("No applications yet"))
        }
    }

    @Test func missingPagesSayWhatHappenedInPlainWords() async throws {
        try await withWebApp { client in
            try await client.login()
            let missing = try await client.get("/applications/9999")
            #expect(missing.status == .notFound && missing.text.contains("it may have been deleted"))
            #expect(!missing.text.contains("`"))
            let nowhere = try await client.get("/no/such/page")
            #expect(nowhere.status == .notFound && nowhere.text.contains("There&#39;s no page at this address"))
        }
    }
}
