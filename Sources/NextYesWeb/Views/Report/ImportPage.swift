import NextYesCore
import NextYesFeatures
import Plot

enum ImportPage {
    struct Model {
        var chrome: PageChrome
        var preview: ImportPreview?
        var token: String?
        var format: String
        var form: PortabilityController.ImportForm = .init()
        var errors: ValidationErrors?
    }

    static func stageChoices() -> [(value: String, title: String)] {
        var choices: [(value: String, title: String)] = [("", "Choose what it means…")]
        for stage in Stage.allCases { choices.append((stage.rawValue, stage.title)) }
        for outcome in Outcome.allCases where outcome != .open {
            let stage = outcome == .offerAccepted || outcome == .offerDeclined ? Stage.offer : .applied
            choices.append(("\(stage.rawValue),\(outcome.rawValue)", "\(outcome.title) (after \(stage.title.lowercased()))"))
        }
        return choices
    }

    static func view(_ model: Model) -> HTML {
        Layout.page("Import", chrome: model.chrome, [
            .p(.a(.link(.applications), .text("← Applications"))),
            .h1(.text("Import your search")),
            .p(.class("lead"), .text("Bring in applications from Huntr, Teal or any spreadsheet saved as CSV. You see a preview first; nothing is saved until you confirm, and importing the same file again skips what's already here.")),
            Field.summary(model.errors),
            .unwrap(model.preview) { preview in previewCard(preview, model) },
            .section(
                .class("card"),
                .h2(.text(model.preview == nil ? "Choose a file" : "Or choose another file")),
                Tag.element("form", [("method", "post"), ("action", SiteURL.importFile.path()), ("enctype", "multipart/form-data"), ("class", "stacked")], [
                    Field.csrf(model.chrome.csrf),
                    Field.text("file", "CSV file", value: "", .init(hint: "Huntr: Settings → Download my data, the jobs file. Teal: Job Tracker → Download Data. A spreadsheet: File → Save as → CSV UTF-8.",
                                                                  error: model.errors?["file"], type: "file", extra: [("accept", ".csv,text/csv")])),
                    Field.select("format", "Kind of file", choices: [("", "Recognise it from the columns"), ("huntr", "Huntr"), ("teal", "Teal"), ("generic", "A spreadsheet")],
                                 selected: model.format),
                    .button(.type(.submit), .text("Preview")),
                ])
            ),
            .section(
                .class("card"),
                .h2(.text("Export and back up")),
                .p(.text("A backup holds everything NextYes keeps. The CSV is your applications with their history, for a spreadsheet.")),
                .div(.class("actions"),
                     .a(.class("button secondary"), .href(SiteURL.exportFile(.value("json")).path()), .text("Download a backup (JSON)")),
                     .a(.class("button secondary"), .href(SiteURL.exportFile(.value("csv")).path()), .text("Download applications (CSV)"))),
                .h3(.text("Restore a backup")),
                Tag.element("form", [("method", "post"), ("action", SiteURL.importBackup.path()), ("enctype", "multipart/form-data"), ("class", "stacked")], [
                    Field.csrf(model.chrome.csrf),
                    Field.text("backup", "Backup file", value: "", .init(hint: "A NextYes with nothing in it yet takes the whole backup back; one that holds applications, contacts or a journal is left as it is.",
                                                                        error: model.errors?["backup"], type: "file", extra: [("accept", ".json,application/json")])),
                    .button(.class("secondary"), .type(.submit), .text("Restore")),
                ])
            ),
        ])
    }

