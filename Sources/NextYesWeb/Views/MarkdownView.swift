import Plot

/// The small Markdown the app itself writes (reports, shared pages) as HTML: headings, paragraphs,
/// lists, quotes, tables and **bold**. Every piece of text is escaped; nothing is passed through raw.
enum MarkdownView {
    static func render(_ markdown: String) -> BodyNode {
        var nodes: [BodyNode] = []
        var paragraph: [String] = [], list: [String] = [], quote: [String] = [], table: [[String]] = []

        func flush() {
            if !paragraph.isEmpty { nodes.append(.p(inline(paragraph.joined(separator: " ")))); paragraph = [] }
            if !list.isEmpty { nodes.append(.ul(.forEach(list) { .li(inline($0)) })); list = [] }
            if !quote.isEmpty {
                let lines = quote.filter { !$0.isEmpty }
                nodes.append(Tag.element("blockquote", [], lines.map { .p(inline($0)) }))
                quote = []
            }
            if let head = table.first {
                let body = table.dropFirst()
                nodes.append(.table(
                    .if(head.contains { !$0.isEmpty }, .thead(.tr(.forEach(head) { .th(inline($0)) }))),
                    .tbody(.forEach(Array(body)) { row in .tr(.forEach(row) { .td(inline($0)) }) })
                ))
                table = []
            }
        }

        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                flush()
                let level = line.prefix { $0 == "#" }.count
                let text = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                switch level {
                case 1: nodes.append(.h2(inline(text)))
                case 2: nodes.append(.h3(inline(text)))
                default: nodes.append(.h4(inline(text)))
                }
            } else if line.hasPrefix("|") {
                if table.isEmpty && (!paragraph.isEmpty || !list.isEmpty || !quote.isEmpty) { flush() }
                // An escaped pipe (\|) is part of a cell, not a border.
                let cells = line.replacingOccurrences(of: "\\|", with: "\u{1}").dropFirst()
                    .split(separator: "|", omittingEmptySubsequences: false).dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{1}", with: "\\|") }
                if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
                table.append(cells)
            } else if line.hasPrefix("- ") {
                if !paragraph.isEmpty || !quote.isEmpty || !table.isEmpty { flush() }
                list.append(String(line.dropFirst(2)))
            } else if line.hasPrefix(">") {
                if !paragraph.isEmpty || !list.isEmpty || !table.isEmpty { flush() }
                quote.append(line.dropFirst().trimmingCharacters(in: .whitespaces))
            } else {
                if !list.isEmpty || !quote.isEmpty || !table.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        return .group(nodes)
    }

    /// Text with **bold** parts.
    static func inline(_ text: String) -> BodyNode {
        let parts = text.components(separatedBy: "**")
        guard parts.count >= 3 else { return .txt(text.replacingOccurrences(of: "\\|", with: "|")) }
        return .group(parts.enumerated().map { index, part in
            let clean = part.replacingOccurrences(of: "\\|", with: "|")
            return index % 2 == 1 && index < parts.count - 1 ? .strong(.txt(clean)) : .txt(clean)
        })
    }
}
