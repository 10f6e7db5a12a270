import NextYesCore
import NextYesInsights
import NextYesStore

/// The person's skills and career targets, and the skills their postings ask for.
public struct SkillsProfile: Sendable {
    let store: Store

    public func skills() async throws -> [ProfileSkill] {
        try await store.profile.skills()
    }

    public func levelsByKey() async throws -> [String: SkillLevel] {
        try await store.profile.levelsByKey()
    }

    public func targets() async throws -> CareerTargets {
        try await store.profile.targets()
    }

    public func saveTargets(_ targets: CareerTargets) async throws {
        try await store.profile.saveTargets(targets)
    }

    /// One skill added: what it is now, and its level before (nil when it is new).
    public struct Added: Sendable {
        public var skill: ProfileSkill
        public var previous: SkillLevel?
    }

    /// Adds skills by name. One already in the profile keeps its level unless a higher one is
    /// given: adding never lowers a level (changing one skill's level can, with `setLevel`).
    @discardableResult
    public func add(names: [String], level: SkillLevel?) async throws -> [Added] {
        let extractor = try SkillExtractor.bundled()
        var added: [Added] = []
        for name in names {
            let key = extractor.key(forSkillNamed: name)
            let previous = try await store.profile.level(forKey: key)
            let kept = [previous, level].compactMap { $0 }.max() ?? .working
            added.append(Added(skill: try await store.profile.saveSkill(name: name, key: key, level: kept), previous: previous))
        }
        return added
    }

    /// Changes one skill's level, up or down.
    @discardableResult
    public func setLevel(_ id: Int, _ level: SkillLevel) async throws -> ProfileSkill? {
        guard let skill = try await store.profile.skills().first(where: { $0.id == id }) else { return nil }
        return try await store.profile.saveSkill(name: skill.name, key: skill.key, level: level)
    }

    public func remove(_ id: Int) async throws {
        try await store.profile.removeSkill(id)
    }

    /// Skills a resume (or any text) names that the profile doesn't have yet.
    public func newSkills(in text: String) async throws -> [SkillRef] {
        let known = Set(try await store.profile.skills().map(\.key))
        return try SkillExtractor.bundled().skills(in: String(text.prefix(Limits.jobDescription))).filter { !known.contains($0.key) }
    }

    /// Skills in demand across every posting, most asked first, against the profile.
    public func demand() async throws -> [SkillDemand] {
        try await SkillReadings(store: store).demand(rejections: try await store.applications.rejections(),
                                                     profile: try await store.profile.levelsByKey())
    }

    /// How many postings (applications with a job description) demand is counted over.
    public func postings() async throws -> Int {
        try await store.applications.describedCount()
    }

    /// "Role at Company" for the applications named, to show beside a skill.
    public func titles(_ ids: some Sequence<Int>) async throws -> [Int: String] {
        try await store.applications.titles(Array(ids))
    }

    /// The skills one posting asks for, against the profile.
    public func forApplication(_ id: Int) async throws -> ApplicationSkills {
        let application = try await store.applications.find(id)
        return SkillGaps.forApplication(application, extractor: try SkillExtractor.bundled(), profile: try await store.profile.levelsByKey())
    }

    /// How recent applications line up with the target roles, when targets are set.
    public func alignment() async throws -> Alignment? {
        CareerAlignment.check(try await store.applications.all(), targets: try await store.profile.targets())
    }
}

/// The development plan: goals from the gaps and themes, and learning hours.
public struct Plan: Sendable {
    let store: Store

    public func goals() async throws -> [PlanGoal] {
        try await store.plan.goals()
    }

    public func goal(_ id: Int) async throws -> PlanGoal {
        try await store.plan.goal(id)
    }

    /// Goals NextYes suggests now.
    public func proposals(today: Day) async throws -> [GoalProposal] {
        try await store.planProposals(today: today)
    }

    public func accept(_ valid: GoalForm.Valid) async throws -> PlanGoal {
        try await store.plan.accept(valid)
    }

    public func decline(_ valid: GoalForm.Valid) async throws -> PlanGoal {
        try await store.plan.decline(valid)
    }

    @discardableResult
    public func update(_ id: Int, _ valid: GoalForm.Valid) async throws -> PlanGoal {
        try await store.plan.update(id, valid)
    }

    @discardableResult
    public func finish(_ id: Int, as status: GoalStatus) async throws -> PlanGoal {
        try await store.plan.finish(id, as: status)
    }

    public func logHours(_ hours: Double, on day: Day? = nil, goalID: Int? = nil, note: String? = nil) async throws {
        try await store.plan.logHours(hours, on: day, goalID: goalID, note: note)
    }

    /// Coaches' notes on the goals (a career centre's NextYes), by goal.
    public func coachNotes() async throws -> [Int: [CoachNote]] {
        Dictionary(grouping: try await store.coachNotes.all(), by: \.goalID)
    }

    /// A coach's note on a goal the seeker shared their plan for.
    public func addCoachNote(goalID: Int, coach: Account, text raw: String) async throws -> CoachNote {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ValidationErrors([FieldError("note", "Write the note first.")]) }
        guard text.count <= 2000 else { throw ValidationErrors([FieldError("note", "Keep a note under 2,000 characters.")]) }
        _ = try await goal(goalID)
        return try await store.coachNotes.add(goalID: goalID, coachName: coach.name, coachEmail: coach.email, text: text)
    }
}
