import Foundation
import NextYesCore

/// A regular expression whose first group is what is wanted.
struct Capture: @unchecked Sendable {
    let expression: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool = false) {
        expression = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    func all(in text: String) -> [String] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            (1..<match.numberOfRanges).lazy.compactMap { Range(match.range(at: $0), in: text) }.first.map { String(text[$0]) }
        }
    }

    func firstMatch(in text: String) -> Range<String.Index>? {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).flatMap { Range($0.range, in: text) }
    }

    func first(in text: String) -> String? {
        guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<match.numberOfRanges).lazy.compactMap { Range(match.range(at: $0), in: text) }.first.map { String(text[$0]) }
    }
}

/// Names of organisations: capitalised words, with the small words and suffixes that join them.
enum Names {
    /// A capitalised name of one to five words ("Northwind Traders Ltd", "Bank of Bolt", "BrightPath B.V.").
    static let name = #"((?:[A-Z0-9\p{Lu}][\p{L}\p{N}&'’.\-]*|[a-z]+[A-Z][\p{L}\p{N}]*)(?:(?:[ \t]|[ \t]?&[ \t]?)(?:[A-Z0-9&][\p{L}\p{N}&'’.\-]*|of|and|de|du|des|la|le|van|der|den|von|y|e|del|di|da|am|an|für|the|for)){0,5})"#

    static let suffixes = ["inc", "inc.", "ltd", "ltd.", "limited", "pvt", "pvt.", "ggmbh", "llp", "lp", "llc", "gmbh", "ag", "se", "sa", "s.a.", "sas", "sarl", "bv", "b.v.", "nv", "n.v.",
                           "plc", "co", "co.", "corp", "corp.", "corporation", "group", "s.l.", "sl", "srl", "s.r.l.", "spa", "s.p.a.", "ab", "as", "oy", "pty", "kg", "lda", "ug"]

    static let notNames: Set<String> = [
        "our", "the", "we", "your", "you", "unfortunately", "thank", "thanks", "dear", "hi", "hello", "best", "kind", "regards", "team", "talent",
        "recruiting", "recruitment", "careers", "career", "hr", "hiring", "people", "jobs", "job", "a", "an", "this", "that", "us", "all", "it",
        "application", "applications", "interview", "position", "role", "leider", "ihr", "ihre", "wir", "vielen", "dank", "liebe", "lieber",
        "sehr", "merci", "nous", "votre", "vous", "madame", "monsieur", "bonjour", "gracias", "hola", "estimado", "estimada", "beste", "geachte",
        "bedankt", "helaas", "linkedin", "indeed", "glassdoor", "gmail", "outlook", "yahoo", "google", "no-reply", "noreply", "notifications",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "hiring manager", "recruiter", "candidate", "please",
        "absage", "zusage", "kennziffer", "entrevista", "entretien", "bewerbung", "candidature", "candidatura", "invitation", "rückmeldung", "einladung", "offer", "assessment",
        "fragen", "questions", "next steps", "sollicitatie", "colloquio", "esito", "reminder", "confirmation", "thank you", "congratulations", "great news",
        "their", "they", "them", "re", "fwd", "fw", "aw", "wg", "tr", "rv", "ihnen", "sie", "dich", "uns", "unser", "unsere", "nos", "nous", "su", "tu", "je", "jou", "uw", "update", "news",
        // Where a call takes place or a test is taken, not who is hiring.
        "zoom", "teams", "microsoft teams", "google meet", "meet", "webex", "skype", "calendly", "hackerrank", "codility", "hirevue", "codesignal", "testgorilla",
    ]

    /// Words that open a sentence, not a name: "Same Zoom link", "Sorry Acme…".
    static let sentenceOpeners: Set<String> = [
        "Same", "Sorry", "Please", "Also", "Just", "Looking", "Hope", "Hoping", "Sadly", "Unfortunately", "Thanks", "Thank", "Many", "Every", "Each", "Any",
        "Our", "Your", "Their", "This", "That", "These", "Those", "Congratulations", "Welcome", "Great", "Good", "Happy", "Lovely", "Again",
    ]

    /// A found name made tidy: surrounding punctuation, a leading "the", trailing team words cut.
    static func clean(_ raw: String) -> String? {
        var words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // A full stop ends the name, unless it belongs to a suffix or an initial ("Inc.", "B.V.").
        if let stop = words.firstIndex(where: { $0.hasSuffix(".") && !suffixes.contains($0.lowercased()) && $0.count > 2 && !$0.dropLast().contains(".") }) {
            words[stop].removeLast()
            words = Array(words[...stop])
        }
        while let first = words.first, ["the", "The", "at", "bei", "chez", "en", "bij", "a", "à", "an", "der", "die", "das", "Die", "Der", "Das", "la", "le", "el", "de", "La", "Le", "El", "Werken", "Vacature:", "Job:", "Stelle:", "Life",
                                                 // A team named before its company: "Equipa de Recrutamento Solmar Hotéis", "Ufficio Selezione Cantieri Vela".
                                                 "Equipa", "Equipe", "Équipe", "Recrutamento", "Recrutement", "Reclutamiento", "Selección", "Selezione", "Ufficio", "Rekrytering", "Werving"].contains(first)
                || sentenceOpeners.contains(first) && words.count > 1 { words.removeFirst() }
        // "Recruitment Adyen", "Equipo de Talento BBVA": a team named before its company, in any of the
        // languages the reader knows, when a name follows.
        if words.count > 1, CompanyFinder.teamNameWords.contains(Substring(words[0].lowercased())) || words[0] == "Equipo",
           let rest = words.firstIndex(where: { !CompanyFinder.teamNameWords.contains(Substring($0.lowercased())) && $0 != "Equipo" }),
           words[rest].first?.isUppercase == true, !suffixes.contains(words[rest].lowercased()) {
            words.removeFirst(rest)
        }
        // "join Atlassian as a Product Designer": "as" in small letters is the link, not the Norwegian "AS".
        if words.count > 1, words.last == "as" { words.removeLast() }
        let trailing: Set<String> = ["team", "teams", "talent", "acquisition", "recruiting", "recruitment", "careers", "career", "hiring", "people", "hr", "jobs",
                                     "and", "of", "for", "the", "y", "e", "de", "van", "von", "&", "is", "are", "has", "have", "will", "would", "we",
                                     "personalabteilung", "recrutement", "rrhh", "karriere", "recruitingteam", "notifications", "via", "on", "in", "rh", "early", "we", "we’re", "we're", "graduate", "programme", "program", "apprentice", "apprenticeship", "office", "internship", "interns"]
        // Team words go only with "team" ("Acme Talent Team"); "Castlegate Recruitment" is a name.
        if let last = words.last?.lowercased(), ["team", "teams", "department", "dept", "notifications"].contains(last) {
            while let last = words.last, trailing.contains(last.lowercased()) { words.removeLast() }
        } else {
            let joining: Set<String> = ["and", "of", "for", "the", "y", "e", "de", "van", "von", "&", "is", "are", "has", "have", "will", "would", "we", "via", "on", "in",
                                        "we’re", "we're", "careers", "career", "jobs", "hr", "rh", "karriere", "recrutement", "rrhh", "personalabteilung", "early", "graduate",
                                        "programme", "program", "apprentice", "apprenticeship", "office", "internship", "interns"]
            while let last = words.last, joining.contains(last.lowercased()) { words.removeLast() }
        }
        guard !words.isEmpty else { return nil }
        var name = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " .,;:!?'’\"“”()-–—"))
        // Keep a suffix's own full stop ("Inc.").
        if let last = words.last?.lowercased(), suffixes.contains(last), last.hasSuffix("."), !name.hasSuffix(".") { name += "." }
        guard name.count >= 2, !notNames.contains(name.lowercased()), name.first?.isLetter == true || name.first?.isNumber == true else { return nil }
        return name
    }

    /// Lowercased, without legal suffixes and punctuation: for comparing two spellings.
    static func key(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "." && $0 != "&" }).map(String.init)
        while let last = words.last, suffixes.contains(last) || suffixes.contains(last + ".") { words.removeLast() }
        return words.joined(separator: " ").replacingOccurrences(of: ".", with: "")
    }
}

