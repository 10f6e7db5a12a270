/// A plain text table that fits a terminal: columns padded, long cells cut with an ellipsis.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    var maxWidths: [Int]

    init(headers: [String], maxWidths: [Int]) {
        self.headers = headers
        self.maxWidths = maxWidths
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let all = [headers] + rows
        let cut: [[String]] = all.map { row in
            row.enumerated().map { index, cell in
                let flat = cell.split(whereSeparator: \.isNewline).joined(separator: " ")
                let limit = maxWidths[index]
                return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
            }
        }
        let widths = headers.indices.map { column in cut.map { $0[column].count }.max() ?? 0 }
        return cut.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
