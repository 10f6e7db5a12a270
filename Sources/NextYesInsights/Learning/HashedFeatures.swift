/// Turns text into sparse, hashed features for the on-device linear models: word unigrams and
/// bigrams, character n-grams inside words (so "suicidal", "suicidel" and "Suizid" share
/// evidence), and negation scope (words after "not" until the clause ends are marked), all
/// hashed into a fixed number of buckets. Pure Swift, no allocation per feature beyond the
/// result, deterministic across runs and machines.
public struct HashedFeatures: Sendable {
    public let bucketBits: Int
    public var buckets: Int { 1 << bucketBits }

    public init(bucketBits: Int = 18) {
        self.bucketBits = bucketBits
    }

    /// The bucket indexes of one text's features; a bucket may repeat (counts matter).
    public func indexes(_ tokens: [String]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(tokens.count * 10)
        let mask = UInt64(buckets - 1)
        // FNV-1a over a kind byte, then each part's UTF-8 bytes followed by 0x1f.
        @inline(__always) func start(_ kind: UInt8) -> UInt64 { (Self.offset ^ UInt64(kind)) &* Self.prime }
        @inline(__always) func mix(_ hash: inout UInt64, _ part: String) {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* Self.prime }
        }
        @inline(__always) func endPart(_ hash: inout UInt64) { hash = (hash ^ 0x1f) &* Self.prime }
        var negated = false
        var previous = "<s>"
        // The token between "<" and ">", as bytes, and where each of its characters starts.
        var padded: [UInt8] = []
        var starts: [Int] = []
        for token in tokens {
            if Self.clauseEnds.contains(token) {
                negated = false
                previous = "<s>"
                continue
            }
            var hash = start(1)
            if negated { mix(&hash, "NOT_") }
            mix(&hash, token)
            endPart(&hash)
            result.append(Int(hash & mask))
            hash = start(2)
            mix(&hash, previous)
            endPart(&hash)
            mix(&hash, token)
            endPart(&hash)
            result.append(Int(hash & mask))
            // Character 3-, 4- and 5-grams of "<token>". Beyond ASCII, the characters are those
            // of the whole "<token>" (a leading combining mark joins the "<").
            if token.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                padded.removeAll(keepingCapacity: true)
                starts.removeAll(keepingCapacity: true)
                padded.append(UInt8(ascii: "<"))
                padded.append(contentsOf: token.utf8)
                padded.append(UInt8(ascii: ">"))
                starts.append(contentsOf: 0..<padded.count)
            } else {
                let whole = "<" + token + ">"
                padded = Array(whole.utf8)
                starts = Self.characterStarts(whole)
                starts.removeLast()
            }
            let count = starts.count
            starts.append(padded.count)
            if count > 3 {
                for n in 3...5 where count >= n {
                    for first in 0...(count - n) {
                        var hash = start(3)
                        for k in starts[first]..<starts[first + n] { hash = (hash ^ UInt64(padded[k])) &* Self.prime }
                        endPart(&hash)
                        result.append(Int(hash & mask))
                    }
                }
            }
            if Self.negators.contains(token) { negated = true }
            previous = token
        }
        var hash = start(4)
        mix(&hash, previous)
        endPart(&hash)
        mix(&hash, "</s>")
        endPart(&hash)
        result.append(Int(hash & mask))
        return result
    }

    /// Where each character of `text` starts, in UTF-8 bytes, and its length at the end.
    private static func characterStarts(_ text: String) -> [Int] {
        var starts: [Int] = []
        var offset = 0
        for character in text {
            starts.append(offset)
            offset += character.utf8.count
        }
        starts.append(offset)
        return starts
    }

    private static let offset: UInt64 = 0xcbf29ce484222325
    private static let prime: UInt64 = 0x100000001b3

    /// The same features as `indexes`, written the plain way (one string per feature): kept to
    /// check the fast one against (`HashedFeaturesTests`).
    func plainIndexes(_ tokens: [String]) -> [Int] {
        var result: [Int] = []
        let mask = UInt64(buckets - 1)
        func add(_ kind: UInt8, _ parts: String...) {
            var hash: UInt64 = 0xcbf29ce484222325
            hash = (hash ^ UInt64(kind)) &* 0x100000001b3
            for part in parts {
                for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
                hash = (hash ^ 0x1f) &* 0x100000001b3
            }
            result.append(Int(hash & mask))
        }
        var negated = false
        var previous = "<s>"
        for token in tokens {
            if Self.clauseEnds.contains(token) {
                negated = false
                previous = "<s>"
                continue
            }
            let marked = negated ? "NOT_" + token : token
            add(1, marked)
            add(2, previous, token)
            let padded = Array("<" + token + ">")
            if padded.count > 3 {
                for n in 3...5 where padded.count >= n {
                    for start in 0...(padded.count - n) { add(3, String(padded[start..<(start + n)])) }
                }
            }
            if Self.negators.contains(token) { negated = true }
            previous = token
        }
        add(4, previous, "</s>")
        return result
    }

    static let negators: Set<String> = ["not", "never", "no", "nicht", "nie", "kein", "keine", "nunca", "jamas", "pas", "jamais"]
    static let clauseEnds: Set<String> = [",", ";", ":", "-", "but", "aber", "pero", "mais"]
}
