import Foundation
import NextYesCore

/// A goal NextYes suggests; it becomes a plan goal when the person accepts it (edited or not).
public struct GoalProposal: Hashable, Codable, Sendable {
    /// A short, stable name for the suggestion ("sql", "communication"), for `nextyes plan accept`.
    public var id: String
    public var title: String
    public var focus: String
    public var focusName: String
    public var action: GoalAction
    public var measure: String
    public var deadline: Day
    public var weeklyHours: Int
    /// Why NextYes suggests it, with the evidence.
    public var reason: String
}

extension GoalProposal {
    /// The suggestion as a form, to accept as it is or with changes.
    public var form: GoalForm {
        GoalForm(title: title, focus: focus, focusName: focusName, action: action.rawValue, measure: measure,
                 deadline: deadline.description, weeklyHours: String(weeklyHours))
    }
}

public enum DevelopmentPlan {
    /// Up to `limit` specific, measurable goals: the most-asked skills the profile lacks (or is
    /// still learning), then the improvement themes that keep coming back in feedback. No course
    /// names or links are invented; the goal says what kind of step to take.
    public static func propose(
        demand: [SkillDemand], recurring: [RecurringTheme], goals: [PlanGoal], today: Day, limit: Int = 4
    ) -> [GoalProposal] {
        // Anything already accepted, done or turned down is not suggested again.
        let taken = Set(goals.map(\.focus))
        var proposals: [GoalProposal] = []
        let minimumPostings = demand.first.map { $0.totalPostings >= 4 ? 2 : 1 } ?? 1
        let themes = recurring.filter { $0.polarity == .improvement && !taken.contains($0.theme.rawValue) }
        // Leave room for up to two feedback themes, so the plan isn't only about tools.
        let skillLimit = limit - min(2, themes.count)
        for entry in demand where !taken.contains(entry.skill.key) && (entry.profileLevel == nil || entry.profileLevel == .learning) {
            guard entry.postings >= minimumPostings, proposals.count < skillLimit else { continue }
            let name = entry.skill.name
            let learning = entry.profileLevel == .learning
            proposals.append(GoalProposal(
                id: slug(name, taken: proposals.map(\.id)),
                title: learning ? "\(name): from learning to working level" : "Build working knowledge of \(name)",
                focus: entry.skill.key, focusName: name,
                action: learning ? .project : .course,
                measure: learning
                    ? "Finish one small project that uses \(name) from start to finish, and write three sentences on what you built and what you'd do differently."
                    : "Work through one structured course or tutorial series on \(name) and use it in a short exercise of your own.",
                deadline: today.adding(days: learning ? 28 : 42),
                weeklyHours: learning ? 3 : 4,
                reason: "\(name) is \(entry.summary)."))
        }
        for theme in themes {
            guard proposals.count < limit else { break }
            let (action, measure, days, hours): (GoalAction, String, Int, Int) = switch theme.theme {
            case .communication: (.practice, "Record answers to three common interview questions using the STAR method, listen back, and get each under two minutes.", 21, 2)
            case .problemSolving: (.practice, "Talk through three open-ended problems out loud, stating your assumptions and trade-offs before you solve each.", 21, 2)
            case .teamwork: (.practice, "Write two STAR stories about working through a disagreement and sharing credit, and practise them aloud.", 14, 1)
            case .adaptability: (.mentorConversation, "Have one conversation with someone you respect about a plan that changed, and note two things you'd do the same way.", 14, 1)
            case .leadership: (.mentorConversation, "Talk with a mentor about taking ownership, and write two stories where you took the lead without being asked.", 21, 1)
            case .technicalSkills: (.project, "Pick the skill named most often in the feedback and finish one small piece of work with it.", 28, 3)
            }
            proposals.append(GoalProposal(
                id: slug(theme.theme.rawValue, taken: proposals.map(\.id)),
                title: "Strengthen \(theme.theme.title.lowercased())", focus: theme.theme.rawValue, focusName: theme.theme.title.lowercased(), action: action,
                measure: measure, deadline: today.adding(days: days), weeklyHours: hours,
                reason: "Feedback for \(theme.applicationIDs.count) applications asked for more \(theme.theme.title.lowercased())."))
        }
        return proposals
    }

    /// "SQL" → "sql", "CI/CD" → "ci-cd", "C++" → "c-plus-plus"; unique among `taken`.
    static func slug(_ name: String, taken: [String]) -> String {
        var text = name.lowercased().replacingOccurrences(of: "++", with: "-plus-plus").replacingOccurrences(of: "#", with: "-sharp")
        text = text.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        var slug = text.split(separator: "-").joined(separator: "-")
        if slug.isEmpty { slug = "goal" }
        var candidate = slug
        var n = 2
        while taken.contains(candidate) { candidate = "\(slug)-\(n)"; n += 1 }
        return candidate
    }
}

/// Whether recent applications match where the person said they want to go.
public struct Alignment: Hashable, Codable, Sendable {
    public var considered: Int
    public var aligned: Int
    public var unalignedIDs: [Int]

    public var share: Share { Share(aligned, of: considered) }

    /// Below half aligned, with enough applications to tell: time to reassess on purpose.
    public var suggestsReassessing: Bool { considered >= Share.minimumForPercent && Double(aligned) / Double(considered) < 0.5 }

    public var reading: String {
        if considered == 0 { return "No applications to compare with your targets yet." }
        if share.isTooFewToTell { return "\(aligned) of your last \(considered) applications match your target roles or industries." }
        if suggestsReassessing {
            return "\(share) of your last \(considered) applications match your target roles or industries. A good moment to check in with yourself: refocus on the roles you want, or, if your direction has changed, pivot on purpose and update your targets so NextYes can follow."
        }
        return "\(share) of your last \(considered) applications match your target roles or industries."
    }
}

public enum CareerAlignment {
    /// Checks the last `window` applications (by applied or added date) against target roles and
    /// industries: a role matches when all its words appear in the role title; an industry when
    /// it appears in the role, company, or job description. Nil without any targets to compare.
    public static func check(_ applications: [Application], targets: CareerTargets, window: Int = 20) -> Alignment? {
        guard !targets.roles.isEmpty || !targets.industries.isEmpty else { return nil }
        let recent = applications.filter { $0.furthestStage >= .applied }
            .sorted { ($0.details.appliedOn ?? $0.lastActivityOn, $0.id) > ($1.details.appliedOn ?? $1.lastActivityOn, $1.id) }
            .prefix(window)
        var aligned = 0
        var unaligned: [Int] = []
        for application in recent {
            if matches(application, targets) { aligned += 1 } else { unaligned.append(application.id) }
        }
        return Alignment(considered: recent.count, aligned: aligned, unalignedIDs: unaligned)
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }

    /// Whether the role title holds every word of one of the target roles.
    public static func matchesRole(_ application: Application, _ targets: CareerTargets) -> Bool {
        let role = words(application.role)
        return targets.roles.contains { target in let t = words(target); return !t.isEmpty && t.isSubset(of: role) }
    }

    static func matches(_ application: Application, _ targets: CareerTargets) -> Bool {
        if matchesRole(application, targets) { return true }
        let haystack = [application.role, application.company, application.details.jobDescription ?? ""].joined(separator: " ").lowercased()
        return targets.industries.contains { !$0.isEmpty && haystack.contains($0.lowercased()) }
    }
}
