import Foundation

/// An application form as typed: every field a string, exactly as it arrived from a web form or
/// the command line. `validated` turns it into details or lists every problem at once.
public struct ApplicationForm: Hashable, Sendable, Codable {
    public var company: String
    public var role: String
    public var location: String
    public var url: String
    public var source: String
    public var jobDescription: String
    public var salary: String
    public var notes: String
    public var excitement: String
    public var appliedOn: String
    /// Starting stage of a new application; empty means "applied".
    public var stage: String

    public init(
        company: String = "", role: String = "", location: String = "", url: String = "", source: String = "",
        jobDescription: String = "", salary: String = "", notes: String = "", excitement: String = "",
        appliedOn: String = "", stage: String = ""
    ) {
        self.company = company
        self.role = role
        self.location = location
        self.url = url
        self.source = source
        self.jobDescription = jobDescription
        self.salary = salary
        self.notes = notes
        self.excitement = excitement
        self.appliedOn = appliedOn
        self.stage = stage
    }

    /// The form filled in from saved details, for editing.
    public init(details: ApplicationDetails) {
        self.init(
            company: details.company, role: details.role, location: details.location ?? "",
            url: details.url ?? "", source: details.source?.rawValue ?? "",
            jobDescription: details.jobDescription ?? "", salary: details.salary ?? "",
            notes: details.notes ?? "", excitement: details.excitement.map(String.init) ?? "",
            appliedOn: details.appliedOn?.description ?? "")
    }

    /// Validates the editable details.
    public func validatedDetails(today: Day) throws(ValidationErrors) -> ApplicationDetails {
        var errors = ValidationErrors()
        let company = Text.cleanLine(company)
        let role = Text.cleanLine(role)
        if company == nil { errors.add("company", "Add the company's name.") }
        if role == nil { errors.add("role", "Add the role you are applying for.") }
        if let company, company.count > Limits.name {
            errors.add("company", "Keep the company name under \(Limits.name) characters.")
        }
        if let role, role.count > Limits.name {
            errors.add("role", "Keep the role under \(Limits.name) characters.")
        }
        let location = Text.cleanLine(location)
        if let location, location.count > Limits.name {
            errors.add("location", "Keep the location under \(Limits.name) characters.")
        }
        var url = Text.cleanLine(self.url)
        if let raw = url {
            switch FormRules.webAddress(raw) {
            case .success(let normalised): url = normalised
            case .failure(let message): errors.add("url", message)
            }
        }
        var source: ApplicationSource?
        if let raw = Text.cleanLine(self.source) {
            source = ApplicationSource(id: raw)
            if source == nil {
                errors.add("source", "\"\(FormRules.quote(raw))\" is not a source NextYes knows. Use one of: \(ApplicationSource.idList).")
            }
        }
        let description = Text.clean(jobDescription)
        if let description, description.count > Limits.jobDescription {
            errors.add("jobDescription", "The job description is \(description.count) characters; NextYes keeps up to \(Limits.jobDescription). Trim the parts that are not about the role.")
        }
        let salary = Text.cleanLine(salary)
        if let salary, salary.count > Limits.salary {
            errors.add("salary", "Keep the salary note under \(Limits.salary) characters.")
        }
        let notes = Text.clean(notes)
        if let notes, notes.count > Limits.notes {
            errors.add("notes", "Notes hold up to \(Limits.notes) characters; this is \(notes.count).")
        }
        var excitement: Int?
        if let raw = Text.cleanLine(self.excitement) {
            excitement = Int(raw)
            if excitement == nil || !(1...5).contains(excitement!) {
                errors.add("excitement", "Excitement is a number from 1 (mild) to 5 (dream job).")
                excitement = nil
            }
        }
        var appliedOn: Day?
        if let raw = Text.cleanLine(self.appliedOn) {
            switch FormRules.pastDay(raw, today: today, what: "The applied date") {
            case .success(let day): appliedOn = day
            case .failure(let message): errors.add("appliedOn", message)
            }
        }
        if !errors.isEmpty { throw errors }
        return ApplicationDetails(
            company: company!, role: role!, location: location, url: url, source: source,
            jobDescription: description, salary: salary, notes: notes, excitement: excitement,
            appliedOn: appliedOn)
    }

