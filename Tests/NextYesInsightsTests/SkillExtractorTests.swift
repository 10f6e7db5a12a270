import Foundation
import Testing
import NextYesCore
@testable import NextYesInsights

@Suite("Skill extraction")
struct SkillExtractorTests {
    let extractor: SkillExtractor

    init() throws {
        extractor = try SkillExtractor.bundled()
    }

    /// The matched words, each once, in text order.
    func found(_ text: String) -> [String] {
        var seen: Set<Int> = []
        return extractor.extract(text).filter { seen.insert($0.start).inserted }.map(\.text)
    }

    func labels(_ text: String) -> Set<String> { Set(extractor.extract(text).map(\.label)) }

    @Test func loadsTheWholeTaxonomy() throws {
        let taxonomy = extractor.taxonomy
        #expect(taxonomy.concepts.filter { $0.source != .gazetteer }.count > 15_000)
        #expect(taxonomy.formCount > 80_000)
        let sources = Set(taxonomy.concepts.map(\.source))
        #expect(sources == [.esco, .onetSkill, .onetTech, .gazetteer])
    }

    /// An everyday word stays one when the gazetteer's spelling of it ("routes") was read before
    /// the tool's ("Route"): every form behind a name is asked, not the first alone.
    @Test func anEverydayWordIsOneWhicheverFormCameFirst() {
        #expect(found("We plan the route.").isEmpty)
        #expect(found("Load vans for the morning routes").isEmpty)
        #expect(found("The bus routes changed.").isEmpty)
        let direct = SkillTaxonomy.self
        let taxonomy = try? direct.init(data: Data("gazetteer:routes\tgazetteer\troutes\nonet-tech:route\tonet-tech\tRoute\n".utf8))
        #expect(taxonomy.map { SkillExtractor(taxonomy: $0).extract("We plan the route.").isEmpty } == true)
        let reversed = try? direct.init(data: Data("onet-tech:route\tonet-tech\tRoute\ngazetteer:routes\tgazetteer\troutes\n".utf8))
        #expect(reversed.map { SkillExtractor(taxonomy: $0).extract("We plan the route.").isEmpty } == true)
    }

    /// A fourth trial's postings: "les données" gave O*NET's LES, "what does" DOE and "acts" Act!.
    /// A word of grammar in small letters is never a skill; the acronym in capitals still is.
    @Test func aWordOfGrammarIsNoSkill() {
        #expect(found("Vous analyserez les données de rétention.").isEmpty)
        #expect(found("What does the role involve? The company acts as a broker.").isEmpty)
        #expect(found("Experience with DOE and LES modelling.").starts(with: ["DOE", "LES"]))
    }

    /// A fifth trial: "R$ 8.500" gave R and "CAD $28" gave CAD. Before an amount a currency's
    /// letters are money; elsewhere R and CAD are still skills.
    @Test func aCurrencyBeforeAnAmountIsNoSkill() {
        #expect(!found("Salário: R$ 8.500 a R$ 11.000 por mês.").contains("R"))
        #expect(!found("Pay: CAD $28–$34 per hour.").contains("CAD"))
        #expect(found("Experience with R and Python.").contains("R"))
        #expect(found("You know CAD and technical drawing.").contains("CAD"))
    }

