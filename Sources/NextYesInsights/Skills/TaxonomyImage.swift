import Foundation

/// The skills taxonomy compiled ahead of time: the concepts, the surface forms and the phrase
/// automaton, laid out as flat arrays in one binary file. Loading it maps the file, checks its
/// checksum and reads the arrays where they lie (nothing is copied or parsed; one small hash
/// table is rebuilt), so a one-line `skills extract` starts about as fast as the program itself.
/// `nextyes-train --taxonomy` writes it from `taxonomy.tsv`, reproducibly, and
/// `nextyes-train --check` compares the result with the shipped file byte for byte.
///
/// Layout: "NYTX", format version (UInt32), checksum of the rest (UInt64), then sections of
/// little-endian values; each array is its count (UInt64) and its values, padded with zeros to a
/// multiple of 8 bytes, so every array starts 8-byte aligned and can be read in place.
enum TaxonomyImage {
    static let magic: [UInt8] = Array("NYTX".utf8)
    static let version: UInt32 = 3

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

    /// An image held in memory (tests, tools): copied once into memory of its own, aligned, and
    /// read from there.
    static func decode(_ bytes: [UInt8]) throws -> SkillTaxonomy {
        try decode(bytes.withUnsafeBytes { Region(copying: $0) })
    }

    /// Reads the image in place: the taxonomy's arrays are views into `region`, which they keep.
    static func decode(_ region: Region) throws -> SkillTaxonomy {
        let bytes = region.bytes
        let sum = try fingerprint(header: Array(bytes.prefix(16)))
        let body = UnsafeRawBufferPointer(rebasing: bytes[16...])
        guard checksum(body) == sum else { throw ImageError.damaged("checksum mismatch") }
        var reader = Reader(body, owner: region)
        let taxonomy = try SkillTaxonomy(reading: &reader, fingerprint: sum)
        guard reader.isAtEnd else { throw ImageError.damaged("trailing bytes") }
        return taxonomy
    }

    /// The checksum an image's header declares (what `decode` checks the body against).
    static func fingerprint(header bytes: [UInt8]) throws -> UInt64 {
        guard bytes.count >= 16, Array(bytes[0..<4]) == magic else { throw ImageError.damaged("not a taxonomy image") }
        let format = bytes[4..<8].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard format == version else { throw ImageError.damaged("made by another version") }
        return bytes[8..<16].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// FNV-1a over 64-bit little-endian words in four interleaved lanes (then the tail bytes),
    /// folded together at the end: the lanes don't wait on each other, so megabytes are summed in
    /// a fraction of a millisecond.
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var l0: UInt64 = 0xcbf2_9ce4_8422_2325, l1: UInt64 = 0x8422_2325_cbf2_9ce4
        var l2: UInt64 = 0x9ce4_8422_2325_cbf2, l3: UInt64 = 0x2325_cbf2_9ce4_8422
        let words = raw.count / 8
        let rounds = words / 4
        for r in 0..<rounds {
            let at = r * 32
            l0 = (l0 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))) &* prime
            l1 = (l1 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))) &* prime
            l2 = (l2 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))) &* prime
            l3 = (l3 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))) &* prime
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for lane in [l0, l1, l2, l3] { hash = (hash ^ lane) &* prime }
        for i in (rounds * 4)..<words {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) &* prime
        }
        for i in (words * 8)..<raw.count {
            hash = (hash ^ UInt64(raw[i])) &* prime
        }
        return hash
    }

    /// Bytes an image is read from, kept alive by every array that views them: a read-only map of
    /// the file, or memory of its own (aligned either way).
    final class Region: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        private let release: @Sendable () -> Void

        init(copying source: UnsafeRawBufferPointer) {
            let memory = UnsafeMutableRawPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
            if let from = source.baseAddress { memory.copyMemory(from: from, byteCount: source.count) }
            bytes = UnsafeRawBufferPointer(start: memory, count: source.count)
            let address = Int(bitPattern: memory)
            release = { UnsafeMutableRawPointer(bitPattern: address)?.deallocate() }
        }

        /// The file mapped read-only, its pages brought in at once (the checksum reads them all).
        /// Nil if it can't be mapped; the caller reads the file instead.
        init?(mapping path: String) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
            let size = Int(info.st_size)
            #if os(Linux)
            let flags = MAP_PRIVATE | MAP_POPULATE
            #else
            let flags = MAP_PRIVATE
            #endif
            guard let start = mmap(nil, size, PROT_READ, flags, fd, 0), start != MAP_FAILED else { return nil }
            bytes = UnsafeRawBufferPointer(start: start, count: size)
            let address = Int(bitPattern: start)
            release = { _ = munmap(UnsafeMutableRawPointer(bitPattern: address), size) }
        }

        deinit { release() }
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }

        /// The count, the values, then zeros up to a multiple of 8 bytes. The header before the
        /// body is 16 bytes, so every array in the file starts 8-byte aligned.
        mutating func array<T: FixedWidthInteger>(_ values: some Collection<T>) {
            u64(UInt64(values.count))
            for v in values { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
            while bytes.count % 8 != 0 { bytes.append(0) }
        }
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        let owner: Region
        var offset = 0

        init(_ bytes: UnsafeRawBufferPointer, owner: Region) {
            self.bytes = bytes
            self.owner = owner
        }

        var isAtEnd: Bool { offset == bytes.count }

        mutating func u64() throws -> UInt64 { try scalar() }

        mutating func scalar<T: FixedWidthInteger>() throws -> T {
            let size = MemoryLayout<T>.size
            guard offset + size <= bytes.count else { throw ImageError.damaged("truncated") }
            let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
            offset += size
            return T(littleEndian: value)
        }

        /// A counted array, read where it lies (the machines NextYes runs on are little-endian).
        mutating func array<T: FixedWidthInteger>(_: T.Type = T.self) throws -> Flat<T> {
            let count = Int(try u64())
            let size = MemoryLayout<T>.size
            guard count >= 0, count <= (bytes.count - offset) / max(size, 1) else { throw ImageError.damaged("truncated array") }
            guard let base = bytes.baseAddress, Int(bitPattern: base + offset) % MemoryLayout<T>.alignment == 0 else {
                throw ImageError.damaged("misaligned array")
            }
            #if !_endian(little)
            throw ImageError.damaged("a little-endian image on a big-endian machine")
            #endif
            let values = Flat<T>(viewing: (base + offset).assumingMemoryBound(to: T.self), count: count, owner: owner)
            offset += count * size
            let padding = (8 - offset % 8) % 8
            guard offset + padding <= bytes.count, bytes[offset..<(offset + padding)].allSatisfy({ $0 == 0 }) else {
                throw ImageError.damaged("array padding")
            }
            offset += padding
            return values
        }
    }
}

