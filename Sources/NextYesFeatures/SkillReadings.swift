import NextYesCore
import NextYesInsights
import NextYesStore

/// The skills each job description names, read once and saved with the reader's version: the
/// first figure that needs them after an import reads the new postings (500 at a time); every
/// later one only loads what was saved. A new taxonomy or reader re-reads them all.
struct SkillReadings {
    let store: Store

    static let batch = 500

    /// Every posting's skills, in the order of the applications table (latest news first): one
    /// entry for each application with a job description.
    func all() async throws -> [(id: Int, skills: [SkillRef])] {
        let version = try await readNew()
        return try await store.applications.skillReadings(reader: version).map { ($0.id, SkillRef.decode($0.reading)) }
    }

    /// Reads the postings not read yet by this reader and saves their skills; returns the
    /// reader's version. Imports call it as they save, so no page pays for a whole spreadsheet.
    @discardableResult
    func readNew() async throws -> Int64 {
        // The version is in the taxonomy's header; the taxonomy itself loads only if there is
        // something new to read.
        let version = try SkillExtractor.bundledReaderVersion()
        for _ in 0..<10_000 {
            let unread = try await store.applications.unreadDescriptions(reader: version, limit: Self.batch)
            guard !unread.isEmpty else { break }
            let extractor = try SkillExtractor.bundled()
            try await store.applications.saveSkillReadings(
                unread.map { ($0.id, SkillRef.encode(extractor.skills(in: $0.text))) }, reader: version)
            if unread.count < Self.batch { break }
        }
        return version
    }

    /// Demand across every posting (or only those `among`), most asked first, against the
    /// profile. No application is loaded: the saved readings, the rejections and, only when the
    /// profile holds skills in the person's own words, the descriptions.
    func demand(among: Set<Int>? = nil, rejections: [Rejection], profile: [String: SkillLevel]) async throws -> [SkillDemand] {
        var read = try await all()
        if let among { read.removeAll { !among.contains($0.id) } }
        let skills = Dictionary(read.map { ($0.id, $0.skills) }, uniquingKeysWith: { a, _ in a })
        let descriptions = profile.keys.contains { $0.hasPrefix("text:") } ? try await store.applications.jobDescriptions() : [:]
        return SkillGaps.demand(postings: read.map(\.id), rejections: rejections, profile: profile,
                                readSkills: { skills[$0] ?? [] }, description: { descriptions[$0] })
    }
}
