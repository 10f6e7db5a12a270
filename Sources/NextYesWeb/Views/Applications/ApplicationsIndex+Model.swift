import NextYesCore
import NextYesFeatures

enum ApplicationsIndex {
    /// Where a move made on the board goes back to: the top of the page, where its message is,
    /// with the board just below.
    static let boardPath = SiteURL.applications.path()

    /// The table's order as written in the address: `sort=company`, or `sort=-company` turned round.
    struct Order: Equatable {
        var sort: ApplicationQuery.Sort
        var reversed: Bool

        init(_ sort: ApplicationQuery.Sort, reversed: Bool = false) {
            self.sort = sort
            self.reversed = reversed
        }

        /// Anything unknown reads as the default order (latest news first).
        init(_ raw: String?) {
            let text = raw ?? ""
            let reversed = text.hasPrefix("-")
            if let sort = ApplicationQuery.Sort(rawValue: reversed ? String(text.dropFirst()) : text) {
                self.init(sort, reversed: reversed)
            } else {
                self.init(.recent)
            }
        }

        var raw: String { (reversed ? "-" : "") + sort.rawValue }
    }

    struct Model {
        var chrome: PageChrome
        var listing: Applications.Listing

        var filter: Outcome? { listing.query.outcome }
        var rows: [JobApplication] { listing.rows }
        var total: Int { listing.total }
        var counts: [Outcome: Int] { listing.counts }
        var order: Order { Order(listing.query.sort, reversed: listing.query.reversed) }

        /// The address of this listing with some parameters changed (a page, an order).
        func path(outcome: Outcome?? = nil, order: Order? = nil, page: Int? = nil) -> String {
            var items: [(String, String)] = []
            if let chosen = outcome ?? listing.query.outcome { items.append(("outcome", chosen.rawValue)) }
            if let search = listing.query.search, !search.isEmpty { items.append(("q", search)) }
            let chosenOrder = order ?? self.order
            if chosenOrder != Order(.recent) { items.append(("sort", chosenOrder.raw)) }
            let number = page ?? 1
            if number > 1 { items.append(("page", String(number))) }
            return SiteURL.applications.path(items)
        }
    }
}
