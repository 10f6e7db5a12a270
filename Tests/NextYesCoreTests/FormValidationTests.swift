import Testing
@testable import NextYesCore

@Suite("Form validation")
struct FormValidationTests {
    @Test func requiresCompanyAndRoleAndReportsEveryProblemAtOnce() {
        let form = ApplicationForm(company: "   ", role: "", url: "javascript:alert(1)", excitement: "9", appliedOn: "2027-01-01")
        do {
            _ = try form.validatedNew(today: today)
            Issue.record("expected validation errors")
        } catch {
            #expect(error["company"] == "Add the company's name.")
            #expect(error["role"] == "Add the role you are applying for.")
            #expect(error["url"]?.contains("http://") == true)
            #expect(error["excitement"]?.contains("1 (mild) to 5") == true)
            #expect(error["appliedOn"]?.contains("in the future") == true)
            #expect(error.errors.count == 5)
        }
    }

    @Test func cleansTextAndDefaultsTheStartingStage() throws {
        let form = ApplicationForm(company: "  Acme\u{0}  Corp ", role: "Data\nAnalyst", url: "acme.example/jobs/1", source: "Job Board", excitement: "4")
        let new = try form.validatedNew(today: today)
        #expect(new.details.company == "Acme Corp")
        #expect(new.details.role == "Data Analyst")
        #expect(new.details.url == "https://acme.example/jobs/1")
        #expect(new.details.source == .jobBoard)
        #expect(new.details.excitement == 4)
        #expect(new.stage == .applied)
        #expect(new.details.appliedOn == today)
    }

    @Test func aSavedJobHasNoAppliedDate() throws {
        let saved = try ApplicationForm(company: "Acme", role: "Analyst", stage: "saved").validatedNew(today: today)
        #expect(saved.stage == .saved && saved.details.appliedOn == nil)
        #expect(throws: ValidationErrors.self) {
            try ApplicationForm(company: "Acme", role: "Analyst", appliedOn: "2026-11-01", stage: "saved").validatedNew(today: today)
        }
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://files.example/x", "http://", "not a url", "mailto:hr@acme.example"])
    func refusesAddressesThatAreNotWebPages(_ raw: String) {
        guard case .failure = FormRules.webAddress(raw) else {
            Issue.record("\(raw) should be refused")
            return
        }
    }

    @Test func acceptsWebPages() throws {
        #expect(try FormRules.webAddress("https://jobs.example.com/1?ref=x").get() == "https://jobs.example.com/1?ref=x")
        #expect(try FormRules.webAddress("www.example.com/jobs").get() == "https://www.example.com/jobs")
        #expect(try FormRules.webAddress("example.com:8443/jobs").get() == "https://example.com:8443/jobs")
    }

    @Test func limitsHugeFields() {
        let huge = String(repeating: "a", count: Limits.jobDescription + 1)
        #expect(throws: ValidationErrors.self) { try ApplicationForm(company: "A", role: "B", jobDescription: huge).validatedDetails(today: today) }
        let long = String(repeating: "b", count: Limits.name + 1)
        #expect(throws: ValidationErrors.self) { try ApplicationForm(company: long, role: "B").validatedDetails(today: today) }
    }

    @Test func rejectionFormDefaultsAndLimits() throws {
        let none = try RejectionForm().validated(today: today)
        #expect(none.category == .noReasonGiven && none.on == today && none.controllable == nil)
        let written = try RejectionForm(reason: "They paused hiring").validated(today: today)
        #expect(written.category == .other)
        let suggested = try RejectionForm(reason: "They paused hiring").validated(today: today, suggested: .hiringFreeze)
        #expect(suggested.category == .hiringFreeze)
        let explicit = try RejectionForm(reason: "x", category: "Skills Gap", controllable: "no", feelings: ["Sad, tired", "sad"], intensity: "7").validated(today: today)
        #expect(explicit.category == .skillsGap && explicit.controllable == .no)
        #expect(explicit.feelings == ["sad", "tired"])
        #expect(explicit.intensity == 7)
        do {
            _ = try RejectionForm(on: "yesterday", category: "bad-luck", controllable: "maybe", feelings: ["a", "b", "c", "d", "e", "f"], intensity: "11").validated(today: today)
            Issue.record("expected errors")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["on", "category", "controllable", "feelings", "intensity"])
            #expect(error["category"]!.contains("skills-gap"))
        }
    }

    @Test func preferencesStayInRange() {
        #expect(throws: ValidationErrors.self) { try Preferences(processingWindowDays: 30).validated() }
        #expect(throws: ValidationErrors.self) { try Preferences(ghostedAfterDays: 0).validated() }
        #expect(throws: Never.self) { try Preferences(processingWindowDays: 0, ghostedAfterDays: 365).validated() }
    }
}

@Suite("Hours in words")
struct HoursTextTests {
    @Test func writesHoursTheWayPeopleSayThem() {
        #expect(Hours.text(1) == "1 hour")
        #expect(Hours.text(1.5) == "1.5 hours")
        #expect(Hours.text(0.25) == "0.25 hours")
        #expect(Hours.text(12) == "12 hours")
    }
}
