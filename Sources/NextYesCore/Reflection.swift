import Foundation

/// The parts of an interview a person rates after a rejection at the interview stages.
public enum InterviewPart: String, CaseIterable, Codable, Sendable {
    case preparation = "preparation-and-research"
    case introduction
    case technicalQuestions = "technical-questions"
    case behaviouralQuestions = "behavioural-questions"
    case myQuestions = "my-questions"
    case closing

    public var title: String {
        switch self {
        case .preparation: "Preparation and research"
        case .introduction: "Introduction"
        case .technicalQuestions: "Technical questions"
        case .behaviouralQuestions: "Behavioural questions and examples"
        case .myQuestions: "The questions I asked"
        case .closing: "Closing"
        }
    }

    /// Something concrete to practise when this part keeps scoring low.
    public var advice: String {
        switch self {
        case .preparation: "Before each interview, write down three things about the company and two about the role's challenges, and how your experience meets them."
        case .introduction: "Practise a 60-second \"tell me about yourself\" that ends with why this role, out loud, until it feels natural."
        case .technicalQuestions: "Pick the two topics that came up most and do a short, timed practice on each every week."
        case .behaviouralQuestions: "Write three STAR stories (situation, task, action, result) with a number in each result, and practise them aloud."
        case .myQuestions: "Prepare three questions about the team's challenges and how success is measured in the first six months."
        case .closing: "End by restating your fit in one sentence and asking about the next steps."
        }
    }
}

/// The application-materials checklist for rejections before any interview.
public enum MaterialsCheck: String, CaseIterable, Codable, Sendable {
    case tailored = "tailored-to-posting"
    case keywords = "keywords-present"
    case results = "results-over-responsibilities"
    case coverLetter = "cover-letter"
    case profile = "profile-up-to-date"

    public var title: String {
        switch self {
        case .tailored: "My resume was tailored to this posting"
        case .keywords: "The posting's key words appear in my resume"
        case .results: "My bullets show results, not just responsibilities"
        case .coverLetter: "I sent a cover letter written for this role"
        case .profile: "My online profile is up to date and matches my resume"
        }
    }
}

/// A self-rating of one interview part, 1 (rough) to 5 (went well), with a note.
public struct PartRating: Hashable, Sendable, Codable {
    public var score: Int
    public var note: String?

    public init(score: Int, note: String? = nil) {
        self.score = score
        self.note = note
    }
}

/// A person's honest look back at one application.
public struct Reflection: Hashable, Sendable, Codable {
    public var applicationID: Int
    /// Did I understand the role, and tailor my application to it?
    public var understoodRole: String?
    /// Where did I feel less confident?
    public var lessConfident: String?
    /// Which skills or experiences should I strengthen?
    public var strengthen: String?
    /// What went well?
    public var wentWell: String?
    public var ratings: [InterviewPart: PartRating]
    /// The checklist items the person could tick.
    public var checklist: Set<MaterialsCheck>
    public var updatedAt: Date

    public init(
        applicationID: Int, understoodRole: String? = nil, lessConfident: String? = nil, strengthen: String? = nil,
        wentWell: String? = nil, ratings: [InterviewPart: PartRating] = [:], checklist: Set<MaterialsCheck> = [], updatedAt: Date
    ) {
        self.applicationID = applicationID
        self.understoodRole = understoodRole
        self.lessConfident = lessConfident
        self.strengthen = strengthen
        self.wentWell = wentWell
        self.ratings = ratings
        self.checklist = checklist
        self.updatedAt = updatedAt
    }

    /// Interview parts rated 2 or lower: where the person felt unsure.
    public var weakParts: [InterviewPart] {
        InterviewPart.allCases.filter { (ratings[$0]?.score ?? 5) <= 2 }
    }

    /// Whether ratings or the checklist apply: interviews from screening on, materials before.
    public static func isInterviewStage(_ stage: Stage) -> Bool { stage >= .screening }
}

/// A reflection form as typed.
public struct ReflectionForm: Hashable, Sendable {
    public struct RatingInput: Hashable, Sendable {
        public var score: String
        public var note: String

        public init(score: String = "", note: String = "") {
            self.score = score
            self.note = note
        }
    }

    public var understoodRole: String
    public var lessConfident: String
    public var strengthen: String
    public var wentWell: String
    public var ratings: [InterviewPart: RatingInput]
    public var checklist: Set<String>

    public init(understoodRole: String = "", lessConfident: String = "", strengthen: String = "", wentWell: String = "",
                ratings: [InterviewPart: RatingInput] = [:], checklist: Set<String> = []) {
        self.understoodRole = understoodRole
        self.lessConfident = lessConfident
        self.strengthen = strengthen
        self.wentWell = wentWell
        self.ratings = ratings
        self.checklist = checklist
    }

    public init(_ reflection: Reflection) {
        self.init(
            understoodRole: reflection.understoodRole ?? "", lessConfident: reflection.lessConfident ?? "",
            strengthen: reflection.strengthen ?? "", wentWell: reflection.wentWell ?? "",
            ratings: reflection.ratings.mapValues { RatingInput(score: String($0.score), note: $0.note ?? "") },
            checklist: Set(reflection.checklist.map(\.rawValue)))
    }

    public func validated(applicationID: Int, at moment: Date) throws(ValidationErrors) -> Reflection {
        var errors = ValidationErrors()
        func text(_ raw: String, _ field: String) -> String? {
            let value = Text.clean(raw)
            if let value, value.count > Limits.notes {
                errors.add(field, "This answer holds up to \(Limits.notes) characters; this is \(value.count).")
            }
            return value
        }
        let understood = text(understoodRole, "understoodRole")
        let less = text(lessConfident, "lessConfident")
        let strengthen = text(strengthen, "strengthen")
        let went = text(wentWell, "wentWell")
        var ratings: [InterviewPart: PartRating] = [:]
        for part in InterviewPart.allCases {
            guard let entry = self.ratings[part] else { continue }
            let note = Text.clean(entry.note)
            guard let raw = Text.cleanLine(entry.score) else {
                if note != nil { errors.add(part.rawValue, "Give \"\(part.title)\" a rating from 1 to 5 to keep its note.") }
                continue
            }
            guard let score = Int(raw), (1...5).contains(score) else {
                errors.add(part.rawValue, "Rate \"\(part.title)\" from 1 (rough) to 5 (went well).")
                continue
            }
            if let note, note.count > Limits.notes { errors.add(part.rawValue, "Keep the note under \(Limits.notes) characters.") }
            ratings[part] = PartRating(score: score, note: note)
        }
        var checklist: Set<MaterialsCheck> = []
        for raw in self.checklist {
            guard let item = MaterialsCheck(rawValue: raw) else {
                errors.add("checklist", "\"\(FormRules.quote(raw))\" is not a checklist item.")
                continue
            }
            checklist.insert(item)
        }
        if !errors.isEmpty { throw errors }
        return Reflection(applicationID: applicationID, understoodRole: understood, lessConfident: less, strengthen: strengthen,
                          wentWell: went, ratings: ratings, checklist: checklist, updatedAt: moment)
    }
}
