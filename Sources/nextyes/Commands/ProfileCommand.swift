import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Your skills and where you want to go.",
        discussion: """
            NextYes compares your skills with the postings you save (nextyes skills gaps) and your \
            recent applications with your target roles and industries.

            Examples:
              nextyes profile
              nextyes profile add-skill SQL --level strong
              nextyes profile resume < resume.txt
              nextyes profile targets --role "Data Analyst" --industry healthcare
            """,
        subcommands: [ProfileShowCommand.self, ProfileAddSkillCommand.self, ProfileSetLevelCommand.self, ProfileRemoveSkillCommand.self,
                      ProfileResumeCommand.self, ProfileTargetsCommand.self],
        defaultSubcommand: ProfileShowCommand.self)
}

struct ProfileShowCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show your skills, targets, and how your recent applications line up with them.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    struct Output: Encodable {
        var skills: [ProfileSkill]
        var targets: CareerTargets
        var alignment: Alignment?
    }

    func run(workspace: Workspace) async throws {
        let skills = try await workspace.skills.skills()
        let targets = try await workspace.skills.targets()
        let alignment = CareerAlignment.check(try await workspace.applications.all(), targets: targets)
        if json {
            Console.out(try Console.json(Output(skills: skills, targets: targets, alignment: alignment)))
            return
        }
        if skills.isEmpty {
            Console.out("No skills in your profile yet. Add one with: nextyes profile add-skill SQL --level working\nOr start from your resume: nextyes profile resume < resume.txt")
        } else {
            Console.out("Skills")
            for level in SkillLevel.allCases.reversed() {
                let names = skills.filter { $0.level == level }.map(\.name)
                if !names.isEmpty { Console.out("  \(level.title): \(names.joined(separator: ", "))") }
            }
        }
        let lists: [(String, [String])] = [("Target roles", targets.roles), ("Target industries", targets.industries), ("What matters to you", targets.values),
                                           ("Interests", targets.interests), ("Strengths", targets.strengths)]
        if targets.isEmpty {
            Console.out("\nNo targets yet. Add them with: nextyes profile targets --role \"Data Analyst\" --industry healthcare")
        } else {
            Console.out("")
            for (title, list) in lists where !list.isEmpty { Console.out("\(title): \(list.joined(separator: ", "))") }
        }
        if let alignment { Console.out("\n" + alignment.reading) }
    }
}

struct ProfileAddSkillCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-skill",
        abstract: "Add skills to your profile, or change their level.",
        discussion: """
            Examples:
              nextyes profile add-skill SQL
              nextyes profile add-skill "Microsoft Excel" Tableau --level strong
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "One or more skills.") var names: [String]
    @Option(help: "learning, working or strong (default: working for a new skill; an existing skill keeps its level).") var level: String?

    func run(workspace: Workspace) async throws {
        var chosen: SkillLevel?
        if let level {
            guard let parsed = SkillLevel(id: level) else {
                throw ValidationErrors([FieldError("level", "Use --level learning, working or strong.")])
            }
            chosen = parsed
        }
        for added in try await workspace.skills.add(names: names, level: chosen) {
            let skill = added.skill
            switch added.previous {
            case nil: Console.out("Added \(skill.name) (\(skill.level.title.lowercased())).")
            case skill.level where chosen != nil && chosen! < skill.level:
                Console.out("\(skill.name) is already in your profile as \(skill.level.title.lowercased()); adding never lowers a level. To change it: nextyes profile set-level \"\(skill.name)\" \(chosen!.rawValue)")
            case skill.level: Console.out("\(skill.name) is already in your profile (\(skill.level.title.lowercased())).")
            case let before?: Console.out("\(skill.name): \(before.title.lowercased()) → \(skill.level.title.lowercased()).")
            }
        }
    }
}

struct ProfileRemoveSkillCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-skill",
        abstract: "Remove a skill from your profile.",
        discussion: "Example:\n  nextyes profile remove-skill Tableau")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The skill's name, as `nextyes profile` shows it.") var name: String

    func run(workspace: Workspace) async throws {
        let skills = try await workspace.skills.skills()
        guard let skill = skills.first(where: { $0.name.lowercased() == name.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            let names = skills.map(\.name).joined(separator: ", ")
            throw ValidationErrors([FieldError("name", "\"\(name)\" isn't in your profile." + (names.isEmpty ? "" : " It has: \(names)."))])
        }
        try await workspace.skills.remove(skill.id)
        Console.out("Removed \(skill.name).")
    }
}

struct ProfileSetLevelCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-level",
        abstract: "Change a skill's level, up or down.",
        discussion: "Example:\n  nextyes profile set-level Python working")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The skill's name, as `nextyes profile` shows it.") var name: String
    @Argument(help: "learning, working or strong.") var level: String

    func run(workspace: Workspace) async throws {
        guard let chosen = SkillLevel(id: level) else {
            throw ValidationErrors([FieldError("level", "\"\(level)\" is not a level. Use learning, working or strong.")])
        }
        let skills = try await workspace.skills.skills()
        guard let skill = skills.first(where: { $0.name.lowercased() == name.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            let names = skills.map(\.name).joined(separator: ", ")
            throw ValidationErrors([FieldError("name", "\"\(name)\" isn't in your profile." + (names.isEmpty ? " Add it with: nextyes profile add-skill \"\(name)\" --level \(chosen.rawValue)" : " It has: \(names)."))])
        }
        try await workspace.skills.setLevel(skill.id, chosen)
        Console.out("\(skill.name) is now \(chosen.title.lowercased()).")
    }
}

struct ProfileResumeCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Find the skills in your resume, then choose which to keep.",
        discussion: """
            Reads your resume's text on standard input and lists the skills NextYes recognises \
            that aren't in your profile yet. Nothing is saved unless you say which to keep, with \
            --keep (repeat it) or --keep-all. The resume itself is never stored.

            Examples:
              nextyes profile resume < resume.txt
              nextyes profile resume --keep SQL --keep Tableau < resume.txt
              nextyes profile resume --keep-all --level working < resume.txt
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("A skill from the list to keep (repeat for more).", valueName: "skill")) var keep: [String] = []
    @Flag(help: "Keep every skill found.") var keepAll = false
    @Option(help: "The level for the kept skills: learning, working or strong.") var level = "working"

    func run(workspace: Workspace) async throws {
        guard let level = SkillLevel(id: level) else {
            throw ValidationErrors([FieldError("level", "Use --level learning, working or strong.")])
        }
        let text = try StandardInput.text(example: "nextyes profile resume < resume.txt")
        let found = try await workspace.skills.newSkills(in: text)
        guard !found.isEmpty else {
            Console.out("NextYes didn't find skills it recognises that aren't already in your profile. Add any with: nextyes profile add-skill NAME")
            return
        }
        if keep.isEmpty && !keepAll {
            Console.out("Found \(found.count) skills not yet in your profile:")
            for skill in found { Console.out("  \(skill.name)") }
            Console.out("\nKeep the ones that fit with --keep NAME (repeat it), or all of them with --keep-all.")
            return
        }
        var chosen = found
        var unknown: [String] = []
        if !keepAll {
            let wanted = keep.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            unknown = keep.filter { k in !found.contains { $0.name.lowercased() == k.trimmingCharacters(in: .whitespaces).lowercased() } }
            chosen = found.filter { wanted.contains($0.name.lowercased()) }
        }
        try await workspace.skills.add(names: chosen.map(\.name), level: level)
        if !chosen.isEmpty {
            Console.out("Added \(chosen.count) skill\(chosen.count == 1 ? "" : "s") to your profile: \(chosen.map(\.name).joined(separator: ", ")).")
        }
        if !unknown.isEmpty {
            Console.out("Not in the list NextYes found: \(unknown.joined(separator: ", ")). Add them yourself with: nextyes profile add-skill \"\(unknown[0])\"")
        }
    }
}

