import Foundation
import NextYesCore

/// What a job e-mail is about.
public enum MailKind: String, Codable, CaseIterable, Sendable {
    case rejection
    case interviewInvite = "interview-invite"
    case assessment
    case acknowledgement
    case offer
    case other

    public var title: String {
        switch self {
        case .rejection: "A no"
        case .interviewInvite: "An interview invitation"
        case .assessment: "An assessment or test"
        case .acknowledgement: "Application received"
        case .offer: "An offer"
        case .other: "Not a job update"
        }
    }
}

/// A day (and time, when given) an employer offers for an interview or a test.
public struct InterviewSlot: Codable, Sendable, Hashable {
    public var day: Day
    /// "14:30", when a time is given.
    public var time: String?

    public init(day: Day, time: String?) {
        self.day = day
        self.time = time
    }

    /// "Tuesday 10 February at 10:00".
    public var readable: String { day.readable + (time.map { " at \($0)" } ?? "") }
}

/// What the e-mail reader found in one message. Every field may be wrong: the person confirms
/// before anything is saved.
public struct JobMailReading: Codable, Sendable, Hashable {
    public var kind: MailKind
    public var company: String?
    public var role: String?
    /// For a rejection, the stated reason as a category (`noReasonGiven` for boilerplate).
    public var category: RejectionCategory?
    /// The sentence that states the reason, when there is one.
    public var reason: String?
    public var interviewDate: Day?
    /// "14:30", when a time is given.
    public var interviewTime: String?
    /// When the e-mail offers several days or times to choose from (and so sets none): each
    /// of them, in the order written. Nil otherwise.
    public var offeredSlots: [InterviewSlot]?
    /// How sure the reader is of the kind, from 0 to 1.
    public var confidence: Double
}

/// Reads a job e-mail: its kind, the company and role, a rejection's reason, an interview's day
/// and time. Rules over cues in English, German, French, Spanish, Dutch, Italian and Portuguese;
/// developed on `data/job-mail/dev.jsonl` and measured on the held-out split (docs/capture.md).
public enum JobMailReader {
    public static let version: Int64 = 1

    /// What the rules see in a message, which the learned model reads too.
    public struct Signals: Sendable {
        public var subject: String
        public var body: String
        public var scores: [MailKind: Int]
        public var jobContext: Bool
        public var otherBusiness: Bool
        /// Other business the kind model doesn't read: in another language's words, an interview for a
        /// podcast, the person's own reply declining an offer (decided after the model).
        public var otherBusinessInOtherLanguages: Bool
    }

