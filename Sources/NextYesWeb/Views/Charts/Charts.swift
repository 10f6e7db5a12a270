import Foundation
import NextYesCore

/// Server-side SVG charts. Every chart has a title and a description for screen readers, carries
/// its numbers as text, and names its axes.
///
/// The drawings are narrow on purpose: `width` units across, so on a 390 px phone (about 316 px
/// inside a card) 13-unit text renders at about 12 px; on a wider screen the stylesheet caps a
/// chart's width (`Stylesheet.charts`), so the text never grows past body size.
enum Charts {
    /// The width of every chart in its own units.
    static let width = 340.0
    /// The size of all chart text, in the chart's units (the stylesheet says the same).
    static let font = 13.0
    static let lineHeight = 17.0

    struct Bar {
        var label: String
        var value: Int
        var caption: String
    }

    struct Column {
        var label: String
        var value: Int
        /// The target for this column, if there is one; drawn as a dashed line across it.
        var target: Double?
    }

    /// "24 Aug" for the week starting 24 Aug 2026: short enough for a chart's time axis.
    static func weekLabel(_ day: Day) -> String {
        let year = String(day.year)
        return day.readable.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
            .filter { $0 != year }.joined(separator: " ")
    }

    /// About how wide a text is in the chart's units (a little generous, so nothing collides).
    static func textWidth(_ text: String) -> Double { Double(text.count) * font * 0.58 }

    /// Words to lines no wider than `width`; a single word longer than that keeps its own line.
    static func wrap(_ text: String, width: Double) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if textWidth(candidate) <= width || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    static func open(id: String, height: Double, title: String, description: String) -> String {
        """
        <svg class="chart" id="chart-\(id)" viewBox="0 0 \(Int(width)) \(Int(height.rounded(.up)))" font-size="\(Int(font))" role="img" aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-title">\(title.htmlEscaped)</title><desc id="\(id)-desc">\(description.htmlEscaped)</desc>
        """
    }

    static func text(_ text: String, x: Double, y: Double, anchor: String = "start", className: String = "chart-label") -> String {
        "<text x=\"\(Fast.tenths(x))\" y=\"\(Fast.tenths(y))\"" + (anchor == "start" ? "" : " text-anchor=\"\(anchor)\"") + " class=\"\(className)\">\(text.htmlEscaped)</text>"
    }

    /// Horizontal bars scaled to the largest value (or `maximum`). Each row has its label on the
    /// left and its caption (the number, as text) on the right, the bar below across the full
    /// width, so long labels wrap instead of shrinking.
    static func horizontalBars(_ bars: [Bar], title: String, description: String, maximum: Int? = nil, id: String) -> String {
        let top = max(maximum ?? 0, bars.map(\.value).max() ?? 0, 1)
        var body = "", y = 0.0
        for bar in bars {
            let captionWidth = textWidth(bar.caption)
            let lines = wrap(bar.label, width: width - captionWidth - 10)
            for (index, line) in lines.enumerated() {
                body += text(line, x: 0, y: y + font + Double(index) * lineHeight)
            }
            body += text(bar.caption, x: width, y: y + font, anchor: "end", className: "chart-value")
            let barY = y + Double(lines.count) * lineHeight + 1
            let barWidth = bar.value > 0 ? max(3, width * Double(bar.value) / Double(top)) : 0
            body += "<rect x=\"0\" y=\"\(Fast.tenths(barY))\" width=\"\(Int(width))\" height=\"10\" rx=\"3\" class=\"chart-track\"/>"
            if barWidth > 0 {
                body += "<rect x=\"0\" y=\"\(Fast.tenths(barY))\" width=\"\(Fast.tenths(barWidth))\" height=\"10\" rx=\"3\" class=\"chart-bar\"/>"
            }
            y = barY + 10 + 9
        }
        return open(id: id, height: max(y - 5, 1), title: title, description: description) + body + "</svg>"
    }

    /// Which of `count` labels `slot` units apart fit side by side: every k-th, counting back
    /// from the last (the most recent week always has its label).
    static func labelled(_ index: Int, count: Int, slot: Double, widest: Double) -> Bool {
        let every = max(1, Int(((widest + 8) / max(slot, 1)).rounded(.up)))
        return (count - 1 - index) % every == 0
    }

