import NextYesCore
import Plot

extension ApplicationShow {
    static func view(_ model: Model) -> HTML {
        let a = model.application
        return Layout.page(a.title, chrome: model.chrome, [
            .p(.a(.link(.applications), .text("← All applications"))),
            .h1(.txt(a.role), .span(.class("muted"), .txt(" at \(a.company)"))),
            .p(
                .span(.class("badge \(a.outcome.rawValue)"), .txt(a.outcome.title)),
                .txt(" Stage: \(a.stage.title)"),
                .if(a.furthestStage != a.stage, .txt(" · furthest reached: \(a.furthestStage.title)"))
            ),
            .unwrap(model.problem) { problem in
                .div(.class("flash problem"), .attr("role", "alert"), .txt(problem))
            },
            .unwrap(model.silentDays) { days in
                .div(.class("card calm"),
                     .p(.txt("No news for \(days) days. Ghosting is common and says more about their process than about you. If you think it has gone quiet for good, mark it as no reply; you can reopen it if they write.")))
            },
            .div(
                .class("two"),
                .div(
                    actions(model),
                    .if(model.application.isOpen || !model.rounds.isEmpty,
                        InterviewsCard.view(rounds: model.rounds, contacts: model.allContacts, linkedIDs: Set(model.contacts.map(\.id)),
                                            applicationID: model.application.id, today: model.today, csrf: model.chrome.csrf)),
                    rejectionCard(model),
                    feedbackCard(model),
                    reflectionCard(model),
                    skillsCard(model),
                    .div(
                        .class("card"),
                        .h2(.text("Timeline")),
                        .ol(.class("timeline"), .forEach(model.timeline) { event in
                            .li(
                                .time(.attr("datetime", event.on.description), .txt(event.on.readable)),
                                .txt(event.summary),
                                .unwrap(event.note) { note in .if(event.kind != .rejected, .txt(": \(note)")) }
                            )
                        })
                    ),
                    .unwrap(a.details.jobDescription) { description in
                        .div(.class("card"), .h2(.text("Job description")),
                             .div(.class("prose"), .group(highlighted(description, spans: model.skillSpans))))
                    }
                ),
                details(model)
            ),
        ])
    }

    private static func actions(_ model: Model) -> BodyNode {
        let a = model.application
        let csrf = model.chrome.csrf
        if a.outcome == .offerAccepted {
            return .div(.class("card calm"),
                        .h2(.text("You accepted this offer")),
                        .p(.text("Congratulations, and well done for everything that got you here.")))
        }
        guard a.isOpen else {
            return .div(
                .class("card"),
                .h2(.text("This application is closed")),
                .p(.txt("It ended as \(a.outcome.title.lowercased()). If the conversation starts again, reopen it; it comes back at \(a.stage.title.lowercased()).")),
                .div(.class("actions"),
                     .if(a.outcome != .offerAccepted, PostButton.make(.applicationAction(.value(a.id), .reopen), label: "Reopen", csrf: csrf)),
                     .if(a.outcome == .rejected, .a(.class("button secondary"), .link(.rejectionNext(.value(a.id))), .text("What's next after this no"))))
            )
        }
        return .div(
            .class("card"),
            .h2(.text(a.stage == .offer ? "You have an offer" : "Move it along")),
            .if(a.stage == .offer, .p(.text("Congratulations! Take the time you need to decide; accept or decline below when you're ready."))),
            PostForm.make(SiteURL.applicationAction(.value(a.id), .move), csrf: csrf,
                .div(
                    .class("inline"),
                    Field.select("stage", "New stage", choices: [("", "Choose a stage…")] + model.movableStages.map { ($0.rawValue, $0.title) },
                                 selected: a.stage == .offer ? "" : model.suggestedNextStage.rawValue, .init(extra: [("required", nil)])),
                    Field.text("on", "On", value: model.today.description,
                               Field.Options(type: "date", extra: [("max", model.today.description)])),
                    .button(.type(.submit), .text("Move"))
                )
            ),
            .div(
                .class("actions"),
                .a(.class("button secondary"), .link(.rejectAcknowledge(.value(a.id))), .text("Log a rejection")),
                .a(.class("button secondary"), .attr("href", SiteURL.mail.path([("application", String(a.id))])), .text("I got an e-mail")),
                .if(a.stage == .offer, .group(
                    PostButton.make(.applicationAction(.value(a.id), .accept), label: "Accept the offer", csrf: csrf),
                    PostButton.make(.applicationAction(.value(a.id), .decline), label: "Decline the offer", csrf: csrf)
                )),
                .if(a.stage >= .applied && a.stage < .offer,
                    PostButton.make(.applicationAction(.value(a.id), .ghosted), label: "No reply (ghosted)", csrf: csrf)),
                PostButton.make(.applicationAction(.value(a.id), .withdraw), label: "Withdraw", csrf: csrf)
            )
        )
    }

