import Foundation

/// A compiled, case-insensitive pattern list: where several match at the same place, the first
/// listed wins (one alternation, as ICU runs it).
///
/// A long alternation costs ICU time at every position of the text, and most texts hold none of
/// a list's words. So every pattern that can only match from the start of a word (`\bword…`,
/// `\b(?:this|that)…`) is filed under the letters that word must begin with. Before ICU runs, the
/// text is split into words in one pass over its bytes, and only the patterns filed under a
/// word it holds, with those that could start anywhere, are put together and run; with none, it
/// doesn't run at all. A pattern left out cannot match anywhere in the text, so the result is
/// exactly the whole list's, only sooner. `PatternSetTests` checks that on every list and text.
struct PatternSet: Sendable {
    /// The whole list as one expression, for callers that need capture groups or replacement.
    let expression: NSRegularExpression
    private let filter: WordFilter

    init(_ alternatives: [String]) {
        expression = Self.compile(alternatives)
        filter = WordFilter(alternatives)
    }

    fileprivate static func compile(_ alternatives: [String]) -> NSRegularExpression {
        try! NSRegularExpression(pattern: "(?:" + alternatives.joined(separator: ")|(?:") + ")", options: [.caseInsensitive])
    }

    func matches(in text: String, range: Range<String.Index>? = nil) -> [Range<String.Index>] {
        let range = range ?? text.startIndex..<text.endIndex
        guard let expression = filter.expression(for: text[range], whole: self.expression) else { return [] }
        return expression.matches(in: text, range: NSRange(range, in: text)).compactMap { Range($0.range, in: text) }
    }

    func firstMatch(in text: String, range: Range<String.Index>? = nil) -> Range<String.Index>? {
        let range = range ?? text.startIndex..<text.endIndex
        guard let expression = filter.expression(for: text[range], whole: self.expression) else { return nil }
        return expression.firstMatch(in: text, range: NSRange(range, in: text)).flatMap { Range($0.range, in: text) }
    }

    func contains(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// The words a match of `pattern` must hold one of, each at the start of a word (see `WordFilter.keys(of:)`).
    static func keys(of pattern: String) -> [String]? { WordFilter.keys(of: pattern) }

    /// The patterns that could match somewhere in `text`, by their place in the list (for tests).
    func candidates(in text: String) -> [Int] {
        filter.candidates(in: Substring(text)).map { bits in
            (0..<filter.count).filter { bits[$0 / 64] & (1 << UInt64($0 % 64)) != 0 }
        } ?? Array(0..<filter.count)
    }
}

/// Which patterns of a list a text could match, from the words it holds.
private final class WordFilter: @unchecked Sendable {
    let alternatives: [String]
    var count: Int { alternatives.count }
    /// Patterns by the hash of the letters a word must begin with for them to match.
    private var byKey: [UInt64: [Int]] = [:]
    private var keyLengths: [Bool] = []
    private var longestKey = 0
    /// Patterns that could start anywhere (no word they must begin with).
    private var anywhere: [UInt64]
    private let words: Int
    /// The expressions made for the sets of patterns met so far.
    private var made: [[UInt64]: NSRegularExpression] = [:]
    private let lock = NSLock()
    private static let mostMade = 4_096

    /// `NEXTYES_PATTERNS=whole` runs every list whole, unfiltered: the baseline the reading-time
    /// benchmark compares with, in the same run (scripts/bench/reading.sh).
    static let filtering = ProcessInfo.processInfo.environment["NEXTYES_PATTERNS"] != "whole"

    init(_ alternatives: [String]) {
        self.alternatives = alternatives
        words = (alternatives.count + 63) / 64
        anywhere = [UInt64](repeating: 0, count: words)
        var byKeyLengths: Set<Int> = []
        for (index, pattern) in alternatives.enumerated() {
            guard let keys = Self.keys(of: pattern) else {
                anywhere[index / 64] |= 1 << UInt64(index % 64)
                continue
            }
            for key in keys {
                byKey[Self.hash(Array(key.utf8)), default: []].append(index)
                byKeyLengths.insert(key.utf8.count)
                longestKey = max(longestKey, key.utf8.count)
            }
        }
        keyLengths = (0...longestKey).map { length in byKeyLengths.contains(length) }
    }

    /// The expression to run on `text`: nil when no pattern can match there, the whole list when
    /// every one could.
    func expression(for text: Substring, whole: NSRegularExpression) -> NSRegularExpression? {
        guard Self.filtering, let bits = candidates(in: text) else { return whole }
        if bits.allSatisfy({ $0 == 0 }) { return nil }
        if bits.enumerated().allSatisfy({ $0.element == full($0.offset) }) { return whole }
        lock.lock()
        defer { lock.unlock() }
        if let expression = made[bits] { return expression }
        let chosen = alternatives.indices.filter { bits[$0 / 64] & (1 << UInt64($0 % 64)) != 0 }.map { alternatives[$0] }
        let expression = PatternSet.compile(chosen)
        if made.count < Self.mostMade { made[bits] = expression }
        return expression
    }

