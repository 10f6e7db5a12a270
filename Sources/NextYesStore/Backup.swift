import FluentKit
import Foundation
import NextYesCore
import SQLKit

/// A complete, versioned copy of everything in the database, as JSON: every table, every row,
/// with its id, so links between rows survive. Restoring it into an empty database and exporting
/// again gives the same bytes.
struct BackupFile: Codable, @unchecked Sendable {
    static let formatName = "nextyes-backup"
    static let currentVersion = 1

    var format: String
    var version: Int
    var settings: [SettingModel]
    var applications: [ApplicationModel]
    var applicationEvents: [ApplicationEventModel]
    var rejections: [RejectionModel]
    var contacts: [ContactModel]
    var applicationContacts: [ApplicationContactModel]
    var feedbackRequests: [FeedbackRequestModel]
    var feedback: [FeedbackModel]
    var reflections: [ReflectionModel]
    var journalEntries: [JournalEntryModel]
    var wins: [WinModel]
    var profileSkills: [ProfileSkillModel]
    var planGoals: [PlanGoalModel]
    var skillHours: [SkillHoursModel]
    var interactions: [InteractionModel]
    var interviewRounds: [InterviewRoundModel]
    var interviewers: [InterviewerModel]
    var weeklyTargets: [WeeklyTargetsModel]
    var stories: [StoryModel]
    var practiceSessions: [PracticeSessionModel]
    var agendaDone: [AgendaDoneModel]
    /// Job e-mails already used (absent from backups made before they were kept).
    var mailMessages: [MailMessageModel]?
    /// Coaches' notes on plan goals (absent from backups made before they were kept).
    var coachNotes: [CoachNoteModel]?
}

/// Only the format and version, read first so a file from elsewhere gets a clear message.
private struct BackupHeader: Decodable {
    var format: String?
    var version: Int?
}

public enum BackupError: Error, Hashable, Sendable, LocalizedError {
    case notABackup
    case newerVersion(Int)
    case unreadable(String)
    case notEmpty(String)
    /// Rows that break the same rules as the forms and imports, listed by table and row.
    case invalidRows([String])

    public var errorDescription: String? {
        switch self {
        case .notABackup:
            "This file isn't a NextYes backup (one made by `nextyes export --format json`). To bring in a spreadsheet or a Huntr or Teal export, use `nextyes import`."
        case .newerVersion(let version):
            "This backup was made by a newer NextYes (backup version \(version); this one reads version \(BackupFile.currentVersion)). Update NextYes, then restore it."
        case .unreadable(let detail):
            "The backup file is damaged and can't be read (\(detail)). Nothing was restored."
        case .invalidRows(let problems):
            "This backup holds values NextYes doesn't accept, so nothing was restored and the database is as it was. The first problems:\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
                + "\nFix these rows in the file (or restore an earlier backup), then try again."
        case .notEmpty(let what):
            "Restore goes into an empty database, and this one already holds \(what). Restore into a new file instead, for example: nextyes restore backup.json --database ~/nextyes-restored.sqlite"
        }
    }
}

/// What a restore brought back.
public struct RestoreSummary: Hashable, Sendable, Codable {
    public var applications: Int
    public var rows: Int
}

