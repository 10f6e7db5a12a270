import ArgumentParser
import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct SkillsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skills",
        abstract: "Skills in job descriptions: extraction, gaps, and your profile.",
        discussion: """
            Examples:
              nextyes skills extract < posting.txt
              nextyes skills gaps
            """,
        subcommands: [SkillsGapsCommand.self, SkillsExtractCommand.self, SkillsBenchCommand.self])
}

struct SkillsExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find skills and technologies in a text, with where they are.",
        discussion: """
            Reads a text on standard input and matches it against the bundled taxonomy (ESCO \
            skills, O*NET skills and technologies). Offsets are Unicode code points (the indices a \
            Python string uses), end exclusive.

            Examples:
              nextyes skills extract < posting.txt
              nextyes skills extract --json < posting.txt
              nextyes skills extract --jsonl < postings.jsonl
            """)

    @Flag(help: "Print JSON: {\"skills\":[{\"id\",\"label\",\"source\",\"text\",\"start\",\"end\"}]}.") var json = false
    @Flag(help: "Read one {\"text\": ...} object per line and print one JSON result per line.") var jsonl = false
    @Flag(help: "With --json or --jsonl, also list the skill phrases the tagger reads that name no taxonomy concept: \"phrases\":[{\"text\",\"start\",\"end\"}].")
    var phrases = false

    struct Result: Encodable {
        var skills: [ExtractedSkill]
        var phrases: [SkillPhrase]?
    }

    func run() async throws {
        try await Console.reportingErrors {
            let extractor = try SkillExtractor.bundled()
            if jsonl {
                try await JSONLines.map { text in
                    guard phrases else { return Result(skills: extractor.extract(text)) }
                    let found = extractor.extractWithPhrases(text)
                    return Result(skills: found.skills, phrases: found.phrases)
                }
                return
            }
            let text = try StandardInput.text(example: "nextyes skills extract < posting.txt")
            let skills = extractor.extract(text)
            if json {
                Console.out(try Console.jsonLine(Result(skills: skills, phrases: phrases ? extractor.extractWithPhrases(text).phrases : nil)))
                return
            }
            guard !skills.isEmpty else {
                Console.out("No skills from the taxonomy were found in this text.")
                return
            }
            // One line per place in the text, with every concept that name stands for.
            var starts: [Int] = []
            var bySpan: [Int: [ExtractedSkill]] = [:]
            for skill in skills {
                if bySpan[skill.start] == nil { starts.append(skill.start) }
                bySpan[skill.start, default: []].append(skill)
            }
            for start in starts {
                let group = bySpan[start]!
                Console.out("\"\(group[0].text)\" at \(start): " + group.map { "\($0.label) (\($0.source.title))" }.joined(separator: "; "))
            }
        }
    }
}

/// Measures the extractor on a file, for scripts/bench/skills.py: load time, the pass's
/// throughput and memory, and optionally every match's byte range.
struct SkillsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure extraction speed on a file (used by the benchmark script).",
        discussion: "Example:\n  nextyes skills bench --input corpus.txt --repeat 3",
        shouldDisplay: false)

    @Option(help: "The text file to scan.") var input: String
    @Option(help: "How many passes to time (the best is reported).") var `repeat` = 3
    @Option(help: "Write every match's byte range to this file, one \"start end\" per line.") var spans: String?

    struct Report: Encodable {
        var loadSeconds: Double
        var rssAfterLoadMB: Double
        var rssBeforeLoadMB: Double
        var surfaceForms: Int
        var normalisedForms: Int
        var bytes: Int
        var bestSeconds: Double
        var megabytesPerSecond: Double
        var matches: Int
    }

    func run() async throws {
        try await Console.reportingErrors {
            let before = Self.residentMB()
            let loadStart = DispatchTime.now()
            let taxonomy = try SkillTaxonomy.bundled()
            let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart.uptimeNanoseconds) / 1e9
            let after = Self.residentMB()
            // The extractor as `skills extract` runs it: the taxonomy with the tagger.
            let extractor = SkillExtractor(taxonomy: taxonomy, tagger: try SkillTagger.bundled())
            guard let data = FileManager.default.contents(atPath: input) else {
                throw ValidationErrors([FieldError("input", "There is no readable file at \(input).")])
            }
            var best = Double.infinity
            var matches = 0
            try data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                for _ in 0..<max(1, self.repeat) {
                    let start = DispatchTime.now()
                    matches = extractor.countMatches(in: bytes)
                    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
                }
                if let spans {
                    let text = extractor.matchRanges(in: bytes).map { "\($0.lowerBound) \($0.upperBound)" }.joined(separator: "\n")
                    try OutputFile.write(Data((text + "\n").utf8), to: spans)
                }
            }
            let report = Report(
                loadSeconds: loadSeconds, rssAfterLoadMB: after, rssBeforeLoadMB: before, surfaceForms: taxonomy.formCount,
                normalisedForms: taxonomy.normalisedFormCount, bytes: data.count, bestSeconds: best,
                megabytesPerSecond: Double(data.count) / 1e6 / best, matches: matches)
            Console.out(try Console.jsonLine(report))
        }
    }

    static func residentMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}

