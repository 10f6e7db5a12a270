import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "The people in your search, and your log of conversations with them.",
        discussion: """
            Examples:
              nextyes contacts
              nextyes contacts add --name "Sam Lee" --role recruiter --company Acme --application 3
              nextyes contacts log 1 --kind coffee-chat --note "Talked about the data team"
              nextyes contacts show 1
            """,
        subcommands: [ContactsListCommand.self, ContactsAddCommand.self, ContactsShowCommand.self, ContactsEditCommand.self,
                      ContactsLogCommand.self, ContactsLinkCommand.self, ContactsDeleteCommand.self],
        defaultSubcommand: ContactsListCommand.self)
}

struct ContactsListCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List contacts with when you were last in touch.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    struct Row: Encodable {
        var contact: Contact
        var lastContacted: Day?
        var applicationIDs: [Int]
    }

    func run(workspace: Workspace) async throws {
        let contacts = try await workspace.contacts.all()
        let last = try await workspace.contacts.lastContacted()
        let links = try await workspace.contacts.links()
        if json {
            Console.out(try Console.json(contacts.map { c in
                Row(contact: c, lastContacted: last[c.id], applicationIDs: links.filter { $0.contactID == c.id }.map(\.applicationID))
            }))
            return
        }
        guard !contacts.isEmpty else {
            Console.out("No contacts yet. Add the people you meet in your search: nextyes contacts add --name \"Sam Lee\" --role recruiter --company Acme")
            return
        }
        var table = TextTable(headers: ["ID", "Name", "Role", "Company", "Last in touch"], maxWidths: [5, 28, 16, 24, 14])
        for c in contacts {
            table.add([String(c.id), c.name, c.details.role?.title ?? "", c.details.company ?? "", last[c.id]?.description ?? "not yet"])
        }
        Console.out(table.render())
    }
}

struct ContactOptions: ParsableArguments {
    @Option(help: "Their name.") var name: String?
    @Option(help: ArgumentHelp("How they fit in your search: \(ContactRole.idList).", valueName: "role")) var role: String?
    @Option(help: "Where they work.") var company: String?
    @Option(help: "Their e-mail address.") var email: String?
    @Option(name: .customLong("profile"), help: "A link to their profile.") var profileURL: String?
    @Option(help: "Notes.") var notes: String?

    var isEmpty: Bool { [name, role, company, email, profileURL, notes].allSatisfy { $0 == nil } }

    func applied(to form: ContactForm) -> ContactForm {
        var form = form
        if let name { form.name = name }
        if let role { form.role = role }
        if let company { form.company = company }
        if let email { form.email = email }
        if let profileURL { form.profileURL = profileURL }
        if let notes { form.notes = notes }
        return form
    }
}

struct ContactsAddCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a contact.",
        discussion: "Example:\n  nextyes contacts add --name \"Sam Lee\" --role hiring-manager --company Acme --application 3")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var details: ContactOptions
    @Option(help: "Link them to this application.") var application: Int?

    var writtenText: [String?] { [details.notes] }

    func run(workspace: Workspace) async throws {
        if let application { _ = try await workspace.applications.find(application) }
        let contact = try await workspace.contacts.create(try details.applied(to: ContactForm()).validated())
        if let application { try await workspace.contacts.link(contact.id, to: application) }
        Console.out("Added \(contact.name) (contact \(contact.id)). Log a conversation with: nextyes contacts log \(contact.id) --kind coffee-chat")
    }
}

