import Foundation
import NextYesCore
import NextYesFeatures
import NextYesInsights
@testable import NextYesStore
import Testing

/// Pages of the applications table, counts from SQL, the per-request memo and the saved readings
/// of job descriptions, on SQLite and PostgreSQL.
@Suite("Listing and saved readings")
struct ListingAndReadingTests {
    static func add(_ store: Store, _ company: String, _ role: String, description: String? = nil) async throws -> Application {
        var form = ApplicationForm()
        form.company = company
        form.role = role
        form.appliedOn = "2026-03-01"
        form.jobDescription = description ?? ""
        return try await Workspace(store: store).applications.add(form).application
    }

    @Test func pagesSearchAndOrderTheTable() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            for i in 0..<7 { _ = try await Self.add(store, "Company \(i)", i.isMultiple(of: 2) ? "Data Analyst" : "Engineer") }
            let rejected = try await Self.add(store, "Acme 100% Ltd", "Data_Analyst")
            _ = try await Workspace(store: store).applications.reject(rejected.id, RejectionForm(on: "2026-03-10"), note: nil)
            let first = try await store.applications.page(ApplicationQuery(limit: 3))
            #expect(first.total == 8 && first.rows.count == 3)
            let last = try await store.applications.page(ApplicationQuery(offset: 6, limit: 3))
            #expect(last.rows.count == 2)
            #expect(Set(first.rows.map(\.id)).isDisjoint(with: last.rows.map(\.id)))
            // Words match company or role, ignoring case; % and _ are only themselves.
            // Every word must match: "Data Analyst" four times, and "Data_Analyst".
            #expect(try await store.applications.page(ApplicationQuery(search: "data ANALYST")).total == 5)
            #expect(try await store.applications.page(ApplicationQuery(search: "100%")).rows.map(\.company) == ["Acme 100% Ltd"])
            #expect(try await store.applications.page(ApplicationQuery(search: "data_")).rows.map(\.company) == ["Acme 100% Ltd"])
            #expect(try await store.applications.page(ApplicationQuery(search: "'; drop table applications; --")).total == 0)
            let byCompany = try await store.applications.page(ApplicationQuery(sort: .company, limit: 2)).rows.map(\.company)
            #expect(byCompany == ["Acme 100% Ltd", "Company 0"])
            #expect(try await store.applications.page(ApplicationQuery(outcome: .rejected)).rows.map(\.id) == [rejected.id])
            #expect(try await store.applications.countsByOutcome() == [.open: 7, .rejected: 1])
            #expect(try await store.applications.countsByOutcome(search: "data_") == [.rejected: 1])
            #expect(try await store.applications.countsByOutcome(search: "data analyst") == [.open: 4, .rejected: 1])
            let board = try await store.applications.openByStage(limit: 2)
            #expect(board[.applied]?.count == 7 && board[.applied]?.latest.count == 2)
            let listing = try await Workspace(store: store).applications.listing(ApplicationQuery(limit: 3))
            #expect(listing.total == 8 && listing.pageCount == 3 && listing.board.first { $0.stage == .applied }?.count == 7)
        }
    }

    /// The table's search reaches the location and notes, and every column sorts both ways, with
    /// the same order on SQLite and PostgreSQL.
    @Test func theTableSearchesLocationAndNotesAndSortsByEveryColumn() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let workspace = Workspace(store: store)
            func add(_ company: String, _ role: String, location: String, notes: String, applied: String?) async throws -> Application {
                var form = ApplicationForm()
                form.company = company
                form.role = role
                form.location = location
                form.notes = notes
                form.appliedOn = applied ?? ""
                form.stage = applied == nil ? "saved" : ""
                return try await workspace.applications.add(form).application
            }
            let leeds = try await add("initech", "Data Analyst", location: "Leeds", notes: "Met Sam at the meetup", applied: "2026-03-02")
            let remote = try await add("Globex", "BI Developer", location: "Remote (UK)", notes: "", applied: "2026-03-05")
            let saved = try await add("Umbrella", "analytics engineer", location: "Bristol", notes: "Referral from Priya", applied: nil)
            _ = try await workspace.applications.move(remote.id, to: .interview, on: Day("2026-03-09"))
            _ = try await workspace.applications.reject(leeds.id, RejectionForm(on: "2026-03-10"), note: nil)

            #expect(try await store.applications.page(ApplicationQuery(search: "PRIYA")).rows.map(\.id) == [saved.id])
            #expect(try await store.applications.page(ApplicationQuery(search: "leeds meetup")).rows.map(\.id) == [leeds.id])
            #expect(try await store.applications.page(ApplicationQuery(search: "(uk)")).rows.map(\.id) == [remote.id])
            #expect(try await store.applications.countsByOutcome(search: "bristol") == [.open: 1])

            func order(_ sort: ApplicationQuery.Sort, reversed: Bool = false) async throws -> [Int] {
                try await store.applications.page(ApplicationQuery(sort: sort, reversed: reversed)).rows.map(\.id)
            }
            #expect(try await order(.company) == [remote.id, leeds.id, saved.id])  // ignoring case
            #expect(try await order(.company, reversed: true) == [saved.id, leeds.id, remote.id])
            #expect(try await order(.role) == [saved.id, remote.id, leeds.id])
            #expect(try await order(.stage) == [remote.id, leeds.id, saved.id])  // interview, applied, saved
            #expect(try await order(.stage, reversed: true) == [saved.id, leeds.id, remote.id])
            let byOutcome = try await order(.outcome)
            #expect(Set(byOutcome.prefix(2)) == [remote.id, saved.id] && byOutcome.last == leeds.id)  // open first
            #expect(try await order(.applied) == [remote.id, leeds.id, saved.id])  // never sent stays last
            #expect(try await order(.applied, reversed: true) == [leeds.id, remote.id, saved.id])
            #expect(try await order(.recent, reversed: true) == Array(try await order(.recent).reversed()))
        }
    }

    @Test func aPageViewReadsEachTableOnceAndAWriteSeesFreshData() async throws {
        try await TestStore.with { connection in
            let memo = ReadMemo()
            let reading = Store(db: connection.store.db, clock: connection.store.clock, memo: memo)
            _ = try await Self.add(connection.store, "Acme", "Analyst")
            #expect(try await reading.applications.all().count == 1)
            _ = try await Self.add(connection.store, "Globex", "Analyst")
            // The same page view keeps what it read; the next one (a new memo) sees the new row.
            #expect(try await reading.applications.all().count == 1)
            #expect(try await Store(db: connection.store.db, clock: connection.store.clock, memo: ReadMemo()).applications.all().count == 2)
            #expect(try await connection.store.applications.all().count == 2)
            // Settings written during a page view are read again.
            try await reading.preferences.setValue("Sam", for: SettingKey.displayName)
            #expect(try await reading.preferences.value(SettingKey.displayName) == "Sam")
        }
    }

    @Test func postingsAreReadOnceAndAgainWhenTheyChange() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let workspace = Workspace(store: store)
            let sql = try await Self.add(store, "Acme", "Analyst", description: "We need SQL and Tableau for our dashboards.")
            _ = try await Self.add(store, "Globex", "Analyst", description: "Python and SQL daily.")
            _ = try await Self.add(store, "Initech", "Analyst")
            let extractor = try SkillExtractor.bundled()
            let direct = SkillGaps.demand(applications: try await store.applications.all(), rejections: [], extractor: extractor, profile: [:])
            let saved = try await workspace.skills.demand()
            #expect(saved.map(\.skill.key) == direct.map(\.skill.key) && saved.map(\.postings) == direct.map(\.postings))
            #expect(saved.first { $0.skill.name == "SQL" }?.postings == 2)
            let readings = try await store.applications.skillReadings(reader: extractor.readerVersion)
            #expect(readings.count == 2)
            // Nothing is left to read; a changed description is read again.
            #expect(try await store.applications.unreadDescriptions(reader: extractor.readerVersion, limit: 10).isEmpty)
            var form = ApplicationForm(details: try await store.applications.find(sql.id).details)
            form.jobDescription = "Advanced Microsoft Excel and VBA."
            try await workspace.applications.edit(sql.id, form)
            #expect(try await store.applications.unreadDescriptions(reader: extractor.readerVersion, limit: 10).map(\.id) == [sql.id])
            let after = try await workspace.skills.demand()
            #expect(after.first { $0.skill.name == "SQL" }?.postings == 1)
            #expect(after.contains { $0.skill.name.contains("Excel") })
            // A new reader version reads everything again.
            #expect(try await store.applications.unreadDescriptions(reader: extractor.readerVersion &+ 1, limit: 10).count == 2)
        }
    }
}

