import Foundation

/// One e-mail as a person reads it: who sent it, when, about what, and its text. Read from the
/// raw message (RFC 5322 with MIME): folded headers, encoded words in headers, multipart bodies
/// (the plain text preferred, else the HTML's text), quoted-printable and base64, and the usual
/// character sets. Attachments are skipped; a calendar invitation's start is kept.
public struct MailMessage: Sendable, Hashable {
    public var subject: String
    /// The sender's display name ("Northwind Careers") and address.
    public var fromName: String?
    public var fromAddress: String?
    public var to: String?
    public var date: Date?
    public var messageID: String?
    /// The readable text of the body.
    public var text: String
    /// When a calendar invitation is attached: its start as written ("20261203T143000"), with
    /// the time zone named beside it if any.
    public var calendarStart: String?
    /// The sender's offset from UTC in minutes, from the Date header ("-0500" is -300).
    public var utcOffsetMinutes: Int?

    public init(subject: String = "", fromName: String? = nil, fromAddress: String? = nil, to: String? = nil, date: Date? = nil,
                messageID: String? = nil, text: String, calendarStart: String? = nil, utcOffsetMinutes: Int? = nil) {
        self.subject = subject
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.to = to
        self.date = date
        self.messageID = messageID
        self.text = text
        self.calendarStart = calendarStart
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The sender address's domain, lowercased ("careers.northwind.example").
    public var fromDomain: String? {
        guard let address = fromAddress, let at = address.lastIndex(of: "@") else { return nil }
        return address[address.index(after: at)...].lowercased()
    }
}

public enum MailError: Error, Equatable, LocalizedError {
    case empty
    case notAMessage(String)
    case tooLarge(Int)
    /// An mbox file with more than one message.
    case mailbox

    public var errorDescription: String? {
        switch self {
        case .empty: "The e-mail is empty. Save it from your mail program as a .eml file (or paste all of it, headers included) and try again."
        case .notAMessage(let why): "This doesn't look like an e-mail: \(why). Save the message as a .eml file (\"Save as\" or \"Download message\" in most mail programs), or paste it with its headers."
        case .tooLarge(let bytes): "The e-mail is \(bytes / 1_048_576) MB; NextYes reads messages up to \(MailParser.maximumBytes / 1_048_576) MB."
        case .mailbox: "This is a mailbox with several e-mails (an mbox file), and this reads one. Import the mailbox instead (the Import page, or `nextyes mail import FILE --dry-run` to see what it would change), or save the one message as a .eml file."
        }
    }
}

public enum MailParser {
    public static let maximumBytes = 25 * 1_048_576

    /// Reads a raw message. Text without any header is refused; a pasted body with a subject
    /// line is not a message either (use `MailParser.pasted` for text a person pasted).
    public static func parse(_ bytes: [UInt8]) throws -> MailMessage {
        guard !bytes.isEmpty, bytes.contains(where: { !isSpace($0) }) else { throw MailError.empty }
        guard bytes.count <= maximumBytes else { throw MailError.tooLarge(bytes.count) }
        let part = Part(bytes[...])
        guard part.headers.contains(where: { ["from", "subject", "date", "message-id", "to", "content-type"].contains($0.name) }) else {
            throw MailError.notAMessage("it has no From, To, Subject or Date header at the top")
        }
        return message(from: part)
    }

    public static func parse(_ text: String) throws -> MailMessage {
        try parse(Array(text.utf8))
    }

    /// What a person pasted: a whole message with its headers when it has them, else just the
    /// text of an e-mail (with "Subject:" or "From:" lines read if present).
    public static func pasted(_ text: String) throws -> MailMessage {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw MailError.empty }
        if let message = try? parse(trimmed), !message.text.isEmpty || !message.subject.isEmpty,
           Part(Array(trimmed.utf8)[...]).headers.count >= 2 {
            return message
        }
        // Loose lines a mail program shows above the text when a person copies it.
        var subject = "", fromName: String?, fromAddress: String?
        var body: [Substring] = []
        var inHeader = true
        for line in trimmed.split(separator: "\n", omittingEmptySubsequences: false) {
            let clean = line.trimmingCharacters(in: .whitespaces)
            if inHeader, let colon = clean.firstIndex(of: ":") {
                let name = clean[..<colon].lowercased()
                let value = clean[clean.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if ["subject", "betreff", "objet", "asunto", "onderwerp", "oggetto", "assunto"].contains(name) { subject = value; continue }
                if ["from", "von", "de", "van", "da"].contains(name) {
                    (fromName, fromAddress) = Header.address(value)
                    continue
                }
                if ["to", "an", "à", "para", "aan", "a", "date", "datum", "sent", "gesendet", "envoyé", "enviado", "cc"].contains(name) { continue }
            }
            if !clean.isEmpty { inHeader = false }
            body.append(line)
        }
        return MailMessage(subject: subject, fromName: fromName, fromAddress: fromAddress, to: nil, date: nil, messageID: nil,
                           text: body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines), calendarStart: nil)
    }

