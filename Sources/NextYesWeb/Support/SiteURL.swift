import NextYesCore
import Vapor

/// A path parameter: `.key` when registering a route, `.value` when building a link.
public enum Parameter<T: Sendable>: Sendable {
    case key
    case value(T)
}

/// Every page and form target of the web app. The same cases register the routes and build every
/// link, so a link can't point at a route that doesn't exist.
public enum SiteURL: Sendable {
    case dashboard
    case applications
    case newApplication
    /// "Add from a posting": paste a posting (or arrive from the bookmarklet) and get the form filled.
    case postingApplication
    /// "I got an e-mail": read one job e-mail, then apply it.
    case mail
    case mailApply
    /// A mailbox upload, its preview and the chosen changes applied.
    case mailbox
    case mailboxApply
    case application(Parameter<Int>)
    case editApplication(Parameter<Int>)
    case applicationAction(Parameter<Int>, ApplicationAction)
    case rejectAcknowledge(Parameter<Int>)
    case rejectDetails(Parameter<Int>)
    case rejectCategory(Parameter<Int>)
    case rejectionNext(Parameter<Int>)
    case feedbackCompose(Parameter<Int>)
    case feedbackRequests(Parameter<Int>)
    case feedbackRecord(Parameter<Int>)
    case feedbackRequestAction(Parameter<Int>, FeedbackRequestAction)
    case reflection(Parameter<Int>)
    case insights
    case journal
    case journalEntry(Parameter<Int>)
    case journalReframe(Parameter<Int>)
    case checkIn
    case wins
    case support
    case supportResume
    case profile
    case profileSkills
    case profileSkill(Parameter<Int>)
    case profileResume
    case profileTargets
    case skills
    case plan
    case planGoals
    case planGoal(Parameter<Int>, GoalAction)
    case planDecline
    case progress
    case progressHours
    case contacts
    case contact(Parameter<Int>)
    case contactAction(Parameter<Int>, ContactAction)
    case interviews(Parameter<Int>)
    case interviewDelete(Parameter<Int>)
    case agenda
    case agendaDone
    case agendaNewToken
    /// The calendar feed; its file name carries the secret token.
    case feed(Parameter<String>)
    case stories
    case story(Parameter<Int>)
    case storyDelete(Parameter<Int>)
    case practice
    case report
    /// The report as a file: `report.md` or `report.json`.
    case reportDownload(Parameter<String>)
    case reportWellbeing
    case importFile
    case importConfirm
    case importCancel
    case importBackup
    /// A download of everything: `nextyes-export.json` or `.csv`.
    case exportFile(Parameter<String>)

    public enum ContactAction: String, CaseIterable, Sendable {
        case log, link, unlink, delete
    }

    public enum GoalAction: String, CaseIterable, Sendable {
        case done, drop, hours, edit
    }
    case demo
    case removeSample
    case settings
    case apiTokens
    case apiTokenRevoke(Parameter<Int>)
    case login
    case logout
    case stylesheet
    case script

    public enum ApplicationAction: String, CaseIterable, Sendable {
        case move, ghosted, withdraw, reopen, accept, decline, delete
    }

    public enum FeedbackRequestAction: String, CaseIterable, Sendable {
        case status = "status"
        case followUp = "follow-up"
    }

    static let idKey = "id"
    /// The path parameter of routes whose last part is a file name.
    static let fileKey = "file"

