import NextYesCore
import NextYesInsights
import NextYesStore

/// The skills each job description names, read once and saved with the reader's version: the
/// first figure that needs them after an import reads the new postings (500 at a time); every
/// later one only loads what was saved. A new taxonomy or reader re-reads them all.
struct SkillReadings {
    let store: Store

    static let batch = 500

    func byApplication() async throws -> [Int: [SkillRef]] {
        let extractor = try SkillExtractor.bundled()
        let version = extractor.readerVersion
        for _ in 0..<10_000 {
            let unread = try await store.applications.unreadDescriptions(reader: version, limit: Self.batch)
            guard !unread.isEmpty else { break }
            try await store.applications.saveSkillReadings(
                unread.map { ($0.id, SkillRef.encode(extractor.skills(in: $0.text))) }, reader: version)
            if unread.count < Self.batch { break }
        }
        return try await store.applications.skillReadings(reader: version).mapValues(SkillRef.decode)
    }

    /// Demand across every posting, most asked first, against the profile.
    func demand(applications: [Application], rejections: [Rejection], profile: [String: SkillLevel]) async throws -> [SkillDemand] {
        let read = try await byApplication()
        return SkillGaps.demand(applications: applications, rejections: rejections, profile: profile) { read[$0.id] ?? [] }
    }
}
