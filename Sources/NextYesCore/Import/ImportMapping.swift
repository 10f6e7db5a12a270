import Foundation

/// Where a file comes from. See docs/import-formats.md for what each one holds and why.
public enum ImportFormat: String, CaseIterable, Codable, Sendable {
    case huntr, teal, generic

    public var title: String {
        switch self {
        case .huntr: "Huntr"
        case .teal: "Teal"
        case .generic: "spreadsheet"
        }
    }
}

/// What a column can feed.
public enum ImportField: String, CaseIterable, Codable, Sendable {
    case company, role, stage, appliedOn, url, location, source, jobDescription, salary, minSalary, maxSalary
    case currency, payPeriod, notes, excitement, externalID, archivedAt, statusJSON, lastMovedAt

    public var title: String {
        switch self {
        case .company: "company"
        case .role: "role"
        case .stage: "status"
        case .appliedOn: "date applied"
        case .url: "link"
        case .location: "location"
        case .source: "source"
        case .jobDescription: "job description"
        case .salary, .minSalary, .maxSalary, .currency, .payPeriod: "salary"
        case .notes: "notes"
        case .excitement: "excitement"
        case .externalID: "id"
        case .archivedAt: "archived"
        case .statusJSON: "status"
        case .lastMovedAt: "last moved"
        }
    }
}

public enum ImportSetupError: Error, Hashable, Sendable, LocalizedError {
    case missingColumns([String], headers: [String])
    case notThatFormat(ImportFormat)
    case ambiguousDates(example: String)

    public var errorDescription: String? {
        switch self {
        case .missingColumns(let missing, let headers):
            "NextYes needs a column for the \(missing.joined(separator: " and ")), and couldn't find one among: \(headers.prefix(12).joined(separator: ", ")). Rename the column (for example to \"Company\" and \"Job Title\") and try again."
        case .notThatFormat(let format):
            "This file doesn't look like a \(format.title) export (its columns are different). Try without --format, and NextYes will read the columns it recognises."
        case .ambiguousDates(let example):
            "Dates like \(example) could be day-first or month-first. Say which with --dates day-first or --dates month-first."
        }
    }
}

/// Which column feeds which field, for one file.
public struct ImportLayout: Hashable, Sendable {
    public var format: ImportFormat
    public var columns: [ImportField: Int]
    /// Headers nothing is imported from (shown in the preview).
    public var ignored: [String]
    public var headerCount: Int

    /// "companyName" → "company name", "Interest (1-5)" → "interest", "﻿Company" → "company".
    public static func normalise(_ header: String) -> String {
        var text = header.replacingOccurrences(of: "\u{FEFF}", with: "")
        var spaced = ""
        var previous: Character?
        for character in text {
            if character.isUppercase, let previous, previous.isLowercase { spaced.append(" ") }
            spaced.append(character)
            previous = character
        }
        text = spaced.lowercased()
        text = text.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression)
        text = text.map { "_-.".contains($0) ? " " : String($0) }.joined()
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static let aliases: [(ImportField, [String])] = [
        (.company, ["company", "company name", "employer", "employer name", "organisation", "organization", "org", "firm", "business", "hiring company"]),
        (.role, ["role", "job title", "title", "position", "job position", "position title", "job", "job role", "vacancy", "job name"]),
        (.stage, ["status", "stage", "list", "list name", "status name", "application status", "pipeline", "progress", "state"]),
        (.appliedOn, ["date applied", "applied date", "applied", "applied on", "applied at", "application date", "date of application", "date submitted", "submitted", "submitted on", "sent"]),
        (.url, ["link", "url", "job url", "job link", "posting", "posting url", "job posting", "listing", "advert", "ad link", "application link", "job ad"]),
        (.location, ["location", "city", "place", "where", "job location", "office location", "office"]),
        (.source, ["source", "found via", "found on", "via", "channel", "platform", "job board", "job site", "where found", "how found"]),
        (.jobDescription, ["job description", "description", "jd", "details", "html description", "job details"]),
        (.salary, ["salary", "salary range", "pay", "compensation", "comp", "rate", "wage", "package"]),
        (.minSalary, ["min salary", "minimum salary", "salary min"]),
        (.maxSalary, ["max salary", "maximum salary", "salary max"]),
        (.notes, ["notes", "note", "comments", "comment", "remarks"]),
        (.excitement, ["excitement", "interest", "rating", "stars", "how excited"]),
    ]

