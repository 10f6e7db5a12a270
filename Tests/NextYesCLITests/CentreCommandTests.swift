import Foundation
import Testing

/// A career centre tried on one machine: an SQLite file made a centre's with --accounts.
@Suite("Career centre on an SQLite file (--accounts)")
struct CentreCommandTests {
    @Test func anSQLiteFileBecomesACentreOnlyWhenAskedAndKeepsPeopleApart() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let centre = cli.folder.appendingPathComponent("centre.sqlite").path
        func run(_ arguments: [String], input: String? = nil) throws -> CLI.Result {
            try cli.run(arguments + ["--database", centre], input: input)
        }
        // Without --accounts nothing is made, and the message says how to start one.
        let refused = try run(["migrate"])
        #expect(refused.code != 0 && refused.err.contains("nextyes migrate --accounts"))
        #expect(!FileManager.default.fileExists(atPath: centre))
        #expect(try run(["accounts", "list"]).err.contains("nextyes migrate --accounts"))

        let made = try run(["migrate", "--accounts"])
        #expect(made.code == 0 && made.out.contains("ready"), "\(made.err)")
        #expect(try run(["accounts", "add", "--email", "ana@uni.example", "--name", "Ana"]).out.contains("/link/nyl_"))
        #expect(try run(["accounts", "add", "--email", "ben@uni.example", "--name", "Ben"]).code == 0)
        #expect(try run(["accounts", "add", "--email", "cy@uni.example", "--name", "Cy", "--role", "coach", "--password-stdin"],
                        input: "a long coach password").code == 0)

        // Data commands need the person, and each person sees only their own.
        let nobody = try run(["list"])
        #expect(nobody.code != 0 && nobody.err.contains("--account"))
        #expect(try run(["add", "--account", "ana@uni.example", "--company", "Quorvexa", "--role", "Analyst"]).code == 0)
        #expect(try run(["list", "--account", "ana@uni.example"]).out.contains("Quorvexa"))
        let bens = try run(["list", "--account", "ben@uni.example"])
        #expect(bens.code == 0 && !bens.out.contains("Quorvexa"))
        #expect(try run(["list", "--account", "cy@uni.example"]).code != 0)

        // Each seeker's NextYes is a file of its own beside the centre's, private to its owner.
        let people = centre + ".people"
        let files = try FileManager.default.contentsOfDirectory(atPath: people).filter { $0.hasSuffix(".sqlite") }
        #expect(files.count == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: people)[.posixPermissions] as? Int
        #expect(mode == 0o700)

        // Sharing works as on PostgreSQL; the coaches are listed to pick from, and only they.
        let coaches = try run(["sharing", "coaches", "--account", "ana@uni.example"])
        #expect(coaches.code == 0 && coaches.out.contains("Cy <cy@uni.example>") && !coaches.out.contains("ben@"), "\(coaches.err)")
        let shared = try run(["sharing", "grant", "--account", "ana@uni.example", "--coach", "cy@uni.example", "--scope", "report"])
        #expect(shared.code == 0 && shared.out.contains("Cy can now see your report"), "\(shared.err)")

        // Renaming; a command that says nothing to change is refused.
        #expect(try run(["accounts", "edit", "--email", "ana@uni.example", "--name", "Ana Diaz"]).out.contains("Saved: Ana Diaz <ana@uni.example>."))
        #expect(try run(["accounts", "edit", "--email", "ana@uni.example"]).err.contains("Say what to change"))

        // Someone not locked out needs no unlocking.
        #expect(try run(["accounts", "unlock", "--email", "ana@uni.example"]).out.contains("wasn't locked"))

        // Migrating again changes nothing and loses nothing.
        #expect(try run(["migrate"]).out.contains("2 seekers'"))
        #expect(try run(["list", "--account", "ana@uni.example"]).out.contains("Quorvexa"))

        // Deleting asks for --yes first, then removes the account and the person's file.
        let asked = try run(["accounts", "delete", "--email", "ben@uni.example"])
        #expect(asked.code != 0 && asked.err.contains("add --yes") && asked.err.contains("Nothing was deleted"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: people).filter { $0.hasSuffix(".sqlite") }.count == 2)
        #expect(try run(["accounts", "delete", "--email", "ben@uni.example", "--yes"]).out.contains("Deleted ben@uni.example"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: people).filter { $0.hasSuffix(".sqlite") }.count == 1)
        #expect(!(try run(["accounts", "list"]).out.contains("ben@")))
        #expect(try run(["list", "--account", "ana@uni.example"]).out.contains("Quorvexa"))
    }

    @Test func aPersonalNextYesIsNeverMadeACentre() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["add", "--company", "Quorvexa", "--role", "Analyst"]).code == 0)
        let refused = try cli.run(["migrate", "--accounts"])
        #expect(refused.code != 0 && refused.err.contains("already holds a personal NextYes"))
        #expect(try cli.run(["accounts", "list"]).err.contains("A personal NextYes has no accounts"))
        #expect(try cli.run(["list"]).out.contains("Quorvexa"))
    }
}
