import FluentKit
import Foundation
import NextYesCore
import SQLKit

/// Coaches' notes on the person's plan goals.
public struct CoachNoteRepository: Sendable {
    let db: any Database
    let clock: Clock

    var sql: any SQLDatabase { db as! any SQLDatabase }

    struct Row: Decodable {
        let id: Int
        let goal_id: Int
        let coach_name: String
        let coach_email: String
        let text: String
        let created_at: Date
    }

    public func add(goalID: Int, coachName: String, coachEmail: String, text: String) async throws -> CoachNote {
        let now = Store.storable(clock.now())
        try await db.writeTransaction { tx in
            try await (tx as! any SQLDatabase).raw("""
                INSERT INTO coach_notes (goal_id, coach_name, coach_email, text, created_at)
                VALUES (\(bind: goalID), \(bind: coachName), \(bind: coachEmail), \(bind: text), \(bind: now))
                """).run()
        }
        return try await all().last { $0.goalID == goalID }!
    }

    /// Every note, oldest first.
    public func all() async throws -> [CoachNote] {
        try await sql.raw("SELECT id, goal_id, coach_name, coach_email, text, created_at FROM coach_notes ORDER BY created_at, id")
            .all(decoding: Row.self)
            .map { CoachNote(id: $0.id, goalID: $0.goal_id, coachName: $0.coach_name, coachEmail: $0.coach_email, text: $0.text, createdAt: $0.created_at) }
    }
}