    public static func detect(header: [String], forced: ImportFormat? = nil) throws(ImportSetupError) -> ImportLayout {
        let names = header.map(normalise)
        func index(_ raw: String) -> Int? { header.firstIndex { $0.replacingOccurrences(of: "\u{FEFF}", with: "") == raw } }
        let isHuntr = ["listName", "companyName", "title"].allSatisfy { index($0) != nil }
        let isTeal = index("company_name") != nil && index("role") != nil && (index("statusName") != nil || index("status") != nil)
        let format = forced ?? (isHuntr ? .huntr : isTeal ? .teal : .generic)
        if forced == .huntr && !isHuntr || forced == .teal && !isTeal { throw .notThatFormat(forced!) }
        var columns: [ImportField: Int] = [:]
        switch format {
        case .huntr:
            let fixed: [(ImportField, String)] = [(.company, "companyName"), (.role, "title"), (.stage, "listName"), (.url, "url"), (.location, "location"),
                                                 (.jobDescription, "htmlDescription"), (.salary, "salary"), (.externalID, "id"), (.lastMovedAt, "lastMovedAt")]
            for (field, name) in fixed { if let i = index(name) { columns[field] = i } }
        case .teal:
            let fixed: [(ImportField, String)] = [(.company, "company_name"), (.role, "role"), (.stage, "statusName"), (.statusJSON, "status"), (.url, "url"),
                                                 (.location, "location"), (.excitement, "excitement"), (.appliedOn, "applied_at"), (.minSalary, "min_salary"),
                                                 (.maxSalary, "max_salary"), (.currency, "salary_currency"), (.payPeriod, "salary_pay_period"),
                                                 (.externalID, "id"), (.archivedAt, "archived_at")]
            for (field, name) in fixed { if let i = index(name) { columns[field] = i } }
        case .generic:
            // Exact matches only; each column feeds one field, the first alias list that names it.
            var taken: Set<Int> = []
            for (field, aliases) in aliases {
                if let i = names.indices.first(where: { !taken.contains($0) && aliases.contains(names[$0]) }) {
                    columns[field] = i
                    taken.insert(i)
                }
            }
        }
        var missing: [String] = []
        if columns[.company] == nil { missing.append("company") }
        if columns[.role] == nil { missing.append("role (job title)") }
        if !missing.isEmpty { throw .missingColumns(missing, headers: header) }
        let used = Set(columns.values)
        let personal: Set<String> = ["creatorUserId", "creatorUserFirstName", "creatorUserLastName", "creatorUserEmail"]
        let ignored = header.indices.filter { !used.contains($0) && !personal.contains(header[$0]) && !header[$0].isEmpty }.map { header[$0] }
        return ImportLayout(format: format, columns: columns, ignored: ignored, headerCount: header.count)
    }
}

/// A stage and outcome for a status word.
public struct StageChoice: Hashable, Codable, Sendable {
    public var stage: Stage
    public var outcome: Outcome

    public init(stage: Stage, outcome: Outcome) {
        self.stage = stage
        self.outcome = outcome
    }

    /// Reads "saved", "applied,rejected", "interview/ghosted" or an outcome alone ("withdrawn").
    public init?(mapping raw: String) {
        let parts = raw.lowercased().split(whereSeparator: { $0 == "," || $0 == "/" || $0 == " " }).map(String.init)
        var stage: Stage?
        var outcome: Outcome?
        for part in parts {
            if let s = Stage(id: part) { stage = s } else if let o = Outcome(id: part) { outcome = o } else { return nil }
        }
        guard stage != nil || outcome != nil else { return nil }
        self.stage = stage ?? (outcome == .offerAccepted || outcome == .offerDeclined ? .offer : .applied)
        self.outcome = outcome ?? .open
    }

    public var title: String { outcome == .open ? stage.title.lowercased() : "\(stage.title.lowercased()), \(outcome.title.lowercased())" }
}

