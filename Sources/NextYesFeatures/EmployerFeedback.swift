import NextYesCore
import NextYesInsights
import NextYesStore

/// Asking for feedback and recording what employers said: read once, when it is saved, for
/// themes, reasons and strengths.
public struct EmployerFeedback: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    // MARK: Requests

    public func request(_ id: Int) async throws -> FeedbackRequest {
        try await store.feedback.request(id)
    }

    public func requests(for applicationID: Int) async throws -> [FeedbackRequest] {
        try await store.feedback.requests(for: applicationID)
    }

    /// What a feedback e-mail is written from, and who it goes to.
    public struct Draft: Sendable {
        public var application: Application
        public var context: FeedbackEmail.Context
        public var variant: FeedbackRequestVariant
        public var email: EmailDraft
        /// The person it is addressed to by default: a linked hiring manager, else a recruiter,
        /// else anyone linked.
        public var suggestedContact: Contact?
        /// The reflection's unsure parts shaped the questions.
        public var usedReflection: Bool
    }

    /// Drafts the request e-mail for a rejected application; `variant` nil picks the one that
    /// suits how far the application went.
    public func draft(applicationID: Int, contactName: String?, variant: FeedbackRequestVariant?) async throws -> Draft {
        let application = try await rejectedApplication(applicationID)
        let contacts = try await store.contacts.contacts(for: applicationID)
        let suggested = contacts.first { $0.details.role == .hiringManager } ?? contacts.first { $0.details.role == .recruiter } ?? contacts.first
        let name = contactName.flatMap { Text.cleanLine($0) } ?? suggested?.name
        let (context, usedReflection) = try await context(for: application, contactName: name)
        let chosen = variant ?? .suggested(for: context.stageReached)
        return Draft(application: application, context: context, variant: chosen, email: FeedbackEmail.compose(chosen, context),
                     suggestedContact: suggested, usedReflection: usedReflection)
    }

    /// The e-mail as the person edited it before sending. A name given here signs it, in place of
    /// the placeholder, and is saved as the name that signs every drafted e-mail (the one in
    /// Settings), so it is asked for only once.
    public func edited(subject rawSubject: String, body rawBody: String, senderName: String?) async throws -> EmailDraft {
        var errors = ValidationErrors()
        let subject = Text.cleanLine(rawSubject)
        let body = Text.clean(rawBody)
        let name = Text.cleanLine(senderName)
        if subject == nil { errors.add("subject", "Give the e-mail a subject; the one NextYes suggested is fine.") }
        if let subject, subject.count > Limits.name { errors.add("subject", "Keep the subject under \(Limits.name) characters.") }
        if body == nil { errors.add("body", "The message is empty. Write a few lines, or open this page again for NextYes's draft.") }
        if let body, body.count > Limits.reason { errors.add("body", "Keep the message under \(Limits.reason) characters; a short note is more likely to get an answer.") }
        if let name, name.count > Limits.name { errors.add("senderName", "Keep your name under \(Limits.name) characters.") }
        if !errors.isEmpty { throw errors }
        let settings = Settings(store: store)
        if let name { try await settings.setDisplayName(name) }
        let draft = EmailDraft(subject: subject!, body: body!)
        guard let signer = try await settings.displayName().flatMap(Text.cleanLine) else { return draft }
        return draft.signed(by: signer)
    }

    /// The name that signs drafted e-mails, if the person gave one.
    public func senderName() async throws -> String? {
        try await Settings(store: store).displayName().flatMap(Text.cleanLine)
    }

    /// The facts an e-mail about this application is written from; true when the reflection's
    /// unsure parts shaped it.
    func context(for application: Application, contactName: String?) async throws -> (FeedbackEmail.Context, Bool) {
        let reflection = try await store.reflections.reflection(for: application.id)
        let rejection = try await store.applications.rejection(for: application.id)
        let unsure = reflection?.weakParts ?? []
        let context = FeedbackEmail.Context(
            role: application.role, company: application.company, contactName: contactName,
            stageReached: rejection?.stageReached ?? application.furthestStage, unsureParts: unsure,
            senderName: try await store.preferences.value(SettingKey.displayName))
        return (context, !unsure.isEmpty)
    }

    /// The one follow-up for a request that has had no answer.
    public func followUp(for request: FeedbackRequest) async throws -> EmailDraft {
        let application = try await store.applications.find(request.applicationID)
        let name = try await request.contactID.asyncMap { try await store.contacts.find($0).name }
        let (context, _) = try await context(for: application, contactName: name)
        return FeedbackEmail.followUp(FeedbackEmail.compose(request.variant, context), sentOn: request.sentOn ?? store.clock.today, context)
    }

    /// A short reply to general feedback that asks for one specific point.
    public func specificPointFollowUp(applicationID: Int) async throws -> String {
        let application = try await store.applications.find(applicationID)
        return FeedbackEmail.specificPointFollowUp(try await context(for: application, contactName: nil).0)
    }

    /// Records that the request was sent. A named contact is found among the application's
    /// people (by name, ignoring case) or added and linked; an e-mail address fills one that was
    /// missing. One request at a time: a second while one awaits an answer is refused.
    public func recordSent(applicationID: Int, variant: FeedbackRequestVariant, contact: ContactDetails?, on day: Day?) async throws -> FeedbackRequest {
        _ = try await rejectedApplication(applicationID)
        if let open = try await store.feedback.requests(for: applicationID).first(where: { $0.status == .sent }) {
            throw ValidationErrors([FieldError("sent", "You already recorded a request sent on \(open.sentOn?.readable ?? "an earlier day"). NextYes suggests one follow-up rather than a second request; when they answer, mark it as replied.")])
        }
        var contactID: Int?
        if let details = contact {
            if let existing = try await store.contacts.contacts(for: applicationID).first(where: { $0.name.lowercased() == details.name.lowercased() }) {
                contactID = existing.id
                if existing.details.email == nil, details.email != nil {
                    var updated = existing.details
                    updated.email = details.email
                    _ = try await store.contacts.update(existing.id, details: updated)
                }
            } else {
                let created = try await store.contacts.create(details)
                try await store.contacts.link(created.id, to: applicationID)
                contactID = created.id
            }
        }
        return try await store.feedback.createRequest(applicationID: applicationID, contactID: contactID, variant: variant, sentOn: day ?? store.clock.today)
    }

    /// Marks a request replied, declined or unanswered.
    @discardableResult
    public func mark(_ requestID: Int, _ status: FeedbackRequestStatus, on day: Day? = nil) async throws -> FeedbackRequest {
        guard status != .draft, status != .sent else {
            throw ValidationErrors([FieldError("status", "Choose replied, declined or no reply.")])
        }
        return try await store.feedback.mark(requestID, status, on: day)
    }

    /// Records the one follow-up NextYes suggests.
    @discardableResult
    public func recordFollowUp(_ requestID: Int, on day: Day? = nil) async throws -> FeedbackRequest {
        try await store.feedback.recordFollowUp(requestID, on: day)
    }

    private func rejectedApplication(_ id: Int) async throws -> Application {
        let application = try await store.applications.find(id)
        guard application.outcome == .rejected else {
            throw ValidationErrors([FieldError("id", application.isOpen
                ? "\(application.title) is still in progress. Feedback requests are for applications that ended in a no."
                : "\(application.title) ended as \(application.outcome.title.lowercased()). Feedback requests are for applications that ended in a no.")])
        }
        return application
    }

    // MARK: Feedback

    /// An application's feedback, oldest first, each with what was read in it.
    public func feedback(for applicationID: Int) async throws -> [(Feedback, FeedbackAnalysis)] {
        try await store.primeFeedbackReadings()
        return try await store.feedback.feedback(for: applicationID).map { ($0, FeedbackAnalyzer.analyze($0.text)) }
    }

    /// Saves the feedback (a strength it names becomes a win, an open request is marked replied)
    /// and returns what was read in it.
    public func record(applicationID: Int, text: String, receivedOn: Day? = nil) async throws -> (Feedback, FeedbackAnalysis) {
        _ = try await store.applications.find(applicationID)
        let analysis = FeedbackAnalyzer.analyze(text)
        let strength = analysis.strengths.first.map { FeedbackRepository.NamedStrength(title: $0.theme.title, evidence: $0.evidence) }
        let saved = try await store.feedback.add(applicationID: applicationID, text: text, receivedOn: receivedOn, strength: strength)
        // Read once, now: the reading is saved beside the text, with the reader's version.
        let reading = saved.text == text ? analysis : FeedbackAnalyzer.analyze(saved.text)
        try await store.feedback.saveReadings([(saved.id, try Store.encode(reading))], reader: FeedbackAnalyzer.version)
        return (saved, analysis)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
