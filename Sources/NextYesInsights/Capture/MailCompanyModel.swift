import Foundation

/// The learned part of the e-mail reader's company: every name-shaped run of capitalised words in
/// the subject, the sender's name and the message's own text is a candidate, described by where
/// it stands (the words before and after it, its line, the signature, the subject), how well the
/// sender's domain spells it, what the rules would have chosen, and its shape; one logistic model
/// scores each candidate and the best one is the company. Trained by `swift run nextyes-train` on
/// the development and training sets of `data/job-mail` (docs/models/mail-company.md); shipped as
/// `Resources/mail-company.model`. Without the file the rules decide alone.
public enum MailCompanyModel {
    public static let bucketBits = 16
    public static let resourceName = "mail-company"

    /// Loaded once; nil when the file is missing or damaged.
    public static let bundled = LogisticModel.bundled(resourceName)

    /// One possible company and what is known about it, as feature names.
    public struct Candidate: Sendable {
        public var name: String
        public var cues: Set<String>
        /// Only ever seen as a street address ("1000 West Maude Avenue" in a footer): never the
        /// company, so the reader passes over it (training still sees it, as a wrong candidate).
        public var address = false
    }

    /// The company the model prefers, or nil when there is no candidate.
    public static func company(_ candidates: [Candidate], model: LogisticModel) -> String? {
        var best: (String, Double)?
        for candidate in candidates where !candidate.address {
            let p = model.probability(indexes(candidate))
            if p > (best?.1 ?? -1) { best = (candidate.name, p) }
        }
        return best?.0
    }

    public static func indexes(_ candidate: Candidate) -> [Int] {
        let mask = UInt64((1 << bucketBits) - 1)
        return candidate.cues.sorted().map { cue in
            var hash: UInt64 = 0xcbf29ce484222325
            for byte in cue.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            return Int(hash & mask)
        }
    }

    // MARK: Candidates

    static let joiners: Set<String> = ["of", "and", "&", "de", "du", "des", "la", "le", "van", "der", "den", "von", "y", "e", "del", "di", "da", "für", "the", "for", "do", "dos", "das"]
    static let breakers: Set<Character> = [",", ";", ":", "!", "?", ")", "(", "\"", "“", "”", "|", "/", "·", "•"]
    static let greetings: Set<String> = ["hi", "hello", "dear", "hey", "hallo", "liebe", "lieber", "sehr", "bonjour", "hola", "estimado", "estimada", "beste", "geachte", "ciao", "gentile", "olá", "caro", "cara", "good"]
    static let closings: Set<String> = ["regards", "best", "thanks", "cheers", "sincerely", "grüßen", "grüße", "gruß", "cordialement", "saludos", "groet", "groeten", "saluti", "cumprimentos", "atentamente", "wishes", "warmly", "thank"]

    /// A word with its place in a line.
    struct Word {
        var text: String
        var bare: String
        var capital: Bool
        var joiner: Bool
        /// The word ends a name: a comma or full stop after it.
        var ends: Bool
    }

