import FluentKit
import Foundation
import NextYesCore

public enum MomentumError: Error, Hashable, Sendable, LocalizedError {
    case interactionNotFound(Int)
    case roundNotFound(Int)
    case storyNotFound(Int)
    case unknownInterviewer(Int)

    public var errorDescription: String? {
        switch self {
        case .interactionNotFound(let id): "There is no interaction with id \(id)."
        case .roundNotFound(let id): "There is no interview round with id \(id). `nextyes interviews` lists them."
        case .storyNotFound(let id): "There is no story with id \(id). `nextyes stories` lists them."
        case .unknownInterviewer(let id): "There is no contact with id \(id) to add as an interviewer. Add them to your contacts first."
        }
    }
}

/// The log of touchpoints with contacts. A conversation also counts as a win.
public struct InteractionRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil

    public func log(contactID: Int, _ valid: InteractionForm.Valid) async throws -> Interaction {
        let contact = try await ContactRepository(db: db, clock: .system).find(contactID)
        return try await db.writeTransaction { tx in
            let row = InteractionModel()
            row.contactID = contactID
            row.kind = valid.kind.rawValue
            row.on = valid.on.description
            row.note = valid.note
            try await row.create(on: tx)
            let interaction = try Self.interaction(row)
            if valid.kind.isConversation {
                let company = contact.details.company.map { " (\($0))" } ?? ""
                try await WinRepository.insertIfNew(NewWin(
                    on: valid.on, kind: .networking, title: "\(valid.kind.title) with \(contact.name)\(company)",
                    detail: valid.note, sourceKey: "interaction:\(interaction.id)"), on: tx)
            }
            return interaction
        }
    }

    public func all() async throws -> [Interaction] {
        try await memo.remembered(.interactions, on: db) { try await readAll() }
    }

    private func readAll() async throws -> [Interaction] {
        try await InteractionModel.query(on: db).sort(\.$on).sort(\.$id).all().map(Self.interaction)
    }

    public func interactions(for contactID: Int) async throws -> [Interaction] {
        try await InteractionModel.query(on: db).filter(\.$contactID == contactID).sort(\.$on, .descending).sort(\.$id, .descending).all().map(Self.interaction)
    }

    public func delete(_ id: Int) async throws {
        guard let row = try await InteractionModel.find(id, on: db) else { throw MomentumError.interactionNotFound(id) }
        try await row.delete(on: db)
    }

    /// The day each contact was last in touch.
    public func lastContacted() async throws -> [Int: Day] {
        var last: [Int: Day] = [:]
        for interaction in try await all() { last[interaction.contactID] = max(last[interaction.contactID] ?? interaction.on, interaction.on) }
        return last
    }

    static func interaction(_ row: InteractionModel) throws -> Interaction {
        guard let kind = InteractionKind(rawValue: row.kind), let on = Day(row.on) else {
            throw StoreError.corruptRow(table: InteractionModel.schema, id: String(row.id ?? 0), detail: "the kind or date is not readable")
        }
        return Interaction(id: row.id ?? 0, contactID: row.contactID, kind: kind, on: on, note: row.note)
    }
}

