import Foundation
import NextYesCore
import NextYesInsights
import Plot

/// The career report as HTML: the same sections for the web page and for `nextyes report
/// --format html`, with SVG charts that carry their numbers as text too.
public enum ReportView {
    static func sections(_ r: CareerReport) -> [BodyNode] {
        var nodes: [BodyNode] = []
        let s = r.overview
        nodes.append(.section(
            .class("card report-section small"),
            .h2(.text("Summary")),
            .p(.txt(s.sentence)),
            .dl(.class("facts"),
                .dt(.text("Applications sent")), .dd(.txt(String(s.applicationsSent))),
                .dt(.text("Heard back")), .dd(.txt(s.responses.description)),
                .dt(.text("Reached an interview")), .dd(.txt(s.interviews.description)),
                .dt(.text("Offers")), .dd(.txt(String(s.offers))),
                .dt(.text("No's")), .dd(.txt(String(s.rejections))),
                .dt(.text("Networking conversations")), .dd(.txt(String(s.conversations))),
                .dt(.text("Learning hours")), .dd(.txt(Hours.number(s.learningHours))))
        ))
        if let funnel = r.funnel {
            let top = funnel.first?.reached ?? 0
            let bars = funnel.map { Charts.Bar(label: $0.stage, value: $0.reached, caption: $0.caption) }
            let description = funnel.map { "\($0.stage): \($0.reached)" + ($0.conversion.map { ", \($0)" } ?? "") }.joined(separator: "; ")
            nodes.append(.section(
                .class("card report-section"),
                .h2(.text("How far applications got")),
                .p(.class("muted"), .text("Each application counted at the furthest stage it reached, even if it later ended in a no. Bars show how many applications reached each stage.")),
                .raw(Charts.horizontalBars(bars, title: "Applications by furthest stage reached", description: description, maximum: top, id: "report-funnel"))
            ))
        }
        if let cuts = r.cuts {
            nodes.append(.section(
                .class("card report-section"),
                .h2(.text("Where the rejections came")),
                .p(.class("muted"), .text("Rejections only; the Insights page counts no-replies with them.")),
                .p(.txt(cuts.reading)),
                .ul(.forEach(cuts.items) { cut in .li(.strong(.txt(cut.point + ": ")), .txt("\(cut.count) — " + cut.named())) }),
                .unwrap(cuts.advice) { .p(.strong(.text("What helps: ")), .txt($0)) }
            ))
        }
        if let themes = r.themes {
            nodes.append(.section(
                .class("card report-section"),
                .h2(.text("What the feedback keeps saying")),
                .forEach(themes) { theme in
                    .div(.h3(.txt("\(theme.theme) — \(theme.kind), \(theme.applications) applications")),
                         .forEach(theme.quotes) { quote in
                             .blockquote(.p(.txt(quote.text)), .footer(.txt("\(quote.application), \(quote.source)")))
                         })
                }
            ))
        }
        if let control = r.control {
            nodes.append(.section(
                .class("card report-section"),
                .h2(.text("In your hands, or not")),
                .p(.txt(control.reading)),
                .ul(.class("in-columns"), .forEach(control.categories) { .li(.txt($0)) })
            ))
        }
        if let skills = r.skills {
            nodes.append(.section(
                .class("card report-section"),
                .h2(.text("Skills the postings ask for")),
                .div(.class("table-wrap"), .table(
                    .class("data"),
                    .thead(.tr(.th(.text("Skill")), .th(.text("Demand")), .th(.text("In these applications")))),
                    .tbody(.forEach(skills) { line in .tr(.td(.txt(line.skill)), .td(.txt(line.summary)), .td(.txt(line.applications.joined(separator: "; ")))) })
                ))
            ))
        }
        if let plan = r.plan {
            nodes.append(.section(
                .class("card report-section"),
                .h2(.text("Development plan")),
                .ul(.forEach(plan) { goal in
                    .li(.strong(.txt(goal.title)), .txt(" — \(goal.status), \(goal.progress)% of the planned hours (\(Hours.text(goal.hours))), by \(goal.deadline.readable)"))
                })
            ))
        }
        if let momentum = r.momentum {
            let columns = momentum.map { Charts.Column(label: Charts.weekLabel($0.weekStart), value: $0.applications, target: nil) }
            // Conversations only when there were some, as words: the weeks that had them.
            let talks = momentum.filter { $0.conversations > 0 }
            nodes.append(.section(
                .class("card report-section"),
                .h2(.text("Week by week")),
                .raw(Charts.columns(columns, title: "Applications sent each week",
                                    description: momentum.map { "Week of \($0.weekStart.readable): \($0.applications) application\($0.applications == 1 ? "" : "s")" }.joined(separator: "; "),
                                    yTitle: "Applications sent", xTitle: "Week starting (Monday)", id: "report-momentum")),
                .if(!talks.isEmpty, .p(.txt("Networking conversations: " + talks.map { "\($0.conversations) in the week of \(Charts.weekLabel($0.weekStart))" }.joined(separator: ", ") + ".")))
            ))
        }
        if let groups = r.winGroups {
            nodes.append(.section(
                .class("card report-section"),
                .h2(.text("Wins")),
                .ul(.forEach(groups) { group in
                    let more = group.count - group.examples.count
                    return .li(
                        .strong(.txt(group.title)), .txt(": \(group.summary)."),
                        .if(group.count == 1,
                            .txt(" " + (group.examples.first?.title ?? "") + "."),
                            else: .span(.class("muted"), .txt(" The latest: " + group.examples.map { "\($0.title) (\(Charts.weekLabel($0.on)))" }.joined(separator: "; ")
                                                              + (more > 0 ? "; and \(more) more." : "."))))
                    )
                })
            ))
        }
        if let wellbeing = r.wellbeing {
            let text = wellbeing.map { "Week of \($0.weekStart.readable): \($0.average.map { String(format: "%.1f", $0) } ?? "no check-ins")" }.joined(separator: "; ")
            nodes.append(.section(
                .class("card report-section"),
                .h2(.text("How you felt")),
                .p(.class("muted"), .text("Average mood by week (1 to 10), from your check-ins. Included because you chose to.")),
                .raw(Charts.line(wellbeing.map { (Charts.weekLabel($0.weekStart), $0.average) },
                                 title: "Average mood by week", description: text,
                                 scale: 1...10, yTitle: "Average mood (1 to 10)", xTitle: "Week starting (Monday)", id: "report-mood")),
                .details(.class("chart-numbers"), .summary(.text("The same numbers as text")), .p(.txt(text)))
            ))
        }
        nodes.append(.section(
            .class("card report-section calm small"),
            .h2(.text("Next three steps")),
            .ol(.forEach(r.nextActions) { .li(.txt($0)) })
        ))
        return nodes
    }

