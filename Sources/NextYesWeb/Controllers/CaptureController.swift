import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights
import Vapor

/// Postings and e-mails in, no retyping: "Add from a posting" (and the bookmarklet), "I got an
/// e-mail", and a mailbox upload. Each reads first and saves only what the person confirms.
struct CaptureController {
    // MARK: Postings

    struct PostingBody: Content {
        var posting: String?
        var url: String?
        var title: String?
    }

    /// The paste box; the bookmarklet arrives here with the page's address, title and text in
    /// the address fragment, which the page's script puts in the form and reads.
    func postingPage(_ req: Request) async throws -> Page {
        Page(html: CapturePages.posting(.init(chrome: req.chrome(.applications), posting: "", url: "", title: "", errors: nil)))
    }

    func readPosting(_ req: Request) async throws -> Response {
        let body = try req.content.decode(PostingBody.self)
        do {
            let draft = try await req.workspace.capture.readPosting(body.posting ?? "", url: body.url, title: body.title)
            let model = ApplicationEdit.Model(chrome: req.chrome(.applications), mode: .new, form: draft.form, errors: nil, today: req.today, draft: draft)
            return try await Page(html: ApplicationEdit.view(model)).encodeResponse(for: req)
        } catch let errors as ValidationErrors {
            let model = CapturePages.PostingModel(chrome: req.chrome(.applications), posting: body.posting ?? "", url: body.url ?? "", title: body.title ?? "", errors: errors)
            return try await Page(html: CapturePages.posting(model), status: .badRequest).encodeResponse(for: req)
        }
    }

    // MARK: One e-mail

    struct MailQuery: Content { var application: Int? }

    struct MailBody: Content {
        var message: String?
        var file: File?
        var application: String?
    }

    func mailPage(_ req: Request) async throws -> Page {
        let id = (try? req.query.decode(MailQuery.self))?.application
        return Page(html: CapturePages.mail(.init(chrome: req.chrome(.applications), message: "", application: id, errors: nil)))
    }

    /// Reads the pasted or uploaded e-mail and shows what it says, with the change to confirm.
    func readMail(_ req: Request) async throws -> Response {
        let body = try req.content.decode(MailBody.self)
        let requested = body.application.flatMap { Int($0) }
        let raw: String
        if let file = body.file, file.data.readableBytes > 0 {
            raw = MailParser.text(Array(Data(buffer: file.data)))
        } else {
            raw = body.message ?? ""
        }
        do {
            let message = try MailParser.read(Array(raw.utf8))
            var result = try await req.workspace.capture.readMail(message)
            if let requested {
                let application = try await req.workspace.applications.find(requested)
                result.applicationID = application.id
                result.applicationTitle = application.title
            }
            let open = try await req.workspace.applications.all(outcome: .open)
            let model = CapturePages.MailResultModel(chrome: req.chrome(.applications), raw: raw, result: result,
                                                     choices: open.map { ($0.id, $0.title) }, today: req.today)
            return try await Page(html: CapturePages.mailResult(model)).encodeResponse(for: req)
        } catch let error as MailError {
            let errors = ValidationErrors([FieldError("message", error.errorDescription ?? "This doesn't look like an e-mail.")])
            let model = CapturePages.MailModel(chrome: req.chrome(.applications), message: body.message ?? "", application: requested, errors: errors)
            return try await Page(html: CapturePages.mail(model), status: .badRequest).encodeResponse(for: req)
        }
    }

    struct ApplyBody: Content {
        var raw: String?
        var kind: String?
        var category: String?
        var application: String?
        var interviewDate: String?
        var interviewTime: String?
    }

    /// The person confirmed: a no opens the guided rejection flow filled in (the e-mail kept as
    /// feedback); anything else is applied at once.
    func applyMail(_ req: Request) async throws -> Response {
        let body = try req.content.decode(ApplyBody.self)
        let message = try MailParser.read(Array((body.raw ?? "").utf8))
        var result = try await req.workspace.capture.readMail(message)
        if let kind = body.kind.flatMap(MailKind.init(rawValue:)) { result.reading.kind = kind }
        if let category = body.category.flatMap(RejectionCategory.init(id:)) { result.reading.category = category }
        if let day = body.interviewDate.flatMap(Day.init) { result.reading.interviewDate = day }
        if let time = Text.cleanLine(body.interviewTime) { result.reading.interviewTime = time }
        let target = body.application ?? ""
        if target == "new" {
            let applied = try await req.workspace.capture.apply(result, to: nil, addIfNew: true)
            if case .added(let id) = applied {
                if result.reading.kind == .rejection { return try await toRejectionFlow(req, result, id) }
                req.flash("Added from the e-mail. Check the details; you can edit anything.")
                return req.redirect(to: SiteURL.application(id).path())
            }
            req.flash(Self.words(applied))
            return req.redirect(to: SiteURL.applications.path())
        }
        guard let id = Int(target) else {
            req.flash("Choose the application this e-mail is about (or add it as a new one); nothing was changed.")
            return req.redirect(to: SiteURL.mail.path())
        }
        if result.reading.kind == .rejection {
            let application = try await req.workspace.applications.find(id)
            guard application.isOpen else {
                req.flash("\(application.title) is already closed (\(application.outcome.title.lowercased())); nothing was changed.")
                return req.redirect(to: SiteURL.application(id).path())
            }
            return try await toRejectionFlow(req, result, id)
        }
        let applied = try await req.workspace.capture.apply(result, to: id)
        req.flash(Self.words(applied))
        return req.redirect(to: SiteURL.application(id).path())
    }