public struct BackupRepository: Sendable {
    let db: any Database

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Moments to the millisecond, as the database keeps them, written the same way every time.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Moment.string(date))
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Moment.date(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a moment like 2026-11-21T09:30:00.000Z")
            }
            return date
        }
        return decoder
    }

    /// Everything, as a versioned JSON document.
    public func export() async throws -> Data {
        func all<M: Model>(_ type: M.Type) async throws -> [M] where M.IDValue == Int {
            try await M.query(on: db).all().sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        }
        let file = BackupFile(
            format: BackupFile.formatName, version: BackupFile.currentVersion,
            settings: try await SettingModel.query(on: db).all().sorted { ($0.id ?? "") < ($1.id ?? "") },
            applications: try await all(ApplicationModel.self), applicationEvents: try await all(ApplicationEventModel.self),
            rejections: try await all(RejectionModel.self), contacts: try await all(ContactModel.self),
            applicationContacts: try await all(ApplicationContactModel.self), feedbackRequests: try await all(FeedbackRequestModel.self),
            feedback: try await all(FeedbackModel.self), reflections: try await all(ReflectionModel.self),
            journalEntries: try await all(JournalEntryModel.self), wins: try await all(WinModel.self),
            profileSkills: try await all(ProfileSkillModel.self), planGoals: try await all(PlanGoalModel.self),
            skillHours: try await all(SkillHoursModel.self), interactions: try await all(InteractionModel.self),
            interviewRounds: try await all(InterviewRoundModel.self), interviewers: try await all(InterviewerModel.self),
            weeklyTargets: try await all(WeeklyTargetsModel.self), stories: try await all(StoryModel.self),
            practiceSessions: try await all(PracticeSessionModel.self), agendaDone: try await all(AgendaDoneModel.self),
            mailMessages: try await all(MailMessageModel.self), coachNotes: try await all(CoachNoteModel.self))
        var data = try Self.encoder().encode(file)
        data.append(0x0A)
        return data
    }

    /// Brings a backup back into an empty database, in one transaction: all of it, or none.
    @discardableResult
    /// Reads and checks a backup without touching any database: every problem the file has is
    /// found before anything is written.
    public static func check(_ data: Data) throws {
        _ = try read(data)
    }

    static func read(_ data: Data) throws -> BackupFile {
        guard let header = try? JSONDecoder().decode(BackupHeader.self, from: data), header.format == BackupFile.formatName, let version = header.version else {
            throw BackupError.notABackup
        }
        guard version <= BackupFile.currentVersion else { throw BackupError.newerVersion(version) }
        let file: BackupFile
        do {
            file = try Self.decoder().decode(BackupFile.self, from: data)
        } catch let error as DecodingError {
            throw BackupError.unreadable(Self.describe(error))
        }
        let problems = Self.problems(in: file)
        guard problems.isEmpty else { throw BackupError.invalidRows(problems) }
        return file
    }

    public func restore(_ data: Data) async throws -> RestoreSummary {
        let file = try Self.read(data)
        let applications = try await ApplicationModel.query(on: db).count()
        let contacts = try await ContactModel.query(on: db).count()
        let journal = try await JournalEntryModel.query(on: db).count()
        if applications + contacts + journal > 0 {
            throw BackupError.notEmpty([applications > 0 ? "\(applications) application\(applications == 1 ? "" : "s")" : nil,
                                        contacts > 0 ? "\(contacts) contact\(contacts == 1 ? "" : "s")" : nil,
                                        journal > 0 ? "\(journal) journal entr\(journal == 1 ? "y" : "ies")" : nil].compactMap { $0 }.joined(separator: ", "))
        }
        let rows = try await db.writeTransaction { tx in
            var rows = 0
            // Settings made on first start (a calendar address) give way to the backup's.
            try await SettingModel.query(on: tx).delete()
            func put<M: Model>(_ models: [M]) async throws {
                for model in models { try await model.create(on: tx) }
                rows += models.count
            }
            try await put(file.settings)
            try await put(file.applications)
            try await put(file.applicationEvents)
            try await put(file.rejections)
            try await put(file.contacts)
            try await put(file.applicationContacts)
            try await put(file.feedbackRequests)
            try await put(file.feedback)
            try await put(file.reflections)
            try await put(file.journalEntries)
            try await put(file.wins)
            try await put(file.profileSkills)
            try await put(file.planGoals)
            try await put(file.skillHours)
            try await put(file.interactions)
            try await put(file.interviewRounds)
            try await put(file.interviewers)
            try await put(file.weeklyTargets)
            try await put(file.stories)
            try await put(file.practiceSessions)
            try await put(file.agendaDone)
            try await put(file.mailMessages ?? [])
            try await put(file.coachNotes ?? [])
            try await Self.resetSequences(on: tx)
            return rows
        }
        return RestoreSummary(applications: file.applications.count, rows: rows)
    }

    /// Every row read through the same rules the app reads its own rows with (stages, outcomes,
    /// real dates), and links checked as the forms check them (http and https only). At most ten.
    static func problems(in file: BackupFile) -> [String] {
        var problems: [String] = []
        func check<M, V>(_ table: String, _ rows: [M], _ read: (M) throws -> V, _ extra: (V) -> String? = { _ in nil }) {
            for (index, row) in rows.enumerated() where problems.count < 10 {
                do {
                    if let problem = extra(try read(row)) { problems.append("\(table), row \(index + 1): \(problem)") }
                } catch StoreError.corruptRow(_, let id, let detail) {
                    problems.append("\(table), row \(index + 1) (id \(id)): \(detail)")
                } catch {
                    problems.append("\(table), row \(index + 1): \(error.localizedDescription)")
                }
            }
        }
        func link(_ url: String?) -> String? {
            guard let url else { return nil }
            if case .failure = FormRules.webAddress(url) { return "the link \"\(url.prefix(60))\" is not an http or https address" }
            return nil
        }
        func unique<M: Model>(_ table: String, _ rows: [M]) where M.IDValue: Hashable {
            var seen: Set<M.IDValue> = []
            for (index, row) in rows.enumerated() where problems.count < 10 {
                if let id = row.id, !seen.insert(id).inserted { problems.append("\(table), row \(index + 1): the id \(id) appears twice") }
            }
        }
        unique("applications", file.applications)
        unique("application events", file.applicationEvents)
        unique("contacts", file.contacts)
        unique("journal entries", file.journalEntries)
        unique("settings", file.settings)
        let applicationIDs = Set(file.applications.compactMap(\.id))
        func belongs(_ table: String, _ ids: [Int]) {
            for (index, id) in ids.enumerated() where problems.count < 10 && !applicationIDs.contains(id) {
                problems.append("\(table), row \(index + 1): it belongs to application \(id), which isn't in the file")
            }
        }
        belongs("application events", file.applicationEvents.map(\.applicationID))
        belongs("rejections", file.rejections.map(\.applicationID))
        belongs("feedback", file.feedback.map(\.applicationID))
        for (index, row) in file.settings.enumerated() where (row.id ?? "").isEmpty && problems.count < 10 {
            problems.append("settings, row \(index + 1): a setting without a name")
        }
        check("applications", file.applications, ApplicationRepository.application) { application in
            if application.details.company.trimmingCharacters(in: .whitespaces).isEmpty || application.details.role.trimmingCharacters(in: .whitespaces).isEmpty {
                return "an application needs a company and a role"
            }
            return link(application.details.url)
        }
        check("application events", file.applicationEvents, ApplicationRepository.event)
        check("rejections", file.rejections, ApplicationRepository.rejection)
        check("contacts", file.contacts, ContactRepository.contact) { link($0.details.profileURL) }
        check("feedback requests", file.feedbackRequests, FeedbackRepository.request)
        check("feedback", file.feedback, FeedbackRepository.feedback)
        check("reflections", file.reflections, ReflectionRepository.reflection)
        check("journal entries", file.journalEntries, JournalRepository.entry) { entry in
            entry.mood.flatMap { (1...10).contains($0) ? nil : "the mood \($0) is not between 1 and 10" }
        }
        for (index, row) in file.weeklyTargets.enumerated() where problems.count < 10
            && (row.applications < 0 || row.conversations < 0 || row.skillHours < 0) {
            problems.append("weekly targets, row \(index + 1): a target below zero")
        }
        check("wins", file.wins, WinRepository.win)
        check("profile skills", file.profileSkills, ProfileRepository.skill)
        check("interactions", file.interactions, InteractionRepository.interaction)
        check("stories", file.stories, StoryRepository.story)
        check("practice sessions", file.practiceSessions, PracticeRepository.session)
        let goalIDs = Set(file.planGoals.compactMap(\.id))
        for (index, note) in (file.coachNotes ?? []).enumerated() where problems.count < 10 {
            if !goalIDs.contains(note.goalID) {
                problems.append("coach notes, row \(index + 1): it belongs to plan goal \(note.goalID), which isn't in the file")
            } else if note.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append("coach notes, row \(index + 1): a note without any words")
            }
        }
        return problems
    }

    static let tablesWithIDs = [
        "applications", "application_events", "rejections", "contacts", "application_contacts", "feedback_requests", "feedback",
        "reflections", "journal_entries", "wins", "profile_skills", "plan_goals", "skill_hours", "interactions", "interview_rounds",
        "interview_interviewers", "weekly_targets", "stories", "practice_sessions", "agenda_done", "mail_messages", "coach_notes",
    ]

    /// PostgreSQL hands out new ids from a sequence that rows inserted with their own ids don't
    /// move; set each one past the largest id. (SQLite always continues after the largest.)
    static func resetSequences(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        for table in tablesWithIDs {
            try await sql.raw("""
                SELECT setval(pg_get_serial_sequence('\(unsafeRaw: table)', 'id'), COALESCE((SELECT MAX(id) FROM \(unsafeRaw: table)), 0) + 1, false)
                """).run()
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)) has no \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Moments written as "2026-11-21T09:30:00.123Z": UTC, to the millisecond.
enum Moment {
    static func string(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Int(ms.quotientAndRemainder(dividingBy: 1000).quotient) - (ms < 0 && ms % 1000 != 0 ? 1 : 0)
        let millis = Int(ms - Int64(seconds) * 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!, millis)
    }

