import NextYesCore
import NextYesFeatures
import Plot

extension ApplicationsIndex {
    static func view(_ model: Model) -> HTML {
        Layout.page("Applications", chrome: model.chrome, [
            .div(
                .class("actions"),
                .h1(.text("Applications")),
                .a(.class("button"), .link(.newApplication), .text("Add an application")),
                .a(.class("button secondary"), .link(.postingApplication), .text("Add from a posting")),
                .a(.class("button secondary"), .link(.mail), .text("I got an e-mail")),
                .a(.class("button secondary"), .link(.importFile), .text("Import or export"))
            ),
            .if(model.total == 0,
                .div(.class("card calm"),
                     .p(.text("No applications yet. Add the first role you're considering; NextYes will keep its stages and dates. Already tracking them in Huntr, Teal or a spreadsheet? Import them.")),
                     .div(.class("actions"),
                          .a(.class("button"), .link(.newApplication), .text("Add an application")),
                          .a(.class("button secondary"), .link(.postingApplication), .text("Add from a posting")),
                          .a(.class("button secondary"), .link(.importFile), .text("Import from a file")))),
                else: .group(board(model), table(model))),
        ])
    }

    private static func board(_ model: Model) -> BodyNode {
        .section(
            .attr("aria-labelledby", "board-heading"),
            .h2(.id("board-heading"), .text("Board: in progress")),
            .div(
                .class("board"),
                .forEach(model.listing.board) { column in
                    .div(
                        .class("column"),
                        .h3(.txt(column.stage.title), .span(.txt(String(column.count)))),
                        .ul(.forEach(column.latest) { application in
                            .li(.a(
                                .class("tile"), .link(.application(application.id)),
                                .strong(.txt(application.company)),
                                .txt(application.role),
                                .br(),
                                .small(.txt("Last news \(application.lastActivityOn.readable)"))
                            ))
                        }),
                        .if(column.count > column.latest.count,
                            .p(.class("muted"), .small(.txt("and \(column.count - column.latest.count) more, in the table below"))))
                    )
                }
            )
        )
    }

    private static func table(_ model: Model) -> BodyNode {
        let tabs: [(Outcome?, String)] = [(nil, "All")] + Outcome.allCases.map { ($0, $0.title) }
        return .section(
            .attr("aria-labelledby", "table-heading"),
            .h2(.id("table-heading"), .text("All applications")),
            .nav(
                .attr("aria-label", "Filter by outcome"),
                .ul(.class("tabs"), .forEach(tabs) { outcome, title in
                    let count = outcome.map { model.counts[$0] ?? 0 } ?? model.counts.values.reduce(0, +)
                    return .li(.a(
                        .attr("href", model.path(outcome: .some(outcome)) + "#table-heading"),
                        .if(outcome == model.filter, .attr("aria-current", "page")),
                        .txt("\(title) (\(count))")))
                })
            ),
            search(model),
            .if(model.rows.isEmpty,
                .p(.class("muted"), .txt(emptyText(model))),
                else: .div(.class("table-wrap"), .table(
                    .class("data"),
                    .thead(.tr(.th(.text("Company")), .th(.text("Role")), .th(.text("Stage")), .th(.text("Furthest")), .th(.text("Outcome")), .th(.text("Last news")))),
                    .tbody(.forEach(model.rows) { a in
                        .tr(
                            .td(.a(.link(.application(a.id)), .txt(a.company))),
                            .td(.txt(a.role)),
                            .td(.txt(a.stage.title)),
                            .td(.txt(a.furthestStage.title)),
                            .td(.span(.class("badge \(a.outcome.rawValue)"), .txt(a.outcome.title))),
                            .td(.txt(a.lastActivityOn.readable))
                        )
                    })
                ))),
            pager(model)
        )
    }

    private static func emptyText(_ model: Model) -> String {
        if let search = model.listing.query.search, !search.isEmpty {
            return "No applications match \"\(search)\"" + (model.filter.map { " among those \($0.title.lowercased())" } ?? "") + ". Try fewer or other words."
        }
        return model.filter.map { "No applications with the outcome \"\($0.title.lowercased())\" right now." } ?? "No applications here yet."
    }

    /// Search by company or role, and the order; works without JavaScript (a GET form).
    private static func search(_ model: Model) -> BodyNode {
        ListControls.form(
            search: model.listing.query.search ?? "", sort: model.listing.query.sort.rawValue, at: .applications,
            label: "Search company or role", sorts: sortChoices.map { ($0.0.rawValue, $0.1) }, anchor: "table-heading",
            hidden: model.filter.map { Field.hidden("outcome", $0.rawValue) } ?? .empty)
    }

    static let sortChoices: [(ApplicationQuery.Sort, String)] = [
        (.recent, "Latest news first"), (.applied, "Applied most recently"), (.stage, "Furthest along"), (.company, "Company A–Z"),
    ]

    private static func pager(_ model: Model) -> BodyNode {
        let listing = model.listing
        return ListControls.pager(page: listing.pageNumber, pageCount: listing.pageCount, first: listing.query.offset + 1,
                                  shown: listing.rows.count, total: listing.matching) { model.path(page: $0) + "#table-heading" }
    }
}
