import Foundation
import NextYesCore

/// A skill, as the gap analysis counts it: one key for every way of writing it ("AWS" and
/// "Amazon Web Services" share one), and the name people wrote.
public struct SkillRef: Hashable, Codable, Sendable {
    public var key: String
    public var name: String

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }

    /// The words as written, without a bracket left open by the match ("Amazon Web Services (AWS").
    static func tidy(_ text: String) -> String {
        guard text.filter({ $0 == "(" }).count != text.filter({ $0 == ")" }).count else { return text }
        return text.replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " ")
            .split(separator: " ").joined(separator: " ")
    }

    /// `name` where it appears in `text` as whole words, ignoring case; as the text writes it.
    static func wholeWord(_ name: String, in text: String) -> String? {
        guard !name.isEmpty else { return nil }
        if let answer = asciiWholeWord(name, in: text) { return answer }
        var searchFrom = text.startIndex
        while let range = text.range(of: name, options: [.caseInsensitive, .diacriticInsensitive], range: searchFrom..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isBoundary: (Character?) -> Bool = { c in c.map { !$0.isLetter && !$0.isNumber } ?? true }
            if isBoundary(before) && isBoundary(after) { return String(text[range]) }
            searchFrom = range.upperBound
        }
        return nil
    }

    /// The same search over bytes when both are plain ASCII, where ignoring case and accents is
    /// folding A-Z and a letter or digit is [A-Za-z0-9]: `.some(nil)` when it is not there, nil when
    /// either is not ASCII. Every job description is searched for each of the person's own skill
    /// names whenever demand is counted, so this is on a hot path.
    static func asciiWholeWord(_ name: String, in text: String) -> String?? {
        var name = name, text = text
        return name.withUTF8 { needle -> String?? in
            text.withUTF8 { hay -> String?? in
                guard needle.allSatisfy({ $0 < 0x80 }), hay.allSatisfy({ $0 < 0x80 }) else { return nil }
                let n = needle.count
                guard hay.count >= n else { return .some(nil) }
                @inline(__always) func fold(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }
                @inline(__always) func isWordByte(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 || b &- 48 < 10 }
                let first = fold(needle[0])
                var i = 0
                while i + n <= hay.count {
                    if fold(hay[i]) == first {
                        var j = 1
                        while j < n && fold(hay[i + j]) == fold(needle[j]) { j += 1 }
                        if j == n && (i == 0 || !isWordByte(hay[i - 1])) && (i + n == hay.count || !isWordByte(hay[i + n])) {
                            return .some(String(decoding: UnsafeBufferPointer(rebasing: hay[i..<(i + n)]), as: UTF8.self))
                        }
                    }
                    i += 1
                }
                return .some(nil)
            }
        }
    }
}

extension SkillRef {
    /// Skills as saved with an application: one "key<TAB>name" line each.
    public static func encode(_ skills: [SkillRef]) -> String {
        skills.map { $0.key + "\t" + $0.name.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: "\n")
    }

    /// Reads `encode`'s lines back; a line without a tab is skipped. Read over the bytes: every
    /// posting's reading is decoded whenever demand is counted.
    public static func decode(_ text: String) -> [SkillRef] {
        var text = text
        return text.withUTF8 { bytes -> [SkillRef] in
            var out: [SkillRef] = []
            var lineStart = 0
            while lineStart < bytes.count {
                var end = lineStart, tab = -1
                while end < bytes.count && bytes[end] != 0x0A {
                    if tab < 0 && bytes[end] == 0x09 { tab = end }
                    end += 1
                }
                if tab >= 0 {
                    out.append(SkillRef(key: String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<tab]), as: UTF8.self),
                                        name: String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<end]), as: UTF8.self)))
                }
                lineStart = end + 1
            }
            return out
        }
    }
}

