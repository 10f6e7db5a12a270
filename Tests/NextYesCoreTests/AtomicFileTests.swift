import Foundation
import Testing
@testable import NextYesCore

@Suite("Atomic files and CSV limits")
struct AtomicFileTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nextyes-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesAnExistingFileWholeAndOwnerOnly() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("backup.json").path
        try Data("OLD".utf8).write(to: URL(fileURLWithPath: target))
        try AtomicFile.write(Data("NEW CONTENT".utf8), to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "NEW CONTENT")
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["backup.json"])
    }

    @Test func refusesAFolderAndLeavesItAlone() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inner = dir.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: inner.appendingPathComponent("keep.txt"))
        #expect(throws: AtomicFile.Failure.isFolder(inner.path)) { try AtomicFile.write(Data("x".utf8), to: inner.path) }
        #expect(try String(contentsOf: inner.appendingPathComponent("keep.txt"), encoding: .utf8) == "keep me")
        #expect(throws: AtomicFile.Failure.noFolder(dir.appendingPathComponent("missing").path)) {
            try AtomicFile.write(Data("x".utf8), to: dir.appendingPathComponent("missing/file.json").path)
        }
    }

    @Test func neverWritesOverADatabase() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = dir.appendingPathComponent("nextyes.sqlite")
        let bytes = Data("SQLite format 3\u{0}".utf8) + Data(repeating: 7, count: 100)
        try bytes.write(to: database)
        #expect(throws: AtomicFile.Failure.isDatabase(database.path)) { try AtomicFile.write(Data("{}".utf8), to: database.path) }
        #expect(try Data(contentsOf: database) == bytes)
    }

    @Test func refusesAHugeHeaderLineAtOnce() throws {
        let wide = String(repeating: "a,", count: 100_000) + "b\n"
        #expect(throws: CSVReadError.tooManyColumns(line: 1, limit: CSVRecordReader.maxColumns)) {
            _ = try CSVRecordReader(text: wide).next()
        }
        let long = "\"" + String(repeating: "x", count: CSVRecordReader.maxRecordBytes + 10) + "\"\n"
        #expect(throws: CSVReadError.recordTooLong(line: 1, limit: CSVRecordReader.maxRecordBytes)) {
            _ = try CSVRecordReader(text: long).next()
        }
    }

    @Test func dropsNulBytes() throws {
        let record = try #require(try CSVRecordReader(text: "Ac\u{0}me,Ana\u{0}lyst\n").next())
        #expect(record.fields == ["Acme", "Analyst"])
    }
}
