import NextYesCore
import Plot

extension RejectionFlow {
    static func steps(_ current: Step) -> BodyNode {
        .ol(.class("steps"), .attr("aria-label", "Steps"), .forEach(Step.allCases) { step in
            .li(.if(step == current, .attr("aria-current", "step")), .txt(step.title))
        })
    }

    /// Step 1: a warm word, and what the processing window is for.
    static func acknowledge(_ model: Model) -> HTML {
        let a = model.application
        let days = model.windowDays
        return Layout.page("Log a rejection", chrome: model.chrome, [
            steps(.acknowledge),
            .h1(.txt("A no from \(a.company)")),
            .div(
                .class("card warm"),
                .p(.txt(a.stage >= .interview
                        ? "You made it to the \(a.stage.title.lowercased()) stage: they saw something in you. Hearing no after that much effort is hard, and it's fine to feel it."
                        : "Hearing no is hard, even early on. It's fine to feel disappointed; it means you cared.")),
                .p(.txt(days == 0
                        ? "Let's record it with care, so it can teach you something later."
                        : "For the next \(days) day\(days == 1 ? "" : "s"), NextYes keeps things gentle: nothing to fix, no targets. That time is for feeling it, resting and talking to someone. After that, we'll look at what you can learn and what comes next.")),
                .p(.text("Recording it takes two short steps."))
            ),
            .div(.class("actions"),
                 .a(.class("button"), .link(.rejectDetails(.value(a.id))), .text("Continue")),
                 .a(.class("button quiet"), .link(.application(a.id)), .text("Not now"))),
        ])
    }

    /// Step 2: the day, the stage reached, what they said, how it feels.
    static func happened(_ model: Model) -> HTML {
        let a = model.application
        let f = model.form
        let e = model.errors
        let stages = Stage.allCases.filter { $0 >= a.stage }
        let intensityChoices = intensityScale()
        let onField: BodyNode = Field.text(
            "on", "When did you hear?", value: f.on.isEmpty ? model.today.description : f.on,
            .init(error: e?["on"], type: "date", extra: [("max", model.today.description)]))
        let stageField: BodyNode = Field.select(
            "stageReached", "How far did you get?", choices: stages.map { ($0.rawValue, $0.title) },
            selected: f.stageReached.isEmpty ? a.stage.rawValue : f.stageReached,
            .init(hint: "The furthest stage is kept for good: it counts toward your interview rate.", error: e?["stageReached"]))
        let reasonField: BodyNode = Field.textarea("reason", "What did they say?", value: f.reason, .init(
            hint: "Paste their message or note the reason in your own words. Leave it empty if they gave none.", error: e?["reason"]))
        let feelingsField: BodyNode = Field.text("feelings", "How are you feeling?", value: f.feelings.joined(separator: ", "), .init(
            hint: "A few words, separated by commas: disappointed, tired, relieved…", error: e?["feelings"]))
        let intensityField: BodyNode = Field.select("intensity", "How strongly?", choices: intensityChoices, selected: f.intensity, .init(error: e?["intensity"]))
        let noteField: BodyNode = Field.textarea("note", "Anything you want to get off your chest?", value: model.note, .init(
            hint: "Private. It goes into your journal with the feelings above.", error: e?["note"], extra: [("rows", "3")]))
        let buttons: BodyNode = .div(
            .class("actions"),
            .button(.type(.submit), .text("Continue")),
            .a(.class("button quiet"), .link(.application(a.id)), .text("Cancel")))
        let form = PostForm.make(
            .rejectDetails(.value(a.id)), csrf: model.chrome.csrf, className: "stacked",
            onField, stageField, reasonField, feelingsField, intensityField, noteField,
            .if(!f.category.isEmpty, Field.hidden("category", f.category)), buttons)
        return Layout.page("What happened", chrome: model.chrome, [
            steps(.happened),
            .h1(.text("What happened")),
            Field.summary(e),
            form,
        ])
    }

    private static func intensityScale() -> [(value: String, title: String)] {
        var choices: [(value: String, title: String)] = [("", "Rather not say")]
        for level in 1...10 {
            let title: String
            switch level {
            case 1: title = "1 · barely"
            case 10: title = "10 · overwhelming"
            default: title = String(level)
            }
            choices.append((String(level), title))
        }
        return choices
    }

