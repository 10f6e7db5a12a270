import ArgumentParser
import Foundation
import NextYesCore
import NextYesFeatures
#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// Writing to the terminal: results on standard output, problems on standard error.
enum Console {
    /// Written straight to the file descriptor (no buffering), so a long-running command such as
    /// serve shows its lines at once even into a pipe or a file.
    /// Output into a pipe that was closed early (`| head -1`) is dropped, never a crash: the
    /// command still finishes, so what it saved is saved.
    static func out(_ text: String, terminator: String = "\n") {
        write(Data((text + terminator).utf8), to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8), to: STDERR_FILENO)
    }

    private static let pipeSignalIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

    private static func write(_ data: Data, to descriptor: Int32) {
        _ = pipeSignalIgnored
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// The exit code of each kind of problem, decided once: 1 for a mistake to fix, 75
    /// (EX_TEMPFAIL) when the database is busy and trying again later may work.
    static func exitCode(_ category: ErrorCategory) -> ExitCode {
        category == .unavailable ? ExitCode(75) : .failure
    }

    /// Runs `body`; an error becomes "nextyes: <message>" lines on standard error and a non-zero
    /// exit code by its category.
    static func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error where StoreError.isBusy(error) {
            Console.error("nextyes: \(StoreError.databaseBusy.errorDescription ?? "")")
            throw exitCode(.unavailable)
        } catch let error as ValidationErrors {
            for item in error.errors { Console.error("nextyes: \(item.message)") }
            throw exitCode(error.category)
        } catch let error as any LocalizedError {
            Console.error("nextyes: \(error.errorDescription ?? String(describing: error))")
            throw exitCode((error as? any CategorizedError)?.category ?? .invalid)
        } catch {
            Console.error("nextyes: \(error)")
            throw ExitCode.failure
        }
    }

    /// Pretty, stable JSON: sorted keys, dates in ISO 8601, no escaped slashes.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One-line JSON, for output that other tools read line by line.
    static func jsonLine<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Parsing for arguments that name days, stages and the like, with messages that say what to type.
enum Parse {
    static func day(_ raw: String?, today: Day, what: String) throws -> Day? {
        guard let raw else { return nil }
        switch FormRules.pastDay(raw, today: today, what: what) {
        case .success(let day): return day
        case .failure(let message): throw ValidationErrors([FieldError("on", message.text)])
        }
    }

    static func stage(_ raw: String) throws -> Stage {
        guard let stage = Stage(id: raw) else {
            throw ValidationErrors([FieldError("stage", "\"\(FormRules.quote(raw))\" is not a stage. Use one of: \(Stage.idList).")])
        }
        return stage
    }

    static func outcome(_ raw: String) throws -> Outcome {
        guard let outcome = Outcome(id: raw) else {
            throw ValidationErrors([FieldError("outcome", "\"\(FormRules.quote(raw))\" is not an outcome. Use one of: \(Outcome.idList).")])
        }
        return outcome
    }
}
