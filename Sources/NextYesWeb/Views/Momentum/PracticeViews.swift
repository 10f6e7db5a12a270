import NextYesCore
import NextYesInsights
import Plot

enum StoryFields {
    static func fields(_ form: StoryForm, _ e: ValidationErrors?) -> [BodyNode] {
        [
            Field.text("title", "Title", value: form.title, .init(hint: "A few words you'll recognise, like \"The dashboard nobody used\".", error: e?["title"], required: true)),
        ] + STARElement.allCases.map { element in
            Field.textarea(element.rawValue, element.title, value: story(form, element), .init(hint: element.prompt, error: e?[element.rawValue], extra: [("rows", "3")]))
        } + [
            Tag.element("fieldset", [("id", "themes")], [
                Tag.element("legend", [], [.text("What it shows")]),
                .unwrap(e?["themes"]) { .p(.class("error"), .txt($0)) },
                .div(.class("choices"), .forEach(FeedbackTheme.allCases) { theme in
                    var attributes: Tag.Attributes = [("type", "checkbox"), ("name", "themes[]"), ("value", theme.rawValue)]
                    if form.themes.contains(theme.rawValue) { attributes.append(("checked", nil)) }
                    return Tag.element("label", [("class", "choice")], [Tag.void("input", attributes), .span(.txt(theme.title))])
                }),
            ]),
            Field.text("skills", "Skills it demonstrates", value: form.skills, .init(hint: "Separated by commas, like \"SQL, stakeholder management\".", error: e?["skills"])),
        ]
    }

    static func story(_ form: StoryForm, _ element: STARElement) -> String {
        switch element {
        case .situation: form.situation
        case .task: form.task
        case .action: form.action
        case .result: form.result
        }
    }
}

enum StoriesIndex {
    struct Model {
        var chrome: PageChrome
        var stories: [Story]
        var gaps: StoryGaps
        var form: StoryForm
        var errors: ValidationErrors?
    }

    static func view(_ model: Model) -> HTML {
        Layout.page("Stories", chrome: model.chrome, [
            .p(.a(.link(.practice), .text("← Practice"))),
            .h1(.text("Your STAR stories")),
            .p(.class("lead"), .text("A handful of real examples, each told as Situation, Task, Action and Result, answers most interview questions. Write them once; practise them often.")),
            Field.summary(model.errors),
            .if(!model.gaps.isEmpty, .div(
                .class("card warm"),
                .h2(.text("Not covered yet")),
                .if(!model.gaps.themes.isEmpty, .p(.txt("Feedback keeps raising " + model.gaps.themes.map { $0.title.lowercased() }.joined(separator: ", ") + ", and no story shows it yet."))),
                .if(!model.gaps.skills.isEmpty, .p(.txt("Your target roles ask for " + model.gaps.skills.joined(separator: ", ") + "; no story names them yet."))),
                .p(.class("muted"), .text("One good story can cover several. Think of a time you used one of these.")))),
            .if(model.stories.isEmpty,
                .div(.class("card calm"), .p(.text("No stories yet. Start with a piece of work you're proud of; the form below walks you through it."))),
                else: .ul(.class("cards"), .forEach(model.stories) { story in
                    .li(.class("card"),
                        .h3(.a(.link(.story(.value(story.id))), .txt(story.title))),
                        .p(.class("muted"), .txt((story.themes.compactMap { FeedbackTheme(rawValue: $0)?.title } + story.skills).joined(separator: " · "))),
                        .if(!story.missing.isEmpty, .p(.txt("Draft: still to write the " + story.missing.map { $0.title.lowercased() }.joined(separator: ", ") + "."))))
                })),
            .section(
                .class("card"),
                .h2(.text("Write a story")),
                Tag.element("form", [("method", "post"), ("action", SiteURL.stories.path()), ("class", "stacked")],
                            [Field.csrf(model.chrome.csrf)] + StoryFields.fields(model.form, model.errors) + [.button(.type(.submit), .text("Save story"))])
            ),
        ])
    }
}

enum StoryEdit {
    struct Model {
        var chrome: PageChrome
        var story: Story
        var form: StoryForm
        var errors: ValidationErrors?
    }

    static func view(_ model: Model) -> HTML {
        Layout.page(model.story.title, chrome: model.chrome, [
            .p(.a(.link(.stories), .text("← All stories"))),
            .h1(.txt(model.story.title)),
            Field.summary(model.errors),
            .section(
                .class("card"),
                Tag.element("form", [("method", "post"), ("action", SiteURL.story(.value(model.story.id)).path()), ("class", "stacked")],
                            [Field.csrf(model.chrome.csrf)] + StoryFields.fields(model.form, model.errors) + [.button(.type(.submit), .text("Save"))])
            ),
            Tag.element("details", [], [
                Tag.element("summary", [], [.text("Delete this story")]),
                PostForm.make(.storyDelete(.value(model.story.id)), csrf: model.chrome.csrf,
                    Tag.element("label", [], [Tag.void("input", [("type", "checkbox"), ("name", "confirm"), ("value", "yes"), ("required", nil)]), .text(" Yes, delete it")]),
                    .p(.button(.class("danger"), .type(.submit), .text("Delete"))))
            ]),
        ])
    }
}

