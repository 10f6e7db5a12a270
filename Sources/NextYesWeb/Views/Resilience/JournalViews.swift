import NextYesCore
import NextYesInsights
import Plot

enum JournalIndex {
    struct Item {
        var entry: JournalEntry
        var check: TrapCheck
    }

    struct Model {
        var chrome: PageChrome
        var items: [Item]
        var list: ListPage<JournalEntry>
        var trend: [(day: Day, average: Double?)]
        var form: JournalForm
        var errors: ValidationErrors?
        var today: Day
    }

    static func view(_ model: Model) -> HTML {
        Layout.page("Journal", chrome: model.chrome, [
            .h1(.text("Journal")),
            .p(.class("lead"), .text(model.chrome.centre
                ? "A private place to put things down. Only you can see it: it is never shared with a coach, and never counted in the centre's figures."
                : "A private place to put things down. Only you can see it, and it never leaves this machine.")),
            Field.summary(model.errors),
            .div(
                .class("card"),
                .h2(.text("New entry")),
                PostForm.make(.journal, csrf: model.chrome.csrf, className: "stacked",
                    Field.textarea("text", "What's on your mind?", value: model.form.text, .init(error: model.errors?["text"], extra: [("rows", "6")])),
                    .div(.class("inline"),
                         Field.select("mood", "Mood", choices: moodChoices(), selected: model.form.mood, .init(error: model.errors?["mood"])),
                         Field.text("emotions", "A few feelings", value: model.form.emotions.joined(separator: ", "), .init(hint: "Separated by commas.", error: model.errors?["emotions"]))),
                    .div(.class("actions"), .button(.type(.submit), .text("Save entry"))))
            ),
            trend(model),
            .if(model.list.total == 0 && model.list.search.isEmpty,
                .p(.class("muted"), .text("No entries yet. Even one line a day helps you notice how you're doing.")),
                else: .section(
                    .h2(.id("entries"), .text("Entries")),
                    ListControls.form(model.list, at: .journal, label: "Search your entries", sorts: sorts.map { ($0.0, $0.1) }, anchor: "entries"),
                    .if(model.list.total == 0, ListControls.noMatch(model.list)),
                    .forEach(model.items) { item in
                        .article(
                            .class("card"),
                            .p(.class("muted"),
                               .txt(item.entry.writtenOn.readable),
                               .unwrap(item.entry.mood) { .txt(" · mood \($0)/10") },
                               .if(!item.entry.emotions.isEmpty, .txt(" · " + item.entry.emotions.joined(separator: ", "))),
                               .if(item.entry.kind == .rejection, .txt(" · after a rejection"))),
                            .unwrap(item.entry.text) { text in .div(.class("prose"), .txt(text.count > 400 ? String(text.prefix(400)) + "…" : text)) },
                            .if(!item.check.traps.isEmpty, .div(
                                .class("chips"),
                                .forEach(item.check.traps) { .span(.class("chip improvement"), .txt($0.trap.title)) })),
                            .p(.a(.link(.journalEntry(.value(item.entry.id))),
                                  .txt(item.check.traps.isEmpty ? "Open" : "Look at \(item.check.traps.count == 1 ? "this thought" : "these thoughts") again")))
                        )
                    },
                    ListControls.pager(model.list, at: .journal, defaultSort: sorts[0].0, anchor: "entries")
                )),
        ])
    }

    static func matches(_ entry: JournalEntry, _ word: String) -> Bool {
        (entry.text ?? "").lowercased().contains(word) || entry.emotions.contains { $0.lowercased().contains(word) }
    }

    static var sorts: [(String, String, (JournalEntry, JournalEntry) -> Bool)] { [
        ("newest", "Newest first", { ($0.writtenOn, $0.id) > ($1.writtenOn, $1.id) }),
        ("oldest", "Oldest first", { ($0.writtenOn, $0.id) < ($1.writtenOn, $1.id) }),
    ] }

    static func moodChoices() -> [(value: String, title: String)] {
        var choices: [(value: String, title: String)] = [("", "Skip")]
        for level in 1...10 {
            choices.append((String(level), level == 1 ? "1 · very low" : level == 10 ? "10 · great" : String(level)))
        }
        return choices
    }

    private static func trend(_ model: Model) -> BodyNode {
        let points = model.trend.filter { $0.average != nil }
        guard points.count >= 2 else { return .empty }
        let labels = model.trend.map { (label: "\($0.day.day)/\($0.day.month)", value: $0.average) }
        let description = points.map { "\($0.day.readable): \(String(format: "%.1f", $0.average!))" }.joined(separator: "; ")
        return .section(
            .class("card"),
            .h2(.text("Mood over the last 30 days")),
            .raw(Charts.line(labels, title: "Mood from 1 to 10, daily average", description: description, scale: 1...10, yTitle: "Mood (1 to 10)", xTitle: "Day", id: "mood")),
            .details(.summary(.text("The same numbers as text")), .p(.txt(description)))
        )
    }
}

