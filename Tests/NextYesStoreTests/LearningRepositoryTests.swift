import Foundation
import NextYesCore
import Testing
@testable import NextYesStore

@Suite("Contacts, feedback and reflections store (SQLite, or PostgreSQL with DATABASE_URL)")
struct LearningRepositoryTests {
    @Test func linksContactsToApplications() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let a = try await store.applications.create(NewApplication(details: details(), stage: .interview))
            let dana = try await store.contacts.create(ContactDetails(name: "Dana Reyes", role: .hiringManager, company: "Acme", email: "dana@acme.example"))
            let lee = try await store.contacts.create(ContactDetails(name: "Lee", role: .recruiter))
            try await store.contacts.link(dana.id, to: a.id)
            try await store.contacts.link(dana.id, to: a.id)
            try await store.contacts.link(lee.id, to: a.id)
            #expect(try await store.contacts.contacts(for: a.id).map(\.name) == ["Dana Reyes", "Lee"])
            #expect(try await store.contacts.applicationIDs(for: dana.id) == [a.id])
            try await store.contacts.unlink(lee.id, from: a.id)
            #expect(try await store.contacts.contacts(for: a.id).map(\.id) == [dana.id])
            #expect(try await store.contacts.find(dana.id).details.role == .hiringManager)
            await #expect(throws: ContactError.notFound(999)) { try await store.contacts.find(999) }
        }
    }

    @Test func tracksARequestFromSentToReplied() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let a = try await store.applications.create(NewApplication(details: details(), stage: .interview))
            let request = try await store.feedback.createRequest(applicationID: a.id, contactID: nil, variant: .standard, sentOn: Day("2026-03-05"))
            #expect(request.status == .sent && request.followUpDueOn == Day("2026-03-12"))
            #expect(try await store.feedback.request(request.id).isFollowUpDue(today: TestStore.day))
            _ = try await store.feedback.recordFollowUp(request.id)
            await #expect(throws: FeedbackError.followUpAlreadySent) { try await store.feedback.recordFollowUp(request.id) }
            let saved = try await store.feedback.add(applicationID: a.id, text: "  Strong SQL, weak storytelling.\u{0}  ", receivedOn: Day("2026-03-14"))
            #expect(saved.text == "Strong SQL, weak storytelling.")
            #expect(saved.requestID == request.id)
            let replied = try await store.feedback.request(request.id)
            #expect(replied.status == .replied && replied.closedOn == Day("2026-03-14"))
            #expect(try await store.feedback.feedback(for: a.id) == [saved])
            await #expect(throws: FeedbackError.emptyFeedback) { try await store.feedback.add(applicationID: a.id, text: "   ") }
            #expect(try await store.feedback.allFeedback().count == 1)
        }
    }

    @Test func declinedRequestsStayClosed() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let a = try await store.applications.create(NewApplication(details: details(), stage: .applied))
            let request = try await store.feedback.createRequest(applicationID: a.id, contactID: nil, variant: .short, sentOn: TestStore.day)
            _ = try await store.feedback.mark(request.id, .declined)
            await #expect(throws: FeedbackError.alreadyClosed(.declined)) { try await store.feedback.mark(request.id, .noReply) }
            await #expect(throws: CoreError.self) {
                try await store.feedback.createRequest(applicationID: a.id, contactID: nil, variant: .short, sentOn: Day("2026-04-01"))
            }
        }
    }

    @Test func savesOneReflectionPerApplication() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let a = try await store.applications.create(NewApplication(details: details(), stage: .interview))
            let first = Reflection(applicationID: a.id, lessConfident: "Salary question", wentWell: "Rapport with the panel",
                                   ratings: [.behaviouralQuestions: PartRating(score: 2, note: "Too long"), .closing: PartRating(score: 4)],
                                   checklist: [.tailored], updatedAt: connection.store.clock.now())
            try await store.reflections.save(first)
            #expect(try await store.reflections.reflection(for: a.id) == first)
            var second = first
            second.ratings = [.introduction: PartRating(score: 5)]
            second.checklist = []
            try await store.reflections.save(second)
            #expect(try await store.reflections.all() == [second])
        }
    }

    @Test func deletingAnApplicationTakesItsFeedbackAlong() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let a = try await store.applications.create(NewApplication(details: details(), stage: .interview))
            let contact = try await store.contacts.create(ContactDetails(name: "Dana"))
            try await store.contacts.link(contact.id, to: a.id)
            _ = try await store.feedback.createRequest(applicationID: a.id, contactID: contact.id, variant: .standard, sentOn: TestStore.day)
            _ = try await store.feedback.add(applicationID: a.id, text: "Good listener.")
            try await store.reflections.save(Reflection(applicationID: a.id, wentWell: "x", updatedAt: Date()))
            try await store.applications.delete(a.id)
            #expect(try await store.feedback.allRequests().isEmpty)
            #expect(try await store.feedback.allFeedback().isEmpty)
            #expect(try await store.reflections.all().isEmpty)
            #expect(try await store.contacts.all().map(\.name) == ["Dana"])
            #expect(try await store.contacts.applicationIDs(for: contact.id).isEmpty)
        }
    }
}
