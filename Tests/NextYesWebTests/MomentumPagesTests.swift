import NextYesCore
import Testing
import VaporTesting
@testable import NextYesWeb

@Suite("Progress, contacts, interviews, agenda, feed, stories and practice pages")
struct MomentumPagesTests {
    @Test func weeklyTargetsAndMonthOverMonth() async throws {
        try await withWebApp { client in
            try await client.login()
            let empty = try await client.get("/progress").text
            #expect(empty.contains("No targets yet") && empty.contains("Set your weekly targets"))
            let bad = try await client.post("/progress", [("applications", "500"), ("conversations", "two"), ("skillHours", "3")])
            #expect(bad.status == .badRequest && bad.text.contains("Applications a week is a whole number from 0 to 50"))
            #expect(bad.text.contains("value=\"500\""))
            _ = try await client.post("/progress", [("applications", "2"), ("conversations", "1"), ("skillHours", "1.5")])
            #expect(try await client.get("/progress").text.contains("Saved. These targets count from this week on"))
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst"), ("appliedOn", "2026-11-17")])
            let page = try await client.get("/progress").text
            #expect(page.contains("1 of 2") && page.contains("value=\"1.5\""))
            #expect(page.contains("1–21 Nov 2026 against 1–21 Oct 2026") && page.contains("too few to compare yet"))
            _ = try await client.post("/progress/hours", [("hours", "1.5"), ("note", "SQL course")])
            let logged = try await client.get("/progress").text
            #expect(logged.contains("Logged 1.5 hours of learning") && logged.contains("1.5 of 1.5 ✓"))
            _ = try await client.post("/progress/hours", [("hours", "lots")])
            #expect(try await client.get("/progress").text.contains("Hours are a number from 0.25 to 24"))
            let dashboard = try await client.get("/").text
            #expect(dashboard.contains("This week") && dashboard.contains("1 of 2") && dashboard.contains("Coming up"))
        }
    }

    @Test func contactsLogConversationsAndLinkToApplications() async throws {
        try await withWebApp { client in
            try await client.login()
            #expect(try await client.get("/contacts").text.contains("No contacts yet"))
            let invalid = try await client.post("/contacts", [("name", ""), ("email", "not-an-email"), ("role", "wizard")])
            #expect(invalid.status == .badRequest && invalid.text.contains("Add the contact&#39;s name.") && invalid.text.contains("doesn&#39;t look like an e-mail address"))
            let created = try await client.post("/contacts", [("name", "<script>alert(1)</script> Sam"), ("role", "recruiter"), ("company", "Acme")])
            #expect(created.location == "/contacts/1")
            let page = try await client.get("/contacts/1").text
            #expect(page.contains("&lt;script&gt;") && !page.contains("<script>alert"))
            let future = try await client.post("/contacts/1/log", [("kind", "coffee-chat"), ("on", "2026-12-25")])
            #expect(future.status == .badRequest && future.text.contains("is in the future"))
            _ = try await client.post("/contacts/1/log", [("kind", "coffee-chat"), ("on", "2026-11-20"), ("note", "Data team is hiring in spring")])
            let logged = try await client.get("/contacts/1").text
            #expect(logged.contains("Coffee chat: Data team is hiring in spring") && logged.contains("That&#39;s a win"))
            #expect(try await client.get("/wins").text.contains("Coffee chat with"))
            #expect(try await client.get("/contacts").text.contains("20 Nov 2026"))
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst")])
            _ = try await client.post("/contacts/1/link", [("applicationID", "1")])
            #expect(try await client.get("/contacts/1").text.contains("Analyst at Acme"))
            _ = try await client.post("/contacts/1/delete", [("confirm", "yes")])
            #expect(try await client.get("/contacts/1").status == .notFound)
        }
    }

