import Foundation

/// One record of a CSV file and the line it starts on (a quoted value may span several lines).
public struct CSVRecord: Sendable {
    public var fields: [String]
    public var line: Int
}

public enum CSVReadError: Error, Hashable, Sendable, LocalizedError {
    case cannotOpen(String)
    case unclosedQuote(line: Int)
    case notUTF8(line: Int)
    case empty
    case tooManyColumns(line: Int, limit: Int)
    case recordTooLong(line: Int, limit: Int)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path): "There's no readable file at \(path)."
        case .unclosedQuote(let line):
            "Line \(line): a value starts with a quote (\") that is never closed, so the rest of the file reads as one value. Close the quote, or remove it, and try again."
        case .notUTF8(let line):
            "Line \(line) isn't UTF-8 text. Save the spreadsheet as \"CSV UTF-8\" and try again."
        case .empty: "The file is empty. Export your tracker again, or check you chose the right file."
        case .tooManyColumns(let line, let limit):
            "Line \(line) has more than \(limit) columns, which no tracker export has. Check that this is the CSV file you meant, saved from your spreadsheet as CSV. Nothing was imported."
        case .recordTooLong(let line, let limit):
            "Line \(line) is longer than \(limit / 1_000_000) MB, which no tracker export is. Check that this is the CSV file you meant. Nothing was imported."
        }
    }
}

/// Reads CSV (RFC 4180, comma, semicolon or tab separated) a block at a time, so a file of any
/// size is read in bounded memory. A UTF-8 byte-order mark is skipped; CRLF and LF both end a line.
/// One reader is used by one task at a time, start to finish; that is why the unchecked Sendable
/// conformance is safe.
public final class CSVRecordReader: @unchecked Sendable {
    /// Limits that refuse a hostile or mistaken file at once, before any work on its contents.
    public static let maxColumns = 500
    public static let maxRecordBytes = 4_000_000

    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private var line = 1
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    /// Bytes read so far, for a progress bar.
    public private(set) var bytesRead = 0

    public init(url: URL) throws {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw CSVReadError.cannotOpen(url.path) }
        self.handle = handle
        try fill(minimum: 4096)
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        delimiter = Self.guessDelimiter(buffer[position...])
    }

    /// For text already in memory (tests, pasted text).
    public init(text: String) {
        handle = nil
        buffer = Array(text.utf8)
        finished = true
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        delimiter = Self.guessDelimiter(buffer[position...])
    }

    deinit { try? handle?.close() }

    /// The separator the header line uses most, outside quotes.
    static func guessDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted && (byte == 10 || byte == 13) { break }
            else if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let comma = counts[UInt8(ascii: ",")]!
        if let best = counts.max(by: { $0.value < $1.value }), best.value > comma { return best.key }
        return UInt8(ascii: ",")
    }

    private func fill(minimum: Int) throws {
        guard !finished, let handle else { return }
        if position > 0 && position >= buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
        while buffer.count - position < minimum {
            let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            if chunk.isEmpty {
                finished = true
                return
            }
            bytesRead += chunk.count
            buffer.append(contentsOf: chunk)
        }
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public func next() throws -> CSVRecord? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var startLine = line
        var sawAnything = false
        let quote = UInt8(ascii: "\"")
        var recordBytes = 0
        func finishField() throws {
            guard let text = String(validating: field, as: UTF8.self) else { throw CSVReadError.notUTF8(line: startLine) }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            if fields.count > Self.maxColumns { throw CSVReadError.tooManyColumns(line: startLine, limit: Self.maxColumns) }
        }
        while true {
            if position >= buffer.count {
                try fill(minimum: 1)
                if position >= buffer.count {
                    if quoted { throw CSVReadError.unclosedQuote(line: startLine) }
                    if !sawAnything { return nil }
                    try finishField()
                    return CSVRecord(fields: fields, line: startLine)
                }
            }
            let byte = buffer[position]
            position += 1
            recordBytes += 1
            if recordBytes > Self.maxRecordBytes { throw CSVReadError.recordTooLong(line: startLine, limit: Self.maxRecordBytes) }
            // NUL bytes are dropped, as the forms drop them.
            if byte == 0 { continue }
            if quoted {
                if byte == quote {
                    if position >= buffer.count { try fill(minimum: 1) }
                    if position < buffer.count && buffer[position] == quote {
                        field.append(quote)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 10 { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty:
                quoted = true
                sawAnything = true
            case delimiter:
                sawAnything = true
                try finishField()
            case 13:
                continue
            case 10:
                line += 1
                if !sawAnything && field.isEmpty && fields.isEmpty {
                    startLine = line
                    continue
                }
                try finishField()
                return CSVRecord(fields: fields, line: startLine)
            default:
                sawAnything = true
                field.append(byte)
            }
        }
    }
}