struct SkillsGapsCommand: StoreCommand {
    var readsOnly: Bool { true }
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "The skills your postings ask for, against your profile.",
        discussion: """
            Across every application with a job description, skills are ranked by how many \
            postings ask for them; those from applications rejected for a skills gap, or after an \
            interview, count a little more. With --application, one posting: what it asks for, \
            what you have, what you lack.

            Examples:
              nextyes skills gaps
              nextyes skills gaps --missing --limit 10
              nextyes skills gaps --application 4
              nextyes skills gaps --json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "One application's id (see `nextyes list`).") var application: Int?
    @Flag(help: "Only skills not in your profile.") var missing = false
    @Option(help: "How many skills to list.") var limit = 20
    @Flag(help: "Print JSON.") var json = false

    func run(workspace: Workspace) async throws {
        let extractor = try SkillExtractor.bundled()
        let profile = try await workspace.skills.levelsByKey()
        if let id = application {
            let app = try await workspace.applications.find(id)
            let result = SkillGaps.forApplication(app, extractor: extractor, profile: profile)
            if json {
                Console.out(try Console.json(result))
                return
            }
            guard app.details.jobDescription != nil else {
                Console.out("\(app.title) has no job description yet. Add it with: nextyes edit \(id) --description-file posting.txt")
                return
            }
            guard let match = result.match else {
                Console.out(Text.sentence("NextYes didn't recognise named skills in the job description for \(app.title)"))
                return
            }
            Console.out("\(app.title): your profile covers \(match)% of the \(result.asked.count) skill\(result.asked.count == 1 ? "" : "s") it names.")
            if !result.has.isEmpty && !missing { Console.out("  You have: \(result.has.map(\.name).joined(separator: ", "))") }
            if !result.lacks.isEmpty { Console.out("  Not in your profile yet: \(result.lacks.map(\.name).joined(separator: ", "))") }
            return
        }
        guard limit >= 1 else { throw ValidationErrors([FieldError("limit", "Use --limit 1 or more.")]) }
        var demand = try await workspace.skills.demand()
        if missing { demand = demand.filter { !$0.inProfile } }
        let shown = Array(demand.prefix(max(1, limit)))
        if json {
            Console.out(try Console.json(shown))
            return
        }
        guard !demand.isEmpty else {
            let postings = try await workspace.skills.postings()
            Console.out(postings == 0
                ? "No job descriptions saved yet. Add one when you add an application: nextyes add --company Acme --role \"Data Analyst\" --description-file posting.txt"
                : missing ? "Your profile already has every skill your postings name." : "NextYes didn't recognise named skills in your \(postings) job descriptions.")
            return
        }
        for entry in shown {
            Console.out("\(entry.skill.name) — \(entry.summary)")
        }
        if demand.count > shown.count { Console.out("… and \(demand.count - shown.count) more (--limit \(demand.count) shows all).") }
        Console.out("\nTurn the gaps into goals with: nextyes plan")
    }
}
