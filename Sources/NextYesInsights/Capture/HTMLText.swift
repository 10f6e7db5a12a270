import Foundation

/// The readable text of an HTML page or e-mail: tags dropped, block elements as line breaks,
/// scripts, styles and the head skipped, character references decoded.
public enum HTMLText {
    static let blocks: Set<String> = [
        "p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "header", "footer", "blockquote", "dl", "hr", "pre", "address", "main", "nav", "aside", "form", "title",
    ]
    static let skipped: Set<String> = ["script", "style", "head", "noscript", "template", "svg"]

    public static func text(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count / 2)
        let scalars = Array(html.unicodeScalars)
        var i = 0
        var skipping: String?
        var pendingSpace = false
        // Inline "chips" a page sets side by side ("Kalgoorlie WA", "Full time", "$140,000")
        // are kept apart as a facts line reads: "Kalgoorlie WA · Full time · $140,000".
        var chipOnLine = false
        /// The last cell closed was a header cell ("<th>Location</th>"): the next data cell is its value.
        var afterHeaderCell = false
        func newline() {
            while out.last == " " { out.removeLast() }
            if !out.hasSuffix("\n\n") { out.append(out.isEmpty ? "" : "\n") }
            pendingSpace = false
            chipOnLine = false
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "<" {
                // Comments.
                if i + 3 < scalars.count && scalars[i + 1] == "!" && scalars[i + 2] == "-" && scalars[i + 3] == "-" {
                    var j = i + 4
                    while j + 2 < scalars.count && !(scalars[j] == "-" && scalars[j + 1] == "-" && scalars[j + 2] == ">") { j += 1 }
                    i = j + 3
                    continue
                }
                var j = i + 1
                var quote: Unicode.Scalar?
                while j < scalars.count {
                    let d = scalars[j]
                    if let q = quote { if d == q { quote = nil } } else if d == "\"" || d == "'" { quote = d } else if d == ">" { break }
                    j += 1
                }
                let inside = String(String.UnicodeScalarView(scalars[(i + 1)..<min(j, scalars.count)]))
                let closing = inside.hasPrefix("/")
                let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                i = j + 1
                if let current = skipping {
                    if closing && name == current { skipping = nil }
                    continue
                }
                if !closing && skipped.contains(name) && !inside.hasSuffix("/") {
                    skipping = name
                    continue
                }
                if !closing && (name == "span" || name == "a" || name == "li" || name == "div") && isChip(inside) {
                    if chipOnLine && !out.isEmpty && !out.hasSuffix("\n") {
                        while out.last == " " { out.removeLast() }
                        out.append(" · ")
                        pendingSpace = false
                    }
                    chipOnLine = true
                    if name == "span" || name == "a" { continue }
                }
                if name == "td" || name == "th" {
                    // "<th>Location</th><td>Exeter</td>" reads "Location: Exeter", as a label does.
                    if name == "td" && !closing && afterHeaderCell {
                        while out.last == " " { out.removeLast() }
                        if !out.hasSuffix(":") && !out.hasSuffix("\n") && !out.isEmpty { out.append(":") }
                    }
                    afterHeaderCell = name == "th" && closing
                    pendingSpace = !out.isEmpty && !out.hasSuffix("\n")
                } else if name == "br" {
                    while out.last == " " { out.removeLast() }
                    out.append("\n")
                    pendingSpace = false
                    chipOnLine = false
                } else if ["li", "tr", "dt", "dd"].contains(name) {
                    afterHeaderCell = false
                    // One line each, no blank line between (chips in a list stay on one line).
                    if name == "li" && chipOnLine { continue }
                    while out.last == " " { out.removeLast() }
                    if !out.isEmpty && !out.hasSuffix("\n") { out.append("\n") }
                    pendingSpace = false
                    chipOnLine = false
                } else if blocks.contains(name) {
                    newline()
                }
                continue
            }
            if skipping != nil { i += 1; continue }
            if c == "&" {
                var j = i + 1
                while j < scalars.count && j - i <= 10 && scalars[j] != ";" && (scalars[j].properties.isAlphabetic || scalars[j].properties.numericType != nil || scalars[j] == "#") { j += 1 }
                if j < scalars.count && scalars[j] == ";" {
                    let name = String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
                    if let decoded = entity(name) {
                        append(decoded, to: &out, pendingSpace: &pendingSpace)
                        i = j + 1
                        continue
                    }
                }
            }
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{00A0}" {
                if !out.isEmpty && !out.hasSuffix("\n") { pendingSpace = true }
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.unicodeScalars.append(c)
            }
            i += 1
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
            .replacingOccurrences(of: "\n\n\n", with: "\n\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let chipClasses: Set<Substring> = ["chip", "chips", "tag", "tags", "badge", "badges", "pill", "pills"]

    /// A tag whose class names it a chip, a tag, a badge or a pill.
    static func isChip(_ tag: String) -> Bool {
        guard let range = tag.range(of: "class", options: .caseInsensitive) else { return false }
        let rest = tag[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return false }
        let value = rest.dropFirst().prefix { $0 != quote }.lowercased()
        return value.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).contains { chipClasses.contains($0) }
    }

    private static func append(_ text: String, to out: inout String, pendingSpace: inout Bool) {
        if text == " " || text == "\u{00A0}" {
            if !out.isEmpty && !out.hasSuffix("\n") { pendingSpace = true }
            return
        }
        if pendingSpace { out.append(" "); pendingSpace = false }
        out.append(text)
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "bull": "•", "middot": "·", "copy": "©",
        "reg": "®", "trade": "™", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "deg": "°",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "aacute": "á", "agrave": "à", "acirc": "â", "auml": "ä",
        "atilde": "ã", "aring": "å", "oacute": "ó", "ograve": "ò", "ocirc": "ô", "ouml": "ö", "otilde": "õ", "uacute": "ú",
        "ugrave": "ù", "ucirc": "û", "uuml": "ü", "iacute": "í", "igrave": "ì", "icirc": "î", "iuml": "ï", "ccedil": "ç",
        "ntilde": "ñ", "szlig": "ß", "Eacute": "É", "Egrave": "È", "Aacute": "Á", "Agrave": "À", "Auml": "Ä", "Ouml": "Ö",
        "Uuml": "Ü", "Ccedil": "Ç", "Ntilde": "Ñ", "Oacute": "Ó", "Uacute": "Ú", "Iacute": "Í", "oslash": "ø", "Oslash": "Ø",
        "aelig": "æ", "AElig": "Æ", "laquo": "«", "raquo": "»", "times": "×", "frac12": "½", "iexcl": "¡", "iquest": "¿",
        "ensp": " ", "emsp": " ", "thinsp": " ", "zwnj": "", "zwj": "", "shy": "",
    ]

    static func entity(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String($0) }
        }
        return named[name] ?? named[name.lowercased()]
    }

    /// Character references in plain text (an attribute's value, a JSON-LD string) decoded.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";"), let decoded = entity(String(after[..<semi])) {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}
