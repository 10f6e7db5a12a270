import NextYesCore
import NextYesInsights
import Plot

enum InsightsShow {
    struct Model {
        var chrome: PageChrome
        var report: InsightsReport
        var titles: [Int: String]
    }

    static func view(_ model: Model) -> HTML {
        let r = model.report
        guard r.funnel.sent > 0 else {
            return Layout.page("Insights", chrome: model.chrome, [
                .h1(.text("Insights")),
                .div(.class("card calm"),
                     .p(.text("Insights grow from your record. Add the applications you've sent, and log rejections and feedback as they come; patterns start to show after a handful.")),
                     .a(.class("button"), .link(.newApplication), .text("Add an application"))),
            ])
        }
        return Layout.page("Insights", chrome: model.chrome, [
            .h1(.text("Insights")),
            .p(.class("lead"), .txt("From \(r.funnel.sent) sent application\(r.funnel.sent == 1 ? "" : "s"). Every insight names the applications it comes from. "),
               .a(.link(.report), .text("Your career report, ready to print"))),
            funnel(r),
            cuts(r),
            control(r),
            themes(model),
            ratings(model),
            sources(r),
        ])
    }

    private static func funnel(_ r: InsightsReport) -> BodyNode {
        let bars = r.funnel.steps.map { Charts.Bar(label: $0.stage.title, value: $0.reached, caption: $0.caption) }
        let description = r.funnel.steps.map { "\($0.stage.title): \($0.reached)" }.joined(separator: ", ")
        return .section(
            .class("card"),
            .h2(.text("How far applications get")),
            .p(.class("muted"), .text("Counted by the furthest stage each application reached, so a rejection after an interview still counts as an interview. Each bar is the number of applications that got that far.")),
            .raw(Charts.horizontalBars(bars, title: "Applications by furthest stage reached", description: description, maximum: r.funnel.sent, id: "funnel")),
            .table(
                .class("data"),
                .caption(.text("The same numbers as a table")),
                .thead(.tr(.th(.text("Stage")), .th(.text("Reached")), .th(.text("Conversion")))),
                .tbody(.forEach(r.funnel.steps) { step in
                    .tr(.td(.txt(step.stage.title)), .td(.txt(String(step.reached))), .td(.txt(step.conversionText ?? "—")))
                })
            ),
            .p(.txt("Heard back: \(r.summary.heardBackShare). Reached an interview: \(r.summary.interviewShare)."))
        )
    }

    /// Where the no's came: rejections and no-replies by the stage each application reached.
    private static func cuts(_ r: InsightsReport) -> BodyNode {
        let bars = CutPoint.allCases.map { point in
            Charts.Bar(label: point.title, value: r.cuts.counts[point] ?? 0, caption: r.cuts.share(point).description)
        }
        let description = CutPoint.allCases.map { "\($0.title): \(r.cuts.share($0))" }.joined(separator: "; ")
        return .section(
            .class("card"),
            .h2(.text("Where the no's came")),
            .if(r.cuts.total == 0,
                .p(.class("muted"), .text("No rejections or no-replies logged yet.")),
                else: .group(
                    .p(.class("muted"), .txt("\(r.cuts.total) in all, no's and no-replies together, by how far each application had got.")),
                    .raw(Charts.horizontalBars(bars, title: "Where the no's came, by stage", description: description, maximum: r.cuts.total, id: "cuts")),
                    .ul(.forEach(CutPoint.allCases) { point in .li(.txt("\(point.title): \(r.cuts.share(point))")) }),
                    .unwrap(r.cuts.dominant) { point in .p(.strong(.text("What helps: ")), .txt(point.advice)) },
                    .if(r.cuts.dominant == nil, .p(.class("muted"), .txt(r.cuts.total < Share.minimumForPercent ? "It's too early to see a pattern in where applications stop." : "No single stage stands out; they stop at different points.")))
                ))
        )
    }

    private static func control(_ r: InsightsReport) -> BodyNode {
        .section(
            .class("card"),
            .h2(.text("In your control, or not")),
            .if(r.control.total > 0, .ul(
                .li(.txt("In your control: \(Share(r.control.yes, of: r.control.total))")),
                .li(.txt("Partly: \(Share(r.control.partly, of: r.control.total))")),
                .li(.txt("Out of your control: \(r.control.outOfHands)"))
            )),
            .p(.txt(r.control.reading))
        )
    }

    private static func themes(_ model: Model) -> BodyNode {
        let r = model.report
        func item(_ theme: RecurringTheme) -> Node<HTML.ListContext> {
            .li(
                .strong(.txt(theme.theme.title)),
                .txt(" — in \(theme.applicationIDs.count) applications"),
                .ul(.forEach(theme.evidence.prefix(4)) { evidence in
                    .li(.element(named: "q", nodes: [.txt(evidence.text)]), .text(" "),
                        .a(.link(.application(evidence.applicationID)), .txt(model.titles[evidence.applicationID] ?? "Application \(evidence.applicationID)")))
                }),
                .if(theme.polarity == .improvement, .p(.class("muted"), .txt("To practise: \(theme.theme.practice).")))
            )
        }
        return .section(
            .class("card"),
            .h2(.text("Themes that keep coming back")),
            .p(.class("muted"), .text("A theme counts as a pattern when it appears in feedback or stated reasons for two or more different applications.")),
            .if(r.recurringImprovements.isEmpty && r.recurringStrengths.isEmpty,
                .p(.text("No recurring themes yet. Record the feedback you get (and ask for it after each no); patterns show after a few.")),
                else: .group(
                    .if(!r.recurringImprovements.isEmpty, .group(.h3(.text("To work on")), .ul(.forEach(r.recurringImprovements, item)))),
                    .if(!r.recurringStrengths.isEmpty, .group(.h3(.text("Strengths others keep seeing")), .ul(.forEach(r.recurringStrengths, item))))
                ))
        )
    }

    private static func ratings(_ model: Model) -> BodyNode {
        let low = model.report.lowRatings
        guard !low.isEmpty else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("Parts of interviews you rate low")),
            .ul(.forEach(low) { pattern in
                .li(.strong(.txt(pattern.part.title)),
                    .txt(String(format: " — average %.1f of 5 over %d interviews. ", pattern.average, pattern.ratings)),
                    .txt(pattern.part.advice))
            })
        )
    }

    private static func sources(_ r: InsightsReport) -> BodyNode {
        .section(
            .class("card"),
            .h2(.text("What works: where applications came from")),
            .div(.class("table-wrap"), .table(
                .class("data"),
                .thead(.tr(.th(.text("Source")), .th(.text("Sent")), .th(.text("Heard back")), .th(.text("Reached interview")), .th(.text("No reply")))),
                .tbody(.forEach(r.sources) { row in
                    .tr(.td(.txt(row.title)), .td(.txt(String(row.applications))), .td(.txt(row.responses.description)),
                        .td(.txt(row.interviews.description)), .td(.txt(row.ghosted.description)))
                })
            )),
            .p(.class("muted"), .txt("Percentages appear from \(Share.minimumForPercent) applications in a group; below that, NextYes shows the counts only."))
        )
    }
}
