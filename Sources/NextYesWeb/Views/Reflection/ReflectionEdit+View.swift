import NextYesCore
import Plot

enum ReflectionEdit {
    struct Model {
        var chrome: PageChrome
        var application: JobApplication
        var form: ReflectionForm
        var errors: ValidationErrors?
        var interviewStage: Bool
    }

    static func view(_ model: Model) -> HTML {
        let a = model.application
        let f = model.form
        let e = model.errors
        let prompts: [BodyNode] = [
            Field.textarea("understoodRole", "Did I understand the role, and tailor my application to it?", value: f.understoodRole, .init(error: e?["understoodRole"], extra: [("rows", "3")])),
            Field.textarea("lessConfident", "Where did I feel less confident?", value: f.lessConfident, .init(error: e?["lessConfident"], extra: [("rows", "3")])),
            Field.textarea("strengthen", "Which skills or experiences should I strengthen?", value: f.strengthen, .init(error: e?["strengthen"], extra: [("rows", "3")])),
            Field.textarea("wentWell", "What went well?", value: f.wentWell, .init(hint: "There is always something. Write it down: it's evidence for next time.", error: e?["wentWell"], extra: [("rows", "3")])),
        ]
        let specific: BodyNode = model.interviewStage ? ratings(f, e) : checklist(f)
        return Layout.page("Reflect", chrome: model.chrome, [
            .p(.a(.link(.application(a.id)), .txt("← \(a.title)"))),
            .h1(.txt("Reflect on \(a.company)")),
            .p(.class("lead"), .text("An honest look back, for you only. Short answers are fine; the point is to notice what to keep and what to strengthen.")),
            Field.summary(e),
            PostForm.make(.reflection(.value(a.id)), csrf: model.chrome.csrf, className: "stacked",
                .group(prompts), specific,
                .div(.class("actions"), .button(.type(.submit), .text("Save reflection")))),
        ])
    }

    private static func ratings(_ f: ReflectionForm, _ e: ValidationErrors?) -> BodyNode {
        .div(
            .h2(.text("Rate each part of the interview")),
            .p(.class("muted"), .text("1 is rough, 5 went well. Skip any part that didn't happen.")),
            .forEach(InterviewPart.allCases) { part in
                let input = f.ratings[part] ?? ReflectionForm.RatingInput()
                return Tag.element("fieldset", [("class", "field rating")], [
                    .element(named: "legend", text: part.title),
                    .div(.class("inline"),
                         Field.select("rating-\(part.rawValue)", "Rating", choices: [("", "Skip")] + (1...5).map { (String($0), String($0)) },
                                      selected: input.score, .init(error: e?[part.rawValue])),
                         Field.text("note-\(part.rawValue)", "Note", value: input.note)),
                ])
            }
        )
    }

    private static func checklist(_ f: ReflectionForm) -> BodyNode {
        Tag.element("fieldset", [("class", "field")], [
            .element(named: "legend", text: "Application materials checklist"),
            .p(.class("muted"), .text("This one ended before an interview, so the materials are where to look. Tick what was true.")),
            .div(.class("choices"), .forEach(MaterialsCheck.allCases) { item in
                Tag.element("label", [("class", "choice")], [
                    Tag.void("input", [("type", "checkbox"), ("name", "checklist[]"), ("value", item.rawValue)] + (f.checklist.contains(item.rawValue) ? [("checked", nil)] : [])),
                    .span(.txt(item.title)),
                ])
            }),
        ])
    }
}
