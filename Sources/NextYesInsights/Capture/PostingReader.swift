import Foundation
import NextYesCore

/// One field the posting reader found, with the words it found it in (shown to the person so
/// they can see why, and correct it).
public struct PostingField: Codable, Sendable, Hashable {
    public var value: String
    public var evidence: String
}

/// What a job posting says: company, role, location (and whether it is remote or hybrid), pay as
/// written, employment type and the skills it asks for. Nil where the posting doesn't say, or
/// where the reader couldn't tell.
public struct PostingReading: Codable, Sendable, Hashable {
    public var company: PostingField?
    public var role: PostingField?
    public var location: PostingField?
    /// "remote", "hybrid" or "onsite".
    public var workplace: PostingField?
    public var salary: PostingField?
    /// "full-time", "part-time", "contract", "temporary" or "internship".
    public var employmentType: PostingField?
    /// The posting's readable text (the page's text for HTML), kept as the job description.
    public var text: String
    /// The page's own address, when the saved HTML names it.
    public var url: String?
}

/// Reads a pasted posting or a saved posting page. A page's structured data (schema.org
/// JobPosting) is trusted first; then labelled lines ("Location: Leeds"), the title and the
/// first lines, and patterns for pay and contract types in English, German, French, Spanish and
/// Dutch. Developed on `data/postings/dev.jsonl`; measured on the held-out split (docs/capture.md).
public enum PostingReader {
    public static let maximumCharacters = 400_000

    /// `title` is the page's title when the browser sent it (the bookmark does).
    public static func read(_ content: String, title: String? = nil) -> PostingReading {
        let raw = String(content.prefix(maximumCharacters))
        let isHTML = looksLikeHTML(raw)
        let text = PostingText.withoutSimilarJobs(isHTML ? HTMLText.text(raw) : MailParser.tidy(raw))
        var reading = PostingReading(text: text)
        var structured = StructuredPosting()
        if isHTML {
            structured = StructuredPosting.read(raw)
            reading.url = structured.url
        }
        if structured.pageTitle == nil, let title, !title.isEmpty { structured.pageTitle = title }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        reading.role = structured.title.flatMap { title in RoleFinder.clean(title).map { PostingField(value: $0, evidence: title) } }
            ?? PostingText.role(lines: lines, pageTitle: structured.pageTitle, heading: structured.heading)
        reading.company = structured.company.map { PostingField(value: $0, evidence: $0) }
            ?? PostingText.company(lines: lines, text: text, pageTitle: structured.pageTitle, siteName: structured.siteName, role: reading.role?.value, url: structured.url)
        reading.location = PostingText.location(lines: lines, text: text, role: reading.role?.evidence, company: reading.company?.value) ?? structured.location.map { PostingField(value: $0, evidence: $0) }
        if let role = reading.role { reading.role!.value = PostingText.withoutPlaceOrCompany(role.value, place: reading.location?.value, company: reading.company?.value) }
        reading.workplace = PostingText.workplace(text) ?? (structured.remote ? PostingField(value: "remote", evidence: "TELECOMMUTE") : nil)
        reading.salary = PostingText.salary(text) ?? structured.salary.map { PostingField(value: $0, evidence: $0) }
        reading.employmentType = PostingText.employmentType(text) ?? structured.employmentType.map { PostingField(value: $0, evidence: $0) }
        return reading
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(2000).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") || head.contains("<div") || head.contains("<p>")
    }
}

/// What a page's structured data and head say: schema.org JobPosting in JSON-LD, the title, og: tags.
struct StructuredPosting {
    var title: String?
    var company: String?
    var location: String?
    var remote = false
    var salary: String?
    var employmentType: String?
    var pageTitle: String?
    var siteName: String?
    /// The page's main heading: on a posting page, nearly always the job's title.
    var heading: String?
    var url: String?

    static let scripts = Capture(#"<script[^>]*type\s*=\s*["']application/ld\+json["'][^>]*>([\s\S]*?)</script>"#, caseInsensitive: true)
    static let titleTag = Capture(#"<title[^>]*>([\s\S]*?)</title>"#, caseInsensitive: true)
    static let headingTag = Capture(#"<h1[^>]*>([\s\S]*?)</h1>"#, caseInsensitive: true)
    static func meta(_ property: String) -> Capture {
        Capture(#"<meta[^>]+(?:property|name)\s*=\s*["']"# + property + #"["'][^>]*content\s*=\s*["']([^"']*)["']"#, caseInsensitive: true)
    }
    static let ogTitle = meta("og:title"), ogSite = meta("og:site_name"), ogURL = meta("og:url")
    static let canonical = Capture(#"<link[^>]+rel\s*=\s*["']canonical["'][^>]*href\s*=\s*["']([^"']+)["']"#, caseInsensitive: true)

    static func read(_ html: String) -> StructuredPosting {
        var found = StructuredPosting()
        found.pageTitle = (titleTag.first(in: html).map(HTMLText.decodeEntities) ?? ogTitle.first(in: html).map(HTMLText.decodeEntities))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        found.siteName = ogSite.first(in: html).map(HTMLText.decodeEntities)
        found.heading = headingTag.first(in: html).map { HTMLText.text($0).replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces) }
            .flatMap { $0.isEmpty || $0.count > 120 ? nil : $0 }
        found.url = canonical.first(in: html) ?? ogURL.first(in: html)
        for script in scripts.all(in: html) {
            guard let data = script.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                  let posting = jobPosting(in: json) else { continue }
            found.take(posting)
            break
        }
        return found
    }

    static func jobPosting(in json: Any) -> [String: Any]? {
        if let object = json as? [String: Any] {
            let type = object["@type"]
            if (type as? String) == "JobPosting" || (type as? [String])?.contains("JobPosting") == true { return object }
            if let graph = object["@graph"] { return jobPosting(in: graph) }
        }
        if let array = json as? [Any] {
            for item in array { if let found = jobPosting(in: item) { return found } }
        }
        return nil
    }

    mutating func take(_ p: [String: Any]) {
        func string(_ value: Any?) -> String? {
            if let s = value as? String { return HTMLText.decodeEntities(s).trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty }
            if let n = value as? NSNumber { return n.stringValue }
            return nil
        }
        title = string(p["title"])
        if let org = p["hiringOrganization"] as? [String: Any] { company = string(org["name"]) } else { company = string(p["hiringOrganization"]) }
        let locations = (p["jobLocation"] as? [Any]) ?? (p["jobLocation"].map { [$0] } ?? [])
        for case let place as [String: Any] in locations {
            if let address = place["address"] as? [String: Any] {
                let parts = [string(address["addressLocality"]), string(address["addressRegion"]), string(address["addressCountry"] as? String)
                             ?? (address["addressCountry"] as? [String: Any]).flatMap { string($0["name"]) }].compactMap { $0 }
                if !parts.isEmpty { location = parts.prefix(2).joined(separator: ", "); break }
            } else if let name = string(place["address"]) ?? string(place["name"]) {
                location = name
                break
            }
        }
        remote = (string(p["jobLocationType"]) ?? "").uppercased().contains("TELECOMMUTE")
        if let type = p["employmentType"] {
            let values = (type as? [Any])?.compactMap(string) ?? [string(type)].compactMap { $0 }
            employmentType = values.lazy.compactMap(PostingText.employmentKind).first
        }
        if let pay = p["baseSalary"] as? [String: Any] {
            let currency = string(pay["currency"]) ?? ""
            let value = pay["value"] as? [String: Any]
            let unit = (value.flatMap { string($0["unitText"]) } ?? "").lowercased()
            let low = value.flatMap { string($0["minValue"]) }, high = value.flatMap { string($0["maxValue"]) }
            let single = value.flatMap { string($0["value"]) } ?? string(pay["value"])
            let amount = [low, high].compactMap { $0 }.joined(separator: "–").nonEmpty ?? single
            if let amount { salary = "\(currency) \(amount)\(unit.isEmpty ? "" : " per \(unit)")".trimmingCharacters(in: .whitespaces) }
        }
    }
}

enum PostingText {
    /// A board's list of other jobs under the posting ("Similar jobs", "Ähnliche Jobs", "Podobne
    /// oferty") names other places, pay and employers: the page is read up to its heading, when
    /// the heading comes after the posting (in the second half of the page; a side panel with the
    /// same heading above the posting is left alone).
    static func withoutSimilarJobs(_ text: String) -> String {
        let total = text.utf8.count
        var offset = text.startIndex
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bare = line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ":·|-–"))
                .trimmingCharacters(in: .whitespaces).lowercased()
            if !bare.isEmpty, similarJobsHeadings.contains(bare), text[..<offset].utf8.count * 2 >= total { return String(text[..<offset]) }
            offset = text.index(line.endIndex, offsetBy: line.endIndex < text.endIndex ? 1 : 0)
        }
        return text
    }

    static let similarJobsHeadings: Set<String> = [
        "similar jobs", "similar ads", "similar listings", "similar vacancies", "similar roles", "related jobs", "more jobs like this", "jobs like this",
        "people also viewed", "people also applied", "jobs you may like", "you may also like", "recommended jobs", "recommended for you", "other jobs you might like",
        "ähnliche jobs", "ähnliche stellenangebote", "ähnliche stellen", "ähnliche anzeigen", "das könnte sie auch interessieren", "weitere jobs",
        "offres similaires", "annonces similaires", "emplois similaires", "offres d'emploi similaires", "vous pourriez aussi aimer",
        "ofertas similares", "empleos similares", "anuncios similares", "ofertas relacionadas",
        "vergelijkbare vacatures", "soortgelijke vacatures", "vergelijkbare banen", "andere vacatures",
        "offerte simili", "annunci simili", "lavori simili", "offerte di lavoro simili",
        "vagas semelhantes", "vagas similares", "ofertas semelhantes", "empregos semelhantes", "vagas relacionadas",
        "podobne oferty", "podobne ogłoszenia", "liknande jobb", "liknande annonser", "lignende job", "lignende stillinger", "vastaavia työpaikkoja",
        "samankaltaisia työpaikkoja", "lignende jobber",
    ]

    static let labels: [(field: String, names: [String])] = [
        ("location", ["location", "locations", "job location", "work location", "office location", "based in", "standort", "arbeitsort", "einsatzort", "dienstort", "lieu", "localisation",
                      "lieu de travail", "ubicación", "ubicacion", "localización", "localidad", "lugar de trabajo", "locatie", "werklocatie", "standplaats", "werkplek", "plaats",
                      "sede di lavoro", "luogo di lavoro", "sede", "località", "local", "city", "ort", "miejsce pracy", "lokalizacja", "arbetsort", "arbetsplats", "arbejdssted", "arbeidssted", "sijainti", "ort:", "where"]),
        ("company", ["company", "employer", "organisation", "organization", "hiring company", "unternehmen", "arbeitgeber", "firma", "entreprise", "société", "employeur",
                     "empresa", "bedrijf", "organisatie", "werkgever", "azienda"]),
        ("role", ["job title", "title", "position", "role", "stellenbezeichnung", "jobtitel", "poste", "intitulé du poste", "puesto", "cargo", "functie", "functietitel", "vacature", "posizione",
                  "vaga", "ruolo", "tjänst", "stilling"]),
    ]

    static func labelled(_ field: String, lines: [String]) -> PostingField? {
        let names = labels.first { $0.field == field }!.names
        for (i, raw) in lines.prefix(400).enumerated() {
            // A labelled line in a list: "- Lieu : Angers (49)", "• Location: Leeds".
            let line = raw.hasPrefix("- ") || raw.hasPrefix("• ") || raw.hasPrefix("* ") || raw.hasPrefix("· ") ? String(raw.dropFirst(2)) : raw
            let lower = line.lowercased()
            for name in names {
                guard lower.hasPrefix(name) else { continue }
                let after = line.dropFirst(name.count)
                var rest = after.drop { $0 == " " || $0 == "\t" }
                // A table flattened to one line: "Locatie   Zwolle    Uren   24 uur" (label, value, next label).
                if after.hasPrefix("  ") || after.hasPrefix("\t"), let first = rest.first, first.isLetter || first.isNumber {
                    let value = rest.components(separatedBy: "  ").first!.components(separatedBy: "\t").first!.trimmingCharacters(in: .whitespaces)
                    // Not the next label ("Location   Requisition ID   …" has no value).
                    let isLabel = labels.contains { $0.names.contains(value.lowercased()) } || value.lowercased().hasPrefix("requisition") || value.lowercased().hasSuffix(" id")
                    if !value.isEmpty && value.count <= 80 && !isLabel { return PostingField(value: value, evidence: line) }
                }
                guard let first = rest.first, first == ":" || first == "-" || first == "–" || first == "|" else {
                    // "Location" alone on its line, the value on the next.
                    if rest.isEmpty, i + 1 < lines.count, lines[i + 1].count <= 80 { return PostingField(value: lines[i + 1], evidence: line + "\n" + lines[i + 1]) }
                    continue
                }
                rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
                let value = String(rest).trimmingCharacters(in: .whitespaces)
                if !value.isEmpty && value.count <= 120 { return PostingField(value: value, evidence: line) }
                if value.isEmpty, i + 1 < lines.count, lines[i + 1].count <= 80 { return PostingField(value: lines[i + 1], evidence: line + "\n" + lines[i + 1]) }
            }
        }
        return nil
    }

    static let noise: Set<String> = [
        "apply", "apply now", "save", "save job", "share", "report", "sign in", "log in", "menu", "home", "jobs", "careers", "search", "back", "back to jobs",
        "accept", "accept all", "reject all", "cookies", "easy apply", "recruiters", "employers", "for employers", "for recruiters", "about the job", "job description", "description", "overview", "skip to content",
        "skip to main content", "show more", "see more", "close", "posted", "new", "promoted", "actively recruiting", "über uns", "jetzt bewerben", "postuler",
        "inscríbete", "solliciteer", "solliciteer nu", "apply for this job", "view all jobs", "all jobs", "job details", "details", "the role", "about us",
    ]

    /// A site's buttons in other languages, never a place or a company.
    static let buttonWords: Set<String> = ["bewerben", "merken", "speichern", "teilen", "melden", "drucken", "postuler", "sauvegarder", "partager", "candidati", "salva",
                                           "condividi", "solliciteren", "opslaan", "delen", "ansök", "spara", "dela", "aplicar", "guardar", "compartir", "aplikuj", "zapisz"]

    /// A search form pasted on one line: "Cosa: commessa     Dove: Verona (VR)     Trova lavoro".
    static func isSearchBar(_ line: String) -> Bool {
        let cells = line.components(separatedBy: "   ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard cells.count >= 3, let last = cells.last?.lowercased() else { return false }
        return ["search", "find jobs", "find", "go", "trova lavoro", "cerca", "suchen", "jobs finden", "rechercher", "buscar", "zoeken", "sök", "szukaj"].contains(last)
    }

    static func isNoise(_ line: String) -> Bool {
        let lower = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " •·|›>"))
        if noise.contains(lower) { return true }
        if lower.contains("login") || lower.contains("log in") || lower.contains("sign in") || lower == "register" || lower.contains("/ register")
            || lower.contains("reviews") || lower.contains("inloggen") || lower.hasPrefix("upload your") || lower.hasPrefix("find ") { return true }
        if lower.contains("cookie") || lower.contains("applicants") || lower.hasSuffix(" ago") || lower.contains("days ago") || lower.contains("hours ago") { return true }
        if lower.hasPrefix("posted ") || lower.hasPrefix("©") || lower.hasPrefix("skip to") { return true }
        return isMenu(line) || isSearchBar(line)
    }

