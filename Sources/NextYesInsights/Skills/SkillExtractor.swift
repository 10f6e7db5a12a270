import Foundation

/// A skill found in a text, with where it is.
public struct ExtractedSkill: Hashable, Codable, Sendable {
    public var id: String
    public var label: String
    public var source: SkillSource
    /// The words as they appear in the text.
    public var text: String
    /// Offsets in Unicode code points (the indices a Python string uses), end exclusive.
    public var start: Int
    public var end: Int
}

/// Finds taxonomy concepts in any text in one pass (see `PhraseMatcher`).
public struct SkillExtractor: Sendable {
    public let taxonomy: SkillTaxonomy

    public init(taxonomy: SkillTaxonomy) {
        self.taxonomy = taxonomy
    }

    public static func bundled() throws -> SkillExtractor {
        SkillExtractor(taxonomy: try SkillTaxonomy.bundled())
    }

    /// Every concept found, in text order; a form that names several concepts yields one entry each.
    public func extract(_ text: String) -> [ExtractedSkill] {
        var utf8 = Array(text.utf8)
        var results: [ExtractedSkill] = []
        var scalarOffset = 0
        var byteOffset = 0
        @inline(__always) func advance(to target: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            while byteOffset < target {
                if bytes[byteOffset] & 0xC0 != 0x80 { scalarOffset += 1 }
                byteOffset += 1
            }
            return scalarOffset
        }
        utf8.withUnsafeMutableBufferPointer { mutable in
            let bytes = UnsafeBufferPointer(mutable)
            taxonomy.matcher.scan(bytes) { form, start, end in
                let startScalar = advance(to: start, bytes)
                let endScalar = advance(to: end, bytes)
                let matched = String(decoding: bytes[start..<end], as: UTF8.self)
                var seen: Set<Int32> = []
                for original in taxonomy.matcher.originalForms[Int(form)] {
                    for concept in taxonomy.formConcepts[Int(original)] where seen.insert(concept).inserted {
                        let c = taxonomy.concept(Int(concept))
                        results.append(ExtractedSkill(id: c.id, label: c.label, source: c.source, text: matched, start: startScalar, end: endScalar))
                    }
                }
            }
        }
        return results
    }

    /// The concepts a name stands for when the whole name is a known form ("sql", "MS Excel"),
    /// ignoring case and context; empty otherwise.
    public func concepts(named name: String) -> [SkillConcept] {
        guard let form = taxonomy.matcher.exactForm(name) else { return [] }
        var seen: Set<Int32> = []
        var out: [SkillConcept] = []
        for original in taxonomy.matcher.originalForms[Int(form)] {
            for concept in taxonomy.formConcepts[Int(original)] where seen.insert(concept).inserted {
                out.append(taxonomy.concept(Int(concept)))
            }
        }
        return out
    }

    /// The byte ranges of every match, for measuring speed and agreement without building results.
    public func matchRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        taxonomy.matcher.scan(bytes) { _, start, end in ranges.append(start..<end) }
        return ranges
    }

    /// How many matches, and nothing else: the pure cost of the pass.
    public func countMatches(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        taxonomy.matcher.scan(bytes) { _, _, _ in count += 1 }
        return count
    }
}