    /// A standalone document, for `nextyes report --format html`.
    public static func document(_ r: CareerReport) -> String {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: r.title),
                .element(named: "style", nodes: [.raw(Stylesheet.css)])
            ),
            .body(.main(
                .class("report"),
                .h1(.txt(r.title)),
                .unwrap(r.name) { .p(.class("lead"), .txt("For \($0).")) },
                .group(sections(r)),
                .p(.class("muted"), .text("Made by NextYes from your own record."))
            ))
        ).render()
    }
}

enum ReportPage {
    struct Model {
        var chrome: PageChrome
        var report: CareerReport
        var from: String
        var to: String
        var includeWellbeing: Bool
        var errors: ValidationErrors?
    }

    static func view(_ model: Model) -> HTML {
        let r = model.report
        let query = [("from", model.from), ("to", model.to)].filter { !$0.1.isEmpty }
        return Layout.page("Career report", chrome: model.chrome, [
            .div(.class("report"),
                .h1(.txt(r.title)),
                .unwrap(r.name) { .p(.class("lead"), .txt("For \($0).")) },
                Field.summary(model.errors),
                .div(.class("card actions no-print"),
                    Tag.element("form", [("method", "get"), ("action", SiteURL.report.path()), ("class", "inline")], [
                        Field.text("from", "From", value: model.from, .init(error: model.errors?["from"], type: "date")),
                        Field.text("to", "To", value: model.to, .init(error: model.errors?["to"], type: "date")),
                        .button(.class("secondary"), .type(.submit), .text("Show this period")),
                    ]),
                    Tag.element("button", [("type", "button"), ("data-print", "")], [.text("Print or save as PDF")]),
                    .a(.href(SiteURL.reportDownload(.value("md")).path(query)), .text("Markdown")),
                    .a(.href(SiteURL.reportDownload(.value("json")).path(query)), .text("JSON")),
                    PostButton.make(.reportWellbeing, label: model.includeWellbeing ? "Leave out how I felt" : "Include how I felt", csrf: model.chrome.csrf, style: "quiet")),
                .group(ReportView.sections(r)))
        ])
    }
}
