import Foundation

/// How a person knows a contact, or what they do in the search.
public enum ContactRole: String, CaseIterable, Codable, Sendable, TypedIdentifier {
    case recruiter
    case hiringManager = "hiring-manager"
    case interviewer
    case referrer
    case mentor
    case coach
    case peer

    public var title: String {
        switch self {
        case .recruiter: "Recruiter"
        case .hiringManager: "Hiring manager"
        case .interviewer: "Interviewer"
        case .referrer: "Referrer"
        case .mentor: "Mentor"
        case .coach: "Coach"
        case .peer: "Peer"
        }
    }
}

/// Someone in the person's job-search network.
public struct Contact: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var details: ContactDetails
    public var createdAt: Date

    public init(id: Int, details: ContactDetails, createdAt: Date) {
        self.id = id
        self.details = details
        self.createdAt = createdAt
    }

    public var name: String { details.name }
}

public struct ContactDetails: Hashable, Sendable, Codable {
    public var name: String
    public var role: ContactRole?
    public var company: String?
    public var email: String?
    public var profileURL: String?
    public var notes: String?

    public init(name: String, role: ContactRole? = nil, company: String? = nil, email: String? = nil, profileURL: String? = nil, notes: String? = nil) {
        self.name = name
        self.role = role
        self.company = company
        self.email = email
        self.profileURL = profileURL
        self.notes = notes
    }
}

/// A contact form as typed.
public struct ContactForm: Hashable, Sendable, Codable {
    public var name: String
    public var role: String
    public var company: String
    public var email: String
    public var profileURL: String
    public var notes: String

    public init(name: String = "", role: String = "", company: String = "", email: String = "", profileURL: String = "", notes: String = "") {
        self.name = name
        self.role = role
        self.company = company
        self.email = email
        self.profileURL = profileURL
        self.notes = notes
    }

    public init(details: ContactDetails) {
        self.init(name: details.name, role: details.role?.rawValue ?? "", company: details.company ?? "",
                  email: details.email ?? "", profileURL: details.profileURL ?? "", notes: details.notes ?? "")
    }

    public func validated() throws(ValidationErrors) -> ContactDetails {
        var errors = ValidationErrors()
        let name = Text.cleanLine(name)
        if name == nil { errors.add("name", "Add the contact's name.") }
        if let name, name.count > Limits.name { errors.add("name", "Keep the name under \(Limits.name) characters.") }
        var role: ContactRole?
        if let raw = Text.cleanLine(self.role) {
            role = ContactRole(id: raw)
            if role == nil { errors.add("role", "\"\(FormRules.quote(raw))\" is not a contact role. Use one of: \(ContactRole.idList).") }
        }
        let company = Text.cleanLine(company)
        if let company, company.count > Limits.name { errors.add("company", "Keep the company under \(Limits.name) characters.") }
        var email = Text.cleanLine(self.email)
        if let raw = email {
            switch FormRules.emailAddress(raw) {
            case .success(let clean): email = clean
            case .failure(let message): errors.add("email", message.text)
            }
        }
        var profile = Text.cleanLine(profileURL)
        if let raw = profile {
            switch FormRules.webAddress(raw) {
            case .success(let clean): profile = clean
            case .failure(let message): errors.add("profileURL", message.text)
            }
        }
        let notes = Text.clean(notes)
        if let notes, notes.count > Limits.notes { errors.add("notes", "Notes hold up to \(Limits.notes) characters; this is \(notes.count).") }
        if !errors.isEmpty { throw errors }
        return ContactDetails(name: name!, role: role, company: company, email: email, profileURL: profile, notes: notes)
    }
}

extension FormRules {
    /// A plausible e-mail address: one @, a dotted domain, no spaces or angle brackets.
    public static func emailAddress(_ raw: String) -> Result<String, FieldMessage> {
        let parts = raw.split(separator: "@", omittingEmptySubsequences: false)
        guard raw.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !raw.contains(where: { $0.isWhitespace || "<>\"(),;:".contains($0) }) else {
            return .failure(FieldMessage("\"\(quote(raw))\" doesn't look like an e-mail address. Write it like name@company.com."))
        }
        return .success(raw)
    }
}