/// Status words from trackers and spreadsheets, and what they mean in NextYes.
public enum StageWords {
    /// Lower-case; emoji and symbols gone; _ - / as spaces; spaces collapsed.
    public static func normalise(_ raw: String) -> String {
        let kept = raw.lowercased().unicodeScalars.map { scalar -> String in
            if CharacterSet.letters.contains(scalar) || CharacterSet.decimalDigits.contains(scalar) || scalar == "'" { return String(scalar) }
            return " "
        }.joined()
        return kept.split(separator: " ").joined(separator: " ")
    }

    static let table: [(words: [String], choice: StageChoice, assumed: Bool)] = [
        (["wishlist", "bookmarked", "saved", "interested", "to apply", "not applied", "considering", "backlog", "prospect", "idea"], .init(stage: .saved, outcome: .open), false),
        (["applying", "preparing", "drafting", "in progress"], .init(stage: .saved, outcome: .open), true),
        (["applied", "submitted", "application sent", "sent", "in review", "under review", "waiting", "awaiting response"], .init(stage: .applied, outcome: .open), false),
        (["pending"], .init(stage: .applied, outcome: .open), true),
        (["phone screen", "screening", "screen", "recruiter screen", "recruiter call", "hr call", "intro call", "initial call", "first call"], .init(stage: .screening, outcome: .open), false),
        (["assessment", "online assessment", "oa", "take home", "technical test", "coding test", "coding challenge", "test", "case study", "assignment", "exercise"], .init(stage: .assessment, outcome: .open), false),
        (["interview", "interviewing", "technical interview", "video interview", "second interview", "2nd interview", "panel"], .init(stage: .interview, outcome: .open), false),
        (["interviewed", "onsite", "on site"], .init(stage: .interview, outcome: .open), true),
        (["final round", "final interview", "final"], .init(stage: .finalRound, outcome: .open), false),
        (["offer", "offered", "offer received", "negotiating", "negotiation"], .init(stage: .offer, outcome: .open), false),
        (["shortlist", "shortlisted"], .init(stage: .saved, outcome: .open), true),
        (["rejected", "not selected", "unsuccessful", "declined by company", "no", "turned down", "they said no"], .init(stage: .applied, outcome: .rejected), false),
        (["declined"], .init(stage: .applied, outcome: .rejected), true),
        (["withdrawn", "withdrew", "i withdrew", "pulled out"], .init(stage: .applied, outcome: .withdrawn), false),
        (["not interested"], .init(stage: .saved, outcome: .withdrawn), true),
        (["ghosted", "no response", "no reply", "no answer", "silence", "no news"], .init(stage: .applied, outcome: .ghosted), false),
        (["accepted", "offer accepted", "hired", "signed", "joined"], .init(stage: .offer, outcome: .offerAccepted), false),
        (["offer declined", "declined offer", "turned down offer", "rejected offer"], .init(stage: .offer, outcome: .offerDeclined), false),
    ]

    /// Words that never have a safe default: whoever closed it, and why, isn't in the word.
    static let mustAsk: Set<String> = ["closed", "archived", "expired", "position filled", "job closed", "filled", "cancelled"]

    public enum Reading: Hashable, Sendable {
        case known(StageChoice)
        /// A sensible default that the preview points out, changeable with a mapping.
        case assumed(StageChoice)
        case unknown
    }

    /// Exact matches first, then the longest known phrase inside the text as whole words
    /// ("2nd interview scheduled" is an interview; "no" doesn't match inside "no response").
    public static func read(_ raw: String) -> Reading {
        let word = normalise(raw)
        guard !word.isEmpty, !mustAsk.contains(word) else { return .unknown }
        for entry in table where entry.words.contains(word) { return entry.assumed ? .assumed(entry.choice) : .known(entry.choice) }
        let padded = " \(word) "
        var best: (length: Int, entry: (words: [String], choice: StageChoice, assumed: Bool))?
        for entry in table {
            for phrase in entry.words where phrase.count > (best?.length ?? 0) && padded.contains(" \(phrase) ") {
                best = (phrase.count, entry)
            }
        }
        if mustAsk.contains(where: { padded.contains(" \($0) ") }) { return .unknown }
        guard let best else { return .unknown }
        return .assumed(best.entry.choice)
    }
}