enum JournalShow {
    struct Model {
        var chrome: PageChrome
        var entry: JournalEntry
        var check: TrapCheck
    }

    static func view(_ model: Model) -> HTML {
        let entry = model.entry
        return Layout.page("Journal entry", chrome: model.chrome, [
            .p(.a(.link(.journal), .text("← Journal"))),
            .h1(.txt("Entry from \(entry.writtenOn.readable)")),
            .p(.class("muted"),
               .unwrap(entry.mood) { .txt("Mood \($0)/10") },
               .if(!entry.emotions.isEmpty, .txt(" · " + entry.emotions.joined(separator: ", ")))),
            .unwrap(entry.text) { text in
                .div(.class("card"), highlighted(text, evidence: model.check.traps.map(\.evidence)))
            },
            .if(model.check.traps.isEmpty,
                .div(.class("card calm"), .p(.text("No thinking traps stood out in this entry. Writing it down is already a kind thing to do for yourself."))),
                else: .group(
                    .div(.class("card calm"),
                         .p(.text("Some thoughts here follow a familiar pattern. Everyone's mind does this under pressure; noticing it is the first step to loosening its grip. This is an invitation to look again, not a verdict."))),
                    .forEach(model.check.traps) { hit in
                        .section(
                            .class("card"),
                            .h2(.txt(hit.trap.title)),
                            .p(.element(named: "q", nodes: [.txt(hit.evidence)])),
                            .p(.txt(hit.trap.explanation)),
                            .h3(.text("Questions to test the thought")),
                            .ul(.forEach(hit.trap.questions) { .li(.txt($0)) })
                        )
                    },
                    .div(.class("card"),
                         .h2(.text("Another way to see it")),
                         .p(.txt(model.check.reframe)),
                         PostForm.make(.journalReframe(.value(entry.id)), csrf: model.chrome.csrf, className: "stacked",
                            Field.textarea("reframe", "Your own words", value: entry.ownReframe ?? "", .init(
                                hint: "Rewrite the thought in a way that is kind and still true. It's saved with this entry.", extra: [("rows", "3")])),
                            .div(.class("actions"), .button(.type(.submit), .text("Save my reframe")))))
                )),
            .unwrap(entry.ownReframe) { reframe in
                .div(.class("card"), .h2(.text("Your reframe")), .p(.class("prose"), .txt(reframe)))
            },
        ])
    }

    /// The entry with trap evidence marked.
    static func highlighted(_ text: String, evidence: [String]) -> BodyNode {
        var ranges: [Range<String.Index>] = evidence.compactMap { text.range(of: $0) }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var html = ""
        var cursor = text.startIndex
        for range in ranges where range.lowerBound >= cursor {
            html += String(text[cursor..<range.lowerBound]).htmlEscaped + "<mark>" + String(text[range]).htmlEscaped + "</mark>"
            cursor = range.upperBound
        }
        html += String(text[cursor...]).htmlEscaped
        return .div(.class("prose"), .raw(html))
    }
}

enum WinsIndex {
    struct Model {
        var chrome: PageChrome
        var list: ListPage<Win>
        var titles: [Int: String]
        var errors: ValidationErrors?
        var today: Day
    }

    static func view(_ model: Model) -> HTML {
        Layout.page("Wins", chrome: model.chrome, [
            .h1(.text("Wins")),
            .p(.class("lead"), .text("Every step forward counts: an interview means your application stood out, feedback that names a strength is proof, a conversation is progress.")),
            Field.summary(model.errors),
            .div(
                .class("card"),
                PostForm.make(.wins, csrf: model.chrome.csrf, className: "inline",
                    Field.text("title", "Add a win", value: "", .init(hint: "Small ones count: \"finished my portfolio page\".", error: model.errors?["title"], extra: [("maxlength", String(Limits.name))])),
                    Field.text("on", "On", value: model.today.description, .init(error: model.errors?["on"], type: "date", extra: [("max", model.today.description)])),
                    .button(.type(.submit), .text("Add")))
            ),
            .if(model.list.total == 0 && model.list.search.isEmpty,
                .p(.class("muted"), .text("No wins recorded yet. They appear here on their own when an application moves forward, when feedback names a strength, or when you finish a goal.")),
                else: .section(
                    .h2(.id("all-wins"), .text("All your wins")),
                    ListControls.form(model.list, at: .wins, label: "Search your wins", sorts: sorts.map { ($0.0, $0.1) }, anchor: "all-wins"),
                    .if(model.list.total == 0, ListControls.noMatch(model.list)),
                    .ol(.class("timeline"), .forEach(model.list.items) { win in
                        .li(
                            .time(.attr("datetime", win.on.description), .txt(win.on.readable)),
                            .strong(.txt(win.title)),
                            .unwrap(win.detail) { .txt(" — \($0)") },
                            .unwrap(win.applicationID) { id in .group(.text(" "), .a(.link(.application(id)), .txt(model.titles[id] ?? "the application"))) }
                        )
                    }),
                    ListControls.pager(model.list, at: .wins, defaultSort: sorts[0].0, anchor: "all-wins"))),
        ])
    }

