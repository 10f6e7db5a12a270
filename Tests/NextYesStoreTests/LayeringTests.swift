import Foundation
import Testing

/// The layers hold: the adapters (web app, command line) reach the data only through the use
/// cases in NextYesFeatures, and the store is persistence only.
@Suite struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func swiftFiles(in target: String) throws -> [(name: String, text: String)] {
        let folder = sources.appendingPathComponent(target)
        let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var files: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            files.append((url.path.replacingOccurrences(of: sources.path + "/", with: ""), try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    @Test(arguments: ["NextYesWeb", "nextyes"])
    func adaptersUseOnlyTheUseCases(target: String) throws {
        let files = try Self.swiftFiles(in: target)
        #expect(files.count > 10)
        for file in files {
            #expect(!file.text.contains("import NextYesStore"), "\(file.name) imports the store; call NextYesFeatures instead")
            #expect(!file.text.contains("Store(db:"), "\(file.name) builds a Store; use Workspace")
            #expect(!file.text.contains(".query(on:"), "\(file.name) queries the database itself")
        }
    }

    @Test func storeIsPersistenceOnly() throws {
        let files = try Self.swiftFiles(in: "NextYesStore")
        #expect(files.count > 10)
        for file in files {
            #expect(!file.text.contains("import NextYesInsights"), "\(file.name) imports the readers; the store only persists")
            #expect(!file.text.contains("import NextYesFeatures"), "\(file.name) imports the use cases")
        }
    }

    @Test func packageGivesAdaptersNoStore() throws {
        let manifest = try String(contentsOf: Self.sources.deletingLastPathComponent().appendingPathComponent("Package.swift"), encoding: .utf8)
        for target in ["\"NextYesWeb\"", "\"nextyes\""] {
            let start = try #require(manifest.range(of: "name: \(target),"))
            let rest = manifest[start.upperBound...]
            let end = rest.range(of: "),\n        .")?.lowerBound ?? rest.endIndex
            #expect(!rest[..<end].contains("\"NextYesStore\""), "\(target) lists NextYesStore as a dependency")
        }
    }
}
