import NextYesCore
import NextYesInsights
import Plot

enum ProfileShow {
    struct Model {
        var chrome: PageChrome
        var skills: [ProfileSkill]
        var targets: CareerTargets
        var alignment: Alignment?
        var unalignedTitles: [String]
        /// Skills found in a pasted resume, waiting for the person to pick which to keep.
        var found: [SkillRef]
        var errors: ValidationErrors?
    }

    static func levelChoices() -> [(value: String, title: String)] {
        SkillLevel.allCases.map { ($0.rawValue, $0.title) }
    }

    static func view(_ model: Model) -> HTML {
        let e = model.errors
        return Layout.page("Profile", chrome: model.chrome, [
            .h1(.text("Your profile")),
            .p(.class("lead"), .text("Your skills and where you want to go. NextYes compares them with the postings you save, privately.")),
            Field.summary(e),
            .unwrap(model.alignment) { alignment in
                .div(.class(alignment.suggestsReassessing ? "card warm" : "card calm"),
                     .h2(.text("Are you applying where you want to go?")),
                     .p(.txt(alignment.reading)),
                     .if(alignment.suggestsReassessing && !model.unalignedTitles.isEmpty,
                         .p(.class("muted"), .txt("Outside your targets: " + model.unalignedTitles.prefix(5).joined(separator: "; ") + "."))))
            },
            .section(
                .class("card"),
                .h2(.text("Skills")),
                .if(model.skills.isEmpty,
                    .p(.class("muted"), .text("No skills yet. Add them one by one, or paste your resume below and pick the ones to keep.")),
                    else: .div(.class("table-wrap"), .table(
                        .class("data"),
                        .thead(.tr(.th(.text("Skill")), .th(.text("Level")), .th(.text("")))),
                        .tbody(.forEach(model.skills) { skill in
                            .tr(
                                .td(.txt(skill.name)),
                                .td(PostForm.make(.profileSkill(.value(skill.id)), csrf: model.chrome.csrf, className: "inline",
                                                  Field.select("level-\(skill.id)", "Level for \(skill.name)", choices: levelChoices(), selected: skill.level.rawValue, .init(name: "level")),
                                                  Field.hidden("name", skill.name),
                                                  .button(.class("secondary"), .type(.submit), .text("Update")))),
                                .td(PostButton.make(.profileSkill(.value(skill.id)), label: "Remove", csrf: model.chrome.csrf, style: "quiet", hidden: [("remove", "yes")]))
                            )
                        })
                    ))),
                PostForm.make(.profileSkills, csrf: model.chrome.csrf, className: "inline",
                    Field.text("name", "Add a skill", value: "", .init(error: e?["name"], extra: [("maxlength", String(Limits.name))])),
                    Field.select("level", "Level", choices: levelChoices(), selected: SkillLevel.working.rawValue),
                    .button(.type(.submit), .text("Add")))
            ),
            .section(
                .class("card"),
                .h2(.text("Start from your resume")),
                .if(model.found.isEmpty,
                    PostForm.make(.profileResume, csrf: model.chrome.csrf, className: "stacked",
                        Field.textarea("resume", "Paste your resume's text", value: "", .init(hint: "NextYes lists the skills it recognises; you choose which to keep. The text itself is not saved.", extra: [("rows", "8")])),
                        .button(.class("secondary"), .type(.submit), .text("Find skills"))),
                    else: PostForm.make(.profileSkills, csrf: model.chrome.csrf, className: "stacked",
                        .p(.txt("NextYes found \(model.found.count) skills. Untick any that don't fit, then keep the rest.")),
                        .div(.class("choices"), .forEach(model.found) { skill in
                            Tag.element("label", [("class", "choice")], [
                                Tag.void("input", [("type", "checkbox"), ("name", "pick[]"), ("value", skill.name), ("checked", nil)]),
                                .span(.txt(skill.name)),
                            ])
                        }),
                        Field.select("resume-level", "Level for these", choices: levelChoices(), selected: SkillLevel.working.rawValue, .init(name: "level")),
                        .button(.type(.submit), .text("Keep these skills"))))
            ),
            .section(
                .class("card"),
                .h2(.text("Where you want to go")),
                PostForm.make(.profileTargets, csrf: model.chrome.csrf, className: "stacked",
                    Field.textarea("roles", "Target roles", value: model.targets.roles.joined(separator: "\n"), .init(hint: "One per line, for example \"Data Analyst\".", error: e?["roles"], extra: [("rows", "3")])),
                    Field.textarea("industries", "Target industries", value: model.targets.industries.joined(separator: "\n"), .init(hint: "One per line, for example \"healthcare\".", error: e?["industries"], extra: [("rows", "3")])),
                    Field.textarea("values", "What matters to you at work", value: model.targets.values.joined(separator: "\n"), .init(error: e?["values"], extra: [("rows", "2")])),
                    Field.textarea("interests", "Interests", value: model.targets.interests.joined(separator: "\n"), .init(error: e?["interests"], extra: [("rows", "2")])),
                    Field.textarea("strengths", "Your strengths", value: model.targets.strengths.joined(separator: "\n"), .init(hint: "NextYes reminds you of these on hard days.", error: e?["strengths"], extra: [("rows", "2")])),
                    .button(.type(.submit), .text("Save")))
            ),
        ])
    }
}