    @Test func interviewsGoOnTheAgendaAndIntoTheCalendarFeed() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/applications", [("company", "Acme, Inc"), ("role", "Analyst"), ("appliedOn", "2026-11-01")])
            _ = try await client.post("/applications/1/move", [("stage", "interview"), ("on", "2026-11-10")])
            let bad = try await client.post("/applications/1/interviews", [("on", "someday"), ("time", "2pm"), ("type", "video")])
            #expect(bad.location == "/applications/1#interviews")
            #expect(try await client.get("/applications/1").text.contains("The interview wasn&#39;t saved"))
            _ = try await client.post("/applications/1/interviews", [("on", "2026-11-25"), ("time", "14:30"), ("type", "panel"), ("newInterviewer", "Ana Ruiz")])
            let app = try await client.get("/applications/1").text
            #expect(app.contains("25 Nov 2026 · 14:30") && app.contains("with Ana Ruiz"))
            // The same name again is the same person, not a second contact.
            _ = try await client.post("/applications/1/interviews", [("on", "2026-11-27"), ("type", "onsite"), ("newInterviewer", "ana ruiz")])
            #expect(try await client.get("/contacts").text.components(separatedBy: "Ana Ruiz").count == 2)
            #expect(try await client.get("/contacts").text.contains("Ana Ruiz"))
            let agenda = try await client.get("/agenda").text
            #expect(agenda.contains("Interview: Analyst at Acme, Inc") && agenda.contains("This week"))
            let feedPath = try #require(agenda.firstMatch(of: /http:\/\/[^\/"<]*(\/feed\/[0-9a-f]{64}\.ics)/)).1
            let feed = try await client.get(String(feedPath))
            #expect(feed.status == .ok && feed.headers.contentType?.description.hasPrefix("text/calendar") == true)
            #expect(feed.text.contains("SUMMARY:Interview: Analyst at Acme\\, Inc") && feed.text.contains("DTSTART:20261125T143000Z"))
            // A wrong address says nothing about the feed; a new address retires the old one.
            #expect(try await client.get("/feed/" + String(repeating: "0", count: 64) + ".ics").status == .notFound)
            _ = try await client.post("/agenda/new-feed-address", [])
            #expect(try await client.get(String(feedPath)).status == .notFound)
        }
    }

    @Test func remindersCanBeTickedOff() async throws {
        try await withWebApp { client in
            try await client.login()
            #expect(try await client.get("/agenda").text.contains("Nothing due"))
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst"), ("appliedOn", "2026-11-02")])
            let agenda = try await client.get("/agenda").text
            #expect(agenda.contains("Check in on Analyst at Acme") && agenda.contains("Was due earlier"))
            let uid = try #require(agenda.firstMatch(of: /name="uid" value="(application-follow-up-1-[0-9-]+)"/)).1
            _ = try await client.post("/agenda/done", [("uid", String(uid))])
            let after = try await client.get("/agenda").text
            #expect(!after.contains("value=\"application-follow-up-1") && after.contains("Ticked off: Check in on Analyst at Acme."))
            _ = try await client.post("/agenda/done", [("uid", "made-up")])
            #expect(try await client.get("/agenda").text.contains("isn&#39;t on the agenda any more"))
        }
    }

    @Test func storiesAndPracticeWorkTogether() async throws {
        try await withWebApp { client in
            try await client.login()
            let empty = try await client.post("/stories", [("title", "Only a title")])
            #expect(empty.status == .badRequest && empty.text.contains("Write at least one part of the story"))
            let saved = try await client.post("/stories", [("title", "The dashboard <img src=x onerror=alert(1)>"), ("situation", "Nobody used our dashboard."),
                                                          ("action", "I interviewed five users."), ("themes[]", "communication"), ("skills", "Tableau")])
            #expect(saved.location == "/stories")
            let list = try await client.get("/stories").text
            #expect(list.contains("&lt;img src=x") && !list.contains("<img src=x") && list.contains("Draft: still to write the task, result."))
            _ = try await client.post("/stories/1", [("title", "The dashboard"), ("situation", "s"), ("task", "t"), ("action", "a"), ("result", "Usage went from 3 to 40."), ("themes[]", "teamwork")])
            #expect(!(try await client.get("/stories").text.contains("Draft:")))
            let practice = try await client.get("/practice?theme=teamwork").text
            #expect(practice.contains("Save my rating") && practice.contains("Stories that might fit: The dashboard."))
            let question = try #require(practice.firstMatch(of: /name="questionID" value="(q-\d+)"/)).1
            let missing = try await client.post("/practice", [("questionID", String(question)), ("situation", "4")])
            #expect(missing.status == .badRequest && missing.text.contains("Rate the task from 1 (shaky) to 5 (solid)."))
            _ = try await client.post("/practice", [("questionID", String(question)), ("storyID", "1"), ("situation", "4"), ("task", "4"), ("action", "2"), ("result", "4")])
            let after = try await client.get("/practice").text
            #expect(after.contains("Saved: 3.5 of 5 on average. Next time, for the action: Say"))
            #expect(after.contains("Recent practice") && after.contains("Action 2.0"))
            _ = try await client.post("/stories/1/delete", [("confirm", "yes")])
            #expect(try await client.get("/stories/1").status == .notFound)
        }
    }
}
