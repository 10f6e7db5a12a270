import NextYesCore
import NextYesInsights
import Plot

extension FeedbackCompose {
    static func view(_ model: Model) -> HTML {
        let a = model.application
        let e = model.errors
        let email = Text.cleanLine(model.contactEmail).flatMap { raw -> String? in
            if case .success(let clean) = FormRules.emailAddress(raw) { return clean }
            return nil
        }
        return Layout.page("Ask for feedback", chrome: model.chrome, [
            .p(.a(.link(.application(a.id)), .txt("← \(a.title)"))),
            .h1(.text("Ask for feedback")),
            .p(.class("lead"), .text("A short, polite note about your own performance often gets a useful answer. NextYes drafts it; you send it from your own mail.")),
            .div(
                .class("card calm"),
                .p(.text("Ask what you could do differently or which skills to strengthen. Leave out why someone else was chosen: it puts people on the defensive, and the answer wouldn't help you."))
            ),
            Field.summary(e),
            Tag.element("form", [("method", "get"), ("action", SiteURL.feedbackCompose(.value(a.id)).path()), ("class", "stacked")], [
                Field.select("variant", "Which version", choices: FeedbackRequestVariant.allCases.map { ($0.rawValue, $0.title) }, selected: model.variant.rawValue),
                Field.text("to", "Their name", value: model.contactName, .init(hint: "The recruiter or hiring manager, if you know them.")),
                Field.text("email", "Their e-mail", value: model.contactEmail, .init(error: e?["email"], extra: [("inputmode", "email")])),
                .div(.class("actions"), .button(.class("secondary"), .type(.submit), .text("Update the draft"))),
            ]),
            .if(model.usedReflection, .p(.class("muted"), .text("The draft mentions the parts you rated lowest in your reflection."))),
            .div(
                .class("card"),
                .h2(.text("Your draft")),
                Field.text("subject-preview", "Subject", value: model.draft.subject, .init(extra: [("readonly", nil)])),
                Field.textarea("body-preview", "Message", value: model.draft.body, .init(extra: [("readonly", nil), ("rows", "16")])),
                .div(.class("actions"),
                     Tag.element("a", [("class", "button"), ("href", model.draft.mailto(to: email))], [.text("Open in my mail app")]))
            ),
            .div(
                .class("card"),
                .h2(.text("Sent it?")),
                .p(.text("Record it, and NextYes will suggest one follow-up if there's no answer in a week.")),
                PostForm.make(.feedbackRequests(.value(a.id)), csrf: model.chrome.csrf, className: "inline",
                    Field.hidden("variant", model.variant.rawValue),
                    Field.hidden("to", model.contactName),
                    Field.hidden("email", model.contactEmail),
                    Field.text("on", "Sent on", value: model.today.description, .init(error: e?["on"], type: "date", extra: [("max", model.today.description)])),
                    .button(.type(.submit), .text("I sent it")))
            ),
        ])
    }
}
