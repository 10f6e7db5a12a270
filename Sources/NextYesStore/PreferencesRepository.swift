import FluentKit
import SQLKit
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
        try await db.writeTransaction { tx in
            try await set("processing_window_days", String(valid.processingWindowDays), on: tx)
            try await set("ghosted_after_days", String(valid.ghostedAfterDays), on: tx)
            try await set("follow_up_after_days", String(valid.followUpAfterDays), on: tx)
        }
    }

    /// A setting's value, or what it is when never set.
    public func value<Value>(_ setting: Setting<Value>) async throws -> Value {
        setting.read(try await SettingModel.find(setting.key, on: db)?.value)
    }

    public func setValue<Value>(_ value: Value, for setting: Setting<Value>) async throws {
        let text = setting.write(value)
        try await db.writeTransaction { tx in try await set(setting.key, text, on: tx) }
    }

    /// One statement, so two processes saving the same new key at once never collide.
    private func set(_ key: String, _ value: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else {
            throw StoreError.cannotOpen("the database", "it does not speak SQL")
        }
        try await sql.insert(into: SettingModel.schema).columns("key", "value").values(SQLBind(key), SQLBind(value))
            .onConflict(with: ["key"]) { $0.set(excludedValueOf: "value") }.run()
    }
}
