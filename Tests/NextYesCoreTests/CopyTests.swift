import Foundation
import Testing
@testable import NextYesCore

@Suite("Copy that says what is true")
struct CopyTests {
    let today = Day("2026-11-21")!

    @Test func aDayThatDoesNotExistIsNamedAsSuch() {
        let message = FormRules.unreadableDay("2026-02-30", what: "The applied date", example: today)
        #expect(message == "The applied date 2026-02-30 doesn't exist: February 2026 has 28 days.")
        #expect(!message.contains("YYYY-MM-DD"))
        #expect(FormRules.impossibleDay("2028-02-30") == "February 2028 has 29 days.")
        #expect(FormRules.impossibleDay("2026-04-31") == "April 2026 has 30 days.")
        #expect(FormRules.impossibleDay("2026-13-01") == "months run from 01 to 12.")
        #expect(FormRules.impossibleDay("2026-02-28") == nil)
        #expect(FormRules.impossibleDay("30/02/2026") == nil)
        // Another shape still gets the format and an example.
        #expect(FormRules.unreadableDay("30/02/2026", what: "The date", example: today).contains("Write it as YYYY-MM-DD, for example 2026-11-21."))
        if case .failure(let failure) = FormRules.pastDay("2026-02-30", today: today, what: "The date") {
            #expect(failure.text.contains("February 2026 has 28 days"))
        } else {
            Issue.record("2026-02-30 was accepted")
        }
        let form = ApplicationForm(company: "Acme", role: "Analyst", appliedOn: "2026-02-30")
        #expect(throws: ValidationErrors.self) { try form.validatedDetails(today: today) }
    }

    @Test func linkedInIsASourceOfItsOwn() {
        #expect(ApplicationSource(id: "linkedin") == .linkedIn && ApplicationSource(id: "LinkedIn") == .linkedIn)
        #expect(ApplicationSource.linkedIn.title == "LinkedIn")
        #expect(ApplicationSource.idList.contains("linkedin"))
        // Stored values that existed before keep their meaning.
        #expect(ApplicationSource(rawValue: "job-board") == .jobBoard)
        #expect(SourceWords.read("LinkedIn") == .linkedIn && SourceWords.read("LinkedIn Easy Apply") == .linkedIn)
        #expect(SourceWords.read("Indeed") == .jobBoard)
        #expect(SourceWords.guess(url: "https://www.linkedin.com/jobs/view/123") == .linkedIn)
        let details = try? ApplicationForm(company: "Acme", role: "Analyst", source: "linkedin").validatedDetails(today: today)
        #expect(details?.source == .linkedIn)
    }

    @Test func sentencesEndOnceAfterANameWithAFullStop() {
        #expect(Text.sentence("Deleted Analyst at Tailspin Toys, Inc.") == "Deleted Analyst at Tailspin Toys, Inc.")
        #expect(Text.sentence("Deleted Analyst at Acme") == "Deleted Analyst at Acme.")
        #expect(Text.sentence("Are you sure?") == "Are you sure?")
    }
}
