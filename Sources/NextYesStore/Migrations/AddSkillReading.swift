import FluentKit
import SQLKit

/// What the skills reader found in each job description, saved with the reader's version, so a
/// page never reads ten thousand postings again; a new reader (or taxonomy) re-reads the old ones.
/// Plain columns, outside the Fluent model: backups leave them out and they are read again.
struct AddSkillReading: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE applications ADD COLUMN skill_reading TEXT").run()
        try await sql.raw("ALTER TABLE applications ADD COLUMN skill_reader BIGINT").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").deleteField("skill_reading").deleteField("skill_reader").update()
    }
}

/// The applications table's default order (latest news first), so a page of it never sorts the
/// whole table.
struct AddActivityIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("CREATE INDEX applications_activity ON applications (last_activity_on, id)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX applications_activity").run()
    }
}

/// What the feedback reader found in each piece of feedback (themes, reasons, whether it is
/// boilerplate), saved with the reader's version when the feedback is saved; a new reader reads
/// old feedback again. Plain columns outside the Fluent model, like the postings' readings.
struct AddFeedbackReading: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE feedback ADD COLUMN reading TEXT").run()
        try await sql.raw("ALTER TABLE feedback ADD COLUMN reader BIGINT").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("feedback").deleteField("reading").deleteField("reader").update()
    }
}

/// On SQLite, a revision on every application that changes whenever the row does, however it is
/// written (the web app, the command line, an import, a restore): the triggers give each inserted
/// or changed row the next number of one counter, so an (id, revision) pair names one version of
/// one row, and a long-running server re-reads only the rows whose revision moved. PostgreSQL
/// keeps nothing between page views, so it has no revisions.
struct AddApplicationRevisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("CREATE TABLE revision_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)").run()
        try await sql.raw("INSERT INTO revision_counter (id, value) VALUES (1, 0)").run()
        try await sql.raw("ALTER TABLE applications ADD COLUMN revision INTEGER NOT NULL DEFAULT 0").run()
        for (name, event, guardClause) in [("applications_revision_insert", "INSERT", ""),
                                           ("applications_revision_update", "UPDATE", " WHEN NEW.revision = OLD.revision")] {
            try await sql.raw(SQLQueryString(stringLiteral: """
                CREATE TRIGGER \(name) AFTER \(event) ON applications\(guardClause) BEGIN
                    UPDATE revision_counter SET value = value + 1 WHERE id = 1;
                    UPDATE applications SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = NEW.id;
                END
                """)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("DROP TRIGGER IF EXISTS applications_revision_insert").run()
        try await sql.raw("DROP TRIGGER IF EXISTS applications_revision_update").run()
        try await sql.raw("DROP TABLE IF EXISTS revision_counter").run()
        try await sql.raw("ALTER TABLE applications DROP COLUMN revision").run()
    }
}
