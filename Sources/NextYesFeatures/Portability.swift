import Foundation
import NextYesCore
import NextYesInsights
import NextYesStore

/// The career report.
public struct Reports: Sendable {
    let store: Store

    /// The report for a period; by default from the first application to today.
    public func career(from: Day? = nil, to: Day? = nil) async throws -> CareerReport {
        if let from, let to, from > to {
            throw ValidationErrors([FieldError("from", "The period starts (\(from)) after it ends (\(to)). Swap the two days.")])
        }
        // A report covers a search, not centuries: a longer period is almost surely a typing slip.
        let end = to ?? store.clock.today
        if let from, from.dayNumber < end.dayNumber - Self.longestPeriodDays {
            throw ValidationErrors([FieldError("from", "A report covers at most 20 years; \(from) to \(end) is longer. Check the years.")])
        }
        if let to, let from, to.dayNumber - from.dayNumber > Self.longestPeriodDays {
            throw ValidationErrors([FieldError("to", "A report covers at most 20 years. Check the years.")])
        }
        return try await store.remembered(derived: "career-report \(from?.description ?? "start") \(to?.description ?? "today") on \(store.clock.today)") {
            try await store.careerReport(from: from, to: to)
        }
    }

    /// The longest period a report covers: 20 years.
    public static let longestPeriodDays = 20 * 366

    /// Whether the report includes the mood trend (off by default).
    public func includesWellbeing() async throws -> Bool {
        try await store.preferences.value(SettingKey.reportWellbeing)
    }

    public func setIncludesWellbeing(_ on: Bool) async throws {
        try await store.preferences.setValue(on, for: SettingKey.reportWellbeing)
    }
}

/// Everything in and out: spreadsheet imports, backups and restores, CSV export.
public struct Portability: Sendable {
    let store: Store

    /// What importing the file would do; nothing is saved.
    public func preview(_ url: URL, options: ImportOptions) async throws -> ImportPreview {
        try await Importer(store: store).preview(url, options: options)
    }

    /// Imports the file in one go.
    public func importFile(_ url: URL, options: ImportOptions, progress: @escaping @Sendable (Double) -> Void = { _ in }) async throws -> (ImportPreview, ImportResult) {
        let result = try await Importer(store: store).run(url, options: options, progress: progress)
        // The postings are read once, as they are saved.
        if result.1.imported > 0 { try await SkillReadings(store: store).readNew() }
        return result
    }

    /// A full backup as JSON.
    public func export() async throws -> Data {
        try await store.backup.export()
    }

    /// Applications with their stage history, one row each.
    public func exportCSV() async throws -> String {
        try await store.exportCSV()
    }

    /// Checks a backup file without a database: every problem, by table and row.
    public static func check(_ data: Data) throws {
        try BackupRepository.check(data)
    }

    /// Brings a backup into an empty database.
    public func restore(_ data: Data) async throws -> RestoreSummary {
        let summary = try await store.backup.restore(data)
        try await SkillReadings(store: store).readNew()
        return summary
    }
}

/// The sample search, to explore NextYes before adding anything.
public struct Sample: Sendable {
    let store: Store

    /// Loads the sample; refuses a database that already holds applications unless forced.
    public func load(force: Bool = false) async throws -> Int {
        try await DemoSearch.load(into: store, force: force)
    }

    public func applicationIDs() async throws -> [Int] {
        try await DemoSearch.sampleIDs(in: store)
    }

    /// Takes the sample out again; returns how many applications went.
    @discardableResult
    public func remove() async throws -> Int {
        try await DemoSearch.remove(from: store)
    }
}

/// The person's settings: the timing preferences and the typed settings beside them.
public struct Settings: Sendable {
    let store: Store

    public func preferences() async throws -> Preferences {
        try await store.preferences.load()
    }

    public func save(_ preferences: Preferences) async throws {
        try await store.preferences.save(preferences)
    }

    /// The name that signs drafted e-mails.
    public func displayName() async throws -> String? {
        try await store.preferences.value(SettingKey.displayName)
    }

    public func setDisplayName(_ name: String?) async throws {
        try await store.preferences.setValue(name, for: SettingKey.displayName)
    }

    /// The person's own helpline, shown first on the support card.
    public func helpline() async throws -> String? {
        try await store.preferences.value(SettingKey.helpline)
    }

    /// Saves the helpline (empty removes it); a name and a number, up to the length of a name.
    public func setHelpline(_ raw: String?) async throws {
        try Self.checkHelpline(raw)
        try await store.preferences.setValue(Text.cleanLine(raw), for: SettingKey.helpline)
    }

    public static func checkHelpline(_ raw: String?) throws {
        if let clean = Text.cleanLine(raw), clean.count > Limits.name {
            throw ValidationErrors([FieldError("helpline", "Keep the helpline under \(Limits.name) characters: a name and a number is enough.")])
        }
    }
}

/// Signed-in browser sessions, kept in the database.
public struct SignIns: Sendable {
    let store: Store

    public func entry(idHash: String) async throws -> (data: String, expiresAt: Date)? {
        try await store.sessions.entry(idHash: idHash)
    }

    public func save(idHash: String, data: String, expiresAt: Date) async throws {
        try await store.sessions.save(idHash: idHash, data: data, expiresAt: expiresAt)
    }

    public func delete(idHash: String) async throws {
        try await store.sessions.delete(idHash: idHash)
    }

    @discardableResult
    public func removeExpired() async throws -> Int {
        try await store.sessions.removeExpired()
    }
}
