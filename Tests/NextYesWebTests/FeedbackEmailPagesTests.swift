import NextYesCore
import Testing
import VaporTesting
@testable import NextYesWeb

@Suite("The feedback e-mail, edited before sending")
struct FeedbackEmailPagesTests {
    func rejectedAfterInterview(_ client: WebClient) async throws {
        _ = try await client.post("/applications", [("company", "Tailspin Toys, Inc."), ("role", "Analyst"), ("appliedOn", "2026-11-01")])
        _ = try await client.post("/applications/1/move", [("stage", "interview"), ("on", "2026-11-05")])
        _ = try await client.post("/applications/1/reject/category", [("on", "2026-11-10"), ("category", "skills-gap")])
    }

    @Test func theEditedTextIsUsedAndTheNameIsAskedForOnce() async throws {
        try await withWebApp { client in
            try await client.login()
            try await rejectedAfterInterview(client)
            let first = try await client.get("/applications/1/feedback/request?to=Dana%20Reyes&email=dana@tailspin.example").text
            // Editable, with a copy button for the script to reveal, and the name asked for.
            #expect(first.contains("<textarea id=\"body\" name=\"body\""))
            #expect(!first.contains("readonly"))
            #expect(first.contains("data-feedback-copy"))
            #expect(first.contains("name=\"senderName\""))
            #expect(first.contains("[Your name]"))
            #expect(!first.contains("Inc.."))

            let edited = "Dear Dana,\n\nThank you for your time. What one thing would you change in my case study?\n\nBest wishes,\n[Your name]"
            let saved = try await client.post("/applications/1/feedback/requests", [
                ("variant", "standard"), ("to", "Dana Reyes"), ("email", "dana@tailspin.example"),
                ("subject", "One question about my case study"), ("body", edited), ("senderName", "  Sam Rivera "), ("intent", "save"),
            ])
            #expect(saved.status == .ok)
            // The edited text, signed with the name, in the form and in the mail link.
            #expect(saved.text.contains("What one thing would you change in my case study?"))
            #expect(saved.text.contains("Best wishes,\nSam Rivera</textarea>"))
            #expect(saved.text.contains("mailto:dana@tailspin.example?subject=One%20question%20about%20my%20case%20study&amp;body=Dear%20Dana"))
            #expect(saved.text.contains("case%20study%3F"))
            #expect(!saved.text.contains("name=\"senderName\""))

            // Remembered: the next draft is signed, and Settings shows the name.
            let again = try await client.get("/applications/1/feedback/request").text
            #expect(!again.contains("[Your name]") && again.contains("Sam Rivera</textarea>"))
            #expect(try await client.get("/settings").text.contains("value=\"Sam Rivera\""))

            // "I sent it" with a problem comes back with the person's text, not a new draft.
            let bad = try await client.post("/applications/1/feedback/requests", [
                ("variant", "standard"), ("to", "Dana Reyes"), ("email", "dana@tailspin.example"),
                ("subject", "One question"), ("body", "My own words.\n\nSam"), ("on", "2030-01-01"), ("intent", "sent"),
            ])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("My own words.\n\nSam</textarea>"))
            let sent = try await client.post("/applications/1/feedback/requests", [
                ("variant", "standard"), ("to", "Dana Reyes"), ("email", "dana@tailspin.example"),
                ("subject", "One question"), ("body", "My own words.\n\nSam"), ("on", "2026-11-12"), ("intent", "sent"),
            ])
            #expect(sent.status == .seeOther)
            #expect(try await client.get("/applications/1").text.contains("Request (standard): Sent"))
        }
    }

    @Test func anEmptyMessageIsRefusedKindly() async throws {
        try await withWebApp { client in
            try await client.login()
            try await rejectedAfterInterview(client)
            _ = try await client.get("/applications/1/feedback/request")
            let empty = try await client.post("/applications/1/feedback/requests", [("subject", "Hi"), ("body", "   "), ("intent", "save")])
            #expect(empty.status == .badRequest && empty.text.contains("The message is empty"))
        }
    }
}
