import FluentKit
import SQLKit

/// On SQLite, a version for each table a server keeps reads of: triggers count every row
/// inserted, changed or deleted in it, however it is written (the web app, the command line, an
/// import, a restore). A server keeps what it read of a table for as long as that table's version
/// is the same, whichever connection asks: a change to one application's notes no longer makes
/// the contacts, the journal or the timelines be read again. PostgreSQL keeps nothing between
/// page views, so it has no versions.
struct AddTableVersions: AsyncMigration {
    /// The tables with a version (every table of the person's data; not the sign-in sessions).
    static let tables = [
        "applications", "application_events", "rejections", "settings", "contacts", "application_contacts",
        "feedback_requests", "feedback", "reflections", "interactions", "interview_rounds", "interview_interviewers",
        "weekly_targets", "stories", "practice_sessions", "agenda_done", "journal_entries", "wins", "profile_skills",
        "plan_goals", "skill_hours",
    ]

    static let events = ["INSERT", "UPDATE", "DELETE"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("CREATE TABLE table_versions (name TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL)").run()
        for table in Self.tables { try await Self.track(table, on: sql) }
    }

    /// Gives a table a version and the triggers that raise it (SQLite only; a migration that
    /// creates a table of the person's data calls this).
    static func track(_ table: String, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("INSERT INTO table_versions (name, version) VALUES (\(bind: table), 0)").run()
        for event in Self.events {
            try await sql.raw(SQLQueryString(stringLiteral: """
                CREATE TRIGGER \(table)_version_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN
                    UPDATE table_versions SET version = version + 1 WHERE name = '\(table)';
                END
                """)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else { return }
        for table in Self.tables {
            for event in Self.events {
                try await sql.raw(SQLQueryString(stringLiteral: "DROP TRIGGER IF EXISTS \(table)_version_\(event.lowercased())")).run()
            }
        }
        try await sql.raw("DROP TABLE IF EXISTS table_versions").run()
    }
}

/// Indexes that let the reads after a change skip the job descriptions: the applications with a
/// description (by the reader that read them), and on SQLite the saved readings in the
/// applications' order and the ids with their revisions, each read from its index alone.
struct AddReadingIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX applications_described ON applications (skill_reader, id) WHERE job_description IS NOT NULL").run()
        guard sql.dialect.name == "sqlite" else { return }
        // PostgreSQL limits an index entry's size, and a long posting's reading could pass it.
        try await sql.raw("CREATE INDEX applications_readings ON applications (skill_reader, last_activity_on, id, skill_reading) WHERE skill_reading IS NOT NULL").run()
        try await sql.raw("CREATE INDEX applications_revisions ON applications (last_activity_on, id, revision)").run()
        try await sql.raw("DROP INDEX applications_activity").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX applications_described").run()
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("CREATE INDEX applications_activity ON applications (last_activity_on, id)").run()
        try await sql.raw("DROP INDEX applications_revisions").run()
        try await sql.raw("DROP INDEX applications_readings").run()
    }
}

/// The job e-mails NextYes has read and used, by their Message-ID, so reading the same mailbox
/// again changes nothing. Only the ID, the kind and the application are kept, not the mail.
struct CreateMailMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mail_messages")
            .field("id", .int, .identifier(auto: true))
            .field("message_id", .string, .required)
            .field("application_id", .int)
            .field("kind", .string, .required)
            .field("received_on", .string)
            .field("recorded_at", .datetime, .required)
            .unique(on: "message_id")
            .create()
        try await AddTableVersions.track("mail_messages", on: database as! any SQLDatabase)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            for event in AddTableVersions.events {
                try await sql.raw(SQLQueryString(stringLiteral: "DROP TRIGGER IF EXISTS mail_messages_version_\(event.lowercased())")).run()
            }
            try await sql.raw("DELETE FROM table_versions WHERE name = 'mail_messages'").run()
        }
        try await database.schema("mail_messages").delete()
    }
}
