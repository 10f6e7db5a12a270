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
