import Foundation

/// A token-level automaton over every surface form in the taxonomy: one pass over the text,
/// whatever the number of forms. Text and forms are normalised the same way: case-folded, split
/// on spaces, hyphens and slashes (so "front-end", "front end" and "CI/CD" line up), with light
/// inflection folded ("dashboards" and "dashboard", "modelling" and "model"), and the symbols that
/// make a name kept ("C++", "C#", ".NET", "Node.js"). At each token the longest form wins.
///
/// Built once and read-only afterwards; the raw buffers are never written after `init`, which is
/// why the unchecked Sendable conformance is safe.
final class PhraseMatcher: @unchecked Sendable {
    private let tokenTable: HashTable
    private let edges: TrieEdges
    /// Per trie node: the normalised form that ends there, or -1.
    private let terminalForm: Flat<Int32>
    /// Per normalised form: the original forms (indices into the taxonomy's forms) it stands for.
    let originalForms: FlatLists
    /// Per normalised form, in bits: whether it needs context to count ("R", "Go", "Excel") (1),
    /// whether it must also be written with a capital (2), whether it is an acronym that
    /// matches only in capitals ("SQL", "AWS", "ETC") (4), and whether only the job-posting
    /// gazetteer has it, so that it counts only where the tagger reads a skill (8).
    private let flags: Flat<UInt8>
    private func ambiguous(_ form: Int) -> Bool { flags[form] & 1 != 0 }
    private func needsCapital(_ form: Int) -> Bool { flags[form] & 2 != 0 }
    private func needsAllCaps(_ form: Int) -> Bool { flags[form] & 4 != 0 }
    func needsTagger(_ form: Int) -> Bool { flags[form] & 8 != 0 }
    private let cueTokens: Set<Int32>
    let formCount: Int

    /// `weak` marks forms that count only with context when they are a single word;
    /// `needsTagger` forms that only the gazetteer has.
    init(forms: [String], weak: [Bool], needsTagger: [Bool]) {
        var tokens = HashTable(capacity: 1 << 17)
        var edges = HashTable(capacity: 1 << 19)
        var terminal: [Int32] = [-1]
        var normalisedIndex: [[Int32]: Int32] = [:]
        var originals: [[Int32]] = []
        var ambiguous: [Bool] = []
        var capital: [Bool] = []
        var allWeak: [Bool] = []
        var allCaps: [Bool] = []
        var lowercaseStart: [Bool] = []
        var gazetteerOnly: [Bool] = []
        var nextToken: Int32 = 0
        for (formIndex, form) in forms.enumerated() {
            let bytes = Array(form.utf8)
            let spans = bytes.withUnsafeBufferPointer { Tokenizer.tokens(in: $0) }
            guard !spans.isEmpty else { continue }
            var ids: [Int32] = []
            for span in spans {
                if let id = tokens.value(for: span.hash) {
                    ids.append(id)
                } else {
                    tokens.insert(span.hash, value: nextToken)
                    ids.append(nextToken)
                    nextToken += 1
                }
            }
            var node: Int32 = 0
            for id in ids {
                let key = Self.edgeKey(node, id)
                if let child = edges.value(for: key) {
                    node = child
                } else {
                    let child = Int32(terminal.count)
                    terminal.append(-1)
                    edges.insert(key, value: child)
                    node = child
                }
            }
            let normalised: Int32
            if let existing = normalisedIndex[ids] {
                normalised = existing
            } else {
                normalised = Int32(originals.count)
                normalisedIndex[ids] = normalised
                originals.append([])
                let single = spans.count == 1
                ambiguous.append(false)
                capital.append(false)
                allWeak.append(single)
                allCaps.append(single)
                lowercaseStart.append(false)
                gazetteerOnly.append(true)
            }
            originals[Int(normalised)].append(Int32(formIndex))
            // Every form behind one normalised name is asked, not only the first: the gazetteer's
            // "routes" and O*NET's "Route" are one name, and "route" is an everyday word.
            if spans.count == 1 {
                let word = String(decoding: bytes[spans[0].start..<spans[0].end], as: UTF8.self).lowercased()
                // A lone gerund ("Programming", "Monitoring") also names everyday activity.
                if word.count <= 2 || Ambiguity.commonWords.contains(word) || word.hasSuffix("ing") { ambiguous[Int(normalised)] = true }
            }
            if !weak[formIndex] { allWeak[Int(normalised)] = false }
            if !needsTagger[formIndex] { gazetteerOnly[Int(normalised)] = false }
            let letters = form.unicodeScalars.filter { CharacterSet.letters.contains($0) }
            if letters.count < 2 || !letters.allSatisfy({ CharacterSet.uppercaseLetters.contains($0) }) { allCaps[Int(normalised)] = false }
            // A capital is required only when every form behind this one is written with one
            // (the gazetteer writes every name in lowercase, so it says nothing about capitals).
            if !needsTagger[formIndex], bytes.first.map({ $0 >= 65 && $0 <= 90 }) != true { lowercaseStart[Int(normalised)] = true }
            terminal[Int(node)] = normalised
        }
        var cues: Set<Int32> = []
        for word in Ambiguity.cueWords {
            let bytes = Array(word.utf8)
            for span in bytes.withUnsafeBufferPointer({ Tokenizer.tokens(in: $0) }) {
                if let id = tokens.value(for: span.hash) { cues.insert(id) } else {
                    tokens.insert(span.hash, value: nextToken)
                    cues.insert(nextToken)
                    nextToken += 1
                }
            }
        }
        // A single word that only weak forms stand for needs context too.
        for index in ambiguous.indices where allWeak[index] { ambiguous[index] = true }
        for index in ambiguous.indices { capital[index] = ambiguous[index] && !lowercaseStart[index] && !gazetteerOnly[index] }
        self.tokenTable = tokens
        self.edges = TrieEdges(edges, nodeCount: terminal.count)
        self.terminalForm = Flat(terminal)
        self.originalForms = FlatLists(originals)
        self.flags = Flat((0..<originals.count).map { i in (ambiguous[i] ? UInt8(1) : 0) | (capital[i] ? 2 : 0) | (allCaps[i] ? 4 : 0) | (gazetteerOnly[i] ? 8 : 0) })
        self.cueTokens = cues
        self.formCount = originals.count
    }

