import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that it is never half-written and nothing is lost on the way: the bytes go to
/// a temporary file in the same folder, are flushed to disk (fsync), and the temporary file is
/// renamed over the target in one step (rename(2)). Whatever was there before stays intact until
/// the new file is complete. New files are readable by their owner only.
///
/// (Foundation's `FileManager.replaceItemAt` on Linux removes the target first and can fail
/// after that, which is why this uses the POSIX calls directly.)
public enum AtomicFile {
    #if canImport(Glibc)
    private static let systemWrite = Glibc.write
    #else
    private static let systemWrite = Darwin.write
    #endif

    public enum Failure: Error, LocalizedError, Equatable {
        case isFolder(String)
        case noFolder(String)
        case cannotWrite(String, String)
        case isDatabase(String)

        public var errorDescription: String? {
            switch self {
            case .isFolder(let path):
                "\(path) is a folder. Give the name of a file inside it instead. Nothing was changed."
            case .noFolder(let folder):
                "The folder \(folder) doesn't exist. Create it first, or choose another place. Nothing was written."
            case .isDatabase(let path):
                "\(path) is a database file (perhaps your NextYes database), so NextYes won't write over it. Choose another name for the file. Nothing was changed."
            case .cannotWrite(let path, let why):
                "NextYes couldn't write \(path) (\(why)). Anything that was there before is unchanged."
            }
        }
    }

    public static func write(_ data: Data, to path: String, permissions: mode_t = 0o600) throws(Failure) {
        let target = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .isFolder(target)
        }
        // Never replace a database (the one in use, or a copy of it) with an export or a report.
        if let handle = FileHandle(forReadingAtPath: target) {
            let head = (try? handle.read(upToCount: 16)) ?? Data()
            try? handle.close()
            if head == Data("SQLite format 3\u{0}".utf8) { throw .isDatabase(target) }
        }
        let folder = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noFolder(folder)
        }
        var template = Array("\(folder)/.\((target as NSString).lastPathComponent).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .cannotWrite(target, String(cString: strerror(errno))) }
        let temporary = String(cString: template)
        func fail(_ why: String) -> Failure {
            close(fd)
            unlink(temporary)
            return .cannotWrite(target, why)
        }
        let written = data.withUnsafeBytes { raw -> Int in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                offset += n
            }
            return offset
        }
        guard written == data.count else { throw fail(String(cString: strerror(errno))) }
        guard fchmod(fd, permissions) == 0, fsync(fd) == 0 else { throw fail(String(cString: strerror(errno))) }
        close(fd)
        guard rename(temporary, target) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotWrite(target, why)
        }
        // The rename itself is durable once the folder is flushed too.
        let folderFD = open(folder, O_RDONLY)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }
}
