import Foundation
import NextYesCore

/// Why something is on the agenda.
public enum AgendaKind: String, CaseIterable, Codable, Sendable {
    case interview
    case feedbackFollowUp = "feedback-follow-up"
    case applicationFollowUp = "application-follow-up"
    case reconnect
    case processingEnds = "processing-ends"
    case planDeadline = "plan-deadline"

    public var title: String {
        switch self {
        case .interview: "Interview"
        case .feedbackFollowUp: "Feedback follow-up"
        case .applicationFollowUp: "Application follow-up"
        case .reconnect: "Reconnect"
        case .processingEnds: "After a no"
        case .planDeadline: "Plan deadline"
        }
    }

    /// Interviews are appointments; everything else is a reminder that can be ticked off.
    public var isReminder: Bool { self != .interview }
}

/// One thing due on a day.
public struct AgendaItem: Hashable, Codable, Sendable {
    /// Stable across runs, so a calendar app updates the event instead of duplicating it, and a
    /// reminder ticked off stays ticked off.
    public var uid: String
    public var kind: AgendaKind
    public var on: Day
    public var time: TimeOfDay?
    public var title: String
    public var detail: String
    public var applicationID: Int?
    public var contactID: Int?
    public var goalID: Int?

    public init(uid: String, kind: AgendaKind, on: Day, time: TimeOfDay? = nil, title: String, detail: String,
                applicationID: Int? = nil, contactID: Int? = nil, goalID: Int? = nil) {
        self.uid = uid
        self.kind = kind
        self.on = on
        self.time = time
        self.title = title
        self.detail = detail
        self.applicationID = applicationID
        self.contactID = contactID
        self.goalID = goalID
    }

    /// When it is due, as a person reads it beside the item: "Today", or for a reminder still
    /// open from an earlier day, gently, "Was due 3 Nov"; else the day itself.
    /// The part of the agenda it sits in, the same on every surface.
    public func group(today: Day) -> String {
        on < today ? "Was due earlier" : on == today ? "Today" : on <= today.adding(days: 6) ? "This week" : "Later"
    }

    /// The parts of the agenda, in the order they are shown.
    public static let groups = ["Was due earlier", "Today", "This week", "Later"]

    public func due(today: Day) -> String {
        if on == today { return "Today" }
        guard on < today else { return on.readable }
        let day = on.year == today.year ? on.short : on.readable
        return on == today.adding(days: -1) ? "Was due yesterday" : "Was due \(day)"
    }
}

/// Everything due, gathered from the search.
public enum Agenda {
    public struct Inputs: Sendable {
        public var applications: [Application] = []
        public var rejections: [Rejection] = []
        public var requests: [FeedbackRequest] = []
        public var contacts: [Contact] = []
        /// Which contacts each application is linked to.
        public var links: [(applicationID: Int, contactID: Int)] = []
        public var interactions: [Interaction] = []
        public var rounds: [InterviewRound] = []
        public var goals: [PlanGoal] = []
        /// Applications with a reflection written: their processing reminder is no longer needed.
        public var reflected: Set<Int> = []
        /// Reminders the person ticked off.
        public var done: Set<String> = []
        /// Days without news after which to follow up on an application.
        public var followUpAfterDays: Int = 7

        public init() {}
    }

    /// Months after a late-stage rejection to reconnect: "not right now" is not "never".
    public static let reconnectAfterMonths = 3

