import NextYesCore
import NextYesInsights
import Plot

enum ProgressShow {
    struct Model {
        var chrome: PageChrome
        var targets: WeeklyTargets?
        var form: TargetsForm
        var progress: WeeklyProgress
        var month: MonthOverMonth
        var errors: ValidationErrors?
        /// Targets are paused while support comes first.
        var carePaused = false
        /// After a no, the processing window keeps things gentle: no targets until this day.
        var gentleUntil: Day?

        /// Nothing on the page counts against a target: support comes first, or a no is sinking in.
        var paused: Bool { carePaused || gentleUntil != nil }
    }

    static func view(_ model: Model) -> HTML {
        let e = model.errors
        let week = model.progress.thisWeek
        return Layout.page("Progress", chrome: model.chrome, [
            .h1(.text("Progress")),
            .if(model.carePaused, .div(.class("card calm"), .p(
                .text("Your targets are paused for now, so nothing here asks anything of you. Looking after yourself comes first. "),
                .a(.link(.support), .text("The Support page")), .text(" has people to talk to, and lets you resume your targets whenever you like.")))),
            .if(!model.carePaused, .unwrap(model.gentleUntil) { until in
                .div(.class("card warm gentle"),
                     .h2(.text("Your targets are resting")),
                     .p(.txt("A no takes a little while to settle, so until \(until.readable) there are no targets: nothing on this page asks anything of you. Rest, talk to someone, do something that restores you. Whatever you do in the meantime still counts, and your targets come back on their own after that.")))
            }),
            .p(.class("lead"), .text("Treat the search like a project: a steady weekly pace, and a look back each month. Progress counts even when the answers are slow to come.")),
            Field.summary(e),
            .section(
                .class("card"),
                .h2(.txt("This week · \(week.title)")),
                .if(model.paused,
                    .p(.txt("So far this week: \(plural(week.applications, "application")) sent, \(plural(week.conversations, "conversation")), \(Hours.text(week.skillHours)) of learning. Nothing to measure it against for now.")),
                    else: WeekCard.bars(week, daysLeft: model.progress.daysLeft)),
                .if(model.progress.streak > 0 && !model.paused,
                    .p(.class("good"), .txt("\(model.progress.streak) week\(model.progress.streak == 1 ? "" : "s") in a row with every target met. Keep it kind to yourself: a week off is part of a long search too."))),
                .if(model.targets == nil && !model.paused,
                    .p(.class("muted"), .text("No targets yet. The numbers below are a pace many people can keep; change them to fit your week."))),
                PostForm.make(.progressHours, csrf: model.chrome.csrf, className: "inline",
                    Field.text("log-hours", "Learning hours", value: "", .init(type: "number", extra: [("min", "0.25"), ("max", "24"), ("step", "0.25")], name: "hours")),
                    Field.text("log-note", "On what", value: "", .init(name: "note")),
                    .button(.class("secondary"), .type(.submit), .text("Log hours"))),
                .p(.class("muted"), .a(.link(.plan), .text("Hours on a plan goal are logged on the Plan page.")))
            ),
            weeks(model),
            .section(
                .class("card"),
                .h2(.text(model.targets == nil ? "Set your weekly targets" : "Weekly targets")),
                PostForm.make(.progress, csrf: model.chrome.csrf, className: "stacked",
                    .div(.class("inline"),
                        Field.text("applications", "Applications a week", value: model.form.applications, .init(error: e?["applications"], type: "number", extra: [("min", "0"), ("max", "50")])),
                        Field.text("conversations", "Conversations a week", value: model.form.conversations, .init(hint: "Informational interviews, coffee chats, referral asks.", error: e?["conversations"], type: "number", extra: [("min", "0"), ("max", "30")])),
                        Field.text("skillHours", "Learning hours a week", value: model.form.skillHours, .init(error: e?["skillHours"], type: "number", extra: [("min", "0"), ("max", "60"), ("step", "0.25")]))),
                    .button(.type(.submit), .text(model.targets == nil ? "Set targets" : "Save targets")))
            ),
            .section(
                .class("card"),
                .h2(.txt(model.month.title)),
                .p(.class("muted"), .text("The same days of each month, so a month that has just begun isn't compared with a whole one. With small numbers a change is mostly chance, so NextYes says so.")),
                .div(.class("table-wrap"), .table(
                    .class("data"),
                    .thead(.tr(.th(.text("")), .th(.text("This month")), .th(.text("Last month")), .th(.text("Change")))),
                    .tbody(.forEach(model.month.changes) { change in
                        .tr(.td(.txt(change.measure)), .td(.txt(String(change.thisMonth))), .td(.txt(String(change.lastMonth))), .td(.txt(change.reading)))
                    })
                ))
            ),
        ])
    }