    static func words(_ line: Substring) -> [Word] {
        var result: [Word] = []
        for raw in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var token = String(raw)
            // Separators on their own ("-", "|", "–") break a run.
            if token.allSatisfy({ !$0.isLetter && !$0.isNumber && $0 != "&" }) {
                result.append(Word(text: token, bare: token, capital: false, joiner: false, ends: true))
                continue
            }
            let opens = token.first.map { breakers.contains($0) || $0 == "(" } ?? false
            while let first = token.first, !first.isLetter && !first.isNumber && first != "&" { token.removeFirst() }
            var ends = false
            while let last = token.last, breakers.contains(last) || last == "." || last == "'" || last == "’" {
                if last == "." && Names.suffixes.contains(token.lowercased()) { break }
                if last == "." && token.count <= 3 && token.dropLast().allSatisfy({ $0.isUppercase || $0 == "." }) { break }
                ends = true
                token.removeLast()
            }
            guard !token.isEmpty else { continue }
            let lower = token.lowercased()
            let elided = (lower.hasPrefix("l'") || lower.hasPrefix("d'") || lower.hasPrefix("l’") || lower.hasPrefix("d’")) && token.count > 2
                && token[token.index(token.startIndex, offsetBy: 2)].isUppercase
            let capital = token.first!.isUppercase || token.first!.isNumber && token.contains(where: \.isLetter) || elided
                || token.first!.isLowercase && token.dropFirst().contains(where: \.isUppercase) && !token.contains(".")
            if opens, !result.isEmpty { result[result.count - 1].ends = true }
            result.append(Word(text: token, bare: lower, capital: capital, joiner: joiners.contains(lower) || token == "&", ends: ends))
        }
        return result
    }

    /// Letters and digits only, with umlauts spelled out as domains spell them ("Brückner" → "brueckner").
    static func compact(_ text: String) -> (spelled: String, folded: String) {
        let lower = text.lowercased().replacingOccurrences(of: "&", with: "and")
        let spelled = lower.replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe").replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ß", with: "ss")
        func clean(_ s: String) -> String { s.folding(options: .diacriticInsensitive, locale: nil).filter { $0.isLetter || $0.isNumber } }
        return (clean(spelled), clean(lower))
    }

    /// How the sender's domain relates to a name.
    static func domainCue(_ name: String, label: String) -> String {
        guard !label.isEmpty else { return "dom_none" }
        let (spelled, folded) = compact(name)
        let noAnd = compact(name.replacingOccurrences(of: "&", with: " ")).folded
        let forms = [spelled, folded, noAnd].filter { !$0.isEmpty }
        if forms.contains(label) { return "dom_eq" }
        if forms.contains(where: { $0.count >= 4 && label.hasPrefix($0) }) { return "dom_name_prefix" }
        if forms.contains(where: { label.count >= 4 && $0.hasPrefix(label) }) { return "dom_label_prefix" }
        let nameWords = name.split(separator: " ").map { compact(String($0)).spelled }.filter { !$0.isEmpty && !joiners.contains($0) }
        // "lakeshoremb" for "Lakeshore Medical Billing": the first word, then initials.
        if let first = nameWords.first, first.count >= 3, label.hasPrefix(first) {
            let rest = label.dropFirst(first.count)
            let initials = String(nameWords.dropFirst().compactMap(\.first))
            if !rest.isEmpty && initials.hasPrefix(rest) { return "dom_initials" }
            return "dom_first_word"
        }
        let initials = String(nameWords.compactMap(\.first))
        if initials.count >= 2 && label == initials { return "dom_acronym" }
        if nameWords.contains(where: { $0.count >= 4 && label.contains($0) }) { return "dom_some_word" }
        return "dom_other"
    }

    static func wordCountCue(_ n: Int) -> String { "words_\(min(n, 5))" }

    /// Every run of capitalised words in a line (and every shorter run inside it that starts and
    /// ends with a capital), with the words around it as cues.
    static func spans(_ line: Substring) -> [(name: String, capitals: Int, previous: String, cues: [String])] {
        let words = words(line)
        var result: [(name: String, capitals: Int, previous: String, cues: [String])] = []
        var i = 0
        while i < words.count {
            guard words[i].capital else { i += 1; continue }
            var end = i
            while end + 1 < words.count, !words[end].ends, words[end + 1].capital || words[end + 1].joiner, end - i < 7 { end += 1 }
            for start in i...end where words[start].capital {
                var capitals = 0
                for stop in start...end {
                    guard words[stop].capital else { continue }
                    capitals += 1
                    guard capitals <= 6 else { break }
                    let span = words[start...stop].map(\.text).joined(separator: " ")
                    var cues: [String] = []
                    let previous = start > 0 ? words[start - 1].bare : "<line>"
                    let next = stop + 1 < words.count ? words[stop + 1].bare : "<eol>"
                    cues.append("prev_" + (start > 0 && words[start - 1].ends ? "<stop>" : previous))
                    cues.append("next_" + (words[stop].ends ? "<stop>" : next))
                    if start == i && stop == end { cues.append("whole_run") } else if start == i { cues.append("run_start") } else if stop == end { cues.append("run_end") } else { cues.append("run_inside") }
                    if start == 0 && stop == words.count - 1 { cues.append("whole_line") }
                    if start == 0 { cues.append("line_start") }
                    result.append((span, capitals, previous, cues))
                }
            }
            i = end + 1
        }
        return result
    }

    static let streetWords: Set<String> = [
        "avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr", "way", "parkway", "square", "place", "court",
        "strasse", "straße", "weg", "laan", "straat", "gracht", "rue", "calle", "avenida", "rua", "via", "plaza", "suite", "floor",
    ]

    static let clockWords: Set<String> = [
        "am", "pm", "a.m.", "p.m.", "ist", "gmt", "bst", "cet", "cest", "eet", "eest", "wet", "west", "est", "edt", "cst", "cdt", "mst", "mdt",
        "pst", "pdt", "utc", "aedt", "aest", "acst", "awst", "nzdt", "nzst", "wat", "cat", "eat", "sast", "sgt", "hkt", "jst", "kst", "pht", "wib", "gst", "pkt",
    ]

    /// Every candidate in one message, with the rules' choice among them.
    /// Applicant-tracking, assessment, scheduling and job-board platforms: a name with one of
    /// these words is the service writing on the employer's behalf.
    static let platforms: Set<String> = [
        "hackerrank", "codility", "testgorilla", "codesignal", "coderbyte", "hirevue", "pymetrics", "harver", "calendly", "greenhouse",
        "smartrecruiters", "ashbyhq", "teamtailor", "icims", "taleo", "successfactors", "jobvite", "bamboohr", "workable", "personio",
        "recruitee", "linkedin", "indeed", "glassdoor", "stepstone", "goodtime", "myworkday", "myworkdayjobs",
    ]

    public static func candidates(_ message: MailMessage, subject: String, body: String, ruleCompany: String?, role: String?) -> [Candidate] {
        var found: [String: Set<String>] = [:]
        var counts: [String: Int] = [:]
        var addresses: Set<String> = []
        var elsewhere: Set<String> = []
        func add(_ name: String, _ cues: [String]) {
            guard name.count >= 2, name.count <= 80 else { return }
            // "11:59 PM IST": a time and its zone are never a company.
            guard !name.lowercased().split(separator: " ").allSatisfy({ Self.clockWords.contains(String($0)) }) else { return }
            // "The Codility Team", "Greenhouse Recruiting": the platform that sent it, not the employer.
            guard !name.lowercased().split(separator: " ").contains(where: { Self.platforms.contains(String($0)) }) else { return }
            found[name, default: []].formUnion(cues)
            counts[name, default: 0] += 1
        }
        func runs(_ line: Substring, zone: String, lineCues: [String]) {
            for span in spans(line) {
                // "1000 West Maude Avenue": a street address in a footer.
                if span.previous.first?.isNumber == true, let last = span.name.split(separator: " ").last?.lowercased(), streetWords.contains(last) {
                    addresses.insert(span.name)
                } else {
                    elsewhere.insert(span.name)
                }
                var cues = [zone, zone + "_" + wordCountCue(span.capitals), zone + "_prev_" + span.previous] + lineCues + span.cues
                // The whole first line under the closing is nearly always the person signing.
                if lineCues.contains("sig_line_1"), span.cues.contains("whole_line") { cues.append("signed_name") }
                add(span.name, cues)
            }
        }
        runs(Substring(subject), zone: "subject", lineCues: [])
        let fromName = message.fromName.map(Header.decodeWords)
        if let fromName {
            runs(Substring(fromName), zone: "from", lineCues: [])
            if let display = CompanyFinder.companyFromDisplayName(fromName, address: message.fromAddress) { add(display, ["display"]) }
        }
        // A very long message: its start and its signature are where the company is named (and
        // the reading stays linear in what is read).
        let body = body.count > 12000 ? String(body.prefix(10000)) + "\n" + String(body.suffix(2000)) : body
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let nonEmpty = lines.indices.filter { !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }
        let closing = nonEmpty.last { index in
            let lower = lines[index].lowercased()
            return closings.contains { lower.contains($0) } && lines[index].count < 60
        }
        for (rank, index) in nonEmpty.enumerated() {
            let line = lines[index]
            var cues: [String] = []
            let fromEnd = nonEmpty.count - rank
            let zone: String
            if rank < 2 { zone = "top" } else if let closing, index > closing { zone = "signature" } else if fromEnd <= 4 { zone = "tail" } else { zone = "body" }
            if zone == "signature" { cues.append("sig_line_\(min(index - closing!, 5))") }
            if line.contains("|") { cues.append("line_bar") }
            if line.contains(where: \.isNumber) { cues.append("line_digits") }
            if line.count < 50 { cues.append("line_short") }
            if let first = line.split(separator: " ").first?.lowercased(), greetings.contains(first.trimmingCharacters(in: .punctuationCharacters)) { cues.append("line_greeting") }
            runs(line, zone: zone, lineCues: cues)
        }
        let domainLabel = (CompanyFinder.domainName(message.fromDomain) ?? "").lowercased().filter { $0.isLetter || $0.isNumber }
        let service = message.fromDomain.map { domain in domain.split(separator: ".").contains { CompanyFinder.services.contains(String($0)) } } ?? false
        if let label = CompanyFinder.domainName(message.fromDomain) { add(label, ["domain_label"]) }
        if let ruleCompany { add(ruleCompany, ["rule_source"]) }
        // An agency's client named in the subject.
        if let client = CompanyFinder.clientInSubject(message, body: body) { add(client, ["client_subject"]) }
        let ruleKey = ruleCompany.map(Names.key) ?? ""
        let roleKey = role.map(Names.key) ?? ""
        let personWords = Set((CompanyFinder.isPerson(fromName, address: message.fromAddress) ? fromName ?? "" : "").lowercased().split(separator: " ").map(String.init))
        let lowerText = (subject + "\n" + body).lowercased()
        var result: [Candidate] = []
        for (name, base) in found {
            var cues = base
            let key = Names.key(name)
            guard !key.isEmpty else { continue }
            let words = name.split(separator: " ").map { $0.lowercased() }
            let domain = domainCue(name, label: domainLabel)
            cues.insert(domain)
            cues.insert(service ? "service_sender" : "own_sender")
            cues.insert(domain + (service ? "_service" : "_own"))
            let count = lowerText.components(separatedBy: name.lowercased()).count - 1
            cues.insert("count_\(min(count, 4))")
            if !ruleKey.isEmpty {
                if key == ruleKey { cues.insert("rule_eq") } else if key.hasPrefix(ruleKey + " ") { cues.insert("rule_extends") } else if ruleKey.hasPrefix(key + " ") { cues.insert("rule_longer") } else { cues.insert("rule_other") }
            } else { cues.insert("rule_none") }
            if !roleKey.isEmpty && (roleKey.contains(key) || key.contains(roleKey)) { cues.insert("role_overlap") }
            if let last = words.last, Names.suffixes.contains(last) { cues.insert("legal_suffix") }
            if CompanyFinder.isRoleWord(name) { cues.insert("role_word") }
            if words.contains(where: { personWords.contains($0) }) { cues.insert("sender_person_word") }
            if CompanyFinder.isNamedInAddress(name, address: message.fromAddress) { cues.insert("person_in_address") }
            if words.contains(where: { Names.notNames.contains($0) }) { cues.insert("common_word") }
            if let first = words.first, Names.notNames.contains(first) { cues.insert("common_first") }
            if words.contains(where: { DateFinder.months[$0] != nil || DateFinder.weekdays[$0] != nil }) { cues.insert("date_word") }
            if words.contains(where: { CompanyFinder.teamWords.contains($0) }) { cues.insert("team_word") }
            if words.contains(where: { CompanyFinder.services.contains($0) }) { cues.insert("service_name") }
            if name.contains(where: \.isNumber) { cues.insert("has_digits") }
            if name == name.uppercased() && name.count <= 6 { cues.insert("all_caps_short") }
            cues.insert(wordCountCue(words.count))
            // Pairs that matter together.
            for cue in base where cue.hasPrefix("prev_") || cue == "display" || cue == "rule_source" || cue == "client_subject" { cues.insert(cue + "&" + domain) }
            result.append(Candidate(name: name, cues: cues, address: addresses.contains(name) && !elsewhere.contains(name)))
        }
        return result.sorted { $0.name < $1.name }
    }
}
