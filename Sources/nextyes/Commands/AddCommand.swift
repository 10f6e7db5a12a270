import ArgumentParser
import Foundation
import NextYesCore
import NextYesFeatures

struct AddCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an application and print its id.",
        discussion: """
            The new application starts at "applied" (dated --applied, or today) unless you pass \
            --stage saved for a job you haven't applied to yet. Only the id goes to standard \
            output, so scripts can keep it.

            Examples:
              nextyes add --company Acme --role "Data Analyst"
              nextyes add --company Globex --role "Backend Engineer" \\
                --source referral --applied 2026-10-02
              nextyes add --company Initech --role "QA Lead" --stage saved
              nextyes add --company Umbrella --role "Analyst" --description-file posting.txt
              nextyes add --from-posting posting.txt        company, role and the rest read from it
              pbpaste | nextyes add --from-posting - --stage saved
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The company's name (required).") var company: String?
    @Option(help: "The role you are applying for (required).") var role: String?
    @Option(help: "Where you found it: \(ApplicationSource.idList).") var source: String?
    @Option(help: ArgumentHelp("The day you applied (default: today).", valueName: "YYYY-MM-DD")) var applied: String?
    @Option(help: "The job posting's address.") var url: String?
    @Option(help: "Where the job is (a city, \"Remote\").") var location: String?
    @Option(name: .customLong("description-file"), help: ArgumentHelp("A text file with the job description (- reads standard input).", valueName: "file"))
    var descriptionFile: String?
    @Option(name: .customLong("from-posting"), help: ArgumentHelp("A job posting's text or saved HTML page (- reads standard input): company, role, location, pay and the description are read from it; options you give win.", valueName: "file"))
    var fromPosting: String?
    @Option(help: "The starting stage: \(Stage.idList) (default: applied).") var stage: String?
    @Option(help: "Salary as advertised, in your own words.") var salary: String?
    @Option(help: "How excited you are, 1 to 5.") var excitement: String?
    @Option(help: "Anything you want to remember.") var notes: String?

    var writtenText: [String?] { [notes] }

    func run(workspace: Workspace) async throws {
        var form = ApplicationForm(
            company: company ?? "", role: role ?? "", location: location ?? "", url: url ?? "",
            source: source ?? "", jobDescription: try descriptionFile.map(TextFile.read) ?? "",
            salary: salary ?? "", notes: notes ?? "", excitement: excitement ?? "",
            appliedOn: applied ?? "", stage: stage ?? "")
        var flagged: Set<Int> = []
        if let fromPosting {
            let draft = try await workspace.capture.readPosting(try TextFile.read(fromPosting), url: url)
            Console.error(PostingReport.describe(draft.reading, skills: draft.skills))
            func fill(_ field: inout String, _ found: String) { if field.isEmpty { field = found } }
            fill(&form.company, draft.form.company)
            fill(&form.role, draft.form.role)
            fill(&form.location, draft.form.location)
            fill(&form.url, draft.form.url)
            fill(&form.salary, draft.form.salary)
            fill(&form.jobDescription, draft.form.jobDescription)
            if form.company.isEmpty || form.role.isEmpty {
                let missing = [form.company.isEmpty ? "the company (--company NAME)" : nil, form.role.isEmpty ? "the role (--role TITLE)" : nil].compactMap { $0 }
                throw ValidationErrors([FieldError(form.company.isEmpty ? "company" : "role", "NextYes couldn't find \(missing.joined(separator: " or ")) in the posting; add it and run the command again.")])
            }
            flagged = Set(draft.duplicates.map(\.application.id))
            for duplicate in draft.duplicates {
                Console.error("Note: application \(duplicate.application.id), \(duplicate.application.title), has \(duplicate.why).")
            }
        }
        let added = try await workspace.applications.add(form)
        let application = added.application
        Console.out(String(application.id))
        let when = application.details.appliedOn.map { " (applied \($0))" } ?? " (saved)"
        let next = Stage.allCases.first { $0 > application.stage && $0 != .assessment } ?? .offer
        Console.error("Added \(application.title)\(when). When it moves on: nextyes move \(application.id) \(next.rawValue)")
        // Told once: the posting's own check may have named it already.
        if let duplicate = added.possibleDuplicate, !flagged.contains(duplicate.id) {
            Console.error("Note: application \(duplicate.id) is also \(duplicate.title) and still open. If it's the same job, delete one with: nextyes delete \(application.id) --yes")
        }
    }
}

struct EditCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an application's details.",
        discussion: """
            Only the options you pass change; an empty value clears a field. Stages and outcomes \
            change with move, reject, ghosted, withdraw and reopen.

            Examples:
              nextyes edit 3 --location "Remote"
              nextyes edit 3 --excitement 5 --notes "Team lead was lovely"
              nextyes edit 3 --url ""
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id (see nextyes list).") var id: Int
    @Option(help: "The company's name.") var company: String?
    @Option(help: "The role.") var role: String?
    @Option(help: "Where you found it: \(ApplicationSource.idList).") var source: String?
    @Option(help: ArgumentHelp("The day you applied (empty clears it).", valueName: "YYYY-MM-DD")) var applied: String?
    @Option(help: "The job posting's address.") var url: String?
    @Option(help: "Where the job is.") var location: String?
    @Option(name: .customLong("description-file"), help: ArgumentHelp("A text file with the job description (- reads standard input).", valueName: "file"))
    var descriptionFile: String?
    @Option(help: "Salary as advertised.") var salary: String?
    @Option(help: "How excited you are, 1 to 5.") var excitement: String?
    @Option(help: "Anything you want to remember.") var notes: String?

    var writtenText: [String?] { [notes] }

    func run(workspace: Workspace) async throws {
        let given: [String?] = [company, role, source, applied, url, location, descriptionFile, salary, excitement, notes]
        guard given.contains(where: { $0 != nil }) else {
            throw ValidationErrors([FieldError("edit", "Nothing to change: pass an option such as --location \"Remote\". See nextyes edit --help.")])
        }
        let current = try await workspace.applications.find(id)
        var form = ApplicationForm(details: current.details)
        if let company { form.company = company }
        if let role { form.role = role }
        if let source { form.source = source }
        if let applied { form.appliedOn = applied }
        if let url { form.url = url }
        if let location { form.location = location }
        if let descriptionFile { form.jobDescription = try TextFile.read(descriptionFile) }
        if let salary { form.salary = salary }
        if let excitement { form.excitement = excitement }
        if let notes { form.notes = notes }
        let updated = try await workspace.applications.edit(id, form)
        Console.out(Text.sentence("Saved \(updated.title)"))
    }
}

/// Reads a text file a person pointed at, or standard input for "-".
enum TextFile {
    static let maxBytes = 5_000_000

    static func read(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ValidationErrors([FieldError("file", "There is no file at \(path). Check the path and try again.")])
            }
            guard let read = FileManager.default.contents(atPath: path) else {
                throw ValidationErrors([FieldError("file", "NextYes could not read \(path). Check that it is a file you can open.")])
            }
            data = read
        }
        if data.count > maxBytes {
            throw ValidationErrors([FieldError("file", "\(path) is \(data.count / 1_000_000) MB; NextYes reads text files up to 5 MB. Save just the part you need.")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationErrors([FieldError("file", "\(path) isn't UTF-8 text. Save it again with the UTF-8 encoding (most editors offer it under Save As) and try again.")])
        }
        return text
    }
}