enum SkillsShow {
    struct Model {
        var chrome: PageChrome
        var demand: [SkillDemand]
        var postings: Int
        var titles: [Int: String]

        /// Rows in the table, and the applications named in each row (their titles are all the
        /// page needs).
        static let shown = 40
        static let titlesPerSkill = 4
    }

    static func view(_ model: Model) -> HTML {
        guard model.postings > 0 else {
            return Layout.page("Skills", chrome: model.chrome, [
                .h1(.text("Skills in demand")),
                .div(.class("card calm"),
                     .p(.text("Paste the job description when you add or edit an application. NextYes reads the skills each posting asks for and compares them with your profile.")),
                     .a(.class("button"), .link(.applications), .text("Go to your applications"))),
            ])
        }
        let top = Array(model.demand.prefix(15))
        let bars = top.map { Charts.Bar(label: $0.skill.name, value: $0.postings, caption: "\($0.postings) of \($0.totalPostings)" + ($0.inProfile ? " · in your profile" : "")) }
        let description = top.map { "\($0.skill.name): \($0.summary)" }.joined(separator: "; ")
        return Layout.page("Skills", chrome: model.chrome, [
            .h1(.text("Skills in demand")),
            .p(.class("lead"), .txt("Across the \(model.postings) posting\(model.postings == 1 ? "" : "s") you saved with a job description. Skills that came up in applications rejected for a skills gap, or after an interview, count a little more.")),
            .section(
                .class("card"),
                .h2(.text("Most asked for")),
                .raw(Charts.horizontalBars(bars, title: "Postings asking for each skill", description: description, maximum: model.postings, id: "demand")),
                .div(.class("table-wrap"), .table(
                    .class("data"),
                    .caption(.text("The same, with your profile")),
                    .thead(.tr(.th(.text("Skill")), .th(.text("Demand")), .th(.text("In these applications")))),
                    .tbody(.forEach(model.demand.prefix(Model.shown)) { entry in
                        .tr(
                            .td(.txt(entry.skill.name)),
                            .td(.txt(entry.summary), .if(!entry.inProfile, .raw(" ")), .if(!entry.inProfile,
                                PostButton.make(.profileSkills, label: "I have this", csrf: model.chrome.csrf, style: "quiet", hidden: [("name", entry.skill.name), ("level", "working"), ("back", SiteURL.skills.path())]))),
                            .td(.txt(entry.applicationIDs.prefix(Model.titlesPerSkill).compactMap { model.titles[$0] }.joined(separator: "; ") + (entry.applicationIDs.count > Model.titlesPerSkill ? "…" : "")))
                        )
                    })
                ))
            ),
            .p(.a(.link(.plan), .text("Turn the gaps into a plan"))),
        ])
    }
}

enum PlanShow {
    struct Model {
        var chrome: PageChrome
        var proposals: [GoalProposal]
        var goals: [PlanGoal]
        var today: Day
        var errors: ValidationErrors?
        /// A suggestion the person changed that didn't validate: shown again as they wrote it.
        var failed: GoalForm? = nil
        /// Coaches' notes on the goals (a career centre's NextYes).
        var notes: [Int: [CoachNote]] = [:]
    }

    static func view(_ model: Model) -> HTML {
        let active = model.goals.filter { $0.status == .active }
        let done = model.goals.filter { $0.status == .done }
        return Layout.page("Plan", chrome: model.chrome, [
            .h1(.text("Development plan")),
            .p(.class("lead"), .text("A few specific, measurable goals from the skills your postings ask for and the themes in your feedback. Keep what fits, change what doesn't.")),
            Field.summary(model.errors),
            .if(active.isEmpty && model.proposals.isEmpty && done.isEmpty,
                .div(.class("card calm"), .p(.text("Nothing to suggest yet. Add job descriptions to your applications and record the feedback you get; goals appear from the patterns.")))),
            .if(!active.isEmpty, .section(
                .h2(.text("Your goals")),
                .forEach(active) { goal in goalCard(goal, model) }
            )),
            .if(!model.proposals.isEmpty, .section(
                .h2(.text("Suggested goals")),
                .forEach(Array(model.proposals.enumerated())) { index, proposal in proposalCard(proposal, index: index, model) }
            )),
            .if(!done.isEmpty, .section(
                .h2(.text("Done")),
                .ul(.forEach(done) { goal in .li(.strong(.txt(goal.title)), .txt(goal.doneOn.map { " — finished \($0.readable)" } ?? "")) })
            )),
        ])
    }

