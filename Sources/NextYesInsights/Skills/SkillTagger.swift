import Foundation

/// A sequence tagger for skill phrases: an averaged structured perceptron over B/I/O tags, decoded
/// with Viterbi, over hashed features of each word and its neighbours (the word, its shape,
/// prefix and suffixes, the two words either side, where it sits in the sentence, cue words
/// nearby) and of what the taxonomy found there (a certain name, an everyday word the rules
/// accept or turn down, a gazetteer name). It decides the words the taxonomy alone cannot:
/// "Dig into funnel metrics" is a verb, "Looker and Tableau" are tools. Trained by
/// `nextyes-train` on the SkillSpan train splits (see docs/models/skills.md).
public struct SkillTagger: Sendable {
    public static let tagCount = 3
    /// Tags: O (outside), B (a phrase begins), I (inside a phrase).
    public static let outside: UInt8 = 0, begin: UInt8 = 1, inside: UInt8 = 2

    public let bucketBits: Int
    /// `bucket * 3 + tag`, as used (the stored values times the scale), worked out when asked:
    /// tagging reads the 16-bit values, half the memory to fetch from.
    public var weights: [Float] { stored.map { Float($0) * scale } }
    /// The weights as stored: 16-bit integers and one scale.
    private let stored: [Int16]
    private let scale: Float
    /// `(previous tag + 1) * 3 + tag`; row 0 is the start of a sentence.
    public let transitions: [Float]
    /// Added to the O tag's score: above 0 the tagger is more careful, below 0 it finds more.
    public let outsideBias: Float
    /// FNV-1a 64 of the encoded file without its last eight bytes.
    public let checksum: UInt64

    public init(bucketBits: Int, weights: [Float], transitions: [Float], outsideBias: Float) {
        precondition(weights.count == (1 << bucketBits) * Self.tagCount && transitions.count == 12)
        // Quantised as the file stores them, so a trained tagger and a loaded one agree exactly.
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / 32767 : 1
        let stored = weights.map { Int16(max(-32767, min(32767, ($0 / scale).rounded()))) }
        self.init(bucketBits: bucketBits, stored: stored, scale: scale, transitions: transitions, outsideBias: outsideBias)
    }

    private init(bucketBits: Int, stored: [Int16], scale: Float, transitions: [Float], outsideBias: Float) {
        self.bucketBits = bucketBits
        self.stored = stored
        self.scale = scale
        self.transitions = transitions
        self.outsideBias = outsideBias
        self.checksum = Self.fnv(Self.body(bucketBits: bucketBits, stored: stored, scale: scale, transitions: transitions, outsideBias: outsideBias))
    }

    public enum LoadError: Error, LocalizedError, Sendable {
        case damaged(String)
        case missingResource

        public var errorDescription: String? {
            switch self {
            case .damaged(let why): "The skill tagger's weights are damaged (\(why)). Reinstall NextYes, or run `swift run nextyes-train`."
            case .missingResource: "The skill tagger's weights were not found next to the program. Reinstall NextYes."
            }
        }
    }

    private static let magic = Array("NYSKTAG1".utf8)

