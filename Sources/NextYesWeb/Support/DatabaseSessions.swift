import Foundation
import NextYesFeatures
import NextYesStore
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

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard let json = try await request.store.sessions.read(idHash: Self.hash(sessionID)) else { return nil }
        let values = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        return SessionData(initialData: values)
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        try await save(sessionID, data, request)
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await request.store.sessions.delete(idHash: Self.hash(sessionID))
    }

    private func save(_ id: SessionID, _ data: SessionData, _ request: Request) async throws {
        let json = String(decoding: try JSONEncoder().encode(data.snapshot), as: UTF8.self)
        try await request.store.sessions.save(idHash: Self.hash(id), data: json,
                                              expiresAt: request.clock.now().addingTimeInterval(Self.lifetime))
    }

    static func hash(_ id: SessionID) -> String {
        SHA256.hash(data: Data(id.string.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
