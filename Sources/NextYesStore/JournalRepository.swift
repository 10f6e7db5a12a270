import FluentKit
import Foundation
import NextYesCore

/// The private journal: entries, check-ins and the notes from rejections.
public struct JournalRepository: Sendable {
    let db: any Database
    let clock: Clock
    /// A page view's memo: reads shared by the figures on one page.
    var memo: ReadMemo? = nil

    public func add(_ new: NewJournalEntry) async throws -> JournalEntry {
        let row = JournalEntryModel()
        row.writtenOn = new.writtenOn.description
        row.createdAt = Store.storable(clock.now())
        row.kind = new.kind.rawValue
        row.text = new.text
        row.mood = new.mood
        row.emotions = new.emotions
        row.applicationID = new.applicationID
        try await row.create(on: db)
        return try Self.entry(row)
    }

    public func find(_ id: Int) async throws -> JournalEntry {
        guard let row = try await JournalEntryModel.find(id, on: db) else { throw JournalError.notFound(id) }
        return try Self.entry(row)
    }

    /// Entries newest first, optionally from a day on.
    public func entries(since day: Day? = nil, limit: Int? = nil) async throws -> [JournalEntry] {
        try await memo.remembered(.journal(since: day, limit: limit), on: db) { try await readEntries(since: day, limit: limit) }
    }

    private func readEntries(since day: Day?, limit: Int?) async throws -> [JournalEntry] {
        var query = JournalEntryModel.query(on: db)
        if let day { query = query.filter(\.$writtenOn >= day.description) }
        query = query.sort(\.$writtenOn, .descending).sort(\.$createdAt, .descending).sort(\.$id, .descending)
        if let limit { query = query.limit(limit) }
        return try await query.all().map(Self.entry)
    }

    /// Every mood recorded, oldest first.
    public func moods(since day: Day? = nil) async throws -> [(day: Day, mood: Int)] {
        try await entries(since: day).reversed().compactMap { entry in entry.mood.map { (entry.writtenOn, $0) } }
    }

    /// Saves the person's own reframe with an entry.
    public func saveReframe(_ id: Int, _ reframe: String?) async throws -> JournalEntry {
        guard let row = try await JournalEntryModel.find(id, on: db) else { throw JournalError.notFound(id) }
        let clean = Text.clean(reframe)
        if let clean, clean.count > Limits.notes { throw JournalError.reframeTooLong(clean.count) }
        row.ownReframe = clean
        try await row.update(on: db)
        return try Self.entry(row)
    }

    public func delete(_ id: Int) async throws {
        guard let row = try await JournalEntryModel.find(id, on: db) else { throw JournalError.notFound(id) }
        try await row.delete(on: db)
    }

    static func entry(_ row: JournalEntryModel) throws -> JournalEntry {
        let id = row.id ?? 0
        guard let day = Day(row.writtenOn) else {
            throw StoreError.corruptRow(table: JournalEntryModel.schema, id: String(id), detail: "written_on is \"\(row.writtenOn)\"")
        }
        guard let kind = JournalKind(rawValue: row.kind) else {
            throw StoreError.corruptRow(table: JournalEntryModel.schema, id: String(id), detail: "kind is \"\(row.kind)\"")
        }
        return JournalEntry(id: id, writtenOn: day, createdAt: row.createdAt, kind: kind, text: row.text, mood: row.mood,
                            emotions: row.emotions, ownReframe: row.ownReframe, applicationID: row.applicationID)
    }
}

public enum JournalError: Error, Hashable, Sendable, LocalizedError {
    case notFound(Int)
    case reframeTooLong(Int)

    public var errorDescription: String? {
        switch self {
        case .notFound(let id): "There is no journal entry with id \(id)."
        case .reframeTooLong(let count): "Your reframe is \(count) characters; keep it under \(Limits.notes), a sentence or two is plenty."
        }
    }
}