/// Words for where a job was found.
public enum SourceWords {
    public static func read(_ raw: String) -> ApplicationSource? {
        var word = StageWords.normalise(raw.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression))
        if word.hasPrefix("referred by") { word = "referral" }
        let table: [(ApplicationSource, [String])] = [
            (.linkedIn, ["linkedin", "linked in", "linkedin jobs", "linkedin easy apply", "easy apply"]),
            (.jobBoard, ["indeed", "glassdoor", "otta", "welcome to the jungle", "wellfound", "angellist", "reed", "totaljobs", "monster",
                         "ziprecruiter", "dice", "stack overflow jobs", "hacker news", "job board", "job site"]),
            (.companySite, ["company website", "company site", "careers page", "career site", "website", "direct"]),
            (.referral, ["referral", "referred", "employee referral", "friend", "former colleague"]),
            (.recruiter, ["recruiter", "agency", "headhunter", "recruitment agency", "inbound", "recruiter outreach"]),
            (.networking, ["networking", "meetup", "event", "conference", "career fair", "alumni", "community", "slack", "discord"]),
        ]
        for (source, words) in table where words.contains(word) { return source }
        if let source = ApplicationSource(id: word) { return source }
        return word.isEmpty ? nil : .other
    }

    /// A guess from the posting's address: job boards and applicant-tracking systems.
    public static func guess(url: String?) -> ApplicationSource? {
        guard let url, let host = URLComponents(string: url)?.host?.lowercased() else { return nil }
        if host == "linkedin.com" || host.hasSuffix(".linkedin.com") { return .linkedIn }
        if ["indeed.", "glassdoor."].contains(where: { host.contains($0) }) { return .jobBoard }
        if ["greenhouse.io", "lever.co", "ashbyhq.com", "workable.com", "icims.com", "myworkdayjobs.com", "smartrecruiters.com"].contains(where: { host.hasSuffix($0) }) {
            return .companySite
        }
        return nil
    }
}

/// Dates as trackers and spreadsheets write them.
public enum ImportDates {
    public enum Order: String, Codable, Sendable { case dayFirst = "day-first", monthFirst = "month-first" }