    private static func rejectionCard(_ model: Model) -> BodyNode {
        guard model.application.outcome == .rejected, let r = model.rejection else { return .empty }
        return .div(
            .class(model.isProcessing ? "card warm" : "card"),
            .h2(.text("The rejection")),
            .dl(
                .class("facts"),
                .dt(.text("When")), .dd(.txt("\(r.on.readable), at \(r.stageReached.title.lowercased())")),
                .dt(.text("Reason")), .dd(.txt(r.category.title)),
                .dt(.text("In your control?")), .dd(.txt(r.category == .noReasonGiven && !r.controllableOverridden
                                                         ? "Unknown: they gave no reason" : r.controllable.title + (r.controllableOverridden ? " (your reading)" : ""))),
                .unwrap(r.reason) { reason in .group(.dt(.text("They said")), .dd(.class("prose"), .txt(reason))) },
                .if(!r.feelings.isEmpty, .group(
                    .dt(.text("You felt")),
                    .dd(.txt(r.feelings.joined(separator: ", ") + (r.intensity.map { " (\($0)/10)" } ?? "")))))
            ),
            .p(.a(.link(.rejectionNext(.value(model.application.id))), .text("What's next")))
        )
    }

    private static func feedbackCard(_ model: Model) -> BodyNode {
        let a = model.application
        let closed = !a.isOpen
        guard a.outcome == .rejected || !model.feedback.isEmpty || !model.requests.isEmpty else { return .empty }
        return .div(
            .class("card"), .id("feedback"),
            .h2(.text("Feedback")),
            .forEach(model.requests) { request in
                .div(
                    .class("request"),
                    .p(.strong(.txt("Request (\(request.variant.title.lowercased())): \(request.status.title)")),
                       .txt(request.sentOn.map { " · sent \($0.readable)" } ?? ""),
                       .txt(request.followUpSentOn.map { " · followed up \($0.readable)" } ?? "")),
                    .if(request.isFollowUpDue(today: model.today), .unwrap(model.followUps[request.id]) { draft in
                        .div(.class("card calm"),
                             .p(.txt("It's been a week without an answer. One friendly follow-up is fine; after that, let it go: silence is about their time, not you.")),
                             Tag.element("textarea", [("readonly", nil), ("rows", "8"), ("aria-label", "Follow-up message")], [.txt(draft.body)]),
                             .div(.class("actions"),
                                  Tag.element("a", [("class", "button secondary"), ("href", draft.mailto(to: nil))], [.text("Open in my mail app")]),
                                  PostButton.make(.feedbackRequestAction(.value(request.id), .followUp), label: "I sent the follow-up", csrf: model.chrome.csrf)))
                    }),
                    .if(request.status == .sent || request.status == .draft, .div(.class("actions"),
                        PostButton.make(.feedbackRequestAction(.value(request.id), .status), label: "They declined", csrf: model.chrome.csrf, hidden: [("status", "declined")]),
                        PostButton.make(.feedbackRequestAction(.value(request.id), .status), label: "No reply", csrf: model.chrome.csrf, hidden: [("status", "no-reply")])))
                )
            },
            .forEach(model.feedback) { entry in
                .div(
                    .class("feedback"),
                    .p(.class("muted"), .txt("Received \(entry.item.receivedOn.readable)")),
                    FeedbackViews.highlighted(entry.item.text, analysis: entry.analysis),
                    FeedbackViews.chips(entry.analysis),
                    .if(entry.analysis.generic, FeedbackViews.genericNote(followUp: model.specificFollowUp))
                )
            },
            .div(.class("actions"),
                 .if(a.outcome == .rejected, .a(.class("button secondary"), .link(.feedbackCompose(.value(a.id))), .text("Ask for feedback")))),
            Tag.element("details", model.feedback.isEmpty && closed ? [("open", nil)] : [], [
                Tag.element("summary", [], [.text("Record feedback they gave you")]),
                PostForm.make(.feedbackRecord(.value(a.id)), csrf: model.chrome.csrf, className: "stacked",
                    Field.textarea("text", "What they said", value: "", .init(hint: "Paste their reply or note what they told you on a call.", extra: [("rows", "5"), ("required", nil)])),
                    Field.text("on", "Received on", value: model.today.description, .init(type: "date", extra: [("max", model.today.description)])),
                    .button(.type(.submit), .text("Save feedback"))),
            ])
        )
    }

