import NextYesCore
import Testing

/// Days read in the order of the person's browser, so a page and its date fields agree.
@Suite("Day styles")
struct DayStyleTests {
    @Test func theBrowsersLanguageChoosesTheOrder() {
        #expect(Day.Style(acceptLanguage: "en-US,en;q=0.9") == .monthDayYear)
        #expect(Day.Style(acceptLanguage: "en-GB,en;q=0.9") == .dayMonthYear)
        #expect(Day.Style(acceptLanguage: "de-DE") == .dayMonthYear)
        #expect(Day.Style(acceptLanguage: "sv-SE,en;q=0.5") == .yearMonthDay)
        #expect(Day.Style(acceptLanguage: "zh-Hans-CN") == .yearMonthDay)
        #expect(Day.Style(acceptLanguage: "es-US") == .dayMonthYear)
        #expect(Day.Style(acceptLanguage: "EN_us") == .monthDayYear)
        #expect(Day.Style(acceptLanguage: nil) == .dayMonthYear)
        #expect(Day.Style(acceptLanguage: "") == .dayMonthYear)
        #expect(Day.Style(acceptLanguage: ";;,,") == .dayMonthYear)
    }

    @Test func aDayReadsInTheStyleOfTheWorkAtHand() {
        let day = Day("2026-11-26")!
        #expect(day.readable == "26 Nov 2026")
        Day.$style.withValue(.monthDayYear) {
            #expect(day.readable == "Nov 26, 2026")
            #expect(day.short == "Nov 26")
        }
        Day.$style.withValue(.yearMonthDay) {
            #expect(day.readable == "2026-11-26")
            #expect(day.short == "11-26")
        }
        #expect(day.short == "26 Nov")
    }
}