    @Test func reportsSpansInCodePointsIntoTheOriginalText() {
        // Accents and an emoji before the match: offsets count code points, as a Python string does.
        let text = "Café team 🚀 needs Kubernetes and machine learning."
        let skills = extractor.extract(text)
        let scalars = Array(text.unicodeScalars)
        for skill in skills {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[skill.start..<skill.end])
            #expect(String(view) == skill.text)
        }
        #expect(found(text) == ["Kubernetes", "machine learning"])
        #expect(skills.first { $0.text == "Kubernetes" }?.start == 18)
    }

    @Test func keepsTheSymbolsThatMatter() {
        let text = "Stack: C++, C#, .NET, Node.js and CI/CD pipelines."
        let words = found(text)
        for expected in ["C++", "C#", ".NET", "Node.js", "CI/CD"] {
            #expect(words.contains(expected), "missing \(expected) in \(words)")
        }
        // "C" alone is not C++ and "Node" alone is not Node.js.
        #expect(!found("Plan C is to node the graph").contains("C"))
    }

    @Test func foldsCaseHyphensAndLightInflection() {
        #expect(found("MACHINE-LEARNING experience") == ["MACHINE-LEARNING"])
        #expect(labels("machine learning").isSuperset(of: labels("Machine-Learning")))
        #expect(!found("Builds data pipelines every day").isEmpty)
        #expect(labels("data pipelines") == labels("data pipeline"))
    }

    @Test func matchesWholeWordsAndTheLongestForm() {
        #expect(!found("Our scalable javascripting").contains { $0.lowercased() == "scala" })
        #expect(!labels("JavaScript developers").contains("Oracle Java"))
        let longest = extractor.extract("Advanced Microsoft Excel skills")
        #expect(longest.contains { $0.text == "Microsoft Excel" })
        #expect(!longest.contains { $0.text == "Excel" })
    }

    @Test func countsShortAmbiguousNamesOnlyInContext() {
        #expect(found("Let's go to the park and excel at it").isEmpty)
        #expect(found("Proficient in Go and R for statistics").contains("Go"))
        #expect(found("Proficient in Go and R for statistics").contains("R"))
        #expect(!found("We made a swift decision").contains { $0.lowercased() == "swift" })
        #expect(found("iOS developer with Swift experience").contains("Swift"))
        #expect(found("Strong Excel skills required").contains("Excel"))
    }

    @Test func letsNeighbouringSkillsVouchForEachOther() {
        // A list of tools is its own context, even at the start of a sentence.
        #expect(found("Tableau and Excel") == ["Tableau", "Excel"])
        #expect(found("R and Python") == ["R", "Python"])
        #expect(found("Data Analyst. Excel, R.").contains("Excel"))
        // A name typed on its own is a skill; the same word in a sentence needs context.
        #expect(found("Excel") == ["Excel"] && found("C#") == ["C#"])
        #expect(found("We use Tableau.") == ["Tableau"])
        #expect(found("Go ahead and excel at what you do").isEmpty)
    }

    @Test func derivesShortFormsButNotOrdinaryLeftovers() {
        // "utilise machine learning" gives "machine learning"; "Continuous integration" gives "CI/CD".
        #expect(labels("Experience with machine learning").contains("utilise machine learning"))
        #expect(labels("Set up CI/CD for the team").contains("Continuous integration software"))
        // "Epic Systems" does not make "Systems" a skill.
        #expect(!found("Experience with Manufacturing Systems and tools").contains("Systems"))
    }

    @Test func tidiesNamesAndFindsTheProfilesOwnSkills() {
        let refs = extractor.skills(in: "Experience with Amazon Web Services (AWS) and dbt.", profileKeys: ["text:dbt", "text:knitting"])
        #expect(refs.map(\.name).contains("Amazon Web Services AWS"))
        #expect(refs.contains(SkillRef(key: "text:dbt", name: "dbt")))
        #expect(!refs.contains { $0.key == "text:knitting" })
        // Only whole words: "dbt" is not inside "dbtools".
        #expect(extractor.skills(in: "We use dbtools.", profileKeys: ["text:dbt"]).isEmpty)
    }

    /// A name is shown once for each source that names it: "SQL" is two O*NET concepts (one
    /// spelt "Structure query language SQL"), shown once; "project management" is in ESCO and
    /// in O*NET, shown once for each.
    @Test func aNameGivesOneConceptForEachSource() {
        let sql = extractor.extract("Experience with SQL").filter { $0.text == "SQL" }
        #expect(sql.count == 1 && sql.first?.source == .onetTech, "\(sql)")
        let management = extractor.extract("Experience with project management").filter { $0.text == "project management" }
        #expect(Set(management.map(\.source)) == [.esco, .onetTech] && management.count == 2, "\(management)")
        #expect(extractor.concepts(named: "SQL").count == 1)
    }

    @Test func recognisesAsSkillNameWhatAPersonTypes() {
        // "dashboards" is a gazetteer name the tagger reads as a skill here; the ESCO and O*NET names are the point.
        let fromPosting = extractor.skills(in: "You will write SQL and build dashboards in Microsoft Excel.").filter { !$0.key.hasPrefix("gazetteer:") }
        #expect(fromPosting.map(\.name) == ["SQL", "Microsoft Excel"])
        #expect(extractor.key(forSkillNamed: "sql") == fromPosting[0].key)
        #expect(extractor.key(forSkillNamed: " Microsoft excel ") == fromPosting[1].key)
        #expect(extractor.key(forSkillNamed: "Excel") == fromPosting[1].key)
        #expect(extractor.key(forSkillNamed: "Knitting circles") == "text:knitting circles")
    }

    @Test func handlesEmptyHugeAndBinaryText() {
        #expect(extractor.extract("").isEmpty)
        #expect(extractor.extract("   \n\t ").isEmpty)
        let huge = String(repeating: "We use Python and SQL daily. ", count: 40_000)
        #expect(extractor.extract(huge).count >= 80_000)
        let bytes = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        _ = extractor.extract(String(decoding: bytes, as: UTF8.self))
    }
}