    private static func reflectionCard(_ model: Model) -> BodyNode {
        let a = model.application
        guard !a.isOpen || model.reflection != nil else { return .empty }
        return .div(
            .class("card"),
            .h2(.text("Your reflection")),
            .unwrap(model.reflection) { r in
                .group(
                    .unwrap(r.understoodRole) { .p(.strong(.text("Understanding the role: ")), .txt($0)) },
                    .unwrap(r.wentWell) { .p(.strong(.text("What went well: ")), .txt($0)) },
                    .unwrap(r.lessConfident) { .p(.strong(.text("Less confident: ")), .txt($0)) },
                    .unwrap(r.strengthen) { .p(.strong(.text("To strengthen: ")), .txt($0)) },
                    .if(!r.ratings.isEmpty, .ul(.forEach(InterviewPart.allCases.filter { r.ratings[$0] != nil }) { part in
                        .li(.txt("\(part.title): \(r.ratings[part]!.score)/5" + (r.ratings[part]!.note.map { " — \($0)" } ?? "")))
                    }))
                )
            },
            .if(model.reflection == nil, .p(.text("A few minutes of honest reflection turns this into something you can use next time."))),
            .a(.class("button secondary"), .link(.reflection(.value(a.id))), .text(model.reflection == nil ? "Reflect on it" : "Edit reflection"))
        )
    }

