/// Whether a rejection reason was something the person could influence.
public enum Controllability: String, CaseIterable, Codable, Sendable {
    case yes
    case partly
    case no

    public var title: String {
        switch self {
        case .yes: "In your control"
        case .partly: "Partly in your control"
        case .no: "Out of your control"
        }
    }

    public init?(id: String) {
        switch id.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "true", "y": self = .yes
        case "partly", "partial", "partially": self = .partly
        case "no", "false", "n": self = .no
        default: return nil
        }
    }
}

/// Why an application was turned down, as far as the person knows.
public enum RejectionCategory: String, CaseIterable, Codable, Sendable, TypedIdentifier {
    case skillsGap = "skills-gap"
    case experienceLevel = "experience-level"
    case interviewPerformance = "interview-performance"
    case applicationMaterials = "application-materials"
    case cultureFit = "culture-fit"
    case salaryMismatch = "salary-mismatch"
    case location
    case internalCandidate = "internal-candidate"
    case moreExperiencedCandidate = "more-experienced-candidate"
    case positionFilled = "position-filled"
    case hiringFreeze = "hiring-freeze"
    case budget
    case roleOnHold = "role-on-hold"
    case roleChanged = "role-changed"
    case timing
    case noReasonGiven = "no-reason-given"
    case other

    /// The default reading of whether this reason was in the person's hands; a person can override it.
    public var controllability: Controllability {
        switch self {
        case .skillsGap, .interviewPerformance, .applicationMaterials: .yes
        case .experienceLevel: .partly
        default: .no
        }
    }

    public var title: String {
        switch self {
        case .skillsGap: "Skills gap"
        case .experienceLevel: "Experience level"
        case .interviewPerformance: "Interview performance"
        case .applicationMaterials: "Application materials"
        case .cultureFit: "Culture fit"
        case .salaryMismatch: "Salary mismatch"
        case .location: "Location"
        case .internalCandidate: "Internal candidate"
        case .moreExperiencedCandidate: "More experienced candidate"
        case .positionFilled: "Position filled"
        case .hiringFreeze: "Hiring freeze"
        case .budget: "Budget"
        case .roleOnHold: "Role on hold"
        case .roleChanged: "Role changed"
        case .timing: "Timing"
        case .noReasonGiven: "No reason given"
        case .other: "Something else"
        }
    }

    /// One sentence that helps a person place this reason.
    public var explanation: String {
        switch self {
        case .skillsGap:
            "The role asked for a skill you are still building. That is specific, and you can work on it."
        case .experienceLevel:
            "They wanted more (or different) years of experience. Part of this is time, part is how you tell your story."
        case .interviewPerformance:
            "Something in the interview did not land as you hoped. Practice changes this more than anything."
        case .applicationMaterials:
            "The resume or cover letter did not show your fit clearly enough. Tailoring helps here."
        case .cultureFit:
            "They judged the fit with their team. Fit runs both ways, and it says little about your ability."
        case .salaryMismatch:
            "Your expectations and their budget did not meet. Knowing your worth is not a mistake."
        case .location:
            "Where the job is, or where you are, did not work for them. That is logistics, not you."
        case .internalCandidate:
            "Someone already inside the company got the role. Internal moves can be decided before the search even starts."
        case .moreExperiencedCandidate:
            "Another candidate had more years in the field. That is a comparison on that day, not a verdict on you."
        case .positionFilled:
            "The position was filled. Timing decided this one."
        case .hiringFreeze:
            "The company stopped hiring. No candidate could have changed that."
        case .budget:
            "The money for the role was not there. That was settled far from your application."
        case .roleOnHold:
            "The role was put on hold. Plans changed on their side."
        case .roleChanged:
            "The role itself changed after you applied. You applied for a job that no longer exists as it was."
        case .timing:
            "The timing did not work out. That is circumstance, not capability."
        case .noReasonGiven:
            "They did not say why. Without a reason there is nothing here to read about your worth; a feedback request may tell you more."
        case .other:
            "A reason that fits none of the others. Write it down in your own words."
        }
    }

    /// Categories that don't say what happened, so nothing can be read from them about control.
    public var isUnclear: Bool { self == .other || self == .noReasonGiven }
}