@Suite("Skill gaps, the plan and career alignment")
struct SkillGapTests {
    let extractor: SkillExtractor

    init() throws {
        extractor = try SkillExtractor.bundled()
    }

    func app(_ id: Int, role: String = "Data Analyst", company: String = "Acme", description: String?, stage: Stage = .applied,
             outcome: Outcome = .open, applied: String = "2026-11-01") -> Application {
        Application(id: id, details: ApplicationDetails(company: company, role: role, jobDescription: description, appliedOn: Day(applied)),
                    stage: stage, furthestStage: stage, outcome: outcome, lastActivityOn: Day(applied)!, createdAt: Date(), updatedAt: Date())
    }

    func rejection(_ id: Int, at stage: Stage, _ category: RejectionCategory) -> Rejection {
        Rejection(applicationID: id, on: Day("2026-11-05")!, stageReached: stage, reason: nil, category: category,
                  controllable: category.controllability, feelings: [], intensity: nil, processingEndsOn: Day("2026-11-07")!)
    }

    @Test func comparesOnePostingWithTheProfile() {
        let posting = app(1, description: "Requirements: SQL, Python and Tableau. Experience with SQL a must.")
        let profile = [extractor.key(forSkillNamed: "sql"): SkillLevel.strong]
        let result = SkillGaps.forApplication(posting, extractor: extractor, profile: profile)
        #expect(result.asked.map(\.name) == ["SQL", "Python", "Tableau"])
        #expect(result.has.map(\.name) == ["SQL"])
        #expect(result.lacks.map(\.name) == ["Python", "Tableau"])
        #expect(result.match == 33)
        #expect(SkillGaps.forApplication(app(2, description: "A lovely team."), extractor: extractor, profile: profile).match == nil)
    }

    @Test func ranksDemandWeightedTowardSkillsGapsWithHonestCounts() {
        let apps = [
            app(1, description: "Python and SQL required."),
            app(2, description: "Python and SQL required."),
            app(3, description: "Experience with Tableau, plus SQL.", outcome: .rejected),
            app(4, description: "Experience with Tableau.", outcome: .rejected),
            app(5, description: nil),
        ]
        let rejections = [rejection(3, at: .interview, .skillsGap), rejection(4, at: .applied, .skillsGap)]
        let demand = SkillGaps.demand(applications: apps, rejections: rejections, extractor: extractor,
                                      profile: [extractor.key(forSkillNamed: "SQL"): .working])
        #expect(demand.map(\.skill.name).prefix(3) == ["SQL", "Tableau", "Python"])
        let tableau = demand[1]
        #expect(tableau.postings == 2 && tableau.totalPostings == 4)
        #expect(tableau.weight == 4.5)
        #expect(tableau.summary == "asked for in 2 of 4 postings; not in your profile")
        #expect(demand[0].summary == "asked for in 3 of 4 postings; in your profile (working knowledge)")
        #expect(tableau.applicationIDs == [3, 4])
    }

