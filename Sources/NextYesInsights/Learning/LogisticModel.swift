import Foundation

/// A binary logistic regression over hashed features: small, fast, explainable (each feature's
/// weight is a number), and trained here, reproducibly, from labelled text.
public struct LogisticModel: Sendable, Equatable {
    public var bucketBits: Int
    public var bias: Float
    /// Non-zero weights only, by bucket (kept only in `table`, laid out for reading).
    public var weights: [Int: Float] {
        get { table.dictionary }
        set { table = WeightTable(newValue, bucketBits: bucketBits) }
    }
    /// The probability at or above which the model says yes, chosen when it was trained.
    public var threshold: Float
    /// The weights, laid out to be read many times per text.
    private var table: WeightTable

    public init(bucketBits: Int, bias: Float = 0, weights: [Int: Float] = [:], threshold: Float = 0.5) {
        self.bucketBits = bucketBits
        self.bias = bias
        self.threshold = threshold
        table = WeightTable(weights, bucketBits: bucketBits)
    }

    public static func == (a: LogisticModel, b: LogisticModel) -> Bool {
        a.bucketBits == b.bucketBits && a.bias == b.bias && a.weights == b.weights && a.threshold == b.threshold
    }

    /// Each text's features are scaled to unit length (1/√n each), so a long entry with many
    /// n-grams is not more certain than a short one just for its length.
    public func probability(_ indexes: [Int]) -> Double {
        guard !indexes.isEmpty else { return 1 / (1 + exp(-Double(bias))) }
        var sum = 0.0
        for index in indexes { sum += Double(table.weight(index)) }
        return 1 / (1 + exp(-(Double(bias) + sum / Double(indexes.count).squareRoot())))
    }

    // MARK: Training

    public struct Options: Sendable {
        public var epochs = 30
        public var learningRate: Float = 0.2
        public var l2: Float = 1e-5
        /// Weight of a positive example's loss; above 1 leans towards recall.
        public var positiveWeight: Float = 1
        public var seed: UInt64 = 20261126
        public init() {}
    }

    /// AdaGrad on the logistic loss, examples shuffled by a seeded generator, so the same data
    /// always gives the same weights, bit for bit.
    public static func train(_ examples: [(indexes: [Int], label: Bool)], bucketBits: Int, options: Options = Options()) -> LogisticModel {
        let size = 1 << bucketBits
        var w = [Float](repeating: 0, count: size)
        var g2 = [Float](repeating: 1e-8, count: size)
        var bias: Float = 0
        var biasG2: Float = 1e-8
        var order = Array(examples.indices)
        var generator = SplitMix64(seed: options.seed)
        for _ in 0..<options.epochs {
            order.shuffle(using: &generator)
            for i in order {
                let (indexes, label) = examples[i]
                guard !indexes.isEmpty else { continue }
                let norm = 1 / Float(indexes.count).squareRoot()
                var sum: Float = 0
                for index in indexes { sum += w[index] }
                let p = 1 / (1 + exp(-(bias + sum * norm)))
                let y: Float = label ? 1 : 0
                let scale: Float = label ? options.positiveWeight : 1
                let gradient = (p - y) * scale
                biasG2 += gradient * gradient
                bias -= options.learningRate * gradient / biasG2.squareRoot()
                for index in indexes {
                    let g = gradient * norm + options.l2 * w[index]
                    g2[index] += g * g
                    w[index] -= options.learningRate * g / g2[index].squareRoot()
                }
            }
        }
        var sparse: [Int: Float] = [:]
        for (index, value) in w.enumerated() where abs(value) > 1e-4 { sparse[index] = value }
        return LogisticModel(bucketBits: bucketBits, bias: bias, weights: sparse)
    }

    // MARK: Storage

