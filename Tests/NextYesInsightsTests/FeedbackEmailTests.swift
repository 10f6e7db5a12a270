import Foundation
import Testing
import NextYesCore
@testable import NextYesInsights

@Suite("Feedback requests")
struct FeedbackEmailTests {
    let context = FeedbackEmail.Context(role: "Data Analyst", company: "Acme", contactName: "Dana Reyes", stageReached: .interview,
                                        unsureParts: [.behaviouralQuestions, .myQuestions], senderName: "Sam Lee")

    @Test(arguments: FeedbackRequestVariant.allCases)
    func thanksAndAsksAboutOwnPerformanceNeverAboutOthers(_ variant: FeedbackRequestVariant) {
        let draft = FeedbackEmail.compose(variant, context)
        let body = draft.body.lowercased()
        #expect(body.contains("thank"))
        #expect(body.contains("differently"))
        #expect(draft.body.hasPrefix(variant == .short ? "Hi Dana," : "Dear Dana,"))
        #expect(draft.body.hasSuffix("Sam Lee"))
        for forbidden in ["why", "other candidate", "someone else", "who got", "chosen", "selected"] {
            #expect(!body.contains(forbidden), "\(variant) mentions \"\(forbidden)\"")
        }
        #expect(body.contains("the examples i gave in the behavioural questions and the questions i asked"))
    }

    @Test func greetsPolitelyWithoutAName() {
        var anonymous = context
        anonymous.contactName = nil
        anonymous.senderName = nil
        let draft = FeedbackEmail.compose(.standard, anonymous)
        #expect(draft.body.hasPrefix("Hello,"))
        #expect(draft.body.hasSuffix("[Your name]"))
    }

    @Test func followsUpOnceAfterAWeek() throws {
        var request = FeedbackRequest(id: 1, applicationID: 1, variant: .standard, status: .draft, createdOn: Day("2026-11-01")!)
        #expect(request.followUpDueOn == nil)
        try request.mark(.sent, on: Day("2026-11-02")!, today: Day("2026-11-02")!)
        #expect(request.followUpDueOn == Day("2026-11-09"))
        #expect(!request.isFollowUpDue(today: Day("2026-11-08")!))
        #expect(request.isFollowUpDue(today: Day("2026-11-09")!))
        try request.recordFollowUp(on: Day("2026-11-10")!, today: Day("2026-11-10")!)
        #expect(request.followUpDueOn == nil && !request.isFollowUpDue(today: Day("2026-12-31")!))
        #expect(throws: FeedbackError.followUpAlreadySent) { try request.recordFollowUp(on: Day("2026-11-20")!, today: Day("2026-11-20")!) }
        try request.mark(.replied, on: Day("2026-11-12")!, today: Day("2026-11-12")!)
        #expect(request.closedOn == Day("2026-11-12"))
        #expect(throws: FeedbackError.alreadyClosed(.replied)) { try request.mark(.declined, on: Day("2026-11-13")!, today: Day("2026-11-13")!) }
        var early = FeedbackRequest(id: 2, applicationID: 1, variant: .short, status: .sent, createdOn: Day("2026-11-05")!, sentOn: Day("2026-11-05")!)
        #expect(throws: CoreError.self) { try early.mark(.replied, on: Day("2026-11-04")!, today: Day("2026-11-10")!) }
        let followUp = FeedbackEmail.followUp(FeedbackEmail.compose(.standard, context), sentOn: Day("2026-11-02")!, context)
        #expect(followUp.subject.hasPrefix("Re: "))
        #expect(followUp.body.contains("2 Nov 2026"))
    }

    @Test func asksForOneSpecificPointWhenFeedbackIsGeneral() {
        let line = FeedbackEmail.specificPointFollowUp(context)
        #expect(line.contains("one specific thing"))
        #expect(line.contains("the examples I gave"))
        #expect(!line.contains("\n"))
    }

    @Test func buildsAMailtoLinkThatKeepsLineBreaksAndSymbols() {
        let link = EmailDraft(subject: "Q&A: thanks?", body: "Line one\nLine two & more").mailto(to: "dana+jobs@acme.example")
        #expect(link.hasPrefix("mailto:dana+jobs@acme.example?subject=Q%26A%3A%20thanks%3F&body="))
        #expect(link.contains("Line%20one%0D%0ALine%20two%20%26%20more"))
    }
}