    public var pathComponents: [PathComponent] {
        func file(_ p: Parameter<String>, _ name: (String) -> String) -> PathComponent {
            switch p {
            case .key: .parameter(Self.fileKey)
            case .value(let v): .constant(name(v))
            }
        }
        func id(_ p: Parameter<Int>) -> PathComponent {
            switch p {
            case .key: .parameter(Self.idKey)
            case .value(let v): .constant(String(v))
            }
        }
        switch self {
        case .dashboard: return []
        case .applications: return ["applications"]
        case .newApplication: return ["applications", "new"]
        case .postingApplication: return ["applications", "from-posting"]
        case .mail: return ["mail"]
        case .mailApply: return ["mail", "apply"]
        case .mailbox: return ["mail", "mailbox"]
        case .mailboxApply: return ["mail", "mailbox", "apply"]
        case .application(let p): return ["applications", id(p)]
        case .editApplication(let p): return ["applications", id(p), "edit"]
        case .applicationAction(let p, let action): return ["applications", id(p), .constant(action.rawValue)]
        case .rejectAcknowledge(let p): return ["applications", id(p), "reject"]
        case .rejectDetails(let p): return ["applications", id(p), "reject", "details"]
        case .rejectCategory(let p): return ["applications", id(p), "reject", "category"]
        case .rejectionNext(let p): return ["applications", id(p), "rejection"]
        case .feedbackCompose(let p): return ["applications", id(p), "feedback", "request"]
        case .feedbackRequests(let p): return ["applications", id(p), "feedback", "requests"]
        case .feedbackRecord(let p): return ["applications", id(p), "feedback"]
        case .feedbackRequestAction(let p, let action): return ["feedback-requests", id(p), .constant(action.rawValue)]
        case .reflection(let p): return ["applications", id(p), "reflection"]
        case .insights: return ["insights"]
        case .journal: return ["journal"]
        case .journalEntry(let p): return ["journal", id(p)]
        case .journalReframe(let p): return ["journal", id(p), "reframe"]
        case .checkIn: return ["check-in"]
        case .wins: return ["wins"]
        case .support: return ["support"]
        case .supportResume: return ["support", "resume"]
        case .profile: return ["profile"]
        case .profileSkills: return ["profile", "skills"]
        case .profileSkill(let p): return ["profile", "skills", id(p)]
        case .profileResume: return ["profile", "resume"]
        case .profileTargets: return ["profile", "targets"]
        case .skills: return ["skills"]
        case .plan: return ["plan"]
        case .planGoals: return ["plan", "goals"]
        case .planGoal(let p, let action): return ["plan", "goals", id(p), .constant(action.rawValue)]
        case .planDecline: return ["plan", "decline"]
        case .progress: return ["progress"]
        case .progressHours: return ["progress", "hours"]
        case .contacts: return ["contacts"]
        case .contact(let p): return ["contacts", id(p)]
        case .contactAction(let p, let action): return ["contacts", id(p), .constant(action.rawValue)]
        case .interviews(let p): return ["applications", id(p), "interviews"]
        case .interviewDelete(let p): return ["interviews", id(p), "delete"]
        case .agenda: return ["agenda"]
        case .agendaDone: return ["agenda", "done"]
        case .agendaNewToken: return ["agenda", "new-feed-address"]
        case .feed(let token): return ["feed", file(token) { $0 + ".ics" }]
        case .stories: return ["stories"]
        case .story(let p): return ["stories", id(p)]
        case .storyDelete(let p): return ["stories", id(p), "delete"]
        case .practice: return ["practice"]
        case .report: return ["report"]
        case .reportDownload(let format): return ["report", file(format) { "report.\($0)" }]
        case .reportWellbeing: return ["report", "wellbeing"]
        case .importFile: return ["import"]
        case .importConfirm: return ["import", "confirm"]
        case .importCancel: return ["import", "cancel"]
        case .importBackup: return ["import", "backup"]
        case .exportFile(let format): return ["export", file(format) { "nextyes-export.\($0)" }]
        case .demo: return ["demo"]
        case .removeSample: return ["demo", "remove"]
        case .settings: return ["settings"]
        case .apiTokens: return ["settings", "api-tokens"]
        case .apiTokenRevoke(let p): return ["settings", "api-tokens", id(p), "revoke"]
        case .login: return ["login"]
        case .logout: return ["logout"]
        case .stylesheet: return ["static", "app.css"]
        case .script: return ["static", "app.js"]
        }
    }

    /// The link to this page, with optional query items.
    public func path(_ query: [(String, String)] = []) -> String {
        let base = "/" + pathComponents.map(\.description).joined(separator: "/")
        guard !query.isEmpty else { return base }
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return base + "?" + (components.percentEncodedQuery ?? "")
    }

    /// Pages that answer without logging in.
    var isPublic: Bool {
        switch self {
        case .login, .stylesheet, .script: true
        default: false
        }
    }
}

extension SiteURL {
    /// Convenience for links to a specific application.
    static func application(_ id: Int) -> SiteURL { .application(.value(id)) }
}
