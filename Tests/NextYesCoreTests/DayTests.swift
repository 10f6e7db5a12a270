import Foundation
import Testing
@testable import NextYesCore

@Suite("Day")
struct DayTests {
    @Test func parsesStrictIsoDates() {
        #expect(Day("2026-11-21") == Day(year: 2026, month: 11, day: 21))
        #expect(Day("2024-02-29") != nil)
        for bad in ["2023-02-29", "2026-13-01", "2026-1-5", "21/11/2026", "", "2026-11-21T10:00", "２０２６-11-21", "abcd-ef-gh", "2026-00-10"] {
            #expect(Day(bad) == nil, "\(bad) should not parse")
        }
    }

    @Test func roundTripsThroughDayNumbers() {
        var day = Day(year: 1999, month: 12, day: 25)!
        for _ in 0..<4000 {
            #expect(Day(dayNumber: day.dayNumber) == day)
            let next = day.adding(days: 1)
            #expect(next > day)
            #expect(day.days(until: next) == 1)
            day = next
        }
        #expect(Day(year: 1970, month: 1, day: 1)!.dayNumber == 0)
    }

    @Test func crossesMonthAndYearEnds() {
        #expect(Day("2026-01-31")!.adding(days: 1) == Day("2026-02-01"))
        #expect(Day("2024-02-28")!.adding(days: 1) == Day("2024-02-29"))
        #expect(Day("2026-12-31")!.adding(days: 1) == Day("2027-01-01"))
        #expect(Day("2026-03-01")!.adding(days: -1) == Day("2026-02-28"))
    }

    @Test func knowsIsoWeekdaysAndWeekStarts() {
        #expect(Day("2026-11-23")!.isoWeekday == 1)  // a Monday
        #expect(Day("2026-11-22")!.isoWeekday == 7)  // a Sunday
        #expect(Day("2026-11-22")!.startOfWeek == Day("2026-11-16"))
        #expect(Day("2026-11-23")!.startOfWeek == Day("2026-11-23"))
        #expect(Day("2027-01-01")!.startOfWeek == Day("2026-12-28"))
        #expect(Day("1969-12-31")!.isoWeekday == 3)
    }

    @Test func stepsThroughMonths() {
        let day = Day("2026-01-15")!
        #expect(day.startOfMonth == Day("2026-01-01"))
        #expect(day.startOfMonth(offsetBy: -1) == Day("2025-12-01"))
        #expect(day.startOfMonth(offsetBy: 13) == Day("2027-02-01"))
    }

    @Test func readsTheDayInTheGivenTimeZone() {
        // 23:30 UTC on 21 Nov is already 22 Nov in Tokyo and still 21 Nov in New York.
        let moment = Day("2026-11-21")!.start(in: TimeZone(identifier: "UTC")!).addingTimeInterval(23.5 * 3600)
        #expect(Day(moment, in: TimeZone(identifier: "Asia/Tokyo")!) == Day("2026-11-22"))
        #expect(Day(moment, in: TimeZone(identifier: "America/New_York")!) == Day("2026-11-21"))
    }

    @Test func codesAsPlainString() throws {
        let data = try JSONEncoder().encode([Day("2026-11-21")!])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-11-21\"]")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data("[\"2026-02-30\"]".utf8)) }
    }
}