    /// Bytes of unknown encoding as text: UTF-8 when valid, else Windows-1252.
    public static func text(_ bytes: [UInt8]) -> String {
        Charset.utf8OrWindows(bytes)
    }

    /// A message as a mail program saves it (.eml) or as a person pasted it, headers or not: the
    /// one way every surface reads an e-mail.
    public static func read(_ bytes: [UInt8]) throws -> MailMessage {
        // An mbox's "From sender date" line is no header: one message follows it, or several.
        let from = Array("From ".utf8)
        if bytes.starts(with: from) {
            let rest = Array(bytes.drop { $0 != 0x0A }.dropFirst())
            var at = rest.startIndex
            while let newline = rest[at...].firstIndex(of: 0x0A) {
                if rest[(newline + 1)...].starts(with: from) { throw MailError.mailbox }
                at = newline + 1
            }
            return try read(rest)
        }
        if let message = try? parse(bytes), Part(bytes[...]).headers.count >= 2, !message.text.isEmpty || !message.subject.isEmpty {
            return message
        }
        return try pasted(text(bytes))
    }

    static func message(from part: Part) -> MailMessage {
        var plain: [String] = [], html: [String] = []
        var calendar: String?
        collect(part, plain: &plain, html: &html, calendar: &calendar)
        var text = plain.joined(separator: "\n\n")
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { text = html.map(HTMLText.text).joined(separator: "\n\n") }
        let (fromName, fromAddress) = part.header("from").map(Header.address) ?? (nil, nil)
        let messageID = part.header("message-id").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")) }
        return MailMessage(subject: part.header("subject").map(Header.decodeWords) ?? "",
                           fromName: fromName, fromAddress: fromAddress, to: part.header("to").map(Header.decodeWords),
                           date: part.header("date").flatMap(Header.date), messageID: messageID?.isEmpty == false ? messageID : nil,
                           text: Self.tidy(text), calendarStart: calendar, utcOffsetMinutes: part.header("date").flatMap(Header.offset))
    }

    /// Walks the parts: text/plain and text/html that are not attachments, nested multiparts,
    /// an attached message's own text, and a calendar's start.
    static func collect(_ part: Part, plain: inout [String], html: inout [String], calendar: inout String?, depth: Int = 0) {
        guard depth < 12 else { return }
        let type = part.contentType
        if type.value.hasPrefix("multipart/"), let boundary = type.parameters["boundary"], !boundary.isEmpty {
            let children = part.children(boundary: boundary)
            if type.value == "multipart/alternative" {
                // The plain text when there is some, else the HTML: one reading, not both.
                var p: [String] = [], h: [String] = []
                for child in children { collect(child, plain: &p, html: &h, calendar: &calendar, depth: depth + 1) }
                if p.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { plain += p } else { html += h }
            } else {
                for child in children { collect(child, plain: &plain, html: &html, calendar: &calendar, depth: depth + 1) }
            }
            return
        }
        if type.value == "message/rfc822" {
            let inner = Part(part.decodedBody[...])
            collect(inner, plain: &plain, html: &html, calendar: &calendar, depth: depth + 1)
            return
        }
        let disposition = part.header("content-disposition")?.lowercased() ?? ""
        if type.value == "text/calendar" || type.value == "application/ics" {
            calendar = calendar ?? Self.calendarStart(part.decodedText)
            return
        }
        guard !disposition.hasPrefix("attachment") else { return }
        switch type.value {
        case "text/plain", "": plain.append(part.decodedText)
        case "text/html": html.append(part.decodedText)
        default: break
        }
    }