struct ProfileTargetsCommand: StoreCommand {
    var readsOnly: Bool { roles.isEmpty && industries.isEmpty && values.isEmpty && interests.isEmpty && strengths.isEmpty && !clear }
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "Set the roles and industries you aim for, and what matters to you.",
        discussion: """
            Each option replaces that list; options you leave out keep their list.

            Examples:
              nextyes profile targets --role "Data Analyst" --role "BI Analyst" --industry healthcare
              nextyes profile targets --strength "explaining numbers to people"
              nextyes profile targets --clear
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role"), help: "A target role (repeat for more).") var roles: [String] = []
    @Option(name: .customLong("industry"), help: "A target industry (repeat for more).") var industries: [String] = []
    @Option(name: .customLong("value"), help: "Something that matters to you at work (repeat for more).") var values: [String] = []
    @Option(name: .customLong("interest"), help: "An interest (repeat for more).") var interests: [String] = []
    @Option(name: .customLong("strength"), help: "A strength (repeat for more).") var strengths: [String] = []
    @Flag(help: "Clear every list.") var clear = false

    var writtenText: [String?] { strengths }

    func run(workspace: Workspace) async throws {
        var targets = clear ? CareerTargets() : try await workspace.skills.targets()
        var errors = ValidationErrors()
        if !roles.isEmpty { targets.roles = CareerTargets.list(roles.joined(separator: "\n"), field: "role", errors: &errors) }
        if !industries.isEmpty { targets.industries = CareerTargets.list(industries.joined(separator: "\n"), field: "industry", errors: &errors) }
        if !values.isEmpty { targets.values = CareerTargets.list(values.joined(separator: "\n"), field: "value", errors: &errors) }
        if !interests.isEmpty { targets.interests = CareerTargets.list(interests.joined(separator: "\n"), field: "interest", errors: &errors) }
        if !strengths.isEmpty { targets.strengths = CareerTargets.list(strengths.joined(separator: "\n"), field: "strength", errors: &errors) }
        guard errors.isEmpty else { throw errors }
        if !readsOnly {
            try await workspace.skills.saveTargets(targets)
            Console.out("Saved.")
        }
        Console.out("Target roles: \(targets.roles.isEmpty ? "none yet" : targets.roles.joined(separator: ", "))")
        Console.out("Target industries: \(targets.industries.isEmpty ? "none yet" : targets.industries.joined(separator: ", "))")
        if let alignment = CareerAlignment.check(try await workspace.applications.all(), targets: targets) { Console.out(alignment.reading) }
    }
}
