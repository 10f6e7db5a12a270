import FluentKit
import Foundation
import NextYesCore

/// The person's skills and career targets.
public struct ProfileRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil

    public func skills() async throws -> [ProfileSkill] {
        try await memo.remembered(.profileSkills, on: db) { try await readSkills() }
    }

    private func readSkills() async throws -> [ProfileSkill] {
        try await ProfileSkillModel.query(on: db).sort(\.$name).all().map(Self.skill)
    }

    /// Skill keys with levels, for comparing with job descriptions.
    public func levelsByKey() async throws -> [String: SkillLevel] {
        Dictionary(try await skills().map { ($0.key, $0.level) }, uniquingKeysWith: { a, _ in a })
    }

    /// The level of the skill with this key, if the profile has it.
    public func level(forKey key: String) async throws -> SkillLevel? {
        try await ProfileSkillModel.query(on: db).filter(\.$key == key).first().flatMap { SkillLevel(rawValue: $0.level) }
    }

    /// Adds a skill, or updates its level if the same skill (by key) is already there.
    @discardableResult
    public func saveSkill(name rawName: String, key: String, level: SkillLevel) async throws -> ProfileSkill {
        guard let name = Text.cleanLine(rawName) else { throw ProfileError.emptySkill }
        guard name.count <= Limits.name else { throw ProfileError.skillTooLong }
        if let row = try await ProfileSkillModel.query(on: db).filter(\.$key == key).first() {
            row.level = level.rawValue
            try await row.update(on: db)
            return try Self.skill(row)
        }
        let row = ProfileSkillModel()
        row.name = name
        row.key = key
        row.level = level.rawValue
        try await row.create(on: db)
        return try Self.skill(row)
    }

    public func removeSkill(_ id: Int) async throws {
        try await ProfileSkillModel.query(on: db).filter(\.$id == id).delete()
    }

    public func targets() async throws -> CareerTargets {
        // Through the page view's memo, one read of the settings for all five.
        let settings = PreferencesRepository(db: db, memo: memo)
        return CareerTargets(
            roles: try await settings.value(SettingKey.targetRoles), industries: try await settings.value(SettingKey.targetIndustries),
            values: try await settings.value(SettingKey.targetValues), interests: try await settings.value(SettingKey.targetInterests),
            strengths: try await settings.value(SettingKey.targetStrengths))
    }

    public func saveTargets(_ targets: CareerTargets) async throws {
        try await db.writeTransaction { tx in
            let inTx = PreferencesRepository(db: tx)
            try await inTx.setValue(targets.roles, for: SettingKey.targetRoles)
            try await inTx.setValue(targets.industries, for: SettingKey.targetIndustries)
            try await inTx.setValue(targets.values, for: SettingKey.targetValues)
            try await inTx.setValue(targets.interests, for: SettingKey.targetInterests)
            try await inTx.setValue(targets.strengths, for: SettingKey.targetStrengths)
        }
        memo?.forget(.settings)
    }

    static func skill(_ row: ProfileSkillModel) throws -> ProfileSkill {
        guard let level = SkillLevel(rawValue: row.level) else {
            throw StoreError.corruptRow(table: ProfileSkillModel.schema, id: String(row.id ?? 0), detail: "level is \"\(row.level)\"")
        }
        return ProfileSkill(id: row.id ?? 0, name: row.name, key: row.key, level: level)
    }
}

public enum ProfileError: Error, Hashable, Sendable, LocalizedError {
    case emptySkill
    case skillTooLong
    case goalNotFound(Int)
    case goalNotActive(Int, GoalStatus)
    case badHours
    case hoursBeforeGoal(Day)

    public var errorDescription: String? {
        switch self {
        case .emptySkill: "Name the skill, for example \"SQL\" or \"stakeholder management\"."
        case .skillTooLong: "Keep a skill's name under \(Limits.name) characters."
        case .goalNotFound(let id): "There is no plan goal with id \(id). `nextyes plan` lists them."
        case .goalNotActive(let id, let status):
            status == .done ? "Goal \(id) is already done; nothing more to do there. `nextyes plan` shows your active goals."
                : "Goal \(id) was dropped. Accept it again from the suggestions if it fits once more."
        case .badHours: "Hours are a number from 0.25 to 24 for one day."
        case .hoursBeforeGoal(let day): "This goal started on \(day.readable). Log earlier hours without a goal, or from that day on."
        }
    }
}

