import Foundation

/// How well the person knows a skill.
public enum SkillLevel: String, CaseIterable, Codable, Sendable, Comparable, TypedIdentifier {
    case learning
    case working
    case strong

    public var title: String {
        switch self {
        case .learning: "Learning"
        case .working: "Working knowledge"
        case .strong: "Strong"
        }
    }

    public var rank: Int { SkillLevel.allCases.firstIndex(of: self)! }
    public static func < (lhs: SkillLevel, rhs: SkillLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A skill in the person's profile. `key` ties it to skills found in job descriptions.
public struct ProfileSkill: Hashable, Codable, Sendable, Identifiable {
    public var id: Int
    public var name: String
    public var key: String
    public var level: SkillLevel

    public init(id: Int, name: String, key: String, level: SkillLevel) {
        self.id = id
        self.name = name
        self.key = key
        self.level = level
    }
}

/// Where the person wants to go: the roles, industries and what matters to them.
public struct CareerTargets: Hashable, Codable, Sendable {
    public var roles: [String]
    public var industries: [String]
    public var values: [String]
    public var interests: [String]
    public var strengths: [String]

    public init(roles: [String] = [], industries: [String] = [], values: [String] = [], interests: [String] = [], strengths: [String] = []) {
        self.roles = roles
        self.industries = industries
        self.values = values
        self.interests = interests
        self.strengths = strengths
    }

    public var isEmpty: Bool { roles.isEmpty && industries.isEmpty && values.isEmpty && interests.isEmpty && strengths.isEmpty }

    /// One entry per line (or comma), trimmed, without repeats; up to 20 short entries a list.
    public static func list(_ raw: String, field: String, errors: inout ValidationErrors) -> [String] {
        var items: [String] = []
        for piece in raw.split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" }) {
            guard let item = Text.cleanLine(String(piece)) else { continue }
            if item.count > Limits.name {
                errors.add(field, "Keep each entry under \(Limits.name) characters: \"\(FormRules.quote(item))\" is longer.")
                continue
            }
            if !items.contains(where: { $0.lowercased() == item.lowercased() }) { items.append(item) }
        }
        if items.count > 20 { errors.add(field, "Up to 20 entries fit here; keep the ones that matter most.") }
        return Array(items.prefix(20))
    }
}

/// What a goal asks the person to do.
public enum GoalAction: String, CaseIterable, Codable, Sendable, TypedIdentifier {
    case course
    case project
    case practice
    case mentorConversation = "mentor-conversation"

    public var title: String {
        switch self {
        case .course: "Course"
        case .project: "Project"
        case .practice: "Practice"
        case .mentorConversation: "Mentor conversation"
        }
    }
}

public enum GoalStatus: String, CaseIterable, Codable, Sendable {
    case active
    case done
    case dropped
}

/// A specific, measurable development goal the person accepted.
public struct PlanGoal: Hashable, Codable, Sendable, Identifiable {
    public var id: Int
    public var title: String
    /// The skill key or feedback theme id it comes from.
    public var focus: String
    /// The skill or theme as people write it ("SQL", "communication").
    public var focusName: String?
    public var action: GoalAction
    public var measure: String
    public var deadline: Day
    public var weeklyHours: Int
    public var status: GoalStatus
    public var hoursLogged: Double
    public var createdOn: Day
    public var doneOn: Day?

    public init(id: Int, title: String, focus: String, focusName: String? = nil, action: GoalAction, measure: String, deadline: Day, weeklyHours: Int,
                status: GoalStatus, hoursLogged: Double = 0, createdOn: Day, doneOn: Day? = nil) {
        self.id = id
        self.title = title
        self.focus = focus
        self.focusName = focusName
        self.action = action
        self.measure = measure
        self.deadline = deadline
        self.weeklyHours = weeklyHours
        self.status = status
        self.hoursLogged = hoursLogged
        self.createdOn = createdOn
        self.doneOn = doneOn
    }

    /// A goal about a skill (rather than a feedback theme): its focus is a taxonomy or text key.
    public var isAboutSkill: Bool { focus.contains(":") }

