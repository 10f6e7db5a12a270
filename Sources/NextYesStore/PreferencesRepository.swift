import FluentKit
import SQLKit
import NextYesCore

/// The person's settings, kept as key/value rows so new settings need no migration.
public struct PreferencesRepository: Sendable {
    let db: any Database
    var memo: ReadMemo? = nil

    /// Every setting by key, in one query (once per page view).
    func all() async throws -> [String: String] {
        let load: () async throws -> [String: String] = {
            guard let sql = db as? any SQLDatabase else { return [:] }
            struct Row: Decodable { var key: String; var value: String }
            let rows = try await sql.select().column("key").column("value").from(SettingModel.schema).all(decoding: Row.self)
            return Dictionary(rows.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        guard let memo else { return try await load() }
        return try await memo.remembered(.settings, on: db, load)
    }

    public func load() async throws -> Preferences {
        let values = try await all()
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
        memo?.forget(.settings)
    }

    /// A setting's value, or what it is when never set.
    public func value<Value>(_ setting: Setting<Value>) async throws -> Value {
        setting.read(try await all()[setting.key])
    }

    public func setValue<Value>(_ value: Value, for setting: Setting<Value>) async throws {
        let text = setting.write(value)
        try await db.writeTransaction { tx in try await set(setting.key, text, on: tx) }
        memo?.forget(.settings)
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
