import ArgumentParser
import Foundation
import NextYesCore
import NextYesFeatures

/// A command on a career centre's database: opens it, checks it is a centre's, runs, closes it.
protocol CentreCommand: AsyncParsableCommand {
    var global: GlobalOptions { get }
    func run(centre: Centre) async throws
}

extension CentreCommand {
    mutating func run() async throws {
        let command = self
        try await Console.reportingErrors {
            let location = try command.global.location
            // A missing SQLite file is not made just to say it holds no centre.
            if case .sqliteFile(let path) = location, !FileManager.default.fileExists(atPath: path) { throw CentreError.noCentreAt(path) }
            let connection = try await WorkspaceConnection.open(location, migrate: false)
            do {
                guard let centre = try await connection.centre() else {
                    throw location.isPostgres ? CentreError.notCentre : CentreError.needsPostgres
                }
                try await command.run(centre: centre)
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        }
    }
}

/// Where people open the centre's NextYes, for the sign-in links the commands print.
struct SiteOption: ParsableArguments {
    @Option(help: ArgumentHelp("The centre's NextYes address, for sign-in links (default: $NEXTYES_SITE_URL, else http://127.0.0.1:8080).", valueName: "url"))
    var site: String?

    func link(_ token: String) -> String {
        let base = site ?? ProcessInfo.processInfo.environment["NEXTYES_SITE_URL"] ?? "http://127.0.0.1:8080"
        return (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/link/" + token
    }

    /// Said under a link when no address was given, since the default is only a guess.
    var guessNote: String {
        site != nil || ProcessInfo.processInfo.environment["NEXTYES_SITE_URL"].map({ !$0.isEmpty }) == true ? ""
            : "\nThis link assumes NextYes is open at http://127.0.0.1:8080. If people open it elsewhere, give that address with --site URL or NEXTYES_SITE_URL."
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Set up or update a career centre's database (PostgreSQL, or an SQLite file with --accounts).",
        discussion: """
            Creates the centre's tables (accounts, sessions, sharing) and brings every person's own \
            schema up to date, under a database lock, so any number of servers can start together. \
            Run it once before the first `nextyes serve` and after each upgrade; a centre's servers \
            don't change the schema on their own.

            Example:
              DATABASE_URL=postgres://nextyes@db.example.org/nextyes nextyes migrate

            To try a centre on one machine without PostgreSQL, make a new SQLite file one with \
            --accounts: the centre's tables go in the file, and each seeker's NextYes in a file of \
            its own in the folder beside it (centre.sqlite.people). A file that already holds a \
            personal NextYes stays one.
              nextyes migrate --accounts --database centre.sqlite
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Make an SQLite file a career centre's, with accounts (PostgreSQL needs no flag).")
    var accounts = false

    mutating func run() async throws {
        let options = self
        try await Console.reportingErrors {
            let location = try options.global.location
            if case .sqliteFile(let path) = location, !options.accounts, !FileManager.default.fileExists(atPath: path) {
                throw CentreError.noCentreAt(path)
            }
            let connection = try await WorkspaceConnection.open(location, migrate: false)
            do {
                // Without --accounts, an SQLite file is migrated only when it already is a centre's.
                if !location.isPostgres, !options.accounts, try await connection.centre() == nil { throw CentreError.needsPostgres }
                let people = try await connection.migrateCentre()
                Console.out("The centre's database is ready and up to date, with \(people) \(people == 1 ? "seeker's" : "seekers'") data. Add people with: nextyes accounts add\(options.global.databaseHint) --email EMAIL --name NAME")
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        }
    }
}

struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "People with an account at a career centre (admins only).",
        discussion: """
            Examples:
              nextyes accounts add --email ana@uni.example --name "Ana Diaz" --role seeker
              printf '%s' "$PASSWORD" | nextyes accounts add --email cy@uni.example --name Cy --role coach --password-stdin
              nextyes accounts list
              nextyes accounts reset-link --email ana@uni.example
              nextyes accounts edit --email ana@uni.example --name "Ana Díaz"
              nextyes accounts unlock --email ana@uni.example
              nextyes accounts disable --email ana@uni.example
              nextyes accounts delete --email ana@uni.example --yes
            """,
        subcommands: [AccountsAddCommand.self, AccountsListCommand.self, AccountsEditCommand.self, AccountsDisableCommand.self,
                      AccountsEnableCommand.self, AccountsUnlockCommand.self, AccountsResetLinkCommand.self, AccountsDeleteCommand.self],
        defaultSubcommand: AccountsListCommand.self)
}

struct AccountsAddCommand: CentreCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account; without --password-stdin it prints a one-time sign-in link (valid for 7 days).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var site: SiteOption
    @Option(help: "The person's e-mail address, which they sign in with.") var email: String
    @Option(help: "Their name, as coaches and admins see it.") var name: String
    @Option(help: "seeker, coach or admin.") var role: String = "seeker"
    @Flag(help: "Read the password from standard input (at least 10 characters).") var passwordStdin = false

    func run(centre: Centre) async throws {
        let role = try Centre.role(self.role)
        var password: String?
        if passwordStdin {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            password = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        }
        let (account, token) = try await centre.addAccount(email: email, name: name, role: role, password: password)
        Console.out("Added \(account.name) <\(account.email)> as \(account.role == .admin ? "an" : "a") \(account.role.rawValue).")
        if let token {
            Console.out("Their one-time sign-in link (valid for 7 days, shown only now):\n\n    \(site.link(token))\n" + site.guessNote)
        }
    }
}

struct AccountsListCommand: CentreCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run(centre: Centre) async throws {
        let accounts = try await centre.accounts()
        if json {
            Console.out(try Console.json(accounts))
            return
        }
        let locked = try await centre.lockedAddresses()
        guard !accounts.isEmpty else {
            Console.out("No accounts yet. Add the first admin with: nextyes accounts add --email you@example.org --name \"Your Name\" --role admin")
            return
        }
        // Columns as wide as their longest entry, so the list reads as a table.
        let emailWidth = accounts.map(\.email.count).max() ?? 0, nameWidth = accounts.map(\.name.count).max() ?? 0
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        for account in accounts {
            var state = account.disabled ? "disabled" : (account.hasPassword ? "active" : "invited")
            if let until = locked[account.email] {
                state += ", locked until \(SharingListCommand.time.string(from: until)) after wrong passwords (nextyes accounts unlock --email \(account.email))"
            }
            Console.out("\(pad(account.role.rawValue, 7))  \(pad(account.email, emailWidth))  \(pad(account.name, nameWidth))  \(state)")
        }
    }
}

struct AccountsEditCommand: CentreCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Rename an account or change its role.",
        discussion: "A new role signs the person out and ends the sharing they took part in. A job seeker's NextYes is kept when they take another role, unseen, and is theirs again if they become a seeker again.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The account's e-mail address.") var email: String
    @Option(help: "The new name, as coaches and admins will see it.") var name: String?
    @Option(help: "The new role: seeker, coach or admin.") var role: String?

    func run(centre: Centre) async throws {
        guard name != nil || role != nil else {
            throw ValidationErrors([FieldError("name", "Say what to change: --name NAME, --role seeker|coach|admin, or both.")])
        }
        let newRole = try role.map(Centre.role)
        let before = try await centre.account(email: email)
        let account = try await centre.updateAccount(email: email, name: name, role: newRole)
        Console.out(account.role == before.role
                    ? "Saved: \(account.name) <\(account.email)>."
                    : "Saved: \(account.name) <\(account.email)> is now \(account.role == .admin ? "an" : "a") \(account.role.rawValue), and signed out everywhere.")
    }
}

struct AccountsUnlockCommand: CentreCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock", abstract: "Let someone locked out after wrong passwords sign in again at once (the lock ends by itself after 15 minutes).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The account's e-mail address.") var email: String

    func run(centre: Centre) async throws {
        let wasLocked = try await centre.unlock(email: email)
        Console.out(wasLocked ? "\(email.lowercased()) can sign in again now." : "\(email.lowercased()) wasn't locked; nothing to do.")
    }
}

struct AccountsDisableCommand: CentreCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable an account: it can no longer sign in, and its sessions end. Its data is kept.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The account's e-mail address.") var email: String

    func run(centre: Centre) async throws {
        let account = try await centre.setDisabled(email: email, true)
        Console.out("Disabled \(account.email). Their data is kept; `nextyes accounts enable --email \(account.email)` lets them back in.")
    }
}

struct AccountsDeleteCommand: CentreCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an account for good, and a seeker's whole NextYes with it.",
        discussion: """
            Without --yes it only says what would be deleted. To keep a seeker's data, disable the \
            account instead; to keep a copy, export it first:
              nextyes export --account ana@uni.example --output ana.json
              nextyes accounts delete --email ana@uni.example --yes
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The account's e-mail address.") var email: String
    @Flag(help: "Delete it; without this flag nothing is deleted.") var yes = false

    func run(centre: Centre) async throws {
        let account = try await centre.account(email: email)
        guard yes else {
            let what = account.role == .seeker
                ? "\(account.name)'s account and their whole NextYes (applications, journal, plan and everything else) for good"
                : "\(account.name)'s account (a \(account.role.rawValue)) for good, with what was shared with them"
            throw ValidationErrors([FieldError("yes", "This would delete \(what). Nothing was deleted. To go ahead, add --yes. To keep the data, `nextyes accounts disable --email \(account.email)` instead\(account.role == .seeker ? "; `nextyes export --account \(account.email)` saves a copy first" : "").")])
        }
        try await centre.deleteAccount(email: account.email)
        Console.out("Deleted \(account.email)\(account.role == .seeker ? " and their NextYes" : "").")
    }
}

struct AccountsEnableCommand: CentreCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled account again.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The account's e-mail address.") var email: String

    func run(centre: Centre) async throws {
        let account = try await centre.setDisabled(email: email, false)
        Console.out("Enabled \(account.email).\(account.hasPassword ? "" : " They still need a sign-in link: nextyes accounts reset-link --email \(account.email)")")
    }
}

struct AccountsResetLinkCommand: CentreCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-link", abstract: "Make a new one-time sign-in link, to set a new password (any earlier link stops working).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var site: SiteOption
    @Option(help: "The account's e-mail address.") var email: String