/// The Insights report counted by the database equals the one computed from every loaded row,
/// on random searches written through the real store: moves that skip optional stages, imports
/// without a timeline, rejections, no-replies, offers, sources.
@Suite("Figures counted by the database")
struct DatabaseFiguresTests {
    @Test(arguments: [UInt64(3), 11, 29, 47])
    func theDatabaseCountsWhatTheRowsSay(seed: UInt64) async throws {
        try await TestStore.with(clock: .fixed(Day("2026-11-20")!)) { connection in
            let store = connection.store
            var random = SplitMix64(seed: seed)
            let start = Day("2026-06-01")!
            for i in 0..<Int.random(in: 15...40, using: &random) {
                let furthest = Stage.allCases.randomElement(using: &random)!
                let imported = Bool.random(using: &random)
                let applied = start.adding(days: Int.random(in: 0...60, using: &random))
                let details = ApplicationDetails(company: "Co \(i)", role: "Analyst", source: ApplicationSource.allCases.randomElement(using: &random),
                                                 appliedOn: furthest == .saved ? nil : applied)
                var application = try await store.applications.create(NewApplication(details: details, stage: imported ? furthest : min(furthest, .applied)))
                var day = applied
                if !imported {
                    for stage in Stage.allCases where stage > application.stage && stage <= furthest && (stage == furthest || Bool.random(using: &random)) {
                        day = day.adding(days: 2)
                        application = try await store.applications.move(application.id, to: stage, on: day)
                    }
                }
                guard furthest >= .applied else { continue }
                day = day.adding(days: 3)
                switch Int.random(in: 0...4, using: &random) {
                case 0:
                    _ = try await store.applications.reject(application.id, RejectionDetails(on: day, category: .noReasonGiven), preferences: .standard)
                case 1: _ = try await store.applications.close(application.id, as: .ghosted, on: day)
                case 2: _ = try await store.applications.close(application.id, as: .withdrawn, on: day)
                case 3 where furthest == .offer: _ = try await store.applications.close(application.id, as: .offerAccepted, on: day)
                default: break
                }
            }
            let all = try await store.applications.all(), events = try await store.applications.allEvents()
            let fromRows = InsightsReport.make(
                applications: all, events: events,
                rejections: try await store.applications.rejections(), feedback: [], reflections: [])
            // What the database works out of each application is what its row and timeline say.
            let timelines = Dictionary(grouping: events, by: \.applicationID)
            let facts = try await store.applications.facts().sorted { $0.id < $1.id }
            #expect(facts == all.map { ApplicationFacts($0, timeline: timelines[$0.id] ?? []) }.sorted { $0.id < $1.id })
            #expect(try await store.applications.firstDay() == (events.map(\.on) + all.compactMap(\.details.appliedOn)).min())
            // The career report from the database equals the one from every loaded row.
            var loaded = ReportInputs(from: start, to: Day("2026-11-20")!)
            loaded.use(applications: all, events: events)
            loaded.rejections = try await store.applications.rejections()
            let fromDatabase = try await store.careerReport(from: start)
            let fromLoaded = CareerReport.make(loaded)
            #expect(fromDatabase.summary == fromLoaded.summary)
            #expect(fromDatabase.cuts?.items.map(\.applications) == fromLoaded.cuts?.items.map(\.applications))
            #expect(fromDatabase.momentum?.map(\.applications) == fromLoaded.momentum?.map(\.applications))
            #expect(fromDatabase.nextActions == fromLoaded.nextActions)
            let counted = try await Workspace(store: store).insights.report()
            #expect(counted.summary == fromRows.summary)
            #expect(counted.funnel == fromRows.funnel)
            #expect(counted.cuts == fromRows.cuts)
            #expect(counted.sources == fromRows.sources)
            #expect(counted == fromRows)
        }
    }
}

