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

    /// The open applications by stage. Each card moves in one step: drag it to another column, or
    /// open its "Move" menu and pick the stage (a form, so it works without JavaScript too).
    private static func board(_ model: Model) -> BodyNode {
        let open = model.listing.board.reduce(0) { $0 + $1.count }
        return .section(
            .attr("aria-labelledby", "board-heading"),
            .h2(.id("board-heading"), .text("Board: in progress")),
            .if(open == 0,
                .p(.class("muted"), .text("Nothing in progress right now. Add an application, or reopen one from the table below, and it will show here.")),
                else: .group(
                    .p(.class("muted hint-board"), .text("Drag a card to another stage, or use its Move menu.")),
                    .div(
                        .class("board"), .attr("data-board", ""),
                        .forEach(model.listing.board) { column in
                            .div(
                                .class(column.count == 0 ? "column empty" : "column"), .attr("data-stage", column.stage.rawValue),
                                .attr("aria-labelledby", "column-\(column.stage.rawValue)"),
                                .h3(.id("column-\(column.stage.rawValue)"), .txt(column.stage.title), .span(.class("count"), .txt(String(column.count)))),
                                .ul(.forEach(column.latest) { card($0, csrf: model.chrome.csrf) }),
                                .if(column.count > column.latest.count,
                                    .p(.class("muted"), .small(.txt("and \(column.count - column.latest.count) more, in the table below"))))
                            )
                        }
                    )
                ))
        )
    }

    private static func card(_ application: JobApplication, csrf: String) -> Node<HTML.ListContext> {
        .li(
            .class("card-tile"), .attr("draggable", "true"), .attr("data-move-card", String(application.id)),
            .a(
                .class("tile"), .link(.application(application.id)),
                .strong(.txt(application.company)),
                .span(.txt(application.role)),
                .small(.txt("Last news \(application.lastActivityOn.readable)"))
            ),
            .element(named: "details", nodes: [
                .class("move"),
                .element(named: "summary", nodes: [.text("Move"), .span(.class("visually-hidden"), .txt(" \(application.title)"))]),
                Tag.element("form", [("method", "post"), ("action", SiteURL.applicationAction(.value(application.id), .move).path()), ("data-move", "")], [
                    Field.csrf(csrf),
                    Field.hidden("back", "board"),
                    .p(.class("muted"), .small(.txt("Move to"))),
                    .forEach(Stage.allCases.filter { $0 != application.stage }) { stage in
                        .button(.type(.submit), .class("quiet"), .name("stage"), .value(stage.rawValue), .txt(stage.title))
                    },
                ]),
            ])
        )
    }

    /// One column of the table: its title, the order it sorts by, and how it reads aloud.
    private static let columns: [(title: String, sort: ApplicationQuery.Sort)] = [
        ("Company", .company), ("Role", .role), ("Stage", .stage), ("Outcome", .outcome), ("Applied", .applied), ("Last news", .recent),
    ]

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
                    .class("data stack"),
                    .thead(.tr(.forEach(columns) { header($0.title, $0.sort, model) })),
                    .tbody(.forEach(model.rows) { a in
                        .tr(
                            .td(.attr("data-label", "Company"), .a(.link(.application(a.id)), .txt(a.company))),
                            .td(.attr("data-label", "Role"), .span(.txt(a.role),
                                .unwrap(a.details.location) { .small(.class("muted block"), .txt($0)) })),
                            .td(.attr("data-label", "Stage"), .span(.txt(a.stage.title),
                                .if(a.furthestStage != a.stage, .small(.class("muted block"), .txt("reached \(a.furthestStage.title.lowercased())"))))),
                            .td(.attr("data-label", "Outcome"), .span(.span(.class("badge \(a.outcome.rawValue)"), .txt(a.outcome.title)))),
                            .td(.attr("data-label", "Applied"), .txt(a.details.appliedOn?.readable ?? "not yet")),
                            .td(.attr("data-label", "Last news"), .txt(a.lastActivityOn.readable))
                        )
                    })
                ))),
            pager(model)
        )
    }

    /// A column heading that sorts by it; pressed again, it turns the order round.
    private static func header(_ title: String, _ sort: ApplicationQuery.Sort, _ model: Model) -> Node<HTML.TableRowContext> {
        let current = model.order.sort == sort
        let next = Order(sort, reversed: current && !model.order.reversed)
        // Which way the order runs now, in the words a screen reader uses.
        let naturallyAscending = [.company, .role, .outcome].contains(sort)
        let ascending = naturallyAscending != model.order.reversed
        return .th(
            .attr("scope", "col"),
            .if(current, .attr("aria-sort", ascending ? "ascending" : "descending")),
            .a(.class("sort"), .attr("href", model.path(order: next) + "#table-heading"),
               .txt(title), .if(current, .span(.class("arrow"), .attr("aria-hidden", "true"), .txt(ascending ? " ▲" : " ▼"))))
        )
    }

    private static func emptyText(_ model: Model) -> String {
        if let search = model.listing.query.search, !search.isEmpty {
            return "No applications match \"\(search)\"" + (model.filter.map { " among those \($0.title.lowercased())" } ?? "") + ". Try fewer or other words."
        }
        return model.filter.map { "No applications with the outcome \"\($0.title.lowercased())\" right now." } ?? "No applications here yet."
    }

    /// Search by company, role, location or notes, and the order; works without JavaScript (a GET form).
    private static func search(_ model: Model) -> BodyNode {
        // An order chosen by a column heading stays chosen when the person searches.
        let choices = sortChoices.contains { $0.0 == model.order } ? sortChoices : sortChoices + [(model.order, "As the table is sorted")]
        return ListControls.form(
            search: model.listing.query.search ?? "", sort: model.order.raw, at: .applications,
            label: "Search company, role, location or notes", sorts: choices.map { ($0.0.raw, $0.1) }, anchor: "table-heading",
            hidden: model.filter.map { Field.hidden("outcome", $0.rawValue) } ?? .empty)
    }

    static let sortChoices: [(Order, String)] = [
        (Order(.recent), "Latest news first"), (Order(.recent, reversed: true), "Oldest news first"),
        (Order(.applied), "Applied most recently"), (Order(.stage), "Furthest along"),
        (Order(.company), "Company A–Z"), (Order(.role), "Role A–Z"), (Order(.outcome), "Outcome"),
    ]

    private static func pager(_ model: Model) -> BodyNode {
        let listing = model.listing
        return ListControls.pager(page: listing.pageNumber, pageCount: listing.pageCount, first: listing.query.offset + 1,
                                  shown: listing.rows.count, total: listing.matching) { model.path(page: $0) + "#table-heading" }
    }
}
