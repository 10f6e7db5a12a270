import NextYesCore
import Testing
@testable import NextYesInsights

@Suite("Cohort figures: counts over people, small groups withheld")
struct CohortReportTests {
    func person(interviews: Int, source: String = "Job board", skills: [String] = ["sql"], reported: [String] = [], themes: [String] = []) -> PersonFacts {
        PersonFacts(reached: [.applied: 10, .interview: interviews], cuts: [.resume: 6], sources: [source: PersonFacts.SourceCount(10, interviews)],
                    demanded: Dictionary(uniqueKeysWithValues: skills.map { ($0, $0.uppercased()) }), reported: Set(reported), themes: Set(themes))
    }

    @Test func fewerThanFivePeopleGiveNoFiguresAtAll() {
        let report = CohortReport.of((0..<4).map { _ in person(interviews: 2) })
        #expect(report.people == 4 && !report.enough)
        #expect(report.funnel.isEmpty && report.sources.isEmpty && report.skills.isEmpty)
    }

    @Test func rowsFewerThanFivePeopleShareAreWithheld() {
        var people = (0..<5).map { i in person(interviews: i % 2 == 0 ? 0 : 3, reported: i < 2 ? ["sql"] : [], themes: ["Communication"]) }
        // One person alone used a referral and was asked for Rust: those rows must not show.
        people.append(person(interviews: 1, source: "Referral", skills: ["sql", "rust"], themes: ["Communication"]))
        let report = CohortReport.of(people)
        #expect(report.enough && report.people == 6)
        #expect(report.funnel.first { $0.label == "Applied" }?.value == 60)
        // Interviews: reached by 3 of the 6 people (the ones with interviews > 0): withheld.
        #expect(report.funnel.first { $0.label == "Interview" } == nil)
        #expect(report.sources.map(\.label) == ["Job board"])
        #expect(report.sources.first?.people == 5 && report.sources.first?.other == 6)
        #expect(report.skills.map(\.label) == ["SQL"] && report.skills.first?.other == 2)
        #expect(report.themes.first?.people == 6)
        #expect(report.withheld >= 3)
    }
}