    /// The frame of a chart over time: the title of the vertical axis above it (with an optional
    /// legend on the right), the scale's two ends, the base line, and the title of the time axis.
    private static func frame(yTitle: String, xTitle: String, legend: String?, scale: ClosedRange<Double>, plotTop: Double, plotBottom: Double, left: Double) -> String {
        var svg = yTitle.isEmpty ? "" : text(yTitle, x: 0, y: font, className: "chart-axis-title")
        if let legend {
            let legendWidth = textWidth(legend)
            svg += "<path d=\"M\(Fast.tenths(width - legendWidth - 26)) 9 H\(Fast.tenths(width - legendWidth - 6))\" class=\"chart-target\"/>"
            svg += text(legend, x: width, y: font, anchor: "end", className: "chart-axis-title")
        }
        svg += "<line x1=\"\(Fast.tenths(left))\" y1=\"\(Fast.tenths(plotBottom))\" x2=\"\(Int(width))\" y2=\"\(Fast.tenths(plotBottom))\" class=\"chart-axis\"/>"
        svg += text(number(scale.upperBound), x: left - 5, y: plotTop + 4, anchor: "end", className: "chart-tick")
        svg += text(number(scale.lowerBound), x: left - 5, y: plotBottom + 4, anchor: "end", className: "chart-tick")
        if !xTitle.isEmpty { svg += text(xTitle, x: (left + width) / 2, y: plotBottom + 2 * lineHeight + 4, anchor: "middle", className: "chart-axis-title") }
        return svg
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Columns over time (weeks), each with its number above it, and an optional target per
    /// column drawn as a dashed line.
    static func columns(_ columns: [Column], title: String, description: String, yTitle: String, xTitle: String, id: String) -> String {
        let hasTarget = columns.contains { $0.target != nil }
        let top = max(2, Double(columns.map(\.value).max() ?? 0), columns.compactMap(\.target).max() ?? 0).rounded(.up)
        let plotTop = lineHeight + 20, plotHeight = 110.0, plotBottom = plotTop + plotHeight
        let left = textWidth(number(top)) + 7
        let slot = (width - left) / Double(max(columns.count, 1))
        let barWidth = min(26, slot * 0.62)
        func y(_ value: Double) -> Double { plotBottom - plotHeight * value / top }
        var svg = open(id: id, height: plotBottom + 2 * lineHeight + 8, title: title, description: description)
        svg += frame(yTitle: yTitle, xTitle: xTitle, legend: hasTarget ? "target" : nil, scale: 0...top, plotTop: plotTop, plotBottom: plotBottom, left: left)
        let widest = columns.map { textWidth($0.label) }.max() ?? 0
        var target = ""
        for (index, column) in columns.enumerated() {
            let middle = left + slot * (Double(index) + 0.5)
            if column.value > 0 {
                svg += "<rect x=\"\(Fast.tenths(middle - barWidth / 2))\" y=\"\(Fast.tenths(y(Double(column.value))))\" width=\"\(Fast.tenths(barWidth))\" height=\"\(Fast.tenths(plotHeight * Double(column.value) / top))\" rx=\"2\" class=\"chart-bar\"/>"
            }
            svg += text(String(column.value), x: middle, y: y(Double(column.value)) - 4, anchor: "middle", className: "chart-value")
            if let goal = column.target {
                target += "M\(Fast.tenths(left + slot * Double(index) + 1)) \(Fast.tenths(y(goal))) H\(Fast.tenths(left + slot * Double(index + 1) - 1)) "
            }
            if labelled(index, count: columns.count, slot: slot, widest: widest) {
                let half = textWidth(column.label) / 2
                svg += text(column.label, x: min(max(middle, half), width - half), y: plotBottom + lineHeight, anchor: "middle", className: "chart-tick")
            }
        }
        if !target.isEmpty { svg += "<path d=\"\(target.trimmingCharacters(in: .whitespaces))\" class=\"chart-target\"/>" }
        return svg + "</svg>"
    }

    /// A line of points over time, for trends (mood). Values are on a fixed scale; gaps (nil)
    /// are left out. Each point's value is written beside it when there is room.
    static func line(_ points: [(label: String, value: Double?)], title: String, description: String, scale: ClosedRange<Double>,
                     yTitle: String = "", xTitle: String = "", id: String) -> String {
        let plotTop = lineHeight + 16, plotHeight = 110.0, plotBottom = plotTop + plotHeight
        let left = textWidth(number(scale.upperBound)) + 7, right = 8.0
        let step = points.count > 1 ? (width - left - right) / Double(points.count - 1) : 0
        let slot = points.count > 1 ? step : width - left
        func y(_ value: Double) -> Double {
            plotBottom - plotHeight * (value - scale.lowerBound) / (scale.upperBound - scale.lowerBound)
        }
        var svg = open(id: id, height: plotBottom + 2 * lineHeight + 8, title: title, description: description)
        svg += frame(yTitle: yTitle, xTitle: xTitle, legend: nil, scale: scale, plotTop: plotTop, plotBottom: plotBottom, left: left)
        let widest = points.map { textWidth($0.label) }.max() ?? 0
        let values = points.compactMap(\.value).map(number)
        let writeValues = slot >= (values.map(textWidth).max() ?? 0) + 4
        var path = "", dots = ""
        for (index, point) in points.enumerated() {
            let x = points.count > 1 ? left + Double(index) * step : left + slot / 2
            if let value = point.value {
                path += (path.isEmpty ? "M" : " L") + Fast.tenths(x) + " " + Fast.tenths(y(value))
                dots += "<circle cx=\"\(Fast.tenths(x))\" cy=\"\(Fast.tenths(y(value)))\" r=\"3.5\" class=\"chart-dot\"><title>\(point.label.htmlEscaped): \(number(value))</title></circle>"
                if writeValues { dots += text(number(value), x: x, y: y(value) - 7, anchor: "middle", className: "chart-value") }
            }
            if labelled(index, count: points.count, slot: slot, widest: widest) {
                svg += text(point.label, x: min(max(x, textWidth(point.label) / 2), width - textWidth(point.label) / 2), y: plotBottom + lineHeight, anchor: "middle", className: "chart-tick")
            }
        }
        if !path.isEmpty { svg += "<path d=\"\(path)\" class=\"chart-line\"/>" }
        return svg + dots + "</svg>"
    }
}