struct ContactsShowCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One contact: details, applications and conversations.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The contact's id.") var id: Int
    @Flag(help: "Print JSON.") var json = false

    struct Output: Encodable {
        var contact: Contact
        var applicationIDs: [Int]
        var interactions: [Interaction]
    }

    func run(workspace: Workspace) async throws {
        let contact = try await workspace.contacts.find(id)
        let ids = try await workspace.contacts.applicationIDs(for: id)
        let log = try await workspace.contacts.interactions(for: id)
        if json {
            Console.out(try Console.json(Output(contact: contact, applicationIDs: ids, interactions: log)))
            return
        }
        let d = contact.details
        Console.out(contact.name + ([d.role?.title, d.company].compactMap { $0 }.isEmpty ? "" : " — " + [d.role?.title, d.company].compactMap { $0 }.joined(separator: ", ")))
        if let email = d.email { Console.out("  E-mail: \(email)") }
        if let url = d.profileURL { Console.out("  Profile: \(url)") }
        if let notes = d.notes { Console.out("  Notes: \(notes)") }
        for appID in ids {
            if let app = try? await workspace.applications.find(appID) { Console.out("  Application \(appID): \(app.title)") }
        }
        if log.isEmpty {
            Console.out("\nNo conversations logged yet.")
        } else {
            Console.out("\nConversations")
            for item in log { Console.out("  \(item.on)  \(item.kind.title)" + (item.note.map { ": \($0)" } ?? "")) }
        }
    }
}

struct ContactsEditCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a contact's details.", discussion: "Example:\n  nextyes contacts edit 1 --role hiring-manager")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The contact's id.") var id: Int
    @OptionGroup var details: ContactOptions

    var writtenText: [String?] { [details.notes] }

    func run(workspace: Workspace) async throws {
        let contact = try await workspace.contacts.find(id)
        guard !details.isEmpty else {
            throw ValidationErrors([FieldError("details", "Say what to change, for example --role recruiter or --email sam@acme.example.")])
        }
        let updated = try await workspace.contacts.update(id, details: try details.applied(to: ContactForm(details: contact.details)).validated())
        Console.out("Saved \(updated.name).")
    }
}

struct ContactsLogCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a conversation or other touchpoint with a contact.",
        discussion: """
            Kinds: \(InteractionKind.idList). Informational interviews, coffee chats and referral \
            asks count toward your weekly conversations target, and each is a win.

            Examples:
              nextyes contacts log 1 --kind informational-interview --note "Team uses dbt"
              nextyes contacts log 1 --kind follow-up --on 2026-11-18
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The contact's id.") var id: Int
    @Option(help: ArgumentHelp("What kind of contact it was: \(InteractionKind.idList).", valueName: "kind")) var kind: String
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: String?
    @Option(help: "What you talked about.") var note: String?

    var writtenText: [String?] { [note] }

    func run(workspace: Workspace) async throws {
        let contact = try await workspace.contacts.find(id)
        let logged = try await workspace.contacts.log(contactID: contact.id, InteractionForm(kind: kind, on: on ?? "", note: note ?? ""))
        Console.out(logged.sentence)
    }
}

struct ContactsLinkCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Link a contact to an application (or unlink).", discussion: "Example:\n  nextyes contacts link 1 --application 3")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The contact's id.") var id: Int
    @Option(help: "The application's id.") var application: Int
    @Flag(help: "Remove the link instead.") var remove = false

    func run(workspace: Workspace) async throws {
        let contact = try await workspace.contacts.find(id)
        let app = try await workspace.applications.find(application)
        if remove {
            try await workspace.contacts.unlink(id, from: application)
            Console.out(Text.sentence("\(contact.name) is no longer linked to \(app.title)"))
        } else {
            try await workspace.contacts.link(id, to: application)
            Console.out(Text.sentence("Linked \(contact.name) to \(app.title)"))
        }
    }
}

struct ContactsDeleteCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a contact and their conversation log.", discussion: "Example:\n  nextyes contacts delete 4 --yes")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The contact's id.") var id: Int
    @Flag(help: "Confirm the deletion.") var yes = false

    func run(workspace: Workspace) async throws {
        let contact = try await workspace.contacts.find(id)
        guard yes else {
            Console.error("nextyes: Deleting \(contact.name) removes their conversation log too and cannot be undone. Run again with --yes to confirm.")
            throw ExitCode.failure
        }
        try await workspace.contacts.delete(id)
        Console.out("Deleted \(contact.name).")
    }
}
