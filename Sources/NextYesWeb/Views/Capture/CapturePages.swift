import NextYesCore
import NextYesFeatures
import NextYesInsights
import Plot

/// The pages that bring postings and e-mails in.
enum CapturePages {
    struct PostingModel {
        var chrome: PageChrome
        var posting: String
        var url: String
        var title: String
        var errors: ValidationErrors?
    }

    static func posting(_ model: PostingModel) -> HTML {
        Layout.page("Add from a posting", chrome: model.chrome, [
            .p(.a(.link(.applications), .text("← Applications"))),
            .h1(.text("Add from a posting")),
            .p(.class("lead"), .text("Paste the job posting (the page's text, or its saved HTML). NextYes fills in the form from it and shows where it found each part; you check it and save. Nothing is saved until you do.")),
            Field.summary(model.errors),
            Tag.element("form", [("method", "post"), ("action", SiteURL.postingApplication.path()), ("class", "stacked"), ("id", "posting-form")], [
                Field.csrf(model.chrome.csrf),
                Field.hidden("url", model.url),
                Field.hidden("title", model.title),
                Field.textarea("posting", "The posting", value: model.posting, .init(
                    hint: "Select the job's page in your browser, copy it and paste it here.", error: model.errors?["posting"], required: true, extra: [("rows", "14")])),
                .div(.class("actions"),
                     .button(.type(.submit), .text("Read the posting")),
                     .a(.class("button quiet"), .link(.newApplication), .text("Fill in the form myself"))),
            ]),
        ])
    }

    /// What the posting reader found, each with the words it came from.
    static func found(_ draft: Capture.PostingDraft) -> BodyNode {
        let rows: [(String, PostingField?)] = [
            ("Company", draft.reading.company), ("Role", draft.reading.role), ("Location", draft.reading.location),
            ("Workplace", draft.reading.workplace), ("Pay", draft.reading.salary), ("Contract", draft.reading.employmentType),
        ]
        return .section(
            .class("card found"), .id("found"),
            .h2(.text("What NextYes read in the posting")),
            .p(.class("muted"), .text("Check each one below; anything can be changed before you save.")),
            .dl(.forEach(rows) { row in
                .group(
                    .dt(.txt(row.0)),
                    .dd(row.1.map { field in
                        .group(.strong(.txt(field.value)),
                               .if(field.evidence != field.value, .span(.class("evidence"), .text(" — from “"), evidence(field), .text("”"))))
                    } ?? .span(.class("muted"), .text("not found")))
                )
            }),
            .if(!draft.skills.isEmpty, .p(.strong(.text("Skills it asks for: ")), .txt(draft.skills.joined(separator: ", ")))),
            .forEach(draft.duplicates) { duplicate in
                .p(.class("notice"), .attr("role", "status"),
                   .text("You may already have this one: "), .a(.link(.application(duplicate.application.id)), .txt(duplicate.application.title)),
                   .txt(" has \(duplicate.why)."))
            }
        )
    }

    /// The evidence with the value itself marked.
    static func evidence(_ field: PostingField) -> BodyNode {
        let text = String(field.evidence.prefix(160))
        guard let range = text.range(of: field.value, options: .caseInsensitive) else { return .txt(text) }
        return .group(.txt(String(text[..<range.lowerBound])), .element(named: "mark", nodes: [.txt(String(text[range]))]), .txt(String(text[range.upperBound...])))
    }

    struct MailModel {
        var chrome: PageChrome
        var message: String
        var application: Int?
        var errors: ValidationErrors?
    }