    func write(to w: inout TaxonomyImage.Writer) {
        tokenTable.write(to: &w)
        edges.write(to: &w)
        w.array(terminalForm)
        originalForms.write(to: &w)
        w.array(flags)
        w.array(cueTokens.sorted())
        w.u64(UInt64(formCount))
    }

    init(reading r: inout TaxonomyImage.Reader) throws {
        tokenTable = try HashTable(reading: &r)
        edges = try TrieEdges(reading: &r)
        terminalForm = try r.array()
        guard edges.nodeCount == terminalForm.count else { throw TaxonomyImage.ImageError.damaged("trie sizes") }
        originalForms = try FlatLists(reading: &r)
        flags = try r.array()
        cueTokens = Set(try r.array(Int32.self))
        formCount = Int(try r.u64())
        guard originalForms.count == formCount, flags.count == formCount
        else { throw TaxonomyImage.ImageError.damaged("automaton sizes") }
    }

    @inline(__always)
    private static func edgeKey(_ node: Int32, _ token: Int32) -> UInt64 {
        // Never 0, the table's empty marker: node ids start at 0 but the high bit is set.
        (UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: token))) | (1 << 63)
    }

    /// The normalised form that is exactly this text, whatever its context or case: for names a
    /// person types ("excel", "sql"), where there is no sentence to judge ambiguity by.
    func exactForm(_ text: String) -> Int32? {
        let bytes = Array(text.utf8)
        let spans = bytes.withUnsafeBufferPointer { Tokenizer.tokens(in: $0) }
        guard !spans.isEmpty else { return nil }
        var node: Int32 = 0
        for span in spans {
            guard let token = tokenTable.value(for: span.hash), let child = edges.child(of: node, token) else { return nil }
            node = child
        }
        let form = terminalForm[Int(node)]
        return form >= 0 ? form : nil
    }

    /// What the phrase rules make of a match.
    enum Verdict {
        /// It counts on its own: an unambiguous name, or the whole text is the name.
        case certain
        /// An everyday word or a gazetteer name that the context rules accept.
        case rulesAccept
        /// One that the context rules turn down.
        case rulesReject
    }

    /// Calls `found` for each match, left to right, longest first, without overlaps: the
    /// normalised form's index, the byte range of the match and what the rules make of it.
    func scan(_ text: UnsafeBufferPointer<UInt8>, _ found: (_ form: Int32, _ start: Int, _ end: Int, _ verdict: Verdict) -> Void) {
        let capacity = min(text.count / 2 + 16, 1 << 20)
        let ids = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        defer {
            ids.deallocate()
            starts.deallocate()
            ends.deallocate()
        }
        var position = 0
        while position < text.count {
            // Work in chunks ending at a line break, so the token buffers stay small.
            var count = 0
            var cursor = position
            while cursor < text.count, count < capacity {
                guard let span = Tokenizer.next(in: text, from: cursor) else { cursor = text.count; break }
                ids[count] = tokenTable.value(for: span.hash) ?? -1
                starts[count] = span.start
                ends[count] = span.end
                count += 1
                cursor = span.end
                if count >= capacity - 1 { break }
            }
            match(ids: ids, starts: starts, ends: ends, count: count, text: text, found)
            position = max(cursor, position + 1)
        }
    }

    private struct Candidate {
        var form: Int32
        var first: Int
        var last: Int
        /// How strong the match is on its own.
        var kind: Kind

        enum Kind {
            /// Counts on its own.
            case certain
            /// An everyday word written with the capital its name has: counts with context, and
            /// is context for its neighbours ("Tableau and Excel").
            case capitalised
            /// An everyday word: counts only with context.
            case plain
        }
    }

    private func match(
        ids: UnsafeMutablePointer<Int32>, starts: UnsafeMutablePointer<Int>, ends: UnsafeMutablePointer<Int>, count: Int,
        text: UnsafeBufferPointer<UInt8>, _ found: (Int32, Int, Int, Verdict) -> Void
    ) {
        // First the longest match at each position; then ambiguous ones are judged by their context,
        // which includes the skills found next to them.
        var candidates: [Candidate] = []
        var i = 0
        while i < count {
            if ids[i] < 0 { i += 1; continue }
            var node: Int32 = 0
            var best: Int32 = -1, known: Int32 = -1
            var bestEnd = -1, knownEnd = -1
            var j = i
            while j < count, ids[j] >= 0, let child = edges.child(of: node, ids[j]) {
                node = child
                let form = terminalForm[Int(child)]
                if form >= 0 {
                    best = form; bestEnd = j
                    if !needsTagger(Int(form)) { known = form; knownEnd = j }
                }
                j += 1
            }
            // A name ESCO or O*NET has wins over a longer gazetteer name around it ("C#, .NET",
            // "Microsoft Excel skills"), here or starting inside it.
            if known >= 0 {
                best = known
                bestEnd = knownEnd
            } else if best >= 0, bestEnd > i, knownName(from: i + 1, through: bestEnd, ids: ids, count: count) {
                i += 1
                continue
            }
            if best >= 0, let kind = classify(best, first: i, last: bestEnd, starts: starts, ends: ends, text: text) {
                candidates.append(Candidate(form: best, first: i, last: bestEnd, kind: kind))
                i = bestEnd + 1
            } else {
                i += 1
            }
        }
        for (index, candidate) in candidates.enumerated() {
            let verdict: Verdict
            if candidates.count == 1, candidate.first == 0, candidate.last == count - 1 {
                // The whole text is the name: someone typed a skill ("Excel", "C#").
                verdict = .certain
            } else if candidate.kind == .certain && !needsTagger(Int(candidate.form))
                        && !(candidate.first == candidate.last && !needsAllCaps(Int(candidate.form)) && opensSentence(starts[candidate.first], text)) {
                verdict = .certain
            } else {
                // Everyday words, gazetteer names, and one-word names opening a sentence, where a
                // verb is as likely ("Dig into funnel metrics"): the rules' word, and the tagger's.
                verdict = judge(candidate, index: index, candidates, ids: ids, starts: starts, ends: ends, count: count, text: text) ? .rulesAccept : .rulesReject
            }
            found(candidate.form, starts[candidate.first], ends[candidate.last], verdict)
        }
    }

    /// Whether a name that is not only in the gazetteer starts at one of these tokens.
    private func knownName(from first: Int, through last: Int, ids: UnsafeMutablePointer<Int32>, count: Int) -> Bool {
        guard first <= last else { return false }
        for start in first...last where ids[start] >= 0 {
            var node: Int32 = 0
            var j = start
            while j < count, ids[j] >= 0, let child = edges.child(of: node, ids[j]) {
                node = child
                let form = terminalForm[Int(child)]
                if form >= 0, !needsTagger(Int(form)) { return true }
                j += 1
            }
        }
        return false
    }

    /// Nil when the match can't count whatever the context: an acronym not in capitals, or a
    /// name that needs its capital written without one.
    @inline(__always)
    private func classify(
        _ form: Int32, first: Int, last: Int, starts: UnsafeMutablePointer<Int>, ends: UnsafeMutablePointer<Int>, text: UnsafeBufferPointer<UInt8>
    ) -> Candidate.Kind? {
        if needsAllCaps(Int(form)) {
            var k = starts[first]
            while k < ends[last] {
                let byte = text[k]
                if byte >= 97 && byte <= 122 { return nil }
                k += 1
            }
        }
        guard ambiguous(Int(form)) else { return .certain }
        let byte = text[starts[first]]
        let capital = byte >= 65 && byte <= 90 || byte == 46
        // A name written with a capital is context for its neighbours even when it has lowercase forms.
        guard needsCapital(Int(form)) else { return capital ? .capitalised : .plain }
        return capital ? .capitalised : nil
    }

    /// Whether the bytes between two names only join items of a list: spaces, commas, slashes,
    /// '&', "and", "or".
    /// A space alone makes a compound ("Tableau dashboards"), not a list.
    private func inOneList(_ from: Int, _ to: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = from
        var joined = false
        while k < to {
            let c = text[k]
            if c == 32 || c == 9 { k += 1; continue }
            if c == 44 || c == 47 || c == 38 { joined = true; k += 1; continue }
            if k + 3 <= to, Tokenizer.lower(c) == 97, Tokenizer.lower(text[k + 1]) == 110, Tokenizer.lower(text[k + 2]) == 100 { joined = true; k += 3; continue }
            if k + 2 <= to, Tokenizer.lower(c) == 111, Tokenizer.lower(text[k + 1]) == 114 { joined = true; k += 2; continue }
            return false
        }
        return joined
    }

    /// Whether the byte at `start` opens a sentence, a line or a list item, where a capital says nothing.
    @inline(__always)
    private func opensSentence(_ start: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = start - 1
        while k >= 0, text[k] == 32 || text[k] == 9 { k -= 1 }
        guard k >= 0 else { return true }
        switch text[k] {
        case 10, 46, 33, 63, 58, 42, 45, 40, 34: return true
        default: return false
        }
    }

    /// Short or everyday words ("R", "Go", "Excel", "Swift") count only with a nearby word that
    /// says skills are being talked about, or next to another skill. A capital at the start of a
    /// sentence or a list item says nothing, so there only a neighbouring skill will do.
    private func judge(
        _ candidate: Candidate, index: Int, _ candidates: [Candidate], ids: UnsafeMutablePointer<Int32>,
        starts: UnsafeMutablePointer<Int>, ends: UnsafeMutablePointer<Int>, count: Int, text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        // The whole text is the name: someone typed a skill ("Excel", "C#").
        if candidates.count == 1, candidate.first == 0, candidate.last == count - 1 { return true }
        var neighbour = false, knownNeighbour = false
        for other in (index - 2)...(index + 2) where other != index && other >= 0 && other < candidates.count {
            let c = candidates[other]
            let gap = c.first > candidate.last ? c.first - candidate.last : candidate.first - c.last
            if gap <= 3 && c.kind != .plain {
                neighbour = true
                // Only a name that counts on its own, in the same list, vouches for a gazetteer name:
                // "SQL, dbt and Looker", not "Tableau for dashboards" or "Dig into funnel".
                if !needsTagger(Int(c.form)), c.first != c.last || !opensSentence(starts[c.first], text),
                   inOneList(c.first > candidate.last ? ends[candidate.last] : ends[c.last], c.first > candidate.last ? starts[c.first] : starts[candidate.first], text) {
                    knownNeighbour = true
                }
            }
        }
        // A gazetteer name the rules vouch for only next to a name ESCO or O*NET has ("SQL, dbt").
        if needsTagger(Int(candidate.form)) {
            return knownNeighbour
        }
        if neighbour { return true }
        if candidate.kind != .plain, opensSentence(starts[candidate.first], text) { return false }
        let lower = max(0, candidate.first - 6), upper = min(count - 1, candidate.last + 6)
        var k = lower
        while k <= upper {
            if k < candidate.first || k > candidate.last, ids[k] >= 0, cueTokens.contains(ids[k]) { return true }
            k += 1
        }
        return false
    }
}

