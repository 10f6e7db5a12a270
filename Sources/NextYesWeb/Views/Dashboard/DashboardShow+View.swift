import NextYesCore
import Plot

extension DashboardShow {
    static func view(_ model: Model) -> HTML {
        Layout.page("Dashboard", chrome: model.chrome, model.isEmpty ? empty(model) : filled(model))
    }

    private static func empty(_ model: Model) -> [BodyNode] {
        [
            // Care comes before the welcome: a person may write in the journal before adding
            // any application.
            wellbeing(model),
            .h1(.text("Welcome to NextYes")),
            .p(.class("lead"), .text("A private place to track your applications and learn from every no." + (model.chrome.centre
                ? " Only you see it; a coach sees only what you choose to share."
                : " Everything stays on this machine."))),
            .div(
                .class("grid"),
                .div(
                    .class("card"),
                    .h2(.text("Start with your search")),
                    .p(.text("Add the roles you have applied for, or are thinking about. NextYes keeps each one's stages, dates and outcome.")),
                    .a(.class("button"), .link(.newApplication), .text("Add your first application"))
                ),
                .div(
                    .class("card calm"),
                    .h2(.text("Or look around first")),
                    .p(.text("Load a sample search of about 25 applications over three months to see how NextYes works. Settings has a button to remove it again in one go.")),
                    PostButton.make(.demo, label: "Load sample data", csrf: model.chrome.csrf)
                )
            ),
        ]
    }

    static func checkIn(_ model: Model) -> BodyNode {
        guard !model.checkedInToday else { return .empty }
        return .div(
            .class("card checkin"),
            .h2(.text("How are you today?")),
            PostForm.make(.checkIn, csrf: model.chrome.csrf,
                .div(.class("mood-scale"), .attr("role", "group"), .attr("aria-label", "Mood from 1, very low, to 10, great"),
                     .forEach(1...10) { level in
                         Tag.element("button", [("type", "submit"), ("name", "mood"), ("value", String(level)), ("class", "mood"),
                                                ("aria-label", "\(level) out of 10")], [.text(String(level))])
                     }),
                .p(.class("muted"), .text("1 is very low, 10 is great. One tap; it goes into your journal.")))
        )
    }

    /// One gentle card for everything inside its processing window, however many there are.
    /// The most any list on the dashboard shows; the full lists are a link away.
    static let listLimit = 8

    static func processingCard(_ model: Model) -> BodyNode {
        guard let latest = model.processing.first else { return .empty }
        let many = model.processing.count > 1
        let until = model.processing.map(\.rejection.processingEndsOn).max()!
        return .div(
            .class("card warm"),
            .h2(.txt(many ? "Go gently: \(model.processing.count) no's recently" : "Go gently: \(latest.application.company) said no")),
            .p(.txt("It's normal for this to sting. Until \(until.readable), there is nothing you have to do about it: rest, talk to someone, do something that restores you.")),
            .ul(.forEach(model.processing.prefix(listLimit)) { item in
                .li(.a(.link(.rejectionNext(.value(item.application.id))), .txt("After \(item.application.company): what it means and what's next")))
            }),
            .if(model.processing.count > listLimit, .p(.class("muted"), .txt("and \(model.processing.count - listLimit) more; there's no hurry with any of them.")))
        )
    }

    static func wellbeing(_ model: Model) -> BodyNode {
        guard let signal = model.signals.first else { return .empty }
        return .div(
            .class("card warm"),
            .h2(.txt(signal.title)),
            .p(.txt(signal.message)),
            .p(.a(.link(.support), .text("See support and what helps")))
        )
    }