    static func mail(_ model: MailModel) -> HTML {
        Layout.page("I got an e-mail", chrome: model.chrome, [
            .p(.a(.link(.applications), .text("← Applications"))),
            .h1(.text("I got an e-mail")),
            .p(.class("lead"), .text("Paste a job e-mail (a no, an interview invitation, a test, an offer, or \"we received your application\"), or upload it saved as .eml. NextYes reads it and shows what it would change; nothing is saved until you confirm, and nothing is sent anywhere.")),
            Field.summary(model.errors),
            Tag.element("form", [("method", "post"), ("action", SiteURL.mail.path()), ("enctype", "multipart/form-data"), ("class", "stacked"), ("id", "mail-form")], [
                Field.csrf(model.chrome.csrf),
                .unwrap(model.application) { Field.hidden("application", String($0)) },
                Field.textarea("message", "The e-mail", value: model.message, .init(
                    hint: "All of it, headers too if your mail program shows them (\"Show original\" or \"View source\"); the text alone works as well.",
                    error: model.errors?["message"], extra: [("rows", "12")])),
                Field.text("file", "Or a saved e-mail (.eml)", value: "", .init(type: "file", extra: [("accept", ".eml,message/rfc822")])),
                .div(.class("actions"), .button(.type(.submit), .text("Read the e-mail"))),
            ]),
            .section(
                .class("card"), .id("mailbox"),
                .h2(.text("A whole mailbox")),
                .p(.text("Export a mail folder as mbox (Gmail: Google Takeout; Thunderbird: ImportExportTools; Apple Mail: Export Mailbox) and upload it. Mail that isn't about a job is skipped after a quick look and nothing of it is kept. You see every proposed change before anything is saved, and uploading the same mailbox again changes nothing.")),
                .unwrap(model.errors?["mailbox"]) { .p(.class("error"), .attr("role", "alert"), .txt($0)) },
                Tag.element("form", [("method", "post"), ("action", SiteURL.mailbox.path()), ("enctype", "multipart/form-data"), ("class", "stacked")], [
                    Field.csrf(model.chrome.csrf),
                    Field.text("mailbox-file", "Mailbox (.mbox) or a saved e-mail (.eml)", value: "", .init(type: "file", extra: [("accept", ".mbox,.eml,.txt,application/mbox")], name: "file")),
                    .div(.class("actions"), .button(.type(.submit), .text("Read the mailbox"))),
                ]),
            ),
        ])
    }

    struct MailResultModel {
        var chrome: PageChrome
        var raw: String
        var result: Capture.MailResult
        var choices: [(id: Int, title: String)]
        var today: Day
    }

    static func mailResult(_ model: MailResultModel) -> HTML {
        let r = model.result
        let reading = r.reading
        var choices: [(value: String, title: String)] = [("", "Choose the application…")]
        if let id = r.applicationID, !model.choices.contains(where: { $0.id == id }) { choices.append((String(id), r.applicationTitle ?? "Application \(id)")) }
        choices += model.choices.map { (String($0.id), $0.title) }
        choices.append(("new", "None of these: add it as a new application"))
        let selected = r.applicationID.map(String.init) ?? (reading.kind == .other ? "" : "new")
        return Layout.page("What the e-mail says", chrome: model.chrome, [
            .p(.a(.link(.mail), .text("← Read another e-mail"))),
            .h1(.txt(reading.kind.title)),
            .unwrap(r.message.subject.isEmpty ? nil : r.message.subject) { .p(.class("lead"), .txt("“\($0)”")) },
            .if(r.alreadyUsed, .p(.class("notice"), .text("You used this e-mail before; applying it again changes nothing."))),
            .if(reading.kind == .rejection && (reading.category ?? .noReasonGiven) == .noReasonGiven,
                .p(.class("notice"), .text("They gave no reason. That is common, and it says nothing about your worth. Asking for one specific point often helps; the next step offers it."))),
            .section(
                .class("card"),
                .dl(
                    .dt(.text("Company")), .dd(.txt(reading.company ?? "not named")),
                    .dt(.text("Role")), .dd(.txt(reading.role ?? "not named")),
                    .unwrap(reading.category) { category in .group(.dt(.text("Reason")), .dd(.txt(category.title + (reading.reason.map { " — “\($0)”" } ?? "")))) },
                    .unwrap(reading.interviewDate) { day in .group(.dt(.text("When")), .dd(.txt(day.readable + (reading.interviewTime.map { " at \($0)" } ?? "")))) },
                    .unwrap(reading.offeredSlots.flatMap { $0.count > 1 ? $0 : nil }) { offered in
                        .group(.dt(.text("They offered")), .dd(.ul(.class("offered-slots"), .forEach(offered) { .li(.txt($0.readable)) })))
                    },
                    .dt(.text("Application")),
                    .dd(.txt(r.applicationTitle.map { "\($0)" + (r.matchConfidence.map { $0 < 0.7 ? " (a guess: check it)" : "" } ?? "") } ?? "none matched"))
                )
            ),
            Tag.element("form", [("method", "post"), ("action", SiteURL.mailApply.path()), ("class", "stacked"), ("id", "mail-apply")], [
                Field.csrf(model.chrome.csrf),
                Tag.element("textarea", [("name", "raw"), ("hidden", nil), ("aria-hidden", "true")], [.txt(model.raw)]),
                Field.select("kind", "What it is", choices: MailKind.allCases.map { ($0.rawValue, $0.title) }, selected: reading.kind.rawValue),
                Field.select("application", "Which application", choices: choices, selected: selected),
                .if(reading.kind == .rejection, Field.select("category", "Their reason", choices: RejectionCategory.allCases.map { ($0.rawValue, $0.title) },
                                                             selected: (reading.category ?? .noReasonGiven).rawValue)),
                .if(reading.kind == .interviewInvite, .group(
                    Field.text("interviewDate", "Interview day", value: reading.interviewDate?.description ?? "",
                               .init(hint: (reading.offeredSlots?.count ?? 0) > 1 ? "They offered several times: put the one you choose here, or leave it empty until you have replied."
                                                                                  : "Leave empty if they didn't give one yet.", type: "date")),
                    Field.text("interviewTime", "Time", value: reading.interviewTime ?? "", .init(type: "time")))),
                .div(.class("actions"),
                     .button(.type(.submit), .txt(reading.kind == .rejection ? "Continue to log the no" : "Apply: " + Capture.describe(r).lowercased())),
                     .a(.class("button quiet"), .link(.applications), .text("Cancel"))),
            ]),
        ])
    }