extension SkillExtractor {
    /// Changes whenever what `skills(in:)` finds could change: the taxonomy image's checksum,
    /// with the reading code's own revision. Saved readings carry it.
    public var readerVersion: Int64 {
        Self.readerVersion(fingerprint: taxonomy.fingerprint ^ (tagger?.checksum ?? 0))
    }

    /// The bundled reader's version, from the compiled taxonomy's header and the tagger's
    /// checksum: checking that saved readings are current doesn't load the taxonomy.
    public static func bundledReaderVersion() throws -> Int64 {
        readerVersion(fingerprint: try SkillTaxonomy.bundledFingerprint() ^ SkillTagger.bundled().checksum)
    }

    static func readerVersion(fingerprint: UInt64) -> Int64 {
        // 2: the tagger decides ambiguous and gazetteer names.
        Int64(bitPattern: fingerprint &* 1_000_003 &+ 2)
    }

    /// The distinct skills in a text, in order of first appearance.
    public func skills(in text: String) -> [SkillRef] {
        skills(from: extract(text))
    }

    /// The distinct skills among matches already found, in order of first appearance.
    public func skills(from found: [ExtractedSkill]) -> [SkillRef] {
        var bySpan: [Int: (name: String, ids: [String])] = [:]
        var order: [Int] = []
        for skill in found {
            if bySpan[skill.start] == nil {
                order.append(skill.start)
                bySpan[skill.start] = (skill.text, [])
            }
            bySpan[skill.start]!.ids.append(skill.id)
        }
        var seen: Set<String> = []
        var refs: [SkillRef] = []
        for start in order {
            let entry = bySpan[start]!
            let key = entry.ids.min()!
            if seen.insert(key).inserted { refs.append(SkillRef(key: key, name: SkillRef.tidy(entry.name))) }
        }
        return refs
    }

    /// The skills in a text, plus any of the person's own skills the taxonomy doesn't know
    /// ("text:dbt") where the text names them as a whole word. `found`: the text's matches, when
    /// they are already at hand.
    public func skills(in text: String, profileKeys: some Collection<String>, found: [ExtractedSkill]? = nil) -> [SkillRef] {
        var refs = skills(from: found ?? extract(text))
        for key in profileKeys where key.hasPrefix("text:") && !refs.contains(where: { $0.key == key }) {
            if let found = SkillRef.wholeWord(String(key.dropFirst(5)), in: text) { refs.append(SkillRef(key: key, name: found)) }
        }
        return refs
    }

    /// The key for a skill a person typed: the taxonomy's when the whole name is a known form,
    /// in any case ("sql", "Excel"), otherwise the name itself, lower-cased.
    public func key(forSkillNamed name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if let key = concepts(named: trimmed).map(\.id).min() { return key }
        return "text:" + trimmed.lowercased()
    }
}

/// The skills one job description asks for, against the profile.
public struct ApplicationSkills: Hashable, Codable, Sendable {
    public var applicationID: Int
    public var asked: [SkillRef]
    public var has: [SkillRef]
    public var lacks: [SkillRef]

    /// The share of asked skills the profile has; nil when the description names none.
    public var match: Int? {
        asked.isEmpty ? nil : Int((Double(has.count) * 100 / Double(asked.count)).rounded())
    }
}

/// How often the postings ask for a skill, weighted toward the ones that ended in a skills gap
/// or after an interview.
public struct SkillDemand: Hashable, Codable, Sendable {
    public var skill: SkillRef
    public var postings: Int
    public var totalPostings: Int
    public var weight: Double
    public var applicationIDs: [Int]
    public var profileLevel: SkillLevel?

    public var inProfile: Bool { profileLevel != nil }

    /// "asked for in 7 of 12 postings; not in your profile"
    public var summary: String {
        let base = "asked for in \(postings) of \(totalPostings) posting\(totalPostings == 1 ? "" : "s")"
        guard let level = profileLevel else { return base + "; not in your profile" }
        return base + "; in your profile (\(level.title.lowercased()))"
    }
}