    private static func filled(_ model: Model) -> [BodyNode] {
        [
            .h1(.text("Dashboard")),
            .p(.class("lead"), .txt(model.summary.momentumSentence)),
            checkIn(model),
            wellbeing(model),
            .forEach(model.offers) { offer in
                .div(.class("card calm"),
                     .h2(.txt("Congratulations on the offer from \(offer.company)!")),
                     .p(.text("Every step before this one helped you get here. When you're settled, you may want to withdraw your other open applications.")))
            },
            processingCard(model),
            .forEach(model.recentlyProcessed.prefix(3)) { item in
                .div(
                    .class("card calm"),
                    .h2(.txt("Ready for what's next after \(item.application.company)?")),
                    .p(.text("When you feel ready: ask for feedback, note what went well, and line up your next application.")),
                    .p(.a(.link(.rejectionNext(.value(item.application.id))), .text("See the next steps")))
                )
            },
            .div(
                .class("grid"),
                // While a rejection is still sinking in, the dashboard doesn't count targets.
                .unwrap(model.processing.isEmpty ? model.week : nil) { progress in
                    .div(
                        .class("card"),
                        .h2(.text("This week")),
                        WeekCard.bars(progress.thisWeek, daysLeft: progress.daysLeft),
                        .if(progress.streak > 0, .p(.class("good"), .txt("\(progress.streak) week\(progress.streak == 1 ? "" : "s") in a row with every target met."))),
                        .p(.a(.link(.progress), .text(progress.thisWeek.targets == nil ? "Set your weekly targets" : "Progress and month over month")))
                    )
                },
                .div(
                    .class("card"),
                    .h2(.text("Coming up")),
                    .if(model.due.isEmpty,
                        .p(.class("muted"), .text("Nothing due this week. Interviews, follow-ups and plan deadlines appear here.")),
                        else: .ul(.forEach(model.due.prefix(6)) { item in
                            .li(.span(.class("muted"), .txt(item.due(today: model.today))),
                                .txt(" " + item.title + (item.time.map { " at \($0)" } ?? "")))
                        })),
                    .p(.a(.link(.agenda), .text(model.due.count > 6 ? "All \(model.due.count) on the agenda" : "Open the agenda")))
                )
            ),
            .div(
                .class("grid"),
                .div(
                    .class("card"),
                    .h2(.text("In progress")),
                    .p(.span(.class("stat"), .text(String(model.summary.inProgress))), .text(" open applications")),
                    .if(!model.stageCounts.isEmpty, .ul(.forEach(model.stageCounts) { stage, count in
                        .li(.txt("\(stage.title): \(count)"))
                    })),
                    .div(.class("actions"),
                         .a(.class("button"), .link(.newApplication), .text("Add an application")),
                         .a(.class("button secondary"), .link(.mail), .text("I got an e-mail")),
                         .a(.class("button secondary"), .link(.applications), .text("See the board")))
                ),
                .div(
                    .class("card"),
                    .h2(.text("Recent activity")),
                    .if(model.recent.isEmpty,
                        .p(.class("muted"), .text("Nothing yet. Moves, rejections and offers will show up here.")),
                        else: .ul(.forEach(model.recent) { item in
                            .li(
                                .a(.link(.application(item.event.applicationID)), .txt(item.title)),
                                .txt(": \(item.event.summary.lowercased()) "),
                                .span(.class("muted"), .txt("(\(item.event.on.readable))"))
                            )
                        })
                    )
                )
            ),
            .if(!model.affirmations.isEmpty, .div(
                .class("card"),
                .h2(.text("From your own record")),
                .ul(.forEach(model.affirmations) { .li(.txt($0)) }),
                .p(.a(.link(.wins), .text("All your wins")))
            )),
            .if(!model.ghosted.isEmpty, .div(
                .class("card"),
                .h2(.text("Ghosted?")),
                .p(.txt("No news for \(model.ghostedAfterDays) days or more. Silence is common and says more about their process than about you. Marking them as no reply can clear your head; you can reopen one if they write.")),
                .ul(.forEach(model.ghosted.prefix(listLimit)) { suggestion in
                    .li(
                        .a(.link(.application(suggestion.application.id)), .txt(suggestion.application.title)),
                        .span(.class("muted"), .txt(" · \(suggestion.daysSilent) days without news"))
                    )
                }),
                .if(model.ghosted.count > listLimit, .p(.a(
                    .attr("href", SiteURL.applications.path([("outcome", Outcome.open.rawValue)]) + "#table-heading"),
                    .txt("and \(model.ghosted.count - listLimit) more; see them with your open applications"))))
            )),
        ]
    }
}