    /// Week by week since the person started: applications against the target as a chart, and
    /// every measure as a table. Before anything is on record, what to do to start.
    static func weeks(_ model: Model) -> BodyNode {
        let earlier = model.progress.weeksSinceStart
        guard model.progress.started != nil else {
            return .section(
                .class("card calm"),
                .h2(.text("Week by week")),
                .p(.text("Your weeks show here from the week you start. Add an application you've sent, log a conversation with a contact, or log an hour of learning above, and this week becomes the first.")),
                .p(.a(.class("button"), .link(.newApplication), .text("Add an application"))))
        }
        let weeks = earlier.reversed() + [model.progress.thisWeek]
        // While targets are paused, the chart shows what was done, with no line to measure it by.
        let columns = weeks.map { week in
            Charts.Column(label: Charts.weekLabel(week.weekStart), value: week.applications,
                          target: model.paused ? nil : week.targets.map { Double($0.applications) })
        }
        let description = weeks.map { week in
            "Week of \(week.weekStart.readable)\(week == model.progress.thisWeek ? " (this week)" : ""): \(plural(week.applications, "application"))"
                + (model.paused ? "" : week.targets.map { ", target \($0.applications)" } ?? "")
        }.joined(separator: "; ")
        return .section(
            .class("card"),
            .h2(.text("Week by week")),
            .p(.class("muted"), .txt(earlier.isEmpty ? "This is your first week on record; earlier weeks join the chart as they pass."
                                        : "Applications sent each week since you started, this week last" + (model.paused ? "." : "; the dashed line is the weekly target of the time."))),
            .raw(Charts.columns(columns, title: "Applications sent each week" + (model.paused ? "" : ", against the weekly target"), description: description,
                                yTitle: "Applications sent", xTitle: "Week starting (Monday)", id: "weekly-applications")),
            .if(!earlier.isEmpty, .div(.class("table-wrap"), .table(
                .class("data"),
                .caption(.text("Earlier weeks")),
                .thead(.tr(.th(.text("Week")), .th(.text("Applications")), .th(.text("Conversations")), .th(.text("Learning hours")), .th(.text("")))),
                .tbody(.forEach(earlier) { earlier in
                    .tr(
                        .td(.txt(earlier.title)),
                        .td(.txt(count(earlier.applications, of: earlier.targets?.applications))),
                        .td(.txt(count(earlier.conversations, of: earlier.targets?.conversations))),
                        .td(.txt(Hours.number(earlier.skillHours) + (earlier.targets.map { " of " + Hours.number($0.skillHours) } ?? ""))),
                        .td(.txt(earlier.met ? "All met" : earlier.targets == nil ? "No targets yet" : ""))
                    )
                })
            )))
        )
    }

    static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }

    static func count(_ value: Int, of target: Int?) -> String {
        target.map { "\(value) of \($0)" } ?? String(value)
    }
}