/// Splits UTF-8 text into normalised tokens without building strings: each token's byte range
/// and a hash of its case-folded, lightly stemmed form.
enum Tokenizer {
    struct Span {
        var start: Int
        var end: Int
        var hash: UInt64
    }

    static func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [Span] {
        var out: [Span] = []
        var cursor = 0
        while let span = next(in: bytes, from: cursor) {
            out.append(span)
            cursor = span.end
        }
        return out
    }

    @inline(__always)
    static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte >= 0x80
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }

    /// The next token at or after `from`, or nil at the end.
    @inline(__always)
    static func next(in b: UnsafeBufferPointer<UInt8>, from: Int) -> Span? {
        let n = b.count
        var i = from
        // Skip separators; a '.' directly before letters starts a token (".NET").
        while i < n {
            let c = b[i]
            if isWord(c) { break }
            if c == 46, i + 1 < n, isWord(b[i + 1]), b[i + 1] >= 65, i == 0 || !isWord(b[i - 1]) { break }
            i += 1
        }
        guard i < n else { return nil }
        let start = i
        var plain = true
        if b[i] == 46 { plain = false; i += 1 }
        while i < n {
            let c = b[i]
            if isWord(c) {
                if c < 97 || c > 122 { if c < 65 || c > 90 { plain = false } }
                i += 1
            } else if c == 46, i + 1 < n, isWord(b[i + 1]), i > start {
                // Inner dots: "Node.js", "ASP.NET", "3.5".
                plain = false
                i += 1
            } else if c == 43 || c == 35 {
                // Trailing '+' or '#': "C++", "C#", "F#".
                var k = i
                while k < n, b[k] == 43 || b[k] == 35 { k += 1 }
                if k == n || !isWord(b[k]) {
                    plain = false
                    i = k
                }
                break
            } else {
                break
            }
        }
        let end = i
        let (stemLength, extra) = plain ? stem(b, start, end) : (end - start, UInt8(0))
        var hash: UInt64 = 0xcbf29ce484222325
        var k = start
        let stop = start + stemLength
        while k < stop {
            hash = (hash ^ UInt64(lower(b[k]))) &* 0x100000001b3
            k += 1
        }
        if extra != 0 { hash = (hash ^ UInt64(extra)) &* 0x100000001b3 }
        return Span(start: start, end: end, hash: hash == 0 ? 1 : hash)
    }

    @inline(__always)
    private static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 }

    /// Light inflection, applied the same way to text and taxonomy: plurals ("technologies" →
    /// "technology"), -ing ("testing" → "test"), a final -e and a doubled final consonant
    /// ("manage"/"managing", "modelling"/"model", "programme"/"program").
    @inline(__always)
    static func stem(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, UInt8) {
        let n = end - start
        guard n > 3 else { return (n, 0) }
        @inline(__always) func at(_ i: Int) -> UInt8 { lower(b[start + i]) }
        var m = n
        if n > 4, at(n - 3) == 105, at(n - 2) == 101, at(n - 1) == 115 {          // -ies
            return (n - 3, 121)                                                 // + y
        } else if n > 4, at(n - 4) == 115, at(n - 3) == 115, at(n - 2) == 101, at(n - 1) == 115 {   // -sses
            m = n - 2
        } else if n > 4, at(n - 2) == 101, at(n - 1) == 115, [115, 120, 122].contains(at(n - 3)) {  // -ses -xes -zes
            m = n - 2
        } else if n > 5, at(n - 2) == 101, at(n - 1) == 115, at(n - 3) == 104, at(n - 4) == 99 || at(n - 4) == 115 {  // -ches -shes
            m = n - 2
        } else if at(n - 1) == 115, at(n - 2) != 115, at(n - 2) != 117, at(n - 2) != 105 {  // -s, not -ss -us -is
            m = n - 1
        }
        if m > 6, at(m - 3) == 105, at(m - 2) == 110, at(m - 1) == 103 {            // -ing
            var vowel = false
            for i in 0..<(m - 3) where isVowel(at(i)) { vowel = true; break }
            if vowel { m -= 3 }
        }
        if m > 4, at(m - 1) == 101 { m -= 1 }                                       // final -e
        if m > 4, at(m - 1) == at(m - 2), !isVowel(at(m - 1)) { m -= 1 }            // doubled consonant
        return (m, 0)
    }
}

