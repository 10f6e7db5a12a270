import Foundation
import NextYesCore
import NextYesInsights
import NextYesStore

/// Getting a search into NextYes without retyping it: a job posting becomes an application, and
/// a job e-mail (one, or a whole mailbox) becomes the update it announces. Nothing is sent
/// anywhere; the person confirms before anything is saved.
public struct Capture: Sendable {
    let store: Store

    // MARK: Postings

    /// A posting read: the fields found (with their evidence), the skills it asks for, the form
    /// pre-filled from them, and applications that look like the same job.
    public struct PostingDraft: Sendable {
        public var reading: PostingReading
        public var skills: [String]
        public var form: ApplicationForm
        public var duplicates: [Duplicate]
    }

    public struct Duplicate: Sendable, Hashable {
        public var application: Application
        /// "the same posting address" or "the same company and role, added on 3 Nov 2026"
        public var why: String
    }

    public static let maximumPostingCharacters = PostingReader.maximumCharacters

    /// Reads a posting's text or saved HTML; `url` and `title` come from the browser when the
    /// bookmarklet sent them.
    public func readPosting(_ content: String, url: String? = nil, title: String? = nil) async throws -> PostingDraft {
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw ValidationErrors([FieldError("posting", "Paste the posting's text (or its page's HTML) to read it.")])
        }
        guard trimmed.count <= Self.maximumPostingCharacters else {
            throw ValidationErrors([FieldError("posting", "The posting is \(trimmed.count) characters; NextYes reads up to \(Self.maximumPostingCharacters). Paste just the job's part of the page.")])
        }
        let reading = PostingReader.read(trimmed, title: Text.cleanLine(title))
        let skills = (try? SkillExtractor.bundled().skills(in: reading.text).map(\.name)) ?? []
        var form = ApplicationForm()
        form.company = reading.company?.value ?? ""
        form.role = reading.role?.value ?? ""
        var location = reading.location?.value ?? ""
        if let workplace = reading.workplace?.value, workplace != "onsite" {
            location = location.isEmpty ? workplace.capitalized : "\(location) (\(workplace))"
        }
        form.location = location
        form.salary = reading.salary?.value ?? ""
        // Only a web address is kept as the posting's link (a saved file's or a data: address isn't one).
        let web = [Text.clean(url), reading.url].compactMap { $0 }.first { $0.lowercased().hasPrefix("http://") || $0.lowercased().hasPrefix("https://") }
        form.url = web ?? ""
        form.jobDescription = String(reading.text.prefix(Limits.jobDescription))
        form.stage = Stage.saved.rawValue
        return PostingDraft(reading: reading, skills: skills, form: form,
                            duplicates: try await duplicates(url: Text.clean(form.url), company: form.company, role: form.role))
    }

    /// Applications that look like this job: the same posting address, or the same company and
    /// role added in the last 90 days.
    public func duplicates(url: String?, company: String, role: String) async throws -> [Duplicate] {
        var found: [Duplicate] = []
        if let url, !url.isEmpty {
            for row in try await store.applications.postingAddresses() where Self.sameAddress(url, row.url) {
                found.append(Duplicate(application: try await store.applications.find(row.id), why: "the same posting address"))
            }
        }
        guard !company.isEmpty, !role.isEmpty else { return found }
        let since = store.clock.today.adding(days: -90)
        for application in try await store.applications.sameCompanyAndRole(company: company, role: role)
        where !found.contains(where: { $0.application.id == application.id }) {
            let added = Day(application.createdAt, in: .current)
            if added >= since { found.append(Duplicate(application: application, why: "the same company and role, added on \(added.readable)")) }
        }
        return found
    }

    static func sameAddress(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> String {
            var t = s.lowercased().trimmingCharacters(in: .whitespaces)
            for prefix in ["https://", "http://", "www."] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
            if let hash = t.firstIndex(of: "#") { t = String(t[..<hash]) }
            while t.hasSuffix("/") { t.removeLast() }
            return t
        }
        return key(a) == key(b)
    }

    // MARK: E-mails

    /// One e-mail read: what it says, and the application it is about.
    public struct MailResult: Sendable {
        public var message: MailMessage
        public var reading: JobMailReading
        public var applicationID: Int?
        public var applicationTitle: String?
        public var matchConfidence: Double?
        /// Used before (the same Message-ID): applying it again changes nothing.
        public var alreadyUsed: Bool
    }

    public func readMail(_ message: MailMessage) async throws -> MailResult {
        try await mailReader().read(message)
    }

    /// Reads e-mails against the applications as they are now, loaded once however many e-mails follow.
    public struct MailReader: Sendable {
        let store: Store
        let candidates: [(candidate: MailMatcher.Candidate, title: String)]

        public func read(_ message: MailMessage) async throws -> MailResult {
            let known = try await store.mail.known(message.messageID.map { [$0] } ?? [])
            return Capture.read(message, candidates: candidates, known: known)
        }
    }

    public func mailReader() async throws -> MailReader {
        MailReader(store: store, candidates: try await matchCandidates())
    }

    /// An e-mail read without a database to match it against.
    public static func unmatched(_ message: MailMessage) -> MailResult {
        MailResult(message: message, reading: JobMailReader.read(message), alreadyUsed: false)
    }

    func matchCandidates() async throws -> [(candidate: MailMatcher.Candidate, title: String)] {
        try await store.applications.all().map { a in
            // Since the day applied when it was entered later than that.
            (MailMatcher.Candidate(id: a.id, company: a.details.company, role: a.details.role,
                                   since: min(a.details.appliedOn ?? Day(a.createdAt, in: .current), Day(a.createdAt, in: .current)), open: a.outcome == .open), a.title)
        }
    }

    static func read(_ message: MailMessage, candidates: [(candidate: MailMatcher.Candidate, title: String)], known: Set<String>) -> MailResult {
        let reading = JobMailReader.read(message)
        var result = MailResult(message: message, reading: reading, alreadyUsed: message.messageID.map(known.contains) ?? false)
        if reading.kind != .other, let match = MailMatcher.match(reading, message, among: candidates.map(\.candidate)) {
            result.applicationID = match.id
            result.matchConfidence = match.confidence
            result.applicationTitle = candidates.first { $0.candidate.id == match.id }?.title
        }
        return result
    }

    /// What applying an e-mail did.
    public enum Applied: Sendable, Equatable {
        case rejected(applicationID: Int)
        case moved(applicationID: Int, to: Stage)
        case interviewAdded(applicationID: Int, on: Day)
        case appliedOnConfirmed(applicationID: Int, on: Day)
        case added(applicationID: Int)
        case nothing(String)
    }

    /// Applies what an e-mail announces to an application (or, with no application, adds one
    /// from it when `addIfNew`): a rejection is recorded with its category and the e-mail kept as
    /// its feedback; an invitation adds the interview round (moving the stage); an assessment or
    /// an offer moves the stage; an acknowledgement confirms the day applied. The e-mail's
    /// Message-ID is remembered, so the same e-mail applied again changes nothing.
    public func apply(_ result: MailResult, to applicationID: Int?, addIfNew: Bool = false) async throws -> Applied {
        if result.alreadyUsed { return .nothing("This e-mail was used before; nothing changed.") }
        let day = result.message.date.map { Day($0, in: .current) }.map { min($0, store.clock.today) } ?? store.clock.today
        var id = applicationID
        var outcome: Applied?
        if id == nil {
            guard addIfNew, result.reading.kind != .other, let company = result.reading.company else {
                return .nothing(result.reading.kind == .other ? "This e-mail isn't a job update; nothing changed." : "No application matches this e-mail; nothing changed.")
            }
            var form = ApplicationForm()
            form.company = company
            form.role = result.reading.role ?? "Role not named in the e-mail"
            form.stage = Stage.applied.rawValue
            form.appliedOn = day.description
            form.notes = "Added from an e-mail: \(result.message.subject)"
            let added = try await Applications(store: store).add(form)
            id = added.application.id
            outcome = .added(applicationID: added.application.id)
        }
        guard let id else { return .nothing("No application matches this e-mail; nothing changed.") }
        let application = try await store.applications.find(id)
        let applications = Applications(store: store)
        switch result.reading.kind {
        case .rejection:
            if application.outcome == .rejected { break }
            if application.outcome != .open { _ = try await applications.reopen(id, on: max(day, application.lastActivityOn)) }
            var form = RejectionForm()
            form.on = max(day, application.lastActivityOn).description
            form.stageReached = application.stage.rawValue
            form.category = (result.reading.category ?? .noReasonGiven).rawValue
            form.reason = result.reading.reason ?? ""
            _ = try await applications.reject(id, form, note: nil, journal: false)
            _ = try await EmployerFeedback(store: store).record(applicationID: id, text: Self.feedbackText(result.message), receivedOn: day)
            outcome = outcome ?? .rejected(applicationID: id)
        case .interviewInvite:
            if let on = result.reading.interviewDate {
                var form = InterviewForm()
                form.on = on.description
                form.time = result.reading.interviewTime ?? ""
                form.type = InterviewType.video.rawValue
                form.notes = "From the e-mail: \(result.message.subject)"
                if let valid = try? form.validated(today: store.clock.today) {
                    _ = try await Interviews(store: store).add(applicationID: id, valid)
                    outcome = outcome ?? .interviewAdded(applicationID: id, on: on)
                    break
                }
            }
            if application.outcome == .open && application.stage < .interview {
                _ = try await applications.move(id, to: .interview, on: max(day, application.lastActivityOn))
                outcome = outcome ?? .moved(applicationID: id, to: .interview)
            }
        case .assessment:
            if application.outcome == .open && application.stage < .assessment {
                _ = try await applications.move(id, to: .assessment, on: max(day, application.lastActivityOn))
                outcome = outcome ?? .moved(applicationID: id, to: .assessment)
            }
        case .offer:
            if application.outcome == .open && application.stage < .offer {
                _ = try await applications.move(id, to: .offer, on: max(day, application.lastActivityOn))
                outcome = outcome ?? .moved(applicationID: id, to: .offer)
            }
        case .acknowledgement:
            if application.details.appliedOn == nil {
                var details = application.details
                details.appliedOn = min(day, store.clock.today)
                _ = try await store.applications.update(id, details: details)
                outcome = outcome ?? .appliedOnConfirmed(applicationID: id, on: day)
            }
            if application.stage < .applied && application.outcome == .open {
                _ = try await applications.move(id, to: .applied, on: max(day, application.lastActivityOn))
            }
        case .other:
            break
        }
        if let messageID = result.message.messageID {
            try await store.mail.record(messageID: messageID, applicationID: id, kind: result.reading.kind.rawValue, receivedOn: day)
        }
        return outcome ?? .nothing("The application already shows this; nothing changed.")
    }

    /// For the guided rejection flow: keeps the e-mail as the application's feedback, remembers
    /// it as used, and gives the flow's form filled in from it (the day, the stage, the e-mail as
    /// what they said, the category read).
    public func prepareRejection(_ result: MailResult, applicationID id: Int) async throws -> RejectionForm {
        let application = try await store.applications.find(id)
        let day = result.message.date.map { Day($0, in: .current) }.map { min($0, store.clock.today) } ?? store.clock.today
        if !result.alreadyUsed {
            _ = try await EmployerFeedback(store: store).record(applicationID: id, text: Self.feedbackText(result.message), receivedOn: day)
            if let messageID = result.message.messageID {
                try await store.mail.record(messageID: messageID, applicationID: id, kind: MailKind.rejection.rawValue, receivedOn: day)
            }
        }
        var form = RejectionForm()
        form.on = max(day, application.lastActivityOn).description
        form.stageReached = application.stage.rawValue
        form.reason = String(result.message.text.prefix(Limits.reason))
        form.category = (result.reading.category ?? .noReasonGiven).rawValue
        return form
    }

    /// The e-mail as feedback: its subject and text, within the feedback's length.
    static func feedbackText(_ message: MailMessage) -> String {
        let text = (message.subject.isEmpty ? "" : message.subject + "\n\n") + message.text
        return String(text.prefix(FeedbackAnalyzer.maxCharacters))
    }

    // MARK: Mailboxes

    /// One job e-mail found in a mailbox, with what applying it would do.
    public struct ProposedChange: Sendable {
        public var number: Int
        public var result: MailResult
        /// "Record the no (no reason given)", "Add the interview on 3 Dec 2026 at 14:30", ...
        public var change: String
    }

    public struct MailboxPreview: Sendable {
        public var messages = 0
        public var skipped = 0
        public var alreadyUsed = 0
        public var unreadable: [(number: Int, why: String)] = []
        public var changes: [ProposedChange] = []
        /// Job e-mails that match no application: offered as new applications.
        public var unmatched: [ProposedChange] = []
    }

    /// Reads a mailbox and proposes a change for every job e-mail, grouped by application;
    /// nothing is written. Messages that are not about a job are skipped after a quick look.
    public func preview(mailbox path: String) async throws -> MailboxPreview {
        let reader = try MailboxReader(path: path)
        let candidates = try await matchCandidates()
        var preview = MailboxPreview()
        var found: [(Int, MailMessage)] = []
        while let raw = try reader.next() {
            preview.messages += 1
            guard MailboxReader.mightBeAboutAJob(raw.bytes) else { preview.skipped += 1; continue }
            do {
                found.append((raw.number, try MailParser.parse(raw.bytes)))
            } catch {
                preview.unreadable.append((raw.number, (error as? LocalizedError)?.errorDescription ?? "\(error)"))
            }
        }
        let known = try await store.mail.known(found.compactMap { $0.1.messageID })
        for (number, message) in found {
            let result = Self.read(message, candidates: candidates, known: known)
            guard result.reading.kind != .other else { preview.skipped += 1; continue }
            if result.alreadyUsed { preview.alreadyUsed += 1; continue }
            let change = ProposedChange(number: number, result: result, change: Self.describe(result))
            if result.applicationID == nil { preview.unmatched.append(change) } else { preview.changes.append(change) }
        }
        preview.changes.sort { ($0.result.applicationTitle ?? "", $0.number) < ($1.result.applicationTitle ?? "", $1.number) }
        return preview
    }

    /// Applies the chosen changes (by message number; all when nil) in one transaction, adding
    /// unmatched job e-mails as new applications when `addNew`.
    public func importMailbox(_ preview: MailboxPreview, chosen: Set<Int>? = nil, addNew: Bool = false) async throws -> [Applied] {
        let selected = (preview.changes + (addNew ? preview.unmatched : [])).filter { chosen?.contains($0.number) ?? true }
            .sorted { ($0.result.message.date ?? .distantPast, $0.number) < ($1.result.message.date ?? .distantPast, $1.number) }
        return try await store.db.writeTransaction { tx in
            let capture = Capture(store: Store(db: tx, clock: store.clock))
            var applied: [Applied] = []
            for change in selected {
                applied.append(try await capture.apply(change.result, to: change.result.applicationID, addIfNew: addNew))
            }
            return applied
        }
    }

    /// What applying an e-mail will do, in words.
    public static func describe(_ result: MailResult) -> String {
        let reading = result.reading
        switch reading.kind {
        case .rejection: return "Record the no (\((reading.category ?? .noReasonGiven).title.lowercased())) and keep the e-mail as feedback"
        case .interviewInvite:
            if let day = reading.interviewDate { return "Add the interview on \(day.readable)\(reading.interviewTime.map { " at \($0)" } ?? "")" }
            if let offered = reading.offeredSlots, offered.count > 1 { return "Move to interview (they offered \(offered.count) times: add the one you choose)" }
            return "Move to interview"
        case .assessment: return "Move to assessment"
        case .offer: return "Move to offer"
        case .acknowledgement: return "Confirm the day you applied"
        case .other: return "Nothing: not a job update"
        }
    }
}

extension Workspace {
    public var capture: Capture { Capture(store: store) }
}