    @Test func theFastWholeWordSearchAgreesWithTheGeneralOne() {
        // On ASCII text the byte search answers; elsewhere it steps aside for Foundation's.
        #expect(SkillRef.asciiWholeWord("dbt", in: "We use DBT daily.") == .some("DBT"))
        #expect(SkillRef.asciiWholeWord("dbt", in: "We use dbtools.") == .some(nil))
        #expect(SkillRef.asciiWholeWord("C", in: "C++ and C#") == .some("C"))
        #expect(SkillRef.asciiWholeWord("cafe", in: "Café culture") == nil)
        #expect(SkillRef.wholeWord("cafe", in: "Café culture") == "Café")
        // Random short texts over a small alphabet, so that near misses are common.
        var rng = SplitMix64(seed: 7)
        let alphabet = Array("abAB1 -.+\n")
        for _ in 0..<3000 {
            let text = String((0..<Int(rng.next() % 24)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let name = String((0..<(1 + Int(rng.next() % 3))).map { _ in alphabet[Int(rng.next() % 5)] })
            var general: String?
            var from = text.startIndex
            while let range = text.range(of: name, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex) {
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                let edge: (Character?) -> Bool = { c in c.map { !$0.isLetter && !$0.isNumber } ?? true }
                if edge(before) && edge(after) { general = String(text[range]); break }
                from = range.upperBound
            }
            #expect(SkillRef.wholeWord(name, in: text) == general, "\(name) in \(text)")
        }
    }

    @Test func demandFindsTheProfilesOwnWordsInEachPosting() {
        let apps = [app(1, description: "dbt and SQL."), app(2, description: "SQL only."), app(3, description: "Café ops, dbt.")]
        let demand = SkillGaps.demand(applications: apps, rejections: [], extractor: extractor, profile: ["text:dbt": .working])
        let dbt = demand.first { $0.skill.key == "text:dbt" }
        #expect(dbt?.postings == 2 && dbt?.applicationIDs == [1, 3] && dbt?.totalPostings == 3)
        // The same from saved readings by id, in the order given.
        let byID = Dictionary(uniqueKeysWithValues: apps.map { ($0.id, $0) })
        let saved = SkillGaps.demand(postings: [3, 2, 1], rejections: [], profile: ["text:dbt": .working],
                                     readSkills: { extractor.skills(in: byID[$0]!.details.jobDescription!) },
                                     description: { byID[$0]?.details.jobDescription })
        #expect(saved.first { $0.skill.key == "text:dbt" }?.applicationIDs == [3, 1])
        #expect(Set(saved.map(\.skill.key)) == Set(demand.map(\.skill.key)))
    }

    @Test func proposesMeasurableGoalsWithoutInventedCourses() {
        let apps = (1...5).map { app($0, description: "Experience with Tableau and Python required.") }
        let demand = SkillGaps.demand(applications: apps, rejections: [], extractor: extractor,
                                      profile: [extractor.key(forSkillNamed: "Python"): .learning])
        let themes = [RecurringTheme(theme: .communication, polarity: .improvement, applicationIDs: [1, 2], evidence: []),
                      RecurringTheme(theme: .teamwork, polarity: .strength, applicationIDs: [1, 2], evidence: [])]
        let today = Day("2026-11-21")!
        let proposals = DevelopmentPlan.propose(demand: demand, recurring: themes, goals: [], today: today)
        #expect(proposals.map(\.title) == ["Python: from learning to working level", "Build working knowledge of Tableau", "Strengthen communication & presentation"])
        for proposal in proposals {
            #expect(proposal.deadline > today && proposal.weeklyHours > 0 && !proposal.measure.isEmpty)
            #expect(!proposal.measure.contains("http") && !proposal.reason.isEmpty)
        }
        #expect(proposals.map(\.action) == [.project, .course, .practice])
        #expect(proposals.map(\.id) == ["python", "tableau", "communication"])
        #expect(DevelopmentPlan.slug("C++", taken: []) == "c-plus-plus" && DevelopmentPlan.slug("CI/CD", taken: ["ci-cd"]) == "ci-cd-2")
        #expect(proposals[1].reason == "Tableau is asked for in 5 of 5 postings; not in your profile.")

        // Accepted or declined suggestions are not made again.
        let taken = PlanGoal(id: 1, title: "x", focus: proposals[0].focus, action: .course, measure: "m", deadline: today,
                             weeklyHours: 1, status: .dropped, createdOn: today)
        let again = DevelopmentPlan.propose(demand: demand, recurring: themes, goals: [taken], today: today)
        #expect(!again.contains { $0.focus == proposals[0].focus })
        #expect(again.count == 2)
    }

    @Test func goalFormsSayWhatToFix() {
        let today = Day("2026-11-21")!
        do {
            _ = try GoalForm(title: "", action: "juggling", measure: " ", deadline: "2026-11-01", weeklyHours: "80").validated(today: today)
            Issue.record("expected errors")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["title", "action", "measure", "deadline", "weeklyHours"])
            #expect(error["deadline"]?.contains("has passed") == true)
        }
        let valid = try? GoalForm(title: "SQL", focus: "onet", action: "Mentor conversation", measure: "Talk to Sam",
                                  deadline: "2026-12-01", weeklyHours: "2").validated(today: today)
        #expect(valid?.action == .mentorConversation)
    }

    @Test func tracksProgressAgainstThePlannedHours() {
        let goal = PlanGoal(id: 1, title: "t", focus: "f", action: .project, measure: "m", deadline: Day("2026-12-19")!,
                            weeklyHours: 3, status: .active, hoursLogged: 6, createdOn: Day("2026-11-21")!)
        #expect(goal.progress == 0.5)
    }

    @Test func checksTheLastTwentyApplicationsAgainstTheTargets() throws {
        let targets = CareerTargets(roles: ["data analyst"], industries: ["healthcare"])
        var apps = (1...20).map { app($0, role: $0 <= 8 ? "Senior Data Analyst" : "Sales Associate", description: nil, applied: "2026-11-\(String(format: "%02d", $0))") }
        apps.append(app(21, role: "Nurse", company: "City Healthcare Trust", description: nil, applied: "2026-10-01"))
        let alignment = try #require(CareerAlignment.check(apps, targets: targets))
        #expect(alignment.considered == 20 && alignment.aligned == 8)
        #expect(alignment.suggestsReassessing)
        #expect(alignment.reading.contains("refocus") && alignment.reading.contains("pivot on purpose"))
        #expect(!alignment.unalignedIDs.contains(21))
        // Industries match the company or description, and a saved (unsent) posting doesn't count.
        apps.append(app(22, role: "Analyst", company: "Healthcare Co", description: nil, stage: .saved, applied: "2026-11-30"))
        #expect(CareerAlignment.check(apps, targets: targets)?.considered == 20)
        #expect(CareerAlignment.check(apps, targets: CareerTargets(values: ["kindness"])) == nil)
        let few = try #require(CareerAlignment.check(Array(apps.prefix(3)), targets: targets))
        #expect(!few.suggestsReassessing && few.reading == "3 of your last 3 applications match your target roles or industries.")
    }

    @Test func splitsTargetListsAndRejectsOverlongEntries() {
        var errors = ValidationErrors()
        let list = CareerTargets.list("Data Analyst\n data analyst , BI Developer;\n\n", field: "roles", errors: &errors)
        #expect(list == ["Data Analyst", "BI Developer"] && errors.isEmpty)
        _ = CareerTargets.list(String(repeating: "x", count: 500), field: "roles", errors: &errors)
        #expect(errors["roles"] != nil)
    }
}

@Suite("The compiled taxonomy")
struct TaxonomyImageTests {
    static var source: Data {
        get throws {
            try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/NextYesInsights/Resources/taxonomy.tsv"))
        }
    }