    static func matches(_ win: Win, _ word: String) -> Bool {
        win.title.lowercased().contains(word) || (win.detail ?? "").lowercased().contains(word)
    }

    static var sorts: [(String, String, (Win, Win) -> Bool)] { [
        ("newest", "Newest first", { ($0.on, $0.id) > ($1.on, $1.id) }),
        ("oldest", "Oldest first", { ($0.on, $0.id) < ($1.on, $1.id) }),
    ] }
}

enum SupportShow {
    struct Model {
        var chrome: PageChrome
        var watchOn: Bool
        var signals: [WellbeingSignal]
        var helpline: String
        var errors: ValidationErrors?
        /// The crisis lines for the person's country, with their own helpline.
        var card: SupportCard
        /// The chosen country code; empty follows the system locale.
        var country: String
        /// Targets and reminders are paused after words of crisis.
        var paused: Bool
    }

    static func view(_ model: Model) -> HTML {
        let professional = model.signals.contains(where: \.suggestsProfessionalSupport)
        return Layout.page("Support", chrome: model.chrome, [
            .h1(.text("Support")),
            .if(model.paused, SupportCardView.card(model.card)),
            .p(.class("lead"), .text("Looking for work is hard on anyone. This page gathers what NextYes notices and what tends to help.")),
            .if(!model.watchOn,
                .div(.class("card"), .p(.text("The wellbeing watch is off, so NextYes isn't looking for signals. You can turn it back on below."))),
                else: .if(model.signals.isEmpty,
                    .div(.class("card calm"), .p(.text("Nothing in your recent record suggests you need to change pace. Keep looking after yourself: rest, move, and stay in touch with people."))),
                    else: .forEach(model.signals) { signal in
                        .section(.class("card warm"), .h2(.txt(signal.title)), .p(.txt(signal.message)))
                    })),
            .section(
                .class(professional ? "card warm" : "card"),
                .h2(.text("Talking to someone")),
                .p(.text("Talking helps. A friend, a mentor or a career counsellor can share the load. If you feel low for more than a couple of weeks, or the search is affecting your sleep, appetite or sense of hope, your doctor or a counsellor can help.")),
                .if(!model.helpline.isEmpty,
                    .p(.strong(.text("Your helpline: ")), .txt(model.helpline)),
                    else: .p(.class("muted"), .text("You can add a helpline for your country below, so it's here when you need it."))),
                .p(.text("If you are in crisis or thinking about harming yourself, reach out now:")),
                .ul(.class("helplines"), .forEach(model.card.country.lines) { line in
                    .li(.strong(.txt(line.name)), .text(": "), .txt(line.contact), .text(". "), .span(.class("muted"), .txt(line.detail)))
                }),
                .p(.txt("In an emergency, call \(model.card.emergency)."))
            ),
            .if(model.paused, .section(
                .class("card"),
                .h2(.text("Your targets are paused")),
                .p(.text("After something you wrote sounded very heavy, NextYes paused your weekly targets, nudges and reminders, so nothing asks anything of you for a while. They come back on their own after two weeks, or now if you prefer.")),
                PostButton.make(.supportResume, label: "Resume my targets now", csrf: model.chrome.csrf)
            )),
            .section(
                .class("card"),
                .h2(.text("Things that help")),
                .ul(
                    .li(.text("Feel it, briefly: a day or two after a no is normal, and then turn to what's next.")),
                    .li(.text("Keep a routine with breaks, movement and time outside.")),
                    .li(.text("Set smaller weekly targets when things are heavy; consistency beats volume.")),
                    .li(.text("Write down your wins, including the small ones.")),
                    .li(.text("Notice harsh self-talk and ask what you would say to a friend."))
                )
            ),
            .section(
                .class("card"),
                .h2(.text("Settings")),
                Field.summary(model.errors),
                PostForm.make(.support, csrf: model.chrome.csrf, className: "stacked",
                    Tag.element("label", [("class", "choice")], [
                        Tag.void("input", [("type", "checkbox"), ("name", "watch"), ("value", "on")] + (model.watchOn ? [("checked", nil)] : [])),
                        .span(.strong(.text("Wellbeing watch")), .text(" Notice long stretches of low mood, clusters of rejections, quiet spells and very high application volume, and suggest care.")),
                    ]),
                    Field.text("helpline", "Helpline for your country", value: model.helpline, .init(hint: "For example the name and number of a support line you trust.", error: model.errors?["helpline"])),
                    Field.select("country", "Country for crisis lines",
                                 choices: [("", "Follow this computer's settings")] + HelplineDirectory.countries.map { ($0.code, $0.country) },
                                 selected: model.country, .init(hint: "Which national crisis lines NextYes shows.", error: model.errors?["country"])),
                    .div(.class("actions"), .button(.type(.submit), .text("Save"))))
            ),
        ])
    }
}