    /// Keeps the e-mail as feedback and opens the rejection flow with what it says filled in.
    private func toRejectionFlow(_ req: Request, _ result: Capture.MailResult, _ id: Int) async throws -> Response {
        let form = try await req.workspace.capture.prepareRejection(result, applicationID: id)
        let draft = RejectionFlowController.Body(on: form.on, stageReached: form.stageReached, reason: form.reason, category: form.category)
        req.session.data[RejectionFlowController.draftKey(id)] = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
        return req.redirect(to: SiteURL.rejectAcknowledge(.value(id)).path())
    }

    static func words(_ applied: Capture.Applied) -> String {
        switch applied {
        case .rejected: "The no is recorded, and the e-mail kept as feedback."
        case .moved(_, let stage): "Moved to \(stage.title.lowercased())."
        case .interviewAdded(_, let day): "The interview on \(day.readable) is on your agenda."
        case .appliedOnConfirmed(_, let day): "Applied on \(day.readable): confirmed."
        case .added: "Added from the e-mail."
        case .nothing(let why): why
        }
    }

    // MARK: Mailboxes

    struct MailboxUpload: Content { var file: File? }

    func uploadMailbox(_ req: Request) async throws -> Response {
        let upload = try req.content.decode(MailboxUpload.self)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            let errors = ValidationErrors([FieldError("mailbox", "Choose a mailbox to read: an .mbox export (Gmail Takeout, Thunderbird, Apple Mail) or a saved .eml message.")])
            return try await Page(html: CapturePages.mail(.init(chrome: req.chrome(.applications), message: "", application: nil, errors: errors)), status: .badRequest)
                .encodeResponse(for: req)
        }
        let folder = try PortabilityController.folder(req)
        PortabilityController.cleanUp(folder)
        let token = WebContext.makeToken()
        let url = folder.appendingPathComponent("\(token).mbox")
        try AtomicFile.write(Data(buffer: file.data), to: url.path)
        do {
            let preview = try await req.workspace.capture.preview(mailbox: url.path)
            return try await Page(html: CapturePages.mailbox(.init(chrome: req.chrome(.applications), preview: preview, token: token))).encodeResponse(for: req)
        } catch let error as MailboxError {
            try? FileManager.default.removeItem(at: url)
            let message = (error.errorDescription ?? "").replacingOccurrences(of: url.path, with: file.filename.isEmpty ? "The file" : file.filename)
            let errors = ValidationErrors([FieldError("mailbox", message)])
            return try await Page(html: CapturePages.mail(.init(chrome: req.chrome(.applications), message: "", application: nil, errors: errors)), status: .badRequest)
                .encodeResponse(for: req)
        }
    }

    struct MailboxApply: Content {
        var token: String?
        var chosen: [String]?
        var addNew: String?
    }

    func applyMailbox(_ req: Request) async throws -> Response {
        let body = try req.content.decode(MailboxApply.self)
        guard let token = body.token, token.count == 64, token.allSatisfy(\.isHexDigit) else {
            req.flash("That mailbox preview has expired; upload the mailbox again. Nothing was changed.")
            return req.redirect(to: SiteURL.mail.path())
        }
        let url = try PortabilityController.folder(req).appendingPathComponent("\(token).mbox")
        guard FileManager.default.fileExists(atPath: url.path) else {
            req.flash("That mailbox preview has expired; upload the mailbox again. Nothing was changed.")
            return req.redirect(to: SiteURL.mail.path())
        }
        let preview = try await req.workspace.capture.preview(mailbox: url.path)
        let chosen = Set((body.chosen ?? []).compactMap { Int($0) })
        let applied = try await req.workspace.capture.importMailbox(preview, chosen: chosen, addNew: body.addNew == "yes")
        try? FileManager.default.removeItem(at: url)
        let changed = applied.filter { if case .nothing = $0 { false } else { true } }.count
        req.flash(changed == 0 ? "Nothing needed changing." : "Applied \(changed) change\(changed == 1 ? "" : "s") from your mailbox. The mailbox itself was not kept.")
        return req.redirect(to: SiteURL.applications.path())
    }
}