    func run(centre: Centre) async throws {
        let token = try await centre.resetLink(email: email)
        Console.out("A one-time sign-in link for \(email.lowercased()) (valid for 7 days, shown only now):\n\n    \(site.link(token))\n" + site.guessNote)
    }
}

struct SharingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharing",
        abstract: "Show a coach parts of your NextYes (on a career centre's database).",
        discussion: """
            You choose what a coach sees: applications, insights, report, plan, practice. Your \
            journal, mood and anything about your wellbeing are never shared. You can see every \
            time a coach looked (`nextyes sharing list`), and stop sharing at any time.

            Examples:
              nextyes sharing coaches --account ana@uni.example
              nextyes sharing grant --account ana@uni.example --coach cy@uni.example --scope report --scope plan
              nextyes sharing list --account ana@uni.example
              nextyes sharing revoke --account ana@uni.example --coach cy@uni.example
              nextyes sharing statistics --account ana@uni.example --on
            """,
        subcommands: [SharingGrantCommand.self, SharingRevokeCommand.self, SharingListCommand.self, SharingCoachesCommand.self, SharingStatisticsCommand.self],
        defaultSubcommand: SharingListCommand.self)
}

extension CentreCommand {
    /// The seeker named with --account (or NEXTYES_ACCOUNT).
    func seeker(_ centre: Centre) async throws -> Account {
        guard let email = global.accountEmail else { throw CentreError.accountNeeded }
        let account = try await centre.account(email: email)
        guard account.role == .seeker else {
            throw ValidationErrors([FieldError("account", "\(account.email) is \(account.role == .admin ? "an" : "a") \(account.role.rawValue); only seekers share their NextYes.")])
        }
        return account
    }
}

