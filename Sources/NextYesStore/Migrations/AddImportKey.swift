import FluentKit
import SQLKit

/// Where an imported application came from ("huntr:621a7c…", "teal:9b2f…"), so importing the same
/// file again skips what is already here.
struct AddImportKey: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications").field("import_key", .string).update()
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX applications_import_key ON applications (import_key)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").deleteField("import_key").update()
    }
}
