import Foundation

/// Where a skill concept comes from.
public enum SkillSource: String, Codable, Sendable, CaseIterable {
    case esco
    case onetSkill = "onet-skill"
    case onetTech = "onet-tech"
    /// Names from recent job postings that ESCO and O*NET lack ("dbt", "Snowflake", "A/B
    /// testing"): counted only where the skill tagger reads the words as a skill.
    case gazetteer

    public var title: String {
        switch self {
        case .esco: "ESCO skill"
        case .onetSkill: "O*NET skill"
        case .onetTech: "O*NET technology"
        case .gazetteer: "job-posting name"
        }
    }
}

/// One skill or technology in the taxonomy.
public struct SkillConcept: Hashable, Codable, Sendable {
    public var id: String
    public var source: SkillSource
    public var label: String
}

public enum TaxonomyError: Error, LocalizedError, Sendable {
    case missingResource
    case unreadable(line: Int, reason: String)

    public var errorDescription: String? {
        switch self {
        case .missingResource:
            "The skills taxonomy that ships with NextYes was not found next to the program. Reinstall NextYes, or run it from its build folder."
        case .unreadable(let line, let reason):
            "The skills taxonomy could not be read at line \(line): \(reason)."
        }
    }
}

/// ESCO skills and O*NET skills and technologies, with every surface form (label or alias) ready
/// for the extractor. One surface form can name several concepts; the mapping stays one-to-many.
public final class SkillTaxonomy: Sendable {
    let conceptIDs: StringTable
    let conceptLabels: StringTable
    let conceptSources: Flat<UInt8>
    /// Per surface form: the concepts it names.
    let formConcepts: FlatLists
    let matcher: PhraseMatcher
    /// The compiled image's checksum (0 for a taxonomy read from its TSV source).
    public let fingerprint: UInt64

    public var conceptCount: Int { conceptIDs.count }

    public func concept(_ index: Int) -> SkillConcept {
        SkillConcept(id: conceptIDs[index], source: SkillSource.allCases[Int(conceptSources[index])], label: conceptLabels[index])
    }

    /// Every concept, decoded (for tests and tools; the extractor decodes only what it finds).
    public var concepts: [SkillConcept] { (0..<conceptCount).map(concept) }

    /// How many surface forms (labels, aliases and derived names) the taxonomy holds.
    public var formCount: Int { formConcepts.count }

    /// The taxonomy bundled with NextYes, loaded once from its compiled image.
    public static func bundled() throws -> SkillTaxonomy {
        try cache.get()
    }

    private static let cache = Cache()

    /// The bundled image's checksum, read from its header (or from the loaded taxonomy).
    static func bundledFingerprint() throws -> UInt64 {
        try cache.fingerprint()
    }

    private final class Cache: @unchecked Sendable {
        // The lock guards `value`; that is what makes the unchecked conformance safe.
        private let lock = NSLock()
        private var value: SkillTaxonomy?
        /// The checksum in the image's header, once read.
        private var header: UInt64?

        func fingerprint() throws -> UInt64 {
            if let known = lock.withLock({ value?.fingerprint ?? header }) { return known }
            guard let url = Bundle.module.url(forResource: "taxonomy", withExtension: "bin") else { throw TaxonomyError.missingResource }
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let read = try TaxonomyImage.fingerprint(header: [UInt8](try handle.read(upToCount: 16) ?? Data()))
            lock.withLock { header = read }
            return read
        }

        func get() throws -> SkillTaxonomy {
            lock.lock()
            defer { lock.unlock() }
            if let value { return value }
            guard let url = Bundle.module.url(forResource: "taxonomy", withExtension: "bin") else { throw TaxonomyError.missingResource }
            // Mapped, not read: the arrays are read where they lie in the file cache.
            let region = try TaxonomyImage.Region(mapping: url.path) ?? Data(contentsOf: url).withUnsafeBytes { TaxonomyImage.Region(copying: $0) }
            let loaded = try TaxonomyImage.decode(region)
            value = loaded
            return loaded
        }
    }

    /// The compiled image of this taxonomy (see `TaxonomyImage`).
    public func compiled() -> [UInt8] {
        TaxonomyImage.encode(self)
    }

    /// A taxonomy read back from a compiled image.
    public static func decompile(_ bytes: [UInt8]) throws -> SkillTaxonomy {
        try TaxonomyImage.decode(bytes)
    }

    func write(to w: inout TaxonomyImage.Writer) {
        conceptIDs.write(to: &w)
        conceptLabels.write(to: &w)
        w.array(conceptSources)
        formConcepts.write(to: &w)
        matcher.write(to: &w)
    }

