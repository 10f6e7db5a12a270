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
