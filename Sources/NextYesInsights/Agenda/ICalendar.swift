import Foundation
import NextYesCore

/// Writes agenda items as an iCalendar feed (RFC 5545) that calendar apps can subscribe to.
/// Reminders are all-day events; interviews with a time are one-hour events at that moment.
public enum ICalendar {
    public static func feed(_ items: [AgendaItem], name: String = "NextYes", stamp: Date, timeZone: TimeZone) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//NextYes//NextYes agenda//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
        ]
        let dtstamp = utc(stamp)
        for item in items {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(item.uid)@nextyes")
            lines.append("DTSTAMP:\(dtstamp)")
            if let time = item.time {
                let start = time.moment(on: item.on, in: timeZone)
                lines.append("DTSTART:\(utc(start))")
                lines.append("DTEND:\(utc(start.addingTimeInterval(3600)))")
            } else {
                lines.append("DTSTART;VALUE=DATE:\(date(item.on))")
                lines.append("DTEND;VALUE=DATE:\(date(item.on.adding(days: 1)))")
                lines.append("TRANSP:TRANSPARENT")
            }
            lines.append("SUMMARY:" + escape(item.title))
            lines.append("DESCRIPTION:" + escape(item.detail))
            lines.append("CATEGORIES:" + escape(item.kind.title))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                // Other control characters are not allowed in a content line.
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1),
    /// never splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var pieces: [String] = []
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            while end < bytes.count && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            pieces.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
            limit = 74  // continuation lines start with a space
        }
        return pieces.joined(separator: "\r\n ")
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func date(_ day: Day) -> String {
        String(format: "%04d%02d%02d", day.year, day.month, day.day)
    }
}
