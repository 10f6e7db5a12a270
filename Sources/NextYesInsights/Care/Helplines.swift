import Foundation

/// A free line where someone answers, now.
public struct Helpline: Hashable, Sendable, Codable {
    public var name: String
    /// How to reach it, as people dial or text it.
    public var contact: String
    /// When it answers and what else it offers.
    public var detail: String
    /// Where this entry was checked, kept with it so it can be checked again.
    public var source: String
}

/// The crisis lines of one country, and its emergency number.
public struct CountryHelplines: Hashable, Sendable, Codable {
    /// ISO 3166-1 alpha-2, upper case.
    public var code: String
    public var country: String
    public var lines: [Helpline]
    public var emergency: String
}

/// A small directory of national crisis lines, chosen by the system locale or the person's
/// setting. Each entry names the organisation's own page it was taken from (see docs/care.md);
/// nothing is looked up online.
public enum HelplineDirectory {
    public static let countries: [CountryHelplines] = [
        CountryHelplines(code: "US", country: "United States", lines: [
            Helpline(name: "988 Suicide & Crisis Lifeline", contact: "Call or text 988",
                     detail: "Free and confidential, 24 hours a day; chat at 988lifeline.org.",
                     source: "https://988lifeline.org"),
        ], emergency: "911"),
        CountryHelplines(code: "CA", country: "Canada", lines: [
            Helpline(name: "9-8-8 Suicide Crisis Helpline", contact: "Call or text 988",
                     detail: "Free, 24 hours a day, in English and French.",
                     source: "https://988.ca"),
        ], emergency: "911"),
        CountryHelplines(code: "GB", country: "United Kingdom", lines: [
            Helpline(name: "Samaritans", contact: "Call 116 123",
                     detail: "Free, 24 hours a day, every day; or e-mail jo@samaritans.org.",
                     source: "https://www.samaritans.org/how-we-can-help/contact-samaritan/"),
        ], emergency: "999"),
        CountryHelplines(code: "IE", country: "Ireland", lines: [
            Helpline(name: "Samaritans Ireland", contact: "Call 116 123",
                     detail: "Free, 24 hours a day, every day.",
                     source: "https://www.samaritans.org/ireland/how-we-can-help/contact-samaritan/"),
        ], emergency: "112 or 999"),
        CountryHelplines(code: "DE", country: "Deutschland", lines: [
            Helpline(name: "TelefonSeelsorge", contact: "0800 111 0 111 oder 0800 111 0 222",
                     detail: "Kostenlos, anonym, rund um die Uhr; auch 116 123 und Chat auf telefonseelsorge.de.",
                     source: "https://www.telefonseelsorge.de"),
        ], emergency: "112"),
        CountryHelplines(code: "AT", country: "Österreich", lines: [
            Helpline(name: "TelefonSeelsorge", contact: "142",
                     detail: "Kostenlos, rund um die Uhr.",
                     source: "https://www.telefonseelsorge.at"),
        ], emergency: "112"),
        CountryHelplines(code: "CH", country: "Schweiz / Suisse", lines: [
            Helpline(name: "Die Dargebotene Hand / La Main Tendue", contact: "143",
                     detail: "Rund um die Uhr / 24 heures sur 24.",
                     source: "https://www.143.ch"),
        ], emergency: "112"),
        CountryHelplines(code: "FR", country: "France", lines: [
            Helpline(name: "3114, numéro national de prévention du suicide", contact: "Appelez le 3114",
                     detail: "Gratuit, 24 h/24 et 7 j/7.",
                     source: "https://3114.fr"),
        ], emergency: "112 (ou le 15)"),
        CountryHelplines(code: "BE", country: "Belgique / België", lines: [
            Helpline(name: "Centre de Prévention du Suicide", contact: "0800 32 123",
                     detail: "Gratuit, 24 h/24.", source: "https://www.preventionsuicide.be"),
            Helpline(name: "Zelfmoordlijn", contact: "1813", detail: "Gratis, dag en nacht.",
                     source: "https://www.zelfmoord1813.be"),
        ], emergency: "112"),
        CountryHelplines(code: "NL", country: "Nederland", lines: [
            Helpline(name: "113 Zelfmoordpreventie", contact: "Bel 113 of gratis 0800-0113",
                     detail: "Anoniem, dag en nacht; chatten kan op 113.nl.",
                     source: "https://www.113.nl"),
        ], emergency: "112"),
        CountryHelplines(code: "IT", country: "Italia", lines: [
            Helpline(name: "Telefono Amico Italia", contact: "Chiama 02 2327 2327",
                     detail: "Ascolto anonimo, ogni giorno; anche chat e WhatsApp su telefonoamico.it.",
                     source: "https://www.telefonoamico.it"),
        ], emergency: "112"),
        CountryHelplines(code: "SE", country: "Sverige", lines: [
            Helpline(name: "Mind Självmordslinjen", contact: "Ring 90101",
                     detail: "För dig som har tankar på att ta ditt liv; chatt finns på mind.se.",
                     source: "https://mind.se/hitta-hjalp/sjalvmordslinjen/"),
        ], emergency: "112"),
        CountryHelplines(code: "PL", country: "Polska", lines: [
            Helpline(name: "Kryzysowy Telefon Zaufania", contact: "Zadzwoń 116 123",
                     detail: "Bezpłatna pomoc dla osób dorosłych w kryzysie emocjonalnym.",
                     source: "https://116123.edu.pl"),
        ], emergency: "112"),
        CountryHelplines(code: "PT", country: "Portugal", lines: [
            Helpline(name: "SNS 24", contact: "Ligue 808 24 24 24",
                     detail: "24 horas por dia, com aconselhamento psicológico.",
                     source: "https://www.sns24.gov.pt"),
        ], emergency: "112"),
        CountryHelplines(code: "BR", country: "Brasil", lines: [
            Helpline(name: "CVV – Centro de Valorização da Vida", contact: "Ligue 188",
                     detail: "Gratuito, 24 horas por dia; chat em cvv.org.br.",
                     source: "https://cvv.org.br"),
        ], emergency: "192 (SAMU)"),
        CountryHelplines(code: "ES", country: "España", lines: [
            Helpline(name: "Línea 024 de atención a la conducta suicida", contact: "Llama al 024",
                     detail: "Gratuita, confidencial, las 24 horas.",
                     source: "https://www.sanidad.gob.es/linea024/"),
        ], emergency: "112"),
        CountryHelplines(code: "AU", country: "Australia", lines: [
            Helpline(name: "Lifeline", contact: "Call 13 11 14",
                     detail: "24 hours a day; text 0477 13 11 14.",
                     source: "https://www.lifeline.org.au"),
        ], emergency: "000"),
        CountryHelplines(code: "NZ", country: "New Zealand", lines: [
            Helpline(name: "Need to talk?", contact: "Call or text 1737",
                     detail: "Free, 24 hours a day, with a trained counsellor.",
                     source: "https://1737.org.nz"),
        ], emergency: "111"),
    ]