enum PracticeShow {
    struct Model {
        var chrome: PageChrome
        var question: InterviewQuestion
        var theme: FeedbackTheme?
        var needs: [ThemeNeed]
        var fitting: [Story]
        var stories: [Story]
        var sessions: [PracticeSession]
        var averages: [STARElement: Double]
        var questions: [String: String]
        var form: PracticeForm?
        var errors: ValidationErrors?
    }

    static func view(_ model: Model) -> HTML {
        Layout.page("Practice", chrome: model.chrome, [
            .h1(.text("Interview practice")),
            .p(.class("lead"), .text("Answer out loud, in about two minutes, with the STAR method. Then rate each part as it felt; the ratings steer the next questions toward what needs it."),
               .text(" "), .a(.link(.stories), .text("Your stories"))),
            Field.summary(model.errors),
            questionCard(model),
            themesCard(model),
            historyCard(model),
        ])
    }

    static func ratingChoices() -> [(value: String, title: String)] {
        var choices: [(value: String, title: String)] = [("", "Rate…")]
        for value in 1...5 {
            let title: String = value == 1 ? "1 shaky" : (value == 5 ? "5 solid" : String(value))
            choices.append((String(value), title))
        }
        return choices
    }

    static func questionCard(_ model: Model) -> BodyNode {
        let e = model.errors
        let q = model.question
        let storyChoices: [(value: String, title: String)] = [("", "None")] + model.stories.map { (String($0.id), $0.title) }
        let selectedStory = model.form?.storyID ?? model.fitting.first.map { String($0.id) } ?? ""
        let another = SiteURL.practice.path(model.theme.map { [("theme", $0.rawValue)] } ?? [])
        let ratings: [BodyNode] = STARElement.allCases.map { element in
            Field.select(element.rawValue, element.title, choices: ratingChoices(), selected: model.form?.ratings[element] ?? "",
                         .init(error: e?[element.rawValue], extra: [("required", nil)]))
        }
        let form = PostForm.make(.practice, csrf: model.chrome.csrf, className: "stacked",
            Field.hidden("questionID", q.id),
            .if(!model.stories.isEmpty, Field.select("storyID", "The story you used", choices: storyChoices, selected: selectedStory)),
            .div(.class("inline"), .group(ratings)),
            Field.textarea("notes", "A note for next time", value: model.form?.notes ?? "", .init(error: e?["notes"], extra: [("rows", "2")])),
            .div(.class("actions"),
                .button(.type(.submit), .text("Save my rating")),
                .a(.class("button secondary"), .href(another), .text("Another question"))))
        let prompts: [Node<HTML.DescriptionListContext>] = STARElement.allCases.flatMap { element -> [Node<HTML.DescriptionListContext>] in
            [.dt(.txt(element.title)), .dd(.txt(element.prompt))]
        }
        return .section(
            .class("card"),
            .p(.class("muted"), .txt(q.themes.map(\.title).joined(separator: " · ") + " · \(q.kind.rawValue)")),
            .h2(.class("question"), .txt(q.question)),
            .if(!model.fitting.isEmpty, .p(.txt("Stories that might fit: " + model.fitting.map(\.title).joined(separator: "; ") + "."))),
            .dl(.class("star"), .group(prompts)),
            form
        )
    }

    static func themesCard(_ model: Model) -> BodyNode {
        let focus = model.needs.filter { !$0.reasons.isEmpty }.sorted { $0.weight > $1.weight }.prefix(3)
        let leaning = "Questions lean toward " + focus.map { "\($0.theme.title.lowercased()) (\($0.reasons.joined(separator: "; ")))" }.joined(separator: ", ") + "."
        return .section(
            .class("card"),
            .h2(.text("Practise a theme")),
            .ul(.class("chips"), .forEach(FeedbackTheme.allCases) { theme in
                .li(.class(theme == model.theme ? "chip have" : "chip"), .a(.href(SiteURL.practice.path([("theme", theme.rawValue)])), .txt(theme.title)))
            }),
            .if(!focus.isEmpty, .p(.class("muted"), .txt(leaning)))
        )
    }

    static func historyCard(_ model: Model) -> BodyNode {
        guard !model.sessions.isEmpty else { return .empty }
        let averages = STARElement.allCases.compactMap { el in model.averages[el].map { String(format: "%@ %.1f", el.title, $0) } }.joined(separator: " · ")
        let rows: [Node<HTML.TableContext>] = model.sessions.map { session in
            var cells: [Node<HTML.TableRowContext>] = [.td(.txt(session.on.readable)), .td(.txt(model.questions[session.questionID] ?? session.questionID))]
            for element in STARElement.allCases {
                let value = String(session.ratings[element] ?? 0)
                cells.append(.td(.txt(value)))
            }
            return .tr(.group(cells))
        }
        return .section(
            .class("card"),
            .h2(.text("Recent practice")),
            .p(.txt("Average of your last ten: " + averages)),
            .div(.class("table-wrap"), .table(
                .class("data"),
                .thead(.tr(.th(.text("Day")), .th(.text("Question")), .th(.text("S")), .th(.text("T")), .th(.text("A")), .th(.text("R")))),
                .tbody(.group(rows))
            ))
        )
    }
}
