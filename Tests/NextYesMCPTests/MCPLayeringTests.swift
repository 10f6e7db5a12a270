import Foundation
import Testing

/// The assistant server is an adapter like the web app and the command line: it reaches the data
/// only through the use cases in NextYesFeatures, and writes nothing but protocol to standard output.
@Suite struct MCPLayeringTests {
    @Test func theServerUsesOnlyTheUseCases() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/NextYesMCP")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "swift" }
        #expect(files.count >= 3)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("import NextYesStore"), "\(file.lastPathComponent) imports the store; call NextYesFeatures instead")
            #expect(!text.contains("Store(db:"), "\(file.lastPathComponent) builds a Store; use Workspace")
            #expect(!text.contains(".query(on:"), "\(file.lastPathComponent) queries the database itself")
            #expect(!text.contains("print("), "\(file.lastPathComponent) prints; standard output carries only protocol messages")
        }
    }
}