    /// DTSTART of the first event as written ("20261203T143000", "20261203T143000Z"): the
    /// event's own, not a time zone rule's (whose DTSTART is a date in 1601 or 1970).
    static func calendarStart(_ text: String) -> String? {
        var inEvent = false
        for line in text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\n ", with: "").split(whereSeparator: \.isNewline) {
            let upper = line.uppercased().trimmingCharacters(in: .whitespaces)
            if upper == "BEGIN:VEVENT" { inEvent = true; continue }
            if upper == "END:VEVENT" { inEvent = false; continue }
            guard inEvent, upper.hasPrefix("DTSTART"), let colon = line.lastIndex(of: ":") else { continue }
            return String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Line ends made plain, runs of blank lines shortened, trailing spaces dropped.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw
            while let last = line.last, last == " " || last == "\t" || last == "\u{00A0}" { line = line.dropLast() }
            if line.isEmpty {
                blank += 1
                if blank > 1 { continue }
            } else {
                blank = 0
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

/// One MIME entity: its headers (unfolded, names lowercased) and its raw body.
struct Part {
    var headers: [(name: String, value: String)] = []
    var body: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        // Headers end at the first empty line (CRLF CRLF or LF LF).
        var i = bytes.startIndex
        var lineStart = i
        var lines: [ArraySlice<UInt8>] = []
        var bodyStart = bytes.endIndex
        // A leading mbox "From " line is not a header.
        if bytes.starts(with: Array("From ".utf8)), let end = bytes[i...].firstIndex(of: 0x0A) { i = end + 1; lineStart = i }
        while i < bytes.endIndex {
            if bytes[i] == 0x0A {
                var line = bytes[lineStart..<i]
                if line.last == 0x0D { line = line.dropLast() }
                if line.isEmpty { bodyStart = i + 1; break }
                lines.append(line)
                lineStart = i + 1
            }
            i += 1
        }
        if bodyStart == bytes.endIndex && lineStart < bytes.endIndex && i >= bytes.endIndex {
            // No blank line: the last line may still be a header.
            var line = bytes[lineStart..<bytes.endIndex]
            if line.last == 0x0D { line = line.dropLast() }
            if !line.isEmpty { lines.append(line) }
        }
        var unfolded: [[UInt8]] = []
        for line in lines {
            if let first = line.first, first == 0x20 || first == 0x09, !unfolded.isEmpty {
                unfolded[unfolded.count - 1].append(0x20)
                unfolded[unfolded.count - 1].append(contentsOf: line.drop { $0 == 0x20 || $0 == 0x09 })
            } else {
                unfolded.append(Array(line))
            }
        }
        var parsed: [(String, String)] = []
        var allHeaders = true
        for line in unfolded {
            guard let colon = line.firstIndex(of: 0x3A), colon > 0,
                  line[..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                allHeaders = false
                break
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = Charset.decode(Array(line[(colon + 1)...]), charset: "utf-8").trimmingCharacters(in: .whitespaces)
            parsed.append((name, value))
        }
        if allHeaders && !parsed.isEmpty {
            headers = parsed
            body = bodyStart <= bytes.endIndex ? bytes[min(bodyStart, bytes.endIndex)...] : []
        } else {
            // Not a header block: all of it is body.
            body = bytes
        }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    var contentType: (value: String, parameters: [String: String]) {
        guard let raw = header("content-type") else { return ("text/plain", [:]) }
        return Header.parameters(raw)
    }

    /// The body with its transfer encoding undone.
    var decodedBody: [UInt8] {
        switch header("content-transfer-encoding")?.lowercased().trimmingCharacters(in: .whitespaces) {
        case "base64": TransferEncoding.base64(body)
        case "quoted-printable": TransferEncoding.quotedPrintable(body)
        default: Array(body)
        }
    }

    /// The body as text, in its declared character set.
    var decodedText: String {
        Charset.decode(decodedBody, charset: contentType.parameters["charset"] ?? "utf-8")
    }

    /// The parts between `--boundary` lines, up to the closing `--boundary--`.
    func children(boundary: String) -> [Part] {
        let marker = Array(("--" + boundary).utf8)
        var parts: [Part] = []
        var start: Int?
        var i = body.startIndex
        var lineStart = i
        func atMarker(_ s: Int) -> (is: Bool, closing: Bool) {
            guard body.count - (s - body.startIndex) >= marker.count, body[s..<(s + marker.count)].elementsEqual(marker) else { return (false, false) }
            let after = s + marker.count
            let closing = after + 1 < body.endIndex && body[after] == 0x2D && body[after + 1] == 0x2D
            return (true, closing)
        }
        while lineStart < body.endIndex {
            var end = lineStart
            while end < body.endIndex && body[end] != 0x0A { end += 1 }
            let (isMarker, closing) = atMarker(lineStart)
            if isMarker {
                if let s = start {
                    // The line break before the marker belongs to it.
                    var e = lineStart
                    if e > s && body[e - 1] == 0x0A { e -= 1 }
                    if e > s && body[e - 1] == 0x0D { e -= 1 }
                    parts.append(Part(body[s..<e]))
                }
                if closing { return parts }
                start = min(end + 1, body.endIndex)
            }
            lineStart = end + 1
            i = lineStart
        }
        _ = i
        if let s = start, s < body.endIndex { parts.append(Part(body[s...])) }
        return parts
    }
}

enum Header {
    /// "Northwind Careers <jobs@northwind.example>" → ("Northwind Careers", "jobs@northwind.example").
    static func address(_ raw: String) -> (String?, String?) {
        let value = decodeWords(raw)
        if let open = value.lastIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close {
            let address = value[value.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            var name = value[..<open].trimmingCharacters(in: .whitespaces)
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
            return (name.isEmpty ? nil : name.replacingOccurrences(of: "\\\"", with: "\""), address.isEmpty ? nil : address)
        }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("@") {
            // "jobs@acme.example (Acme Careers)"
            if let open = trimmed.firstIndex(of: "("), let close = trimmed.lastIndex(of: ")"), open < close {
                let name = trimmed[trimmed.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                return (name.isEmpty ? nil : name, trimmed[..<open].trimmingCharacters(in: .whitespaces))
            }
            return (nil, trimmed)
        }
        return (trimmed.isEmpty ? nil : trimmed, nil)
    }

    /// "text/plain; charset=\"utf-8\"; format=flowed" → ("text/plain", ["charset": "utf-8", "format": "flowed"]).
    static func parameters(_ raw: String) -> (value: String, parameters: [String: String]) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for character in raw {
            if character == "\"" { quoted.toggle(); continue }
            if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        let value = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var parameter = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if name.hasSuffix("*") {
                // RFC 2231: charset'language'percent-encoded.
                name.removeLast()
                let fields = parameter.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if fields.count == 3 { parameter = String(fields[2]).removingPercentEncoding ?? String(fields[2]) }
            }
            parameters[name] = parameter
        }
        return (value, parameters)
    }

    /// RFC 2047 encoded words ("=?UTF-8?B?...?=", "=?ISO-8859-1?Q?...?=") decoded; the space
    /// between two adjacent encoded words dropped.
    static func decodeWords(_ raw: String) -> String {
        guard raw.contains("=?") else { return raw }
        var result = ""
        var rest = Substring(raw)
        var lastWasEncoded = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            // charset?encoding?text?=
            let fields = afterStart.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count >= 3, fields[1].count == 1, let endRange = afterStart.range(of: "?=", range: afterStart.index(afterStart.startIndex, offsetBy: fields[0].count + fields[1].count + 2, limitedBy: afterStart.endIndex).map { $0..<afterStart.endIndex } ?? afterStart.endIndex..<afterStart.endIndex) else {
                result += rest[..<start.upperBound]
                rest = afterStart
                lastWasEncoded = false
                continue
            }
            let charset = String(fields[0]).split(separator: "*").first.map(String.init) ?? "utf-8"
            let encoding = fields[1].uppercased()
            let textStart = afterStart.index(afterStart.startIndex, offsetBy: fields[0].count + fields[1].count + 2)
            let encoded = afterStart[textStart..<endRange.lowerBound]
            if !(lastWasEncoded && before.allSatisfy({ $0 == " " || $0 == "\t" })) { result += before }
            let bytes: [UInt8]
            if encoding == "B" {
                bytes = TransferEncoding.base64(Array(encoded.utf8)[...])
            } else {
                bytes = TransferEncoding.quotedPrintable(Array(encoded.utf8.map { $0 == 0x5F ? 0x20 : $0 })[...], header: true)
            }
            result += Charset.decode(bytes, charset: charset)
            rest = afterStart[endRange.upperBound...]
            lastWasEncoded = true
        }
        result += rest
        return result
    }

    private static let dateFormats = ["EEE, d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z", "EEE, d MMM yyyy HH:mm:ss zzz",
                                      "d MMM yyyy HH:mm Z", "EEE, d MMM yy HH:mm:ss Z"]

    /// The offset a Date header is written in: "Tue, 2 Jun 2026 11:40:36 -0400" is -240 minutes.
    static func offset(_ raw: String) -> Int? {
        guard let last = withoutComment(raw).split(separator: " ").last else { return nil }
        let zone = String(last)
        if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
            return (sign == "-" ? -1 : 1) * ((value / 100) * 60 + value % 100)
        }
        let named = ["UT": 0, "GMT": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420]
        return named[zone.uppercased()]
    }

    /// A Date header without its trailing comment ("… +0000 (UTC)").
    private static func withoutComment(_ raw: String) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let comment = text.firstIndex(of: "(") else { return text }
        return text[..<comment].trimmingCharacters(in: .whitespaces)
    }

    static func date(_ raw: String) -> Date? {
        let text = withoutComment(raw)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in dateFormats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

enum TransferEncoding {
    static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var buffer: UInt32 = 0, count = 0
        for byte in bytes {
            let value: UInt8
            switch byte {
            case 0x41...0x5A: value = byte - 0x41
            case 0x61...0x7A: value = byte - 0x61 + 26
            case 0x30...0x39: value = byte - 0x30 + 52
            case 0x2B, 0x2D: value = 62
            case 0x2F, 0x5F: value = 63
            case 0x3D: count = count >= 2 ? count : 0; continue
            default: continue
            }
            buffer = buffer << 6 | UInt32(value)
            count += 1
            if count == 4 {
                out.append(UInt8(buffer >> 16 & 0xFF))
                out.append(UInt8(buffer >> 8 & 0xFF))
                out.append(UInt8(buffer & 0xFF))
                buffer = 0
                count = 0
            }
        }
        if count == 3 {
            out.append(UInt8(buffer >> 10 & 0xFF))
            out.append(UInt8(buffer >> 2 & 0xFF))
        } else if count == 2 {
            out.append(UInt8(buffer >> 4 & 0xFF))
        }
        return out
    }

    static func quotedPrintable(_ bytes: ArraySlice<UInt8>, header: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: b - 0x30
            case 0x41...0x46: b - 0x41 + 10
            case 0x61...0x66: b - 0x61 + 10
            default: nil
            }
        }
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == 0x3D {
                // Soft line break: "=" at the end of a line.
                var j = i + 1
                while j < bytes.endIndex && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
                if j < bytes.endIndex && bytes[j] == 0x0D && j + 1 < bytes.endIndex && bytes[j + 1] == 0x0A { i = j + 2; continue }
                if j < bytes.endIndex && bytes[j] == 0x0A { i = j + 1; continue }
                if j >= bytes.endIndex { break }
                if i + 2 < bytes.endIndex, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
                out.append(byte)
                i += 1
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }
}

enum Charset {
    /// Bytes in a named character set as text; unknown sets are read as UTF-8 when valid, else
    /// as Windows-1252 (which never fails).
    static func decode(_ bytes: [UInt8], charset: String) -> String {
        let name = charset.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
        switch name {
        case "utf-8", "utf8", "us-ascii", "ascii", "":
            return utf8OrWindows(bytes)
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso_8859-1", "l1":
            // Many senders label Windows-1252 as ISO-8859-1; the two agree outside 0x80–0x9F.
            return windows1252(bytes)
        case "windows-1252", "cp1252", "x-cp1252":
            return windows1252(bytes)
        case "iso-8859-15", "latin9", "latin-9":
            return String(windows1252(bytes).map { c -> Character in
                switch c {
                case "¤": "€"
                case "¦": "Š"
                case "¨": "š"
                case "´": "Ž"
                case "¸": "ž"
                case "¼": "Œ"
                case "½": "œ"
                case "¾": "Ÿ"
                default: c
                }
            })
        default:
            let encoding: String.Encoding? = switch name {
            case "utf-16", "utf16": .utf16
            case "utf-16le": .utf16LittleEndian
            case "utf-16be": .utf16BigEndian
            case "iso-8859-2", "latin2", "latin-2": .isoLatin2
            case "windows-1250", "cp1250": .windowsCP1250
            case "windows-1251", "cp1251": .windowsCP1251
            case "shift_jis", "shift-jis", "sjis": .shiftJIS
            case "euc-jp": .japaneseEUC
            case "iso-2022-jp": .iso2022JP
            default: nil
            }
            if let encoding, let text = String(data: Data(bytes), encoding: encoding) { return text }
            return utf8OrWindows(bytes)
        }
    }

    static func utf8OrWindows(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return windows1252(bytes)
    }

    private static let high: [Character] = [
        "€", "\u{81}", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "\u{8D}", "Ž", "\u{8F}",
        "\u{90}", "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", "\u{9D}", "ž", "Ÿ",
    ]

    static func windows1252(_ bytes: [UInt8]) -> String {
        var text = ""
        text.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte < 0xA0 {
                text.append(high[Int(byte - 0x80)])
            } else {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return text
    }
}