/// Interview rounds on applications, with their interviewers.
public struct InterviewRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil

    public func add(applicationID: Int, _ valid: InterviewForm.Valid) async throws -> InterviewRound {
        _ = try await ApplicationRepository(db: db, clock: .system).find(applicationID)
        let id = try await db.writeTransaction { tx in
            let row = InterviewRoundModel()
            row.applicationID = applicationID
            try await Self.save(valid, row: row, on: tx)
            return row.id!
        }
        return try await round(id)
    }

    public func update(_ id: Int, _ valid: InterviewForm.Valid) async throws -> InterviewRound {
        try await db.writeTransaction { tx in
            guard let row = try await InterviewRoundModel.find(id, on: tx) else { throw MomentumError.roundNotFound(id) }
            try await Self.save(valid, row: row, on: tx)
        }
        return try await round(id)
    }

    private static func save(_ valid: InterviewForm.Valid, row: InterviewRoundModel, on db: any Database) async throws {
        for contactID in valid.interviewerIDs where try await ContactModel.find(contactID, on: db) == nil {
            throw MomentumError.unknownInterviewer(contactID)
        }
        row.on = valid.on.description
        row.time = valid.time?.description
        row.type = valid.type.rawValue
        row.notes = valid.notes
        try await row.save(on: db)
        try await InterviewerModel.query(on: db).filter(\.$roundID == row.id!).delete()
        for contactID in valid.interviewerIDs {
            let link = InterviewerModel()
            link.roundID = row.id!
            link.contactID = contactID
            try await link.create(on: db)
        }
    }

    public func round(_ id: Int) async throws -> InterviewRound {
        guard let row = try await InterviewRoundModel.find(id, on: db) else { throw MomentumError.roundNotFound(id) }
        return try await Self.rounds([row], on: db)[0]
    }

    public func rounds(for applicationID: Int) async throws -> [InterviewRound] {
        try await Self.rounds(try await InterviewRoundModel.query(on: db).filter(\.$applicationID == applicationID).all(), on: db)
    }

    public func all() async throws -> [InterviewRound] {
        try await memo.remembered(.interviews, on: db) { try await readAll() }
    }

    private func readAll() async throws -> [InterviewRound] {
        try await Self.rounds(try await InterviewRoundModel.query(on: db).all(), on: db)
    }

    public func delete(_ id: Int) async throws {
        guard let row = try await InterviewRoundModel.find(id, on: db) else { throw MomentumError.roundNotFound(id) }
        try await db.writeTransaction { tx in
            try await InterviewerModel.query(on: tx).filter(\.$roundID == id).delete()
            try await row.delete(on: tx)
        }
    }

    static func rounds(_ rows: [InterviewRoundModel], on db: any Database) async throws -> [InterviewRound] {
        let ids = rows.compactMap(\.id)
        let links = ids.isEmpty ? [] : try await InterviewerModel.query(on: db).filter(\.$roundID ~~ ids).sort(\.$id).all()
        let byRound = Dictionary(grouping: links, by: \.roundID)
        return try rows.map { row in
            guard let on = Day(row.on), let type = InterviewType(rawValue: row.type) else {
                throw StoreError.corruptRow(table: InterviewRoundModel.schema, id: String(row.id ?? 0), detail: "the date or type is not readable")
            }
            return InterviewRound(id: row.id ?? 0, applicationID: row.applicationID, on: on, time: row.time.flatMap(TimeOfDay.init),
                                  type: type, interviewerIDs: (byRound[row.id ?? 0] ?? []).map(\.contactID), notes: row.notes)
        }.sorted { ($0.on, $0.time?.description ?? "", $0.id) < ($1.on, $1.time?.description ?? "", $1.id) }
    }
}

/// Weekly targets, kept with the week they took effect so earlier weeks are judged by the
/// targets of their time.
public struct TargetsRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil
    let clock: Clock

    public func periods() async throws -> [TargetsPeriod] {
        try await memo.remembered(.targets, on: db) { try await readPeriods() }
    }

    private func readPeriods() async throws -> [TargetsPeriod] {
        try await WeeklyTargetsModel.query(on: db).sort(\.$fromWeek).all().compactMap { row in
            Day(row.fromWeek).map { TargetsPeriod(from: $0, targets: WeeklyTargets(applications: row.applications, conversations: row.conversations, skillHours: row.skillHours)) }
        }
    }

    /// The targets in effect now, if the person has set any.
    public func current() async throws -> WeeklyTargets? {
        let monday = clock.today.startOfWeek
        return try await periods().last { $0.from <= monday }?.targets
    }

    /// Sets the targets from this week on.
    public func set(_ targets: WeeklyTargets) async throws {
        let monday = clock.today.startOfWeek.description
        let row = try await WeeklyTargetsModel.query(on: db).filter(\.$fromWeek == monday).first() ?? WeeklyTargetsModel()
        row.fromWeek = monday
        row.applications = targets.applications
        row.conversations = targets.conversations
        row.skillHours = targets.skillHours
        try await row.save(on: db)
    }
}