enum CompanyFinder {
    static let n = Names.name
    static let bodyPatterns: [Capture] = [
        Capture(#"(?i:interest in(?: joining| working (?:at|for|with))?|applying (?:to|at|with|for a (?:role|position|job) (?:at|with))|application (?:to|at|with)|(?:position|role|job|opportunity|opening|vacancy|career|internship|opportunities|openings) (?:at|with)|join(?:ing)?|joined|considering|interview(?:ing)? (?:at|with)|offer (?:from|at))\s+"# + n),
        Capture(n + #"\s+(?i:talent acquisition|recruiting|recruitment|hiring|people|hr|careers?|talent|people & culture|people and culture)\s+(?i:team|department)"#),
        Capture(#"(?i:the team at|on behalf of(?: the team at)?|everyone at|all of us at|wishes from|regards from|greetings from|here at|we at|(?:was |been )?(?:sent|submitted|forwarded) to)\s+"# + n),
        Capture(#"(?i:bewerbung (?:bei|an|für)(?: der| die| den)?|interesse an(?: der| einer tätigkeit bei| einer mitarbeit bei)?|interesse für|bei der|bei|team von|ihr|dein)\s+"# + n + #"(?=[\s,.!]|-team)"#),
        Capture(#"(?i:intérêt (?:pour|que vous portez à|porté à)|candidature (?:chez|auprès de|au sein de)|au sein de|l'équipe(?: recrutement)?(?: de| d')?|chez)\s*"# + n),
        Capture(#"(?i:interés en|interés por|candidatura en|solicitud en|el equipo de(?: selección de| talento de| rrhh de)?|trabajar en|formar parte de)\s+"# + n),
        Capture(#"(?i:interesse in|sollicitatie bij|solliciteren bij|werken bij|het team van|namens)\s+"# + n),
        Capture(#"(?i:interesse per|candidatura presso|lavorare in|il team di|interesse na|candidatura na|equipe d[ao])\s+"# + n),
    ]
    static let subjectPatterns: [Capture] = [
        Capture(#"(?i:\bat|\bwith|\bbei|\bchez|\ben|\bbij|\bpresso)\s+"# + n + #"\s*(?:$|[-|:(–—!])"#),
    ]
    /// Senders that are not the employer: mail services and applicant tracking systems.
    static let services: Set<String> = [
        "gmail", "googlemail", "outlook", "hotmail", "live", "yahoo", "icloud", "me", "aol", "gmx", "web", "proton", "protonmail", "mail", "email",
        "greenhouse", "greenhouse-mail", "lever", "hire", "workday", "myworkday", "myworkdayjobs", "smartrecruiters", "ashbyhq", "ashby", "recruitee",
        "personio", "teamtailor", "icims", "taleo", "successfactors", "jobvite", "bamboohr", "workable", "breezy", "jazzhr", "pinpointhq", "softgarden",
        "join", "linkedin", "indeed", "glassdoor", "stepstone", "xing", "welcometothejungle", "comeet", "dover", "rippling", "gem", "beamery",
        // Assessment, video and scheduling services that write on an employer's behalf.
        "hackerrank", "codility", "testgorilla", "codesignal", "coderbyte", "hirevue", "pymetrics", "harver", "calendly", "goodtime", "zoom", "webex",
    ]
    static let genericLabels = ["careers", "career", "jobs", "job", "mail", "email", "e-mail", "recruiting", "recruitment", "talent", "hr", "notifications", "notification",
                                "noreply", "no-reply", "info", "apply", "hire", "hiring", "ats", "applicants", "applicant", "candidates", "people", "team", "news", "em", "e",
                                "smtp", "bounce", "bounces", "reply", "messages", "msg", "system", "portal", "karriere", "emploi", "empleo", "werkenbij", "www"]
    static let tlds: Set<String> = ["com", "org", "net", "io", "co", "uk", "de", "fr", "es", "nl", "it", "pt", "be", "ch", "at", "se", "dk", "no", "fi", "ie", "eu",
                                    "us", "ca", "au", "nz", "in", "example", "test", "invalid", "ai", "app", "dev", "tech", "jobs", "careers", "biz", "info", "br", "mx", "pl", "cz", "gov", "edu", "ac"]

    static func company(in message: MailMessage, body: String) -> String? {
        let head = String(body.prefix(4000))
        let fromName = message.fromName.map(Header.decodeWords).map { name in
            name.firstIndex(of: "(").map { String(name[..<$0]).trimmingCharacters(in: .whitespaces) } ?? name
        }
        let personSender = isPerson(fromName, address: message.fromAddress)
        let displayCompany = personSender ? nil : fromName.flatMap { companyFromDisplayName($0, address: message.fromAddress) }
        let domainLabel = domainName(message.fromDomain)
        if let client = clientInSubject(message, body: body) { return client }
        let spelledDomain = domainLabel.flatMap { label in spelled(label.replacingOccurrences(of: " ", with: ""), in: body + "\n" + (message.fromName ?? "")) }
        let domainCompany = spelledDomain ?? domainLabel.flatMap { label in
            // A domain the text never names is likely a service's (a job board, a scheduler).
            (body + " " + (fromName ?? "")).range(of: label, options: [.caseInsensitive, .diacriticInsensitive]) != nil ? label : nil
        }
        var candidates: [String] = []
        for pattern in bodyPatterns { candidates += pattern.all(in: head).compactMap { companyFromDisplayName($0) ?? Names.clean($0) } }
        // "Meritest on behalf of Saxonbury Insurance": the employer is the one behalf is taken for.
        candidates = candidates.map { name in name.range(of: " on behalf of ").map { String(name[$0.upperBound...]) } ?? name }
        // The signature: the last lines often name the company.
        let tail = String(body.suffix(600))
        for pattern in bodyPatterns.prefix(3) { candidates += pattern.all(in: tail).compactMap(Names.clean) }
        // "…the Data Analyst role with Sam Okafor (Head of Analytics) and me": a person.
        candidates.removeAll { namedAsAPerson($0, in: body) }
        var subjectCandidates: [String] = []
        for pattern in subjectPatterns { subjectCandidates += pattern.all(in: message.subject).compactMap(Names.clean) }
        // What the sender's name or domain says, confirmed by the text where possible.
        for hint in [displayCompany, domainCompany].compactMap({ $0 }) {
            let key = Names.key(hint)
            if let confirmed = (candidates + subjectCandidates).first(where: { Names.key($0).hasPrefix(key) || key.hasPrefix(Names.key($0)) && Names.key($0).count >= 3 }) {
                return longest(confirmed, fullNameIn: body, startingWith: hint)
            }
        }
        // A sender's name the text never mentions (a scheduling tool, a job board) gives way to a
        // company the text names.
        if let display = displayCompany,
           body.range(of: display, options: [.caseInsensitive, .diacriticInsensitive]) != nil || !candidates.contains(where: { !isRoleWord($0) }) {
            return longest(display, fullNameIn: body, startingWith: display)
        }
        if let first = candidates.first(where: { !isRoleWord($0) }) { return first }
        if let subject = subjectCandidates.first(where: { !isRoleWord($0) }) { return subject }
        if let domain = domainCompany {
            return longest(domain, fullNameIn: body + "\n" + message.subject, startingWith: domain)
        }
        return nil
    }

    /// Words an agency's mail uses for the employer it recruits for: "my client", "our client"
    /// (not "the client" or "our clients", which an employer writes about its own customers).
    static let clientWords = PatternSet([
        #"\b(?:my|our) client\b(?!s|'s|’s)"#, #"\b(?:from|by) the client\b"#, #"\bthe client (?:has|have|would|is|was|wants|decided|came|liked|loved|said|will|asked)\b"#, #"\ba client of (?:mine|ours)\b"#, #"\bunse(?:r|rem|ren|res) kunde[n]?\b"#, #"\bnotre client\b"#, #"\bnuestro cliente\b"#,
        #"\bonze (?:klant|opdrachtgever)\b"#, #"\bil nostro cliente\b"#, #"\bo nosso cliente\b"#, #"\bvår (?:kund|uppdragsgivare)\b"#,
    ])
    /// Words in an agency's own name ("Keystone Recruitment", "Apex Staffing Solutions").
    static let agencyWords: Set<String> = ["recruitment", "recruiting", "recruiters", "staffing", "talent", "search", "people", "personal", "personnel", "resourcing",
                                           "selection", "headhunting", "interim", "placements", "bemanning", "uitzendbureau", "werving", "selectie", "recrutement",
                                           "rekrytering", "personaldienstleistung", "personalberatung"]
    static let clientNamed = Capture(#"(?i:\b(?:my|our) client,?|\bunse(?:r|rem|ren) kunden?,?(?: die| der| das)?|\bnotre client,?|\bnuestro cliente,?|\bonze (?:klant|opdrachtgever),?|\bil nostro cliente,?|\bo nosso cliente,?|\bvår kund,?)\s+"# + Names.name)
    /// Words that make a sender's name an employer's own team ("Talent Acquisition | Norrvik
    /// Energy", "The Recruitment Team", "People & Culture", "Ufficio Selezione").
    static let inHouseWords: Set<String> = ["team", "teams", "acquisition", "department", "dept", "office", "desk", "culture", "hr", "careers", "career", "human", "resources",
                                            "service", "services", "unit", "early", "graduate", "medical", "equipa", "equipo", "équipe", "equipe", "ufficio", "servizio", "departamento",
                                            "département", "afdeling", "abteilung", "personalabteilung", "rrhh", "rh", "avdelning", "enheten", "de", "del", "der", "van"]
    static let inHouseTeam = Capture(#"(?:\bthe |\b[a-z]+ (?:and|&) )?\b(?:recruitment|recruiting|resourcing|staffing|talent|people|personnel|selection)(?: (?:and|&) [a-z]+)? (?:team|department|dept|office|desk|unit|services?|acquisition)\b"#)
    /// Phrases that say "agency" in a signature (an in-house "Recruitment Team" does not).
    static let agencySignature = PatternSet([
        #"\brecruitment (?:consultant|consultancy|agency|partners?)\b"#, #"\b(?:staffing|employment|recruiting|recruitment|temp(?:ing)?) agency\b"#, #"\bexecutive search\b"#,
        #"\bheadhunt"#, #"\bpersonalberatung\b"#, #"\bpersonaldienstleist"#, #"\buitzendbureau\b"#, #"\bbemanningsföretag\b"#, #"\bcabinet de recrutement\b"#,
        #"\bagence d'intérim\b"#, #"\bempresa de trabajo temporal\b"#, #"\bagenzia per il lavoro\b"#,
    ])

    /// Words of a part of an employer, a programme or a project, never a client's name
    /// ("Riverside Branch", "Summer Intake", "Acute Medical Unit", "Project Halcyon").
    static let unitWords: Set<String> = ["branch", "store", "shop", "practice", "office", "site", "campus", "unit", "team", "squad", "programme", "program", "intake",
                                         "scheme", "service", "services", "sector", "division", "department", "school", "faculty", "project", "season", "edition", "accounts",
                                         "ward", "clinic", "plant", "depot", "warehouse", "hub", "region", "area", "standort", "filiale", "planta", "stabilimento", "loja",
                                         "vestiging", "afdeling", "test", "assessment", "interview", "offer", "update", "outcome", "arrangements", "invitation", "stage", "round"]

    /// The sender is the employer speaking for itself: the text names the sender's own
    /// organisation as the one applied to ("Thank you for applying to Harbourside Dental Group"
    /// from "Harbourside Dental Group Recruitment").
    static func senderIsEmployer(_ message: MailMessage, body: String, fromName: String) -> Bool {
        let person = isPerson(fromName, address: message.fromAddress)
        let own = [person ? nil : companyFromDisplayName(fromName, address: message.fromAddress).map(withoutTeamWords), domainName(message.fromDomain)].compactMap { $0 }
            .map { Names.key($0).replacingOccurrences(of: " ", with: "") }.filter { $0.count >= 4 }
        guard !own.isEmpty else { return false }
        let head = String(body.prefix(3000))
        let named = bodyPatterns.flatMap { $0.all(in: head) }.compactMap { companyFromDisplayName($0) ?? Names.clean($0) }
            .map { Names.key($0).replacingOccurrences(of: " ", with: "") }.filter { $0.count >= 4 }
        if named.contains(where: { name in own.contains { name.hasPrefix($0) || $0.hasPrefix(name) } }) { return true }
        // Or names it in a sentence of its own ("a place with Oakleaf Pharmacy."), not only in
        // the short lines of a signature.
        let sentences = head.split(separator: "\n").filter { $0.split(separator: " ").count >= 6 }
            .map { Names.key(String($0)).replacingOccurrences(of: " ", with: "") }
        return sentences.contains { sentence in own.contains { sentence.contains($0) } }
    }

    /// An agency names its client in the subject and writes "my client" in the text ("Pellow
    /// Foods - Senior Buyer - interview Thursday", "Lagerleiter (m/w/d) bei Weserkant
    /// Logistik"): the client, a name in the subject that is neither the job, the agency nor what
    /// the mail is about, is the company. Never when the sender is an employer's own team that
    /// the text names as the employer ("The Recruitment Team, Harbourside Dental Group").
    static func clientInSubject(_ message: MailMessage, body: String) -> String? {
        let fromName = message.fromName.map(Header.decodeWords) ?? ""
        // The sender's name (not an in-house team's), its domain as written ("brightpathstaffing")
        // and the signature's own words say "agency".
        let nameWords = fromName.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        // The domain's own name, not a subdomain ("larkandco-recruitment", not "talent.acme").
        let label = (message.fromDomain ?? "").lowercased().split(separator: ".").map(String.init).filter { !tlds.contains($0) }.last?.replacingOccurrences(of: "research", with: "") ?? ""
        // The signature, without an employer's own team ("The Recruitment Team", "Medical Staffing and Recruitment Team").
        let signature = inHouseTeam.expression.stringByReplacingMatches(in: String(body.suffix(300)).lowercased(), range: NSRange(String(body.suffix(300)).lowercased().startIndex..., in: String(body.suffix(300)).lowercased()), withTemplate: " ")
        let agencySender = (nameWords.contains(where: agencyWords.contains) && !nameWords.contains(where: inHouseWords.contains))
            || ["recruit", "staffing", "talent", "search", "people", "personnel", "resourcing", "headhunt", "werving", "uitzend", "bemanning"].contains { label.contains($0) }
            || agencySignature.contains(signature)
            || signature.split(whereSeparator: { !$0.isLetter }).contains { ["recruitment", "staffing", "personnel", "resourcing", "recruiters", "headhunting", "personalberatung", "personaldienstleistung", "uitzendbureau", "rekrytering"].contains(String($0)) }
        let head = String(body.prefix(3000))
        guard clientWords.contains(head) || agencySender else { return nil }
        let sender = Names.key(fromName + " " + (domainName(message.fromDomain) ?? ""))
        let senderFirst = sender.split(separator: " ").first.map(String.init) ?? ""
        func isSender(_ name: String) -> Bool {
            let key = Names.key(name)
            // A name that begins like the sender's is the sender's own (a hotel of a group, a brand).
            return sender.contains(key) || key.split(separator: " ").first.map(String.init) == senderFirst
        }
        // "our client Crownpoint Logistics": the text names it.
        if let named = clientNamed.all(in: head).lazy.compactMap(Names.clean).first(where: { !isSender($0) && !isRoleWord($0) }) { return named }
        // Otherwise an employer's own team naming itself in its text has no client.
        if senderIsEmployer(message, body: body, fromName: fromName) { return nil }
        var subject = message.subject
        while let range = subject.range(of: #"^\s*(?i:re|fw|fwd|aw|wg|tr|sv|vs)\s*:\s*"#, options: .regularExpression) { subject.removeSubrange(range) }
        let parts = subject.components(separatedBy: CharacterSet(charactersIn: "|@–—:()[]")).flatMap { $0.components(separatedBy: " - ") }
            .flatMap { part -> [String] in
                for word in [" at ", " bei ", " chez ", " bij ", " presso ", " with ", " for "] {
                    if let range = part.range(of: word) { return [String(part[..<range.lowerBound]), String(part[range.upperBound...])] }
                }
                return [part]
            }
        for part in parts {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let name = Names.clean(trimmed), name == trimmed.trimmingCharacters(in: CharacterSet(charactersIn: ".,;!?")) else { continue }
            let words = name.split(separator: " ")
            // Every word capitalised (small joining words aside), not a job, not the sender, not what the mail is.
            guard (1...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true || ["of", "and", "&", "de", "van", "der", "la", "le", "du", "y", "e", "di", "da"].contains($0) }),
                  !PostingText.looksLikeRole(name), !isRoleWord(name), !words.contains(where: { Names.notNames.contains($0.lowercased()) }),
                  !words.contains(where: { agencyWords.contains($0.lowercased()) || teamWords.contains($0.lowercased()) }),
                  !words.contains(where: { DateFinder.months[$0.lowercased()] != nil || DateFinder.weekdays[$0.lowercased()] != nil }),
                  !name.contains(where: \.isNumber), !LocationWords.isPlace(name), !words.contains(where: { unitWords.contains($0.lowercased()) }),
                  !isSender(name) else { continue }
            // A word of the subject alone ("Quick question") is no name, nor is a place ("the vacancy in Croydon").
            if words.count == 1 && name.count < 4 { continue }
            if (body + " " + subject).range(of: #"\b(?i:in|near|based in|à|en|in der|a)\s+"# + NSRegularExpression.escapedPattern(for: name), options: .regularExpression) != nil { continue }
            return name
        }
        return nil
    }

    /// "cinderrobotics" and a signature "Cinder Robotics GmbH" → "Cinder Robotics GmbH".
    static func spelled(_ label: String, in text: String) -> String? {
        let target = label.lowercased().filter { $0.isLetter || $0.isNumber }
        guard target.count >= 4 else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "|" || $0 == "·" || $0 == "," })
        for start in words.indices where words[start].first?.isUppercase == true {
            var letters = ""
            for end in start..<min(start + 5, words.count) {
                letters += words[end] == "&" ? "and" : words[end].lowercased().filter { $0.isLetter || $0.isNumber }
                // The whole label, or a label cut short inside the name's last capitalised word ("stonebridgecap").
                if letters == target || (letters.hasPrefix(target) && letters.count <= target.count + 8 && end > start && words[end].first?.isUppercase == true) {
                    var phrase = words[start...end].joined(separator: " ")
                    if end + 1 < words.count, Names.suffixes.contains(words[end + 1].lowercased()) { phrase += " " + words[end + 1] }
                    return Names.clean(phrase)
                }
                if !target.hasPrefix(letters) { break }
            }
        }
        return nil
    }

    /// "Northwind" and a body that says "Northwind Traders Ltd." → "Northwind Traders Ltd."
    static func longest(_ found: String, fullNameIn text: String, startingWith hint: String) -> String {
        let escaped = NSRegularExpression.escapedPattern(for: hint)
        let pattern = Capture("(?i:" + escaped + ")" + #"((?:[ \t](?:[A-Z\p{Lu}][\p{L}&'’.\-]*|&)){0,3})"#)
        guard let match = pattern.expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let whole = Range(match.range, in: text) else { return found }
        guard text[whole].first?.isUppercase == true else { return found }
        let candidate = Names.clean(withoutTeamWords(String(text[whole]))) ?? found
        // Only a longer spelling of the same name, never a different one.
        if Names.key(candidate).hasPrefix(Names.key(hint)) && candidate.split(separator: " ").count <= 5 {
            return candidate.count >= found.count ? candidate : found
        }
        return found
    }

    /// A name followed by a job title in brackets, or by "and me": someone the person will meet.
    static func namedAsAPerson(_ name: String, in text: String) -> Bool {
        let escaped = NSRegularExpression.escapedPattern(for: name)
        let pattern = escaped + #"(?:\s*\((?:[^()]{0,40}\b)?(?i:head|director|manager|lead|vp|cto|ceo|cfo|coo|cpo|founder|co-founder|engineer|analyst|recruiter|partner|officer|president|chief|principal|scientist|designer|consultant|owner)\b|,? (?i:and (?:me|myself|i)\b))"#
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    static func isRoleWord(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ["analyst", "engineer", "manager", "developer", "designer", "coordinator", "specialist", "assistant", "director", "intern", "consultant",
                "lead", "associate", "officer", "scientist", "nurse", "teacher", "advisor", "representative", "executive"].contains { lower.contains($0) }
    }

    static let teamWords: Set<String> = ["team", "teams", "talent", "acquisition", "recruiting", "recruitment", "careers", "career", "hiring", "people", "hr", "jobs",
                                         "notifications", "personalabteilung", "recrutement", "rrhh", "karriere", "noreply", "no-reply", "-", "–", "|", "assessment", "centre", "center",
                                         "graduate", "programme", "program", "early", "apprentice", "apprenticeship"]

    /// "Tandem Health Analytics Recruiting" → "Tandem Health Analytics".
    static func withoutTeamWords(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        while words.count > 1, let last = words.last, teamWords.contains(last.lowercased()) || last.contains(where: \.isNumber) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// "Northwind Careers" → "Northwind"; "Acme via Greenhouse" → "Acme"; a team name alone → nil.
    static func companyFromDisplayName(_ name: String, address: String? = nil) -> String? {
        var text = name
        for separator in [" via ", " | ", " - ", " – ", " @ ", " at "] {
            if let range = text.range(of: separator, options: .caseInsensitive) {
                let left = String(text[..<range.lowerBound]), right = String(text[range.upperBound...])
                // "Talent Team @ Acme", "Marta Ibarra | Conservas Punta Brava" <mibarra@…>: the side
                // that is not a team or the person writing.
                let rightUsable = Names.clean(right).map { !isTeamWords($0) && !isNamedInAddress($0, address: address) } == true
                if separator == " via " { text = left } else if rightUsable && (isTeamWords(left) || isNamedInAddress(left, address: address)) { text = right } else { text = left }
            }
        }
        if let range = text.range(of: " from ", options: .caseInsensitive) { text = String(text[range.upperBound...]) }
        // The same in other languages, after a first name alone: "Nerea de Fintonic Labs", "Sara di Bitfarm", "Julie chez Maison Lune".
        for connector in [" de ", " di ", " da ", " chez ", " bei ", " från ", " fra ", " z "] {
            guard let range = text.range(of: connector) else { continue }
            let left = text[..<range.lowerBound]
            if !left.contains(" "), left.first?.isUppercase == true, text[range.upperBound...].first?.isUppercase == true { text = String(text[range.upperBound...]) }
            break
        }
        // A sender's name often ends in what the mailbox is for: "Zephyr Mobility Recruiting".
        guard let cleaned = Names.clean(withoutTeamWords(text)), !isTeamWords(cleaned) else { return nil }
        return cleaned
    }

    static func isTeamWords(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return !words.isEmpty && words.allSatisfy { teamNameWords.contains($0) }
    }

    /// The words of a mailbox's team name, in the languages the reader knows: "Talent Acquisition",
    /// "Direzione Risorse Umane", "Service des Ressources Humaines", "Selección de Personal".
    static let teamNameWords: Set<Substring> = [
        "talent", "team", "recruiting", "recruitment", "careers", "career", "hr", "hiring", "people", "jobs", "notifications", "no", "reply",
        "noreply", "acquisition", "the", "human", "resources", "recruiter", "manager", "karriere", "recrutement", "empleo", "de", "personal",
        "risorse", "umane", "direzione", "ufficio", "personale", "selezione", "recursos", "humanos", "ressources", "humaines", "rh", "rrhh",
        "selección", "seleccion", "talento", "service", "des", "du", "departamento", "dipartimento", "personalabteilung", "personalamt",
        "personeelszaken", "werving", "selectie", "rekrytering", "personalavdelningen", "direção", "direcção", "recrutamento", "atracción",
    ]

    /// Titles that open a person's name ("Dr Olivier Tessier", "Frau Dr. Kranz").
    static let personTitles: Set<String> = ["dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "herr", "frau", "mme", "mme.", "m.",
                                            "sr.", "sra.", "dott.", "dott", "dott.ssa", "ing.", "mag."]

    /// A person's name the sender's address spells ("Marta Ibarra" <mibarra@…>, "Ruth Abernethy"
    /// <ruth@…>), or one opened by a title: the one writing, not the organisation.
    static func isNamedInAddress(_ name: String, address: String?) -> Bool {
        let parts = name.split(separator: " ")
        guard (2...4).contains(parts.count), parts.allSatisfy({ $0.first?.isUppercase == true }) else { return false }
        if personTitles.contains(parts[0].lowercased()) { return true }
        guard parts.count <= 3, let local = address?.split(separator: "@").first?.lowercased() else { return false }
        let folded = local.folding(options: .diacriticInsensitive, locale: nil)
        return parts.map { $0.lowercased().folding(options: .diacriticInsensitive, locale: nil) }.contains { $0.count >= 3 && folded.contains($0) }
            && !genericLabels.contains(folded)
    }

    /// A sender that is a person: two or three capitalised words that also appear in the address
    /// ("Dana Whitfield" <dana.whitfield@...>), or a common personal mail service.
    static func isPerson(_ name: String?, address: String?) -> Bool {
        guard let name, let address else { return false }
        let words = name.split(separator: " ").map { $0.lowercased() }
        let local = address.split(separator: "@").first?.lowercased() ?? ""
        guard (2...4).contains(words.count), name.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true }) else { return false }
        if personTitles.contains(words[0]) { return true }
        guard words.count <= 3 else { return false }
        if words.contains(where: { $0.count >= 3 && local.contains($0.folding(options: .diacriticInsensitive, locale: nil)) }) { return true }
        let domain = address.split(separator: "@").last?.lowercased() ?? ""
        // Two plain words the sender's domain doesn't spell ("Lorraine Beck" at greenwaydental): a person.
        let letters = domain.filter(\.isLetter)
        if words.count == 2, !words.contains(where: { letters.contains($0.filter(\.isLetter)) }), !words.contains(where: { teamWords.contains($0) }) { return true }
        return services.contains(String(domain.split(separator: ".").first ?? ""))
    }

    /// "careers.northwind.example" → "Northwind"; an ATS's own domain gives nothing.
    static func domainName(_ domain: String?) -> String? {
        guard let domain else { return nil }
        var labels = domain.split(separator: ".").map(String.init)
        while let last = labels.last, tlds.contains(last) { labels.removeLast() }
        let useful = labels.filter { label in
            !services.contains(label) && !genericLabels.contains(label) && !genericLabels.contains(where: { label.hasPrefix($0 + "-") || label.hasSuffix("-" + $0) })
                && label.count >= 2
        }
        guard let label = useful.first else { return nil }
        return label.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

enum RoleFinder {
    /// An inflection or a gender marker in brackets belongs to the title: "Infirmier(ère)",
    /// "Assistant(e)", "Pflegefachkraft (m/w/d) Nachtdienst".
    static let inflectionInside = #"(?:\p{Ll}{1,4}|(?i:m/w/d|w/m/d|f/m/d|m/f/d|d/m/w|h/f|f/h|m/v|m/v/x|m/f|f/m|all genders))\)"#
    static let inflection = #"\("# + inflectionInside
    static let t = #"((?:[^\n,.;:()\[\]"“”!?]|"# + inflection + #"){2,80}?)"#
    static let stop = #"(?=\s+(?i:position|role|job|post|vacancy|opening|opportunity|at|with|in|bei|chez|en|bij|presso|na|em|für|auprès|here|and|we|you|has|was|is|which|that|stelle|funktion|poste|puesto|functie|vacature|ruolo|vaga|op|om|aan|am|findet|ein|einen|zum|zur|verschieben|und (?:ihr\w*|dein\w*|das|die|der|für)|sowie|hos|och)\b|\s*(?:[,.;:)\[\]!?\n]|\((?!"# + inflectionInside + #"))|\s+[-–—|]\s|$)"#
    /// A title in capitals: "the Data Analyst role", "the 6-month Data Analyst contract".
    static let capitalised = #"((?:[A-Z][\w/&+'’-]*[ \t](?:(?:of|and|&|de|for|für|und)[ \t])?){0,5}[A-Z][\w/&+'’-]*(?:[ \t]\([A-Z][\w \t&/-]{1,30}\))?)"#
    static let namedTitle = Capture(#"\b(?i:the|our|your|this|a|an)\s+(?:\d+[- ]month\s+|new\s+)?"# + capitalised + #"\s+(?i:position|role|vacancy|opening|post|job|contract)\b"#)
    static let bodyPatterns: [Capture] = [
        Capture(#"(?i:application for|applied for|applying for|candidacy for|interest in|application to|applied to|applying to|apply for|interview for|offer for|assessment for)\s+(?i:the\s+|our\s+|a\s+|an\s+)?(?i:position of\s+|role of\s+|post of\s+|job of\s+|vacancy (?:of|for)\s+)?"# + t + stop),
        Capture(#"(?i:the|our|your|this)\s+"# + t + #"\s+(?i:position|role|vacancy|opening|post|job)\b"#),
        Capture(#"\b(?i:as (?:a |an |our )?(?:new )?)"# + t + #"(?=\s+(?i:at|with|in|on|here|and|starting|from|within)\b|\s*[,.;!\n])"#),
        Capture(#"(?i:bewerbung (?:als|für die (?:position|stelle)(?: als)?|auf die (?:position|stelle)(?: als)?)|stelle als|position als|position (?:des|der))\s+"# + t + stop),
        Capture(#"(?i:au poste d[e'’]|pour le poste d[e'’]|poste d[e'’]|candidature (?:au poste d[e'’]|pour le poste d[e'’]|en tant que)|en tant que)\s*"# + t + stop),
        Capture(#"(?i:puesto de|posición de|vacante de|candidatura (?:al puesto de|para el puesto de|para)|como)\s+"# + t + stop),
        Capture(#"(?i:functie (?:van|als)|vacature (?:van|voor|als)?|sollicitatie (?:voor de functie|als|voor)(?: van)?|(?:op )?de functie(?!\s+(?:van|als)\b))\s+"# + t + stop),
        // German nouns are capitalised and the verb comes last: "…für die Position Senior Data Engineer machen".
        Capture(#"(?i:(?:für )?die position|für die stelle)\s+"# + capitalised),
        // Swedish, Norwegian, Danish: "tjänsten som Projektledare hos…", "stillingen som…".
        Capture(#"(?i:tjänsten som|rollen som|jobbet som|stillingen som|tjänst som|ansökan (?:till|om) tjänsten som)\s+"# + t + stop),
        Capture(#"(?i:posizione di|ruolo di|candidatura (?:per|alla posizione di)|vaga de|cargo de|candidatura (?:para a vaga de|à vaga de))\s+"# + t + stop),
    ]
    static let subjectPatterns: [Capture] = [
        Capture(#"(?i:application|applying|candidacy|interview|assessment|offer|bewerbung|candidature|candidatura|sollicitatie|vacature|re)\s*(?i:for|als|:|–|-|—|au poste de|para|voor|per)\s*(?i:the\s+)?"# + t + #"(?=\s*$|\s+[-|–—]|\s*[:\[,]|\s*\((?!\p{Ll}{1,4}\))|\s(?i:at|with|bei|chez|en|bij|in|for|–|-)\s)"#),
        Capture(#"^"# + t + #"\s*[-|:–—]\s*(?i:application|your application|bewerbung|candidature|candidatura|interview|assessment)"#),
    ]

    static func role(subject: String, body: String) -> String? {
        for pattern in subjectPatterns {
            if let role = pattern.all(in: subject).lazy.compactMap(clean).first { return role }
        }
        if let role = subjectTitle(subject) { return role }
        if let role = namedTitle.all(in: subject).lazy.compactMap(clean).first { return role }
        // "the Supply Chain Analyst (Req #2025-14877) position": the reference is no part of it.
        let start = String(body.prefix(3000))
        let head = markers.expression.stringByReplacingMatches(in: start, range: NSRange(start.startIndex..., in: start), withTemplate: "")
            .replacingOccurrences(of: " ()", with: "")
        if let role = namedTitle.all(in: head).lazy.compactMap(clean).first(where: { titleHead.firstMatch(in: String($0.split(separator: " ").last ?? "")) != nil }) { return role }
        for pattern in bodyPatterns {
            if let role = pattern.all(in: head).lazy.compactMap(clean).first { return role }
        }
        return nil
    }

    /// What a subject says about the process, beside the title: "Social Worker – written
    /// exercise and interview", "Intervju – Bibliotekarie", "Re: Practice Manager".
    static let process = Capture(#"^(?i:re|fw|fwd|aw|wg|sv|tr|rv)$|(?i:interview|outcome|feedback|application|applying|applied|update|next steps?|final round|second round|round|test|tests|assessment|exercise|documents?|offer|invitation|invite|recruitment|decision|result|results|intervju|entrevista|prova|colloquio|gesprek|gespräch|bewerbung|candidature|candidatura|sollicitatie|ansökan|essai|entretien|proeve|test en ligne|tests en ligne|aptitude|case|trial|shift|call|chat|screen|screening|angebot|vertragsangebot|oferta|offre|aanbod|proposta|contract|confirmed|status)"#)
    /// The last word of a title: what the person would be.
    static let titleHead = Capture(#"(?i:analyst|engineer|manager|developer|designer|coordinator|specialist|assistant|director|intern|consultant|lead|associate|officer|scientist|nurse|teacher|advis[eo]r|representative|executive|architect|administrator|accountant|writer|editor|technician|agent|clerk|researcher|supervisor|operative|instructor|electrician|surveyor|underwriter|negotiator|worker|artist|programmer|paraeducator|hygienist|therapist|physiotherapist|pharmacist|chef|cook|barista|baker|bartender|driver|mechanic|fitter|welder|carpenter|plumber|operator|receptionist|cashier|librarian|bibliotekarie|planner|buyer|controller|auditor|senior|junior|apprentice|trainee|graduate|partner|producer|strategist|marketer|recruiter|paralegal|solicitor|lawyer|juriste|dentist|vet|carer|practitioner|midwife|counsellor|psychologist|tutor|lecturer|professor|steward|attendant|guard|porter|cleaner|housekeeper|gardener|landscaper|estimator|inspector|dispatcher|scheduler|handler|picker|packer|merchandiser|stylist|photographer|videographer|animator|illustrator|translator|interpreter|secretary|bookkeeper|sjuksköterska|undersköterska|bagare|ledare|utvecklare|ingenjör|säljare|handläggare|samordnare|assistent|konsult|verpleegkundige|medewerker|adviseur|monteur|verkäufer|verkäuferin|techniker|technikerin|ingenieur|entwickler|berater|beraterin|kraft|fachkraft|infirmier|infirmière|technicien|conseiller|vendeur|enólogo|enóloga|higienista|fisioterapeuta|tornitore|operaio|sviluppatore|analista|desarrollador|técnico|técnica)(?:/a|\(\p{Ll}{1,4}\)|\*in|in|s)?$"#)

    /// The title a subject names beside what it says of the process, or alone ("Taproom Supervisor").
    static func subjectTitle(_ subject: String) -> String? {
        // "RE: Data Engineer (m/w/d) - Job ID 412233": the marker and the reference are no part of it.
        let subject = markers.expression.stringByReplacingMatches(in: subject, range: NSRange(subject.startIndex..., in: subject), withTemplate: "")
            .replacingOccurrences(of: " ()", with: "").replacingOccurrences(of: "()", with: "")
        let parts = subject.components(separatedBy: CharacterSet(charactersIn: "–—|:")).flatMap { $0.components(separatedBy: " - ") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " -–—|:")) }.filter { !$0.isEmpty }
        guard (1...3).contains(parts.count) else { return nil }
        for part in parts {
            var title = part
            // "Seasonal Instructor 2026", "3D Environment Artist application", "Your Content Designer application".
            if let year = title.range(of: #"\s+20\d\d$"#, options: .regularExpression) { title = String(title[..<year.lowerBound]) }
            var processTail = false
            for tail in [" application", " interview", " role", " vacancy", " position"] where title.lowercased().hasSuffix(tail) {
                title = String(title.dropLast(tail.count))
                processTail = tail == " application" || tail == " interview"
            }
            for lead in ["your ", "re ", "fw "] where title.lowercased().hasPrefix(lead) { title = String(title.dropFirst(lead.count)) }
            // "Software Engineer, Billing": a team after the title, capitalised, is part of it.
            var named = title
            if let comma = title.range(of: ", ") {
                let team = title[comma.upperBound...].split(separator: " ")
                // "Security Engineer, Detection & Response": a team's words may be joined by "&", "and", "of".
                if (1...4).contains(team.count), team.first?.first?.isUppercase == true,
                   team.allSatisfy({ $0.first?.isUppercase == true || ["&", "and", "of", "und", "et", "y", "e"].contains($0) }) { named = String(title[..<comma.lowerBound]) }
            }
            // "Senior Data Analyst (Payments)": a team in brackets after the title.
            if let open = named.range(of: " ("), named.hasSuffix(")") { named = String(named[..<open.lowerBound]) }
            let words = named.split(separator: " ")
            guard (1...5).contains(words.count), let last = words.last, titleHead.firstMatch(in: String(last)) != nil,
                  words.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true || ["of", "and", "&", "de", "en", "für", "di", "da", "du", "des", "la", "le"].contains($0) }),
                  process.firstMatch(in: title) == nil || words.count == 1 && process.firstMatch(in: title).map({ title[$0].count < title.count }) == true,
                  parts.count == 1 || processTail || parts.contains(where: { $0 != part && process.firstMatch(in: $0) != nil }) else { continue }
            return clean(title)
        }
        return nil
    }

    static let markers = Capture(#"\s*(?:\((?i:m/w/d|w/m/d|f/m/d|m/f/d|f/m/x|m/f/x|h/f|f/h|m/v|m/v/x|m/f|f/m|all genders|gn)\)|(?i:m/w/d|h/f)|\((?i:req|ref|id|job id)[^)]*\)|(?i:req(?:uisition)?\.?|ref\.?|job id|id)\s*[#:]?\s*[A-Z0-9-]{3,}|#\s*[A-Z0-9-]{3,}|\b[A-Z]{1,3}-?\d{3,}\b)"#)

    /// A label or a call before the title: "Subject: Opportunity - Senior Quantity Surveyor", "HELP WANTED - Line cook".
    static let lead = Capture(#"^\s*(?i:subject|objet|betreff|asunto|oggetto|onderwerp|ämne)\s*:\s*|^\s*(?i:help wanted|now hiring|we'?re hiring|hiring|urgent(?:ly)? (?:hiring|required)|(?:new |exciting |job )?opportunit(?:y|é|à)|new role|vacancy|job)\s*[-–—:!]\s*"#)

    static let intakeYear = Capture(#"^(?:19|20)\d\d\s+(?=\p{Lu})"#)

    static func clean(_ raw: String) -> String? {
        var raw = raw
        while let match = lead.expression.firstMatch(in: raw, range: NSRange(raw.startIndex..., in: raw)), let range = Range(match.range, in: raw), !range.isEmpty {
            raw.removeSubrange(range)
        }
        var role = markers.expression.stringByReplacingMatches(in: raw, range: NSRange(raw.startIndex..., in: raw), withTemplate: "")
        role = role.trimmingCharacters(in: CharacterSet(charactersIn: " \t'‘’\"“”-–—|:"))
        for _ in 0..<3 {
            for lead in ["the ", "our ", "a ", "an ", "position of ", "role of ", "new ", "be ", "next ", "updated cv for ", "cv for ", "vaga de ", "cargo de ", "puesto de ",
                         "posición de ", "poste de ", "posto de "] where role.lowercased().hasPrefix(lead) {
                role = String(role.dropFirst(lead.count))
            }
            if let possessive = role.range(of: "'s next ") ?? role.range(of: "’s next ") { role = String(role[possessive.upperBound...]) }
        }
        for tail in [" based", " role", " position", " vacancy", " job", " wanted", " needed", " required", " gesucht", " gezocht", " recherché", " recherchée"]
            where role.lowercased().hasSuffix(tail) { role = String(role.dropLast(tail.count)) }
        // "Bartender wanted – Gent": what follows the call is the place.
        for call in [" wanted ", " needed ", " gesucht ", " gezocht "] {
            if let range = role.range(of: call, options: .caseInsensitive), ["-", "–", "—", "("].contains(where: { role[range.upperBound...].hasPrefix($0) }) { role = String(role[..<range.lowerBound]) }
        }
        for prefix in ["vacature:", "job:", "stelle:", "poste :", "poste:", "puesto:", "role:", "position:", "we're hiring:", "we’re hiring:", "we are hiring:", "now hiring:",
                       "hiring:", "vacancy:", "job opening:", "opening:", "wir suchen:", "nous recrutons :", "nous recrutons:", "on recrute :", "on recrute:", "se busca:",
                       "cerchiamo:", "vi söker:", "we zoeken:", "offre d'emploi :", "stellenangebot:"] where role.lowercased().hasPrefix(prefix) {
            role = String(role.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        for cut in [" job in ", " jobs in ", " | ", " · ", " à "] {
            guard let range = role.range(of: cut, options: .caseInsensitive) else { continue }
            // "Infirmier à Lyon", "à 80 %" are a place and a workload; "Aide à domicile" is the job.
            if cut == " à ", role[range.upperBound...].first.map({ $0.isLowercase }) == true { continue }
            role = String(role[..<range.lowerBound])
        }
        // A Swiss workload after the title: "Pflegefachfrau HF 80 %", "Informatiker 80-100%".
        if let range = role.range(of: #"\s+\d{2,3}\s?(?:[-–]\s?\d{2,3}\s?)?%$"#, options: .regularExpression) { role = String(role[..<range.lowerBound]) }
        // After a dash: a place, a contract or a number is a remark; a specialism stays.
        for dash in [" – ", " — ", " - "] {
            guard let range = role.range(of: dash) else { continue }
            let tail = String(role[range.upperBound...])
            // A tail all in small letters is a remark too ("- breakfast shift", "– steady work"); a specialism is capitalised.
            let remark = tail.contains(where: \.isNumber) || LocationWords.isPlace(tail) || LocationWords.place(in: tail) != nil
                || tail.count >= 3 && tail.split(separator: " ").allSatisfy({ $0.first?.isLowercase == true })
                || ["contract", "permanent", "temporary", "part-time", "full-time", "remote", "hybrid", "cdi", "cdd", "maternity", "cover", "ref", "req", "vikariat",
                    "visstid", "befristet", "vollzeit", "teilzeit", "tijdelijk", "interim", "intérim", "seasonal", "saisonnier", "stagionale", "temporal", "minijob"].contains { tail.lowercased().contains($0) }
            if remark { role = String(role[..<range.lowerBound]) }
        }
        // "Line cook, evenings (Missoula)": after a comma, words in small letters are a remark; "Backend Engineer, Payments" is a team.
        if let comma = role.range(of: ", ") {
            let tail = role[comma.upperBound...].split(separator: "(").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            let words = tail.split(separator: " ")
            if (1...3).contains(words.count), words.allSatisfy({ $0.first?.isLowercase == true }) { role = String(role[..<comma.lowerBound]) }
        }
        // "the live SQL session for the Analytics Engineer": the title is after the last link word.
        for link in [" for the ", " for a ", " for an ", " as a ", " as an ", " to take the ", " take the ", " sent to "] {
            if let range = role.range(of: link, options: [.caseInsensitive, .backwards]) { role = String(role[range.upperBound...]) }
        }
        role = role.replacingOccurrences(of: "()", with: "").trimmingCharacters(in: .whitespaces)
        // A parenthesis that says something about the job rather than naming it.
        if let open = role.lastIndex(of: "("), role.hasSuffix(")") {
            let inside = role[role.index(after: open)..<role.index(before: role.endIndex)].lowercased()
            // "Claims Handler (Norwich)", "(Posting)": a place or a word about the advert.
            if LocationWords.isPlace(String(inside)) || ["posting", "job", "vacancy", "advert", "ad", "role"].contains(inside) {
                role = String(role[..<open]).trimmingCharacters(in: .whitespaces)
            }
            let remarks = ["cover", "leave", "contract", "temporary", "temp", "fixed", "month", "maternity", "parental", "part", "full", "seasonal", "remote", "hybrid", "cdi", "cdd", "interim",
                           "contrat", "mois", "contrato", "meses", "befristet", "monate", "temps", "tiempo", "tempo", "jornada", "hours", "hrs", "uur", "stunden"]
            if remarks.contains(where: { inside.contains($0) }) { role = String(role[..<open]).trimmingCharacters(in: .whitespaces) }
        }
        role = role.trimmingCharacters(in: .whitespaces)
        // "the 2026 Graduate Analyst Programme": the year is the intake, not the title.
        if !role.contains(" - "), !role.contains(" – "), let year = intakeYear.firstMatch(in: role) {
            role = String(role[year.upperBound...])
        }
        let words = role.split(separator: " ")
        guard (1...8).contains(words.count), role.count >= 3, role.first?.isLetter == true else { return nil }
        let lower = role.lowercased()
        let notRoles = ["your application", "application", "interview", "your interest", "interest", "us", "you", "our team", "the team", "this opportunity", "opportunity",
                        "next steps", "next step", "update", "your candidacy", "candidacy", "the position", "position", "role", "the role", "job", "this role",
                        "thank you", "thanks", "feedback", "our company", "company", "it", "them", "that", "this", "one", "other candidates", "a candidate"]
        guard !notRoles.contains(lower), !lower.hasPrefix("your "), !lower.hasPrefix("our "), !lower.hasPrefix("this "), !lower.hasPrefix("thank") else { return nil }
        // A role has at least one capital or a known role word.
        let roleWords = ["analyst", "engineer", "manager", "developer", "designer", "coordinator", "specialist", "assistant", "director", "intern", "consultant",
                         "lead", "associate", "officer", "scientist", "nurse", "teacher", "advisor", "adviser", "representative", "executive", "architect", "administrator",
                         "accountant", "writer", "editor", "technician", "agent", "clerk", "marketing", "sales", "support", "researcher", "product", "data", "werkstudent",
                         "praktikant", "referent", "entwickler", "ingenieur", "berater", "stagiaire", "chef", "responsable", "chargé", "desarrollador", "ingeniero",
                         "técnico", "medewerker", "adviseur", "stagiair", "sviluppatore", "analista", "gerente", "estagiário", "vendedor"]
        guard role.contains(where: \.isUppercase) || roleWords.contains(where: { lower.contains($0) }) else { return nil }
        guard !Names.notNames.contains(lower) else { return nil }
        return role
    }
}

enum ReasonFinder {
    static let other: [(RejectionCategory, PatternSet)] = [
        (.hiringFreeze, PatternSet([#"\bpaused all (?:external |new )?(?:hiring|recruitment|recruiting)\b"#, #"\bhiring (?:is |has been )?(?:paused|frozen|on hold)\b"#])),
        (.budget, PatternSet([#"\b(?:grant|funding|funder)\b[^.]{0,60}\b(?:not (?:been )?renewed|withdrawn|ended|cut|fell through|did not come through)\b"#])),
        (.positionFilled, PatternSet([#"\b(?:position|post|role|vacancy)\b[^.]{0,30}\b(?:has (?:since |now |already )?been|was|is now) (?:closed|filled)\b"#, #"\bonboarded\b"#,
                                      #"\b(?:candidate|someone|person) (?:who )?(?:has )?(?:joined|started|accepted (?:the|our) offer)\b"#])),
        (.applicationMaterials, PatternSet([#"\b(?:your )?application (?:did not|didn't|does not) (?:include|address|contain|show)\b"#,
                                            #"\b(?:without|missing) (?:the |a )?(?:completed )?(?:application form|cover letter|covering letter|statement|supporting statement|portfolio)\b"#,
                                            #"\bselection criteria\b[^.]{0,60}\b(?:not|no|nothing|didn't|did not)\b"#])),
        // "the fit with the team and the way we work day to day … wasn't quite right".
        (.cultureFit, PatternSet([#"\b(?:fit with (?:the|our|your) team|the way we work|our ways? of working)\b[^.]{0,160}\b(?:wasn'?t|was not|isn'?t|is not|not) (?:quite )?(?:right|there|a match)\b"#])),
        (.interviewPerformance, PatternSet([#"\b(?:scores?|performance|results?)\b[^.]{0,60}\b(?:below|did not meet|didn't meet|fell short|benchmark|threshold|pass mark)\b"#,
                                            // "in the live coding session the state management part didn't come together".
                                            #"\b(?:live[- ]coding|coding (?:session|exercise|interview|test|challenge)|technical (?:interview|session|round|exercise)|case (?:study|interview)|system design|pair[- ]programming)\b[^.]{0,80}\b(?:didn'?t|did not) come together\b"#,
                                            #"\b(?:discussion|answers?|design)\b[^.]{0,30}\bstayed (?:at a (?:fairly |rather |very )?high level|(?:too |quite )?(?:high-level|shallow|surface-level))\b"#,
                                            #"\b(?:didn't|did not) go (?:deep|far) enough\b"#, #"\binterview\b[^.]{0,60}\b(?:felt|thought|found)\b[^.]{0,60}\b(?:not|didn't|enough)\b"#])),
        (.skillsGap, PatternSet([#"\brequires?\b[^.]{0,60}\b(?:licen[sc]e|certif\w+|at c1|level or above|fluen\w+)\b"#])),
        (.moreExperiencedCandidate, PatternSet([#"\b(?:person|candidate|applicant) we (?:selected|chose|hired|appointed) (?:has|had|brings)\b"#])),
        // How a decision letter words a reason the feedback rules read in shorter feedback.
        (.experienceLevel, PatternSet([#"\bat least (?:\d+|two|three|four|five|six|seven|eight|ten) years\b"#, #"\bearly[- ]career\b"#,
                                       #"\b(?:still|a bit|rather|too) (?:early in your career|junior|early-career)\b"#])),
        (.skillsGap, PatternSet([#"\b(?:hands-on|working|practical) experience (?:is|was|has been) (?:mostly|mainly|largely|only) (?:with|in)\b"#,
                                 #"\bwants? someone who (?:has )?already (?:run|used|worked|done|knows|holds)\b"#, #"\bramp (?:someone|you) up\b"#])),
        (.timing, PatternSet([#"\bthe (?:problem|issue|sticking point|difficulty) is (?:the )?(?:dates?|timing|start date|availability|notice)\b"#,
                              #"\b(?:contract|notice(?: period)?) (?:runs?|lasts?) (?:to|until|till)\b"#, #"\bcan'?t (?:hold|keep) (?:a|the|your) (?:place|role|position|spot) (?:that|so|open)\b"#])),
        (.cultureFit, PatternSet([#"\b(?:opposite|different) (?:of|from|to) how we (?:operate|work|run)\b"#, #"\bhow we want the (?:place|team|office|room) to feel\b"#,
                                  #"\b(?:don'?t|do not) think you'?d (?:enjoy|be happy|thrive) (?:it )?(?:here|with us|working here)\b"#])),
        (.moreExperiencedCandidate, PatternSet([#"\b(?:selected|chose|appointed|hired) (?:an individual|someone|a candidate|a person) who has (?:independently |already )?(?:run|led|managed|monitored|delivered|worked|built)\b"#,
                                                #"\bother candidate'?s\b[^.]{0,40}\b(?:background|experience)\b[^.]{0,30}\b(?:more direct|closer|stronger|better)\b"#])),
        (.applicationMaterials, PatternSet([#"\b(?:received|sent|submitted) (?:a |your |only a )?cv only\b"#, #"\bshortlist (?:solely |only )?from the (?:completed )?application forms?\b"#])),
        (.interviewPerformance, PatternSet([#"\bin the (?:case|technical|written|practical) (?:exercise|interview|test|task|study)\b[^.]{0,80}\b(?:didn'?t|did not|wasn'?t|weren'?t|not)\b"#])),
        (.moreExperiencedCandidate, PatternSet([#"\b(?:candidate|applicant|someone|person) (?:with|who had|who has|whose)\b[^.]{0,20}\b(?:deeper|more|greater|stronger|broader|extensive|significantly)\b"#,
                                                #"\bexpérience plus\b"#, #"\bkandidat\w*[^.]{0,30}\b(?:der|die) (?:bereits )?über (?:mehr|mehrjährige|umfangreiche|langjährige)"#])),
        (.positionFilled, PatternSet([#"\bvacante (?:ya )?(?:ha sido |está )?cubierta\b"#])),
        // "The panel felt you lacked hands-on experience deploying models"; "nous recherchons un
        // profil avec une maîtrise courante de l'allemand"; "een BIG-registratie … heb je nog niet".
        (.skillsGap, PatternSet([#"\b(?:lacked|lack|lacking|lacks)\b[^.]{0,20}\b(?:experience|knowledge|skills?|exposure) (?:with|in|of|deploying|building|using|running|managing|working)\b"#,
                                 #"\b(?:recherchons|cherchons|recherchions)\b[^.]{0,40}\b(?:profil|candidat\w*|personne)\b[^.]{0,40}\b(?:maîtrise|expérience (?:en|de|du|des|avec)|connaissance|compétences?)\b"#])),
        (.experienceLevel, PatternSet([#"\b(?:registratie|diploma|certificaat|rijbewijs|bevoegdheid)\b[^.]{0,40}\b(?:heb je (?:nog )?niet|ontbreekt|is vereist|vereist)\b"#])),
        (.skillsGap, PatternSet([#"\b(?:requires?|required|need(?:s|ed)?|looking for)\b[^.]{0,80}\b(?:experience (?:with|in|of)|knowledge of|skills? in|proficien\w*|hands-on)\b"#,
                                 #"\b(?:didn't|did not|don't|do not|couldn't) (?:see|find)\b[^.]{0,60}\b(?:experience|skills?|background)\b"#, #"\bneither of which\b"#,
                                 #"\bnot (?:featured|evident|reflected|shown) in your (?:cv|application|background|profile)\b"#, #"\b(?:fehlende|fehlen(?:de)?) (?:kenntnisse|erfahrung)"#,
                                 #"\b(?:kenntnisse|erfahrung) (?:in|mit)\b[^.]{0,50}\b(?:fehlt|fehlen|nicht)\b"#])),
        (.cultureFit, PatternSet([#"\b(?:working style|ways? of working|culture|values|team dynamic)\b[^.]{0,40}\b(?:mismatch|fit|match|different|opposite)\b"#, #"\bmismatch\b"#])),
        (.interviewPerformance, PatternSet([#"\b(?:based on|in light of|following|after) (?:the |your )?(?:interview|performance|technical (?:stages?|interview)|assessment day)\b"#,
                                            #"\bperformance (?:in|at|during) the\b"#, #"\besito del colloquio\b"#, #"\b(?:answers?|examples?) (?:in|during) the interview\b"#,
                                            #"\b(?:in|during) the interview\b[^.]{0,60}\b(?:not|didn't|did not|lacked|short)\b"#])),
        (.experienceLevel, PatternSet([#"\b(?:years of|level of) (?:relevant )?experience\b"#, #"\btoo (?:junior|senior)\b"#, #"\b(?:minimum|at least) (?:of )?\d+ years\b"#,
                                       #"\b(?:more|less) (?:senior|junior|experienced)\b"#, #"\b(?:registration|qualification|qualified|chartered|licen[cs]e)\b[^.]{0,40}\b(?:required|essential|needed|requires?)\b"#,
                                       #"\brequires? (?:a |an )?(?:registered|qualified|fully qualified|chartered|licensed)\b"#, #"\bsupervisory experience\b"#, #"\bmanagement experience\b"#])),
        (.salaryMismatch, PatternSet([#"\bsalary\b[^.]{0,60}\b(?:above|beyond|higher|band|range|budget)\b"#, #"\b(?:pay|salary|compensation) expectations?\b"#])),
        (.location, PatternSet([#"\brelocat\w*"#, #"\bcommut\w*"#, #"\btime ?zones?\b"#, #"\bright to work\b"#, #"\bvisa\b"#, #"\bsponsor\w*"#, #"\b(?:on-?site|in the office) (?:\w+ )?(?:days?|requirement|presence)\b"#,
                                #"\b(?:based|live|living) (?:in|near|outside)\b[^.]{0,40}\b(?:team|office|role)\b"#])),
        (.timing, PatternSet([#"\b(?:timing|start date|availability|available (?:from|until)|notice period|the season)\b[^.]{0,60}\b(?:doesn't|does not|didn't|won't|not|too late|too early|before|after)\b"#,
                              #"\b(?:need|needed) (?:someone|a person) (?:to start|who can start)\b"#])),
        (.moreExperiencedCandidate, PatternSet([#"\bmehr (?:berufs)?erfahrung\b"#, #"\berfahrener(?:e|en)? (?:kandidat|bewerber)"#, #"\bplus d'expérience\b"#, #"\bplus expérimenté"#,
                                                #"\bmás experiencia\b"#, #"\bmayor experiencia\b"#, #"\bmeer (?:relevante )?ervaring\b"#, #"\bpiù esperienza\b"#, #"\bmais experiência\b"#])),
        (.positionFilled, PatternSet([#"\bstelle (?:wurde |ist )?(?:bereits |inzwischen |mittlerweile )?(?:besetzt|vergeben)\b"#, #"\bposte (?:a été |est )?(?:déjà )?pourvu"#,
                                      #"\bpuesto (?:ha sido |ya ha sido |ya está )?cubierto\b"#, #"\bvacature is (?:inmiddels |al )?(?:vervuld|ingevuld|vergeven)\b"#,
                                      #"\bposizione (?:è stata )?(?:già )?coperta\b"#, #"\bvaga (?:já )?(?:foi )?preenchida\b"#])),
        (.internalCandidate, PatternSet([#"\bintern(?:e|en)? (?:kandidat|besetzung|bewerber)"#, #"\bintern besetzt\b"#, #"\bcandidat interne\b"#, #"\ben interne\b"#,
                                         #"\bcandidato interno\b"#, #"\binternamente\b"#, #"\binterne kandidaat\b"#, #"\bintern (?:ingevuld|vervuld)\b"#, #"\bcandidato interno\b"#])),
        (.hiringFreeze, PatternSet([#"\beinstellungsstopp\b"#, #"\bgel des recrutements\b"#, #"\bcongelación de (?:las )?contrataciones\b"#, #"\bvacaturestop\b"#, #"\bblocco delle assunzioni\b"#])),
        (.roleOnHold, PatternSet([#"\b(?:auf eis gelegt|pausiert|zurückgestellt|vorerst nicht)\b"#, #"\b(?:suspendu|mis en pause|en suspens)\b"#, #"\b(?:en pausa|en espera|suspendido)\b"#,
                                  #"\b(?:on hold gezet|gepauzeerd|stopgezet)\b"#, #"\b(?:sospes[oa]|in pausa)\b"#])),
        (.budget, PatternSet([#"\bbudget(?:gründen|kürzung)"#, #"\braisons budgétaires\b"#, #"\b(?:motivos|razones) presupuestari"#, #"\bbudgettaire\b"#, #"\bbudget\b"#])),
        (.experienceLevel, PatternSet([#"\b(?:zu wenig|nicht genügend|nicht ausreichend) (?:berufs)?erfahrung\b"#, #"\bpas (?:assez|suffisamment) d'expérience\b"#, #"\bexpérience insuffisante\b"#,
                                       #"\bexperiencia (?:insuficiente|requerida)\b"#, #"\b(?:te weinig|onvoldoende) (?:werk)?ervaring\b"#, #"\besperienza insufficiente\b"#])),
        (.salaryMismatch, PatternSet([#"\bgehaltsvorstellung"#, #"\bprétentions salariales\b"#, #"\b(?:expectativas|pretensiones) salariales\b"#, #"\bsalaris(?:verwachting|wens)"#, #"\baspettative (?:economiche|salariali)\b"#])),
        (.location, PatternSet([#"\b(?:arbeitserlaubnis|umzug|vor ort)\b"#, #"\b(?:permis de travail|mobilité géographique)\b"#, #"\b(?:permiso de trabajo|reubicación)\b"#, #"\b(?:werkvergunning|verhuizen)\b"#])),
        (.skillsGap, PatternSet([#"\b(?:kenntnisse|erfahrung) (?:in|mit) [^.]{2,40} (?:fehlen|nicht ausreichend)"#, #"\bcompétences (?:en|techniques) [^.]{2,40} (?:insuffisant|manqu)"#])),

        // Each reason as a decision letter in German, French, Spanish, Dutch, Italian, Portuguese and
        // Swedish words it: the post filled or given to a colleague, a freeze, funding withdrawn,
        // the role reshaped or paused, too much or too little experience, a skill or language the
        // job needs, a score under the bar, papers missing, a way of working, the place, the pay,
        // the start date.
        (.internalCandidate, PatternSet([#"\baus (?:den )?eigenen reihen\b"#, #"\binterne(?:r|n)? (?:lösung|nachfolge|kollegin|kollegen|mitarbeiter\w*)"#,
                                         #"\b(?:mobilité|évolution|promotion) interne\b"#, #"\b(?:une?|l'une?) de nos (?:collaborat\w+|salarié\w*|adjoint\w*|employé\w*|équipes?)\b"#,
                                         #"\b(?:promoción|movilidad) interna\b"#, #"\bcandidat[oa] intern[oa]\b"#, #"\binterne (?:mobiliteit|kandida\w+|collega)\b"#,
                                         #"\b(?:mobilità|selezione) interna\b"#, #"\brisorsa interna\b"#, #"\b(?:recrutamento|mobilidade|promoção) interna?\b"#,
                                         #"\bintern(?:a)? (?:kandidat\w*|sökande|rekrytering)\b"#, #"\binternt\b"#])),
        (.hiringFreeze, PatternSet([#"\beinstellungsstop+\b"#, #"\bkeine neueinstellungen\b"#, #"\b(?:stellenbesetzungs|personal)(?:sperre|stopp)\b"#,
                                    #"\bgel des (?:recrutements|embauches)\b"#, #"\b(?:recrutements|embauches) (?:sont )?gel[ée]s\b"#,
                                    #"\bcongela(?:ción|do|mos) (?:de )?(?:las |todas las )?(?:contrataciones|incorporaciones)\b"#,
                                    #"\b(?:personeels|werving|aanname)stop\b"#, #"\b(?:blocco|congelamento) (?:delle |di tutte le )?assunzioni\b"#, #"\bassunzioni (?:sono )?bloccate\b"#,
                                    #"\bcongelamento (?:das |de )?contrata\w+"#, #"\bcontrata\w+ (?:estão )?congelad\w+"#, #"\b(?:anställnings|rekryterings)stopp\b"#])),
        (.budget, PatternSet([#"\b(?:förderung|finanzierung|fördermittel|mittel)\b[^.]{0,80}\b(?:nicht|gestrichen|gekürzt|entfällt|entfallen|ausgelaufen)\b"#,
                              #"\baus finanziellen gründen\b"#, #"\braisons (?:budgétaires|financières|économiques)\b"#, #"\bfinancement\b[^.]{0,60}\b(?:pas|retiré|supprimé|arrêté)\b"#,
                              #"\b(?:motivos|razones) (?:presupuestari\w+|económic\w+|financier\w+)\b"#, #"\b(?:financiación|financiamiento|subvención)\b[^.]{0,60}\b(?:no|retirad\w+|recortad\w+)\b"#,
                              #"\b(?:financiële redenen|bezuiniging\w*)\b"#, #"\bfinanciering\b[^.]{0,60}\b(?:niet|weggevallen|stopgezet)\b"#,
                              #"\b(?:motivi|ragioni) (?:di bilancio|economic\w+|finanziari\w*)\b"#, #"\b(?:finanziament\w+|fondi)\b[^.]{0,60}\b(?:non|tagliat\w+|revocat\w+)\b"#,
                              #"\b(?:motivos|razões) (?:orçament\w+|financeir\w+)\b"#, #"\b(?:financiamento|verba)\b[^.]{0,60}\b(?:não|cortad\w+|retirad\w+)\b"#,
                              #"\bekonomiska skäl\b"#, #"\bfinansiering\w*\b[^.]{0,60}\b(?:inte|dragits)\b"#])),
        (.positionFilled, PatternSet([#"\b(?:stelle|position|vakanz)\b[^.]{0,60}\b(?:besetzt|vergeben)\b"#, #"\b(?:poste|offre)\b[^.]{0,60}\bpourvu"#,
                                      #"\b(?:puesto|vacante|plaza|posición)\b[^.]{0,60}\b(?:cubiert[oa]|ocupad[oa])\b"#, #"\b(?:vacature|functie|positie)\b[^.]{0,60}\b(?:vervuld|ingevuld|vergeven)\b"#,
                                      #"\b(?:posizione|ruolo|posto)\b[^.]{0,60}\b(?:copert[oa]|assegnat[oa])\b"#, #"\b(?:vaga|posição|cargo)\b[^.]{0,60}\b(?:preenchid[ao]|ocupad[ao])\b"#,
                                      #"\b(?:tjänsten|rollen|platsen)\b[^.]{0,60}\b(?:tillsatt|tillsatts|besatt)\b"#])),
        (.roleChanged, PatternSet([#"\b(?:stelle|position|anforderungsprofil|aufgabenprofil)\b[^.]{0,60}\b(?:neu (?:ausgerichtet|zugeschnitten|definiert)|umstrukturiert|geändert|entfällt|fällt weg|in dieser form)\b"#,
                                   #"\b(?:poste|profil|fonction)\b[^.]{0,60}\b(?:évolué|modifié|redéfini|repensé|transformé)\b"#, #"\bprofil différent\b"#,
                                   #"\b(?:puesto|perfil|posición)\b[^.]{0,60}\b(?:cambiado|redefinid[oa]|modificad[oa]|reestructurad[oa])\b"#, #"\bperfil (?:distinto|diferente)\b"#,
                                   #"\b(?:functie|vacature|rol)\b[^.]{0,60}\b(?:gewijzigd|veranderd|herzien|omgevormd|verdwijnt|vervalt|in deze vorm)\b"#, #"\bander profiel\b"#,
                                   #"\b(?:posizione|ruolo|figura)\b[^.]{0,60}\b(?:cambiat[oa]|modificat[oa]|ridefinit[oa]|diventer\w+)\b"#, #"\bprofilo diverso\b"#,
                                   #"\b(?:vaga|função|cargo|perfil)\b[^.]{0,60}\b(?:alterad[oa]|redefinid[oa]|modificad[oa]|reestruturad[oa])\b"#, #"\bperfil diferente\b"#,
                                   #"\b(?:tjänsten|rollen)\b[^.]{0,60}\b(?:ändrats|förändrats|gjorts om)\b"#])),
        (.roleOnHold, PatternSet([#"\b(?:vorerst|zunächst) nicht (?:besetzen|weiter)\b"#, #"\b(?:verschoben|ausgesetzt)\b"#, #"\b(?:reporté|gelé|ajourné)e?s?\b"#,
                                  #"\b(?:aplazad[oa]|pospuest[oa]|paralizad[oa])\b"#, #"\bcongela(?:r|do|da|mos) (?:esta|la|el) (?:vacante|plaza|puesto|posición)\b"#, #"\b(?:uitgesteld|on hold)\b"#, #"\b(?:rinviat[oa]|posticipat[oa]|congelat[oa])\b"#,
                                  #"\b(?:suspens[oa]|adiad[oa]|em pausa|pausad[oa])\b"#, #"\b(?:pausat|pausad|vilande|skjutits upp|skjuter upp)\b"#])),
        (.experienceLevel, PatternSet([#"\büberqualifiziert\b"#, #"\bzu (?:wenig|viel) (?:berufs)?erfahrung\b"#, #"\bsurqualifié"#, #"\btrop (?:junior|senior|expérimenté)"#,
                                       #"\b(?:manque|pas assez) d'expérience\b"#, #"\bsobre ?cualificad[oa]\b"#, #"\b(?:muy )?por encima de lo que (?:pide|requiere|necesita|busca)\b"#, #"\bdemasiado (?:junior|senior|júnior|sénior)\b"#, #"\bfalta de experiencia\b"#,
                                       #"\bovergekwalificeerd\b"#, #"\bte (?:junior|senior|weinig ervaring|veel ervaring)\b"#, #"\b(?:ruim )?boven wat (?:deze|de) functie\b"#,
                                       #"\bsovra ?qualificat[oa]\b"#, #"\btroppo (?:junior|senior)\b"#, #"\bpoca esperienza\b"#,
                                       #"\b(?:sobre|super)qualificad[oa]\b"#, #"\b(?:pouca|falta de) experiência\b"#, #"\böverkvalificerad\b"#, #"\bför (?:lite|kort) erfarenhet\b"#])),
        (.moreExperiencedCandidate, PatternSet([#"\b(?:kandidat|bewerber)\w*\b[^.]{0,60}\bjahre\w* (?:berufs)?erfahrung\b"#, #"\bcandidat\w*\b[^.]{0,60}\b(?:ans|années) d'expérience\b"#,
                                                #"\b(?:otr[oa]|la|el) candidat[oa]\b[^.]{0,60}\b(?:años|experiencia)\b"#, #"\bkandida\w*\b[^.]{0,60}\bjaar (?:werk)?ervaring\b"#,
                                                #"\bcandidat[oa]\b[^.]{0,60}\banni di esperienza\b"#, #"\b(?:outr[oa]|a|o) candidat[oa]\b[^.]{0,80}\b(?:anos|experiência)\b"#,
                                                #"\bkandidat\w*\b[^.]{0,60}\b(?:års erfarenhet|mer erfarenhet)\b"#,
                                                #"\b(?:bewerber|kandidat)\w*,? (?:die|der) (?:bereits |schon )?seit (?:mehreren|vielen|einigen|\d+) jahren\b"#])),
        (.skillsGap, PatternSet([#"\b(?:sprach|deutsch|englisch|fach)?kenntnisse\b[^.]{0,60}\b(?:nicht|fehlen|unzureichend|erforderlich|voraussetzung)\b"#,
                                 #"\b(?:maîtrise|connaissances?|niveau)\b[^.]{0,60}\b(?:insuffisant\w*|nécessaire|indispensable|requis\w*|exigé\w*)\b"#,
                                 #"\b(?:nivel|conocimientos?|dominio)\b[^.]{0,60}\b(?:insuficiente|necesari[oa]|requerid[oa]|imprescindible|no llegar\w+)\b"#,
                                 #"\b(?:kennis|beheersing)\b[^.]{0,60}\b(?:onvoldoende|vereist|noodzakelijk|ontbreekt)\b"#,
                                 #"\b(?:conoscenz\w+|competenz\w+|padronanza)\b[^.]{0,60}\b(?:insufficient\w+|necessari\w+|richiest\w+|indispensabil\w+)\b"#,
                                 #"\b(?:conhecimentos?|domínio|competências?)\b[^.]{0,60}\b(?:insuficiente\w*|necessári\w+|exigid\w+|requerid\w+|indispensáve\w+)\b"#,
                                 #"\b(?:kunskaper|kompetens)\b[^.]{0,60}\b(?:saknas|krävs|räcker inte|inte tillräckliga)\b"#])),
        (.interviewPerformance, PatternSet([#"\b(?:ergebnis|punktzahl|testergebnis)\w*\b[^.]{0,80}\b(?:nicht ausreichend|unter(?:halb)?|nicht erreicht)\b"#,
                                            #"\b(?:résultat|score|note)s?\b[^.]{0,80}\b(?:insuffisant\w*|en dessous|inférieur\w*)\b"#,
                                            #"\b(?:resultado|puntuación)\b[^.]{0,80}\b(?:insuficiente|por debajo|inferior)\b"#, #"\b(?:uitslag|score|resultaat)\b[^.]{0,80}\b(?:onvoldoende|onder de|lager)\b"#,
                                            #"\b(?:casus|presentatie|opdracht|praktijktoets)\b[^.]{0,80}\b(?:te globaal|onvoldoende|niet overtuigend|te weinig)\b"#,
                                            #"\b(?:punteggio|risultato|esito)\b[^.]{0,80}\b(?:inferiore|insufficiente|non (?:ha )?(?:raggiunto|superato))\b"#,
                                            #"\b(?:resultado|pontuação|nota)\b[^.]{0,80}\b(?:insuficiente|abaixo|inferior)\b"#, #"\b(?:resultat|poäng)\b[^.]{0,80}\b(?:under|inte tillräcklig\w*)\b"#])),
        (.applicationMaterials, PatternSet([#"\b(?:unterlagen|zeugnisse|nachweise|dokumente)\b[^.]{0,60}\b(?:fehlten|fehlen|unvollständig|nicht beigefügt)\b"#,
                                            #"\bdossier (?:incomplet|non complet)\b"#, #"\b(?:pièces|documents)\b[^.]{0,60}\b(?:manquant\w*|absent\w*|pas joint\w*)\b"#,
                                            #"\b(?:documentación|candidatura) incompleta\b"#, #"\b(?:documentos?|certificados?)\b[^.]{0,60}\bno (?:adjunt\w+|acompañ\w+|inclu\w+)\b"#,
                                            #"\b(?:documenten|stukken|diploma's?)\b[^.]{0,60}\b(?:ontbraken|ontbreken|onvolledig|niet bijgevoegd)\b"#,
                                            #"\b(?:documentazione|candidatura) incomplet[ao]\b"#, #"\b(?:documenti|certificat\w+)\b[^.]{0,60}\b(?:mancant\w+|non allegat\w+|non risultava(?:no)? tra gli allegati)\b"#,
                                            #"\b(?:documentos?|certificado|documentação|declaração)\b[^.]{0,120}\b(?:não (?:acompanhava|foi enviad\w+|foram enviad\w+)|em falta|incomplet\w+)\b"#,
                                            #"\b(?:handlingar|dokument|betyg)\b[^.]{0,60}\b(?:saknades|saknas|ofullständig\w*)\b"#])),
        (.cultureFit, PatternSet([#"\b(?:arbeitsweise|unternehmenskultur|kultur)\b[^.]{0,60}\bnicht\b[^.]{0,20}\bpass\w*"#, #"\bnicht (?:zu uns|in unser team) pass\w*"#,
                                  #"\b(?:culture|fonctionnement|façon de travailler|mode de travail)\b[^.]{0,60}\bne (?:correspond|convien)\w*"#,
                                  #"\b(?:cultura|forma de trabajar|manera de trabajar)\b[^.]{0,60}\bno (?:encaj|se adapt)\w*"#,
                                  #"\b(?:cultuur|manier van werken|werkwijze)\b[^.]{0,60}\bniet\b[^.]{0,20}\b(?:past|passen|aansluit)\w*"#,
                                  #"\b(?:cultura|modo di lavorare)\b[^.]{0,60}\bnon\b[^.]{0,20}\b(?:adatt|in linea)\w*"#,
                                  #"\b(?:cultura|forma de trabalhar|maneira de trabalhar)\b[^.]{0,60}\bnão\b[^.]{0,20}\b(?:encaix|adequ|alinh)\w*"#,
                                  #"\b(?:arbetssätt|sätt att arbeta|kultur)\w*\b[^.]{0,80}\b(?:inte|inget)\b[^.]{0,30}\bpassa\w*"#,
                                  #"\binte\b[^.]{0,40}\b(?:sätt att arbeta|arbetssätt)\b[^.]{0,30}\bpassa\w*"#])),
        (.location, PatternSet([#"\b(?:homeoffice|home-office|pendeln|anfahrtsweg|arbeitsort)\b"#, #"\b(?:déménagement|télétravail|présence (?:quotidienne|sur site))\b"#,
                                #"\b(?:trabajo presencial|teletrabajo|traslado|trasladarte)\b"#, #"\b(?:verhuizing|thuiswerken|reisafstand)\b"#,
                                #"\b(?:trasferimento|trasferirsi|in presenza|smart working)\b"#, #"\b(?:mudança|mudar-se|presencial|deslocação)\b"#,
                                #"\b(?:flytta|distansarbete|pendla|pendling)\b"#])),
        (.salaryMismatch, PatternSet([#"\bgehalt\w*\b(?:[^.]|\.\d){0,60}\b(?:über|außerhalb|zu hoch|nicht)\b"#, #"\b(?:rémunération|salaire)\b(?:[^.]|\.\d){0,60}\b(?:au-dessus|dépass\w+|hors|trop)\b"#,
                                      #"\b(?:salario|sueldo|retribución)\b(?:[^.]|\.\d){0,60}\b(?:por encima|supera\w*|fuera)\b"#, #"\bsalaris\b(?:[^.]|\.\d){0,60}\b(?:boven|hoger|buiten)\b"#,
                                      #"\b(?:retribuzione|stipendio|ral)\b(?:[^.]|\.\d){0,60}\b(?:superior\w+|oltre|fuori)\b"#, #"\b(?:pretensão salarial|salário|remuneração)\b(?:[^.]|\.\d){0,60}\b(?:acima|supera\w*|fora)\b"#,
                                      // "(2.400 euros)": an amount's point doesn't end the clause.
                                      #"\b(?:löneanspråk|lön\w*)\b(?:[^.]|\.\d){0,40}\b(?:över|högre)\b"#])),
        (.timing, PatternSet([#"\b(?:eintrittstermin|kündigungsfrist)\b"#, #"\b(?:date de (?:prise de poste|démarrage)|préavis)\b"#, #"\b(?:fecha de incorporación|preaviso)\b"#,
                              #"\b(?:startdatum|opzegtermijn)\b"#, #"\b(?:data di inizio|preavviso)\b"#, #"\b(?:data de início|aviso prévio)\b"#, #"\b(?:uppsägningstid|tillträde)\b"#])),
    ]

    static func reason(in body: String) -> (category: RejectionCategory, sentence: String)? {
        let text = String(body.prefix(5000))
        let hits = FeedbackAnalyzer.findReasons(in: text)
        // A visa or permit the employer can't give is the place ("location", as the guideline has
        // it), unless an earlier sentence states another reason: "the main reason is that we can
        // not sponsor a work permit…, and the role also requires fluent German" is the permit.
        let sentences = Segmenter.sentences(text).map(\.text)
        if let at = sentences.firstIndex(where: { ReasonLexicon.refusesAPermit($0) && !ReasonLexicon.closerMatch.contains($0) }),
           at <= (hits.first.flatMap { hit in sentences.firstIndex(of: hit.evidence) } ?? sentences.count) {
            return (.location, sentences[at])
        }
        if let hit = hits.first(where: { RejectionCategory(rawValue: $0.reason) != nil }),
           let category = RejectionCategory(rawValue: hit.reason) {
            let stated = FeedbackAnalyzer.findReasons(in: text).compactMap { RejectionCategory(rawValue: $0.reason) }
            var chosen = stated.first(where: { ReasonLexicon.alwaysStated.contains($0) }) ?? category
            // "We've appointed a candidate who has led a department": the filled post is what
            // happened, the other person's experience is why.
            let hits = FeedbackAnalyzer.findReasons(in: text)
            if chosen == .positionFilled, let why = hits.first(where: { $0.reason == RejectionCategory.moreExperiencedCandidate.rawValue }),
               why.evidence == hits.first(where: { $0.reason == chosen.rawValue })?.evidence {
                chosen = .moreExperiencedCandidate
            }
            let sentence = FeedbackAnalyzer.findReasons(in: text).first { $0.reason == chosen.rawValue }?.evidence ?? hit.evidence
            return (chosen, sentence)
        }
        for sentence in Segmenter.sentences(text) {
            // "Another candidate whose experience more closely matches": boilerplate, no reason.
            if ReasonLexicon.closerMatch.contains(sentence.text) { continue }
            for (category, patterns) in other where patterns.contains(sentence.text) { return (category, sentence.text) }
        }
        return nil
    }
}

enum DateFinder {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
        "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
        "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12, "okt": 10, "dez": 12,
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
        "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8, "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
        "settembre": 9, "ottobre": 10, "dicembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    ]

    static let month = #"([A-Za-zÀ-ÿ]{3,10})\.?"#
    static let dayMonth = Capture(#"\b(\d{1,2})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+|of\s+)?"# + month + #"(?:,?\s+(?:de\s+)?(\d{4}))?"#)
    static let monthDay = Capture(#"\b"# + month + #"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b"#)
    static let iso = Capture(#"\b(\d{4})-(\d{2})-(\d{2})\b"#)
    static let shortNumeric = Capture(#"\b(\d{1,2})[/.](\d{1,2})\.?(?![\d/.]*\d)"#)
    static let dayCue = Capture(#"(?:\b(?:dia|am|den|le|el|op|on|il|the)|day|tag|woch|dag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|feira|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)\.?,?\s*$"#, caseInsensitive: true)
    static let numeric = Capture(#"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})\b"#)
    static let time = Capture(#"\b(\d{1,2})(?:[:h.](\d{2}))?\s*(?:(a\.?m\.?|p\.?m\.?)|(?:uhr|h)\b)"#, caseInsensitive: true)
    static let time24 = Capture(#"\b([01]?\d|2[0-3])[:h](\d{2})\b"#)
    /// "9.30 uur", "om 13.00", "at 09.00": a dotted time, only where a word says it is one.
    static let dotted = Capture(#"(?:\b(?:at|om|um|à|alle|às|a las|kl\.?|from|van|von|dalle|de)\s+([01]?\d|2[0-3])\.(\d{2})\b|\b([01]?\d|2[0-3])[.:](\d{2})\s*uur\b|\bom (\d{1,2}) uur\b)"#, caseInsensitive: true)
    static let bareSpan = Capture(#"\b(?:from|von|de|van|dalle)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(?:-|–|to|till|til|until|bis|à|a|tot|alle)\s*\d{1,2}(?:[:.]\d{2})?(?!\s*(?:[ap]\.?m|%|\d|/|years?|people|days?|weeks?|months?|minutes?|mins?|hours?|hrs?|candidates|jahre|tage|ans|jours|años|días|jaar|dagen|anni|giorni))\b"#, caseInsensitive: true)
    static let noon = Capture(#"\b(?:at|um|à|al|om|alle|ao)\s+(?:12 )?(?:noon|midday|mittag|midi|mediodía|mezzogiorno|meio-dia)\b"#, caseInsensitive: true)
    static let bareHour = Capture(#"\bat (\d{1,2})(?::(\d{2}))?(?: o'clock)?(?=\s+(?:for|to|if|on|tomorrow|today|this|next|sharp)\b|\s*[,;!?)]|\.(?!\d)|\s*$)"#, caseInsensitive: true)
    /// "from 8 till 11am", "2-4pm": the start, in the end's half of the day.
    static let span = Capture(#"\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:-|–|to|till|til|until)\s*(\d{1,2})(?:[:.]\d{2})?\s*(a\.?m\.?|p\.?m\.?)"#, caseInsensitive: true)

    /// One day the e-mail names, with the time beside it.
    struct Slot: Equatable {
        var day: Day
        var time: String?
        var line: Int
        /// One of a list of days ("on 7, 8 and 10 September").
        var listed = false
    }

    /// The appointment the e-mail sets: a calendar invitation's start, else the one day it
    /// names (with its time, on its line or just below). None when it offers several slots to
    /// choose from, or only names a deadline ("complete it by Friday 13 March") or the time an
    /// interview was moved from. `monthFirst` reads "12/03/2026" the American way (nil: unknown).
    /// When it offers several to choose from, each of them is returned as offered.
    static func appointment(in text: String, calendar: String?, sent: Date?, monthFirst: Bool? = nil, offsetMinutes: Int? = nil) -> (day: Day?, time: String?, offered: [InterviewSlot]) {
        // "Tomorrow" is the day after the sender's own date, not UTC's.
        let zone = offsetMinutes.flatMap { TimeZone(secondsFromGMT: $0 * 60) } ?? TimeZone(identifier: "UTC")!
        let reference = sent.map { Day($0, in: zone) }
        // Line by line ("am 5. Dezember" is one line, not two sentences).
        let lines = String(text.prefix(4000)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let found = slots(lines, after: reference, monthFirst: monthFirst ?? usConvention(text))
        if let calendar, let parsed = fromCalendar(calendar) {
            // A start in UTC ("…T190000Z") is the writer's clock only in their own words.
            if calendar.uppercased().hasSuffix("Z"), let own = found.first(where: { $0.day == parsed.day && $0.time != nil }) { return (own.day, own.time, []) }
            return (parsed.day, parsed.time, [])
        }
        if found.contains(where: \.listed) || Set(found.map(\.day)).count > 1 && offersAChoice(found, lines) {
            var offered: [InterviewSlot] = []
            for slot in found where !offered.contains(where: { $0.day == slot.day && $0.time == slot.time }) { offered.append(InterviewSlot(day: slot.day, time: slot.time)) }
            return (nil, nil, Array(offered.prefix(6)))
        }
        return found.first.map { ($0.day, $0.time, []) } ?? (nil, nil, [])
    }

    /// The days named, in order: written dates first; a day said relatively ("tomorrow", "this
    /// Saturday") only when no date is written, and not one looked back on ("thanks for Tuesday").
    static func slots(_ lines: [String], after reference: Day?, monthFirst: Bool?) -> [Slot] {
        var result: [Slot] = []
        for (i, line) in lines.enumerated() {
            let found = dates(in: line, after: reference, monthFirst: monthFirst)
            for (k, date) in found.enumerated() {
                if let reference, date.day < reference.adding(days: -1) { continue }
                let before = String(line[..<date.range.lowerBound].suffix(100))
                if setsNothing(before, line) { continue }
                let end = k + 1 < found.count ? found[k + 1].range.lowerBound : line.endIndex
                // "at 1:30pm on Tuesday 15 September" puts the time first.
                let time = (k == 0 ? clock(in: justBefore(before)) : nil)
                    ?? clock(in: String(line[date.range.upperBound..<end]))
                    ?? (k == 0 ? clock(in: before) : nil)
                    ?? (k == found.count - 1 ? lines.dropFirst(i + 1).prefix(2).lazy.compactMap { clock(in: $0) }.first : nil)
                result.append(Slot(day: date.day, time: time, line: i, listed: listing.firstMatch(in: before) != nil))
            }
        }
        if !result.isEmpty { return result }
        for (i, line) in lines.enumerated() {
            guard let (day, range) = relative(line, after: reference) else { continue }
            let before = String(line[..<range.lowerBound].suffix(100))
            if setsNothing(before, line) || lookedBack.firstMatch(in: before) != nil { continue }
            let time = clock(in: line) ?? lines.dropFirst(i + 1).prefix(2).lazy.compactMap { clock(in: $0) }.first
            // "Let us know when you're free next week; Mondays suit us best" sets nothing yet, nor
            // does "I'm free Wednesday afternoon or Friday morning".
            if time == nil, lines.contains(where: { availability.firstMatch(in: $0) != nil }) { return [] }
            if twoDays(line) { return [] }
            return [Slot(day: day, time: time, line: i)]
        }
        return []
    }

    /// The words just before a date, where its time may stand ("2:00pm - 2:30pm, Wednesday, "):
    /// within its sentence, and never from the middle of a number.
    static func justBefore(_ before: String) -> String {
        var window = Substring(before.suffix(32))
        if before.count > 32 { window = window.drop { $0.isNumber || $0 == ":" || $0 == "." } }
        if let stop = window.range(of: ". ", options: .backwards) { window = window[stop.upperBound...] }
        return String(window)
    }

    /// A day named as a deadline or as the time an interview moved from: no appointment.
    static func setsNothing(_ before: String, _ line: String) -> Bool {
        deadline.firstMatch(in: before) != nil || deadlineLabel.firstMatch(in: line) != nil || previous.firstMatch(in: before) != nil
    }

    /// "by", "no later than", "bis spätestens", "avant le", "uiterlijk": the day is a deadline.
    static let deadline = Capture(#"\b(?:by|before|until|till|no later than|due(?: by| on)?|deadline(?: is| of)?|closing date(?: is)?|closes(?: on)?|expires?(?: on)?|bis(?: zum| spätestens)?|spätestens(?: am| bis)?|avant(?: le)?|jusqu'(?:au|à)|d'ici(?: le| au)?|au plus tard(?: le)?|antes del?|hasta el|a más tardar el|uiterlijk(?: op)?|vóór|entro(?: il| e non oltre il)?|até(?: ao| dia| o dia)?)\s*[:\-]?\s*(?:(?:the )?(?:end|close) of (?:business|play|the day|day)?\s*(?:on )?|(?:midnight|noon|minuit|medianoche|mezzanotte)\s*(?:on |le |el |op )?|\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|uhr|uur|h)?\s*(?:\(?[A-Z]{2,4}\)?\s*)?(?:on |am |le |el |op |del |il |de |do )?)?(?:(?:on |am |le |el |op |il )?[A-Za-zÀ-ÿ]{3,12}\.?,?\s+)?(?:the |den |le |el |de |il )?$"#, caseInsensitive: true)
    static let deadlineLabel = Capture(#"^\s*(?:deadline|due(?: date)?|closing date|submission deadline|complete by|frist|einsendeschluss|abgabe|date limite|fecha límite|plazo|uiterste datum|inleverdatum|scadenza|prazo)\b"#, caseInsensitive: true)
    /// "instead of Tuesday", "au lieu du mardi": the time an interview was moved from.
    static let previous = Capture(#"\b(?:instead of|rather than|in place of|originally|previously|was (?:booked|scheduled|planned|set) for|moved from|anstatt|statt|au lieu d[eu]|en lugar del?|en vez del?|in plaats van|invece d[ie]l?|em vez de)\b[^.]{0,30}$|\b(?:move|moving|moved|reschedul\w*|push|pushing|shift|shifting|bring|bringing|verschieben|verlegen|déplacer|décaler|reporter|mover|cambiar|trasladar|verplaatsen|verzetten|spostare)\b[^.]{0,60}\b(?:from|von|vom|du|de|del|van|da|dal)\s+(?:[A-Za-zÀ-ÿ]+,?\s+)?(?:the\s+)?$"#, caseInsensitive: true)
    /// "Thanks for your time on Tuesday": a day looked back on.
    static let lookedBack = Capture(#"\b(?:thanks?|thank you|danke|merci|gracias|bedankt|grazie|obrigad[oa]|enjoyed|last|yesterday|met|spoke|chatted|chatting|meeting you|speaking)\b[^.]{0,40}$"#, caseInsensitive: true)
    /// Words that offer a choice: "either of the following", "or", "welke past", "quale preferisci".
    static let choice = Capture(#"\b(?:either|or|one of|following|choose|pick|select|which|options?|slots?|alternatively|oder|welche[nrms]?|folgende|anbieten|ou|lequel|laquelle|créneaux?|suivants|o|cuál|opciones|siguientes|of|welke|volgende|oppure|quale|seguenti|opções|horários|seguintes)\b"#, caseInsensitive: true)
    /// "on 7, 8 and 10 September": the day is one of a list.
    static let listing = Capture(#"\b\d{1,2}(?:st|nd|rd|th|\.)?\s*(?:,|and|or|und|oder|et|ou|y|o|en|of|e|&)\s*$"#, caseInsensitive: true)
    /// A request for the person's availability.
    static let availability = Capture(#"\b(?:availability|when you(?:'re| are) (?:free|available)|let (?:us|me) know when|send (?:me|us) (?:a (?:couple|few) of |some |your )?(?:times|slots)|times? that (?:work|suit)|what (?:works|suits) (?:for )?you|beschikbaar|verfügbar|wann (?:sie|du) (?:zeit|können)|disponibilités?|disponible|disponibilidad|disponibile|disponibilità|disponível|disponibilidade)\b"#, caseInsensitive: true)

    /// Several days offered as a choice: the words offer one on a line that names a day, or on
    /// one of the two lines before the first.
    static func offersAChoice(_ found: [Slot], _ lines: [String]) -> Bool {
        guard let first = found.first?.line else { return false }
        let near = Set(found.map(\.line)).union(max(0, first - 2)..<first)
        return near.contains { choice.firstMatch(in: lines[$0]) != nil }
    }

    /// American dates ("10/07/2026" is 7 October) when the text names an American time zone.
    static func usConvention(_ text: String) -> Bool? {
        usZone.firstMatch(in: text) != nil ? true : nil
    }
    static let usZone = Capture(#"\b(?:\d(?:\s*[ap]\.?m\.?)?\s+(?:ET|CT|MT|PT|EST|CST|MST|PST|EDT|CDT|MDT|PDT)|Eastern|Pacific|Central) ?(?:time|standard|daylight)?\b"#)

    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6, "sonntag": 7,
        "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7,
        "lunes": 1, "martes": 2, "miércoles": 3, "miercoles": 3, "jueves": 4, "viernes": 5, "sábado": 6, "sabado": 6, "domingo": 7,
        "maandag": 1, "dinsdag": 2, "woensdag": 3, "donderdag": 4, "vrijdag": 5, "zaterdag": 6, "zondag": 7,
    ]
    /// "tomorrow", but not "Guten Morgen" or "de la mañana" (the morning).
    static let tomorrow = Capture(#"\btomorrow\b|(?<!guten |am |den |jeden |heute )\bmorgen\b(?! ?vroeg)|\bdemain\b|(?<!de la |por la |esta |cada )\bmañana\b"#, caseInsensitive: true)
    static let weekdayWord = Capture(#"\b(?i:(?:this|next|on|am|le|el|op|ce|coming)\s+)?([A-Za-zÀ-ÿ]{5,10})\b"#)

    /// Two weekdays offered as a choice on one line ("Wednesday afternoon or Friday morning").
    static func twoDays(_ line: String) -> Bool {
        let named = weekdayWord.expression.matches(in: line, range: NSRange(line.startIndex..., in: line)).filter { m in
            Range(m.range(at: 1), in: line).map { weekdays[line[$0].lowercased()] != nil } ?? false
        }
        guard named.count >= 2, let first = Range(named[0].range, in: line), let second = Range(named[1].range, in: line) else { return false }
        return choice.firstMatch(in: String(line[first.upperBound..<second.lowerBound])) != nil
    }

    /// "tomorrow", "this Saturday": days said relative to when the e-mail was sent, with where.
    static func relative(_ text: String, after reference: Day?) -> (Day, Range<String.Index>)? {
        guard let reference else { return nil }
        if let range = tomorrow.firstMatch(in: text) { return (reference.adding(days: 1), range) }
        for match in weekdayWord.expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text), let target = weekdays[text[range].lowercased()] else { continue }
            let today = reference.isoWeekday
            var ahead = (target - today + 7) % 7
            if ahead == 0 { ahead = 7 }
            return (reference.adding(days: ahead), range)
        }
        return nil
    }

    static func fromCalendar(_ raw: String) -> (day: Day?, time: String?)? {
        let digits = raw.filter { $0.isNumber || $0 == "T" }
        guard digits.count >= 8, let y = Int(digits.prefix(4)), let m = Int(digits.dropFirst(4).prefix(2)), let d = Int(digits.dropFirst(6).prefix(2)),
              let day = Day(year: y, month: m, day: d) else { return nil }
        var time: String?
        if let t = digits.firstIndex(of: "T") {
            let clock = digits[digits.index(after: t)...]
            if clock.count >= 4 { time = "\(clock.prefix(2)):\(clock.dropFirst(2).prefix(2))" }
        }
        return (day, time)
    }

    /// Every written date in a line, in order, with where it is. A weekday beside a numeric
    /// date decides which way it reads ("Wednesday, 10/07/2026" is 7 October).
    static func dates(in text: String, after reference: Day?, monthFirst: Bool?) -> [(day: Day, range: Range<String.Index>)] {
        var found: [(day: Day, range: Range<String.Index>)] = []
        let whole = NSRange(text.startIndex..., in: text)
        func add(_ day: Day?, _ range: NSRange) {
            guard let day, let r = Range(range, in: text), !found.contains(where: { $0.range.overlaps(r) }) else { return }
            found.append((day, r))
        }
        for m in iso.expression.matches(in: text, range: whole) {
            let parts = (1...3).compactMap { Range(m.range(at: $0), in: text).flatMap { Int(text[$0]) } }
            if parts.count == 3 { add(Day(year: parts[0], month: parts[1], day: parts[2]), m.range) }
        }
        func resolve(_ d: Int, _ monthName: String, _ year: String?) -> Day? {
            months[monthName.lowercased()].flatMap { resolve(d, month: $0, year) }
        }
        /// A day in the month given; without a year, the first such day from a few days before the reference on.
        func resolve(_ d: Int, month m: Int, _ year: String?) -> Day? {
            if let year, let y = Int(year) { return Day(year: y, month: m, day: d) }
            let base = reference ?? Day(year: 2026, month: 1, day: 1)!
            for y in [base.year, base.year + 1] {
                if let day = Day(year: y, month: m, day: d), day >= base.adding(days: -3) { return day }
            }
            return nil
        }
        for m in dayMonth.expression.matches(in: text, range: whole) {
            guard let d = Range(m.range(at: 1), in: text).flatMap({ Int(text[$0]) }), let monthRange = Range(m.range(at: 2), in: text) else { continue }
            add(resolve(d, String(text[monthRange]), Range(m.range(at: 3), in: text).map { String(text[$0]) }), m.range)
        }
        for m in monthDay.expression.matches(in: text, range: whole) {
            guard let monthRange = Range(m.range(at: 1), in: text), let d = Range(m.range(at: 2), in: text).flatMap({ Int(text[$0]) }) else { continue }
            add(resolve(d, String(text[monthRange]), Range(m.range(at: 3), in: text).map { String(text[$0]) }), m.range)
        }
        // "Dienstag, 10.11.", "quinta-feira, dia 15/10": a day and month without a year, only
        // after a weekday or "on"/"am"/"dia" (else "24/7" and "5/10" would be dates).
        for m in shortNumeric.expression.matches(in: text, range: whole) {
            guard let a = Range(m.range(at: 1), in: text).flatMap({ Int(text[$0]) }), let b = Range(m.range(at: 2), in: text).flatMap({ Int(text[$0]) }),
                  let r = Range(m.range, in: text), dayCue.firstMatch(in: String(text[..<r.lowerBound].suffix(24))) != nil else { continue }
            add(pick(dayFirst: resolve(a, month: b, nil), usFirst: resolve(b, month: a, nil), before: text[..<r.lowerBound], slashed: text[r].contains("/")), m.range)
        }
        for m in numeric.expression.matches(in: text, range: whole) {
            let parts = (1...3).compactMap { Range(m.range(at: $0), in: text).flatMap { Int(text[$0]) } }
            guard parts.count == 3, let r = Range(m.range, in: text) else { continue }
            let year = parts[2] < 100 ? 2000 + parts[2] : parts[2]
            add(pick(dayFirst: Day(year: year, month: parts[1], day: parts[0]), usFirst: Day(year: year, month: parts[0], day: parts[1]),
                     before: text[..<r.lowerBound], slashed: text[r].contains("/")), m.range)
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }

        /// A weekday named just before settles which way a numeric date reads; else the
        /// sender's convention; else a slash reads the American way.
        func pick(dayFirst: Day?, usFirst: Day?, before: Substring, slashed: Bool) -> Day? {
            guard let dayFirst, let usFirst, dayFirst != usFirst else { return dayFirst ?? usFirst }
            let named = weekdayWord.all(in: String(before.suffix(16))).compactMap { weekdays[$0.lowercased()] }.last
            if let named, (dayFirst.isoWeekday == named) != (usFirst.isoWeekday == named) { return dayFirst.isoWeekday == named ? dayFirst : usFirst }
            if let monthFirst { return monthFirst ? usFirst : dayFirst }
            return slashed ? usFirst : dayFirst
        }
    }

    /// The first time of day in the text, as "HH:mm".
    static func clock(in text: String) -> String? {
        var best: (at: Int, value: String)?
        func consider(_ match: NSTextCheckingResult?, _ value: (NSTextCheckingResult) -> String?) {
            guard let match, let v = value(match), best == nil || match.range.location < best!.at else { return }
            best = (match.range.location, v)
        }
        let whole = NSRange(text.startIndex..., in: text)
        func int(_ m: NSTextCheckingResult, _ i: Int) -> Int? { Range(m.range(at: i), in: text).flatMap { Int(text[$0]) } }
        func format(_ hour: Int, _ minute: Int) -> String? { hour < 24 && minute < 60 ? String(format: "%02d:%02d", hour, minute) : nil }
        consider(span.expression.firstMatch(in: text, range: whole)) { m in
            guard var start = int(m, 1), let end = int(m, 3), let meridiem = Range(m.range(at: 4), in: text).map({ text[$0].lowercased() }), start <= 12, end <= 12 else { return nil }
            // "8 till 11am" starts in the morning; "11 till 1pm" too; "2 to 4pm" in the afternoon.
            if meridiem.hasPrefix("p") && start < 12 && start % 12 <= end % 12 { start += 12 }
            return format(start, int(m, 2) ?? 0)
        }
        // A bare hour ("from 9 till 12", "at 3 for a stage") is in the afternoon up to 6.
        func bare(_ m: NSTextCheckingResult) -> String? {
            guard let h = int(m, 1), (1...12).contains(h) else { return nil }
            return format(h <= 6 ? h + 12 : h, int(m, 2) ?? 0)
        }
        consider(bareSpan.expression.firstMatch(in: text, range: whole), bare)
        consider(time.expression.firstMatch(in: text, range: whole)) { m in
            guard var hour = int(m, 1) else { return nil }
            if let meridiem = Range(m.range(at: 3), in: text).map({ text[$0].lowercased() }) {
                if meridiem.hasPrefix("p") && hour < 12 { hour += 12 }
                if meridiem.hasPrefix("a") && hour == 12 { hour = 0 }
            }
            return format(hour, int(m, 2) ?? 0)
        }
        consider(time24.expression.firstMatch(in: text, range: whole)) { m in int(m, 1).flatMap { h in int(m, 2).flatMap { format(h, $0) } } }
        consider(noon.expression.firstMatch(in: text, range: whole)) { _ in "12:00" }
        consider(bareHour.expression.firstMatch(in: text, range: whole), bare)
        consider(dotted.expression.firstMatch(in: text, range: whole)) { m in
            if let h = int(m, 1), let mm = int(m, 2) { return format(h, mm) }
            if let h = int(m, 3), let mm = int(m, 4) { return format(h, mm) }
            return int(m, 5).flatMap { format($0, 0) }
        }
        return best?.value
    }
}