struct SharingGrantCommand: CentreCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Share with a coach (replaces what you shared with them before).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The coach's e-mail address.") var coach: String
    @Option(help: ArgumentHelp("applications, insights, report, plan or practice. Repeat for several.", valueName: "scope"))
    var scope: [String] = []

    func run(centre: Centre) async throws {
        let scopes = try scope.map { raw in
            guard let parsed = SharingScope(rawValue: raw.lowercased()) else { throw CentreError.badScope(raw) }
            return parsed
        }
        let grant = try await centre.share(try await seeker(centre), withCoach: coach, scopes: scopes)
        Console.out("\(grant.coach.name) can now see your \(grant.scopes.map(\.rawValue).joined(separator: ", ")). Your journal and wellbeing stay yours alone.")
    }
}

struct SharingRevokeCommand: CentreCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Stop sharing with a coach.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The coach's e-mail address.") var coach: String

    func run(centre: Centre) async throws {
        let stopped = try await centre.stopSharing(try await seeker(centre), withCoach: coach)
        Console.out(stopped ? "Stopped sharing with \(coach.lowercased()). They see nothing of yours from now on."
                            : "You weren't sharing anything with \(coach.lowercased()).")
    }
}

struct SharingListCommand: CentreCommand {
    static let time: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        return formatter
    }()

    static let configuration = CommandConfiguration(commandName: "list", abstract: "What you share, with whom, and when each coach looked.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run(centre: Centre) async throws {
        let account = try await seeker(centre)
        let grants = try await centre.grants(of: account), views = try await centre.views(of: account)
        if json {
            struct Out: Encodable {
                struct Grant: Encodable { var coach: String; var name: String; var scopes: [SharingScope]; var grantedAt: Date }
                var grants: [Grant]; var views: [CoachView]
            }
            Console.out(try Console.json(Out(grants: grants.map { .init(coach: $0.coach.email, name: $0.coach.name, scopes: $0.scopes, grantedAt: $0.grantedAt) },
                                             views: views)))
            return
        }
        if grants.isEmpty {
            Console.out("You aren't sharing anything. Share with a coach: nextyes sharing grant --account \(account.email) --coach EMAIL --scope report (nextyes sharing coaches lists them)")
        }
        for grant in grants {
            Console.out("\(grant.coach.name) <\(grant.coach.email)> sees: \(grant.scopes.map(\.rawValue).joined(separator: ", "))")
        }
        if !views.isEmpty {
            Console.out("\nWhen coaches looked:")
            for view in views.prefix(20) {
                Console.out("  \(view.sentence) on \(Day(view.viewedAt, in: .current)) at \(Self.time.string(from: view.viewedAt))")
            }
        }
    }
}