    /// For anyone whose country is not in the directory.
    public static let international = CountryHelplines(
        code: "", country: "Anywhere", lines: [
            Helpline(name: "Find A Helpline", contact: "findahelpline.com",
                     detail: "Lists free, confidential crisis lines in many countries.",
                     source: "https://findahelpline.com"),
        ], emergency: "your local emergency number (112 in much of the world, 911 in North America)")

    public static func country(_ code: String?) -> CountryHelplines? {
        guard let code = code?.uppercased(), !code.isEmpty else { return nil }
        return countries.first { $0.code == code }
    }

    /// The region of a POSIX locale ("de_DE.UTF-8" → "DE", "en_GB" → "GB"); nil for "C", "POSIX"
    /// or a locale without a region.
    public static func region(fromLocale locale: String?) -> String? {
        guard var value = locale, !value.isEmpty else { return nil }
        if let dot = value.firstIndex(of: ".") { value = String(value[..<dot]) }
        if let at = value.firstIndex(of: "@") { value = String(value[..<at]) }
        let parts = value.split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard parts.count >= 2 else { return nil }
        let region = String(parts[1]).uppercased()
        return region.count == 2 && region.allSatisfy(\.isLetter) ? region : nil
    }

    /// The region of the process's locale, from the usual environment variables in POSIX order.
    public static func region(environment: [String: String]) -> String? {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty { return region(fromLocale: value) }
        }
        return nil
    }
}

/// What NextYes shows first when someone writes words of crisis: what was noticed, that they
/// matter, and where to reach someone now. It never diagnoses and never alarms.
public struct SupportCard: Hashable, Sendable, Codable {
    public var title: String
    public var message: String
    /// The person's own helpline, when they set one.
    public var ownHelpline: String?
    public var country: CountryHelplines
    public var emergency: String
    /// Whether targets and reminders were paused (they are once the moment is recorded).
    public var paused: Bool

    /// The last words: privacy, and the pause when there is one.
    public var closing: String {
        "What you write stays in your NextYes, and nobody is told." + (paused ? " Your targets and reminders are paused for now." : "")
    }

    /// The last words when the words came through another program (an assistant, a script): NextYes
    /// keeps them here and tells nobody, but that program has seen them too, so it says so.
    public var closingThroughTool: String {
        "NextYes keeps what you write and tells nobody; the assistant or tool you wrote it in has seen it too."
            + (paused ? " Your targets and reminders are paused for now." : "")
    }

    /// The card as plain text for another program to pass on (an assistant's answer).
    public var textThroughTool: String {
        var lines = [title, "", message, ""]
        if let ownHelpline { lines.append("Your helpline: \(ownHelpline)") }
        for line in country.lines { lines.append("\(line.name): \(line.contact). \(line.detail)") }
        lines.append("If you are in immediate danger, call \(emergency).")
        lines.append("")
        lines.append(closingThroughTool)
        return lines.joined(separator: "\n")
    }

    /// - Parameters:
    ///   - ownHelpline: the line the person set themselves; shown first.
    ///   - countryCode: the person's country setting, else the system locale's region.
    public static func make(ownHelpline: String?, countryCode: String?, paused: Bool = false) -> SupportCard {
        let country = HelplineDirectory.country(countryCode) ?? HelplineDirectory.international
        let own = ownHelpline.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        return SupportCard(
            title: "You matter, and you don't have to carry this alone",
            message: "What you wrote sounds very heavy. If you are thinking about ending your life or hurting yourself, please reach out to someone now. Talking to a person who listens can help, whatever is going on.",
            ownHelpline: own,
            country: country,
            emergency: country.emergency,
            paused: paused)
    }

    /// The card as plain text, for the terminal.
    public var text: String {
        var lines = ["", "  \(title)", "", "  \(message)", ""]
        if let ownHelpline { lines.append("  Your helpline: \(ownHelpline)") }
        for line in country.lines {
            lines.append("  \(line.name): \(line.contact). \(line.detail)")
        }
        lines.append("  If you are in immediate danger, call \(emergency).")
        lines.append("")
        lines.append("  \(closing) `nextyes support` shows these numbers again.")
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