    static func previewCard(_ p: ImportPreview, _ model: Model) -> BodyNode {
        // Rows waiting for a decision come in too, once it's made.
        let total = p.ready + p.undecided.values.map(\.rows).reduce(0, +)
        let stages = p.byChoice.sorted { ($0.key.stage, $0.key.outcome.rawValue) < ($1.key.stage, $1.key.outcome.rawValue) }
        return .section(
            .class("card"),
            .h2(.txt("Preview: \(p.format == .generic ? "spreadsheet" : "\(p.format.title) export"), \(p.rows) row\(p.rows == 1 ? "" : "s")")),
            .p(.strong(.txt("\(p.ready) ready to import")), .txt(stages.isEmpty ? "." : ": " + stages.map { "\($0.key.title) \($0.value)" }.joined(separator: "; ") + "."),
               .if(!p.undecided.isEmpty, .txt(" \(total - p.ready) more once you say what their status means, below."))),
            .if(p.alreadyHere > 0, .p(.txt("\(p.alreadyHere) already in NextYes (or repeated in the file) will be skipped."))),
            .if(!p.ignoredHeaders.isEmpty, .p(.class("muted"), .txt("Columns not imported: " + p.ignoredHeaders.joined(separator: ", ") + "."))),
            .if(p.problemCount > 0, .div(
                .class("errors-summary"),
                .strong(.txt("\(p.problemCount) row\(p.problemCount == 1 ? " has" : "s have") a problem:")),
                .ul(.forEach(p.problems.prefix(50)) { .li(.txt("Line \($0.line): \($0.message)")) }),
                .if(p.problemCount > 50, .p(.txt("… and \(p.problemCount - 50) more.")))
            )),
            .if(!p.samples.isEmpty, .div(.class("table-wrap"), .table(
                .class("data"),
                .caption(.text("The first rows, as NextYes reads them")),
                .thead(.tr(.th(.text("Line")), .th(.text("Company")), .th(.text("Role")), .th(.text("Stage")), .th(.text("Applied")))),
                .tbody(.forEach(p.samples) { row in
                    .tr(.td(.txt(String(row.line))), .td(.txt(row.details.company)), .td(.txt(row.details.role)), .td(.txt(row.choice.title)),
                        .td(.txt(row.details.appliedOn?.readable ?? "")))
                })
            ))),
            PostForm.make(.importConfirm, csrf: model.chrome.csrf, className: "stacked",
                Field.hidden("token", model.token ?? ""),
                Field.hidden("format", model.format),
                .forEach(p.undecided.sorted { $0.key < $1.key }) { word, entry in
                    .group(
                        Field.hidden("word[]", word),
                        Field.select("meaning-\(word.hashValue & 0xffff)", "\"\(word)\" (\(entry.rows) row\(entry.rows == 1 ? "" : "s"), first on line \(entry.line)) means",
                                     choices: stageChoices(), selected: model.form.mappings[word] ?? "", .init(extra: [("required", nil)], name: "meaning[]"))
                    )
                },
                .forEach(p.assumed.sorted { $0.key < $1.key }) { word, entry in
                    .group(
                        Field.hidden("word[]", word),
                        Field.select("meaning-\(word.hashValue & 0xffff)", "\"\(word)\" (\(entry.rows) row\(entry.rows == 1 ? "" : "s")) means",
                                     choices: stageChoices(), selected: model.form.mappings[word] ?? "\(entry.choice.stage.rawValue),\(entry.choice.outcome.rawValue)",
                                     .init(hint: "NextYes read it this way; change it if you meant something else.", name: "meaning[]"))
                    )
                },
                .unwrap(p.ambiguousDate) { example in
                    Field.select("dates", "Dates like \(example) are", choices: [("", "Choose…"), ("day-first", "day first (4/3 is 4 March)"), ("month-first", "month first (4/3 is 3 April)")],
                                 selected: model.form.dates, .init(extra: [("required", nil)]))
                },
                .if(p.problemCount > 0, Tag.element("label", [("class", "choice")], [
                    Tag.void("input", [("type", "checkbox"), ("name", "skip"), ("value", "yes")] + (model.form.skip ? [("checked", nil)] : [])),
                    .span(.txt("Import the good rows and leave out the \(p.problemCount) with problems")),
                ])),
                .button(.type(.submit), .text("Import \(total) application\(total == 1 ? "" : "s")"))),
            PostButton.make(.importCancel, label: "Cancel and forget this file", csrf: model.chrome.csrf, style: "quiet",
                            hidden: [("token", model.token ?? "")])
        )
    }
}