/// This week's targets as progress bars; shared by the dashboard and the Progress page.
enum WeekCard {
    static func bars(_ week: WeekProgress, daysLeft: Int) -> BodyNode {
        let targets = week.targets ?? .suggested
        let rows: [(String, Double, Double, String)] = [
            ("Applications sent", Double(week.applications), Double(targets.applications), "\(week.applications) of \(targets.applications)"),
            ("Conversations", Double(week.conversations), Double(targets.conversations), "\(week.conversations) of \(targets.conversations)"),
            ("Learning hours", week.skillHours, targets.skillHours, "\(Hours.number(week.skillHours)) of \(Hours.number(targets.skillHours))"),
        ]
        return .div(
            .class("targets"),
            .forEach(rows) { label, value, target, caption in
                let share = target <= 0 ? 100 : Int(min(1, value / target) * 100)
                return .div(
                    .class("target"),
                    .span(.class("target-label"), .txt(label)),
                    Tag.element("progress", [("max", "100"), ("value", String(share)), ("aria-label", label)], [.txt("\(share)%")]),
                    .span(.class(share >= 100 ? "target-value good" : "target-value"), .txt(caption + (share >= 100 ? " ✓" : "")))
                )
            },
            .p(.class("muted"), .txt("\(daysLeft) day\(daysLeft == 1 ? "" : "s") left this week" + (week.targets == nil ? " · suggested targets" : "") + "."))
        )
    }
}

enum AgendaShow {
    struct Model {
        var chrome: PageChrome
        /// This page's items (50 at most), in date order.
        var items: [AgendaItem]
        var today: Day
        var feedURL: String
        var page = 1
        var total = 0
        static let perPage = 50

        var pageCount: Int { max(1, (total + Self.perPage - 1) / Self.perPage) }
    }

    static func pager(_ model: Model) -> BodyNode {
        ListControls.pager(page: model.page, pageCount: model.pageCount, first: (model.page - 1) * Model.perPage + 1,
                           shown: model.items.count, total: model.total) { SiteURL.agenda.path($0 == 1 ? [] : [("page", String($0))]) }
    }

    static func group(_ item: AgendaItem, today: Day) -> String {
        item.group(today: today)
    }

    static func view(_ model: Model) -> HTML {
        let groups = AgendaItem.groups.map { name in (name, model.items.filter { group($0, today: model.today) == name }) }
        return Layout.page("Agenda", chrome: model.chrome, [
            .h1(.text("Agenda")),
            .p(.class("lead"), .text("Interviews, follow-ups, people to reconnect with and plan deadlines, in one place. Tick a reminder off when it's done, or when you decide to let it go.")),
            .if(model.items.isEmpty, .div(.class("card calm"),
                .p(.text("Nothing due. Interviews, follow-ups and plan deadlines appear here as you add them.")),
                .a(.class("button"), .link(.applications), .text("Go to your applications")))),
            .forEach(groups.filter { !$0.1.isEmpty }) { name, items in
                .section(
                    .h2(.txt(name)),
                    .ul(.class("agenda"), .forEach(items) { item in row(item, model) })
                )
            },
            pager(model),
            .section(
                .class("card"),
                .h2(.text("See it in your calendar")),
                .p(.text("Subscribe to this address in your calendar app (\"add calendar from URL\") while NextYes is running. It is private: anyone with the address can read your agenda.")),
                .p(.code(.class("feed-url"), .txt(model.feedURL))),
                PostButton.make(.agendaNewToken, label: "Make a new address", csrf: model.chrome.csrf, style: "quiet")
            ),
        ])
    }

    static func row(_ item: AgendaItem, _ model: Model) -> Node<HTML.ListContext> {
        .li(
            .class("agenda-item \(item.kind.rawValue)"),
            .div(
                .time(.attr("datetime", item.on.description),
                      .txt((item.on < model.today ? item.due(today: model.today) : item.on.readable) + (item.time.map { " · \($0)" } ?? ""))),
                .span(.class("badge"), .txt(item.kind.title))
            ),
            .div(
                .strong(.txt(item.title)),
                .p(.class("muted"), .txt(item.detail)),
                .div(.class("actions"),
                    .unwrap(item.applicationID) { .a(.link(.application(.value($0))), .text("Open the application")) },
                    .unwrap(item.contactID) { .a(.link(.contact(.value($0))), .text("Open the contact")) },
                    .unwrap(item.goalID) { _ in .a(.link(.plan), .text("Open the plan")) },
                    .if(item.kind.isReminder, PostButton.make(.agendaDone, label: "Done", csrf: model.chrome.csrf, hidden: [("uid", item.uid)])))
            )
        )
    }
}