/// The trie's edges as flat arrays: each node's children sorted by token, found by binary search.
/// Loading is three array copies, with nothing to rebuild.
struct TrieEdges: Sendable {
    /// Node n's children are entries `start[n] ..< start[n + 1]`.
    private let start: Flat<Int32>
    private let token: Flat<UInt16>
    private let target: Flat<Int32>
    /// The root's children by token, read directly: nearly every token of a text starts a look-up
    /// at the root, whose tens of thousands of children a binary search would cross in 16 steps.
    private let rootChild: [Int32]

    var nodeCount: Int { start.count - 1 }

    private static func rootTable(start: Flat<Int32>, token: Flat<UInt16>, target: Flat<Int32>) -> [Int32] {
        var table = [Int32](repeating: -1, count: Int(UInt16.max) + 1)
        guard start.count >= 2 else { return table }
        for k in Int(start[0])..<Int(start[1]) { table[Int(token[k])] = target[k] }
        return table
    }

    /// From the hash table the builder used (key: node and token, value: child).
    init(_ table: HashTable, nodeCount: Int) {
        var byNode = [[(token: UInt16, child: Int32)]](repeating: [], count: nodeCount)
        table.forEach { key, child in
            let node = Int(UInt32(truncatingIfNeeded: (key & ~(1 << 63)) >> 32))
            precondition(UInt32(truncatingIfNeeded: key) <= UInt16.max, "more than 65,536 distinct tokens; widen the trie's token ids")
            byNode[node].append((UInt16(truncatingIfNeeded: key), child))
        }
        var start: [Int32] = [0], token: [UInt16] = [], target: [Int32] = []
        for children in byNode {
            for edge in children.sorted(by: { $0.token < $1.token }) {
                token.append(edge.token)
                target.append(edge.child)
            }
            start.append(Int32(token.count))
        }
        self.start = Flat(start)
        self.token = Flat(token)
        self.target = Flat(target)
        rootChild = Self.rootTable(start: self.start, token: self.token, target: self.target)
    }

