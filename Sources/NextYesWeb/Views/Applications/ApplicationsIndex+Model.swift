import NextYesCore
import NextYesFeatures

enum ApplicationsIndex {
    struct Model {
        var chrome: PageChrome
        var listing: Applications.Listing

        var filter: Outcome? { listing.query.outcome }
        var rows: [JobApplication] { listing.rows }
        var total: Int { listing.total }
        var counts: [Outcome: Int] { listing.counts }

        /// The address of this listing with some parameters changed (a page, a sort).
        func path(outcome: Outcome?? = nil, sort: ApplicationQuery.Sort? = nil, page: Int? = nil) -> String {
            var items: [(String, String)] = []
            if let chosen = outcome ?? listing.query.outcome { items.append(("outcome", chosen.rawValue)) }
            if let search = listing.query.search, !search.isEmpty { items.append(("q", search)) }
            let order = sort ?? listing.query.sort
            if order != .recent { items.append(("sort", order.rawValue)) }
            let number = page ?? 1
            if number > 1 { items.append(("page", String(number))) }
            return SiteURL.applications.path(items)
        }
    }
}