@Suite("Feedback read once")
struct FeedbackReadingTests {
    @Test func feedbackIsReadWhenSavedAndAgainByANewReader() async throws {
        try await TestStore.with { connection in
            let store = connection.store
            let workspace = Workspace(store: store)
            let application = try await ListingAndReadingTests.add(store, "Acme", "Analyst")
            let text = "  Your SQL was strong, but your answers lacked structure.  "
            let (saved, analysis) = try await workspace.feedback.record(applicationID: application.id, text: text)
            // Saved with the reading, by this version of the reader, and it reads back the same.
            let readings = try await store.feedback.readings(reader: FeedbackAnalyzer.version)
            #expect(readings.count == 1 && readings[0].text == saved.text)
            let decoded = try JSONDecoder().decode(FeedbackAnalysis.self, from: Data(readings[0].reading.utf8))
            #expect(decoded == FeedbackAnalyzer.analyze(saved.text) && decoded.themes == analysis.themes)
            #expect(try await store.feedback.unreadFeedback(reader: FeedbackAnalyzer.version, limit: 10).isEmpty)
            // A newer reader finds it unread; feedback saved before readings existed is read on first use.
            #expect(try await store.feedback.unreadFeedback(reader: FeedbackAnalyzer.version + 1, limit: 10).map(\.id) == [saved.id])
            let old = try await store.feedback.add(applicationID: application.id, text: "Communication was clear; the case study lacked depth.")
            #expect(try await store.feedback.unreadFeedback(reader: FeedbackAnalyzer.version, limit: 10).map(\.id) == [old.id])
            let report = try await workspace.insights.report()
            #expect(report.applications == 1)
            #expect(try await store.feedback.unreadFeedback(reader: FeedbackAnalyzer.version, limit: 10).isEmpty)
            #expect(try await store.feedback.readings(reader: FeedbackAnalyzer.version).count == 2)
        }
    }
}