    private func full(_ word: Int) -> UInt64 {
        let bitsHere = min(64, alternatives.count - word * 64)
        return bitsHere == 64 ? .max : (1 << UInt64(bitsHere)) - 1
    }

    /// The patterns that could match in `text` as bits, or nil when the text holds a character
    /// whose case folds to ASCII letters ("ß", "ﬁ", the Kelvin sign), where words can't be told by
    /// their bytes and every pattern is kept.
    func candidates(in text: Substring) -> [UInt64]? {
        var bits = anywhere
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func flush() {
            guard !word.isEmpty, longestKey > 0 else { word.removeAll(keepingCapacity: true); return }
            var hash: UInt64 = Self.offset
            for length in 1...min(word.count, longestKey) {
                hash = (hash ^ UInt64(word[length - 1])) &* Self.prime
                if keyLengths[length], let found = byKey[hash] {
                    for index in found { bits[index / 64] |= 1 << UInt64(index % 64) }
                }
            }
            word.removeAll(keepingCapacity: true)
        }
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                word.append(byte | 0x20)
            default:
                if byte >= 0x80, Self.foldsToASCII(bytes, at: i) { return nil }
                flush()
            }
            i += 1
        }
        flush()
        return bits
    }

    /// Characters whose case folding holds an ASCII letter (UTF-8): ß, İ, ŉ, ſ, ǰ, ẖ…ẚ, ẞ, the
    /// Kelvin sign and the Latin ligatures ﬀ…ﬆ.
    private static func foldsToASCII(_ bytes: [UInt8], at i: Int) -> Bool {
        func at(_ k: Int) -> UInt8 { i + k < bytes.count ? bytes[i + k] : 0 }
        switch bytes[i] {
        case 0xC3: return at(1) == 0x9F
        case 0xC4: return at(1) == 0xB0
        case 0xC5: return at(1) == 0x89 || at(1) == 0xBF
        case 0xC7: return at(1) == 0xB0
        case 0xE1: return at(1) == 0xBA && ((0x96...0x9A).contains(at(2)) || at(2) == 0x9E)
        case 0xE2: return at(1) == 0x84 && at(2) == 0xAA
        case 0xEF: return at(1) == 0xAC && (0x80...0x86).contains(at(2))
        default: return false
        }
    }

    private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(offset) { ($0 ^ UInt64($1)) &* prime }
    }

    /// The letters some word of every match of `pattern` must begin with (lower case, ASCII
    /// letters and digits; one per way the pattern can go, as in `\b(?:this|that)`), or nil when
    /// no such word can be read from the pattern. Read from the pattern's own text, at its top
    /// level (groups are not looked into, except a group of plain words): a run of letters that
    /// must match, right after something that makes a word start there (`\b`, a space, `\s`, a
    /// required punctuation mark, `^`). A letter made optional (`tests?`) ends the run before it.
    /// Of the runs found, the one whose shortest word is longest is used: the rarer, the better.
    static func keys(of pattern: String) -> [String]? {
        let p = Array(pattern)
        guard !hasTopLevelBar(p) else { return nil }
        var options: [[String]] = []
        var run = ""
        var inRun = false
        var wordStarts = false
        func endRun() {
            if inRun, !run.isEmpty { options.append([run.lowercased()]) }
            run = ""
            inRun = false
        }
        var i = 0
        while i < p.count {
            let c = p[i]
            switch c {
            case "\\":
                guard i + 1 < p.count else { return nil }
                let escaped = p[i + 1]
                let q = quantifier(p, at: i + 2)
                endRun()
                switch escaped {
                case "b": wordStarts = q.times == .once
                case "s": wordStarts = q.times != .optional
                default: wordStarts = escaped.isASCII && !escaped.isLetter && !escaped.isNumber && q.times != .optional
                }
                i += 2 + q.length
            case "(":
                guard let close = closing(p, from: i) else { return nil }
                let q = quantifier(p, at: close + 1)
                endRun()
                let head = String(p[i..<min(p.count, i + 4)])
                let lookaround = head.hasPrefix("(?=") || head.hasPrefix("(?!") || head == "(?<=" || head == "(?<!"
                if lookaround {
                    // Consumes nothing: a word that starts before it starts after it.
                } else {
                    let plain = i + 2 < close && p[i + 1] == "?" && p[i + 2] == ":"
                        && !p[(i + 3)..<close].contains { "([\\".contains($0) }
                    let branches = plain ? p[(i + 3)..<close].split(separator: "|", omittingEmptySubsequences: false).map(Array.init) : []
                    if wordStarts, q.times != .optional, plain {
                        let starts = branches.map(literalStart)
                        if starts.allSatisfy({ $0 != nil }) { options.append(starts.map { $0! }) }
                    }
                    // "(?:a |an )?": whether it's there or not, a word starts after it when one
                    // started before it and every way through it ends with a space or a mark.
                    let endsApart = plain && branches.allSatisfy { branch in
                        guard let last = branch.last else { return false }
                        return last.isASCII && !last.isLetter && !last.isNumber && !"?*+{}.$^".contains(last)
                    }
                    wordStarts = endsApart && (wordStarts || q.times != .optional)
                }
                i = close + 1 + q.length
            case "[":
                guard let end = classEnd(p, from: i) else { return nil }
                endRun()
                wordStarts = false
                i = end + 1 + quantifier(p, at: end + 1).length
            case "^":
                endRun()
                wordStarts = true
                i += 1
            case ".", "$":
                endRun()
                wordStarts = false
                i += 1 + quantifier(p, at: i + 1).length
            default:
                let q = quantifier(p, at: i + 1)
                if c.isASCII, c.isLetter || c.isNumber {
                    if q.times == .optional {
                        endRun()
                    } else {
                        if inRun { run.append(c) } else if wordStarts { inRun = true; run = String(c) }
                        if q.times != .once { endRun() }
                    }
                    wordStarts = false
                } else {
                    endRun()
                    // A required space or punctuation mark: a word starts after it. (A letter
                    // beyond ASCII might fold to one inside it, so it doesn't count.)
                    wordStarts = c.isASCII && q.times != .optional
                }
                i += 1 + q.length
            }
        }
        endRun()
        return options.max { a, b in
            (a.map(\.count).min() ?? 0) < (b.map(\.count).min() ?? 0)
        }
    }

    /// How often the element before `i` may match: once (no quantifier), perhaps not at all
    /// (`?`, `*`, `{0,…}`), or at least once (`+`, `{n,…}`); and how many characters say so.
    private enum Times { case once, optional, atLeastOnce }

    private static func quantifier(_ p: [Character], at i: Int) -> (times: Times, length: Int) {
        guard i < p.count else { return (.once, 0) }
        var times: Times
        var end = i + 1
        switch p[i] {
        case "?", "*": times = .optional
        case "+": times = .atLeastOnce
        case "{":
            guard let close = p[i...].firstIndex(of: "}") else { return (.once, 0) }
            let least = Int(String(p[(i + 1)..<close].prefix { $0.isNumber })) ?? 0
            times = least == 0 ? .optional : .atLeastOnce
            end = close + 1
        default: return (.once, 0)
        }
        // Lazy or possessive: `??`, `+?`, `*+`.
        if end < p.count, p[end] == "?" || p[end] == "+" { end += 1 }
        return (times, end - i)
    }

    /// Where a character class that opens at `open` closes; a class may hold brackets of its
    /// own: `[^)]` or `[]]`.
    private static func classEnd(_ p: [Character], from open: Int) -> Int? {
        var i = open + 1
        if i < p.count, p[i] == "^" { i += 1 }
        if i < p.count, p[i] == "]" { i += 1 }
        while i < p.count, p[i] != "]" { i += p[i] == "\\" ? 2 : 1 }
        return i < p.count ? i : nil
    }

    /// The ASCII letters and digits a stretch of pattern starts with, less one made optional.
    private static func literalStart(_ p: [Character]) -> String? {
        var key = ""
        var i = 0
        while i < p.count, p[i].isASCII, p[i].isLetter || p[i].isNumber {
            key.append(p[i])
            i += 1
        }
        if i < p.count, "?*{".contains(p[i]) { key = String(key.dropLast()) }
        return key.isEmpty ? nil : key.lowercased()
    }

    private static func closing(_ p: [Character], from open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < p.count {
            if p[i] == "\\" { i += 2; continue }
            if p[i] == "[" {
                guard let end = classEnd(p, from: i) else { return nil }
                i = end + 1
                continue
            }
            if p[i] == "(" { depth += 1 }
            if p[i] == ")" {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    private static func hasTopLevelBar(_ p: [Character]) -> Bool {
        var depth = 0
        var i = 0
        while i < p.count {
            switch p[i] {
            case "\\": i += 1
            case "[":
                i = classEnd(p, from: i) ?? p.count
            case "(": depth += 1
            case ")": depth -= 1
            case "|": if depth == 0 { return true }
            default: break
            }
            i += 1
        }
        return false
    }
}