    static let roleWords = ["analyst", "engineer", "manager", "developer", "designer", "coordinator", "specialist", "assistant", "director", "intern", "consultant",
                            "lead", "associate", "officer", "scientist", "nurse", "teacher", "advisor", "adviser", "representative", "executive", "architect",
                            "administrator", "accountant", "writer", "editor", "technician", "agent", "clerk", "researcher", "head of", "chef", "cook", "driver",
                            "operator", "planner", "buyer", "controller", "recruiter", "therapist", "pharmacist", "electrician", "mechanic", "programmer", "tester",
                            "owner", "strategist", "producer", "marketer", "copywriter", "paralegal", "lawyer", "attorney", "auditor", "cashier", "barista", "server",
                            "waiter", "housekeeper", "receptionist", "supervisor", "worker", "werkstudent", "praktikant", "referent", "entwickler", "ingenieur",
                            "berater", "sachbearbeiter", "mitarbeiter", "leiter", "stagiaire", "chargé", "chargée", "responsable", "développeur", "ingénieur",
                            "conseiller", "alternant", "desarrollador", "ingeniero", "técnico", "tecnico", "responsable", "becario", "medewerker", "adviseur",
                            "stagiair", "verpleegkundige", "docent", "ontwikkelaar", "sviluppatore", "analista", "gerente", "estagiário", "vendedor", "pflegefachkraft",
                            "erzieher", "lehrer", "infirmier", "infirmière", "enfermero", "enfermera", "profesor", "professeur", "representative", "scrum master", "sre", "devops",
                            "specjalista", "kierownik", "technicien", "technicienne", "elektroniker", "mechaniker", "aushilfe", "fachkraft", "kaufmann", "kauffrau", "addetto",
                            "addetta", "impiegato", "impiegata", "commesso", "aide-soignant", "gestionnaire", "comptable", "vendeur", "vendeuse", "installer", "attendant",
                            "operative", "assistant", "bediende", "monteur", "chauffeur", "magazijn", "stagista", "tirocinante", "camarero", "dependiente", "auxiliar",
                            "handler", "labourer", "cleaner", "caretaker", "porter", "carer", "care worker", "hygienist", "dentist", "physician", "doctor", "midwife",
                            "paralegal", "solicitor", "electrician", "plumber", "carpenter", "welder", "mechanic", "machinist", "fitter", "inspector", "surveyor"]