    /// Validates a new application, including its starting stage.
    public func validatedNew(today: Day) throws(ValidationErrors) -> NewApplication {
        var errors = ValidationErrors()
        var details: ApplicationDetails?
        do {
            details = try validatedDetails(today: today)
        } catch {
            errors = error
        }
        var stage = Stage.applied
        if let raw = Text.cleanLine(self.stage) {
            if let parsed = Stage(id: raw) {
                stage = parsed
            } else {
                errors.add("stage", "\"\(FormRules.quote(raw))\" is not a stage. Use one of: \(Stage.idList).")
            }
        }
        if stage == .saved, Text.cleanLine(appliedOn) != nil, errors["appliedOn"] == nil {
            errors.add("appliedOn", "A saved job has no applied date yet. Clear the date, or choose the applied stage.")
        }
        if !errors.isEmpty { throw errors }
        var result = details!
        if stage >= .applied, result.appliedOn == nil { result.appliedOn = today }
        return NewApplication(details: result, stage: stage)
    }
}

/// A rejection form as typed.
public struct RejectionForm: Hashable, Sendable, Codable {
    public var on: String
    public var stageReached: String
    public var reason: String
    public var category: String
    /// "yes", "partly", "no", or empty for the category's reading.
    public var controllable: String
    public var feelings: [String]
    public var intensity: String

    public init(
        on: String = "", stageReached: String = "", reason: String = "", category: String = "",
        controllable: String = "", feelings: [String] = [], intensity: String = ""
    ) {
        self.on = on
        self.stageReached = stageReached
        self.reason = reason
        self.category = category
        self.controllable = controllable
        self.feelings = feelings
        self.intensity = intensity
    }

    /// Validates the rejection. With no category given, `suggested` is used (a reading of the stated
    /// reason), else "other" when a reason was written and "no-reason-given" when none was.
    public func validated(today: Day, suggested: RejectionCategory? = nil) throws(ValidationErrors) -> RejectionDetails {
        var errors = ValidationErrors()
        var day = today
        if let raw = Text.cleanLine(on) {
            switch FormRules.pastDay(raw, today: today, what: "The rejection date") {
            case .success(let parsed): day = parsed
            case .failure(let message): errors.add("on", message)
            }
        }
        var stage: Stage?
        if let raw = Text.cleanLine(stageReached) {
            stage = Stage(id: raw)
            if stage == nil {
                errors.add("stageReached", "\"\(FormRules.quote(raw))\" is not a stage. Use one of: \(Stage.idList).")
            }
        }
        let reason = Text.clean(reason)
        if let reason, reason.count > Limits.reason {
            errors.add("reason", "The stated reason holds up to \(Limits.reason) characters; keep the sentences that give the reason.")
        }
        var category = suggested ?? (reason == nil ? .noReasonGiven : .other)
        if let raw = Text.cleanLine(self.category) {
            if let parsed = RejectionCategory(id: raw) {
                category = parsed
            } else {
                errors.add("category", "\"\(FormRules.quote(raw))\" is not a category. Use one of: \(RejectionCategory.idList).")
            }
        }
        var controllable: Controllability?
        if let raw = Text.cleanLine(self.controllable) {
            controllable = Controllability(id: raw)
            if controllable == nil {
                errors.add("controllable", "Say yes, partly or no for whether it was in your control.")
            }
        }
        let feelings: [String]
        switch FormRules.feelingWords(self.feelings) {
        case .success(let words): feelings = words
        case .failure(let message):
            feelings = []
            errors.add("feelings", message)
        }
        var intensity: Int?
        if let raw = Text.cleanLine(self.intensity) {
            intensity = Int(raw)
            if intensity == nil || !(1...10).contains(intensity!) {
                errors.add("intensity", "Intensity is a number from 1 (barely) to 10 (overwhelming).")
                intensity = nil
            }
        }
        if !errors.isEmpty { throw errors }
        return RejectionDetails(
            on: day, stageReached: stage, reason: reason, category: category,
            controllable: controllable, feelings: feelings, intensity: intensity)
    }
}

