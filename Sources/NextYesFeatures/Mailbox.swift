import Foundation
import NextYesInsights
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where e-mails come from: an mbox file (Gmail Takeout, Thunderbird, Apple Mail), one .eml
/// file, or a folder of .eml files. Read as a stream, one message at a time, so a mailbox of
/// several gigabytes is read in the memory of its largest message.
public enum MailboxError: Error, Equatable, LocalizedError {
    case missing(String)
    case empty(String)
    case notAMailbox(String)
    case unreadable(String, String)
    case message(Int, String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): "There is no file or folder at \(path). Check the path; an mbox export, a .eml file or a folder of .eml files will do."
        case .empty(let path): "\(path) is empty (0 bytes). Export the mailbox again, or pick another file."
        case .notAMailbox(let path): "\(path) is neither an mbox mailbox (it should start with a line \"From ...\") nor an e-mail saved as .eml. Export the mailbox as mbox, or save messages as .eml files."
        case .unreadable(let path, let why): "\(path) could not be read: \(why)."
        case .message(let number, let why): "Message \(number) could not be read: \(why)"
        }
    }
}

public final class MailboxReader {
    /// A message's raw bytes and its number in the mailbox (from 1).
    public struct Raw {
        public var number: Int
        public var bytes: [UInt8]
        public var truncated: Bool
    }

    private var descriptor: Int32 = -1
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var number = 0
    private var files: [String] = []
    private let path: String
    private var isMbox = false
    /// Messages larger than this are cut (their text is still read from the start).
    public static let largestMessage = MailParser.maximumBytes
    static let chunk = 4 << 20

