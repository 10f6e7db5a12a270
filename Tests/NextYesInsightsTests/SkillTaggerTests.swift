import Foundation
import Testing
@testable import NextYesInsights

/// The cases a new user met: a verb taken for a tool, tools nobody found, a list of tools read
/// only half the time.
@Suite("Skill tagger")
struct SkillTaggerTests {
    let extractor: SkillExtractor

    init() throws {
        extractor = try SkillExtractor.bundled()
    }

    func found(_ text: String) -> [String] {
        var seen: Set<Int> = []
        return extractor.extract(text).filter { seen.insert($0.start).inserted }.map(\.text)
    }

    @Test func aVerbIsNotATool() {
        #expect(!found("Dig into funnel metrics").contains("Dig"))
        #expect(!found("Dig into funnel metrics and share what you learn.").contains("Dig"))
        #expect(!extractor.skills(in: "Dig into funnel metrics").contains { $0.name == "Dig" })
        #expect(!found("Go ahead and excel at what you do").contains { ["Go", "excel"].contains($0) })
    }

    @Test func aListOfToolsIsReadWithOrWithoutASentenceAroundIt() {
        #expect(found("Looker and Tableau") == ["Looker", "Tableau"])
        #expect(found("We use Looker and Tableau.") == ["Looker", "Tableau"])
    }

    @Test func findsTodaysDataAndProductTools() {
        let posting = "Experience with SQL, dbt and A/B testing; strong statistics. Dashboards in Tableau and Looker. Models on Snowflake with Python."
        let names = Set(found(posting).map { $0.lowercased() })
        for tool in ["dbt", "snowflake", "a/b testing", "statistics", "looker"] {
            #expect(names.contains(tool), "\(tool) in \(names)")
        }
        let more = Set(found("Experience with Databricks, Airflow, Kubernetes, Figma, Salesforce and HubSpot.").map { $0.lowercased() })
        for tool in ["databricks", "airflow", "kubernetes", "figma", "salesforce", "hubspot"] {
            #expect(more.contains(tool), "\(tool) in \(more)")
        }
        // A gazetteer name counts as a concept of its own, with an id the plan can use.
        #expect(extractor.extract("Experience with dbt and Snowflake.").contains { $0.source == .gazetteer && $0.id == "gazetteer:dbt" })
    }

    @Test func aNameAcrossALineBreakIsDecidedByItsOwnWords() {
        // "Industry:" ends one line of a posting's header and "Cloud" opens the next; the two
        // make a gazetteer name. The next line's reading ("Cloud" as a skill) is not its own.
        let header = "Role:\nDatabase Administrator System Administrator\nIndustry:\nCloud Computing Cloud Services Software\n"
        var utf8 = Array(header.utf8)
        let spans = utf8.withUnsafeMutableBufferPointer { extractor.matchRanges(in: UnsafeBufferPointer($0)) }
        let lineBreaks = utf8.indices.filter { utf8[$0] == 10 }
        #expect(!spans.contains { span in lineBreaks.contains { span.contains($0) } }, "\(spans.map { String(decoding: utf8[$0], as: UTF8.self) })")
    }

    @Test func aGazetteerNameCountsOnlyWhereTheTaggerReadsASkill() {
        // "snowflake" and "go" are in the gazetteer; here they are weather and a verb.
        #expect(!found("A snowflake fell as we go home.").contains { $0.lowercased() == "snowflake" })
    }

    @Test func phrasesAreTheTaggersSpansThatNameNoConcept() {
        let text = "You will work closely with customers and use SQL."
        let result = extractor.extractWithPhrases(text)
        #expect(result.skills.contains { $0.text == "SQL" })
        #expect(!result.phrases.isEmpty)
        let scalars = Array(text.unicodeScalars)
        for phrase in result.phrases {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[phrase.start..<phrase.end])
            #expect(String(view) == phrase.text)
            #expect(!result.skills.contains { $0.start < phrase.end && phrase.start < $0.end })
        }
        #expect(extractor.extractWithPhrases(text, phrases: false).phrases.isEmpty)
    }

    @Test func theWeightsRoundTripAndADamagedFileIsRefused() throws {
        let tagger = try #require(extractor.tagger)
        let url = try #require(Bundle.module.url(forResource: "skills-tagger", withExtension: "model"))
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(tagger.encoded() == bytes)
        var damaged = bytes
        damaged[bytes.count / 2] ^= 0x40
        #expect(throws: SkillTagger.LoadError.self) { try SkillTagger(bytes: damaged) }
        #expect(throws: SkillTagger.LoadError.self) { try SkillTagger(bytes: Array(bytes.prefix(100))) }
    }

    @Test func wordsAndSentencesAreSplitAsTheTaggerReadsThem() {
        let text = "Use (Node.js, C++ and C#). Then CI/CD!\nNext line"
        let bytes = Array(text.utf8)
        let words = bytes.withUnsafeBufferPointer { b in
            TaggerText(b).words.map { String(decoding: b[$0.start..<$0.end], as: UTF8.self) }
        }
        #expect(words == ["Use", "(", "Node.js", ",", "C++", "and", "C#", ")", ".", "Then", "CI/CD", "!", "Next", "line"])
        let sentences = bytes.withUnsafeBufferPointer { TaggerText($0).sentences }
        #expect(sentences == [0..<9, 9..<12, 12..<14])
    }
}
