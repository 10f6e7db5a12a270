import NextYesCore
import NextYesFeatures
import NextYesInsights
import Vapor

struct ReflectionController {
    func edit(_ req: Request) async throws -> Page {
        let application = try await req.workspace.applications.find(try req.applicationID())
        let existing = try await req.workspace.reflections.reflection(for: application.id)
        return Page(html: ReflectionEdit.view(.init(
            chrome: req.chrome(.applications), application: application,
            form: existing.map(ReflectionForm.init) ?? ReflectionForm(), errors: nil,
            interviewStage: Reflection.isInterviewStage(application.furthestStage))))
    }

    func save(_ req: Request) async throws -> Response {
        let application = try await req.workspace.applications.find(try req.applicationID())
        let form = try Self.form(from: req)
        do {
            let reflection = try form.validated(applicationID: application.id, at: req.clock.now())
            try await req.workspace.reflections.save(reflection)
            req.flash("Reflection saved. Honest looks back like this are where the learning happens.")
            return req.redirect(to: SiteURL.application(application.id).path())
        } catch let errors as ValidationErrors {
            let page = ReflectionEdit.view(.init(
                chrome: req.chrome(.applications), application: application, form: form, errors: errors,
                interviewStage: Reflection.isInterviewStage(application.furthestStage)))
            return try await Page(html: page, status: .badRequest).encodeResponse(for: req)
        }
    }

    /// Reads the form field by field: six rating/note pairs and a list of checklist items.
    static func form(from req: Request) throws -> ReflectionForm {
        func field(_ name: String) -> String { (try? req.content.get(String.self, at: name)) ?? "" }
        var ratings: [InterviewPart: ReflectionForm.RatingInput] = [:]
        for part in InterviewPart.allCases {
            let score = field("rating-\(part.rawValue)")
            let note = field("note-\(part.rawValue)")
            if !score.isEmpty || !note.isEmpty { ratings[part] = .init(score: score, note: note) }
        }
        let checklist = (try? req.content.get([String].self, at: "checklist")) ?? []
        return ReflectionForm(
            understoodRole: field("understoodRole"), lessConfident: field("lessConfident"), strengthen: field("strengthen"),
            wentWell: field("wentWell"), ratings: ratings, checklist: Set(checklist))
    }
}

struct InsightsController {
    func show(_ req: Request) async throws -> Page {
        let workspace = req.workspace
        let report = try await workspace.insights.report()
        let titles = try await workspace.insights.titles(for: report)
        return Page(html: InsightsShow.view(.init(chrome: req.chrome(.insights), report: report, titles: titles)))
    }
}