    /// Share of the planned hours logged so far, 0 to 1.
    public var progress: Double {
        let weeks = max(1, Double(createdOn.days(until: deadline)) / 7)
        let planned = weeks * Double(weeklyHours)
        return planned <= 0 ? 0 : min(1, hoursLogged / planned)
    }
}

/// A goal as the person edits it.
public struct GoalForm: Hashable, Sendable {
    public var title: String
    public var focus: String
    public var focusName: String
    public var action: String
    public var measure: String
    public var deadline: String
    public var weeklyHours: String

    public init(title: String = "", focus: String = "", focusName: String = "", action: String = "", measure: String = "", deadline: String = "", weeklyHours: String = "") {
        self.title = title
        self.focus = focus
        self.focusName = focusName
        self.action = action
        self.measure = measure
        self.deadline = deadline
        self.weeklyHours = weeklyHours
    }

    public struct Valid: Hashable, Sendable {
        public var title: String
        public var focus: String
        public var focusName: String?
        public var action: GoalAction
        public var measure: String
        public var deadline: Day
        public var weeklyHours: Int

        public init(title: String, focus: String, focusName: String? = nil, action: GoalAction, measure: String, deadline: Day, weeklyHours: Int) {
            self.title = title
            self.focus = focus
            self.focusName = focusName
            self.action = action
            self.measure = measure
            self.deadline = deadline
            self.weeklyHours = weeklyHours
        }
    }

    public func validated(today: Day) throws(ValidationErrors) -> Valid {
        var errors = ValidationErrors()
        let title = Text.cleanLine(title)
        if title == nil { errors.add("title", "Name the goal in a few words, for example \"SQL to working level\".") }
        if let title, title.count > Limits.name { errors.add("title", "Keep the goal's name under \(Limits.name) characters.") }
        let action = GoalAction(id: self.action)
        if action == nil { errors.add("action", "Choose what kind of step this is: course, project, practice or mentor conversation.") }
        let measure = Text.clean(measure)
        if measure == nil { errors.add("measure", "Say how you'll know it's done, so it's something you can finish.") }
        if let measure, measure.count > Limits.reason { errors.add("measure", "Keep the measure of done shorter; a sentence or two is enough.") }
        var deadline: Day?
        if let raw = Text.cleanLine(self.deadline) {
            deadline = Day(raw)
            if deadline == nil { errors.add("deadline", FormRules.unreadableDay(raw, what: "The deadline")) }
            else if deadline! < today { errors.add("deadline", "The deadline \(deadline!) has passed. Pick today or a later day.") }
            else if deadline! > today.adding(days: 366) { errors.add("deadline", "Keep goals within a year; break a bigger one into steps.") }
        } else {
            errors.add("deadline", "Give the goal a deadline; a few weeks out works well.")
        }
        let hours = Int(Text.cleanLine(weeklyHours) ?? "")
        if hours == nil || !(1...40).contains(hours!) { errors.add("weeklyHours", "Weekly hours is a whole number from 1 to 40; a small number you keep beats a big one you don't.") }
        if !errors.isEmpty { throw errors }
        return Valid(title: title!, focus: Text.cleanLine(focus) ?? "", focusName: Text.cleanLine(focusName).map { String($0.prefix(Limits.name)) }, action: action!, measure: measure!, deadline: deadline!, weeklyHours: hours!)
    }
}

/// Hours in words: "1 hour", "1.5 hours", "0.25 hours".
public enum Hours {
    public static func text(_ hours: Double) -> String {
        let number = number(hours)
        return number + (number == "1" ? " hour" : " hours")
    }

    /// "3", "2.5", "0.25": a number of hours without a unit, to the hundredth.
    public static func number(_ hours: Double) -> String {
        var number = String(format: "%.2f", (hours * 100).rounded() / 100)
        while number.hasSuffix("0") { number.removeLast() }
        if number.hasSuffix(".") { number.removeLast() }
        return number
    }
}
