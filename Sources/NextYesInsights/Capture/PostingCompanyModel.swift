import Foundation

/// The learned part of the posting reader's company, asked when the page has no structured data
/// and no "Company:" line: every name-shaped run of capitalised words in the page title and the
/// posting's lines is a candidate, described by where it stands (the words around it, the top of
/// the page, the lines under the role, the footer), how the page's address spells it, how often
/// it recurs, its shape, and how the rules scored it; one logistic model scores each and the best
/// is the company. Trained by `swift run nextyes-train` on the development and training sets of
/// `data/postings` (docs/models/posting-company.md); without the file the rules decide alone.
public enum PostingCompanyModel {
    public typealias Candidate = MailCompanyModel.Candidate
    public static let bucketBits = 16
    public static let resourceName = "posting-company"

    public static let bundled = LogisticModel.bundled(resourceName)

    public static func company(_ candidates: [Candidate], model: LogisticModel) -> String? {
        MailCompanyModel.company(candidates, model: model)
    }

    static let boardWords = ["job", "career", "emploi", "empleo", "praca", "impiego", "stellen", "vacature", "arbeit", "markt", "welt", "spot", "hire", "post", "board", "cause"]

    static func candidates(lines: [String], pageTitle: String?, siteName: String?, role: String?, url: String?,
                           rules: [String: (score: Double, evidence: String, sources: Set<String>)]) -> [Candidate] {
        var found: [String: Set<String>] = [:]
        var counts: [String: Int] = [:]
        func add(_ name: String, _ cues: [String]) {
            guard name.count >= 2, name.count <= 80 else { return }
            found[name, default: []].formUnion(cues)
            counts[name, default: 0] += 1
        }
        if let pageTitle {
            for span in MailCompanyModel.spans(Substring(pageTitle)) { add(span.name, ["title", "title_prev_" + span.previous] + span.cues) }
        }
        let roleLine = role.flatMap { role in lines.prefix(60).firstIndex { $0.contains(role) } }
        let shown = lines.count > 400 ? Array(lines.prefix(380)) + Array(lines.suffix(20)) : lines
        for (index, line) in shown.enumerated() {
            let zone: String
            if let roleLine, index > roleLine, index <= roleLine + 3, lines.count <= 400 || index < 380 { zone = "under_role" } else if index < 8 { zone = "top" } else if index >= shown.count - 12 { zone = "foot" } else if index < 60 { zone = "head" } else { zone = "body" }
            var lineCues = [String]()
            if line.count < 40 { lineCues.append("line_short") }
            if line.hasSuffix(".") { lineCues.append("line_sentence") }
            for span in MailCompanyModel.spans(Substring(line)) {
                add(span.name, [zone, zone + "_" + MailCompanyModel.wordCountCue(span.capitals), zone + "_prev_" + span.previous] + lineCues + span.cues)
            }
        }
        // Ties broken by the name, so the same page always gives the same cues.
        let ranked = rules.sorted { ($0.value.score, $1.key.count, $1.key) > ($1.value.score, $0.key.count, $0.key) }.map(\.key)
        for (rank, name) in ranked.enumerated() {
            let rule = rules[name]!
            let bucket = rule.score < 0 ? "neg" : rule.score < 2 ? "0" : rule.score < 4 ? "2" : rule.score < 7 ? "4" : "7"
            add(name, ["rule_rank_\(min(rank + 1, 4))", "rule_score_" + bucket] + rule.sources.map { "rule_src_" + $0 })
        }
        if let siteName, let clean = Names.clean(siteName) { add(clean, ["site_name"]) }
        let host = url.flatMap { URL(string: $0)?.host }
        let label = (CompanyFinder.domainName(host) ?? "").lowercased().filter { $0.isLetter || $0.isNumber }
        var result: [Candidate] = []
        for (name, base) in found {
            var cues = base
            let words = name.split(separator: " ").map { $0.lowercased() }
            // A name looks like one: not a greeting, a pronoun or a site's buttons alone.
            guard !words.isEmpty, Names.clean(name) != nil, !words.allSatisfy({ PostingText.interfaceWords.contains($0) }) else { continue }
            let domain = MailCompanyModel.domainCue(name, label: label)
            cues.insert(domain)
            cues.insert("count_\(min(counts[name] ?? 0, 6))")
            cues.insert(MailCompanyModel.wordCountCue(words.count))
            if rules[name] == nil { cues.insert("rule_none") }
            if let last = words.last, Names.suffixes.contains(last) { cues.insert("legal_suffix") }
            if !PostingText.plausibleCompany(name) { cues.insert("implausible") }
            if PostingText.looksLikeRole(name) { cues.insert("role_like") }
            if let role, role.contains(name) { cues.insert("in_role") }
            if LocationWords.isPlace(name) { cues.insert("place") }
            if words.contains(where: { PostingText.interfaceWords.contains($0) }) { cues.insert("interface_word") }
            if boardWords.contains(where: { name.lowercased().contains($0) }) { cues.insert("board_word") }
            if words.contains(where: { Names.notNames.contains($0) }) { cues.insert("common_word") }
            if name.contains(where: \.isNumber) { cues.insert("has_digits") }
            if let siteName, siteName.lowercased().contains(name.lowercased()) { cues.insert("in_site_name") }
            for cue in base where cue.hasPrefix("rule_rank") { cues.insert(cue + "&" + domain) }
            result.append(Candidate(name: name, cues: cues))
        }
        return result.sorted { $0.name < $1.name }
    }
}

extension PostingReader {
    /// The company candidates of one posting as the reader weighs them, or nil when the page's
    /// structured data or a "Company:" line decides (for training).
    public static func companyCandidates(_ content: String) -> [PostingCompanyModel.Candidate]? {
        let raw = String(content.prefix(maximumCharacters))
        let isHTML = looksLikeHTML(raw)
        let text = PostingText.withoutSimilarJobs(isHTML ? HTMLText.text(raw) : MailParser.tidy(raw))
        let structured = isHTML ? StructuredPosting.read(raw) : StructuredPosting()
        guard structured.company == nil else { return nil }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let labelled = PostingText.labelled("company", lines: lines), let name = Names.clean(labelled.value), PostingText.plausibleCompany(name) { return nil }
        let role = structured.title.flatMap { RoleFinder.clean($0) } ?? PostingText.role(lines: lines, pageTitle: structured.pageTitle, heading: structured.heading)?.value
        let rules = PostingText.companyScores(lines: lines, text: text, pageTitle: structured.pageTitle, siteName: structured.siteName, role: role)
        return PostingCompanyModel.candidates(lines: lines, pageTitle: structured.pageTitle, siteName: structured.siteName, role: role, url: structured.url, rules: rules)
    }
}