    public static func signals(_ message: MailMessage) -> Signals {
        let body = Self.ownText(message.text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'"))
        let subject = Self.bareSubject(message.subject.replacingOccurrences(of: "’", with: "'"))
        let head = String((subject + "\n" + body).prefix(6000))
        let scores = Cues.scores(head, subject: subject)
        let jobContext = (Cues.jobContext.contains(head) || Cues.jobContext.contains(message.fromName ?? "")) && !Cues.notAJob.contains(head)
        // Mail about a loan, a flat or a course is no job update, whatever its words.
        let otherBusiness = Cues.notAJob.contains(head) && !Cues.hardJobWords.contains(head)
        let otherBusinessElsewhere = !otherBusiness
            && (Cues.notAJobInOtherLanguages.contains(head) && !Cues.hardJobWords.contains(head) || Cues.notAnUpdateFromTheEmployer.contains(head))
        return Signals(subject: subject, body: body, scores: scores, jobContext: jobContext, otherBusiness: otherBusiness,
                       otherBusinessInOtherLanguages: otherBusinessElsewhere)
    }

    /// The kind by the rules alone.
    public static func kindByRules(_ signals: Signals) -> (MailKind, Double) {
        guard !signals.otherBusiness && !signals.otherBusinessInOtherLanguages && (signals.jobContext || signals.scores.values.contains(where: { $0 >= 2 })) else { return (.other, 0.5) }
        return decide(signals.scores)
    }

    public static func read(_ message: MailMessage) -> JobMailReading {
        let signals = Self.signals(message)
        let body = signals.body, subject = signals.subject
        // The learned model reads the words and the rules' cues together; without it, the rules decide.
        var (kind, confidence) = MailKindModel.bundled.map { MailKindModel.kind(signals, models: $0) } ?? kindByRules(signals)
        if signals.otherBusiness || signals.otherBusinessInOtherLanguages { (kind, confidence) = (.other, max(confidence, 0.5)) }
        var reading = JobMailReading(kind: kind, confidence: confidence)
        guard kind != .other || (signals.jobContext && !signals.otherBusinessInOtherLanguages) else { return reading }
        reading.role = RoleFinder.role(subject: subject, body: body)
        reading.company = company(message, subject: subject, body: body, role: reading.role)
        // A "role" that is the company's name was the wrong words ("Halvorsen Industries -
        // Application Status Update"): the body may still name it.
        func isCompany(_ role: String?) -> Bool {
            guard let role, let company = reading.company else { return false }
            let r = Names.key(role), c = Names.key(company)
            return !r.isEmpty && (c.contains(r) || r.contains(c))
        }
        if isCompany(reading.role) {
            let fromBody = RoleFinder.role(subject: "", body: body)
            reading.role = isCompany(fromBody) ? nil : fromBody
        }
        if kind == .rejection {
            let found = ReasonFinder.reason(in: body)
            reading.category = found?.category ?? .noReasonGiven
            reading.reason = found?.sentence
        }
        if kind == .interviewInvite || kind == .assessment {
            // The Americas write the month first ("10/07/2026" is 7 October).
            let monthFirst = message.utcOffsetMinutes.map { $0 <= -180 ? true : DateFinder.usConvention(body) ?? false }
            let when = DateFinder.appointment(in: body, calendar: message.calendarStart, sent: message.date, monthFirst: monthFirst, offsetMinutes: message.utcOffsetMinutes)
            reading.interviewDate = when.day
            reading.interviewTime = when.time
            reading.offeredSlots = when.offered.isEmpty ? nil : when.offered
        }
        return reading
    }

    /// The company: the rules' choice, and with the learned model the best of every name-shaped
    /// candidate (the rules' choice among them, as a cue).
    static func company(_ message: MailMessage, subject: String, body: String, role: String?) -> String? {
        let rules = CompanyFinder.company(in: message, body: body)
        guard let model = MailCompanyModel.bundled else { return rules }
        return (MailCompanyModel.company(MailCompanyModel.candidates(message, subject: subject, body: body, ruleCompany: rules, role: role), model: model) ?? rules)
            .map { wholeLegalForm($0, in: body) }
    }

    /// "Tatva Systems Pvt." is cut short where the text goes on "Tatva Systems Pvt. Ltd.": a name
    /// that ends in one part of a legal form takes the rest of it.
    static func wholeLegalForm(_ name: String, in body: String) -> String {
        guard let last = name.split(separator: " ").last?.lowercased(), last.hasSuffix("."), Names.suffixes.contains(last),
              let found = body.range(of: name + " ") else { return name }
        let next = body[found.upperBound...].prefix { !$0.isWhitespace }
        return Names.suffixes.contains(next.lowercased()) ? name + " " + next : name
    }

    /// The company candidates of one message, as the reader sees them (for training).
    public static func companyCandidates(_ message: MailMessage) -> [MailCompanyModel.Candidate] {
        let signals = Self.signals(message)
        let role = RoleFinder.role(subject: signals.subject, body: signals.body)
        return MailCompanyModel.candidates(message, subject: signals.subject, body: signals.body,
                                           ruleCompany: CompanyFinder.company(in: message, body: signals.body), role: role)
    }

    /// The subject without "Re:", "Fwd:", "AW:" and the like.
    static func bareSubject(_ subject: String) -> String {
        var s = subject.trimmingCharacters(in: .whitespaces)
        while let colon = s.firstIndex(of: ":"), s.distance(from: s.startIndex, to: colon) <= 4,
              ["re", "fw", "fwd", "aw", "wg", "tr", "rv", "sv", "vs", "antw", "r", "i"].contains(s[..<colon].lowercased()) {
            s = s[s.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return s
    }

    /// The message's own words: quoted replies ("> ...", "On ... wrote:") and legal footers
    /// cut; a forwarded message is kept, since it is what was forwarded.
    static func ownText(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(">") { continue }
            if Cues.replyHeader.contains(trimmed) && lines.count > 2 { break }
            // An Outlook-style quoted message: "From: ..." then "Sent:"/"Date:" (not a forward).
            if lines.count > 2, trimmed.hasPrefix("From:") || trimmed.hasPrefix("Von:") || trimmed.hasPrefix("De :") || trimmed.hasPrefix("De:"),
               !lines.suffix(3).contains(where: { $0.lowercased().contains("forwarded") || $0.lowercased().contains("weitergeleitet") }) { break }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func decide(_ scores: [MailKind: Int]) -> (MailKind, Double) {
        let rejection = scores[.rejection] ?? 0, offer = scores[.offer] ?? 0, invite = scores[.interviewInvite] ?? 0
        let assessment = scores[.assessment] ?? 0, ack = scores[.acknowledgement] ?? 0
        if rejection >= 2 { return (.rejection, 0.9) }
        if offer >= 2 { return (.offer, 0.9) }
        if assessment >= 2 && assessment >= invite { return (.assessment, 0.85) }
        if invite >= 2 { return (.interviewInvite, 0.85) }
        if assessment >= 2 { return (.assessment, 0.75) }
        if ack >= 2 { return (.acknowledgement, 0.85) }
        if rejection >= 1 && offer == 0 && invite == 0 { return (.rejection, 0.6) }
        if ack >= 1 { return (.acknowledgement, 0.6) }
        return (.other, 0.5)
    }
}

extension JobMailReading {
    init(kind: MailKind, confidence: Double) {
        self.init(kind: kind, company: nil, role: nil, category: nil, reason: nil, interviewDate: nil, interviewTime: nil, offeredSlots: nil, confidence: confidence)
    }
}

/// The cues for each kind, counted: a strong cue counts 2, a weak one 1.
enum Cues {
    static let replyHeader = PatternSet([
        #"^on .{4,80} wrote:$"#, #"^am .{4,80} schrieb .*:$"#, #"^le .{4,80} a écrit\s?:$"#, #"^el .{4,80} escribió:$"#,
        #"^op .{4,80} schreef .*:$"#, #"^-{2,}\s*original message\s*-{2,}$"#, #"^-{2,}\s*ursprüngliche nachricht\s*-{2,}$"#,
    ])

    static let jobContext = PatternSet([
        #"\b(?:job|your|the) applications?\b(?! (?:for|to) (?:a |an |the |your )?(?:mortgage|loan|credit|card|account|visa|tenancy|flat|property|msc|ma|mba|phd|degree|course|programme of study|admission))"#,
        #"\bapplied (?:for|to)\b"#, #"\bapplying (?:for|to)\b"#, #"\bcandida(?:te|cy|ture|tura|to|ta|at)"#, #"\binterview(?!ing tips| book)"#, #"\brecruit"#,
        #"\bhiring\b"#, #"\btalent\b"#, #"\bposition\b"#, #"\bvacanc"#, #"\bcareers?\b"#, #"\bjob\b"#, #"\brole\b"#, #"\boffer of employment\b"#,
        #"\bbewerb"#, #"\bstelle\b"#, #"\bvorstellungsgespr"#, #"\bposte\b"#, #"\bentretien"#, #"\bpuesto\b"#, #"\bentrevista"#,
        #"\bvacature"#, #"\bsollicit"#, #"\bfunctie\b"#, #"\bcolloquio"#, #"\bposizione\b"#, #"\bvaga\b"#, #"\bassessment\b"#,
        #"\bansök"#, #"\bintervju"#, #"\btjänsten\b"#,
        #"\bhr team\b"#, #"\bpeople team\b"#, #"\bpersonalabteilung\b"#, #"\brecursos humanos\b"#, #"\bressources humaines\b"#,
    ])

    static let strong: [(MailKind, PatternSet)] = [
        (.rejection, PatternSet([
            #"\bregret to (?:inform|let you know|say|advise)\b"#, #"\b(?:not|won'?t|will not) (?:be )?(?:moving|proceeding|progressing|taking) (?:you |your (?:application|candidacy) )?(?:forward|further|any further|to the next)\b"#,
            #"\bdecided (?:not to (?:move|proceed|progress|pursue|take|continue|invite|offer)|to (?:move|proceed|go|continue) (?:forward )?with (?:other|another|a different))\b"#,
            #"\b(?:pursue|pursuing|proceed(?:ing)? with|move forward with|go(?:ing)? with|progress(?:ing)?) (?:other|another|a different) (?:candidate|applicant|profile)s?\b"#,
            #"\b(?:were|was|have been|has been|are) unsuccessful\b"#, #"\bnot been successful\b"#, #"\bunsuccessful on this occasion\b"#,
            #"\b(?:move|moving|proceed|proceeding|go|going|went|continue|continuing|progress|progressing) (?:forward |ahead )?with (?:a|another|other|one|the other|a different|an alternative) (?:candidate|applicant|person|profile)s?\b"#,
            #"\b(?:not|won't|will not|unable to|not able to|no longer|can't|cannot|couldn't)\b[^.]{0,25}\b(?:take|taking|move|moving|progress|progressing|proceed|proceeding|go|going)\b[^.]{0,30}\b(?:further|forward|ahead)\b"#,
            #"\bn't been successful\b"#, #"\bunable to shortlist\b"#, #"\bnot (?:been )?shortlisted\b"#,
            #"\b(?:chose|chosen|selected|hired|appointed|went with|gone with|decided on|offered (?:the|this) (?:role|position|post) to) (?:a|another|the other|an) (?:candidate|applicant|person|someone)\b[^.]{0,20}\b(?:with|who|whose)\b"#,
            #"\bhaben (?:wir )?uns\b[^.]{0,60}\b(?:für (?:einen|eine|den|die) (?:andere|anderen|kandidat|bewerber)|entschieden,? (?:ihre|die|diese)[^.]{0,40}nicht)"#, #"\bnicht (?:weiter )?(?:zu )?(?:berücksichtigen|besetzen|verfolgen)\b"#,
            #"\bauf eis\b"#, #"\bnon (?:proseguire|procedere|continuare)\b"#, #"\b(?:pas|plus) en mesure de (?:poursuivre|donner suite|retenir)\b"#,
            #"\bretenu (?:un|une) (?:autre )?(?:profil|candidat|candidature)\b"#, #"\bvacante (?:ya )?ha sido cubierta\b"#, #"\bproceso de selección (?:se )?ha (?:cerrado|finalizado)\b"#,
            #"\b(?:not|won'?t|will not|no longer) (?:be )?(?:going to )?(?:take|taking) (?:things|this|it|your application|you|matters) (?:any )?further\b"#,
            #"\bmov(?:e|ing) (?:ahead|forward|on) with (?:another|other|a different|an? other)\b"#, #"\b(?:won'?t|will not|not) be continuing\b"#,
            #"\bclos(?:e|ed|ing) (?:out )?(?:your application|active candidates|all (?:active )?applications|the (?:role|position|vacancy|recruitment|search))\b"#,
            #"\bapplications? (?:have|has) (?:therefore )?been closed\b"#, #"\bno longer (?:able to )?(?:recruit|hiring|proceeding|moving forward|recruiting)\b"#,
            #"\b(?:put|placed|putting|pausing) (?:this |the )?(?:role|position|vacancy|search|hiring|recruitment) on hold\b"#,
            // "Due to business reasons the requirement has been put on hold for the time being."
            #"\b(?:role|position|vacancy|requirement|req|opening|search|hiring|recruitment|post)\b[^.]{0,30}\b(?:has been|have been|is being|was|is|been) (?:put|placed|kept) on hold\b"#,
            #"\b(?:don'?t|do not) think (?:it'?s|this is|you'?re|you are) the right (?:match|fit)\b"#, #"\bnot (?:to )?(?:invite|progress|shortlist) you\b"#,
            #"\b(?:offered|gone with|went with|appointed|selected|hired|chosen|chose)\b[^.]{0,40}\b(?:another|a different|an? other|someone else|an internal)\b"#,
            #"\b(?:post|role|position|vacancy|funding)\b[^.]{0,40}\b(?:has been|was|have been) withdrawn\b"#, #"\b(?:decided|decision) (?:not|to not) to\b"#,
            #"\bwill not be (?:moving|offering|proceeding|inviting)\b"#, #"\bnot (?:be )?(?:offering|able to offer) you\b"#,
            #"\b(?:retenu|privilégié|choisi)\w* (?:un|une) autre\b"#, #"\bpas (?:pu )?(?:être )?retenue?\b"#, #"\bnous ne (?:pourrons|pouvons) pas\b"#,
            #"\bhaben uns (?:für|gegen)\b"#, #"\bnicht (?:weiter )?(?:berücksichtigen|in betracht)\b"#, #"\banderweitig (?:besetzt|entschieden)\b"#,
            #"\bno podremos\b"#, #"\bhemos decidido (?:continuar|seguir) con otr"#, #"\bhebben (?:we )?(?:besloten|gekozen) (?:om )?(?:niet|voor een andere)\b"#,
            #"\bnot (?:been )?(?:selected|shortlisted|chosen)\b"#, #"\bno longer (?:being )?considered\b"#, #"\bnot (?:able|in a position) to offer you\b"#,
            #"\b(?:will|can) not (?:be )?(?:offering|progress)"#, #"\bwe (?:won'?t|will not|cannot|can'?t) (?:be )?(?:moving|progress|proceed|offer)"#,
            #"\bother candidates (?:whose|who|that)\b"#, #"\bmore closely (?:match|align)"#, #"\bclosed? (?:your|the) application\b"#,
            #"\bdecline (?:your|the) application\b"#, #"\bnot the right (?:fit|match)\b"#, #"\bnot to (?:proceed|progress|move forward)\b"#,
            #"\bposition has (?:now )?been filled\b"#, #"\bwill not be taking your application\b"#, #"\bunable to (?:offer|progress|move forward|proceed)\b"#,
            #"\bleider\b[\s\S]{0,120}\b(?:nicht|keine|absage|anderen?|entschieden)"#, #"\b(?:absage|nicht berücksichtig|nicht weiter berücksichtig|gegen sie entschieden|für (?:einen |eine )?andere[nr]? (?:bewerber|kandidat))"#,
            #"\bnicht in die engere auswahl\b"#, #"\bnicht (?:weiter )?(?:verfolgen|fortsetzen|berücksichtigen)\b"#,
            #"\bmalheureusement\b[\s\S]{0,150}\b(?:pas|autre|retenu)"#, #"\b(?:pas|n'a pas) (?:été )?retenue?s?\b"#, #"\bne (?:pas |pouvons pas |pourrons pas )?donner (?:une suite favorable|suite)\b"#,
            #"\bd'autres candidat"#, #"\bautres? (?:profils?|candidatures?) (?:qui|dont|plus)\b"#,
            #"\b(?:lamentablemente|desafortunadamente|lamentamos)\b[\s\S]{0,150}\b(?:no|otros?|otra)"#, #"\bno (?:has|ha) sido seleccionad"#, #"\b(?:otros|otras) (?:candidatos|candidaturas|perfiles)\b"#,
            #"\bno (?:continuar|seguir adelante|avanzar)\b"#,
            #"\bhelaas\b[\s\S]{0,150}\b(?:niet|andere|geen)"#, #"\b(?:afwijz|afgewezen)"#, #"\bniet (?:verder|door) (?:gaan|te gaan|in|met)\b"#, #"\bandere kandida(?:at|ten)\b"#,
            #"\bniet geselecteerd\b"#, #"\bpurtroppo\b[\s\S]{0,150}\b(?:non|altri|altro)"#, #"\bnon (?:è stata |sei stato |è stato )?selezionat"#, #"\baltri candidati\b"#,
            #"\binfelizmente\b[\s\S]{0,150}\b(?:não|outros?|outra)"#, #"\bnão (?:foi |foste )?selecionad"#, #"\boutros candidatos\b"#,
            #"\btyvärr\b[\s\S]{0,150}\b(?:inte|andra|annan)"#, #"\b(?:gå vidare|gått vidare|går vidare) med (?:andra|en annan)\b"#,
        ])),
        (.offer, PatternSet([
            #"\b(?:pleased|delighted|happy|thrilled|excited) to (?:offer|extend)\b"#, #"\boffer of employment\b"#, #"\b(?:formal|written|job|employment) offer\b"#,
            #"\b(?:have |has )?offered you the\b"#, #"\bconfirm (?:our|the|my) offer\b"#, #"\bthe offer is\b"#, #"\boffer (?:is )?conditional on\b"#, #"\boffer of the (?:post|role|position)\b"#,
            #"\boffer letter\b"#, #"\bextend (?:you )?an offer\b"#, #"\b(?:like|love) to offer you (?:the|a|this)\b"#, #"\bverbal offer\b"#,
            #"\bcontract of employment\b"#, #"\bsign (?:and return )?(?:the|your) (?:offer|contract)\b"#, #"\bwelcome (?:you )?(?:to|aboard) the team\b"#,
            #"\b(?:vertragsangebot|arbeitsvertrag|zusage für die stelle|ihnen die stelle anbieten|freuen uns,? ihnen .{0,40}anzubieten)"#,
            #"\b(?:proposition d'embauche|promesse d'embauche|vous proposer le poste|offre (?:d'embauche|ferme))"#,
            #"\b(?:oferta (?:formal|laboral|de trabajo)|ofrecerte el puesto|ofrecerle el puesto|carta oferta)\b"#,
            #"\b(?:arbeidsovereenkomst|aanbod (?:voor|om)|contractvoorstel)\b"#, #"\b(?:offerta di lavoro|proposta di assunzione)\b"#, #"\b(?:proposta de emprego|oferta de emprego)\b"#,
        ])),
        (.assessment, PatternSet([
            #"\b(?:online |technical |coding |skills? |aptitude |psychometric |cognitive |personality |situational judge?ment )(?:assessment|test|challenge|exercise)s?\b"#,
            #"\btake[- ]home (?:assignment|task|exercise|challenge|test)\b"#, #"\b(?:hackerrank|codility|testgorilla|codesignal|coderbyte|shl|hirevue|pymetrics|criteria corp|talentq)\b"#,
            #"\bcomplete (?:the|an|our|this|a short) (?:assessment|test|challenge|exercise|task|questionnaire|case study)\b"#, #"\bcase study\b"#,
            #"\bassessment (?:centre|center|link|invitation|invite|stage)\b"#, #"\brecord (?:your|a) (?:video|answers)\b"#, #"\bone-way (?:video )?interview\b"#,
            #"\b(?:design|coding|writing|written|short|small|practical|technical) (?:task|exercise|brief|challenge|assignment)\b"#, #"\b(?:invite|invited|invitation) (?:you )?to (?:complete|take) (?:an?|the|our)\b"#,
            #"\b(?:eignungstest|online-test|onlinetest|testaufgabe|fallstudie|assessment-center)\b"#, #"\b(?:test technique|test en ligne|étude de cas|exercice technique)\b"#,
            #"\b(?:prueba técnica|prueba online|caso práctico|evaluación (?:técnica|online))\b"#, #"\b(?:online toets|praktijkopdracht|casusopdracht)\b"#,
            #"\b(?:test tecnico|prova tecnica)\b"#, #"\b(?:teste técnico|prova técnica)\b"#,
            // Recorded (one-way) video interviews and aptitude tests in the other languages.
            #"\b(?:video ?colloquio registrato|test attitudinal[ei]|test online)\b"#, #"\b(?:aufgezeichnete[sn]? video|videointerview aufzeichnen|persönlichkeitstest)\b"#,
            #"\b(?:entretien vidéo différé|vidéo différée|test de personnalité|test d'aptitude|tests? psychotechniques?)\b"#,
            #"\b(?:videoentrevista (?:grabada|diferida)|test de personalidad|pruebas? psicotécnicas?)\b"#, #"\b(?:capaciteitentest|persoonlijkheidstest|video-?interview opnemen)\b"#,
            #"\b(?:entrevista em vídeo gravada|teste online|testes? psicotécnicos?)\b"#, #"\b(?:logiktest|personlighetstest|färdighetstest|arbetspsykologiskt test|inspelad videointervju)\b"#,
        ])),
        (.interviewInvite, PatternSet([
            #"\b(?:invite|invited|invitation|inviting) (?:you )?(?:to|for) (?:an? |the |your )?(?:first |second |final |next |initial |onsite |on-site |virtual |video |phone |panel |technical )?(?:round |stage )?(?:of )?(?:interview|conversation|call|chat|meeting|screen)"#,
            #"\b(?:bring|have) you in for (?:a|an|the)\b"#, #"\b(?:first|second|third|final|next)[- ]round interview\b"#, #"\b(?:first|second|third|final) interview\b"#,
            #"\bsee you on\b"#, #"\bwhich of these (?:works|suits|times)\b"#, #"\byou have been invited to (?:the following|an?) event\b"#, #"\bje vous propose un entretien\b"#,
            #"\bvous proposer un entretien\b"#, #"\bconfirmer votre présence\b"#, #"\bproponemos una entrevista\b"#, #"\b(?:invitación|invitacion) a (?:una )?entrevista\b"#,
            #"\binterview (?:invitation|invite|request)\b"#, #"\bschedul(?:e|ing) (?:an? |your |the )?(?:first |second |final |next |initial |phone |video |technical |panel )?(?:interview|call|chat|conversation|screen)"#,
            #"\b(?:like|love|keen|happy) to (?:invite you|meet you|speak with you|talk with you|chat with you|set up (?:a|an) (?:call|interview|time))\b"#,
            #"\b(?:phone|video|zoom|teams) (?:screen|interview|call)\b"#, #"\bbook (?:a|an|your) (?:slot|time|interview)\b"#, #"\b(?:select|choose|pick) a (?:time|slot)\b"#,
            #"\bnext (?:step|stage|round)\b.{0,80}\binterview\b"#, #"\breschedul\w+\b"#, #"\b(?:free|available) (?:for|to) (?:a )?(?:quick |short )?(?:call|chat|phone call|catch-up|conversation)\b"#,
            #"\btrial shift\b"#, #"\bcome in (?:for|to) (?:a|an|the)\b"#, #"\bfinal (?:round|stage) (?:interview|conversation|meeting)\b"#, #"\bhave a (?:quick |short )?(?:call|chat)\b"#, #"\byour interview (?:is|has been) (?:scheduled|confirmed|booked)\b"#, #"\binterview (?:is )?(?:confirmed|scheduled)\b"#,
            #"\b(?:vorstellungsgespräch|einladung zu(?:m|r)? (?:gespräch|interview|kennenlerngespräch)|laden (?:sie|dich) .{0,60}ein|persönlich kennenlernen|kennenlerngespräch|videointerview)"#,
            #"\b(?:convocation à un entretien|inviter à un entretien|vous inviter|vous rencontrer|entretien (?:téléphonique|vidéo|en visio|individuel))"#,
            #"\b(?:invitarte a una entrevista|invitarle a una entrevista|entrevista (?:personal|telefónica|por videollamada)|conocerte)"#,
            #"\b(?:uitnodig\w* (?:voor|tot) (?:een|het) (?:eerste |tweede )?gesprek|kennismakingsgesprek|sollicitatiegesprek)"#, #"\b(?:invitarla|invitarti|colloquio (?:conoscitivo|telefonico|online))"#,
            #"\b(?:convidá-lo|convidar você|entrevista (?:online|presencial))"#,
            #"\b(?:graag (?:even )?(?:kennismaken|uitnodigen)|tijd voor een (?:kort |eerste )?gesprek|op gesprek (?:komen|uitnodigen))"#,
            #"\b(?:bjuda in (?:dig )?till (?:en )?intervju|intervju (?:den|på|via)|träffa dig)\b"#,
        ])),
        (.acknowledgement, PatternSet([
            #"\b(?:we(?:'ve| have)?|has been|have been|was) (?:successfully )?(?:received|submitted)\b.{0,40}\bapplication\b"#, #"\bapplication (?:has been |was )?(?:successfully )?(?:received|submitted)\b"#,
            #"\breceived your (?:application|cv|resume|candidacy)\b"#, #"\b(?:we'?ve|we have) got your application\b"#, #"\bapplication (?:was|has been) sent to\b"#,
            #"\bgot your (?:cv|resume|application|details)\b"#, #"\bunterlagen sind (?:bei uns )?(?:angekommen|eingegangen)\b"#, #"\b(?:dass|das) du dich\b[^.]{0,60}\bbeworben hast\b"#,
            #"\bwe review every application\b"#, #"\bmember of our (?:recruiting|talent|hiring) team will (?:reach out|contact you|be in touch)\b"#,
            #"\bunterlagen\b[\s\S]{0,60}\beingegangen\b"#, #"\bconfirmation de (?:votre )?candidature\b"#, #"\binscripción confirmada\b"#, #"\bconfirm(?:ation|ing)? (?:of )?(?:your )?application\b"#,
            #"\bapplication (?:confirmation|complete|acknowledg)"#, #"\bwe (?:confirm|acknowledge) receipt\b"#, #"\bconfirm(?:ing|s)? (?:the )?(?:receipt|that we (?:have )?received)\b"#, #"\bthanks? (?:you )?for (?:your )?(?:applying|application|applying to|interest in)\b"#,
            #"\b(?:eingang ihrer bewerbung|bewerbung (?:ist )?(?:bei uns )?(?:eingegangen|erhalten)|eingangsbestätigung)"#, #"\b(?:bien reçu votre candidature|accusé de réception|nous avons (?:bien )?reçu votre candidature|avons bien reçu)"#,
            #"\b(?:hemos recibido tu (?:candidatura|solicitud)|hemos recibido su (?:candidatura|solicitud)|recibido correctamente)"#, #"\b(?:ontvangstbevestiging|(?:we )?hebben je sollicitatie (?:in goede orde )?ontvangen|in goede orde ontvangen)"#,
            #"\b(?:abbiamo ricevuto la tua candidatura|candidatura (?:è stata )?ricevuta)"#, #"\b(?:recebemos a sua candidatura|candidatura (?:foi )?recebida)"#,
            #"\b(?:tagit emot din ansökan|tack för din ansökan)"#,
        ])),
    ]

    static let weak: [(MailKind, PatternSet)] = [
        (.rejection, PatternSet([#"\bunfortunately\b"#, #"\bregret\b"#, #"\bsadly\b"#, #"\bleider\b"#, #"\bmalheureusement\b"#, #"\blamentablemente\b"#, #"\bhelaas\b"#, #"\bpurtroppo\b"#, #"\binfelizmente\b"#,
                                 #"\bkeep your (?:cv|resume|details|profile) on file\b"#, #"\bfuture (?:opportunities|openings|vacancies|roles)\b"#, #"\bwish you (?:every |the best of |all the best |the very best |)(?:success|luck)\b"#])),
        (.offer, PatternSet([#"\boffer\b"#, #"\bcongratulations\b"#, #"\bstart date\b"#, #"\bonboarding\b"#, #"\bherzlichen glückwunsch\b"#, #"\bfélicitations\b"#, #"\benhorabuena\b"#, #"\bgefeliciteerd\b"#])),
        (.assessment, PatternSet([#"\bassessment\b"#, #"\btest\b"#, #"\bchallenge\b"#, #"\bexercise\b"#, #"\bquestionnaire\b"#])),
        (.interviewInvite, PatternSet([#"\binterview\b"#, #"\bavailability\b"#, #"\bavailable\b.{0,40}\b(?:call|chat|talk)\b"#, #"\bcalendly\b"#, #"\bgespräch\b"#, #"\bentretien\b"#, #"\bentrevista\b"#, #"\bgesprek\b"#, #"\bcolloquio\b"#])),
        (.acknowledgement, PatternSet([#"\bwe will (?:review|be in touch|contact you|get back)\b"#, #"\bunder review\b"#, #"\bin (?:the )?review\b"#, #"\bvielen dank für ihre bewerbung\b"#, #"\bmerci pour votre candidature\b"#,
                                       #"\bgracias por tu (?:candidatura|interés)\b"#, #"\bbedankt voor je sollicitatie\b"#])),
    ]

    /// Words only job mail uses.
    static let hardJobWords = PatternSet([#"\binterview"#, #"\bcandida"#, #"\brecruit"#, #"\bhiring\b"#, #"\bbewerb(?!\w* (?:als |um |für )(?:mieter|die wohnung|eine wohnung|den studienplatz))"#, #"\bvacanc"#, #"\bjob\b"#, #"\bposition\b"#])

    /// Mail about other kinds of application, offer and interview: loans, tenancies, study, shopping.
    static let notAJob = PatternSet([
        #"\bmortgage\b"#, #"\bloan\b"#, #"\bcredit (?:card|score|report|limit|check)\b"#, #"\bpre-?approved\b"#, #"\btenancy\b"#, #"\blandlord\b"#, #"\bletting\b"#,
        #"\boffer of admission\b"#, #"\badmissions?\b"#, #"\bstudy programme\b"#, #"\byour order\b"#, #"\border #"#, #"\bdelivery\b.{0,40}\b(?:tracking|parcel)\b"#, #"\breceipt\b"#,
        #"\bvisa application\b"#, #"\bplanning application\b"#, #"\bsubscription\b"#, #"\bunsubscribe from (?:our )?newsletter\b"#, #"\bhow did we do\b"#, #"\bsurvey\b"#,
        #"\bpassport\b"#, #"\binsurance (?:policy|quote|claim)\b"#, #"\brental\b"#, #"\bviewing\b"#, #"\btenant\b"#, #"\bletting agent\b"#,
    ])

    /// The same in the other languages mail is read in: a flat, a tenant, a loan, a place to
    /// study. Kept apart from `notAJob`, which the kind model reads as a feature: these decide
    /// after the model, so "Ihre Bewerbung als Mieterin" is no job rejection.
    /// Mail that uses an update's words and is none: an interview for a podcast or a magazine, and
    /// the person's own reply declining an offer or withdrawing ("I have decided to decline as I
    /// have accepted another role"). Decided after the kind model, like the set below.
    static let notAnUpdateFromTheEmployer = PatternSet([
        #"\b(?:podcast|webinar|blog|newsletter|magazine|documentary|radio|livestream|youtube channel|our show) interview\b"#,
        #"\binterview you (?:for|on) (?:our|the|a|my) (?:podcast|show|blog|newsletter|channel|magazine|series|article|paper|feature)\b(?! (?:producer|host|editor|presenter|role|position|job|team|manager|lead))"#,
        #"\bi(?: have|'ve)? (?:decided|chosen) to (?:decline|withdraw|turn down|not accept)\b(?! your| you)"#,
        #"\bi(?:'d| would) like to withdraw (?:my|from)\b"#, #"\bi(?:'m| am) (?:withdrawing|declining) (?:my|from|the|your)\b"#,
        #"\bi(?: have|'ve) (?:accepted|signed) (?:another|a different|an(?:other)?|a) (?:role|offer|position|job)\b"#,
        // A job board's newsletter, however much it says about rejections ("Nach der Absage: …").
        #"\b(?:you(?:'re| are) receiving this|you received this|sie erhalten diesen|vous recevez (?:cette|ce)|recibes (?:este|esta)|je ontvangt deze|ricevi questa|você está recebendo (?:esta|este)) (?:\w+[- ])?(?:newsletter|nieuwsbrief|boletín|bulletin)\b"#,
        #"\b(?:ihr|your|votre|tu|je|la tua|sua) [\w-]{0,20}(?:newsletter|nieuwsbrief|boletín)\s*\|"#,
    ])

    static let notAJobInOtherLanguages = PatternSet([
        #"\b(?:wohnungs?|mietwohnung|mieterin|mieter|mietvertrag|vermietung|hausverwaltung|besichtigung|wohnungssuche|ratenkredit|kreditantrag|darlehen|studienplatz)\b"#,
        #"\b(?:logement|locataire|bail|appartement|prêt immobilier|crédit immobilier)\b"#,
        #"\b(?:alquiler(?:es)?|inquilin[oa]|vivienda|hipoteca|préstamo)\b"#,
        #"\b(?:woning|huurder|huurwoning|huurcontract|bezichtiging|hypotheek|lening)\b"#,
        #"\b(?:affitto|inquilin[oa]|appartamento|mutuo|prestito)\b"#,
    ])

    /// Sentences that only say what would happen ("if you have not heard from us within four
    /// weeks, your application has been unsuccessful") don't count as a no.
    static let conditional = PatternSet([
        #"\bif (?:you (?:have not|haven'?t|do not|don'?t) hear|we (?:do not|don'?t) (?:contact|get back)|your application is (?:not )?successful|you are not contacted|unsuccessful)"#,
        #"\bif (?:we'?d like|we would like|you(?:'re| are) shortlisted|shortlisted|successful|selected|you are selected|we decide to)\b"#,
        #"\bsollten sie (?:innerhalb|nichts)\b"#, #"\bsi vous n'avez pas (?:de nouvelles|reçu)\b"#, #"\bsi no (?:recibes|has recibido)\b"#, #"\bals je (?:binnen|niets)\b"#,
    ])

    static func scores(_ text: String, subject: String = "") -> [MailKind: Int] {
        var scores: [MailKind: Int] = [:]
        // Only when something is conditional at all are the sentences looked at one by one.
        let firm = conditional.contains(text) ? Segmenter.sentences(text).filter { !conditional.contains($0.text) }.map(\.text).joined(separator: " ") : text
        let guarded: Set<MailKind> = [.rejection, .interviewInvite, .assessment, .offer]
        for (kind, set) in strong where set.contains(guarded.contains(kind) ? firm : text) { scores[kind, default: 0] += 2 }
        for (kind, set) in weak where set.contains(guarded.contains(kind) ? firm : text) { scores[kind, default: 0] += 1 }
        // The subject says what the mail is about: its cues count once more.
        for (kind, set) in strong where !subject.isEmpty && set.contains(subject) { scores[kind, default: 0] += 1 }
        // Beyond set phrases: two kinds of words meeting in one sentence ("regret" and "proceed",
        // "schedule" and "interview"), in any order and wording.
        for (kind, weight) in Pairs.scores(firm) where (scores[kind] ?? 0) < 2 { scores[kind, default: 0] += weight }
        return scores
    }
}

/// Which application a job e-mail is about: by company (as read, and as the sender's domain and
/// the text name it), by role, and by date (an e-mail can't answer an application made after it).
public enum MailMatcher {
    public struct Candidate: Sendable {
        public var id: Int
        public var company: String
        public var role: String
        public var since: Day
        public var open: Bool

        public init(id: Int, company: String, role: String, since: Day, open: Bool) {
            self.id = id
            self.company = company
            self.role = role
            self.since = since
            self.open = open
        }
    }

    public static let threshold = 0.5

    public static func match(_ reading: JobMailReading, _ message: MailMessage, among candidates: [Candidate]) -> (id: Int, confidence: Double)? {
        let text = (message.subject + "\n" + message.text).lowercased()
        let domain = (message.fromDomain ?? "").replacingOccurrences(of: "-", with: "")
        let readCompany = reading.company.map(Names.key) ?? ""
        let readRole = reading.role.map(Names.key) ?? ""
        let sent = message.date.map { Day($0, in: TimeZone(identifier: "UTC")!) }
        var best: (id: Int, score: Double)?
        for candidate in candidates {
            let company = Names.key(candidate.company)
            guard !company.isEmpty else { continue }
            var score = 0.0
            if !readCompany.isEmpty && readCompany == company {
                score += 0.6
            } else if !readCompany.isEmpty && (readCompany.hasPrefix(company) || company.hasPrefix(readCompany)) && min(readCompany.count, company.count) >= 3 {
                score += 0.45
            } else if text.contains(candidate.company.lowercased()) || text.contains(company) {
                score += 0.4
            }
            let compact = company.replacingOccurrences(of: " ", with: "")
            if compact.count >= 3 && domain.contains(compact) { score += 0.3 } else if let first = company.split(separator: " ").first, first.count >= 4, domain.contains(first) { score += 0.2 }
            let role = Names.key(candidate.role)
            if !readRole.isEmpty && readRole == role {
                score += 0.3
            } else if !readRole.isEmpty && (readRole.contains(role) || role.contains(readRole)) {
                score += 0.2
            } else if !role.isEmpty && text.contains(candidate.role.lowercased()) {
                score += 0.15
            }
            // An e-mail can't answer an application made after it.
            if let sent, sent < candidate.since.adding(days: -7) { continue }
            if !candidate.open { score -= 0.1 }
            if score > (best?.score ?? 0) { best = (candidate.id, score) }
        }
        guard let best, best.score >= threshold else { return nil }
        return (best.id, min(1, best.score))
    }
}

/// Cues made of two word groups that meet in one sentence: sturdier than set phrases against
/// wordings nobody wrote a rule for.
enum Pairs {
    struct Rule {
        var kind: MailKind
        var weight: Int
        var first: [String]
        var second: [String]
    }

    static let negative = ["unfortunately", "regret", "sorry", "sadly", "unable", "no longer", "unsuccessful", "not be ", "not to ", "won't", "will not", "cannot",
                           "can't", "decided against", "declin", "leider", "bedauer", "malheureusement", "regrett", "lamentablemente", "lamentamos", "desafortunadamente",
                           "sentimos", "helaas", "spijt", "purtroppo", "dispiace", "infelizmente", "lamentamos"]
    static let decision = ["forward", "further", "proceed", "progress", "continue", "selected", "successful", "shortlist", "offer you", "other candidate",
                           "another candidate", "other applicant", "next stage", "next round", "next step", "pursue", "consider", "move ahead", "closer match",
                           "better match", "weiter", "berücksichtig", "auswahl", "entschieden", "absage", "suite", "retenu", "poursuiv", "continuar", "seleccion",
                           "avanzar", "proceso", "verder", "afgewezen", "gekozen", "procedura", "proseguire", "selezion", "continuar", "seguimento", "selecionad"]
    static let meeting = ["interview", "call", "chat", "meet", "meeting", "conversation", "gespräch", "entretien", "entrevista", "gesprek", "colloquio", "video", "zoom", "teams"]
    static let scheduling = ["schedule", "availab", "slot", "invite", "invitation", "book", "calendar", "propose", "arrange", "set up", "when would", "what time",
                             "does that work", "works for you", "work for you", "be free", "are you free", "free this", "free next", "free on", "suit you", "termin", "einladen", "einladung", "disponib", "créneau", "convoc", "horario", "agenda", "beschikbaar",
                             "uitnodig", "invitar", "convidar", "disponibil"]
    static let testing = ["test", "assessment", "exercise", "task", "challenge", "case study", "assignment", "questionnaire", "aufgabe", "épreuve", "prueba", "opdracht", "prova"]
    static let doing = ["complete", "take", "link", "deadline", "within", "submit", "days to", "hours to", "invite", "invitation", "access", "start", "bearbeiten",
                        "compléter", "realizar", "completar", "invullen", "maken", "completare"]
    static let offerWords = ["offer", "contract", "angebot", "vertrag", "offre", "oferta", "aanbod", "contratto", "proposta"]
    static let welcome = ["pleased", "delighted", "happy to", "thrilled", "congratulat", "welcome", "start date", "accept", "sign", "glückwunsch", "freuen",
                          "félicit", "ravis", "enhorabuena", "encantados", "gefeliciteerd", "blij", "congratula", "felici", "parabéns"]
    static let receipt = ["received", "receipt", "got your", "confirm", "submitted", "erhalten", "eingegangen", "bestätig", "reçu", "bien reçu", "recibido",
                          "ontvangen", "ricevuto", "recebemos", "recebido"]
    static let applicationWords = ["application", "cv", "resume", "candidacy", "bewerbung", "unterlagen", "candidature", "candidatura", "solicitud", "sollicitatie"]

    static let rules: [Rule] = [
        Rule(kind: .rejection, weight: 2, first: negative, second: decision),
        Rule(kind: .interviewInvite, weight: 1, first: meeting, second: scheduling),
        Rule(kind: .assessment, weight: 1, first: testing, second: doing),
        Rule(kind: .offer, weight: 1, first: offerWords, second: welcome),
        Rule(kind: .acknowledgement, weight: 1, first: receipt, second: applicationWords),
    ]

    static func scores(_ text: String) -> [MailKind: Int] {
        var found: [MailKind: Int] = [:]
        for sentence in Segmenter.sentences(String(text.prefix(4000))) {
            let lower = sentence.text.lowercased()
            for rule in rules where found[rule.kind] == nil {
                if rule.first.contains(where: { lower.contains($0) }) && rule.second.contains(where: { lower.contains($0) }) {
                    found[rule.kind] = rule.weight
                }
            }
        }
        return found
    }
}