    /// Step 3: the category, with why uncontrollable reasons say nothing about the person's worth.
    static func control(_ model: Model) -> HTML {
        let a = model.application
        let f = model.form
        let e = model.errors
        let selected = RejectionCategory(id: f.category) ?? model.suggested ?? (Text.clean(f.reason) == nil ? .noReasonGiven : nil)
        let groups: [(String, [RejectionCategory])] = [
            ("Often in your control", RejectionCategory.allCases.filter { $0.controllability != .no }),
            ("Out of your control", RejectionCategory.allCases.filter { $0.controllability == .no }),
        ]
        return Layout.page("In your control?", chrome: model.chrome, [
            steps(.control),
            .h1(.text("Was it in your control?")),
            .div(.class("card calm"),
                 .p(.text("Many rejections come down to things no candidate could change: an internal hire, a budget cut, a role put on hold, timing. Those reasons say nothing about your worth or your ability. Sorting them out helps you spend your energy where it makes a difference."))),
            Field.summary(e),
            PostForm.make(SiteURL.rejectCategory(.value(a.id)), csrf: model.chrome.csrf, className: "stacked",
                Field.hidden("on", f.on),
                Field.hidden("stageReached", f.stageReached),
                Field.hidden("reason", f.reason),
                Field.hidden("feelings", f.feelings.joined(separator: ", ")),
                Field.hidden("intensity", f.intensity),
                Field.hidden("note", model.note),
                .unwrap(Text.clean(f.reason)) { reason in
                    .div(.class("card"), .h3(.text("What they said")), .div(.class("prose"), .txt(reason)))
                },
                .unwrap(model.suggested) { suggestion in
                    .p(.txt("From what they wrote, this looks like \(suggestion.title.lowercased()). Change it if you know better."))
                },
                .forEach(groups) { group in
                    Tag.element("fieldset", [("class", "field")], [
                        .element(named: "legend", text: group.0),
                        // A compact grid of names; the chosen one shows what it means.
                        .div(.class("choices compact"), .forEach(group.1) { category in
                            Tag.element("label", [("class", "choice"), ("title", category.explanation)], [
                                Tag.void("input", [("type", "radio"), ("name", "category"), ("value", category.rawValue), ("required", nil)]
                                         + (category == selected ? [("checked", nil)] : [])),
                                .span(.strong(.txt(category.title)), .span(.class("explain"), .txt(category.explanation))),
                            ])
                        }),
                    ])
                },
                Field.select("controllable", "Your own reading", choices: [("", "Go with the category"), ("yes", "It was in my control"), ("partly", "Partly in my control"), ("no", "It was out of my control")],
                             selected: f.controllable, .init(hint: "If you see it differently from the category, say so.", error: e?["controllable"])),
                .div(.class("actions"),
                     .button(.type(.submit), .text("Save the rejection")),
                     .a(.class("button quiet"), .link(.application(a.id)), .text("Cancel")))
            ),
        ])
    }

    /// Step 4: what the rejection means and the next steps.
    static func next(_ model: NextModel) -> HTML {
        let a = model.application
        let r = model.rejection
        let outOfHands = r.controllable == .no
        return Layout.page("What's next", chrome: model.chrome, [
            steps(.next),
            .h1(.txt("After \(a.company)")),
            .div(
                .class(model.isProcessing ? "card warm" : "card"),
                .p(.txt(model.isProcessing
                        ? "Take the time you need: until \(r.processingEndsOn.readable) there is nothing you have to do about this."
                        : "The first sting has had time to settle. When you're ready, here is what helps.")),
                .p(.strong(.txt("\(r.category.title): ")), .txt(r.category.explanation)),
                .if(r.category.isUnclear, .p(.text("From what they said, it's hard to tell what was in your control. That's common, and it says nothing about your worth. A feedback request may tell you more."))),
                .if(outOfHands && !r.category.isUnclear, .p(.text("This one was out of your hands. It doesn't measure you, and it doesn't predict the next one."))),
                .if(r.controllable == .yes, .p(.text("This is something you can work on, which means the next application can go differently."))),
                .if(r.controllable == .partly, .p(.text("Part of this is time and part is how you tell your story; the second part you can shape.")))
            ),
            .if(!model.wins.isEmpty || !model.affirmations.isEmpty, .div(
                .class("card calm"),
                .h2(.text("What this process gave you")),
                .ul(
                    .forEach(model.wins) { .li(.txt($0.title + ($0.detail.map { ": \($0)" } ?? ""))) },
                    .forEach(model.affirmations) { .li(.txt($0)) }
                )
            )),
            .div(
                .class("card"),
                .h2(.text("Next steps, when you're ready")),
                .ul(
                    .li(.strong(.text("Be kind to yourself. ")), .text("Rest, move, do something that restores you.")),
                    .li(.strong(.text("Talk to someone you trust. ")), .text("A friend, a mentor or a career counsellor can help carry it.")),
                    .li(.strong(.text("Ask for feedback. ")), .txt("A short, polite note asking what you could do differently often gets a useful answer\(a.furthestStage >= .interview ? ", especially after interviews" : ""). "),
                        .a(.link(.feedbackCompose(.value(a.id))), .text("Draft the request"))),
                    .li(.strong(.text("Reflect. ")), .text("What went well? Where did you feel less sure? Which skill would you strengthen? "),
                        .a(.link(.reflection(.value(a.id))), .text("Write your reflection"))),
                    .li(.strong(.text("Keep momentum. ")), .a(.link(.newApplication), .text("Add your next application")), .text(" when it feels right."))
                )
            ),
            .div(.class("actions"),
                 .a(.class("button"), .link(.dashboard), .text("Back to the dashboard")),
                 .a(.class("button secondary"), .link(.application(a.id)), .text("See the application"))),
        ])
    }
}
