import Foundation
import NextYesCore
import NextYesInsights
import NextYesFeatures
import Vapor

struct ReportController {
    /// The period from the address, checked; nil days mean "from the start" and "to today".
    func period(_ req: Request) -> (from: Day?, to: Day?, raw: (String, String), errors: ValidationErrors?) {
        let rawFrom = (try? req.query.get(String.self, at: "from")) ?? ""
        let rawTo = (try? req.query.get(String.self, at: "to")) ?? ""
        var errors = ValidationErrors()
        var from: Day?, to: Day?
        if let text = Text.cleanLine(rawFrom) {
            from = Day(text)
            if from == nil { errors.add("from", FormRules.unreadableDay(text, what: "The start", example: req.today)) }
        }
        if let text = Text.cleanLine(rawTo) {
            to = Day(text)
            if to == nil { errors.add("to", FormRules.unreadableDay(text, what: "The end", example: req.today)) }
        }
        if let f = from, let t = to, f > t { errors.add("from", "The period starts (\(f)) after it ends (\(t)). Swap the two days.") }
        if !errors.isEmpty { return (nil, nil, (rawFrom, rawTo), errors) }
        return (from, to, (rawFrom, rawTo), nil)
    }

    func show(_ req: Request) async throws -> Response {
        let p = period(req)
        let report = try await req.workspace.reports.career(from: p.from, to: p.to)
        let page = ReportPage.view(.init(
            chrome: req.chrome(.insights), report: report, from: p.raw.0, to: p.raw.1,
            includeWellbeing: try await req.workspace.reports.includesWellbeing(), errors: p.errors))
        return try await Page(html: page, status: p.errors == nil ? .ok : .badRequest).encodeResponse(for: req)
    }

    func download(_ req: Request) async throws -> Response {
        guard let file = req.parameters.get(SiteURL.fileKey), file.hasPrefix("report.") else { throw Abort(.notFound) }
        let p = period(req)
        if let errors = p.errors { throw Abort(.badRequest, reason: errors.errorDescription ?? "") }
        let report = try await req.workspace.reports.career(from: p.from, to: p.to)
        var headers = HTTPHeaders()
        let body: String
        switch file {
        case "report.md":
            headers.contentType = .init(type: "text", subType: "markdown", parameters: ["charset": "utf-8"])
            body = report.markdown()
        case "report.json":
            headers.contentType = .json
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            body = String(decoding: try encoder.encode(report), as: UTF8.self)
        default: throw Abort(.notFound)
        }
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"nextyes-\(file.replacingOccurrences(of: "report.", with: "report-\(report.to)."))\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    func toggleWellbeing(_ req: Request) async throws -> Response {
        let on = try await req.workspace.reports.includesWellbeing()
        try await req.workspace.reports.setIncludesWellbeing(!on)
        req.flash(on ? "How you felt is left out of the report." : "The report now includes how you felt, week by week. Only you see that part.")
        return req.redirect(to: SiteURL.report.path())
    }
}

struct PortabilityController {
    struct Upload: Content {
        var file: File?
        var format: String?
    }

    /// Uploads wait between the preview and the confirm in a folder only the person can read,
    /// under the data directory, never in the shared temporary folder.
    static func folder(_ req: Request) throws -> URL {
        let folder = req.application.nextyes.dataDirectory.appendingPathComponent("imports", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        return folder
    }

    /// An uploaded file, under an unguessable name (256 random bits).
    static func stagedFile(_ req: Request, _ token: String) throws -> URL? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        let url = try folder(req).appendingPathComponent("\(token).csv")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    func cancel(_ req: Request) async throws -> Response {
        let token = (try? req.content.get(String.self, at: "token")) ?? ""
        if let url = try Self.stagedFile(req, token) { try? FileManager.default.removeItem(at: url) }
        req.flash("Cancelled. The file was forgotten; nothing was imported.")
        return req.redirect(to: SiteURL.importFile.path())
    }

    func page(_ req: Request) async throws -> Page {
        Page(html: ImportPage.view(.init(chrome: req.chrome(.applications), preview: nil, token: nil, format: "", errors: nil)))
    }

    func upload(_ req: Request) async throws -> Response {
        let upload = try req.content.decode(Upload.self)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            let errors = ValidationErrors([FieldError("file", "Choose a CSV file to import: your Huntr or Teal export, or a spreadsheet saved as CSV.")])
            return try await Page(html: ImportPage.view(.init(chrome: req.chrome(.applications), preview: nil, token: nil, format: upload.format ?? "", errors: errors)),
                                  status: .badRequest).encodeResponse(for: req)
        }
        let folder = try Self.folder(req)
        Self.cleanUp(folder)
        let token = WebContext.makeToken()
        let url = folder.appendingPathComponent("\(token).csv")
        try AtomicFile.write(Data(buffer: file.data), to: url.path)
        return try await previewResponse(req, url: url, token: token, form: ImportForm(format: upload.format ?? ""))
    }

    struct ImportForm {
        var format = ""
        var dates = ""
        var mappings: [String: String] = [:]
        var skip = false