/// The development plan: accepted goals, their hours, and finishing them.
public struct PlanRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil
    let clock: Clock

    public func goals() async throws -> [PlanGoal] {
        try await memo.remembered(.goals, on: db) { try await readGoals() }
    }

    private func readGoals() async throws -> [PlanGoal] {
        let rows = try await PlanGoalModel.query(on: db).sort(\.$deadline).sort(\.$id).all()
        let hours = try await SkillHoursModel.query(on: db).all()
        var byGoal: [Int: Double] = [:]
        for entry in hours { if let goal = entry.goalID { byGoal[goal, default: 0] += entry.hours } }
        return try rows.map { try Self.goal($0, hours: byGoal[$0.id ?? 0] ?? 0) }
    }

    public func goal(_ id: Int) async throws -> PlanGoal {
        guard let goal = try await goals().first(where: { $0.id == id }) else { throw ProfileError.goalNotFound(id) }
        return goal
    }

    public func accept(_ valid: GoalForm.Valid) async throws -> PlanGoal {
        try await record(valid, status: .active)
    }

    /// Keeps a suggestion the person turned down, so it isn't suggested again.
    public func decline(_ valid: GoalForm.Valid) async throws -> PlanGoal {
        try await record(valid, status: .dropped)
    }

    private func record(_ valid: GoalForm.Valid, status: GoalStatus) async throws -> PlanGoal {
        let row = PlanGoalModel()
        row.title = valid.title
        row.focus = valid.focus
        row.focusName = valid.focusName
        row.action = valid.action.rawValue
        row.measure = valid.measure
        row.deadline = valid.deadline.description
        row.weeklyHours = valid.weeklyHours
        row.status = status.rawValue
        row.createdOn = clock.today.description
        try await row.create(on: db)
        return try Self.goal(row, hours: 0)
    }

    public func update(_ id: Int, _ valid: GoalForm.Valid) async throws -> PlanGoal {
        guard let row = try await PlanGoalModel.find(id, on: db) else { throw ProfileError.goalNotFound(id) }
        row.title = valid.title
        row.action = valid.action.rawValue
        row.measure = valid.measure
        row.deadline = valid.deadline.description
        row.weeklyHours = valid.weeklyHours
        try await row.update(on: db)
        return try await goal(id)
    }

    /// Marks a goal done (recording a win) or dropped.
    public func finish(_ id: Int, as status: GoalStatus) async throws -> PlanGoal {
        let today = clock.today
        try await db.writeTransaction { tx in
            guard let row = try await PlanGoalModel.find(id, on: tx) else { throw ProfileError.goalNotFound(id) }
            guard row.status == GoalStatus.active.rawValue else { throw ProfileError.goalNotActive(id, GoalStatus(rawValue: row.status) ?? .active) }
            row.status = status.rawValue
            row.doneOn = status == .done ? today.description : nil
            try await row.update(on: tx)
            if status == .done {
                try await WinRepository.insertIfNew(NewWin(
                    on: today, kind: .goalDone, title: "Goal done: \(row.title)", detail: row.measure, sourceKey: "goal:\(id)"), on: tx)
                // A skill goal done means the skill is at working level now (or stays higher).
                if row.focus.contains(":") {
                    if let skill = try await ProfileSkillModel.query(on: tx).filter(\.$key == row.focus).first() {
                        if skill.level == SkillLevel.learning.rawValue {
                            skill.level = SkillLevel.working.rawValue
                            try await skill.update(on: tx)
                        }
                    } else if let name = row.focusName {
                        let skill = ProfileSkillModel()
                        skill.name = name
                        skill.key = row.focus
                        skill.level = SkillLevel.working.rawValue
                        try await skill.create(on: tx)
                    }
                }
            }
        }
        return try await goal(id)
    }

    /// Logs hours of skill development on a day, against a goal or on their own.
    public func logHours(_ hours: Double, on day: Day? = nil, goalID: Int? = nil, note: String? = nil) async throws {
        guard hours >= 0.25, hours <= 24 else { throw ProfileError.badHours }
        if let note, note.count > Limits.notes {
            throw ValidationErrors([FieldError("note", "The note is \(note.count) characters; keep it under \(Limits.notes). Nothing has been saved yet.")])
        }
        let today = clock.today
        let date = day ?? today
        if date > today { throw CoreError.dateInFuture(date, today: today) }
        if let goalID {
            let goal = try await goal(goalID)
            guard goal.status == .active else { throw ProfileError.goalNotActive(goalID, goal.status) }
            if date < goal.createdOn { throw ProfileError.hoursBeforeGoal(goal.createdOn) }
        }
        let row = SkillHoursModel()
        row.on = date.description
        row.hours = hours
        row.goalID = goalID
        row.note = Text.cleanLine(note)
        try await row.create(on: db)
    }

    /// Every logged entry of hours, oldest first.
    public func hours() async throws -> [(on: Day, hours: Double, goalID: Int?)] {
        try await memo.remembered(.hours, on: db) { try await readHours() }
    }

    private func readHours() async throws -> [(on: Day, hours: Double, goalID: Int?)] {
        try await SkillHoursModel.query(on: db).sort(\.$on).all().compactMap { row in
            Day(row.on).map { ($0, row.hours, row.goalID) }
        }
    }

    static func goal(_ row: PlanGoalModel, hours: Double) throws -> PlanGoal {
        let id = row.id ?? 0
        guard let action = GoalAction(rawValue: row.action), let status = GoalStatus(rawValue: row.status),
              let deadline = Day(row.deadline), let created = Day(row.createdOn) else {
            throw StoreError.corruptRow(table: PlanGoalModel.schema, id: String(id), detail: "a status, action or date is not readable")
        }
        return PlanGoal(id: id, title: row.title, focus: row.focus, focusName: row.focusName, action: action, measure: row.measure, deadline: deadline,
                        weeklyHours: row.weeklyHours, status: status, hoursLogged: hours, createdOn: created, doneOn: row.doneOn.flatMap(Day.init))
    }
}
