import NextYesCore

enum ApplicationsIndex {
    struct Model {
        var chrome: PageChrome
        /// Open applications by stage, in pipeline order (every stage, even when empty).
        var board: [(stage: Stage, applications: [JobApplication])]
        /// The table: all applications, or those with the chosen outcome.
        var rows: [JobApplication]
        var filter: Outcome?
        var counts: [Outcome: Int]
        var total: Int

        init(chrome: PageChrome, all: [JobApplication], filter: Outcome?) {
            self.chrome = chrome
            self.filter = filter
            let open = all.filter(\.isOpen)
            board = Stage.allCases.map { stage in (stage, open.filter { $0.stage == stage }) }
            rows = filter.map { outcome in all.filter { $0.outcome == outcome } } ?? all
            counts = Dictionary(grouping: all, by: \.outcome).mapValues(\.count)
            total = all.count
        }
    }
}