        func options() -> ImportOptions {
            var options = ImportOptions(format: ImportFormat(rawValue: format), dateOrder: ImportDates.Order(rawValue: dates), skipBadRows: skip, timeZone: .current)
            for (word, value) in mappings { if let choice = StageChoice(mapping: value) { options.mappings[word] = choice } }
            return options
        }
    }

    func previewResponse(_ req: Request, url: URL, token: String, form: ImportForm, status: HTTPResponseStatus = .ok, errors: ValidationErrors? = nil) async throws -> Response {
        do {
            let preview = try await req.workspace.portability.preview(url, options: form.options())
            return try await Page(html: ImportPage.view(.init(chrome: req.chrome(.applications), preview: preview, token: token, format: form.format,
                                                              form: form, errors: errors)), status: status).encodeResponse(for: req)
        } catch let error as LocalizedError where error is CSVReadError || error is ImportSetupError {
            try? FileManager.default.removeItem(at: url)
            let errors = ValidationErrors([FieldError("file", error.errorDescription ?? "")])
            return try await Page(html: ImportPage.view(.init(chrome: req.chrome(.applications), preview: nil, token: nil, format: form.format, errors: errors)),
                                  status: .badRequest).encodeResponse(for: req)
        }
    }

    func confirm(_ req: Request) async throws -> Response {
        let token = (try? req.content.get(String.self, at: "token")) ?? ""
        guard let url = try Self.stagedFile(req, token) else {
            req.flash("That upload has expired. Choose the file again; nothing was imported.")
            return req.redirect(to: SiteURL.importFile.path())
        }
        var form = ImportForm()
        form.format = (try? req.content.get(String.self, at: "format")) ?? ""
        form.dates = (try? req.content.get(String.self, at: "dates")) ?? ""
        form.skip = (try? req.content.get(String.self, at: "skip")) == "yes"
        let words = (try? req.content.get([String].self, at: "word")) ?? []
        let meanings = (try? req.content.get([String].self, at: "meaning")) ?? []
        for (word, meaning) in zip(words, meanings) where !meaning.isEmpty { form.mappings[word] = meaning }
        do {
            let (_, result) = try await req.workspace.portability.importFile(url, options: form.options())
            try? FileManager.default.removeItem(at: url)
            req.flash("Imported \(result.imported) application\(result.imported == 1 ? "" : "s")." + (result.skippedProblems > 0 ? " Left out \(result.skippedProblems) row\(result.skippedProblems == 1 ? "" : "s") with problems." : ""))
            return req.redirect(to: SiteURL.applications.path())
        } catch let error as ImportError {
            let errors = ValidationErrors([FieldError("confirm", error.errorDescription ?? "")])
            return try await previewResponse(req, url: url, token: token, form: form, status: .badRequest, errors: errors)
        }
    }

    /// Brings a backup (the JSON file "Download a backup" gives) into an empty NextYes: all of
    /// it or nothing, with the same checks as `nextyes restore`.
    func restore(_ req: Request) async throws -> Response {
        struct BackupUpload: Content { var backup: File? }
        func problem(_ message: String, _ status: HTTPResponseStatus) async throws -> Response {
            let errors = ValidationErrors([FieldError("backup", message)])
            return try await Page(html: ImportPage.view(.init(chrome: req.chrome(.applications), preview: nil, token: nil, format: "", errors: errors)),
                                  status: status).encodeResponse(for: req)
        }
        guard let file = (try? req.content.decode(BackupUpload.self))?.backup, file.data.readableBytes > 0 else {
            return try await problem("Choose a backup file: the nextyes-….json that \"Download a backup\" gives.", .badRequest)
        }
        do {
            let summary = try await req.workspace.portability.restore(Data(buffer: file.data))
            req.flash("Your backup is back: \(summary.applications) application\(summary.applications == 1 ? "" : "s") and everything with them.")
            return req.redirect(to: SiteURL.applications.path())
        } catch let error as BackupError {
            if case .notEmpty(let what) = error {
                let elsewhere = req.application.nextyes.isCentre
                    ? "" : " To look at it beside this one, start NextYes on a new file: nextyes serve --database ~/nextyes-restored.sqlite"
                return try await problem("A backup goes into an empty NextYes, and this one already holds \(what). Nothing was changed.\(elsewhere)", .conflict)
            }
            return try await problem(error.errorDescription ?? "This backup can't be restored. Nothing was changed.", .unprocessableEntity)
        }
    }

    func export(_ req: Request) async throws -> Response {
        guard let file = req.parameters.get(SiteURL.fileKey) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        let data: Data
        switch file {
        case "nextyes-export.json":
            headers.contentType = .json
            data = try await req.workspace.portability.export()
        case "nextyes-export.csv":
            headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            data = Data(try await req.workspace.portability.exportCSV().utf8)
        default: throw Abort(.notFound)
        }
        let stamped = file.replacingOccurrences(of: "nextyes-export", with: "nextyes-\(req.today)")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(stamped)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// Uploads left behind by an abandoned preview go after an hour.
    static func cleanUp(_ folder: URL) {
        guard let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey]) else { return }
        for file in files {
            if let date = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, date < Date().addingTimeInterval(-3_600) {
                try? FileManager.default.removeItem(at: file)
            }
        }
    }
}