/// Small parsing rules shared by the forms.
public enum FormRules {
    /// A message-friendly excerpt of what a person typed.
    public static func quote(_ raw: String) -> String {
        raw.count > 40 ? String(raw.prefix(40)) + "…" : raw
    }

    /// What to say about a date that can't be read: a day that doesn't exist ("2026-02-30") is
    /// not the same mistake as the wrong format.
    public static func unreadableDay(_ raw: String, what: String, example: Day? = nil) -> String {
        if let problem = impossibleDay(raw) {
            return "\(what) \(raw) doesn't exist: \(problem)"
        }
        return "\(what) \"\(quote(raw))\" is not a date NextYes can read. Write it as YYYY-MM-DD" + (example.map { ", for example \($0)." } ?? ".")
    }

    /// Why a date already written YYYY-MM-DD is not on the calendar, as a sentence ("February
    /// 2026 has 28 days."); nil when the text is in another shape or the day is real.
    public static func impossibleDay(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil, Day(text) == nil else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        if year == 0 { return "years start at 0001." }
        if !(1...12).contains(month) { return "months run from 01 to 12." }
        if day == 0 { return "days start at 01." }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(names[month - 1]) \(year) has \(Day.daysIn(month: month, year: year)) days."
    }

    /// A day that is real and not in the future.
    public static func pastDay(_ raw: String, today: Day, what: String) -> Result<Day, FieldMessage> {
        guard let day = Day(raw) else {
            return .failure(FieldMessage(unreadableDay(raw, what: what, example: today)))
        }
        if day > today {
            return .failure(FieldMessage("\(what) \(day) is in the future. Use today (\(today)) or an earlier day."))
        }
        if day.year < 1970 {
            return .failure(FieldMessage("\(what) \(day) is a long time ago. Check the year."))
        }
        return .success(day)
    }

    /// An http(s) address. A bare domain gets https:// in front; anything else (javascript:, file:)
    /// is refused, because it would become a link on the page.
    public static func webAddress(_ raw: String) -> Result<String, FieldMessage> {
        if raw.count > Limits.url {
            return .failure(FieldMessage("That link is over \(Limits.url) characters. Copy the address without the tracking part after the \"?\"."))
        }
        var candidate = raw
        let lower = raw.lowercased()
        if lower.contains("://") {
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
                return .failure(FieldMessage("Links start with http:// or https://. Copy the full address from your browser's address bar."))
            }
        } else if lower.range(of: "^[a-z][a-z0-9+-]*:", options: .regularExpression) != nil {
            // javascript:, mailto:, data: and friends would become live links on the page.
            return .failure(FieldMessage("Links start with http:// or https://. Copy the full address from your browser's address bar."))
        } else {
            candidate = "https://" + raw
        }
        guard !candidate.contains(where: \.isWhitespace),
              let components = URLComponents(string: candidate),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, host.contains(".") || host == "localhost"
        else {
            return .failure(FieldMessage("\"\(quote(raw))\" doesn't look like a web address. Copy the full address from your browser's address bar."))
        }
        return .success(candidate)
    }

    /// A few words for a feeling: trimmed, lower-cased, without repeats.
    public static func feelingWords(_ raw: [String]) -> Result<[String], FieldMessage> {
        var words: [String] = []
        for item in raw {
            for piece in item.split(separator: ",") {
                guard let word = Text.cleanLine(String(piece))?.lowercased() else { continue }
                if word.count > Limits.feelingWord {
                    return .failure(FieldMessage("Describe each feeling in a word or two (under \(Limits.feelingWord) characters), like \"disappointed\" or \"relieved\"."))
                }
                if !words.contains(word) { words.append(word) }
            }
        }
        if words.count > Limits.feelingCount {
            return .failure(FieldMessage("Pick up to \(Limits.feelingCount) words for how you feel; the strongest ones are enough."))
        }
        return .success(words)
    }
}

/// A message about one field, as the failure of a parse.
public struct FieldMessage: Error, Hashable, Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }
}

extension ValidationErrors {
    mutating func add(_ field: String, _ message: FieldMessage) { add(field, message.text) }
}