    struct MailboxModel {
        var chrome: PageChrome
        var preview: Capture.MailboxPreview
        var token: String
    }

    static func mailbox(_ model: MailboxModel) -> HTML {
        let p = model.preview
        var groups: [(title: String, changes: [Capture.ProposedChange])] = []
        for change in p.changes {
            let title = change.result.applicationTitle ?? "Application \(change.result.applicationID ?? 0)"
            if groups.last?.title == title { groups[groups.count - 1].changes.append(change) } else { groups.append((title, [change])) }
        }
        return Layout.page("Your mailbox", chrome: model.chrome, [
            .p(.a(.link(.mail), .text("← Back"))),
            .h1(.text("What your mailbox says")),
            .p(.class("lead"), .txt("Read \(p.messages) message\(p.messages == 1 ? "" : "s"): \(p.changes.count) job update\(p.changes.count == 1 ? "" : "s") for your applications, \(p.unmatched.count) about jobs not in NextYes, \(p.skipped) not about a job (skipped; nothing of them is kept)."
                                   + (p.alreadyUsed > 0 ? " \(p.alreadyUsed) were used before and change nothing." : ""))),
            .forEach(p.unreadable) { problem in .p(.class("notice"), .txt("Message \(problem.number) could not be read: \(problem.why)")) },
            Tag.element("form", [("method", "post"), ("action", SiteURL.mailboxApply.path()), ("class", "stacked"), ("id", "mailbox-apply")], [
                Field.csrf(model.chrome.csrf),
                Field.hidden("token", model.token),
                .group(groups.map { group -> BodyNode in
                    Tag.element("fieldset", [], [Tag.element("legend", [], [.txt(group.title)])] + group.changes.map { change -> BodyNode in
                        Tag.element("label", [("class", "choice")], [
                            Tag.void("input", [("type", "checkbox"), ("name", "chosen[]"), ("value", String(change.number)), ("checked", nil)]),
                            .span(.strong(.txt(change.change)), .txt(" — “\(change.result.message.subject)”")),
                        ])
                    })
                }),
                .if(!p.unmatched.isEmpty, Tag.element("fieldset", [], [Tag.element("legend", [], [.text("About jobs not in NextYes")])] + p.unmatched.map { change -> BodyNode in
                    Tag.element("label", [("class", "choice")], [
                        Tag.void("input", [("type", "checkbox"), ("name", "chosen[]"), ("value", String(change.number))]),
                        .span(.strong(.txt("\(change.result.reading.company ?? "Unknown company"), \(change.result.reading.role ?? "role not named")")),
                              .txt(" — \(change.result.reading.kind.title.lowercased()): “\(change.result.message.subject)”")),
                    ])
                } + [
                    Tag.element("label", [("class", "choice")], [
                        Tag.void("input", [("type", "checkbox"), ("name", "addNew"), ("value", "yes")]),
                        .span(.text("Add the ones I ticked here as new applications")),
                    ]),
                ])),
                .if(p.changes.isEmpty && p.unmatched.isEmpty, .p(.text("Nothing in this mailbox changes your applications."))),
                .div(.class("actions"),
                     .if(!(p.changes.isEmpty && p.unmatched.isEmpty), .button(.type(.submit), .text("Apply the ticked changes"))),
                     .a(.class("button quiet"), .link(.applications), .text("Cancel"))),
            ]),
        ])
    }
}