    init(reading r: inout TaxonomyImage.Reader, fingerprint: UInt64) throws {
        self.fingerprint = fingerprint
        conceptIDs = try StringTable(reading: &r)
        conceptLabels = try StringTable(reading: &r)
        conceptSources = try r.array()
        formConcepts = try FlatLists(reading: &r)
        matcher = try PhraseMatcher(reading: &r)
        // The checksum vouches for every value, and every read is bounds-checked; these are the
        // checks that cost nothing.
        guard conceptLabels.count == conceptIDs.count, conceptSources.count == conceptIDs.count,
              conceptSources.allSatisfy({ Int($0) < SkillSource.allCases.count })
        else { throw TaxonomyImage.ImageError.damaged("indices out of range") }
    }

    /// Parses the TSV resource: `id<TAB>source<TAB>label[<TAB>alias]...`, `#` comments.
    public init(data: Data) throws {
        var concepts: [SkillConcept] = []
        var formIndex: [String: Int] = [:]
        var forms: [(text: String, concepts: [Int32])] = []
        // Forms that are weak evidence on their own: a single ESCO word ("design", "lead") or a
        // single word left after dropping a vendor's name ("Works", "Java").
        var weak: [Bool] = []
        // Forms only the gazetteer has: they count where the tagger agrees.
        var gazetteer: [Bool] = []
        concepts.reserveCapacity(50_000)
        forms.reserveCapacity(100_000)
        let text = String(decoding: data, as: UTF8.self)
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            lineNumber += 1
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { throw TaxonomyError.unreadable(line: lineNumber, reason: "expected at least three tab-separated fields") }
            guard let source = SkillSource(rawValue: String(fields[1])) else {
                throw TaxonomyError.unreadable(line: lineNumber, reason: "unknown source \"\(fields[1])\"")
            }
            let conceptIndex = Int32(concepts.count)
            concepts.append(SkillConcept(id: String(fields[0]), source: source, label: String(fields[2])))
            let given = fields[2...].map(String.init)
            let derived: [String] = switch source {
            case .onetTech: DerivedForms.aliases(forTechnology: String(fields[2]))
            case .esco: DerivedForms.objects(ofEscoForms: given)
            case .onetSkill, .gazetteer: []
            }
            for (position, form) in (given + derived).enumerated() where !form.isEmpty {
                // One-word ESCO aliases ("design", "lead", "plan") stand for broad skills and match
                // ordinary prose far more often than a skill; ESCO is kept for its phrases.
                if source == .esco, !form.contains(" "), !form.contains("-") { continue }
                // A closing acronym of three or more capitals ("SQL", "AWS") is matched case-sensitively,
                // which is evidence enough; other derived single words are weak.
                let isAcronym = form.count >= 3 && form.allSatisfy { $0.isUppercase || $0.isNumber } && form.contains(where: \.isLetter)
                let isWeak = !form.contains(" ") && (source == .esco || source == .gazetteer || (position >= given.count && !isAcronym))
                if let existing = formIndex[form] {
                    if !forms[existing].concepts.contains(conceptIndex) { forms[existing].concepts.append(conceptIndex) }
                    weak[existing] = weak[existing] && isWeak
                    gazetteer[existing] = gazetteer[existing] && source == .gazetteer
                } else {
                    formIndex[form] = forms.count
                    forms.append((form, [conceptIndex]))
                    weak.append(isWeak)
                    gazetteer.append(source == .gazetteer)
                }
            }
        }
        self.conceptIDs = StringTable(concepts.map(\.id))
        self.conceptLabels = StringTable(concepts.map(\.label))
        self.conceptSources = Flat(concepts.map { UInt8(SkillSource.allCases.firstIndex(of: $0.source)!) })
        self.formConcepts = FlatLists(forms.map(\.concepts))
        self.matcher = PhraseMatcher(forms: forms.map(\.text), weak: weak, needsTagger: gazetteer)
        self.fingerprint = 0
    }

    /// Distinct surface forms after normalisation (case, hyphens, light inflection).
    public var normalisedFormCount: Int { matcher.formCount }
}

/// Shorter names people actually write for O*NET technologies: "Microsoft Excel" is "Excel" in a
/// job ad, "Oracle Java" is "Java", "Amazon Web Services AWS software" is "AWS".
enum DerivedForms {
    static let vendors: Set<String> = [
        "microsoft", "oracle", "adobe", "apple", "google", "ibm", "amazon", "apache", "autodesk", "atlassian",
        "salesforce", "intuit", "sap", "cisco", "red", "hewlett", "hp", "dell", "vmware", "facebook", "meta",
        "the", "mozilla", "sas", "corel", "bentley", "esri", "siemens", "infor", "sage", "epic", "cerner",
    ]