struct SharingCoachesCommand: CentreCommand {
    static let configuration = CommandConfiguration(commandName: "coaches", abstract: "The coaches at the centre you can share with.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run(centre: Centre) async throws {
        let account = try await seeker(centre)
        let coaches = try await centre.coaches()
        if json {
            struct Coach: Encodable { var email: String; var name: String }
            Console.out(try Console.json(coaches.map { Coach(email: $0.email, name: $0.name) }))
            return
        }
        if coaches.isEmpty {
            Console.out("Your centre has no coaches with an account yet. Ask the centre which address to use.")
            return
        }
        for coach in coaches { Console.out("\(coach.name) <\(coach.email)>") }
        Console.out("\nShare with one: nextyes sharing grant --account \(account.email) --coach \(coaches[0].email) --scope report")
    }
}

struct SharingStatisticsCommand: CentreCommand {
    static let configuration = CommandConfiguration(
        commandName: "statistics",
        abstract: "Be counted, or not, in the centre's anonymous figures (counts only; never a figure fewer than five people share).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Count me in.") var on = false
    @Flag(help: "Stop counting me.") var off = false

    func validate() throws {
        guard !(on && off) else { throw ValidationError("Say --on or --off, not both.") }
    }

    func run(centre: Centre) async throws {
        let account = try await seeker(centre)
        // Without a flag: where the person stands, and how to change it.
        guard on || off else {
            Console.out(account.statisticsOptIn
                ? "You are counted in the centre's anonymous figures (counts only). Stop with: nextyes sharing statistics --account \(account.email) --off"
                : "You are not counted in the centre's anonymous figures. Count me in with: nextyes sharing statistics --account \(account.email) --on")
            return
        }
        try await centre.setStatisticsOptIn(account, on)
        Console.out(on ? "You are counted in the centre's anonymous figures: counts only, never your name, companies or words."
                       : "You are no longer counted in the centre's figures.")
    }
}
