import NextYesCore
import NextYesInsights
import Plot

extension FeedbackCompose {
    /// The buttons that post the edited e-mail say what to do with it.
    enum Intent: String {
        /// Keep the edits (and sign with the name just given), and show the page again.
        case save
        /// Record it as sent.
        case sent
    }

    static func view(_ model: Model) -> HTML {
        let a = model.application
        let e = model.errors
        let email = Text.cleanLine(model.contactEmail).flatMap { raw -> String? in
            if case .success(let clean) = FormRules.emailAddress(raw) { return clean }
            return nil
        }
        let askName = model.senderName == nil
        return Layout.page("Ask for feedback", chrome: model.chrome, [
            .p(.a(.link(.application(a.id)), .txt("← \(a.title)"))),
            .h1(.text("Ask for feedback")),
            .p(.class("lead"), .text("A short, polite note about your own performance often gets a useful answer. NextYes drafts it; change anything you like, then send it from your own mail.")),
            .div(
                .class("card calm"),
                .p(.text("Ask what you could do differently or which skills to strengthen. Leave out why someone else was chosen: it puts people on the defensive, and the answer wouldn't help you."))
            ),
            Field.summary(e),
            Tag.element("form", [("method", "get"), ("action", SiteURL.feedbackCompose(.value(a.id)).path()), ("class", "stacked")], [
                Field.select("variant", "Which version", choices: FeedbackRequestVariant.allCases.map { ($0.rawValue, $0.title) }, selected: model.variant.rawValue),
                Field.text("to", "Their name", value: model.contactName, .init(hint: "The recruiter or hiring manager, if you know them.")),
                Field.text("email", "Their e-mail", value: model.contactEmail, .init(error: e?["email"], type: "email", extra: [("inputmode", "email")])),
                .div(.class("actions"), .button(.class("secondary"), .type(.submit), .text("Start again from this version"))),
                .p(.class("muted"), .text("This replaces the draft below, including your changes.")),
            ]),
            .if(model.usedReflection, .p(.class("muted"), .text("The draft mentions the parts you rated lowest in your reflection."))),
            PostForm.make(.feedbackRequests(.value(a.id)), csrf: model.chrome.csrf, className: "stacked feedback-email",
                Field.hidden("variant", model.variant.rawValue),
                Field.hidden("to", model.contactName),
                Field.hidden("email", model.contactEmail),
                .div(
                    .class("card"),
                    .h2(.text("Your e-mail")),
                    .if(askName, .div(
                        .class("inline"),
                        Field.text("senderName", "Your name", value: model.typedName, .init(
                            hint: "It signs this e-mail in place of \(EmailDraft.namePlaceholder). NextYes remembers it for the next ones; change it any time in Settings.",
                            error: e?["senderName"], extra: [("maxlength", String(Limits.name)), ("autocomplete", "name"), ("data-feedback-name", nil)])),
                        .button(.class("secondary"), .type(.submit), .attr("name", "intent"), .attr("value", Intent.save.rawValue), .text("Sign with my name"))
                    )),
                    Field.text("subject", "Subject", value: model.draft.subject, .init(error: e?["subject"], extra: [("maxlength", String(Limits.name)), ("data-feedback-subject", nil)])),
                    Field.textarea("body", "Message", value: model.draft.body, .init(
                        hint: "Edit it freely: it's your message.", error: e?["body"],
                        extra: [("rows", "16"), ("maxlength", String(Limits.reason)), ("data-feedback-body", nil)])),
                    .div(.class("actions"),
                         // The script keeps the address in step with the text as it is edited.
                         Tag.element("a", [("class", "button"), ("href", model.draft.mailto(to: email)), ("data-feedback-mailto", email ?? "")],
                                     [.text("Open in my mail app")]),
                         // Copying needs the script; without it the button stays hidden.
                         Tag.element("button", [("type", "button"), ("class", "secondary"), ("data-feedback-copy", nil), ("hidden", nil)], [.text("Copy the message")]),
                         .button(.class("secondary"), .type(.submit), .attr("name", "intent"), .attr("value", Intent.save.rawValue), .text("Save my changes")),
                         Tag.element("span", [("class", "muted"), ("role", "status"), ("aria-live", "polite"), ("data-feedback-status", nil)], [])),
                    .p(.class("muted"), .attr("data-feedback-without-script", ""),
                       .text("Changed the text? Save your changes first, so your mail app opens with them."))
                ),
                .div(
                    .class("card"),
                    .h2(.text("Sent it?")),
                    .p(.text("Record it, and NextYes will suggest one follow-up if there's no answer in a week.")),
                    .div(.class("inline"),
                        Field.text("on", "Sent on", value: model.today.description, .init(error: e?["on"], type: "date", extra: [("max", model.today.description)])),
                        .button(.type(.submit), .attr("name", "intent"), .attr("value", Intent.sent.rawValue), .text("I sent it")))
                )
            ),
        ])
    }
}