/// STAR stories.
public struct StoryRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil

    public func all() async throws -> [Story] {
        try await memo.remembered(.stories, on: db) { try await readAll() }
    }

    private func readAll() async throws -> [Story] {
        try await StoryModel.query(on: db).sort(\.$title).sort(\.$id).all().map(Self.story)
    }

    public func find(_ id: Int) async throws -> Story {
        guard let row = try await StoryModel.find(id, on: db) else { throw MomentumError.storyNotFound(id) }
        return try Self.story(row)
    }

    public func add(_ valid: StoryForm.Valid) async throws -> Story {
        let row = StoryModel()
        try Self.apply(valid, to: row)
        try await row.create(on: db)
        return try Self.story(row)
    }

    public func update(_ id: Int, _ valid: StoryForm.Valid) async throws -> Story {
        guard let row = try await StoryModel.find(id, on: db) else { throw MomentumError.storyNotFound(id) }
        try Self.apply(valid, to: row)
        try await row.update(on: db)
        return try Self.story(row)
    }

    public func delete(_ id: Int) async throws {
        guard let row = try await StoryModel.find(id, on: db) else { throw MomentumError.storyNotFound(id) }
        try await row.delete(on: db)
    }

    static func apply(_ valid: StoryForm.Valid, to row: StoryModel) throws {
        row.title = valid.title
        row.situation = valid.situation
        row.task = valid.task
        row.action = valid.action
        row.result = valid.result
        row.themes = String(decoding: try JSONEncoder().encode(valid.themes), as: UTF8.self)
        row.skills = String(decoding: try JSONEncoder().encode(valid.skills), as: UTF8.self)
    }

    static func story(_ row: StoryModel) throws -> Story {
        let decoder = JSONDecoder()
        guard let themes = try? decoder.decode([String].self, from: Data(row.themes.utf8)),
              let skills = try? decoder.decode([String].self, from: Data(row.skills.utf8)) else {
            throw StoreError.corruptRow(table: StoryModel.schema, id: String(row.id ?? 0), detail: "themes or skills are not readable")
        }
        return Story(id: row.id ?? 0, title: row.title, situation: row.situation, task: row.task, action: row.action,
                     result: row.result, themes: themes, skills: skills)
    }
}

/// Practice answers and their self-ratings.
public struct PracticeRepository: Sendable {
    let db: any Database
    let clock: Clock

    public func record(_ valid: PracticeForm.Valid) async throws -> PracticeSession {
        if let storyID = valid.storyID, try await StoryModel.find(storyID, on: db) == nil { throw MomentumError.storyNotFound(storyID) }
        let row = PracticeSessionModel()
        row.questionID = valid.questionID
        row.storyID = valid.storyID
        row.on = clock.today.description
        row.situation = valid.ratings[.situation] ?? 0
        row.task = valid.ratings[.task] ?? 0
        row.action = valid.ratings[.action] ?? 0
        row.result = valid.ratings[.result] ?? 0
        row.notes = valid.notes
        try await row.create(on: db)
        return try Self.session(row)
    }

    public func all() async throws -> [PracticeSession] {
        try await PracticeSessionModel.query(on: db).sort(\.$on, .descending).sort(\.$id, .descending).all().map(Self.session)
    }

    static func session(_ row: PracticeSessionModel) throws -> PracticeSession {
        guard let on = Day(row.on) else {
            throw StoreError.corruptRow(table: PracticeSessionModel.schema, id: String(row.id ?? 0), detail: "the date is not readable")
        }
        return PracticeSession(id: row.id ?? 0, questionID: row.questionID, storyID: row.storyID, on: on,
                               ratings: [.situation: row.situation, .task: row.task, .action: row.action, .result: row.result], notes: row.notes)
    }
}

/// Reminders the person ticked off.
public struct AgendaRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil
    let clock: Clock

    public func done() async throws -> Set<String> {
        try await memo.remembered(.agendaDone, on: db) { try await readDone() }
    }

    private func readDone() async throws -> Set<String> {
        Set(try await AgendaDoneModel.query(on: db).all().map(\.uid))
    }

    public func markDone(_ uid: String) async throws {
        guard !uid.isEmpty, uid.count <= 200, try await AgendaDoneModel.query(on: db).filter(\.$uid == uid).first() == nil else { return }
        let row = AgendaDoneModel()
        row.uid = uid
        row.doneOn = clock.today.description
        try await row.create(on: db)
    }
}