    /// Job nouns matched as whole words, since as substrings they hide in names ("Vanguard",
    /// "Artistry"): trades, care, hospitality and office work in the languages postings come in.
    static let roleNouns: Set<String> = [
        "joiner", "foreman", "forewoman", "plasterer", "bricklayer", "roofer", "painter", "decorator", "baker", "butcher", "geologist", "agronomist", "roaster",
        "artist", "animator", "physiotherapist", "radiographer", "paramedic", "counsellor", "counselor", "psychologist", "librarian", "lecturer", "professor",
        "tutor", "instructor", "trainer", "pilot", "steward", "stewardess", "dispatcher", "estimator", "draughtsman", "drafter", "landscaper", "gardener",
        "groundskeeper", "stylist", "hairdresser", "nanny", "bartender", "dishwasher", "picker", "packer", "loader", "fundraiser", "lifeguard", "guard",
        "optometrist", "sonographer", "phlebotomist", "trainee", "apprentice", "caregiver", "housekeeping", "concierge", "sommelier",
        "bookkeeper", "underwriter", "actuary", "economist", "statistician", "biologist", "chemist", "physicist", "veterinarian", "vet", "surgeon", "dietitian",
        "nutritionist", "cartographer", "translator", "interpreter", "journalist", "photographer", "videographer", "illustrator", "merchandiser", "stocker",
        "storeperson", "warehouseman", "courier", "deliverer", "installer", "glazier", "tiler", "scaffolder", "rigger", "surveyor", "assessor",
        "investigator", "handyman", "janitor", "custodian", "bookseller", "florist", "tailor", "seamstress", "upholsterer", "locksmith",
        // German, Dutch, Swedish, Danish, Polish
        "préposé", "préposée", "disponent", "disponentin", "koch", "köchin", "verkäufer", "verkäuferin", "lagerist", "lageristin", "schreiner", "tischler", "elektriker", "erzieherin",
        "sozialarbeiter", "buchhalter", "buchhalterin", "assistenz", "sekretär", "sekretärin", "fahrer", "fahrerin", "maurer", "maler", "bäcker", "friseur",
        "pflegefachfrau", "pflegefachmann", "pflegehelfer", "altenpfleger", "altenpflegerin", "hausmeister", "zerspanungsmechaniker", "kommissionierer",
        "uitvoerder", "boekhouder", "timmerman", "verkoper", "schoonmaker", "begeleider", "leerkracht", "verzorgende", "kok", "magazijnmedewerker", 
        "arkitekt", "sjuksköterska", "lärare", "utvecklare", "säljare", "kock", "undersköterska", "förskollärare", "snickare", "chaufför", "lagerarbetare",
        "ekonom", "projektledare", "handläggare", "systemutvecklare", "sygeplejerske", "pædagog", "programista", "kierowca", "magazynier", "księgowa",
        "sprzedawca", "pielęgniarka", "analityk",
        // French, Spanish, Italian, Portuguese
        "cuisinier", "cuisinière", "serveur", "serveuse", "commis", "magasinier", "magasinière", "préparateur", "préparatrice", "éducateur", "éducatrice",
        "ouvrier", "ouvrière", "maçon", "plombier", "électricien", "électricienne", "caissier", "caissière", "livreur", "conducteur", "conductrice", "vendeur",
        "cocinero", "cocinera", "repartidor", "repartidora", "administrativo", "administrativa", "mozo", "limpiador", "limpiadora", "electricista", "fontanero",
        "macchinista", "cuoco", "cuoca", "cameriere", "cameriera", "magazziniere", "autista", "infermiere", "infermiera", "educatore", "educatrice", "operaio",
        "operaia", "contabile", "ragioniere", "barista", "commessa", "saldatore", "elettricista", "idraulico", "enfermeiro", "enfermeira", "cozinheiro",
        "motorista", "vendedora", "rececionista", "recepcionista", "programador", "programadora", "desenvolvedor", 
        "manutentore", "manutentrice", "operatore", "operatrice", "tornitore", "fresatore", "progettista", "disegnatore", "geometra", "montatore", "verniciatore",
        "carrellista", "mulettista", "magazijnier", "monteur", "lagerarbetare", "montör", "svetsare", "mekaniker", "elektriker", "administrativo/a", 
    ]
    /// Words that open a job title: seniority and levels.
    static let seniority: Set<String> = ["junior", "senior", "sr", "sr.", "jr", "jr.", "trainee", "principal", "staff", "chief", "lead", "head", "stagiair", "werkstudent"]
    static let genderMarker = Capture(#"((?:\((?i:m/w/d|w/m/d|f/m/d|m/f/d|d/m/w|f/m/x|m/f/x|h/f|f/h|h/f/x|f/h/x|m/v|v/m|m/v/x|m/f|f/m|w/m|m/w|all genders|gn|k/m|m/k)\)|(?:^|\s)(?:H/F|F/H|m/w/d|w/m/d|M/W/D|W/M/D|h/f|(?i:m/f/d))(?:\s|$)))"#)

    static func looksLikeRole(_ line: String) -> Bool {
        let lower = line.lowercased()
        guard line.count <= 90 && line.split(separator: " ").count <= 12 else { return false }
        if roleWords.contains(where: { lower.contains($0) }) { return true }
        let words = lower.split(whereSeparator: { !$0.isLetter && $0 != "." }).map(String.init)
        if words.contains(where: roleNouns.contains) { return true }
        // "Junior Boekhouder", "Senior Technical Artist": a level opening a short line of capitals.
        if let first = words.first, seniority.contains(first), (2...6).contains(words.count) { return true }
        return genderMarker.first(in: line) != nil || line.contains("(m/w/d)") || line.contains("(w/m/d)")
    }

    /// A line that names a job with a gender marker ("Disponent (m/w/d)", "Commis de cuisine H/F")
    /// is its title whatever the job is called.
    static func hasGenderMarker(_ line: String) -> Bool {
        genderMarker.first(in: line) != nil
    }

    static func role(lines: [String], pageTitle: String?, heading: String? = nil) -> PostingField? {
        if let labelled = labelled("role", lines: lines), let role = RoleFinder.clean(labelled.value) ?? Optional(labelled.value), looksLikeRole(role) {
            return PostingField(value: role, evidence: labelled.evidence)
        }
        // A page's main heading is its job title, unless it is the site's or the company's.
        if let heading, !isNoise(heading), !isBreadcrumb(heading), let role = RoleFinder.clean(stripAt(heading)),
           looksLikeRole(role) || (role.split(separator: " ").count <= 7 && !LocationWords.isPlace(role) && !role.hasSuffix(".")) && pageTitle.map({ $0.contains(role) }) == true {
            return PostingField(value: role, evidence: heading)
        }
        // A heading standing just above the line of facts ("Manutentore elettromeccanico" / "Lecco (LC) · Tempo pieno") is the title.
        if let heading, !isNoise(heading), !isBreadcrumb(heading), !heading.hasSuffix("."), heading.split(separator: " ").count <= 8,
           let index = lines.prefix(40).firstIndex(of: heading.trimmingCharacters(in: .whitespaces)), index + 1 < lines.count,
           isFactsLine(lines[index + 1]) || isHeaderFact(lines[index + 1]), let role = RoleFinder.clean(stripAt(heading)), !LocationWords.isPlace(role) {
            return PostingField(value: role, evidence: heading)
        }
        // "Tatva Systems Pvt. Ltd. is hiring: Senior Data Engineer".
        for line in lines.prefix(10) {
            guard let range = hiringColon.firstMatch(in: line) else { continue }
            let rest = String(line[range.upperBound...])
            if let role = RoleFinder.clean(stripAt(rest)), looksLikeRole(role) || role.split(separator: " ").count <= 5 { return PostingField(value: role, evidence: line) }
        }
        // "Halvorsen Medical Devices is looking for a Quality Data Analyst to join our team".
        // Only at the very top: further down, the title line above is the title ("Registered Nurse - Home Health").
        for line in lines.prefix(3) {
            if let title = lookingFor.first(in: line), let role = RoleFinder.clean(title), looksLikeRole(role) { return PostingField(value: role, evidence: line) }
        }
        // A gender marker ("(m/w/d)", "H/F") is only ever written after a job's title.
        for line in lines.prefix(40) where hasGenderMarker(line) && !isNoise(line) && !line.hasSuffix(".") && line.count <= 90 {
            if let role = RoleFinder.clean(stripAt(line)) { return PostingField(value: role, evidence: line) }
        }
        if let pageTitle {
            // "Senior Data Engineer - Acme Corp | Careers": the part that reads like a job.
            let parts = pageTitle.components(separatedBy: CharacterSet(charactersIn: "|–—")).flatMap { $0.components(separatedBy: " - ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if let part = parts.first(where: looksLikeRole), let role = RoleFinder.clean(stripAt(part)) { return PostingField(value: role, evidence: pageTitle) }
        }
        // A line with a job's word in it, unless it is the site's brand above its menu ("Studio Arkitekt Lindgren" / "Projekt  Om oss  Jobb").
        for (index, line) in lines.prefix(40).enumerated() where !isNoise(line) && !isBreadcrumb(line) && looksLikeRole(line) && !line.hasSuffix(".") && line.split(separator: " ").count <= 10
            && !namesAPerson(line) {
            if index + 1 < lines.count, isMenu(lines[index + 1]) { continue }
            if let role = RoleFinder.clean(stripAt(line)) { return PostingField(value: role, evidence: line) }
        }
        // The title stands just above the line of facts ("Arkitekt" / "Malmö · Heltid"), or above the
        // company's name just above it: a layout, whatever the job is called.
        if let facts = lines.prefix(40).firstIndex(where: { isFactsLine($0) || isHeaderFact($0) }) {
            // The page's own heading above the facts is the title ("Advogado(a) Associado(a) – Contencioso"
            // / "Ferreira & Matos Advogados" / "Local" / "Porto" / "Regime" / "Tempo inteiro").
            if let heading, let at = lines.prefix(facts).firstIndex(of: heading.trimmingCharacters(in: .whitespaces)), facts - at <= 8,
               !isNoise(heading), !isBreadcrumb(heading), let role = RoleFinder.clean(stripAt(heading)), !LocationWords.isPlace(role) {
                return PostingField(value: role, evidence: heading)
            }
            // Title, company and place each on a line above the facts ("Site Foreman" / "Tahi
            // Construction" / "Hamilton, Waikato" / "Full time"): the places are stepped over.
            var above = facts - 1
            while above > 0, facts - above < 3, LocationWords.isPlace(lines[above]) || isPlaceShaped(lines[above]) || isHeaderFact(lines[above]) || isLabelLine(lines[above]) { above -= 1 }
            for index in stride(from: above, through: max(0, above - 1), by: -1) {
                let line = lines[index]
                guard !isNoise(line), !isBreadcrumb(line), !line.hasSuffix("."), !line.hasSuffix(":"), line.split(separator: " ").count <= 8, !LocationWords.isPlace(line), !isPlaceShaped(line) else { continue }
                // The company's name often stands between the title and the facts.
                if index == above, index > 0, isNameLine(line), !isNoise(lines[index - 1]), !isBreadcrumb(lines[index - 1]), !lines[index - 1].hasSuffix("."),
                   !LocationWords.isPlace(lines[index - 1]) { continue }
                if let role = RoleFinder.clean(stripAt(line)) { return PostingField(value: role, evidence: line) }
            }
        }
        if let heading, !isNoise(heading), !isBreadcrumb(heading), let role = RoleFinder.clean(stripAt(heading)), !LocationWords.isPlace(role) {
            return PostingField(value: role, evidence: heading)
        }
        return nil
    }

    /// "Hiring manager: Karen Holt, Director of Quality Analytics", "Reports to: Head of Data": the
    /// person the job works with, not the job.
    static func namesAPerson(_ line: String) -> Bool { personLine.firstMatch(in: line) != nil }

    static let personLine = Capture(#"^\W*(?:hiring manager|recruiter|contact(?: person)?|reports? to|reporting (?:to|line)|your (?:manager|recruiter|contact)|manager|posted by|ansprechpartner(?:in)?|contactpersoon|interlocuteur)\b"#,
                                    caseInsensitive: true)
    /// "Tatva Systems Pvt. Ltd. is hiring: Senior Data Engineer".
    static let hiringColon = Capture(#"\b(?:is|are|we'?re) (?:now )?hiring\s*[:\-–—]\s*"#, caseInsensitive: true)
    /// "… is looking for a Quality Data Analyst to join": the title in capitals.
    static let lookingFor = Capture(#"\b(?:is|are|we'?re|we are) (?:looking for|seeking|searching for|hiring) (?:an?|our next|our new|a new) ((?:[A-Z][\w/&+-]*\s){0,5}[A-Z][\w/&+-]*)(?= to | who | in | at | for | based |[,.!])"#)

    /// "Home > Jobs > Planning > Planner", "Search results / Trades / Mechanics".
    static func isBreadcrumb(_ line: String) -> Bool {
        line.components(separatedBy: " > ").count >= 3 || line.components(separatedBy: " / ").count >= 3 || line.components(separatedBy: " › ").count >= 3
    }

    /// A line under a posting's title that states a fact rather than a name: the pay ("£15 - £18
    /// an hour - Full-time, Permanent"), the contract alone ("Full time", "Vollzeit") or the hours.
    static func isHeaderFact(_ line: String) -> Bool {
        guard line.count <= 100 else { return false }
        let lower = line.lowercased()
        if factWords.contains(lower) || employmentType(line).map({ _ in line.split(separator: " ").count <= 4 }) == true { return true }
        return line.contains(where: \.isNumber) && salary(line) != nil
    }

    /// "Lieu de travail : Sherbrooke (QC)", "Salary: £30,000": a label and its value.
    static func isLabelLine(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let label = line[..<colon].trimmingCharacters(in: .whitespaces)
        return !label.isEmpty && label.split(separator: " ").count <= 4 && line[line.index(after: colon)...].contains(where: { !$0.isWhitespace })
    }

    /// Places written in shapes the gazetteer doesn't know: "Holmfirth, HD9", "44 - SAINT-BRÉVIN",
    /// "Bussolengo (VR)", "96047 Bamberg".
    static func isPlaceShaped(_ line: String) -> Bool {
        line.count <= 48 && (LocationWords.shapes + [LocationWords.postcodeShape]).contains { $0.first(in: line) != nil }
    }

    /// A site's menu pasted on one line: "Projecten  Over ons  Werken bij  Contact", "Home | Solutions | Careers".
    static let menuWords: Set<String> = ["home", "about", "about us", "careers", "career", "jobs", "jobb", "contact", "contact us", "news", "blog", "services", "our services",
                                         "solutions", "products", "projects", "projecten", "projekt", "shop", "work with us", "join us", "om oss", "over ons", "werken bij",
                                         "chi siamo", "contatti", "lavora con noi", "über uns", "karriere", "kontakt", "qui sommes-nous", "nous rejoindre", "actualités",
                                         "quiénes somos", "contacto", "empleo", "trabaja con nosotros", "studio", "games", "companies", "messaging", "notifications",
                                         "my network", "vacatures", "bedrijven", "team", "our team", "locations", "stores", "menu", "press", "investors", "support",
                                         "azienda", "prodotti", "servizi", "produkte", "unternehmen", "leistungen", "diensten", "producten", "produits", "entreprise",
                                         "productos", "empresa", "servicios", "tjänster", "produkter", "jobb", "människor", "avdelningar"]
    static func isMenu(_ line: String) -> Bool {
        guard line.count <= 120 else { return false }
        let spaced = line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let pieces = spaced.count >= 3 ? spaced : line.components(separatedBy: CharacterSet(charactersIn: "|·•")).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard pieces.count >= 3, pieces.allSatisfy({ $0.split(separator: " ").count <= 3 && !$0.contains(where: \.isNumber) }) else { return false }
        return pieces.contains { menuWords.contains($0.lowercased()) } && !pieces.contains { LocationWords.isPlace($0) || employmentType($0) != nil || workplace($0) != nil }
    }

    /// "Data Analyst at Acme" → "Data Analyst".
    static func stripAt(_ text: String) -> String {
        for separator in [" at ", " bei ", " chez ", " en ", " bij ", " @ "] {
            if let range = text.range(of: separator) { return String(text[..<range.lowerBound]) }
        }
        return text
    }

    static let companyPatterns: [Capture] = [
        Capture(#"(?i:about|über|à propos d[e'’]|sobre|over)\s+"# + Names.name + #"\s*\n"#),
        Capture(#"(?i:at|join|joining)\s+"# + Names.name + #",?\s+(?i:we|you|our|is|are)\b"#),
        Capture(Names.name + #"\s+(?i:is hiring|is looking for|is seeking|are hiring|sucht|recherche|busca|zoekt|is a leading|is an?|was founded)\b"#),
        Capture(#"(?i:work(?:ing)? (?:at|for)|join(?:ing)? the team at|bei der|bei|chez|en|bij)\s+"# + Names.name + #"(?=[\s,.!])"#),
    ]

    /// Words of a site's menus and buttons, never a company.
    static let interfaceWords: Set<String> = [
        "sign", "register", "login", "log", "apply", "save", "share", "courses", "internships", "jobs", "salaries", "salary", "reviews", "career", "careers",
        "advice", "home", "menu", "search", "hybrid", "remote", "onsite", "cdi", "cdd", "closing", "date", "industry", "type", "live-in", "descripción",
        "oferta", "wer", "wir", "sind", "product", "design", "engineering", "featured", "promoted", "posted", "new", "easy", "full-time", "part-time",
        "permanent", "contract", "temporary", "gehälter", "postuler", "sauvegarder", "inscribirme", "guardar", "bedrijfsreviews", "salarissen", "zoeken",
        "hi", "hello", "dear", "swedish", "svenska", "english", "deutsch", "français", "español", "nederlands", "contact", "press", "blog", "about", "us",
        "vacancies", "vacancy", "admissions", "curriculum", "parents", "open", "roles", "life", "location", "standort", "lieu", "company", "overview", "benefits",
        "description", "requirements", "responsibilities", "qualifications", "what", "who", "why", "how", "your", "our", "the", "you", "we", "job", "role",
        "über", "uns", "leistungen", "karriere", "kontakt", "à", "propos", "sobre", "nosotros", "over", "ons", "werken", "vacatures", "team", "department",
        "equal", "opportunity", "employer", "cookie", "cookies", "privacy", "terms", "accept", "reject", "settings", "start", "from", "to", "subject", "date",
        "inloggen", "stellenmarkt", "média", "media", "moi", "me", "à", "java", "python", "sql", "excel", "javascript", "react", "aws", "internship", "recruiter",
        "vacature", "stelle", "emploi", "empleo", "trabajo", "offres", "ofertas", "stellenangebote", "jobbörse", "candidates", "candidats", "employers", "employeurs",
        "thuiswerken", "homeoffice", "télétravail", "teletrabajo", "smart", "working",
    ]

    static func plausibleCompany(_ name: String) -> Bool {
        if name.contains("@") || name.contains("<") || name.contains(":") { return false }
        let words = name.split(separator: " ")
        guard (1...6).contains(words.count), name.count <= 60, !name.contains(where: \.isNumber) || name.count > 4 && !name.contains(where: { $0 == "/" }) else { return false }
        if words.allSatisfy({ interfaceWords.contains($0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,:;()"))) }) { return false }
        // Names are written with capitals; only the small joining words are not.
        let joining: Set<String> = ["of", "and", "de", "du", "des", "la", "le", "van", "der", "den", "von", "&", "y", "e", "del", "di", "da", "the", "for", "für", "am", "an"]
        if words.contains(where: { $0.first?.isLowercase == true && !joining.contains(String($0)) && !($0.contains(where: \.isUppercase)) }) { return false }
        if interfaceWords.contains(String(words[0]).lowercased()) && words.count <= 2 { return false }
        if looksLikeRole(name) || LocationWords.isPlace(name) || LocationWords.place(in: name) != nil { return false }
        if name.contains(where: \.isNumber) { return false }
        return true
    }

    static let emailAddress = Capture(#"\b([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})\b"#)
    static let namedAfter = Capture(#"(?i:\bposted (?:\d+ \w+ ago )?by|\bthrough|\bwith|\bat|\bjoin(?:ing)?|\bbei|\bchez|\bbij|\babout|\büber|\bà propos d[e'’]|\bsobre|\bover|\bwerken bij|\blife at|\bteam (?:at|von)|©|\(c\))\s+"# + Names.name)
    static let subjectOfSentence = Capture(#"(?:^|[.!?]\s+|\n)"# + Names.name + #"\s+(?:is|are|was|builds|designs|makes|runs|helps|offers|provides|develops|delivers|organi[sz]es|organisiert|entwickelt|ist|bietet|sucht|recherche|est|conçoit|busca|es|zoekt|is een|has|have|was founded|were founded|employs|operates|serves)\b"#)

    static func company(lines: [String], text: String, pageTitle: String?, siteName: String?, role: String?, url: String? = nil) -> PostingField? {
        if let labelled = labelled("company", lines: lines), let name = Names.clean(labelled.value), plausibleCompany(name) { return PostingField(value: name, evidence: labelled.evidence) }
        let scores = companyScores(lines: lines, text: text, pageTitle: pageTitle, siteName: siteName, role: role)
        // The learned model weighs every name-shaped candidate, the rules' scores among its cues.
        // A place ("Kalgoorlie WA", "Perth WA" in a board's chips, "Umeå" in its facts line) is where the job is, never who offers it.
        let all = PostingCompanyModel.bundled == nil ? [] : PostingCompanyModel.candidates(lines: lines, pageTitle: pageTitle, siteName: siteName, role: role, url: url, rules: scores)
        let place = all.isEmpty ? nil : location(lines: lines, text: text, role: role).map { Names.key($0.value) }
        // Nor is the job itself ("Systemutvecklare NET").
        let roleKey = role.flatMap { looksLikeRole($0) ? Names.key($0) : nil } ?? ""
        let named = all.filter { candidate in
            let key = Names.key(candidate.name)
            return !isPlaceName(candidate.name) && key != place && key != roleKey
        }
        if let model = PostingCompanyModel.bundled,
           let name = PostingCompanyModel.company(named.isEmpty ? all : named, model: model) {
            return PostingField(value: withPolishSuffix(name, in: text), evidence: scores[name]?.evidence ?? lines.first(where: { $0.contains(name) }) ?? name)
        }
        guard let best = scores.max(by: { ($0.value.score, $1.key.count) < ($1.value.score, $0.key.count) }) else { return nil }
        return PostingField(value: best.key, evidence: best.value.evidence)
    }

    /// "Kalgoorlie WA", "Leeds", "Austin, TX": a place's name.
    static func isPlaceName(_ name: String) -> Bool {
        if LocationWords.isPlace(name) { return true }
        let words = name.split(separator: " ")
        guard (2...4).contains(words.count), let last = words.last, LocationWords.regions.contains(String(last)) else { return false }
        return words.dropLast().allSatisfy { $0.first?.isUppercase == true && $0.dropFirst().contains(where: \.isLowercase) }
    }

    /// "Transwisła Sp" read up to the full stop of "Sp. z o.o.": the whole legal form, as written.
    static func withPolishSuffix(_ name: String, in text: String) -> String {
        // "Fjällripa Konsult" where the page writes "Fjällripa Konsult AB": the name with its legal form.
        if let last = name.split(separator: " ").last, !Names.suffixes.contains(last.lowercased()),
           let range = text.range(of: NSRegularExpression.escapedPattern(for: name) + #"\s(GmbH|AB|Ltd\.?|Inc\.?|B\.V\.|AG|S\.A\.|SAS|S\.L\.|Oy|LLC|Pty Ltd|Pvt\.? Ltd\.?|S\.r\.l\.|S\.p\.A\.|plc)(?![\p{L}])"#, options: .regularExpression) {
            return String(text[range])
        }
        var base = name
        if base.hasSuffix(" Sp") || base.hasSuffix(" sp") { base += "." }
        for form in [" z o.o.", " z o. o.", " z o.o", " j.", " k."] where base.hasSuffix("Sp.") || base.hasSuffix("sp.") {
            if text.contains(base + form) { return base + form }
        }
        return name
    }

    /// The rules' candidates for the company, each with its score, the words it was found in, and
    /// how it was found.
    static func companyScores(lines: [String], text: String, pageTitle: String?, siteName: String?, role: String?) -> [String: (score: Double, evidence: String, sources: Set<String>)] {
        var scores: [String: (score: Double, evidence: String, sources: Set<String>)] = [:]
        var source = ""
        func add(_ raw: String?, _ weight: Double, _ evidence: String) {
            guard let raw, let name = Names.clean(raw), plausibleCompany(name) else { return }
            let current = scores[name] ?? (0, evidence, [])
            scores[name] = (current.score + weight, current.evidence, current.sources.union([source]))
        }
        let head = String(text.prefix(15000))
        source = "named_after"
        for found in namedAfter.all(in: head) { add(found, 1.5, found) }
        source = "sentence_subject"
        for found in subjectOfSentence.all(in: head) { add(found, 2.5, found) }
        source = "first_lines"
        for line in lines.prefix(3) where line.count <= 60 && !isNoise(line) {
            add(line.components(separatedBy: CharacterSet(charactersIn: "·•|–—")).first, 1.0, line)
        }
        source = "under_role"
        if let role, let index = lines.prefix(40).firstIndex(where: { $0.contains(role) }) {
            for line in lines[(index + 1)..<min(index + 3, lines.count)] where !isNoise(line) && !looksLikeRole(line) && !line.hasSuffix(".") {
                add(line.components(separatedBy: CharacterSet(charactersIn: "·•|–—")).first?.trimmingCharacters(in: .whitespaces), 1.5, line)
            }
        }
        source = "page_title"
        if let pageTitle {
            let parts = pageTitle.components(separatedBy: CharacterSet(charactersIn: "|–—")).flatMap { $0.components(separatedBy: " - ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            for part in parts {
                if let range = part.range(of: " at ") { add(String(part[range.upperBound...]), 3, pageTitle) } else if !looksLikeRole(part) { add(part, 1.5, pageTitle) }
            }
        }
        source = "site_name"
        if let siteName { add(siteName, 0.5, siteName) }
        // A recruiter's e-mail pasted whole: the sender's domain, as the text spells it.
        source = "mail_domain"
        if let address = emailAddress.first(in: head), let label = CompanyFinder.domainName(String(address.split(separator: "@").last ?? "")) {
            add(CompanyFinder.spelled(label.replacingOccurrences(of: " ", with: ""), in: head) ?? nil, 2.5, address)
        }
        guard !scores.isEmpty else { return scores }
        // Names that recur in the text are the employer's far more often than anything else.
        for name in Array(scores.keys) {
            let count = head.components(separatedBy: name).count - 1
            scores[name]!.score += Double(min(count, 6)) * 0.8
        }
        // A shorter candidate inside a longer one ("Northwind" in "Northwind Traders Ltd") lends it its score.
        // (From the scores as they stand, so the order of a dictionary can't change the result.)
        let before = scores
        for (name, value) in before {
            for other in before.keys where other != name && other.hasPrefix(name + " ") && other.split(separator: " ").count <= name.split(separator: " ").count + 3 {
                scores[other]!.score += value.score
            }
        }
        // A job board's own name: headers, titles and footers are full of it.
        let boardWords = ["job", "career", "emploi", "empleo", "praca", "impiego", "stellen", "vacature", "arbeit", "markt", "welt", "spot", "north jobs"]
        for name in Array(scores.keys) where boardWords.contains(where: { name.lowercased().contains($0) }) { scores[name]!.score -= 4 }
        return scores
    }


    /// "Support Worker – Christchurch", "Line Cook - Bodega Roja Tapas (Austin, TX)": a title
    /// that carries the place or the company read elsewhere gives the role without them.
    static func withoutPlaceOrCompany(_ role: String, place: String?, company: String?) -> String {
        let named = [place, company, place?.components(separatedBy: ",").first].compactMap { $0 }.map(Names.key).filter { $0.count >= 3 }
        guard !named.isEmpty else { return role }
        var result = role
        for _ in 0..<2 {
            var cut = false
            for separator in [" (", " – ", " — ", " - ", " | ", ", ", " @ ", " at "] {
                guard let range = result.range(of: separator, options: .backwards) else { continue }
                let tail = Names.key(String(result[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " )")))
                if !tail.isEmpty, named.contains(where: { $0 == tail || $0.hasPrefix(tail) || tail.hasPrefix($0) }) {
                    result = String(result[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
                    cut = true
                    break
                }
            }
            if !cut { break }
        }
        return result.isEmpty ? role : result
    }

    /// "Umeå · Heltid · Hybrid": pieces of which one is a contract type, a workplace or hours.
    static func isFactsLine(_ line: String) -> Bool {
        guard line.count <= 100 else { return false }
        let pieces = line.components(separatedBy: CharacterSet(charactersIn: "·•|–—")).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return pieces.count >= 2 && pieces.contains(where: isFactPiece)
    }

    /// A line that reads as an organisation's name ("Fjällripa Konsult AB", "Zwolse Zorggroep"):
    /// two to five capitalised words, none a job's.
    static func isNameLine(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        return (1...5).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true || ["&", "and", "of", "de", "van", "der"].contains(String($0)) }
            && !looksLikeRole(line)
    }

    /// A piece of a facts line that is the contract, the workplace or the hours ("32 - 40 uur").
    static func isFactPiece(_ piece: String) -> Bool {
        employmentType(piece) != nil || workplace(piece) != nil || factWords.contains(piece.lowercased())
            || piece.range(of: #"^\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*(?i:uur|hours?|hrs|h|std\.?|stunden|timer|heures|horas|ore)(?:\s|$|/)"#, options: .regularExpression) != nil
    }

    /// Words of a posting's facts line that are neither place nor role.
    static let factWords: Set<String> = ["werkstudent", "heltid", "deltid", "fuldtid", "deltid", "kokoaikainen", "osa-aikainen", "vollzeit", "teilzeit", "minijob", "cdi", "cdd",
                                         "stage", "alternance", "saisonnier", "jornada completa", "media jornada", "fulltime", "parttime", "tempo pieno", "full time", "part time",
                                         "permanent", "temporary", "contract", "casual", "internship", "praktikum", "hybrid", "remote", "on-site", "onsite",
                                         "feste anstellung", "festanstellung", "unbefristet", "befristet", "vast dienstverband", "vaste baan", "tijdelijk", "vikariat",
                                         "visstidsanställning", "tillsvidareanställning", "tempo determinato", "tempo indeterminato", "indefinido", "temporal", "freelance",
                                         "temps plein", "temps partiel", "mi-temps", "interim", "intérim", "seasonal", "saisonnier", "apprenticeship", "ausbildung",
                                         "vast contract", "vaste aanstelling", "fast anställning", "tillsvidare", "contrato indefinido", "umowa o pracę", "pełny etat",
                                         "praca stacjonarna", "praca hybrydowa", "praca zdalna", "turni", "festanstellung", "permanent", "full-time", "part-time"]

    static func location(lines: [String], text: String, role: String? = nil, company: String? = nil) -> PostingField? {
        if let labelled = labelled("location", lines: lines) {
            var value = labelled.value
            for cut in [" · ", " | ", " (", "; "] { if let range = value.range(of: cut) { value = String(value[..<range.lowerBound]) } }
            value = value.trimmingCharacters(in: CharacterSet(charactersIn: " ,.-–"))
            let workplaceOnly = ["hybrid", "remote", "on-site", "onsite", "in person", "in-person", "on site", "flexible", "home", "télétravail", "remoto", "homeoffice"].contains(value.lowercased())
                || workplace(value) != nil && value.split(separator: " ").count <= 3 && LocationWords.place(in: value) == nil && LocationWords.city(in: value) == nil
            if !value.isEmpty && !workplaceOnly { return PostingField(value: value, evidence: labelled.evidence) }
        }
        // The title's own line is no place ("Customer Success Manager, EMEA"), nor is the company.
        let roleKey = role.map(Names.key) ?? "", companyKey = company.map(Names.key) ?? ""
        func isRoleOrCompany(_ text: String) -> Bool {
            let key = Names.key(text)
            return !key.isEmpty && (key == roleKey || key == companyKey || !companyKey.isEmpty && key.hasPrefix(companyKey + " "))
        }
        // "Northwind Traders · Leeds, England, United Kingdom (Hybrid)" and lines like "Austin, TX".
        for line in lines.prefix(60) where line.count <= 120 {
            for piece in line.components(separatedBy: CharacterSet(charactersIn: "·•|–—()")).flatMap({ $0.components(separatedBy: " - ") }) {
                let candidate = piece.components(separatedBy: "(").first!.trimmingCharacters(in: .whitespaces)
                if isRoleOrCompany(candidate) { continue }
                if let place = LocationWords.place(in: candidate), candidate.count <= 60 { return PostingField(value: place, evidence: line) }
            }
        }
        for line in lines.prefix(200) where !isRoleOrCompany(line) {
            if let place = LocationWords.place(in: line), line.count <= 200 { return PostingField(value: place, evidence: line) }
        }
        // Short lines near the top shaped like a place: "Athlone, Co. Westmeath", "Overland Park, KS 66210",
        // "Bussolengo (VR)", "96047 Bamberg".
        for line in lines.prefix(25) where line.count <= 48 && !isNoise(line) && !looksLikeRole(line) {
            // "Vollzeit, Festanstellung" has a place's shape, but its pieces are the contract.
            if line.components(separatedBy: ",").contains(where: { isFactPiece($0.trimmingCharacters(in: .whitespaces)) }) { continue }
            for shape in LocationWords.shapes + [LocationWords.postcodeShape] {
                if let found = shape.first(in: line) { return PostingField(value: found.trimmingCharacters(in: .whitespaces), evidence: line) }
            }
        }
        // A line of facts under the title, "Aachen · Werkstudent · bis 20 Std." or "Umeå · Heltid ·
        // Hybrid": beside a contract type or a workplace, the short capitalised piece is the place.
        for line in lines.prefix(40) where line.count <= 100 {
            let pieces = line.components(separatedBy: CharacterSet(charactersIn: "·•|–—")).map { piece in
                (piece.components(separatedBy: "(").first ?? piece).trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            func isFact(_ piece: String) -> Bool { isFactPiece(piece) }
            guard pieces.count >= 2, let fact = pieces.firstIndex(where: isFact) else { continue }
            let shaped = pieces.indices.filter { i in
                let piece = pieces[i]
                return !isFact(piece) && !looksLikeRole(piece) && !isRoleOrCompany(piece) && !piece.contains(where: \.isNumber) && piece.count <= 30
                    && piece.split(separator: " ").count <= 3 && piece.split(separator: " ").allSatisfy { $0.first?.isUppercase == true }
            }
            // A place known by name first; else the piece just before the facts (a department comes earlier).
            if let known = shaped.first(where: { LocationWords.isPlace(pieces[$0]) || LocationWords.city(in: pieces[$0]) != nil }) ?? shaped.last(where: { $0 < fact })
                ?? shaped.first.flatMap({ workplace(pieces[fact]) == nil || pieces[fact].lowercased().hasPrefix("hybrid") ? $0 : nil }) {
                return PostingField(value: pieces[known], evidence: line)
            }
        }
        // "Locatie Zwolle", "Sede Treviso": a place label and a short capitalised value on one line.
        let placeLabels = labels.first { $0.field == "location" }!.names
        for line in lines.prefix(80) where line.count <= 40 {
            let lower = line.lowercased()
            for name in placeLabels where lower.hasPrefix(name + " ") {
                let value = line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
                if value.first?.isUppercase == true, value.split(separator: " ").count <= 3, !value.contains(where: \.isNumber), !looksLikeRole(value) {
                    return PostingField(value: value, evidence: line)
                }
            }
        }
        // "Kalgoorlie WA", "Austin TX" on a line of their own.
        for line in lines.prefix(60) where line.count <= 40 {
            // "Wagga Wagga NSW 2650": an Australian postcode after the state.
            let words = line.split(separator: " ").reversed().drop(while: { $0.count == 4 && $0.allSatisfy(\.isNumber) }).reversed()
            if words.count >= 2, words.count <= 4, let last = words.last, LocationWords.regions.contains(String(last)),
               words.dropLast().allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().contains(where: \.isLowercase) }) {
                return PostingField(value: line, evidence: line)
            }
        }
        // The header of a board's posting: the title, the company, then the place on a line of its
        // own ("Pflegefachfrau HF" / "Helvetia Care Group" / "Winterthur").
        if let role, let index = lines.prefix(40).firstIndex(where: { $0 == role || role.contains($0) && $0.count >= 4 }) {
            var shaped: [String] = []
            var skippedCompany = false
            let companyKey = company.map(Names.key) ?? ""
            for line in lines[(index + 1)..<min(index + 4, lines.count)] {
                if !companyKey.isEmpty, Names.key(line) == companyKey || Names.key(line).hasPrefix(companyKey + " ") { skippedCompany = true; continue }
                if isHeaderFact(line) || isFactsLine(line) || line.hasSuffix(".") || line.count > 40 { break }
                let words = line.split(separator: " ")
                // Not an acronym ("MBO", "CDI"): places are written in words.
                guard !isNoise(line), !looksLikeRole(line), words.count <= 3, !line.contains(where: \.isNumber), !isMenu(line), !(line.count <= 4 && line == line.uppercased()),
                      !words.contains(where: { interfaceWords.contains($0.lowercased()) || noise.contains($0.lowercased()) || buttonWords.contains($0.lowercased()) }),
                      words.allSatisfy({ $0.first?.isUppercase == true }), !words.contains(where: { Names.suffixes.contains($0.lowercased().trimmingCharacters(in: .punctuationCharacters)) })
                else { continue }
                shaped.append(line)
            }
            // Without the company's line to step over: a known place, else the second (the company
            // comes first), else one word when the company was read elsewhere ("Apeldoorn").
            let known = shaped.first { LocationWords.isPlace($0) || LocationWords.city(in: $0) != nil }
            let single = shaped.count == 1 && company != nil && !shaped[0].contains(" ") ? shaped.first : nil
            if let place = skippedCompany ? shaped.first : known ?? shaped.dropFirst().first ?? single { return PostingField(value: place, evidence: place) }
        }
        // A place in brackets after the title, as classified boards write it: "Line Cook - breakfast shift (Meridian)".
        if let role, let line = lines.prefix(40).first(where: { $0.hasPrefix(role) || role.hasPrefix($0) && $0.count >= 4 }), line.hasSuffix(")"), let open = line.lastIndex(of: "(") {
            let inside = String(line[line.index(after: open)..<line.index(before: line.endIndex)]).trimmingCharacters(in: .whitespaces)
            let words = inside.split(separator: " ")
            if (1...3).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }), !inside.contains(where: \.isNumber), !inside.contains("/"),
               !hasGenderMarker(line), employmentType(inside) == nil, workplace(inside) == nil, !looksLikeRole(inside),
               // "(React)" and "(Nights)" say what the job is; a place is also named as one in the text.
               ["in ", "near ", "around ", "outside ", "north of ", "south of ", "east of ", "west of "].contains(where: { text.contains($0 + inside) }) {
                return PostingField(value: inside, evidence: line)
            }
        }
        // A known city named anywhere near the top.
        for line in lines.prefix(60) {
            if let city = LocationWords.city(in: line) { return PostingField(value: city, evidence: line) }
        }
        return nil
    }

    static let remote = PatternSet([#"\bfully remote\b"#, #"\b100\s?% remote\b"#, #"\bremote[- ](?:first|only|friendly|position|role|job|work)\b"#, #"\bremote\s*\("#,
                                    #"\bwork from (?:home|anywhere)\b"#, #"\b(?:location|standort|lieu)\s*:\s*remote\b"#, #"^remote\b"#, #"\bremote\s*[-–]\s*(?:emea|us|uk|eu|europe)"#,
                                    #"\b(?:vollständig |komplett )?remote\b"#, #"\b100\s?% (?:télétravail|teletrabajo|thuiswerken|homeoffice)\b"#, #"\btélétravail (?:complet|total)\b"#,
                                    #"\bteletrabajo\b"#, #"\bremoto\b"#])
    static let hybrid = PatternSet([#"\bhybrid\b"#, #"\bhybride?\b"#, #"\bhíbrido\b"#, #"\bhybride\b"#, #"\bibrido\b"#, #"\b\d days? (?:a week )?(?:in|at) (?:the )?office\b"#,
                                    #"\bteilweise (?:im )?homeoffice\b"#, #"\btélétravail partiel\b"#, #"\bdeels thuis\b"#])
    static let onsite = PatternSet([#"\bon[- ]?site\b"#, #"\bin[- ]office\b"#, #"\bin[- ]person\b"#, #"\bvor ort\b"#, #"\bsur site\b"#, #"\bpresencial\b"#, #"\bop locatie\b"#, #"\bin sede\b"#])

    static func workplace(_ text: String) -> PostingField? {
        let head = String(text.prefix(8000))
        if let range = hybrid.firstMatch(in: head) { return PostingField(value: "hybrid", evidence: context(head, range)) }
        if let range = remote.firstMatch(in: head) { return PostingField(value: "remote", evidence: context(head, range)) }
        if let range = onsite.firstMatch(in: head) { return PostingField(value: "onsite", evidence: context(head, range)) }
        return nil
    }

    static func context(_ text: String, _ range: Range<String.Index>) -> String {
        let start = text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let end = text[range.upperBound...].firstIndex(of: "\n") ?? text.endIndex
        return String(text[start..<end]).trimmingCharacters(in: .whitespaces)
    }

    // Pay as written, in parts: a currency before or after, an amount (with thousands written
    // "52,000", "52.000", "52 000", "78'000.–" or the Indian "18,00,000"), a second bound, and what follows
    // it to say how often, gross or net, and what comes on top. Codes are matched in capitals
    // only ("rs" in "hours" is no rupee).
    static let currency = #"(?:[$£€₹¥₦₱₩₺₽]|(?-i:R\$|S\$|A\$|C\$|CA\$|AU\$|US\$|NZ\$|HK\$|USD|EUR|GBP|CHF|SEK|NOK|DKK|AUD|CAD|NZD|SGD|HKD|INR|PLN|KES|NGN|ZAR|BRL|MXN|JPY|AED|SAR|QAR|EGP|PHP|MYR|IDR|THB|CNY|RMB|KRW|TRY|CZK|HUF|RON|ILS|Rs\.?|R(?=\d)|R(?= \d{1,3}[ ,.]\d{3})))\s?"#
    static let amount = #"(?<![\d.,'])(?:\d{4,7}(?!\d)|\d{1,3}(?:(?:,\d{2})+,\d{3}|(?:[.,'\s]\d{3})*))(?:[.,]\d{1,2}|\.[–-])?(?:\s?(?:k(?![a-z])|LPA|lakhs?|lacs?))?"#
    static let afterCurrency = #"\s?(?:€|euros?\b|£|\$|zł|(?-i:EUR|GBP|USD|CHF|SEK|NOK|DKK|PLN|CAD|AUD|NZD|SGD|INR|KES|NGN|ZAR|BRL)\b|kr\b)"#
    static let rangeWord = #"\s?(?:[-–—]|to|bis|à|a|tot|y|e|and|und|et|en|och|og)\s?"#
    /// What follows pay: how often, gross or net, the currency, what comes on top.
    static let payUnit = #"(?:"#
        + #"\s?(?:per|a|an|/|p\.?|pro|por|al|im|par|de l'|la|in|au)\s?(?:year|annum|yr|hour|hr|h|day|month|week|jahr|monat|stunde|std\.?|mois|an|heure|jour|año|mes|mês|mese|jaar|maand|uur|mies\.?|dag|semaine|semana)(?![a-zà-ÿ])"#
        + #"|\s?(?:gross|net|netto|netti|neto|bruto|brutos|brutto|brutti|brut|bruts|lordi|base|ote|w2|1099)(?![a-zà-ÿ])"#
        + #"|\s?(?:annual(?:ly)?|yearly|monthly|hourly|daily|weekly|mensual|mensuales|mensuel|mensuels|mensili|mensile|annui|annuels?|anuales?|anual|jährlich|monatlich|p\.\s?a\.?|pa\b|p/a|sur 12 mois)(?![a-zà-ÿ])|,?\s?pro rata\b"#
        + #"|\s?(?-i:USD|CAD|AUD|EUR|GBP|NZD|SGD|PLN)\b"#
        + #"|,?\s?(?:\+|plus)\s?(?:bonus(?:es)?|equity|benefits|super(?:annuation)?|commission|car allowance|share options|stock options|virtual shares|provision|penalty rates|tronc|tips|vat|ote|overtime)\b"#
        + #"|\s?\((?:outside|inside) ir35\)|\s?\((?:b2b|\+ ?vat)\)"#
        + #")"#
    static let startWord = #"(?:\b(?:from|ab|vanaf|up to|entre|desde|à partir de|starting at)\s+)?"#
    static let salaryPattern = Capture(
        // "$168,000/yr - $252,000/yr", "€ 2.600 – € 3.100 bruto per maand", "S$9,000 – S$12,000 / month + equity"
        "(" + startWord + currency + amount + "(?:" + payUnit + ")?" + "(?:" + rangeWord + "(?:" + currency + ")?" + amount + ")?"
            + "(?:" + afterCurrency + ")?" + "(?:" + payUnit + ")*" + ")"
            // "45 000 € à 55 000 € brut annuel", "7 500 – 9 000 zł brutto / mies.", "Entre 45.000 y 55.000 € brutos anuales"
            + "|(" + startWord + amount + "(?:" + afterCurrency + ")?" + rangeWord + amount + afterCurrency + "(?:" + payUnit + ")*" + ")"
            // "ab 3.650 € brutto/Monat", "22 € pro Stunde", "31 000 kr"
            + "|(" + startWord + amount + afterCurrency + "(?:" + payUnit + ")*" + ")"
            // "₹12-18 LPA", "12 - 18 Lacs P.A.", "Up to 15 LPA"
            + "|(" + startWord + #"(?:₹\s?)?\d{1,3}(?:\.\d)?(?:\s?[-–]\s?\d{1,3}(?:\.\d)?)?\s?(?:LPA|lakhs?|lacs?)(?:\s?(?:p\.\s?a\.?|per annum|pa\b))?)"#,
        caseInsensitive: true)

    /// Words that name pay on the line ("Salary:", "Gehalt", "CTC").
    static let payLabel = PatternSet([
        #"\b(?:salary|salaries|pay|compensation|remuneration|wage|rate|ctc|package|base|ote|gehalt|vergütung|verdienst|salaire|rémunération|salario|sueldo|retribución|retribuzione|stipendio|salaris|loon|wynagrodzenie|remuneração|salário)\b"#,
    ])

    static func salary(_ text: String) -> PostingField? {
        let head = String(text.prefix(20000))
        var best: (field: PostingField, score: Int)?
        for line in head.split(separator: "\n") {
            let lineText = String(line)
            guard lineText.contains(where: \.isNumber) else { continue }
            for match in salaryPattern.all(in: lineText) {
                var value = match.trimmingCharacters(in: CharacterSet(charactersIn: " ,;.(").union(.whitespaces))
                // An abbreviation keeps its last full stop: "P.A.", "p.a.", "Std.", "mies.".
                let written = match.trimmingCharacters(in: .whitespaces)
                if written.hasPrefix(value + "."), let last = value.split(whereSeparator: { !$0.isLetter }).last,
                   ["a", "std", "mies"].contains(last.lowercased()) { value += "." }
                // Not a year or a count: pay has a currency and at least three digits, or a k.
                let digits = value.filter(\.isNumber).count
                let lower = value.lowercased()
                let hourly = ["hour", "hr", "/h", "stunde", "std", "heure", "hora", "uur"].contains { lower.contains($0) }
                guard digits >= 2, digits >= 3 || hourly || lower.contains("k") || lower.contains("lpa") || lower.contains("lac") || lower.contains("lakh")
                else { continue }
                // Pay beats other money on the page ("£250m in revenue", "a $1,200 learning budget"): a line
                // that names pay, a range, and a word saying how often count for it.
                var score = 0
                if payLabel.contains(lineText) { score += 4 }
                if value.range(of: #"\d\s?(?:[-–—]|to|bis|à|a|tot|y|e|and)\s?\D{0,4}\d"#, options: .regularExpression) != nil { score += 2 }
                if lower.range(of: #"year|annum|month|hour|jahr|monat|mois|mes|maand|uur|jaar|mies|brut|gross|net|annual|p\.\s?a|lpa|lac|lakh|/h|/yr|/day|jour"#, options: .regularExpression) != nil { score += 1 }
                // Other money beside it ("Salary packaging up to $15,900", "tips average $4-6 per hour
                // on top of base pay", "£250m turnover"), read around the amount, not in it.
                if let at = lineText.range(of: match) {
                    let around = (String(lineText[..<at.lowerBound]) + " … " + String(lineText[at.upperBound...].prefix(30))).lowercased()
                    if around.range(of: #"\b(?:revenue|turnover|funding|raised|series [a-e]|valuation|budget|allowance|stipend for|learning|worth|million|billion|packaging|tips?|tip pool|average|on top|referral|discount|reimburs\w*|\d\s?(?:m|bn))\b"#, options: .regularExpression) != nil { score -= 5 }
                }
                if best == nil || score > best!.score {
                    best = (PostingField(value: value, evidence: lineText.trimmingCharacters(in: .whitespaces)), score)
                }
            }
        }
        return best?.field
    }

    /// The wordings of each kind, in the guideline's order of precedence (`data/postings/README.md`):
    /// internship > contract > temporary > part-time > full-time. Contract is contractor or
    /// freelance work; fixed-term employment (CDD, befristet, tempo determinato, maternity cover,
    /// seasonal work) is temporary.
    static let kinds: [(String, PatternSet)] = [
        ("internship", PatternSet([#"\binternship\b"#, #"\bintern\b"#, #"\bpraktikum\b"#, #"\bstagiaire\b"#, #"\bprácticas\b"#, #"\bbecari[oa]\b"#,
                                   // French and Dutch "stage", not "early-stage" or "the next stage".
                                   #"(?<![-\w])stage (?:de|d'|en|pratique|rémunéré|conventionné|\d+ mois|bij)\b"#, #"\boffre de stage\b"#, #"(?m)^\s*stage\s*$"#, #"\bstage\s*[·|•]"#,
                                   #"\bstageplaats\b"#, #"\btirocinio\b"#, #"\bestágio\b"#, #"\balternance\b"#, #"\bapprenticeship\b"#, #"\bgraduate scheme\b"#])),
        ("contract", PatternSet([#"(?<!vast )(?<!vaste )(?<!term or )\bcontract\s+(?:role|position|basis|length|\(|of \d|-\s)"#, #"\bcontractor\s+(?:role|position|basis)\b"#,
                                 #"\b(?:freelance|contract) (?:contract|role|position)\b"#, #"\bday rate\b"#,
                                 #"\binside ir35\b"#, #"\boutside ir35\b"#, #"\b(?:employment type|job type|contract type|type)\s*:\s*contract\b"#,
                                 #"\bfreiberuflich\b"#, #"\bfreelance\b"#, #"\bcontract\s*[·|•]"#, #"\b\d+[- ]month contract\b"#,
                                 // "(Contract, 6 months)", "Type: W2 Contract".
                                 #"\(contract\b"#, #"\bcontract,\s*\d+\s*(?:months?|weeks?)\b"#, #"\b(?:w-?2|1099|c2c|corp[- ]to[- ]corp)\s+contract\b"#,
                                 #"\bregime(?: de contratação)?\s*:\s*pj\b"#])),
        ("temporary", PatternSet([#"\btemporary\b"#, #"\btemp(?:orary)? (?:role|position|assignment)\b"#, #"\btemp[- ]to[- ](?:hire|perm)\b"#, #"\binterim\b"#, #"\baushilfe\b"#,
                                  #"\bintérim\b"#, #"\btijdelijk\b"#, #"\bjaarcontract\b"#, #"\bfixed[- ]term\b"#, #"\bterm or contract\b"#, #"\bcdd\b"#, #"\bbefristet\w*"#,
                                  #"\bcontrato (?:temporal|por obra|de \d+ meses)\b"#, #"\bde duración determinada\b"#, #"\b(?:a )?tempo determinato\b"#, #"\bvisstidsanställ\w*"#,
                                  #"\bvikariat\b"#, #"\bsaisonstelle\b"#, #"\bsaisonnie(?:r|re)s?\b"#, #"\bstagional\w*"#, #"\bde temporada\b"#, #"\bcontrat de \d+ mois\b"#,
                                  #"\b(?:maternity|parental|paternity)(?:[- ]leave)? cover\b"#, #"\bcover(?:ing)? (?:a |for )?(?:maternity|parental|paternity) leave\b"#,
                                  #"\bseasonal (?:role|job|position|work|contract|staff|worker|employment|post|hire|assignment)\b"#, #"\bseasonal\s*(?:[·|•,]|$)"#, #"[·|•]\s*seasonal\b"#,
                                  #"\b(?:for|during) the (?:summer|winter|ski|holiday|festive) season\b"#])),
        ("part-time", PatternSet([#"\bpart[- ]time\b"#, #"\bteilzeit\b"#, #"\btemps partiel\b"#, #"\bmedia jornada\b"#, #"\bjornada parcial\b"#, #"\bdeeltijd\b"#, #"\bpart time\b"#,
                                  #"\bparttime\b"#, #"\bdeltid\b"#, #"\bosa-aikainen\b"#, #"\bwerkstudent"#, #"\b(?:minijob)\b"#, #"\btempo parziale\b"#, #"\bmeio período\b"#,
                                  // "24 - 32 uur per week", "30 timer om ugen", "20 hrs/week": hours under a full week's.
                                  #"\b(?:[89]|[12]\d|3[0-2])\s*(?:-|–|tot|to)\s*(?:[89]|[12]\d|3[0-2])\s*(?:uur|hours|hrs|timer|timmar|stunden|std\.?)\b"#,
                                  #"\b(?:[89]|[12]\d|3[0-2])\s*(?:uur|hours|hrs|timer|timmar|stunden|std\.?)\s*(?:per|a|pro|i|om|/)\s*(?:week|woche|veckan|ugen|wk)\b"#])),
        ("full-time", PatternSet([#"\bfull[- ]time\b"#, #"\bpermanent\b"#, #"\bvollzeit\b"#, #"\bunbefristet\w*"#, #"\bfeste?\s*anstellung\b"#, #"\bcdi\b"#, #"\btemps plein\b"#,
                                  #"\bjornada completa\b"#, #"\btiempo completo\b"#, #"\bindefinido\b"#, #"\bvoltijd\w*"#, #"\bfulltime\b"#, #"\btempo pieno\b"#, #"\btempo integral\b"#,
                                  #"\btempo inteiro\b"#, #"\bvast (?:dienstverband|contract)\b"#, #"\bvaste baan\b"#, #"\bheltid\b"#, #"\btillsvidareanställ\w*"#, #"\bfuldtid\b"#,
                                  #"\bkokoaikainen\b"#, #"\bregime(?: de contratação)?\s*:\s*clt\b"#, #"\befetivo\b"#, #"\(clt\)"#, #"\bclt\s*$"#, #"\bregular\b(?= employee)"#])),
    ]
    /// A line that says only "Contract": a kind when nothing else says one, else a table's label.
    static let bareContract = PatternSet([#"(?m)^\s*contract\s*$"#])

    static func employmentType(_ text: String) -> PostingField? {
        let head = String(text.prefix(12000))
        var best: (kind: String, at: String.Index, evidence: String)?
        for (kind, set) in kinds {
            if let range = set.firstMatch(in: head), best == nil || kind == "internship" && best!.kind != "internship" {
                if best == nil || range.lowerBound < best!.at || kind == "internship" { best = (kind, range.lowerBound, context(head, range)) }
            }
        }
        if best == nil, let range = bareContract.firstMatch(in: head) { best = ("contract", range.lowerBound, context(head, range)) }
        guard let best else { return nil }
        return PostingField(value: best.kind, evidence: best.evidence)
    }

    static func employmentKind(_ raw: String) -> String? {
        switch raw.uppercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_") {
        case "FULL_TIME", "FULLTIME", "PERMANENT": "full-time"
        case "PART_TIME", "PARTTIME": "part-time"
        case "CONTRACTOR", "CONTRACT", "FREELANCE": "contract"
        case "TEMPORARY", "TEMP", "SEASONAL": "temporary"
        case "INTERN", "INTERNSHIP", "APPRENTICE": "internship"
        default: nil
        }
    }
}

/// Places, known by name: the cities people most often apply in, and the shapes "City, ST" and
/// "City, Country" take.
enum LocationWords {
    static let regions: Set<String> = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN",
                                       "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
                                       "WA", "WV", "WI", "WY", "DC", "ON", "QC", "BC", "AB", "MB", "NS", "NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"]
    static let countries: Set<String> = ["uk", "united kingdom", "england", "scotland", "wales", "northern ireland", "ireland", "usa", "us", "united states", "germany", "deutschland",
                                         "france", "spain", "españa", "netherlands", "the netherlands", "nederland", "belgium", "canada", "australia", "india", "sweden", "sverige",
                                         "italy", "italia", "portugal", "austria", "österreich", "switzerland", "schweiz", "denmark", "norway", "finland", "poland", "new zealand",
                                         "singapore", "japan", "brazil", "mexico", "emea", "europe", "remote"]
    static let cities: Set<String> = [
        "london", "manchester", "leeds", "birmingham", "bristol", "edinburgh", "glasgow", "liverpool", "sheffield", "newcastle", "nottingham", "cardiff", "belfast",
        "cambridge", "oxford", "brighton", "reading", "milton keynes", "leicester", "southampton", "york", "bath", "aberdeen", "dublin", "cork", "galway", "limerick",
        "new york", "san francisco", "los angeles", "seattle", "austin", "boston", "chicago", "denver", "atlanta", "miami", "dallas", "houston", "phoenix",
        "philadelphia", "portland", "san diego", "san jose", "washington", "minneapolis", "detroit", "nashville", "raleigh", "salt lake city", "pittsburgh",
        "charlotte", "columbus", "indianapolis", "kansas city", "st. louis", "baltimore", "sacramento", "orlando", "tampa", "las vegas", "new orleans", "cleveland",
        "cincinnati", "madison", "boulder", "palo alto", "mountain view", "menlo park", "sunnyvale", "oakland", "brooklyn", "jersey city", "arlington", "richmond",
        "toronto", "vancouver", "montreal", "montréal", "calgary", "ottawa", "edmonton", "waterloo", "halifax", "winnipeg", "quebec city",
        "sydney", "melbourne", "brisbane", "perth", "adelaide", "canberra", "auckland", "wellington",
        "berlin", "munich", "münchen", "hamburg", "frankfurt", "frankfurt am main", "cologne", "köln", "stuttgart", "düsseldorf", "dusseldorf", "leipzig", "dresden",
        "hannover", "nuremberg", "nürnberg", "bremen", "essen", "dortmund", "bonn", "karlsruhe", "mannheim", "heidelberg", "freiburg", "münster", "potsdam", "wiesbaden", "mainz",
        "paris", "lyon", "marseille", "toulouse", "nice", "nantes", "bordeaux", "lille", "strasbourg", "montpellier", "rennes", "grenoble", "sophia antipolis",
        "madrid", "barcelona", "valencia", "seville", "sevilla", "bilbao", "málaga", "malaga", "zaragoza", "alicante", "palma",
        "amsterdam", "rotterdam", "utrecht", "the hague", "den haag", "eindhoven", "groningen", "leiden", "delft", "haarlem", "arnhem", "nijmegen", "tilburg", "breda",
        "brussels", "bruxelles", "antwerp", "antwerpen", "ghent", "gent", "leuven", "luxembourg",
        "stockholm", "gothenburg", "göteborg", "malmö", "malmo", "uppsala", "copenhagen", "aarhus", "oslo", "bergen", "helsinki", "espoo", "tampere",
        "zurich", "zürich", "geneva", "genève", "basel", "bern", "lausanne", "vienna", "wien", "graz", "salzburg", "linz",
        "milan", "milano", "rome", "roma", "turin", "torino", "florence", "firenze", "bologna", "naples", "napoli", "lisbon", "lisboa", "porto", "braga",
        "warsaw", "kraków", "krakow", "wrocław", "wroclaw", "prague", "brno", "budapest", "bucharest", "sofia", "athens", "tallinn", "riga", "vilnius",
        "bangalore", "bengaluru", "mumbai", "delhi", "new delhi", "hyderabad", "chennai", "pune", "gurgaon", "gurugram", "noida", "kolkata", "ahmedabad", "kochi",
        "singapore", "tokyo", "hong kong", "dubai", "tel aviv", "são paulo", "sao paulo", "mexico city", "buenos aires", "cape town", "johannesburg", "nairobi", "lagos",
    ]

    static let regionNames: Set<String> = [
        "yorkshire", "north yorkshire", "west yorkshire", "south yorkshire", "east yorkshire", "cumbria", "lancashire", "kent", "surrey", "essex", "sussex", "east sussex",
        "west sussex", "hampshire", "devon", "cornwall", "dorset", "somerset", "norfolk", "suffolk", "cheshire", "derbyshire", "durham", "northumberland", "merseyside",
        "greater manchester", "west midlands", "east midlands", "oxfordshire", "berkshire", "buckinghamshire", "hertfordshire", "cambridgeshire", "lincolnshire",
        "nottinghamshire", "leicestershire", "staffordshire", "shropshire", "worcestershire", "warwickshire", "gloucestershire", "wiltshire", "northamptonshire",
        "tyne and wear", "greater london", "teesside", "fife", "lothian", "highlands",
        "ontario", "quebec", "québec", "british columbia", "alberta", "manitoba", "nova scotia", "saskatchewan", "new brunswick",
        "new south wales", "victoria", "queensland", "western australia", "south australia", "tasmania",
        "karnataka", "maharashtra", "telangana", "tamil nadu", "haryana", "uttar pradesh", "west bengal", "gujarat", "kerala",
        "bayern", "bavaria", "berlin", "hamburg", "hessen", "sachsen", "nordrhein-westfalen", "baden-württemberg", "niedersachsen", "schleswig-holstein",
        "île-de-france", "ile-de-france", "auvergne-rhône-alpes", "occitanie", "bretagne", "normandie", "provence", "catalonia", "cataluña", "andalucía",
        "noord-holland", "zuid-holland", "utrecht", "overijssel", "gelderland", "noord-brabant", "groningen", "friesland", "limburg",
        "california", "texas", "new york", "washington", "massachusetts", "illinois", "colorado", "georgia", "florida",
        "alabama", "alaska", "arizona", "arkansas", "connecticut", "delaware", "hawaii", "idaho", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
        "maryland", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico",
        "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "utah",
        "vermont", "virginia", "west virginia", "wisconsin", "wyoming",
        "northland", "auckland", "waikato", "bay of plenty", "gisborne", "hawke's bay", "taranaki", "manawatū-whanganui", "manawatu-whanganui", "wellington",
        "tasman", "nelson", "marlborough", "west coast", "canterbury", "otago", "southland",
        "zürich", "bern", "vaud", "genève", "aargau", "st. gallen", "luzern", "ticino", "valais", "basel-stadt", "thurgau", "graubünden", "fribourg", "neuchâtel",
        "lombardia", "lazio", "veneto", "piemonte", "emilia-romagna", "toscana", "campania", "sicilia", "puglia", "liguria", "trentino-alto adige",
        "friuli-venezia giulia", "sardegna", "marche", "umbria", "abruzzo", "calabria", "alto adige", "südtirol",
        "comunidad de madrid", "madrid", "país vasco", "galicia", "castilla y león", "castilla-la mancha", "comunitat valenciana", "aragón", "asturias", "navarra",
        "skåne", "västra götaland", "stockholms län", "uppsala län", "östergötland", "västerbotten", "norrbotten",
        "mazowieckie", "małopolskie", "śląskie", "wielkopolskie", "dolnośląskie", "pomorskie", "łódzkie",
        "rheinland-pfalz", "thüringen", "brandenburg", "saarland", "sachsen-anhalt", "mecklenburg-vorpommern", "oberösterreich", "niederösterreich", "steiermark", "tirol",
        "vlaanderen", "wallonie", "oost-vlaanderen", "west-vlaanderen", "vlaams-brabant", "brabant wallon", "liège", "hainaut", "namur", "antwerpen", "drenthe", "flevoland", "zeeland",
        "nouvelle-aquitaine", "hauts-de-france", "grand est", "pays de la loire", "centre-val de loire", "bourgogne-franche-comté", "provence-alpes-côte d'azur",
        "northern territory", "australian capital territory", "punjab", "rajasthan", "madhya pradesh", "odisha", "bihar", "andhra pradesh", "goa", "delhi ncr", "ncr",
    ]

    static let shapes: [Capture] = [
        Capture(#"^((?:[A-ZÀ-ÝÅÄÖ][\p{L}'’.\-]+)(?: [A-ZÀ-ÝÅÄÖ][\p{L}'’.\-]+){0,2}, (?:Co\. |County )?[A-ZÀ-ÝÅÄÖ][\p{L}'’.\-]+(?: [A-ZÀ-ÝÅÄÖ][\p{L}'’.\-]+){0,2})(?: \d{4,5})?$"#),
        Capture(#"^((?:[A-ZÀ-Ý][\p{L}'’.\-]+)(?: [A-ZÀ-Ý][\p{L}'’.\-]+){0,2} \([A-Z]{2}\))$"#),
        Capture(#"^\d{4,5} ((?:[A-ZÀ-Ý][\p{L}'’.\-]+)(?: [A-ZÀ-Ý][\p{L}'’.\-]+){0,2})\b"#),
        // A French département and town, as public boards write them: "44 - SAINT-BRÉVIN".
        Capture(#"^(\d{2}[AB]? - [A-ZÀ-Ý][A-ZÀ-Ý'’ \-]{1,40})$"#),
    ]
    /// "Holmfirth, HD9", "Leeds, LS1 4AP": a town and a UK postcode or its district.
    static let postcodeShape = Capture(#"^((?:[A-Z][\p{L}'’.\-]+)(?: [A-Z][\p{L}'’.\-]+){0,2}, [A-Z]{1,2}\d[A-Z\d]?(?: \d[A-Z]{2})?)$"#)

    /// The first known city named in a line, with the region after it if there is one.
    static func city(in line: String) -> String? {
        let words = line.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" && $0 != "." }).map(String.init)
        for size in [3, 2, 1] where words.count >= size {
            for start in 0...(words.count - size) {
                let phrase = words[start..<(start + size)].joined(separator: " ")
                guard phrase.first?.isUppercase == true, cities.contains(phrase.lowercased()) else { continue }
                return phrase
            }
        }
        return nil
    }

    static func isPlace(_ text: String) -> Bool {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        return cities.contains(lower) || countries.contains(lower) || place(in: text) == text
    }

    static func isStreet(_ piece: String) -> Bool {
        let lower = piece.lowercased()
        return piece.contains(where: \.isNumber) || [" road", " street", " lane", " avenue", " ave", " st", " rd", " way", " drive", " place", " square", "straße", "strasse",
                                                        "str.", "straat", "weg", "gasse", "rue ", "avenue ", "calle ", "via ", "gatan", "vägen"].contains { lower.hasSuffix($0) || lower.hasPrefix($0) && $0.hasSuffix(" ") }
    }

    /// The place named at the start of a short text: "Leeds, UK", "Austin, TX", "Berlin".
    static func place(in text: String) -> String? {
        // Postcodes after a town or region ("Cumbria CA12 0ZZ", "KS 66210") and a street before it are no part of the place.
        var pieces = text.split(separator: ",").map { piece -> String in
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard let range = trimmed.range(of: #"\s+(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{5}(?:-\d{4})?)$"#, options: .regularExpression) else { return trimmed }
            return String(trimmed[..<range.lowerBound])
        }
        if pieces.count >= 3, isStreet(pieces[0]) { pieces.removeFirst() }
        guard let first = pieces.first else { return nil }
        var city = first
        for lead in ["Standort:", "Location:", "Lieu :", "Lieu:", "Based in", "based in", "in "] where city.hasPrefix(lead) {
            city = city.dropFirst(lead.count).trimmingCharacters(in: .whitespaces)
        }
        let lowerCity = city.lowercased()
        let cityKnown = cities.contains(lowerCity)
        if pieces.count >= 2 {
            let second = pieces[1]
            let laterKnown = pieces.dropFirst().contains { piece in
                regions.contains(piece) || countries.contains(piece.lowercased()) || regionNames.contains(piece.lowercased()) || piece.lowercased().hasPrefix("county ")
                    || regions.contains(String(piece.split(separator: " ").last ?? ""))
            }
            let secondKnown = laterKnown
            if (cityKnown || secondKnown) && city.first?.isUppercase == true && city.split(separator: " ").count <= 3 && !city.contains(where: \.isNumber) {
                return pieces.prefix(secondKnown || cityKnown ? 2 : 1).joined(separator: ", ")
            }
        }
        if cityKnown && pieces.count == 1 && text.count <= 40 { return city }
        // "London or Manchester", "Berlin (hybrid)".
        if let word = city.split(separator: " ").first, cities.contains(word.lowercased()), city.count <= 40 {
            let rest = city.dropFirst(word.count).trimmingCharacters(in: .whitespaces).lowercased()
            if rest.isEmpty || rest.hasPrefix("or ") || rest.hasPrefix("/") || rest.hasPrefix("(") || rest.hasPrefix("-") || rest.hasPrefix("–") { return city }
        }
        return nil
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