public enum SkillGaps {
    public static func forApplication(
        _ application: Application, extractor: SkillExtractor, profile: [String: SkillLevel], found: [ExtractedSkill]? = nil
    ) -> ApplicationSkills {
        let asked = application.details.jobDescription.map { extractor.skills(in: $0, profileKeys: profile.keys, found: found) } ?? []
        return ApplicationSkills(
            applicationID: application.id, asked: asked,
            has: asked.filter { profile[$0.key] != nil },
            lacks: asked.filter { profile[$0.key] == nil })
    }

    /// Where skills sit in a text, in characters, without overlaps: for marking them on a page.
    public static func spans(of found: [ExtractedSkill]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        for skill in found.sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) }) {
            if let last = spans.last, skill.start < last.upperBound { continue }
            spans.append(skill.start..<skill.end)
        }
        return spans
    }

    /// Demand across every application with a job description, most in demand first.
    public static func demand(
        applications: [Application], rejections: [Rejection], extractor: SkillExtractor, profile: [String: SkillLevel]
    ) -> [SkillDemand] {
        demand(applications: applications, rejections: rejections, profile: profile) { application in
            extractor.skills(in: application.details.jobDescription!)
        }
    }

    /// Demand from skills already read from each posting (`readSkills`: the taxonomy's skills in
    /// an application's description); the person's own skills the taxonomy doesn't know are
    /// looked for here, since they change with the profile.
    public static func demand(
        applications: [Application], rejections: [Rejection], profile: [String: SkillLevel],
        readSkills: (Application) -> [SkillRef]
    ) -> [SkillDemand] {
        let withDescription = applications.filter { $0.details.jobDescription != nil }
        let byID = Dictionary(withDescription.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return demand(postings: withDescription.map(\.id), rejections: rejections, profile: profile,
                      readSkills: { readSkills(byID[$0]!) }, description: { byID[$0]?.details.jobDescription })
    }

    /// Demand across postings given by application id (each one with a job description), in the
    /// order given: `readSkills` gives the taxonomy's skills read from one, `description` its text,
    /// asked for only when the profile holds skills of the person's own wording.
    public static func demand(
        postings: [Int], rejections: [Rejection], profile: [String: SkillLevel],
        readSkills: (Int) -> [SkillRef], description: (Int) -> String?
    ) -> [SkillDemand] {
        // A posting that ended in a skills-gap no, or a no after an interview, weighs more.
        let extraWeight = Dictionary(rejections.map { r in
            (r.applicationID, (r.category == .skillsGap ? 1.0 : 0) + (r.stageReached >= .interview ? 0.5 : 0))
        }, uniquingKeysWith: { a, _ in a })
        let ownWords = profile.keys.filter { $0.hasPrefix("text:") }.map { ($0, String($0.dropFirst(5))) }
        var index: [String: Int] = [:]
        var entries: [SkillDemand] = []
        for id in postings {
            let weight = 1.0 + (extraWeight[id] ?? 0)
            var skills = readSkills(id)
            if !ownWords.isEmpty, let text = description(id) {
                for (key, word) in ownWords where !skills.contains(where: { $0.key == key }) {
                    if let found = SkillRef.wholeWord(word, in: text) { skills.append(SkillRef(key: key, name: found)) }
                }
            }
            for skill in skills {
                // Changed in place: a copy taken out of the table would copy its ids on every append.
                if let i = index[skill.key] {
                    entries[i].postings += 1
                    entries[i].weight += weight
                    entries[i].applicationIDs.append(id)
                } else {
                    index[skill.key] = entries.count
                    entries.append(SkillDemand(skill: skill, postings: 1, totalPostings: postings.count, weight: weight,
                                               applicationIDs: [id], profileLevel: profile[skill.key]))
                }
            }
        }
        return entries.sorted {
            ($0.weight, $0.postings, $1.skill.name.lowercased()) > ($1.weight, $1.postings, $0.skill.name.lowercased())
        }
    }
}