    @Test func theShippedImageReadsLikeTheSource() throws {
        let shipped = try SkillExtractor.bundled()
        let fromSource = SkillExtractor(taxonomy: try SkillTaxonomy(data: try Self.source), tagger: shipped.tagger)
        #expect(shipped.taxonomy.conceptCount == fromSource.taxonomy.conceptCount)
        #expect(shipped.taxonomy.formCount == fromSource.taxonomy.formCount)
        #expect(shipped.taxonomy.fingerprint != 0)
        for text in ["Built SQL dashboards in Tableau and Power BI for stakeholders.",
                     "Experience with machine learning, Python (pandas), AWS and CI/CD pipelines; Go or R a plus.",
                     "Excellent communication; Microsoft Excel; front-end development with React and Node.js."] {
            #expect(shipped.extract(text) == fromSource.extract(text), "\(text)")
        }
        #expect(shipped.key(forSkillNamed: "sql") == fromSource.key(forSkillNamed: "sql"))
    }

    @Test func aDamagedImageIsRefusedWithAClearMessage() throws {
        var bytes = try SkillTaxonomy(data: try Self.source).compiled()
        #expect(try SkillTaxonomy.decompile(bytes).conceptCount > 15_000)
        // One changed byte anywhere (each of the checksum's four lanes, the tail) is refused.
        for position in [16, 24, 32, 40, bytes.count / 2, bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x01
            #expect(throws: (any Error).self) { try SkillTaxonomy.decompile(damaged) }
        }
        bytes[bytes.count / 2] ^= 0xFF
        #expect(throws: (any Error).self) { try SkillTaxonomy.decompile(bytes) }
        do {
            _ = try SkillTaxonomy.decompile(Array(bytes.prefix(100)))
        } catch {
            #expect(error.localizedDescription.contains("nextyes-train --taxonomy"))
        }
    }

