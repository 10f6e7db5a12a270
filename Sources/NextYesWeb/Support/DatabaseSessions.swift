import Foundation
import NextYesFeatures
import Vapor

/// Browser sessions kept in the database: they expire after a day without use, survive a restart,
/// and can be shared by several app servers. The database holds only a SHA-256 of each id, so
/// reading the database does not give anyone a way in.
struct DatabaseSessions: AsyncSessionDriver {
    /// A session lasts this long after its last use.
    static let lifetime: TimeInterval = 24 * 3600

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = SessionID(string: WebContext.makeToken())
        try await save(id, data, request)
        return id
    }

    /// What was read at the start of the request, so an unchanged session isn't written again.
    struct Loaded: StorageKey { typealias Value = (data: [String: String], expiresAt: Date) }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard let entry = try await request.signIns.entry(idHash: Self.hash(sessionID)) else { return nil }
        let values = try JSONDecoder().decode([String: String].self, from: Data(entry.data.utf8))
        request.storage[Loaded.self] = (values, entry.expiresAt)
        return SessionData(initialData: values)
    }

    /// Writes only what changed, or to extend a session in its second half; a write that meets a
    /// busy database is skipped (the session is still valid), so no page waits on it.
    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        if let loaded = request.storage[Loaded.self], loaded.data == data.snapshot,
           loaded.expiresAt > request.clock.now().addingTimeInterval(Self.lifetime / 2) {
            return sessionID
        }
        do {
            try await save(sessionID, data, request)
        } catch StoreError.databaseBusy {
            request.logger.warning("A session could not be saved: the database is busy.")
        }
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await request.signIns.delete(idHash: Self.hash(sessionID))
    }

    private func save(_ id: SessionID, _ data: SessionData, _ request: Request) async throws {
        let json = String(decoding: try JSONEncoder().encode(data.snapshot), as: UTF8.self)
        try await request.signIns.save(idHash: Self.hash(id), data: json,
                                              expiresAt: request.clock.now().addingTimeInterval(Self.lifetime))
    }

    static func hash(_ id: SessionID) -> String {
        Fast.hex(SHA256.hash(data: Data(id.string.utf8)))
    }
}
