import NextYesCore
import NextYesInsights
import Plot

enum ContactFields {
    static func fields(_ form: ContactForm, _ e: ValidationErrors?) -> [BodyNode] {
        [
            Field.text("name", "Name", value: form.name, .init(error: e?["name"], required: true, extra: [("maxlength", String(Limits.name))])),
            Field.select("role", "How they fit in your search", choices: [("", "Not sure yet")] + ContactRole.allCases.map { ($0.rawValue, $0.title) },
                         selected: form.role, .init(error: e?["role"])),
            Field.text("company", "Company", value: form.company, .init(error: e?["company"])),
            Field.text("email", "E-mail", value: form.email, .init(error: e?["email"], type: "email")),
            Field.text("profileURL", "Profile link", value: form.profileURL, .init(hint: "LinkedIn or a personal site.", error: e?["profileURL"])),
            Field.textarea("notes", "Notes", value: form.notes, .init(error: e?["notes"], extra: [("rows", "3")])),
        ]
    }
}

enum ContactsIndex {
    struct Model {
        var chrome: PageChrome
        var list: ListPage<Contact>
        var lastContacted: [Int: Day]
        var applicationCounts: [Int: Int]
        var form: ContactForm
        var errors: ValidationErrors?
    }

    static func view(_ model: Model) -> HTML {
        Layout.page("Contacts", chrome: model.chrome, [
            .h1(.text("Contacts")),
            .p(.class("lead"), .text("The people in your search. Many roles are filled through someone who knows someone; a short, genuine conversation often does more than another cold application.")),
            Field.summary(model.errors),
            .if(model.list.total == 0 && model.list.search.isEmpty,
                .div(.class("card calm"), .p(.text("No contacts yet. Add a recruiter you spoke to, a former colleague, or someone whose work you admire; then log your conversations with them."))),
                else: .group(
                    .h2(.id("people"), .text("Your contacts")),
                    ListControls.form(model.list, at: .contacts, label: "Search name, company or role", sorts: sortTitles, anchor: "people"),
                    .if(model.list.total == 0, ListControls.noMatch(model.list)),
                    .div(.class("table-wrap"), .table(
                    .class("data stack"),
                    .thead(.tr(.th(.text("Name")), .th(.text("Role")), .th(.text("Company")), .th(.text("Last in touch")), .th(.text("Applications")))),
                    .tbody(.forEach(model.list.items) { contact in
                        .tr(
                            .td(.attr("data-label", "Name"), .a(.link(.contact(.value(contact.id))), .txt(contact.name))),
                            .td(.attr("data-label", "Role"), .txt(contact.details.role?.title ?? "")),
                            .td(.attr("data-label", "Company"), .txt(contact.details.company ?? "")),
                            .td(.attr("data-label", "Last in touch"), .txt(model.lastContacted[contact.id]?.readable ?? "Not yet")),
                            .td(.attr("data-label", "Applications"), .txt(String(model.applicationCounts[contact.id] ?? 0)))
                        )
                    })
                )),
                    ListControls.pager(model.list, at: .contacts, defaultSort: "name", anchor: "people"))),
            .section(
                .class("card"),
                .h2(.text("Add a contact")),
                Tag.element("form", [("method", "post"), ("action", SiteURL.contacts.path()), ("class", "stacked")],
                            [Field.csrf(model.chrome.csrf)] + ContactFields.fields(model.form, model.errors) + [.button(.type(.submit), .text("Add contact"))])
            ),
        ])
    }
}

extension ContactsIndex {
    static func matches(_ contact: Contact, _ word: String) -> Bool {
        [contact.name, contact.details.company ?? "", contact.details.role?.title ?? ""].contains { $0.lowercased().contains(word) }
    }

    static let sortTitles: [(String, String)] = [("name", "Name A–Z"), ("recent", "Last in touch first")]

    static func sorts(_ last: [Int: Day]) -> [(String, String, (Contact, Contact) -> Bool)] {
        [
            ("name", "Name A–Z", { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }),
            ("recent", "Last in touch first", { a, b in
                let x = last[a.id]?.dayNumber ?? Int.min, y = last[b.id]?.dayNumber ?? Int.min
                return (x, b.id) > (y, a.id)
            }),
        ]
    }
}

enum ContactShow {
    struct Model {
        var chrome: PageChrome
        var contact: Contact
        var form: ContactForm
        var interactions: [Interaction]
        var linked: [Application]
        var others: [Application]
        var interaction: InteractionForm
        var errors: ValidationErrors?
        var today: Day
    }

