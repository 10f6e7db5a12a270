import FluentKit
import Foundation
import NextYesCore

/// One reflection per application, saved as the person writes it.
public struct ReflectionRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil

    public func reflection(for applicationID: Int) async throws -> Reflection? {
        try await ReflectionModel.query(on: db).filter(\.$applicationID == applicationID).first().map(Self.reflection)
    }

    public func all() async throws -> [Reflection] {
        try await memo.remembered(.reflections, on: db) { try await readAll() }
    }

    private func readAll() async throws -> [Reflection] {
        try await ReflectionModel.query(on: db).sort(\.$applicationID).all().map(Self.reflection)
    }

    /// Saves (or replaces) the reflection for its application.
    public func save(_ reflection: Reflection) async throws {
        try await db.writeTransaction { tx in
            let row = try await ReflectionModel.query(on: tx).filter(\.$applicationID == reflection.applicationID).first() ?? ReflectionModel()
            row.applicationID = reflection.applicationID
            row.understoodRole = reflection.understoodRole
            row.lessConfident = reflection.lessConfident
            row.strengthen = reflection.strengthen
            row.wentWell = reflection.wentWell
            row.ratings = Self.encode(reflection.ratings)
            row.checklist = Self.encode(reflection.checklist.map(\.rawValue).sorted())
            row.updatedAt = Store.storable(reflection.updatedAt)
            try await row.save(on: tx)
        }
    }

    struct StoredRating: Codable {
        var score: Int
        var note: String?
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func encode(_ ratings: [InterviewPart: PartRating]) -> String {
        encode(Dictionary(uniqueKeysWithValues: ratings.map { ($0.key.rawValue, StoredRating(score: $0.value.score, note: $0.value.note)) }))
    }

    static func reflection(_ row: ReflectionModel) throws -> Reflection {
        let decoder = JSONDecoder()
        let corrupt = StoreError.corruptRow(table: ReflectionModel.schema, id: String(row.id ?? 0), detail: "ratings or checklist is not valid JSON")
        guard let stored = try? decoder.decode([String: StoredRating].self, from: Data(row.ratings.utf8)),
              let checks = try? decoder.decode([String].self, from: Data(row.checklist.utf8)) else { throw corrupt }
        var ratings: [InterviewPart: PartRating] = [:]
        for (key, value) in stored {
            guard let part = InterviewPart(rawValue: key) else { throw corrupt }
            ratings[part] = PartRating(score: value.score, note: value.note)
        }
        return Reflection(
            applicationID: row.applicationID, understoodRole: row.understoodRole, lessConfident: row.lessConfident,
            strengthen: row.strengthen, wentWell: row.wentWell, ratings: ratings,
            checklist: Set(checks.compactMap(MaterialsCheck.init(rawValue:))), updatedAt: row.updatedAt)
    }
}
