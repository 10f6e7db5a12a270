import FluentKit
import NextYesCore

/// The person's settings, kept as key/value rows so new settings need no migration.
public struct PreferencesRepository: Sendable {
    let db: any Database

    public func load() async throws -> Preferences {
        let rows = try await SettingModel.query(on: db).all()
        var values: [String: String] = [:]
        for row in rows { if let key = row.id { values[key] = row.value } }
        var preferences = Preferences.standard
        if let text = values["processing_window_days"], let days = Int(text) { preferences.processingWindowDays = days }
        if let text = values["ghosted_after_days"], let days = Int(text) { preferences.ghostedAfterDays = days }
        if let text = values["follow_up_after_days"], let days = Int(text) { preferences.followUpAfterDays = days }
        return preferences
    }

    public func save(_ preferences: Preferences) async throws {
        let valid = try preferences.validated()
        try await db.transaction { tx in
            try await set("processing_window_days", String(valid.processingWindowDays), on: tx)
            try await set("ghosted_after_days", String(valid.ghostedAfterDays), on: tx)
            try await set("follow_up_after_days", String(valid.followUpAfterDays), on: tx)
        }
    }

    /// A free-form value (tokens, flags) stored by key.
    public func value(_ key: String) async throws -> String? {
        try await SettingModel.find(key, on: db)?.value
    }

    public func setValue(_ value: String, for key: String) async throws {
        try await set(key, value, on: db)
    }

    private func set(_ key: String, _ value: String, on db: any Database) async throws {
        if let existing = try await SettingModel.find(key, on: db) {
            existing.value = value
            try await existing.update(on: db)
        } else {
            try await SettingModel(key: key, value: value).create(on: db)
        }
    }
}
