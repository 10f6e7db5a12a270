import ArgumentParser
import NextYesCore
import NextYesFeatures

struct DemoCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill a database with a realistic sample search to explore.",
        discussion: """
            Adds about 25 applications over the last three months, with rejections at several \
            stages and for several reasons. It refuses a database that already holds \
            applications, so sample data never mixes into your real search; use a separate file.

            Examples:
              nextyes demo --database /tmp/nextyes-demo.sqlite
              nextyes serve --database /tmp/nextyes-demo.sqlite
              nextyes demo --remove
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Add the sample even though the database already holds applications.") var force = false
    @Flag(help: "Remove the sample applications again (your own are kept).") var remove = false

    func run(workspace: Workspace) async throws {
        if remove {
            let removed = try await workspace.sample.remove()
            Console.out(removed == 0 ? "There was no sample data to remove." : "Removed the \(removed) sample applications. Everything you added yourself is still here.")
            return
        }
        do {
            let count = try await workspace.sample.load(force: force)
            Console.out("Added a sample search of \(count) applications to \(try global.location). Open it with: nextyes serve\(global.database.map { " --database \($0)" } ?? "")")
        } catch StoreError.notEmpty(let existing) {
            Console.error("""
                nextyes: This database already holds \(existing) application\(existing == 1 ? "" : "s"), so NextYes left it as it is.
                Try the sample in its own file: nextyes demo --database /tmp/nextyes-demo.sqlite
                (or pass --force to add it here anyway).
                """)
            throw ExitCode.failure
        }
    }
}