    public init(path: String) throws {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw MailboxError.missing(path) }
        if isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.lowercased().hasSuffix(".eml") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            if files.isEmpty { throw MailboxError.notAMailbox(path) }
            isMbox = false
            return
        }
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw MailboxError.unreadable(path, String(cString: strerror(errno))) }
        try fill(minimum: 5)
        guard buffer.count > 0 else {
            close(descriptor)
            descriptor = -1
            throw MailboxError.empty(path)
        }
        if buffer.starts(with: Array("From ".utf8)) {
            isMbox = true
        } else if (try? MailParser.parse(Array(buffer.prefix(64 << 10)))) != nil {
            // One message saved on its own.
            isMbox = false
            files = [path]
            close(descriptor)
            descriptor = -1
            buffer = []
        } else {
            close(descriptor)
            descriptor = -1
            throw MailboxError.notAMailbox(path)
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Reads until the buffer holds at least `minimum` unread bytes, or the file ends.
    private func fill(minimum: Int) throws {
        while buffer.count - start < minimum && !atEnd {
            if start > 0 && start > buffer.count / 2 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            let old = buffer.count
            buffer.reserveCapacity(old + Self.chunk)
            var read = 0
            buffer.append(contentsOf: repeatElement(0, count: Self.chunk))
            buffer.withUnsafeMutableBytes { raw in
                read = Glibc.read(descriptor, raw.baseAddress! + old, Self.chunk)
            }
            if read < 0 {
                buffer.removeSubrange(old...)
                throw MailboxError.unreadable(path, String(cString: strerror(errno)))
            }
            buffer.removeSubrange((old + read)...)
            if read == 0 { atEnd = true }
        }
    }

    /// The next message, or nil at the end.
    public func next() throws -> Raw? {
        if !isMbox {
            guard !files.isEmpty else { return nil }
            let file = files.removeFirst()
            number += 1
            guard let data = FileManager.default.contents(atPath: file) else { throw MailboxError.unreadable(file, "it can't be opened") }
            return Raw(number: number, bytes: Array(data.prefix(Self.largestMessage)), truncated: data.count > Self.largestMessage)
        }
        try fill(minimum: 1)
        guard start < buffer.count else { return nil }
        // The message runs from after its "From " line to the next "\nFrom " at a line start.
        // Bytes after `start` already searched (kept relative: filling may move the buffer).
        var searched = 1
        var end: Int?
        while end == nil {
            if let found = Self.find(buffer, from: start + searched) {
                end = found
            } else if atEnd {
                end = buffer.count
            } else {
                searched = max(1, buffer.count - start - 6)
                try fill(minimum: buffer.count - start + Self.chunk)
            }
        }
        let messageEnd = end!
        number += 1
        // Skip the "From " line itself.
        var bodyStart = start
        while bodyStart < messageEnd && buffer[bodyStart] != 0x0A { bodyStart += 1 }
        bodyStart = min(bodyStart + 1, messageEnd)
        let length = min(messageEnd - bodyStart, Self.largestMessage)
        let bytes = Self.unescape(buffer[bodyStart..<(bodyStart + length)])
        let truncated = messageEnd - bodyStart > Self.largestMessage
        start = messageEnd < buffer.count ? messageEnd + 1 : messageEnd
        return Raw(number: number, bytes: bytes, truncated: truncated)
    }

    /// The index of the "\n" before the next "From " line, at or after `from`.
    static func find(_ buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            let base = raw.baseAddress!
            let count = raw.count
            var at = from
            while at < count {
                guard let hit = memchr(base + at, 0x0A, count - at) else { return nil }
                let index = base.distance(to: UnsafeRawPointer(hit))
                if index + 5 < count && raw[index + 1] == 0x46 && raw[index + 2] == 0x72 && raw[index + 3] == 0x6F && raw[index + 4] == 0x6D && raw[index + 5] == 0x20 {
                    return index
                }
                at = index + 1
            }
            return nil
        }
    }

    /// mboxrd: a body line ">From " (or ">>From ") lost one ">" when it was written.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        // Most messages have no escaped line: copy them whole.
        guard JobWords.find(Array(">From ".utf8), in: bytes) else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lineStart = true
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if lineStart && byte == 0x3E {
                var j = i
                while j < bytes.endIndex && bytes[j] == 0x3E { j += 1 }
                if bytes.endIndex - j >= 5 && bytes[j..<(j + 5)].elementsEqual("From ".utf8) {
                    i += 1
                    lineStart = false
                    continue
                }
            }
            out.append(byte)
            lineStart = byte == 0x0A
            i += 1
        }
        return out
    }

    /// A fast look at a raw message: could it be about a job? Checks the subject and sender and
    /// the start of each text part (decoding base64 parts), never attachments. Mail it says no
    /// to is skipped without being read further.
    public static func mightBeAboutAJob(_ bytes: [UInt8]) -> Bool {
        // The headers and the start of the text say it; the rest is rarely needed.
        let limit = min(bytes.count, 32 << 10)
        var lowered = [UInt8](repeating: 0, count: limit)
        for i in 0..<limit {
            let b = bytes[i]
            lowered[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        }
        if JobWords.contains(lowered) { return true }
        // Base64 text parts: decode their start.
        guard JobWords.find(Array("base64".utf8), in: lowered[...]) else { return false }
        if let message = try? MailParser.parse(Array(bytes.prefix(256 << 10))) {
            let text = (message.subject + " " + message.text.prefix(16 << 10)).lowercased()
            return JobWords.contains(Array(text.utf8))
        }
        return false
    }
}

