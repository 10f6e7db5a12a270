import NextYesCore
import NextYesInsights
import NextYesFeatures
import Vapor

struct PracticeController {
    struct StoryBody: Content {
        var title: String?
        var situation: String?
        var task: String?
        var action: String?
        var result: String?
        var skills: String?
    }

    struct RatingBody: Content {
        var questionID: String?
        var storyID: String?
        var situation: String?
        var task: String?
        var action: String?
        var result: String?
        var notes: String?
    }

    static let themeIDs = FeedbackTheme.allCases.map(\.rawValue)

    func storyForm(_ req: Request) throws -> StoryForm {
        let body = try req.content.decode(StoryBody.self)
        let themes = (try? req.content.get([String].self, at: "themes")) ?? []
        return StoryForm(title: body.title ?? "", situation: body.situation ?? "", task: body.task ?? "", action: body.action ?? "",
                         result: body.result ?? "", themes: themes, skills: body.skills ?? "")
    }

    // MARK: Stories

    func stories(_ req: Request) async throws -> Page {
        Page(html: StoriesIndex.view(try await storiesModel(req, form: StoryForm(), errors: nil)))
    }

    private func storiesModel(_ req: Request, form: StoryForm, errors: ValidationErrors?) async throws -> StoriesIndex.Model {
        StoriesIndex.Model(chrome: req.chrome(.practice), stories: try await req.workspace.stories.all(), gaps: try await req.workspace.stories.gaps(),
                           form: form, errors: errors)
    }

    func createStory(_ req: Request) async throws -> Response {
        let form = try storyForm(req)
        do {
            let story = try await req.workspace.stories.add(try form.validated(knownThemes: Self.themeIDs))
            req.flash("Saved \"\(story.title)\"." + (story.missing.isEmpty ? " One more story ready to tell." : " Fill in the rest when it comes to you."))
            return req.redirect(to: SiteURL.stories.path())
        } catch let errors as ValidationErrors {
            return try await Page(html: StoriesIndex.view(try await storiesModel(req, form: form, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
    }

    func story(_ req: Request) async throws -> Page {
        let story = try await req.workspace.stories.find(try req.applicationID())
        return Page(html: StoryEdit.view(.init(chrome: req.chrome(.practice), story: story, form: StoryForm(story), errors: nil)))
    }

    func updateStory(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let story = try await req.workspace.stories.find(id)
        let form = try storyForm(req)
        do {
            _ = try await req.workspace.stories.update(id, try form.validated(knownThemes: Self.themeIDs))
            req.flash("Saved.")
            return req.redirect(to: SiteURL.stories.path())
        } catch let errors as ValidationErrors {
            return try await Page(html: StoryEdit.view(.init(chrome: req.chrome(.practice), story: story, form: form, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
    }

    func deleteStory(_ req: Request) async throws -> Response {
        let story = try await req.workspace.stories.find(try req.applicationID())
        try await req.workspace.stories.delete(story.id)
        req.flash("Deleted \"\(story.title)\".")
        return req.redirect(to: SiteURL.stories.path())
    }

    // MARK: Practice

    func practice(_ req: Request) async throws -> Page {
        let theme = (try? req.query.get(String.self, at: "theme")).flatMap(FeedbackTheme.init(rawValue:))
        let questionID = try? req.query.get(String.self, at: "question")
        return Page(html: PracticeShow.view(try await practiceModel(req, theme: theme, questionID: questionID, form: nil, errors: nil)))
    }

    private func practiceModel(_ req: Request, theme: FeedbackTheme?, questionID: String?, form: PracticeForm?, errors: ValidationErrors?) async throws -> PracticeShow.Model {
        let questions = try QuestionBank.bundled()
        let setting = try await req.workspace.practice.setting(today: req.today, theme: theme)
        let question = questionID.flatMap { id in questions.first { $0.id == id } } ?? setting.question
        return PracticeShow.Model(
            chrome: req.chrome(.practice), question: question, theme: theme, needs: setting.needs,
            fitting: PracticeSetting.fitting(question, setting.stories), stories: setting.stories,
            sessions: Array(setting.sessions.prefix(10)), averages: PracticePicker.averages(setting.sessions),
            questions: Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0.question) }), form: form, errors: errors)
    }

    func rate(_ req: Request) async throws -> Response {
        let body = try req.content.decode(RatingBody.self)
        let form = PracticeForm(questionID: body.questionID ?? "", storyID: body.storyID ?? "",
                                ratings: [.situation: body.situation ?? "", .task: body.task ?? "", .action: body.action ?? "", .result: body.result ?? ""],
                                notes: body.notes ?? "")
        let questions = try QuestionBank.bundled()
        do {
            let session = try await req.workspace.practice.record(try form.validated(knownQuestions: Set(questions.map(\.id))))
            let weakest = STARElement.allCases.min { (session.ratings[$0] ?? 0) < (session.ratings[$1] ?? 0) }!
            req.flash(String(format: "Saved: %.1f of 5 on average. ", session.average)
                + ((session.ratings[weakest] ?? 5) <= 3 ? "Next time, for the \(weakest.title.lowercased()): \(weakest.advice)" : "A solid answer all round. Well done."))
            return req.redirect(to: SiteURL.practice.path())
        } catch let errors as ValidationErrors {
            return try await Page(html: PracticeShow.view(try await practiceModel(req, theme: nil, questionID: body.questionID, form: form, errors: errors)),
                                  status: .badRequest).encodeResponse(for: req)
        }
    }
}