    /// Little-endian: "NYLM", format 1, bucket bits, bias, threshold, count, then (bucket, weight) pairs in
    /// bucket order, then an FNV-1a 64 checksum of everything before it.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = Array("NYLM".utf8)
        func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        put32(1)
        put32(UInt32(bucketBits))
        put32(bias.bitPattern)
        put32(threshold.bitPattern)
        put32(UInt32(weights.count))
        for (index, value) in weights.sorted(by: { $0.key < $1.key }) {
            put32(UInt32(index))
            put32(value.bitPattern)
        }
        let checksum = Self.checksum(bytes)
        withUnsafeBytes(of: checksum.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    public enum LoadError: Error, CustomStringConvertible {
        case damaged(String)
        public var description: String {
            switch self { case .damaged(let why): "The model file is damaged (\(why)); reinstall NextYes." }
        }
    }

    /// A model shipped in the package's resources (`<resource>.model`); nil when the file is
    /// missing or damaged, so the reader that asks for it falls back to its rules.
    public static func bundled(_ resource: String) -> LogisticModel? {
        guard let url = Bundle.module.url(forResource: resource, withExtension: "model"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? decode(Array(data))
    }

    public static func decode(_ bytes: [UInt8]) throws -> LogisticModel {
        guard bytes.count >= 32, Array(bytes[0..<4]) == Array("NYLM".utf8) else { throw LoadError.damaged("not a model file") }
        func get32(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        let body = bytes.count - 8
        var stored: UInt64 = 0
        for i in 0..<8 { stored |= UInt64(bytes[body + i]) << (8 * i) }
        guard stored == checksum(Array(bytes[0..<body])) else { throw LoadError.damaged("checksum mismatch") }
        guard get32(4) == 1 else { throw LoadError.damaged("unknown format") }
        let bits = Int(get32(8))
        let bias = Float(bitPattern: get32(12))
        let threshold = Float(bitPattern: get32(16))
        let count = Int(get32(20))
        guard 24 + count * 8 == body else { throw LoadError.damaged("wrong length") }
        var weights: [Int: Float] = [:]
        weights.reserveCapacity(count)
        for i in 0..<count {
            let offset = 24 + i * 8
            weights[Int(get32(offset))] = Float(bitPattern: get32(offset + 4))
        }
        return LogisticModel(bucketBits: bits, bias: bias, weights: weights, threshold: threshold)
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }
}


/// A model's weights by bucket, open-addressed (linear probing, a multiplicative hash of the
/// bucket mapped onto the table's size): a reading looks up every feature of every clause in a
/// dozen models, and this is several times quicker than a `Dictionary`, whose hashing is seeded
/// per process, in less memory (8 bytes a slot, at most 60% full). Filled in bucket order, so
/// the layout is the same on every run. When that would take more memory than one float for
/// every bucket (a model with weights in more than about three buckets of ten), the weights are
/// kept as that plain array instead: less memory and a single read. Either way a weight reads the
/// same.
struct WeightTable: Sendable {
    /// The bucket plus one in the high 32 bits (0: empty), the weight's bits in the low 32.
    private let slots: [UInt64]
    /// Every bucket's weight, when that is the smaller layout (then `slots` is empty).
    private let dense: [Float]

    init(_ weights: [Int: Float], bucketBits: Int) {
        let size = weights.count * 5 / 3 + 8
        let buckets = 1 << bucketBits
        if bucketBits <= 24, weights.count >= 64, buckets * 4 < size * 8, weights.keys.allSatisfy({ $0 >= 0 && $0 < buckets }) {
            var dense = [Float](repeating: 0, count: buckets)
            for (bucket, weight) in weights { dense[bucket] = weight }
            self.dense = dense
            self.slots = []
            return
        }
        var slots = [UInt64](repeating: 0, count: size)
        for (bucket, weight) in weights.sorted(by: { $0.key < $1.key }) {
            var i = Self.slot(bucket, size)
            while slots[i] != 0 { i = i + 1 == size ? 0 : i + 1 }
            slots[i] = UInt64(UInt32(truncatingIfNeeded: bucket) &+ 1) << 32 | UInt64(weight.bitPattern)
        }
        self.slots = slots
        self.dense = []
    }

    /// Whether the weights are kept one per bucket (for tests).
    var isDense: Bool { !dense.isEmpty }

    /// Every weight by bucket.
    var dictionary: [Int: Float] {
        var result: [Int: Float] = [:]
        for (bucket, weight) in dense.enumerated() where weight != 0 { result[bucket] = weight }
        for slot in slots where slot != 0 {
            result[Int(slot >> 32) - 1] = Float(bitPattern: UInt32(truncatingIfNeeded: slot))
        }
        return result
    }

    /// The bucket's home slot: the high half of a 32-bit mix, scaled to the table's size.
    @inline(__always) private static func slot(_ bucket: Int, _ size: Int) -> Int {
        let mixed = (UInt64(UInt32(truncatingIfNeeded: bucket)) &* 0x9E37_79B9_7F4A_7C15) >> 32
        return Int(truncatingIfNeeded: (mixed * UInt64(size)) >> 32)
    }

    @inline(__always) func weight(_ bucket: Int) -> Float {
        if !dense.isEmpty { return bucket >= 0 && bucket < dense.count ? dense[bucket] : 0 }
        let tag = UInt64(UInt32(truncatingIfNeeded: bucket) &+ 1) << 32
        return slots.withUnsafeBufferPointer { slots in
            let size = slots.count
            var i = Self.slot(bucket, size)
            while true {
                let slot = slots[i]
                if slot == 0 { return 0 }
                if slot & 0xFFFF_FFFF_0000_0000 == tag { return Float(bitPattern: UInt32(truncatingIfNeeded: slot)) }
                i = i + 1 == size ? 0 : i + 1
            }
        }
    }
}
