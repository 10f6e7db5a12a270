import Foundation
import NextYesCore
import Plot
import Vapor

/// Search, order and pages for a list page: 50 items a page, a GET form that works without
/// JavaScript, and "Showing 51–100 of 240" with Previous and Next.
struct ListPage<Item> {
    static var perPage: Int { 50 }

    /// The items on this page.
    var items: [Item]
    var total: Int
    var page: Int
    var search: String
    var sort: String

    var pageCount: Int { max(1, (total + Self.perPage - 1) / Self.perPage) }

    /// Filters and orders `all`, then takes this page of it. `sorts`: the orders a person can
    /// choose (value, title, how), the first being the default.
    init(_ all: [Item], request: Request, matches: (Item, String) -> Bool, sorts: [(String, String, (Item, Item) -> Bool)]) {
        let q = Text.cleanLine((try? request.query.get(String.self, at: "q")) ?? nil).map { String($0.prefix(100)) } ?? ""
        let chosen = (try? request.query.get(String.self, at: "sort")).flatMap { raw in sorts.first { $0.0 == raw } } ?? sorts[0]
        let words = q.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        var selected = words.isEmpty ? all : all.filter { item in words.allSatisfy { matches(item, $0) } }
        if chosen.0 != sorts[0].0 { selected.sort(by: chosen.2) }
        let pages = max(1, (selected.count + Self.perPage - 1) / Self.perPage)
        let page = min(max(1, (try? request.query.get(Int.self, at: "page")) ?? 1), pages)
        items = Array(selected.dropFirst((page - 1) * Self.perPage).prefix(Self.perPage))
        total = selected.count
        self.page = page
        search = q
        sort = chosen.0
    }

    func path(_ base: SiteURL, page: Int, defaultSort: String) -> String {
        var query: [(String, String)] = []
        if !search.isEmpty { query.append(("q", search)) }
        if sort != defaultSort { query.append(("sort", sort)) }
        if page > 1 { query.append(("page", String(page))) }
        return base.path(query)
    }
}

enum ListControls {
    /// The search box and the order, shown once there is something to search.
    static func form<Item>(_ list: ListPage<Item>, at base: SiteURL, label: String, sorts: [(String, String)], anchor: String) -> BodyNode {
        form(search: list.search, sort: list.sort, at: base, label: label, sorts: sorts, anchor: anchor)
    }

    /// The one search-and-order form (a GET form, so it works without JavaScript); `hidden`
    /// carries a filter the search keeps.
    static func form(search: String, sort: String, at base: SiteURL, label: String, sorts: [(String, String)], anchor: String,
                     hidden: BodyNode = .empty) -> BodyNode {
        let options: [BodyNode] = sorts.map { value, title in
            var attributes: Tag.Attributes = [("value", value)]
            if value == sort { attributes.append(("selected", nil)) }
            return Tag.element("option", attributes, [.txt(title)])
        }
        let field = Tag.void("input", [("type", "search"), ("id", "q"), ("name", "q"), ("value", search)])
        let select = Tag.element("select", [("id", "sort"), ("name", "sort")], options)
        let children: [BodyNode] = [
            hidden, .label(.for("q"), .txt(label)), field, .label(.for("sort"), .text("Order")), select,
            .button(.type(.submit), .class("secondary"), .text("Show")),
        ]
        return Tag.element("form", [("class", "search"), ("method", "get"), ("action", base.path() + "#" + anchor)], children)
    }

    /// "Showing 51–100 of 240", with Previous and Next; nothing when it all fits on one page.
    static func pager<Item>(_ list: ListPage<Item>, at base: SiteURL, defaultSort: String, anchor: String) -> BodyNode {
        pager(page: list.page, pageCount: list.pageCount, first: (list.page - 1) * ListPage<Item>.perPage + 1, shown: list.items.count,
              total: list.total) { list.path(base, page: $0, defaultSort: defaultSort) + "#" + anchor }
    }

    /// The one pager every list page shows: `link` gives the address of a page number.
    static func pager(page: Int, pageCount: Int, first: Int, shown: Int, total: Int, link: (Int) -> String) -> BodyNode {
        guard pageCount > 1 else { return .empty }
        return .nav(
            .class("pager"), .attr("aria-label", "Pages"),
            .p(.txt("Showing \(first)–\(first + shown - 1) of \(total)")),
            .if(page > 1, .a(.class("button secondary"), .attr("rel", "prev"), .attr("href", link(page - 1)), .text("Previous"))),
            .if(page < pageCount, .a(.class("button secondary"), .attr("rel", "next"), .attr("href", link(page + 1)), .text("Next")))
        )
    }

    /// What to say when a search finds nothing.
    static func noMatch<Item>(_ list: ListPage<Item>) -> BodyNode {
        .p(.class("muted"), .txt("Nothing matches \"\(list.search)\". Try fewer or other words."))
    }
}