    public enum Cell: Hashable, Sendable {
        case day(Day)
        /// "04/03/2024": both readings are real days.
        case either(a: Int, b: Int, year: Int)
        /// "13/02/2024" is day-first; "02/13/2024" is month-first.
        case only(Day, Order)
        case invalid
        case empty
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `utc`: the cell is a moment in UTC ("2024-02-21T03:30:00Z", Huntr's "2024-02-21 03:30:00"),
    /// whose calendar day depends on the time zone.
    public static func read(_ raw: String, utc: Bool, timeZone: TimeZone) -> Cell {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text == "-" { return .empty }
        let bytes = Array(text.utf8)
        // Runs of digits and the single characters between them, without regular expressions
        // (this runs once per row of files with a hundred thousand rows).
        var numbers: [(value: Int, digits: Int)] = []
        var separators: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] >= 48 && bytes[i] <= 57 {
                var value = 0, digits = 0
                while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57, digits < 9 {
                    value = value * 10 + Int(bytes[i] - 48)
                    digits += 1
                    i += 1
                }
                numbers.append((value, digits))
            } else {
                separators.append(bytes[i])
                i += 1
            }
        }
        let dash = UInt8(ascii: "-"), slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        // ISO: 2024-03-04, optionally with a time and a zone.
        if numbers.count >= 3, numbers[0].digits == 4, numbers[1].digits == 2, numbers[2].digits == 2,
           separators.count >= 2, separators[0] == dash, separators[1] == dash {
            guard let day = Day(year: numbers[0].value, month: numbers[1].value, day: numbers[2].value) else { return .invalid }
            guard numbers.count >= 5 else { return numbers.count == 3 && separators.count == 2 ? .day(day) : .invalid }
            let hasZone = text.hasSuffix("Z") || text.hasSuffix("UTC") || (separators.count >= 5 && (text.dropFirst(19).contains("+") || text.dropFirst(19).contains("-")))
            if !hasZone && !utc { return .day(day) }
            var offset = 0
            if hasZone, !text.hasSuffix("Z"), !text.hasSuffix("UTC"), let last = numbers.last {
                let sign = text.dropFirst(19).contains("-") ? -1 : 1
                let (h, m) = last.digits == 4 ? (last.value / 100, last.value % 100) : (numbers[numbers.count - 2].value, last.value)
                offset = sign * (h * 3600 + m * 60)
            }
            var utcCalendar = Calendar(identifier: .gregorian)
            utcCalendar.timeZone = TimeZone(identifier: "UTC")!
            let seconds = numbers.count >= 6 && numbers[5].digits == 2 ? numbers[5].value : 0
            guard let moment = utcCalendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day,
                                                                     hour: numbers[3].value, minute: numbers[4].value, second: seconds)) else { return .invalid }
            return .day(Day(moment.addingTimeInterval(TimeInterval(-offset)), in: timeZone))
        }
        if numbers.count == 3, separators.count == 2 {
            // 2024/03/04
            if numbers[0].digits == 4, separators.allSatisfy({ $0 == slash }) {
                return Day(year: numbers[0].value, month: numbers[1].value, day: numbers[2].value).map(Cell.day) ?? .invalid
            }
            // 4/3/2024, 04.03.24, 4-3-2024: one separator kind, a year of two or four digits last.
            if numbers[0].digits <= 2, numbers[1].digits <= 2, numbers[2].digits == 2 || numbers[2].digits == 4,
               separators[0] == separators[1], [slash, dot, dash].contains(separators[0]) {
                let a = numbers[0].value, b = numbers[1].value
                let year = numbers[2].digits == 2 ? 2000 + numbers[2].value : numbers[2].value
                let dayFirst = Day(year: year, month: b, day: a), monthFirst = Day(year: year, month: a, day: b)
                switch (dayFirst, monthFirst) {
                case (nil, nil): return .invalid
                case (let d?, nil): return .only(d, .dayFirst)
                case (nil, let d?): return .only(d, .monthFirst)
                case (.some, .some): return a == b ? .day(dayFirst!) : .either(a: a, b: b, year: year)
                }
            }
        }
        // "4 Mar 2024", "March 4, 2024"
        let words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if words.count == 3 {
            if let d = Int(words[0]), let m = months.firstIndex(where: { words[1].hasPrefix($0) }), let y = Int(words[2]) {
                return Day(year: y, month: m + 1, day: d).map(Cell.day) ?? .invalid
            }
            if let m = months.firstIndex(where: { words[0].hasPrefix($0) }), let d = Int(words[1]), let y = Int(words[2]) {
                return Day(year: y, month: m + 1, day: d).map(Cell.day) ?? .invalid
            }
        }
        return .invalid
    }

    public static func resolve(_ cell: Cell, order: Order?) -> Day? {
        switch cell {
        case .day(let day): return day
        case .only(let day, let only): return order == nil || order == only ? day : nil
        case .either(let a, let b, let year):
            guard let order else { return nil }
            return order == .dayFirst ? Day(year: year, month: b, day: a) : Day(year: year, month: a, day: b)
        case .invalid, .empty: return nil
        }
    }
}

/// Huntr keeps job descriptions as HTML; NextYes keeps plain text.
public enum HTMLText {
    public static func plain(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"(?i)<\s*(br|/p|/div|/li|/h[1-6]|/tr)\s*/?>"#, with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(?i)<\s*li[^>]*>"#, with: "• ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(?is)<(script|style)[^>]*>.*?</\1>"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
        let entities = ["&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'",
                        "&ndash;": "–", "&mdash;": "—", "&hellip;": "…", "&rsquo;": "’", "&lsquo;": "‘", "&ldquo;": "“", "&rdquo;": "”", "&bull;": "•"]
        for (entity, replacement) in entities { text = text.replacingOccurrences(of: entity, with: replacement) }
        text = text.replacingOccurrences(of: #"&#(\d+);"#, with: "", options: .regularExpression)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var out: [String] = []
        for line in lines where !(line.isEmpty && (out.last?.isEmpty ?? true)) { out.append(line) }
        return out.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
