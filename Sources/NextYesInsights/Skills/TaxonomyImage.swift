import Foundation

/// The skills taxonomy compiled ahead of time: the concepts, the surface forms and the phrase
/// automaton, laid out as flat arrays in one binary file. Loading it copies arrays and rebuilds
/// two hash tables; nothing is parsed, so a one-line `skills extract` starts about as fast as the
/// program itself. `nextyes-train --taxonomy` writes it from `taxonomy.tsv`, reproducibly, and
/// `nextyes-train --check` compares the result with the shipped file byte for byte.
///
/// Layout: "NYTX", format version (UInt32), FNV-1a checksum of the rest (UInt64), then sections
/// of little-endian counts and values.
enum TaxonomyImage {
    static let magic: [UInt8] = Array("NYTX".utf8)
    static let version: UInt32 = 2

    enum ImageError: Error, LocalizedError {
        case damaged(String)

        var errorDescription: String? {
            switch self {
            case .damaged(let why):
                "The compiled skills taxonomy that ships with NextYes is damaged (\(why)). Reinstall NextYes, or rebuild it with: swift run nextyes-train --taxonomy"
            }
        }
    }

    static func encode(_ taxonomy: SkillTaxonomy) -> [UInt8] {
        var body = Writer()
        taxonomy.write(to: &body)
        var out = magic
        var header = Writer()
        header.u32(version)
        header.u64(body.bytes.withUnsafeBytes { checksum($0) })
        out += header.bytes
        out += body.bytes
        return out
    }

    static func decode(_ bytes: [UInt8]) throws -> SkillTaxonomy {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    /// Reads straight from the bytes (a memory-mapped file), copying each array once.
    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> SkillTaxonomy {
        guard bytes.count > 16, Array(bytes[0..<4]) == magic else { throw ImageError.damaged("not a taxonomy image") }
        var header = Reader(UnsafeRawBufferPointer(rebasing: bytes[4..<16]))
        guard try header.u32() == version else { throw ImageError.damaged("made by another version") }
        let sum = try header.u64()
        let body = UnsafeRawBufferPointer(rebasing: bytes[16...])
        guard checksum(body) == sum else { throw ImageError.damaged("checksum mismatch") }
        var reader = Reader(body)
        let taxonomy = try SkillTaxonomy(reading: &reader, fingerprint: sum)
        guard reader.isAtEnd else { throw ImageError.damaged("trailing bytes") }
        return taxonomy
    }

    /// The checksum an image's header declares (what `decode` checks the body against).
    static func fingerprint(header bytes: [UInt8]) throws -> UInt64 {
        guard bytes.count >= 16, Array(bytes[0..<4]) == magic else { throw ImageError.damaged("not a taxonomy image") }
        return try bytes.withUnsafeBytes { raw in
            var header = Reader(UnsafeRawBufferPointer(rebasing: raw[4..<16]))
            guard try header.u32() == version else { throw ImageError.damaged("made by another version") }
            return try header.u64()
        }
    }

    /// FNV-1a over 64-bit little-endian words (then the tail bytes): eight times fewer steps than
    /// byte-wise FNV on a file of megabytes.
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let words = raw.count / 8
        for i in 0..<words {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) &* 0x0000_0100_0000_01b3
        }
        for i in (words * 8)..<raw.count {
            hash = (hash ^ UInt64(raw[i])) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }

        mutating func array<T: FixedWidthInteger>(_ values: [T]) {
            u64(UInt64(values.count))
            for v in values { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        }
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        var isAtEnd: Bool { offset == bytes.count }

        mutating func u32() throws -> UInt32 { try scalar() }
        mutating func u64() throws -> UInt64 { try scalar() }

        mutating func scalar<T: FixedWidthInteger>() throws -> T {
            let size = MemoryLayout<T>.size
            guard offset + size <= bytes.count else { throw ImageError.damaged("truncated") }
            let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
            offset += size
            return T(littleEndian: value)
        }

        /// A counted array, copied in one go (the machines NextYes runs on are little-endian).
        mutating func array<T: FixedWidthInteger>(_: T.Type = T.self) throws -> [T] {
            let count = Int(try u64())
            let size = MemoryLayout<T>.size
            guard count >= 0, count <= (bytes.count - offset) / max(size, 1) else { throw ImageError.damaged("truncated array") }
            let start = offset
            let out = [T](unsafeUninitializedCapacity: count) { buffer, initialised in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count * size)]))
                initialised = count
            }
            offset += count * size
            #if _endian(little)
            return out
            #else
            return out.map { T(littleEndian: $0) }
            #endif
        }
    }
}

/// Many short lists in two flat arrays: list `i` is `items[offsets[i]..<offsets[i + 1]]`.
struct FlatLists: Sendable {
    var offsets: [Int32] = [0]
    var items: [Int32] = []

    var count: Int { offsets.count - 1 }

    subscript(_ i: Int) -> ArraySlice<Int32> {
        items[Int(offsets[i])..<Int(offsets[i + 1])]
    }

    mutating func append(_ list: some Sequence<Int32>) {
        items.append(contentsOf: list)
        offsets.append(Int32(items.count))
    }

    init() {}

    init(_ lists: [[Int32]]) {
        for list in lists { append(list) }
    }

    func write(to w: inout TaxonomyImage.Writer) {
        w.array(offsets)
        w.array(items)
    }

    init(reading r: inout TaxonomyImage.Reader) throws {
        offsets = try r.array()
        items = try r.array()
        guard offsets.first == 0, offsets.last.map({ Int($0) == items.count }) == true else {
            throw TaxonomyImage.ImageError.damaged("list offsets")
        }
    }
}

/// Many strings in one UTF-8 buffer, decoded only when asked for.
struct StringTable: Sendable {
    var offsets: [Int32] = [0]
    var bytes: [UInt8] = []

    var count: Int { offsets.count - 1 }

    subscript(_ i: Int) -> String {
        String(decoding: bytes[Int(offsets[i])..<Int(offsets[i + 1])], as: UTF8.self)
    }

    mutating func append(_ string: String) {
        bytes.append(contentsOf: string.utf8)
        offsets.append(Int32(bytes.count))
    }

    init() {}

    func write(to w: inout TaxonomyImage.Writer) {
        w.array(offsets)
        w.array(bytes)
    }

    init(reading r: inout TaxonomyImage.Reader) throws {
        offsets = try r.array()
        bytes = try r.array()
        guard offsets.first == 0, offsets.last.map({ Int($0) == bytes.count }) == true else {
            throw TaxonomyImage.ImageError.damaged("string offsets")
        }
    }
}
