import FluentKit
import Foundation
import NextYesCore

/// Wins: recorded automatically from events (once each) or by hand.
public struct WinRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil

    @discardableResult
    public func add(_ win: NewWin) async throws -> Win? {
        try await Self.insertIfNew(win, on: db)
    }

    public func all() async throws -> [Win] {
        try await memo.remembered(.wins, on: db) { try await readAll() }
    }

    private func readAll() async throws -> [Win] {
        try await WinModel.query(on: db).sort(\.$on, .descending).sort(\.$id, .descending).all().map(Self.win)
    }

    public func wins(for applicationID: Int) async throws -> [Win] {
        try await WinModel.query(on: db).filter(\.$applicationID == applicationID).sort(\.$on).sort(\.$id).all().map(Self.win)
    }

    public func delete(_ id: Int) async throws {
        try await WinModel.query(on: db).filter(\.$id == id).delete()
    }

    /// Inserts a win unless one with the same source key exists; returns it when inserted.
    @discardableResult
    static func insertIfNew(_ win: NewWin, on db: any Database) async throws -> Win? {
        if let key = win.sourceKey, try await WinModel.query(on: db).filter(\.$sourceKey == key).first() != nil {
            return nil
        }
        let row = WinModel()
        row.on = win.on.description
        row.kind = win.kind.rawValue
        row.title = win.title
        row.detail = win.detail
        row.applicationID = win.applicationID
        row.sourceKey = win.sourceKey
        try await row.create(on: db)
        return try Self.win(row)
    }

    static func win(_ row: WinModel) throws -> Win {
        let id = row.id ?? 0
        guard let day = Day(row.on), let kind = WinKind(rawValue: row.kind) else {
            throw StoreError.corruptRow(table: WinModel.schema, id: String(id), detail: "on or kind is not readable")
        }
        return Win(id: id, on: day, kind: kind, title: row.title, detail: row.detail, applicationID: row.applicationID, sourceKey: row.sourceKey)
    }
}