/// Fixed-width values in a row: read in place from a taxonomy image (kept alive through its
/// region), or in memory of their own when built from the source. Every read is bounds-checked,
/// so no index, however it was made, reaches outside them.
struct Flat<T: FixedWidthInteger>: RandomAccessCollection, @unchecked Sendable {
    private let base: UnsafePointer<T>?
    let count: Int
    private let owner: AnyObject?

    init(viewing base: UnsafePointer<T>, count: Int, owner: AnyObject) {
        self.base = base
        self.count = count
        self.owner = owner
    }

    init(_ values: [T]) {
        let region = values.withUnsafeBytes { TaxonomyImage.Region(copying: $0) }
        base = region.bytes.baseAddress?.assumingMemoryBound(to: T.self)
        count = values.count
        owner = region
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(_ i: Int) -> T {
        precondition(i >= 0 && i < count, "taxonomy index out of range")
        return base.unsafelyUnwrapped[i]
    }

    /// The values in `range`, as one buffer (after the range is checked).
    func buffer(_ range: Range<Int>) -> UnsafeBufferPointer<T> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "taxonomy range out of bounds")
        return UnsafeBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count)
    }
}

/// Many short lists in two flat arrays: list `i` is `items[offsets[i]..<offsets[i + 1]]`.
struct FlatLists: Sendable {
    let offsets: Flat<Int32>
    let items: Flat<Int32>

    var count: Int { offsets.count - 1 }

    subscript(_ i: Int) -> UnsafeBufferPointer<Int32> {
        items.buffer(Int(offsets[i])..<Int(offsets[i + 1]))
    }

    init(_ lists: [[Int32]]) {
        var offsets: [Int32] = [0], items: [Int32] = []
        for list in lists {
            items.append(contentsOf: list)
            offsets.append(Int32(items.count))
        }
        self.offsets = Flat(offsets)
        self.items = Flat(items)
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
    let offsets: Flat<Int32>
    let bytes: Flat<UInt8>

    var count: Int { offsets.count - 1 }

    subscript(_ i: Int) -> String {
        String(decoding: bytes.buffer(Int(offsets[i])..<Int(offsets[i + 1])), as: UTF8.self)
    }

    init(_ strings: [String]) {
        var offsets: [Int32] = [0], bytes: [UInt8] = []
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            offsets.append(Int32(bytes.count))
        }
        self.offsets = Flat(offsets)
        self.bytes = Flat(bytes)
    }

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