    @inline(__always)
    func child(of node: Int32, _ id: Int32) -> Int32? {
        guard id >= 0, id <= Int32(UInt16.max) else { return nil }
        if node == 0 {
            let child = rootChild[Int(id)]
            return child >= 0 ? child : nil
        }
        let wanted = UInt16(id)
        var low = Int(start[Int(node)]), high = Int(start[Int(node) + 1])
        while low < high {
            let middle = (low + high) >> 1
            let value = token[middle]
            if value == wanted { return target[middle] }
            if value < wanted { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    func write(to w: inout TaxonomyImage.Writer) {
        w.array(start)
        w.array(token)
        w.array(target)
    }

    init(reading r: inout TaxonomyImage.Reader) throws {
        start = try r.array()
        token = try r.array()
        target = try r.array()
        // The checksum vouches for the values and every read is bounds-checked: only the sizes
        // are checked here.
        guard start.count >= 2, start.first == 0, Int(start.last!) == token.count, token.count == target.count
        else { throw TaxonomyImage.ImageError.damaged("trie edges") }
        rootChild = Self.rootTable(start: start, token: token, target: target)
    }
}

/// Open-addressing hash table from a non-zero 64-bit key to an Int32, for the hot loop.
struct HashTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var count = 0

    init(capacity: Int) {
        var size = 1
        while size < capacity { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    func value(for key: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0x9E3779B97F4A7C15 >> 20) & mask
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0x9E3779B97F4A7C15 >> 20) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    func forEach(_ body: (UInt64, Int32) -> Void) {
        for (slot, key) in keys.enumerated() where key != 0 { body(key, values[slot]) }
    }

    /// Only the filled slots are written, in slot order; reading inserts them again.
    func write(to w: inout TaxonomyImage.Writer) {
        var filledKeys: [UInt64] = [], filledValues: [Int32] = []
        for (slot, key) in keys.enumerated() where key != 0 {
            filledKeys.append(key)
            filledValues.append(values[slot])
        }
        w.array(filledKeys)
        w.array(filledValues)
    }

    init(reading r: inout TaxonomyImage.Reader) throws {
        let filledKeys: Flat<UInt64> = try r.array()
        let filledValues: Flat<Int32> = try r.array()
        guard filledKeys.count == filledValues.count, !filledKeys.contains(0) else { throw TaxonomyImage.ImageError.damaged("hash table") }
        self.init(capacity: filledKeys.count * 2 + 2)
        for (key, value) in zip(filledKeys, filledValues) { insert(key, value: value) }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (i, key) in oldKeys.enumerated() where key != 0 { insert(key, value: oldValues[i]) }
    }
}
