import ArgumentParser
import Foundation
import NextYesCore
import NextYesFeatures
import NextYesWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the web app and print the link to open it.",
        discussion: """
            The app listens on 127.0.0.1 (this machine only) and lets a browser in only with the \
            login token in the printed link, because your journal and rejections are private. \
            Stop it with Ctrl-C.

            Examples:
              nextyes serve
              nextyes serve --port 8090 --database /tmp/nextyes-demo.sqlite

            On a career centre's PostgreSQL database (set up with `nextyes migrate`), people sign \
            in with their e-mail and password instead, and any number of servers can share the \
            database:
              DATABASE_URL=postgres://… nextyes serve --host 0.0.0.0 --port 8080

            To try a career centre on this machine without PostgreSQL, serve a new SQLite file \
            with --accounts (it is set up as `nextyes migrate --accounts` would), then add people:
              nextyes serve --accounts --database centre.sqlite
              nextyes accounts add --database centre.sqlite --email you@example.org --name "Your Name" --role admin
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on. Anything but 127.0.0.1/localhost makes your data reachable from other machines.")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).") var port = 8080
    @Flag(help: "Start a personal NextYes in an empty PostgreSQL database (without it, an empty one must first be set up for a centre with `nextyes migrate`).")
    var personal = false
    @Flag(help: "Serve an SQLite file as a career centre, with accounts, setting it up first if it is new.")
    var accounts = false

    mutating func run() async throws {
        let options = self
        try await Console.reportingErrors {
            guard (0...65535).contains(options.port) else {
                throw ValidationErrors([FieldError("port", "The port is a number from 1 to 65535; 8080 is the usual choice.")])
            }
            if !WebServer.isLoopback(options.host) {
                Console.error("""
                    Warning: listening on \(options.host) lets other machines on the network reach NextYes. \
                    The login token still guards it, but traffic is not encrypted. Use 127.0.0.1 unless you mean it.
                    """)
            }
            let location = try options.global.location
            if options.accounts {
                guard case .sqliteFile = location else {
                    throw ValidationErrors([FieldError("accounts", "--accounts is for an SQLite file. A centre on PostgreSQL is set up with `nextyes migrate`, then served without the flag.")])
                }
                let connection = try await WorkspaceConnection.open(location, migrate: false)
                do {
                    _ = try await connection.migrateCentre()
                } catch {
                    await connection.close()
                    throw error
                }
                await connection.close()
            }
            let server = WebServer(location: location, personalOnPostgres: options.personal)
            try await server.run(host: options.host, port: options.port) { url in
                if url.hasSuffix("/login") {
                    Console.out("NextYes is running for a career centre. People sign in at:\n\n    \(url)\n")
                    Console.out("Add accounts with `nextyes accounts add\(options.global.databaseHint)\(String(url.dropLast("/login".count)) == "http://127.0.0.1:8080" ? "" : " --site " + String(url.dropLast("/login".count)))`; each gets a one-time link to choose a password.")
                    if case .sqliteFile(let path) = location {
                        Console.out("This centre is the SQLite file \(path), with each seeker's NextYes in the folder beside it (\(path).people), for trying NextYes on this machine; a centre's people are best served from PostgreSQL.")
                    }
                } else {
                    Console.out("NextYes is running. Open this link in your browser to log in:\n\n    \(url)\n")
                }
                Console.out("Database: \(location)   Stop with Ctrl-C.")
            }
        }
    }
}
