import Foundation
import NextYesCore
import Testing
import VaporTesting
@testable import NextYesWeb

@Suite("Charts on a phone, the printed report, and the Progress page's weeks")
struct ChartsReportProgressTests {
    /// The part of a page from a heading to the end of its section.
    func section(_ page: String, _ heading: String) -> String {
        guard let start = page.range(of: "<h2>\(heading)</h2>") else { return "" }
        let rest = page[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func everyChartIsNarrowTitledAndCarriesItsNumbersAsText() {
        let bars = Charts.horizontalBars([.init(label: "Before anyone talked to you (resume stage)", value: 7, caption: "7 of 15 (47%)"),
                                          .init(label: "At screening calls", value: 2, caption: "2 of 15 (13%)")],
                                         title: "Where the no's came", description: "Resume: 7; screening: 2", maximum: 15, id: "t1")
        let columns = Charts.columns((1...14).map { .init(label: "\($0) Nov", value: $0 % 3, target: 2) }, title: "Applications each week",
                                     description: "…", yTitle: "Applications sent", xTitle: "Week starting (Monday)", id: "t2")
        let line = Charts.line([("1/11", 4), ("2/11", nil), ("3/11", 6.5)], title: "Mood", description: "…", scale: 1...10,
                               yTitle: "Mood (1 to 10)", xTitle: "Day", id: "t3")
        for svg in [bars, columns, line] {
            // 340 units across: 13-unit text renders at about 12 px in a 390 px phone's card.
            #expect(svg.contains("viewBox=\"0 0 340 ") && svg.contains("font-size=\"13\""))
            #expect(svg.contains("<title id=") && svg.contains("<desc id="))
        }
        // A long label wraps onto a second line instead of running into its number.
        #expect(bars.contains(">Before anyone talked to you</text>") && bars.contains(">(resume stage)</text>") && bars.contains(">7 of 15 (47%)</text>"))
        // Axes are named, the target is drawn and named, each week's number is written.
        #expect(columns.contains(">Applications sent</text>") && columns.contains(">Week starting (Monday)</text>"))
        #expect(columns.contains("class=\"chart-target\"") && columns.contains(">target</text>"))
        #expect(count("class=\"chart-value\"", in: columns) == 14)
        // Fourteen weeks don't fit fourteen labels: every other one, the latest always.
        #expect(columns.contains(">14 Nov</text>") && !columns.contains(">13 Nov</text>"))
        #expect(line.contains(">Mood (1 to 10)</text>") && line.contains(">6.5</text>"))
    }

    @Test func theReportGroupsRepeatedWinsAndReadsWell() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/demo", [])
            let page = try await client.get("/report").text
            let wins = section(page, "Wins")
            #expect(!wins.isEmpty)
            // One line per kind of win, each with its count and the latest few, not one per win.
            #expect(count("<li>", in: wins) <= WinKind.allCases.count)
            #expect(wins.contains(" wins from ") && wins.contains("The latest:") && wins.contains(" more."))
            #expect(!page.contains("))"))
            #expect(!page.contains("Conversations: 0, 0"))
            let week = section(page, "Week by week")
            #expect(week.contains(">Applications sent</text>") && week.contains(">Week starting (Monday)</text>"))
            let insights = try await client.get("/insights").text
            #expect(!insights.contains("))"))
            let cuts = section(insights, "Where the no's came")
            #expect(cuts.contains("id=\"chart-cuts\"") && cuts.contains("At screening calls"))
        }
    }

    @Test func progressHonoursTheGentlePeriodAfterANo() async throws {
        try await withWebApp { client in
            try await client.login()
            _ = try await client.post("/progress", [("applications", "2"), ("conversations", "1"), ("skillHours", "1")])
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst"), ("appliedOn", "2026-11-02")])
            _ = try await client.post("/applications", [("company", "Globex"), ("role", "Analyst"), ("appliedOn", "2026-11-17")])
            func reject(_ id: Int, on day: String) async throws {
                let saved = try await client.post("/applications/\(id)/reject/category", [
                    ("on", day), ("stageReached", "applied"), ("reason", ""), ("feelings", ""), ("intensity", ""),
                    ("category", "no-reason-given"), ("controllable", "")])
                #expect(saved.location == "/applications/\(id)/rejection")
            }
            // A no from long ago: its window has closed, the targets count.
            try await reject(1, on: "2026-11-05")
            let counting = try await client.get("/progress").text
            #expect(!counting.contains("Your targets are resting") && counting.contains("1 of 2"))
            #expect(counting.contains("class=\"chart-target\""))
            // A no yesterday: no targets until the window closes, said warmly, and nothing "0 of 2".
            try await reject(2, on: "2026-11-20")
            let gentle = try await client.get("/progress").text
            #expect(gentle.contains("Your targets are resting") && gentle.contains("until 22 Nov 2026"))
            #expect(gentle.contains("So far this week: 1 application sent"))
            #expect(!gentle.contains("1 of 2") && !gentle.contains("0 of 1") && !gentle.contains("<progress"))
            #expect(!gentle.contains("class=\"chart-target\"") && gentle.contains("id=\"chart-weekly-applications\""))
        }
    }

    @Test func aNewPersonSeesWhatToDoAndThenOnlyTheirOwnWeeks() async throws {
        try await withWebApp { client in
            try await client.login()
            let empty = try await client.get("/progress").text
            #expect(empty.contains("Your weeks show here from the week you start") && !empty.contains("<svg"))
            #expect(!empty.contains("Earlier weeks"))
            _ = try await client.post("/applications", [("company", "Acme"), ("role", "Analyst"), ("appliedOn", "2026-11-17")])
            let first = try await client.get("/progress").text
            #expect(first.contains("This is your first week on record") && first.contains("id=\"chart-weekly-applications\""))
            #expect(!first.contains("Earlier weeks"))
            _ = try await client.post("/applications", [("company", "Globex"), ("role", "Analyst"), ("appliedOn", "2026-10-28")])
            let weeks = section(try await client.get("/progress").text, "Week by week")
            // Since the week of 26 Oct: three earlier weeks, not twelve.
            #expect(weeks.contains("Earlier weeks") && count("<tr>", in: weeks) == 1 + 3)
            #expect(weeks.contains("26 Oct–1 Nov") && !weeks.contains("19–25 Oct"))
        }
    }
}