    private static func goalCard(_ goal: PlanGoal, _ model: Model) -> BodyNode {
        let overdue = goal.deadline < model.today
        return .div(
            .class("card"),
            .h3(.txt(goal.title)),
            .p(.span(.class("badge"), .txt(goal.action.title)), .txt(" · by \(goal.deadline.readable) · \(goal.weeklyHours) h a week")),
            .p(.strong(.text("Done when: ")), .txt(goal.measure)),
            Tag.element("progress", [("max", "100"), ("value", String(Int(goal.progress * 100))), ("aria-label", "Hours logged toward this goal")], [.txt("\(Int(goal.progress * 100))%")]),
            .p(.class("muted"), .txt(String(format: "%.1f hours logged", goal.hoursLogged) + (overdue ? ". The deadline has passed: finish it, move the date, or let it go; all three are fine." : "."))),
            .unwrap(model.notes[goal.id]) { notes in CoachNotesView.list(notes) },
            .div(.class("actions"),
                 PostForm.make(.planGoal(.value(goal.id), .hours), csrf: model.chrome.csrf, className: "inline",
                    Field.text("hours-\(goal.id)", "Hours", value: "1", .init(type: "number", extra: [("min", "0.25"), ("max", "24"), ("step", "0.25")], name: "hours")),
                    .button(.class("secondary"), .type(.submit), .text("Log time"))),
                 PostButton.make(.planGoal(.value(goal.id), .done), label: "Mark done", csrf: model.chrome.csrf),
                 PostButton.make(.planGoal(.value(goal.id), .drop), label: "Drop", csrf: model.chrome.csrf, style: "quiet"))
        )
    }

    private static func proposalCard(_ p: GoalProposal, index: Int, _ model: Model) -> BodyNode {
        // The suggestion the person just tried to add keeps their changes, its errors, and the
        // plain field ids the error summary links to.
        let failed = model.failed?.focus == p.focus ? model.failed : nil
        let e = failed == nil ? nil : model.errors
        func id(_ name: String) -> String { failed == nil ? "\(name)-p\(index)" : name }
        return .div(
            .class("card"),
            .h3(.txt(p.title)),
            .p(.class("muted"), .txt(p.reason)),
            .p(.strong(.text("Done when: ")), .txt(failed?.measure ?? p.measure)),
            .p(.class("muted"), .txt("\(p.action.title) · by \(p.deadline.readable) · \(p.weeklyHours) h a week")),
            PostForm.make(.planGoals, csrf: model.chrome.csrf, className: "stacked",
                Field.hidden("focus", p.focus),
                Field.hidden("focusName", p.focusName),
                // The suggestion goes in as it is with one press; its fields open to change it first.
                .element(named: "details", nodes: [
                    .class("change"),
                    .if(failed != nil, .attr("open", "")),
                    .element(named: "summary", nodes: [.text("Change it before adding")]),
                    Field.text(id("title"), "Goal", value: failed?.title ?? p.title, .init(error: e?["title"], name: "title")),
                    Field.select(id("action"), "Kind of step", choices: GoalAction.allCases.map { ($0.rawValue, $0.title) }, selected: failed?.action ?? p.action.rawValue,
                                 .init(error: e?["action"], name: "action")),
                    Field.textarea(id("measure"), "Done when", value: failed?.measure ?? p.measure, .init(error: e?["measure"], extra: [("rows", "2")], name: "measure")),
                    .div(.class("inline"),
                         Field.text(id("deadline"), "Deadline", value: failed?.deadline ?? p.deadline.description,
                                    .init(error: e?["deadline"], type: "date", extra: [("min", model.today.description)], name: "deadline")),
                         Field.text(id("weeklyHours"), "Hours a week", value: failed?.weeklyHours ?? String(p.weeklyHours),
                                    .init(error: e?["weeklyHours"], type: "number", extra: [("min", "1"), ("max", "40")], name: "weeklyHours"))),
                ]),
                .div(.class("actions"),
                     .button(.type(.submit), .text("Add to my plan")),
                     Tag.element("button", [("type", "submit"), ("class", "quiet"), ("formaction", SiteURL.planDecline.path())], [.text("Not for me")])))
        )
    }
}

/// A coach's notes under a goal, with who wrote them and when.
enum CoachNotesView {
    static func list(_ notes: [CoachNote]) -> BodyNode {
        .div(
            .class("coach-notes"),
            .h4(.text("From your coach")),
            .ul(.forEach(notes) { note in
                .li(.strong(.txt(note.coachName)), .span(.class("muted"), .txt(", \(Day(note.createdAt, in: .current).readable): ")), .txt(note.text))
            })
        )
    }
}
