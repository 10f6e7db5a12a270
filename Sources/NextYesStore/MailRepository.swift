import FluentKit
import Foundation
import NextYesCore
import SQLKit

/// The job e-mails already used, by Message-ID.
public struct MailRepository: Sendable {
    let db: any Database
    let clock: Clock

    private var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw StoreError.cannotOpen("the database", "it does not speak SQL") }
            return sql
        }
    }

    /// Which of these Message-IDs were used before.
    public func known(_ ids: [String]) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        struct Row: Decodable { var message_id: String }
        var found: Set<String> = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let rows = try await sql.select().column("message_id").from("mail_messages").where("message_id", .in, SQLBind.group(chunk)).all(decoding: Row.self)
            found.formUnion(rows.map(\.message_id))
        }
        return found
    }

    /// Remembers a used e-mail (once: the same Message-ID again is ignored).
    public func record(messageID: String, applicationID: Int?, kind: String, receivedOn: Day?) async throws {
        guard try await known([messageID]).isEmpty else { return }
        let row = MailMessageModel()
        row.messageID = messageID
        row.applicationID = applicationID
        row.kind = kind
        row.receivedOn = receivedOn?.description
        row.recordedAt = Store.storable(clock.now())
        try await row.create(on: db)
    }
}