    static func date(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { "-T:.Z".contains($0) }).compactMap { Int($0) }
        guard parts.count == 7, text.count == 24, text.hasSuffix("Z") else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let whole = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts[5])) else { return nil }
        return Date(timeIntervalSince1970: (whole.timeIntervalSince1970 * 1000 + Double(parts[6])).rounded() / 1000)
    }
}

extension Store {
    /// Applications with their stage history, one row each, for a spreadsheet.
    public func exportCSV() async throws -> String {
        let all = try await applications.all().sorted { $0.id < $1.id }
        let events = Dictionary(grouping: try await applications.allEvents(), by: \.applicationID)
        let rejections = Dictionary(try await applications.rejections().map { ($0.applicationID, $0) }, uniquingKeysWith: { a, _ in a })
        var csv = CSVWriter(header: ["id", "company", "role", "location", "url", "source", "salary", "excitement", "applied_on", "stage",
                                    "furthest_stage", "outcome", "last_activity_on", "rejection_category", "rejection_reason", "notes", "history"])
        for a in all {
            let d = a.details
            let history = (events[a.id] ?? []).map { "\($0.on) \($0.summary)" }.joined(separator: "; ")
            let r = rejections[a.id]
            csv.append([String(a.id), d.company, d.role, d.location ?? "", d.url ?? "", d.source?.rawValue ?? "", d.salary ?? "",
                        d.excitement.map(String.init) ?? "", d.appliedOn?.description ?? "", a.stage.rawValue, a.furthestStage.rawValue,
                        a.outcome.rawValue, a.lastActivityOn.description, r?.category.rawValue ?? "", r?.reason ?? "", d.notes ?? "", history])
        }
        return csv.text
    }
}
