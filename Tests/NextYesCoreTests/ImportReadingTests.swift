import Foundation
import Testing
@testable import NextYesCore

@Suite("Reading CSV files and what their cells mean")
struct ImportReadingTests {
    func records(_ text: String) throws -> [CSVRecord] {
        let reader = CSVRecordReader(text: text)
        var out: [CSVRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    @Test func readsQuotesLineBreaksAndLineNumbers() throws {
        let rows = try records("\u{FEFF}Company,Notes\r\nAcme,\"Two lines:\n\"\"quoted\"\", too\"\r\n\r\nGlobex,plain\n")
        #expect(rows.map(\.fields) == [["Company", "Notes"], ["Acme", "Two lines:\n\"quoted\", too"], ["Globex", "plain"]])
        #expect(rows.map(\.line) == [1, 2, 5])
        #expect(try records("a;b\n1;2\n")[1].fields == ["1", "2"])
        #expect(try records("a\tb\n1\t2")[1].fields == ["1", "2"])
        #expect(throws: CSVReadError.unclosedQuote(line: 2)) { try records("a,b\n\"open,1\n2,3\n") }
        #expect(try records("").isEmpty)
    }

    @Test func refusesTextThatIsNotUTF8() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0x61, 0x2C, 0x62, 0x0A, 0x43, 0x61, 0x66, 0xE9, 0x2C, 0x31, 0x0A]).write(to: url)
        let reader = try CSVRecordReader(url: url)
        _ = try reader.next()
        #expect(throws: CSVReadError.notUTF8(line: 2)) { try reader.next() }
    }

    @Test func recognisesTheFormatFromTheHeader() throws {
        let huntr = try ImportLayout.detect(header: ["id", "createdAt", "title", "listName", "companyName", "creatorUserEmail", "htmlDescription"])
        #expect(huntr.format == .huntr && !huntr.ignored.contains("creatorUserEmail"))
        let teal = try ImportLayout.detect(header: ["company_name", "role", "statusName", "applied_at", "id"])
        #expect(teal.format == .teal && teal.columns[.appliedOn] == 3)
        let generic = try ImportLayout.detect(header: ["Job Title", "Employer", "Application Status", "Date Applied", "Interest (1-5)", "Recruiter email"])
        #expect(generic.format == .generic && generic.columns[.company] == 1 && generic.columns[.excitement] == 4 && generic.ignored == ["Recruiter email"])
        #expect(throws: ImportSetupError.self) { try ImportLayout.detect(header: ["Name", "Notes"]) }
        #expect(throws: ImportSetupError.notThatFormat(.huntr)) { try ImportLayout.detect(header: ["Company", "Title"], forced: .huntr) }
        #expect(ImportLayout.normalise("companyName") == "company name" && ImportLayout.normalise("\u{FEFF}Salary (GBP)") == "salary")
    }

    @Test func mapsStatusWordsCarefully() {
        func choice(_ word: String) -> StageChoice? {
            switch StageWords.read(word) {
            case .known(let c), .assumed(let c): c
            case .unknown: nil
            }
        }
        #expect(choice("Phone screen") == StageChoice(stage: .screening, outcome: .open))
        #expect(choice("No Response 🔇") == StageChoice(stage: .applied, outcome: .ghosted))
        #expect(choice("2nd interview scheduled") == StageChoice(stage: .interview, outcome: .open))
        #expect(choice("Accepted") == StageChoice(stage: .offer, outcome: .offerAccepted))
        #expect(choice("notion") == nil)          // "no" is not inside "notion"
        #expect(choice("Closed") == nil && choice("Pondering") == nil)
        if case .assumed = StageWords.read("onsite") {} else { Issue.record("onsite should be a default to confirm") }
        #expect(StageChoice(mapping: "applied,rejected") == StageChoice(stage: .applied, outcome: .rejected))
        #expect(StageChoice(mapping: "withdrawn") == StageChoice(stage: .applied, outcome: .withdrawn))
        #expect(StageChoice(mapping: "final-round") == StageChoice(stage: .finalRound, outcome: .open))
        #expect(StageChoice(mapping: "maybe") == nil)
        #expect(SourceWords.read("Referral (Sam)") == .referral && SourceWords.read("LinkedIn") == .linkedIn && SourceWords.read("Carrier pigeon") == .other)
        #expect(SourceWords.guess(url: "https://boards.greenhouse.io/stripe/jobs/1") == .companySite)
    }

    @Test func readsDatesWithoutGuessingTheImpossible() {
        let utc = TimeZone(identifier: "UTC")!, newYork = TimeZone(identifier: "America/New_York")!
        #expect(ImportDates.read("2024-03-04", utc: false, timeZone: utc) == .day(Day("2024-03-04")!))
        // A moment in UTC lands on the day it was where the person is.
        #expect(ImportDates.read("2024-02-21T03:30:00Z", utc: true, timeZone: newYork) == .day(Day("2024-02-20")!))
        #expect(ImportDates.read("2024-02-21 03:30:00", utc: true, timeZone: newYork) == .day(Day("2024-02-20")!))
        #expect(ImportDates.read("2024-02-21 03:30:00", utc: false, timeZone: newYork) == .day(Day("2024-02-21")!))
        #expect(ImportDates.read("13/02/2024", utc: false, timeZone: utc) == .only(Day("2024-02-13")!, .dayFirst))
        #expect(ImportDates.read("02/13/2024", utc: false, timeZone: utc) == .only(Day("2024-02-13")!, .monthFirst))
        #expect(ImportDates.read("04/03/2024", utc: false, timeZone: utc) == .either(a: 4, b: 3, year: 2024))
        #expect(ImportDates.resolve(.either(a: 4, b: 3, year: 2024), order: .dayFirst) == Day("2024-03-04")!)
        #expect(ImportDates.read("31/02/2024", utc: false, timeZone: utc) == .invalid)
        #expect(ImportDates.read("2024-13-01", utc: false, timeZone: utc) == .invalid)
        #expect(ImportDates.read("4 Mar 2024", utc: false, timeZone: utc) == .day(Day("2024-03-04")!))
        #expect(ImportDates.read("March 4, 2024", utc: false, timeZone: utc) == .day(Day("2024-03-04")!))
        #expect(ImportDates.read("-", utc: false, timeZone: utc) == .empty)
    }

    @Test func turnsHuntrHTMLIntoText() {
        let text = HTMLText.plain("<p><strong>About</strong></p>\n<ul><li>Swift &amp; SwiftUI</li><li>5+ years</li></ul><script>alert(1)</script><p>Pay: $170k &ndash; $210k</p>")
        #expect(text == "About\n\n• Swift & SwiftUI\n• 5+ years\nPay: $170k – $210k")
    }

    @Test func readsRowsWithClearProblems() throws {
        let layout = try ImportLayout.detect(header: ["Company", "Job Title", "Status", "Date Applied", "Link", "Rating"])
        let reader = ImportRowReader(layout: layout, options: ImportOptions(dateOrder: .dayFirst, timeZone: TimeZone(identifier: "UTC")!))
        let today = Day("2026-11-21")!
        func read(_ fields: [String]) -> ImportRowReader.Result { reader.read(CSVRecord(fields: fields, line: 7), today: today) }
        guard case .row(let row) = read(["Acme", "Analyst", "Interviewing", "04/03/2024", "acme.example/jobs", "9"]) else { Issue.record("expected a row"); return }
        #expect(row.details.appliedOn == Day("2024-03-04")! && row.choice.stage == .interview && row.details.url == "https://acme.example/jobs")
        #expect(row.details.excitement == nil && row.importKey.hasPrefix("row:"))
        guard case .problem(let p1) = read(["", "Analyst", "Applied", "", "", ""]) else { Issue.record("expected a problem"); return }
        #expect(p1.line == 7 && p1.message.contains("has no company"))
        guard case .problem(let p2) = read(["Acme", "Analyst", "Applied", "01/01/2030", "", ""]) else { Issue.record("expected a problem"); return }
        #expect(p2.message.contains("in the future"))
        guard case .undecided(let word, _) = read(["Acme", "Analyst", "Pondering", "", "", ""]) else { Issue.record("expected a question"); return }
        #expect(word == "pondering")
        guard case .problem(let p3) = read(["Acme", "Analyst", "Applied", "", "", "", "extra"]) else { Issue.record("expected a problem"); return }
        #expect(p3.message.contains("has 7 values but the header has 6"))
        let teal = try ImportLayout.detect(header: ["company_name", "role", "statusName", "min_salary", "max_salary", "salary_currency", "salary_pay_period", "id"])
        guard case .row(let t) = ImportRowReader(layout: teal, options: ImportOptions()).read(CSVRecord(fields: ["Klarna", "Engineer", "applied", "111000", "140000", "SEK", "year", "9b2f"], line: 2), today: today) else {
            Issue.record("expected a row"); return
        }
        #expect(t.details.salary == "SEK 111,000–140,000 per year" && t.importKey == "teal:9b2f")
    }
}