    private static func body(bucketBits: Int, stored: [Int16], scale: Float, transitions: [Float], outsideBias: Float) -> [UInt8] {
        var out = magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        u32(UInt32(bucketBits))
        f32(scale)
        f32(outsideBias)
        for t in transitions { f32(t) }
        out.reserveCapacity(out.count + stored.count * 2 + 8)
        for w in stored { withUnsafeBytes(of: w.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    static func fnv(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        return hash
    }

    /// The file: magic, bucket bits, scale, O bias, 12 transitions, Int16 weights, checksum.
    public func encoded() -> [UInt8] {
        var out = Self.body(bucketBits: bucketBits, stored: stored, scale: scale, transitions: transitions, outsideBias: outsideBias)
        withUnsafeBytes(of: checksum.littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    public init(bytes: [UInt8]) throws {
        guard bytes.count > 8 + 4 * 15, Array(bytes.prefix(8)) == Self.magic else { throw LoadError.damaged("not a tagger file") }
        let body = Array(bytes.dropLast(8))
        var written: UInt64 = 0
        for (i, b) in bytes.suffix(8).enumerated() { written |= UInt64(b) << (8 * UInt64(i)) }
        let checksum = Self.fnv(body)
        guard checksum == written else { throw LoadError.damaged("checksum") }
        func u32(_ at: Int) -> UInt32 { UInt32(body[at]) | UInt32(body[at + 1]) << 8 | UInt32(body[at + 2]) << 16 | UInt32(body[at + 3]) << 24 }
        let bits = Int(u32(8))
        guard bits >= 8, bits <= 24, body.count == 8 + 4 * 15 + (1 << bits) * Self.tagCount * 2 else { throw LoadError.damaged("size") }
        let base = 8 + 4 * 15
        let stored = (0..<((1 << bits) * Self.tagCount)).map { i in
            Int16(bitPattern: UInt16(body[base + 2 * i]) | UInt16(body[base + 2 * i + 1]) << 8)
        }
        self.init(bucketBits: bits, stored: stored, scale: Float(bitPattern: u32(12)),
                  transitions: (0..<12).map { Float(bitPattern: u32(20 + 4 * $0)) }, outsideBias: Float(bitPattern: u32(16)))
        guard self.checksum == checksum else { throw LoadError.damaged("checksum") }
    }

    /// The tagger bundled with NextYes, loaded once.
    public static func bundled() throws -> SkillTagger { try cache.get() }

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        // The lock guards `value`; that is what makes the unchecked conformance safe.
        private let lock = NSLock()
        private var value: SkillTagger?

        func get() throws -> SkillTagger {
            lock.lock()
            defer { lock.unlock() }
            if let value { return value }
            guard let url = Bundle.module.url(forResource: "skills-tagger", withExtension: "model") else { throw LoadError.missingResource }
            let loaded = try SkillTagger(bytes: [UInt8](try Data(contentsOf: url)))
            value = loaded
            return loaded
        }
    }

    // MARK: Decoding

    /// The best tag sequence for one sentence's features (each word's `TaggerText.featureCount`
    /// bucket indices, one after another), with every phrase starting with B.
    public static func viterbi(_ features: [Int32], weights: UnsafeBufferPointer<Float>, transitions: [Float], outsideBias: Float) -> [UInt8] {
        decode(emissions(features, outsideBias: outsideBias) { weights[$0] }, transitions: transitions)
    }

    /// The same, reading the weights as stored (16-bit values and their scale): each value is
    /// scaled as it is read, exactly as the loaded `weights` are, so the tags are the same.
    static func viterbi(_ features: [Int32], stored: UnsafeBufferPointer<Int16>, scale: Float, transitions: [Float], outsideBias: Float) -> [UInt8] {
        decode(emissions(features, outsideBias: outsideBias) { Float(stored[$0]) * scale }, transitions: transitions)
    }

    /// Each word's O, B and I scores: the sums of its features' weights (`weight(bucket * 3 + tag)`).
    @inline(__always)
    private static func emissions(_ features: [Int32], outsideBias: Float, weight: (Int) -> Float) -> [Float] {
        let stride = TaggerText.featureCount
        let n = features.count / stride
        var emissions = [Float](repeating: 0, count: n * 3)
        features.withUnsafeBufferPointer { f in
            for i in 0..<n {
                var e0 = outsideBias, e1: Float = 0, e2: Float = 0
                for k in (i * stride)..<((i + 1) * stride) {
                    let b = Int(f[k]) &* 3
                    e0 += weight(b)
                    e1 += weight(b + 1)
                    e2 += weight(b + 2)
                }
                emissions[i * 3] = e0
                emissions[i * 3 + 1] = e1
                emissions[i * 3 + 2] = e2
            }
        }
        return emissions
    }

    /// Viterbi over each word's three tag scores.
    private static func decode(_ emissions: [Float], transitions: [Float]) -> [UInt8] {
        let n = emissions.count / 3
        guard n > 0 else { return [] }
        var score = [Float](repeating: 0, count: n * 3)
        var back = [UInt8](repeating: 0, count: n * 3)
        for i in 0..<n {
            let e0 = emissions[i * 3], e1 = emissions[i * 3 + 1], e2 = emissions[i * 3 + 2]
            if i == 0 {
                score[0] = e0 + transitions[0]
                score[1] = e1 + transitions[1]
                score[2] = -.infinity
                continue
            }
            let p0 = score[(i - 1) * 3], p1 = score[(i - 1) * 3 + 1], p2 = score[(i - 1) * 3 + 2]
            // To O and to B from any tag; to I only from B or I.
            for tag in 0..<2 {
                let s0 = p0 + transitions[3 + tag], s1 = p1 + transitions[6 + tag], s2 = p2 + transitions[9 + tag]
                var best = s0, arg: UInt8 = 0
                if s1 > best { best = s1; arg = 1 }
                if s2 > best { best = s2; arg = 2 }
                score[i * 3 + tag] = best + (tag == 0 ? e0 : e1)
                back[i * 3 + tag] = arg
            }
            let s1 = p1 + transitions[8], s2 = p2 + transitions[11]
            score[i * 3 + 2] = (s2 > s1 ? s2 : s1) + e2
            back[i * 3 + 2] = s2 > s1 ? 2 : 1
        }
        var tags = [UInt8](repeating: 0, count: n)
        var last: UInt8 = 0
        var best = -Float.infinity
        for tag in 0..<3 where score[(n - 1) * 3 + tag] > best { best = score[(n - 1) * 3 + tag]; last = UInt8(tag) }
        tags[n - 1] = last
        var i = n - 1
        while i > 0 {
            tags[i - 1] = back[i * 3 + Int(tags[i])]
            i -= 1
        }
        return tags
    }

    /// The phrases (token index ranges) a tag sequence marks.
    public static func phrases(_ tags: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = -1
        for (i, tag) in tags.enumerated() {
            if tag == begin || (tag == inside && start < 0) {
                if start >= 0 { out.append(start..<i) }
                start = i
            } else if tag == outside, start >= 0 {
                out.append(start..<i)
                start = -1
            }
        }
        if start >= 0 { out.append(start..<tags.count) }
        return out
    }

    /// The tags for one sentence.
    public func tag(_ features: [Int32]) -> [UInt8] {
        stored.withUnsafeBufferPointer { Self.viterbi(features, stored: $0, scale: scale, transitions: transitions, outsideBias: outsideBias) }
    }
}

/// The tagger's view of a text: words (byte ranges), sentences, and per word the hashed features.
public struct TaggerText: Sendable {
    public struct Word: Sendable {
        public var start: Int
        public var end: Int
        /// The first word of a sentence or a line.
        public var opensSentence: Bool
        /// What the taxonomy found here: 0 nothing, else 1 + 3 × (gazetteer only) + verdict
        /// (0 certain, 1 rules accept, 2 rules turn down); and the place in the match (0 alone,
        /// 1 first, 2 inside, 3 last).
        public var match: UInt8 = 0
        public var place: UInt8 = 0
    }

    public var words: [Word] = []
    /// Sentences as word index ranges.
    public var sentences: [Range<Int>] = []

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
    @inline(__always) static func opensPeel(_ b: UInt8) -> Bool { b == 40 || b == 34 || b == 39 || b == 91 || b == 123 || b == 60 }
    @inline(__always) static func closesPeel(_ b: UInt8) -> Bool {
        b == 46 || b == 44 || b == 59 || b == 58 || b == 33 || b == 63 || b == 41 || b == 34 || b == 39 || b == 93 || b == 125 || b == 62
    }

    /// Words are runs between spaces, with brackets, quotes and closing punctuation split off;
    /// a line break or a closing '.', '!' or '?' ends a sentence.
    public init(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        var i = 0
        var newSentence = true
        var sentenceStart = 0
        func close() {
            if words.count > sentenceStart { sentences.append(sentenceStart..<words.count) }
            sentenceStart = words.count
            newSentence = true
        }
        func add(_ s: Int, _ e: Int) {
            words.append(Word(start: s, end: e, opensSentence: newSentence))
            newSentence = false
            // Long runs without a full stop are cut, so a sentence stays a sentence.
            if words.count - sentenceStart >= 120 { close() }
        }
        while i < n {
            let c = b[i]
            if Self.isSpace(c) {
                if c == 10 { close() }
                i += 1
                continue
            }
            var e = i
            while e < n, !Self.isSpace(b[e]) { e += 1 }
            var s = i
            i = e
            while s < e, Self.opensPeel(b[s]), e - s > 1 { add(s, s + 1); s += 1 }
            var trailing = e
            while trailing > s + 1, Self.closesPeel(b[trailing - 1]) { trailing -= 1 }
            add(s, trailing)
            var k = trailing
            while k < e {
                add(k, k + 1)
                let p = b[k]
                if p == 46 || p == 33 || p == 63 { close() }
                k += 1
            }
            if trailing == e, e - s == 1, b[s] == 46 || b[s] == 33 || b[s] == 63 { close() }
        }
        close()
    }

    /// Marks the words the taxonomy's matches cover (byte ranges and codes, in text order).
    public mutating func mark(_ matches: [(start: Int, end: Int, code: UInt8)]) {
        var w = 0
        for m in matches {
            while w < words.count, words[w].end <= m.start { w += 1 }
            var k = w
            var first = -1, last = -1
            while k < words.count, words[k].start < m.end {
                if first < 0 { first = k }
                last = k
                k += 1
            }
            guard first >= 0 else { continue }
            for j in first...last {
                words[j].match = m.code
                words[j].place = first == last ? 0 : j == first ? 1 : j == last ? 3 : 2
            }
        }
    }

    // MARK: Features

    /// The cue words' hashes, open-addressed (a `Set` hashes each word a second time).
    private static let cueTable: [UInt64] = {
        let hashes = Ambiguity.cueWords.map { word in Array(word.utf8).withUnsafeBufferPointer { lowerHash($0, 0, $0.count) } }
        var size = 16
        while size < hashes.count * 4 { size *= 2 }
        var table = [UInt64](repeating: 0, count: size)
        for h in hashes {
            var slot = Int(truncatingIfNeeded: h >> 7) & (size - 1)
            while table[slot] != 0, table[slot] != h { slot = (slot + 1) & (size - 1) }
            table[slot] = h
        }
        return table
    }()

    @inline(__always) static func isCue(_ hash: UInt64) -> Bool {
        cueTable.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: hash >> 7) & mask
            while table[slot] != 0 {
                if table[slot] == hash { return true }
                slot = (slot + 1) & mask
            }
            return false
        }
    }

    @inline(__always) static func lowerHash(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var k = s
        while k < e {
            h = (h ^ UInt64(Tokenizer.lower(b[k]))) &* 0x100000001b3
            k += 1
        }
        return h
    }

    @inline(__always) static func shapeHash(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt64 {
        var h: UInt64 = 0x84222325cbf29ce4
        var previous: UInt8 = 0, length = 0
        var k = s
        while k < e, length < 6 {
            let c = b[k]
            let m: UInt8 = c >= 65 && c <= 90 ? 88 : c >= 97 && c <= 122 ? 120 : c >= 48 && c <= 57 ? 100 : c >= 128 ? 120 : c
            if m != previous {
                h = (h ^ UInt64(m)) &* 0x100000001b3
                previous = m
                length += 1
            }
            k += 1
        }
        return h
    }

    @inline(__always) static func mix(_ template: UInt64, _ value: UInt64) -> UInt64 {
        var x = value &+ template &* 0x9E3779B97F4A7C15
        x = (x ^ (x >> 31)) &* 0xBF58476D1CE4E5B9
        x = (x ^ (x >> 29)) &* 0x94D049BB133111EB
        return x ^ (x >> 32)
    }

    /// How many features each word has.
    public static let featureCount = 25

    /// Each word's feature buckets for the words `range` (one sentence or part of one), one word's
    /// `featureCount` after another.
    /// `context` is the sentence around `range` (the whole of it by default): the words the
    /// features look at, so a part of a sentence gets the features the whole would give it.
    public func features(_ range: Range<Int>, within context: Range<Int>? = nil, text b: UnsafeBufferPointer<UInt8>, bucketBits: Int) -> [Int32] {
        let mask = UInt64((1 << bucketBits) - 1)
        guard !range.isEmpty else { return [] }
        let context = context ?? range
        // The words within reach of the features: five either side.
        let reach = max(context.lowerBound, range.lowerBound - 5)..<min(context.upperBound, range.upperBound + 5)
        let n = reach.count
        var word = [UInt64](repeating: 0, count: n), shape = [UInt64](repeating: 0, count: n)
        var cue = [Bool](repeating: false, count: n)
        for (j, i) in reach.enumerated() {
            word[j] = Self.lowerHash(b, words[i].start, words[i].end)
            shape[j] = Self.shapeHash(b, words[i].start, words[i].end)
            cue[j] = Self.isCue(word[j])
        }
        // Written in place: appending checks the array's storage on every one of the 25 features.
        var f = [Int32](repeating: 0, count: range.count * Self.featureCount)
        let none: UInt64 = 0x5bd1e995
        f.withUnsafeMutableBufferPointer { out in
        var o = 0
        for i in range {
            let j = i - reach.lowerBound
            let w = words[i]
            @inline(__always) func add(_ template: UInt64, _ value: UInt64) {
                out[o] = Int32(truncatingIfNeeded: Self.mix(template, value) & mask)
                o += 1
            }
            let wm2 = j >= 2 ? word[j - 2] : none, wm1 = j >= 1 ? word[j - 1] : none
            let wp1 = j + 1 < n ? word[j + 1] : none, wp2 = j + 2 < n ? word[j + 2] : none
            let sm1 = j >= 1 ? shape[j - 1] : none, sp1 = j + 1 < n ? shape[j + 1] : none
            let m0 = UInt64(w.match), mm1 = j >= 1 ? UInt64(words[i - 1].match) : 7, mp1 = j + 1 < n ? UInt64(words[i + 1].match) : 7
            let first: UInt64 = w.opensSentence ? 1 : 0
            var nearCue = false
            for k in max(0, j - 5)..<min(n, j + 6) where k != j && cue[k] { nearCue = true; break }
            add(1, 0)
            add(2, word[j])
            add(3, wm1)
            add(4, wp1)
            add(5, wm2)
            add(6, wp2)
            add(7, wm1 &* 31 ^ word[j])
            add(8, word[j] &* 31 ^ wp1)
            add(9, shape[j])
            add(10, sm1 &* 31 ^ shape[j])
            add(11, shape[j] &* 31 ^ sp1)
            let length = w.end - w.start
            add(12, length >= 3 ? Self.lowerHash(b, w.start, w.start + 3) : none)
            add(13, length >= 3 ? Self.lowerHash(b, w.end - 3, w.end) : none)
            add(14, Self.lowerHash(b, w.end - min(2, length), w.end))
            add(15, m0 << 4 | UInt64(w.place))
            add(16, mm1 << 8 | m0)
            add(17, m0 << 8 | mp1)
            add(18, m0 << 32 ^ shape[j])
            add(19, first << 32 ^ shape[j])
            add(20, (nearCue ? 1 : 0) << 8 | m0)
            add(21, first << 40 ^ word[j])
            add(22, UInt64(min(length, 12)) << 8 | m0)
            // Lists of names: the nearest other match within three words either side.
            var left = j, right = j
            if w.match != 0 {
                while left > 0, words[reach.lowerBound + left].place >= 2 { left -= 1 }
                while right + 1 < n, words[reach.lowerBound + right].place == 1 || words[reach.lowerBound + right].place == 2 { right += 1 }
            }
            var nearLeft: UInt64 = 0, nearRight: UInt64 = 0
            for k in stride(from: left - 1, through: max(0, left - 3), by: -1) where words[reach.lowerBound + k].match != 0 {
                nearLeft = UInt64(words[reach.lowerBound + k].match); break
            }
            for k in (right + 1)..<min(n, right + 4) where words[reach.lowerBound + k].match != 0 {
                nearRight = UInt64(words[reach.lowerBound + k].match); break
            }
            add(23, m0 << 16 | nearLeft << 8 | nearRight)
            add(24, (m0 == 0 ? 0 : 1) << 60 ^ wm1)
            add(25, (m0 == 0 ? 0 : 1) << 60 ^ wp1)
        }
        precondition(o == out.count, "each word has featureCount features")
        }
        return f
    }
}