    private static func details(_ model: Model) -> BodyNode {
        let d = model.application.details
        return .div(
            .div(
                .class("card"),
                .h2(.text("Details")),
                .dl(
                    .class("facts"),
                    .dt(.text("Company")), .dd(.txt(d.company)),
                    .dt(.text("Role")), .dd(.txt(d.role)),
                    .unwrap(d.location) { .group(.dt(.text("Location")), .dd(.txt($0))) },
                    .unwrap(d.appliedOn) { .group(.dt(.text("Applied")), .dd(.txt($0.readable))) },
                    .unwrap(d.source) { .group(.dt(.text("Source")), .dd(.txt($0.title))) },
                    .unwrap(d.excitement) { .group(.dt(.text("Excitement")), .dd(.txt("\($0) of 5"))) },
                    .unwrap(d.salary) { .group(.dt(.text("Salary")), .dd(.txt($0))) },
                    .unwrap(d.url) { url in
                        .group(.dt(.text("Posting")), .dd(Tag.element("a", [("href", url), ("rel", "noopener noreferrer"), ("target", "_blank")], [.text("Open the posting")])))
                    }
                ),
                .unwrap(d.notes) { .group(.h3(.text("Notes")), .div(.class("prose"), .txt($0))) },
                .div(.class("actions"), .a(.class("button secondary"), .link(.editApplication(.value(model.application.id))), .text("Edit details")))
            ),
            .div(
                .class("card"),
                .h2(.text("People")),
                .if(model.contacts.isEmpty,
                    .p(.class("muted"), .text("No one linked yet. Add the recruiter or hiring manager on the Contacts page and link them here; NextYes then reminds you to stay in touch.")),
                    else: .ul(.forEach(model.contacts) { contact in
                        .li(.a(.link(.contact(.value(contact.id))), .txt(contact.name)), .unwrap(contact.details.role) { .span(.class("muted"), .txt(" · \($0.title)")) })
                    })),
                .p(.a(.link(.contacts), .text("Contacts")))
            ),
            Tag.element("details", [], [
                Tag.element("summary", [], [.text("Delete this application")]),
                PostForm.make(SiteURL.applicationAction(.value(model.application.id), .delete), csrf: model.chrome.csrf,
                    .p(.text("This removes the application, its timeline and any rejection. It can't be undone.")),
                    Tag.element("label", [], [Tag.void("input", [("type", "checkbox"), ("name", "confirm"), ("value", "yes"), ("required", nil)]), .text(" Yes, delete it")]),
                    .p(.button(.class("danger"), .type(.submit), .text("Delete")))
                ),
            ])
        )
    }

    /// What the posting asks for, what the profile has, and what it lacks.
    private static func skillsCard(_ model: Model) -> BodyNode {
        guard let skills = model.skills else { return .empty }
        let back = SiteURL.application(.value(model.application.id)).path()
        guard let match = skills.match else {
            return .div(.class("card"), .h2(.text("Skills")),
                        .p(.class("muted"), .text("NextYes didn't recognise named skills in this job description. That happens with short or very general postings.")))
        }
        return .div(
            .class("card"), .id("skills"),
            .h2(.text("Skills")),
            .p(.txt("Your profile covers \(match)% of the \(skills.asked.count) skill\(skills.asked.count == 1 ? "" : "s") this posting names.")),
            .if(!skills.has.isEmpty, .group(
                .h3(.text("You have")),
                .ul(.class("chips"), .forEach(skills.has) { .li(.class("chip have"), .txt($0.name)) }))),
            .if(!skills.lacks.isEmpty, .group(
                .h3(.text("Not in your profile yet")),
                .ul(.class("chips"), .forEach(skills.lacks) { skill in
                    .li(.class("chip"), .txt(skill.name), .text(" "),
                        PostButton.make(.profileSkills, label: "I have this", csrf: model.chrome.csrf, style: "quiet",
                                        hidden: [("name", skill.name), ("level", SkillLevel.working.rawValue), ("back", back)]))
                }),
                .p(.class("muted"), .text("Missing a few is normal; postings list more than they need. "),
                   .a(.link(.skills), .text("See which skills come up again and again")), .text(".")))),
        )
    }

    /// The description with the recognised skills marked.
    static func highlighted(_ text: String, spans: [Range<Int>]) -> [BodyNode] {
        guard !spans.isEmpty else { return [.txt(text)] }
        let scalars = Array(text.unicodeScalars)
        func piece(_ range: Range<Int>) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[range])
            return String(s)
        }
        var nodes: [BodyNode] = []
        var at = 0
        for span in spans where span.lowerBound >= at && span.upperBound <= scalars.count {
            if span.lowerBound > at { nodes.append(.txt(piece(at..<span.lowerBound))) }
            nodes.append(Tag.element("mark", [], [.txt(piece(span))]))
            at = span.upperBound
        }
        if at < scalars.count { nodes.append(.txt(piece(at..<scalars.count))) }
        return nodes
    }
}
