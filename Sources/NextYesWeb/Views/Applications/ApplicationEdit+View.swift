import NextYesCore
import Plot

extension ApplicationEdit {
    static func view(_ model: Model) -> HTML {
        let title: String
        let action: SiteURL
        switch model.mode {
        case .new:
            title = "Add an application"
            action = .applications
        case .edit(let application):
            title = "Edit \(application.title)"
            action = .application(.value(application.id))
        }
        let f = model.form
        let e = model.errors
        return Layout.page(title, chrome: model.chrome, [
            .h1(.txt(title)),
            .unwrap(model.draft) { CapturePages.found($0) },
            Field.summary(e),
            PostForm.make(action, csrf: model.chrome.csrf, className: "stacked",
                Field.text("company", "Company", value: f.company, .init(error: e?["company"], required: true, extra: [("maxlength", String(Limits.name)), ("autocomplete", "organization")])),
                Field.text("role", "Role", value: f.role, .init(error: e?["role"], required: true, extra: [("maxlength", String(Limits.name))])),
                .if(model.isNew, Field.select(
                    "stage", "Where it stands", choices: Stage.allCases.filter { $0 < .offer }.map { ($0.rawValue, $0 == .saved ? "Saved (not applied yet)" : $0.title) },
                    selected: f.stage.isEmpty ? Stage.applied.rawValue : f.stage, .init(error: e?["stage"]))),
                Field.text("appliedOn", "Applied on", value: f.appliedOn, .init(
                    hint: model.isNew ? "Leave empty for today (or for a saved job you haven't applied to)." : "Clear it to remove the date.", error: e?["appliedOn"], type: "date",
                    extra: [("max", model.today.description)])),
                Field.select("source", "Where you found it", choices: [("", "Not sure")] + ApplicationSource.allCases.map { ($0.rawValue, $0.title) },
                             selected: f.source, .init(error: e?["source"])),
                Field.text("location", "Location", value: f.location, .init(hint: "A city, or Remote.", error: e?["location"])),
                Field.text("url", "Link to the posting", value: f.url, .init(hint: "Paste the address of the job posting.", error: e?["url"], extra: [("inputmode", "url")])),
                Field.select("excitement", "How excited are you?", choices: [("", "Not sure yet"), ("1", "1 · mild"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5 · dream job")],
                             selected: f.excitement, .init(error: e?["excitement"])),
                Field.text("salary", "Salary", value: f.salary, .init(hint: "As advertised, in your own words.", error: e?["salary"])),
                Field.textarea("jobDescription", "Job description", value: f.jobDescription, .init(
                    hint: "Paste the posting. NextYes reads it for the skills it asks for.", error: e?["jobDescription"])),
                Field.textarea("notes", "Notes", value: f.notes, .init(error: e?["notes"])),
                .div(.class("actions"),
                     .button(.type(.submit), .text(model.isNew ? "Add application" : "Save changes")),
                     .a(.class("button quiet"), .link(cancelTarget(model)), .text("Cancel")))
            ),
        ])
    }

    private static func cancelTarget(_ model: Model) -> SiteURL {
        switch model.mode {
        case .new: .applications
        case .edit(let application): .application(.value(application.id))
        }
    }
}