    @Test func theReaderVersionIsReadFromTheHeaderAlone() throws {
        #expect(try SkillExtractor.bundledReaderVersion() == SkillExtractor.bundled().readerVersion)
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/NextYesInsights/Resources/taxonomy.bin")
        let header = [UInt8](try FileHandle(forReadingFrom: shipped).read(upToCount: 16) ?? Data())
        #expect(try TaxonomyImage.fingerprint(header: header) == SkillTaxonomy.bundled().fingerprint)
        #expect(throws: (any Error).self) { try TaxonomyImage.fingerprint(header: Array("NYTX".utf8)) }
    }

    @Test func savedSkillsRoundTrip() {
        let skills = [SkillRef(key: "onet-tech:sql", name: "SQL"), SkillRef(key: "text:dbt", name: "dbt\twith\na tab")]
        let back = SkillRef.decode(SkillRef.encode(skills))
        #expect(back.map(\.key) == skills.map(\.key))
        #expect(back[1].name == "dbt with a tab")
        #expect(SkillRef.decode("").isEmpty)
        #expect(SkillRef.decode("\n\nno tab here\nk\tÉlan vital\n") == [SkillRef(key: "k", name: "Élan vital")])
        #expect(SkillRef.decode("a\t\nb\tx\ty") == [SkillRef(key: "a", name: ""), SkillRef(key: "b", name: "x\ty")])
    }
}