    /// Every item on or after `from`, and reminders from before it that are still open, by day and time.
    public static func items(_ inputs: Inputs, today: Day, from: Day? = nil) -> [AgendaItem] {
        let start = from ?? today
        var items: [AgendaItem] = []
        // By id, as positions: copying every application into a table costs more than the rest.
        let position = Dictionary(inputs.applications.indices.map { (inputs.applications[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        let applications = ByID(all: inputs.applications, position: position)
        let contacts = Dictionary(inputs.contacts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        for round in inputs.rounds where round.on >= start {
            guard let application = applications[round.applicationID] else { continue }
            let names = round.interviewerIDs.compactMap { contacts[$0]?.name }
            var detail = Text.sentence("\(round.type.title) interview for \(application.title)")
            if !names.isEmpty { detail += " With \(names.joined(separator: ", "))." }
            if let notes = round.notes { detail += "\n\(notes)" }
            // The id alone could come back after a deletion; with the application and day it can't
            // be mistaken for another event by a subscribed calendar.
            items.append(AgendaItem(uid: "interview-\(round.id)-\(round.applicationID)-\(round.on)", kind: .interview, on: round.on, time: round.time,
                                    title: "Interview: \(application.title)", detail: detail, applicationID: application.id))
        }

        for request in inputs.requests {
            guard let due = request.followUpDueOn, let application = applications[request.applicationID] else { continue }
            let name = request.contactID.flatMap { contacts[$0]?.name }
            items.append(AgendaItem(
                uid: "feedback-follow-up-\(request.id)", kind: .feedbackFollowUp, on: due,
                title: "Follow up on feedback from \(application.details.company)",
                detail: "No answer yet to the feedback request" + (name.map { " to \($0)" } ?? "") + ". One short, friendly follow-up is fine; after that, let it go.",
                applicationID: application.id, contactID: request.contactID))
        }

        for i in inputs.applications.indices where inputs.applications[i].outcome == .open && (.applied ... .assessment).contains(inputs.applications[i].stage) {
            let application = inputs.applications[i]
            let due = application.lastActivityOn.adding(days: inputs.followUpAfterDays)
            items.append(AgendaItem(
                uid: "application-follow-up-\(application.id)-\(application.lastActivityOn)", kind: .applicationFollowUp, on: due,
                title: "Check in on \(application.title)",
                detail: "No news since \(application.lastActivityOn.readable). A short, polite note to the recruiter or hiring manager keeps you on their radar.",
                applicationID: application.id))
        }

        let linked = Dictionary(grouping: inputs.links, by: \.applicationID).mapValues { $0.map(\.contactID) }
        for rejection in inputs.rejections where rejection.stageReached >= .interview {
            guard let application = applications[rejection.applicationID], application.outcome == .rejected else { continue }
            let due = rejection.on.adding(months: reconnectAfterMonths)
            let people = (linked[application.id] ?? []).compactMap { contacts[$0] }
                .filter { $0.details.role == .recruiter || $0.details.role == .hiringManager }
            let reconnected: (Contact) -> Bool = { contact in
                inputs.interactions.contains { $0.contactID == contact.id && $0.on >= rejection.on.adding(days: 60) }
            }
            if people.isEmpty {
                items.append(AgendaItem(
                    uid: "reconnect-\(application.id)", kind: .reconnect, on: due,
                    title: "Reconnect with \(application.details.company)",
                    detail: "You reached the \(rejection.stageReached.title.lowercased()) stage for \(application.role). \"Not right now\" is not \"never\": a friendly note to the recruiter or hiring manager, and a look at their open roles.",
                    applicationID: application.id))
            }
            for person in people where !reconnected(person) {
                items.append(AgendaItem(
                    uid: "reconnect-\(application.id)-\(person.id)", kind: .reconnect, on: due,
                    title: "Reconnect with \(person.name) (\(application.details.company))",
                    detail: "You reached the \(rejection.stageReached.title.lowercased()) stage for \(application.role). \"Not right now\" is not \"never\": a short hello, what you've been working on, and interest in future roles.",
                    applicationID: application.id, contactID: person.id))
            }
        }

        for rejection in inputs.rejections where !inputs.reflected.contains(rejection.applicationID) {
            guard let application = applications[rejection.applicationID], application.outcome == .rejected,
                  rejection.processingEndsOn >= today.adding(days: -7) else { continue }
            items.append(AgendaItem(
                uid: "processing-ends-\(application.id)-\(rejection.on)", kind: .processingEnds, on: rejection.processingEndsOn,
                title: "When you're ready: look back on \(application.details.company)",
                detail: "The time you set aside to feel this one ends. A short reflection turns it into something you can use; there's no rush.",
                applicationID: application.id))
        }

        for goal in inputs.goals where goal.status == .active {
            items.append(AgendaItem(
                uid: "plan-deadline-\(goal.id)-\(goal.deadline)", kind: .planDeadline, on: goal.deadline,
                title: "Goal deadline: \(goal.title)",
                detail: "Done when: \(goal.measure)\nFinish it, move the date, or let it go; all three are fine.", goalID: goal.id))
        }

        // By day, time (none first), kind and uid; the keys are worked out once per item.
        let kept = items.filter { !inputs.done.contains($0.uid) && ($0.on >= start || $0.kind.isReminder) }
        let keys = kept.map { ($0.on.dayNumber, $0.time.map { $0.hour * 60 + $0.minute } ?? 0, $0.kind.rawValue) }
        return kept.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if x.0 != y.0 { return x.0 < y.0 }
            if x.1 != y.1 { return x.1 < y.1 }
            if x.2 != y.2 { return x.2 < y.2 }
            return kept[a].uid < kept[b].uid
        }.map { kept[$0] }
    }
}

/// Applications looked up by id through their positions in one array.
private struct ByID {
    let all: [Application]
    let position: [Int: Int]

    subscript(id: Int) -> Application? {
        position[id].map { all[$0] }
    }
}