/// Words that a job e-mail almost always has, in the languages the reader knows: a quick byte
/// search, before any real reading. A strong word ("application", "interview", "Bewerbung")
/// is enough; words that shops and newsletters use too ("offer", "role", "job") count only two
/// together.
enum JobWords {
    static let strong: [[UInt8]] = [
        "applica", "applied", "applying", "candida", "interview", "recruit", "bewerb", "vorstellungsgespr", "entretien", "entrevista",
        "sollicit", "colloquio", "assessment", "your cv", "your resume", "hr team", "people team", "selecci", "sélection", "bewerber",
        "kandidat", "werving", "selectie", "recrutement", "reclutamento", "contratación", "vacanc", "vacature", "vacante",
        // Swedish, Danish, Norwegian, Finnish, Polish.
        "ansökan", "ansøgning", "søknad", "intervju", "rekryt", "rekrut", "hakemu", "haastattelu",
    ].map { Array($0.utf8) }
    static let weak: [[UInt8]] = [
        "job", "role", "offer", "position", "career", "talent", "hiring", "hire", "opportunit", "onboarding", "next step", "stelle",
        "poste", "puesto", "posizione", "vaga", "plaza", "resume", "team", "salary", "start date", " cv", "task", "portfolio", "shortlist",
    ].map { Array($0.utf8) }
    /// Words that in a subject line say the mail is about a job ("offer" doesn't: shops use it).
    static let subjectWords: [[UInt8]] = ["job", "role", "position", "career", "talent", "hiring", "opportunit", "cv", "resume", "portfolio", "shortlist", "next step"]
        .map { Array($0.utf8) }
    /// Job titles' words: in a subject line they say the mail is about a job.
    static let roleWords: [[UInt8]] = [
        "analyst", "engineer", "manager", "developer", "designer", "coordinator", "specialist", "assistant", "director", "intern", "consultant",
        "officer", "scientist", "nurse", "teacher", "advisor", "adviser", "representative", "executive", "architect", "administrator", "accountant",
        "technician", "bookkeeper", "clerk", "agent", "lead", "associate", "supervisor", "receptionist", "barista", "chef", "driver", "operator",
        "werkstudent", "praktikant", "ingenieur", "entwickler", "stagiaire", "chargé", "ingeniero", "desarrollador", "medewerker", "adviseur",
    ].map { Array($0.utf8) }
    static let words = strong + weak
    static let firsts: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for word in words { table[Int(word[0])] = true }
        return table
    }()

    /// Whether lowered message bytes look like a job e-mail: a strong word anywhere, two weak
    /// ones, or a weak word or a job title's word in the subject line.
    static func contains(_ lowered: [UInt8]) -> Bool {
        let firsts = Self.firsts
        let strongCount = strong.count
        var weakSeen = Set<Int>()
        let found = lowered.withUnsafeBufferPointer { p -> Bool in
            let count = p.count
            var i = 0
            while i < count {
                let b = p[i]
                if firsts[Int(b)] {
                    for (index, word) in words.enumerated() where word[0] == b && i + word.count <= count {
                        var k = 1
                        while k < word.count && p[i + k] == word[k] { k += 1 }
                        guard k == word.count else { continue }
                        if index < strongCount { return true }
                        weakSeen.insert(index)
                        if weakSeen.count >= 2 { return true }
                    }
                }
                i += 1
            }
            return false
        }
        if found { return true }
        guard let subject = subjectLine(lowered) else { return false }
        return (subjectWords + roleWords).contains { word in Self.find(word, in: subject) }
    }

    /// The (lowered) subject line of a message's headers.
    static func subjectLine(_ lowered: [UInt8]) -> ArraySlice<UInt8>? {
        let headers = lowered[..<(index(of: Array("\n\n".utf8), in: lowered[...]) ?? min(lowered.count, 16 << 10))]
        if lowered.starts(with: Array("subject:".utf8)) { return lowered[..<(lowered.firstIndex(of: 0x0A) ?? lowered.count)] }
        let key = Array("\nsubject:".utf8)
        guard let start = index(of: key, in: headers) else { return nil }
        let from = start + key.count
        let end = lowered[from...].firstIndex(of: 0x0A) ?? lowered.count
        return lowered[from..<end]
    }

    static func find(_ word: [UInt8], in bytes: ArraySlice<UInt8>) -> Bool { index(of: word, in: bytes) != nil }

    /// Where `word` first occurs in `bytes` (a plain scan: Foundation's generic search is slow here).
    static func index(of word: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = word.first, bytes.count >= word.count else { return nil }
        var i = bytes.startIndex
        let last = bytes.endIndex - word.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < word.count && bytes[i + k] == word[k] { k += 1 }
                if k == word.count { return i }
            }
            i += 1
        }
        return nil
    }
}
