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

    /// The widths `render` gives the columns, for printing later rows the same way.
    func widths() -> [Int] {
        headers.indices.map { column in ([headers] + rows).map { min(flatten($0[column]).count, maxWidths[column]) }.max() ?? 0 }
    }

    private func flatten(_ cell: String) -> String {
        cell.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Rows only, padded to given widths (a later page of a long list).
    func renderRows(widths: [Int]) -> String {
        rows.map { row in
            row.enumerated().map { index, cell in
                let flat = flatten(cell)
                let limit = min(maxWidths[index], max(widths[index], 1))
                let fitted = flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
                return index == row.count - 1 ? fitted : fitted + String(repeating: " ", count: max(0, widths[index] - fitted.count))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

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
