import Foundation

extension Day {
    /// How days read on a page: the order the person's own browser uses in its date fields, so a
    /// page and the date box beside it agree. The web app sets it for each request from the
    /// browser's language; everywhere else it is "21 Nov 2026".
    public enum Style: Sendable, Equatable {
        /// "21 Nov 2026"
        case dayMonthYear
        /// "Nov 21, 2026"
        case monthDayYear
        /// "2026-11-21"
        case yearMonthDay

        /// The style of the first language a browser asks for (`Accept-Language`): "en-US" reads
        /// month first, "sv" or "zh" year first, and the rest day first.
        public init(acceptLanguage: String?) {
            let first = (acceptLanguage ?? "").split(separator: ",").first.flatMap { $0.split(separator: ";").first } ?? ""
            let tag = first.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
            let parts = tag.split(separator: "-").map(String.init)
            let language = parts.first ?? "", region = parts.count > 1 ? parts[parts.count - 1] : ""
            if (language == "en" && ["us", "ph", "as", "gu", "mp", "pr", "um", "vi"].contains(region)) || language == "fil" {
                self = .monthDayYear
            } else if ["zh", "ja", "ko", "hu", "lt", "sv", "mn"].contains(language) {
                self = .yearMonthDay
            } else {
                self = .dayMonthYear
            }
        }
    }

    /// The style for the work at hand (one web request, one command).
    @TaskLocal public static var style: Style = .dayMonthYear

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "21 Nov 2026": how a day reads in a sentence, in the order of `Day.style`.
    public var readable: String {
        switch Day.style {
        case .dayMonthYear: "\(day) \(Day.monthNames[month - 1]) \(year)"
        case .monthDayYear: "\(Day.monthNames[month - 1]) \(day), \(year)"
        case .yearMonthDay: description
        }
    }

    /// "21 Nov" or "Nov 21": a day of this year, without the year.
    public var short: String {
        switch Day.style {
        case .dayMonthYear: "\(day) \(Day.monthNames[month - 1])"
        case .monthDayYear: "\(Day.monthNames[month - 1]) \(day)"
        case .yearMonthDay: String(description.dropFirst(5))
        }
    }
}