    static func view(_ model: Model) -> HTML {
        let c = model.contact
        let e = model.errors
        let csrf = model.chrome.csrf
        return Layout.page(c.name, chrome: model.chrome, [
            .p(.a(.link(.contacts), .text("← All contacts"))),
            .h1(.txt(c.name), .unwrap(c.details.company) { .span(.class("muted"), .txt(" at \($0)")) }),
            .p(.txt([c.details.role?.title, model.interactions.first.map { "last in touch \($0.on.readable)" }].compactMap { $0 }.joined(separator: " · "))),
            Field.summary(e),
            .div(
                .class("two"),
                .div(
                    .section(
                        .class("card"),
                        .h2(.text("Log a conversation")),
                        PostForm.make(.contactAction(.value(c.id), .log), csrf: csrf, className: "stacked",
                            .div(.class("inline"),
                                Field.select("kind", "What kind", choices: [("", "Choose…")] + InteractionKind.allCases.map { ($0.rawValue, $0.title) },
                                             selected: model.interaction.kind, .init(error: e?["kind"], extra: [("required", nil)])),
                                Field.text("on", "On", value: model.interaction.on.isEmpty ? model.today.description : model.interaction.on,
                                           .init(error: e?["on"], type: "date", extra: [("max", model.today.description)]))),
                            Field.textarea("note", "What you talked about", value: model.interaction.note, .init(error: e?["note"], extra: [("rows", "2")])),
                            .button(.type(.submit), .text("Log it")))
                    ),
                    .section(
                        .class("card"),
                        .h2(.text("Conversations")),
                        .if(model.interactions.isEmpty,
                            .p(.class("muted"), .text("Nothing logged yet.")),
                            else: .ol(.class("timeline"), .forEach(model.interactions) { item in
                                .li(.time(.attr("datetime", item.on.description), .txt(item.on.readable)), .txt(item.kind.title + (item.note.map { ": \($0)" } ?? "")))
                            }))
                    )
                ),
                .div(
                    .section(
                        .class("card"),
                        .h2(.text("Applications")),
                        .if(model.linked.isEmpty, .p(.class("muted"), .text("Not linked to an application."))),
                        .ul(.forEach(model.linked) { app in
                            .li(.a(.link(.application(.value(app.id))), .txt(app.title)), .text(" "),
                                PostButton.make(.contactAction(.value(c.id), .unlink), label: "Unlink", csrf: csrf, style: "quiet", hidden: [("applicationID", String(app.id))]))
                        }),
                        .if(!model.others.isEmpty, PostForm.make(.contactAction(.value(c.id), .link), csrf: csrf, className: "inline",
                            Field.select("applicationID", "Link to", choices: model.others.map { (String($0.id), $0.title) }, selected: ""),
                            .button(.class("secondary"), .type(.submit), .text("Link"))))
                    ),
                    .section(
                        .class("card"),
                        .h2(.text("Details")),
                        Tag.element("form", [("method", "post"), ("action", SiteURL.contact(.value(c.id)).path()), ("class", "stacked")],
                                    [Field.csrf(csrf)] + ContactFields.fields(model.form, e) + [.button(.class("secondary"), .type(.submit), .text("Save details"))])
                    ),
                    Tag.element("details", [], [
                        Tag.element("summary", [], [.text("Delete this contact")]),
                        PostForm.make(.contactAction(.value(c.id), .delete), csrf: csrf,
                            .p(.text("This removes the contact and their conversation log. Wins already recorded stay.")),
                            Tag.element("label", [], [Tag.void("input", [("type", "checkbox"), ("name", "confirm"), ("value", "yes"), ("required", nil)]), .text(" Yes, delete")]),
                            .p(.button(.class("danger"), .type(.submit), .text("Delete"))))
                    ])
                )
            ),
        ])
    }
}

enum InterviewsCard {
    static func view(rounds: [InterviewRound], contacts: [Contact], linkedIDs: Set<Int>, applicationID: Int, today: Day, csrf: String) -> BodyNode {
        let names = Dictionary(uniqueKeysWithValues: contacts.map { ($0.id, $0.name) })
        let ordered = contacts.filter { linkedIDs.contains($0.id) } + contacts.filter { !linkedIDs.contains($0.id) }
        return .div(
            .class("card"), .id("interviews"),
            .h2(.text("Interviews")),
            .if(rounds.isEmpty, .p(.class("muted"), .text("No rounds yet. Add one when it's scheduled; it goes on your agenda and calendar."))),
            .ul(.class("rounds"), .forEach(rounds) { round in
                .li(
                    .strong(.txt(round.on.readable + (round.time.map { " · \($0)" } ?? ""))),
                    .txt(" — \(round.type.title)"),
                    .if(!round.interviewerIDs.isEmpty, .txt(" with " + round.interviewerIDs.compactMap { names[$0] }.joined(separator: ", "))),
                    .unwrap(round.notes) { .p(.class("muted"), .txt($0)) },
                    PostButton.make(.interviewDelete(.value(round.id)), label: "Remove", csrf: csrf, style: "quiet")
                )
            }),
            Tag.element("details", rounds.isEmpty ? [("open", nil)] : [], [
                Tag.element("summary", [], [.text("Add a round")]),
                PostForm.make(.interviews(.value(applicationID)), csrf: csrf, className: "stacked",
                    .div(.class("inline"),
                        Field.text("interview-on", "Day", value: "", .init(type: "date", extra: [("required", nil)], name: "on")),
                        Field.text("interview-time", "Time", value: "", .init(hint: "Your local time.", type: "time", name: "time")),
                        Field.select("interview-type", "Type", choices: InterviewType.allCases.map { ($0.rawValue, $0.title) }, selected: InterviewType.video.rawValue, .init(name: "type"))),
                    .if(!ordered.isEmpty, Tag.element("fieldset", [], [
                        Tag.element("legend", [], [.text("Interviewers")]),
                        .div(.class("choices"), .forEach(ordered) { contact in
                            Tag.element("label", [("class", "choice")], [
                                Tag.void("input", [("type", "checkbox"), ("name", "interviewers[]"), ("value", String(contact.id))]),
                                .span(.txt(contact.name + (contact.details.company.map { " (\($0))" } ?? ""))),
                            ])
                        }),
                    ])),
                    Field.text("newInterviewer", "Someone new on the panel", value: "", .init(hint: "Their name; they're added to your contacts.")),
                    Field.textarea("interview-notes", "Notes", value: "", .init(extra: [("rows", "2")], name: "notes")),
                    .button(.type(.submit), .text("Add interview")))
            ])
        )
    }
}