    /// Verbs that only say "do" in ESCO's phrasing ("utilise machine learning", "carry out data
    /// analysis"): postings name the object on its own.
    static let doingVerbs: [[String]] = [
        ["use"], ["utilise"], ["utilize"], ["using"], ["utilising"], ["utilizing"], ["employ"], ["apply"], ["applying"],
        ["perform"], ["performing"], ["conduct"], ["conducting"], ["carry", "out"], ["carrying", "out"], ["undertake"], ["execute"],
    ]
    static let notAnObject: Set<String> = [
        "a", "an", "the", "for", "to", "in", "on", "with", "of", "and", "or", "your", "own", "one's", "different", "various",
        "appropriate", "relevant", "specific", "specialised", "specialized", "basic", "necessary", "proper", "correct", "safe",
    ]

    /// The object of ESCO forms that start with a "doing" verb, when it is two words or more.
    static func objects(ofEscoForms forms: [String]) -> [String] {
        var out: [String] = []
        for form in forms {
            let words = form.split(separator: " ").map(String.init)
            for verb in doingVerbs where words.count >= verb.count + 2 && Array(words.prefix(verb.count)) == verb {
                let rest = Array(words.dropFirst(verb.count))
                guard !notAnObject.contains(rest[0].lowercased()) else { continue }
                let object = rest.joined(separator: " ")
                if !forms.contains(object) && !out.contains(object) { out.append(object) }
            }
        }
        return out
    }

    /// Well-known short names the source data lacks.
    static let knownNames: [String: [String]] = [
        "Continuous integration software": ["CI/CD", "continuous integration", "continuous delivery"],
    ]

    /// Ordinary words left over from a vendor's product name ("Epic Systems", "IBM Cloud") that
    /// would name the product only by accident; product names people do write alone ("Word",
    /// "Teams", "Excel") are kept and judged by context.
    static let genericLeftovers: Set<String> = [
        "accounting", "ads", "analytics", "checkout", "clinical", "cloud", "combustion", "connect", "continuum", "contribute",
        "database", "designer", "director", "inventory", "maintenance", "mechanical", "middleware", "millennium", "money",
        "navigator", "persuasion", "presentation", "presenter", "rational", "reports", "scholar", "smoke", "systems", "trim",
        "video", "works", "workspace", "workstation", "world",
    ]

    static let genericTails: Set<String> = ["software", "framework", "platform"]

    static func aliases(forTechnology label: String) -> [String] {
        var out: [String] = knownNames[label] ?? []
        var words = label.split(separator: " ").map(String.init)
        while words.count >= 2, let last = words.last, genericTails.contains(last.lowercased()) { words.removeLast() }
        // A closing acronym spelled out just before it: "Amazon Web Services AWS" is "AWS" and
        // "Amazon Web Services"; "Structured query language SQL" is "SQL".
        if let word = words.last, words.count > word.count, (2...6).contains(word.count),
           word.allSatisfy({ $0.isUppercase || $0.isNumber }), word.contains(where: \.isLetter) {
            let spelled = words[(words.count - 1 - word.count)..<(words.count - 1)]
            if String(spelled.compactMap { $0.first.map { Character($0.uppercased()) } }) == word {
                out.append(word)
                out.append(spelled.joined(separator: " "))
            }
        }
        if words.count >= 2, vendors.contains(words[0].lowercased()) {
            if words[0].lowercased() == "red", words.count >= 3, words[1].lowercased() == "hat" {
                out.append(words.dropFirst(2).joined(separator: " "))
            } else {
                let rest = words.dropFirst().joined(separator: " ")
                if rest.count >= 2 { out.append(rest) }
            }
        }
        if words.joined(separator: " ") != label { out.append(words.joined(separator: " ")) }
        // A derived one-word name must look like a product name ("Excel", ".NET", "PyTorch"), not a
        // plain word left over from a longer name ("Web" from "Web framework software").
        out = out.filter { alias in
            alias.contains(" ") || alias.contains(where: { !$0.isLetter }) || alias.dropFirst().contains(where: \.isUppercase)
                || (words.count == 2 && vendors.contains(words[0].lowercased()) && !genericLeftovers.contains(alias.lowercased()))
        }
        return out.filter { $0 != label }
    }
}
