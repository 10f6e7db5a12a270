import Foundation

/// Server-side SVG charts. Every chart has a title and a description for screen readers, and the
/// pages also show the same numbers as text.
enum Charts {
    struct Bar {
        var label: String
        var value: Int
        var caption: String
    }

    /// Horizontal bars scaled to the largest value (or `maximum`).
    static func horizontalBars(_ bars: [Bar], title: String, description: String, maximum: Int? = nil, id: String) -> String {
        let width = 640.0, labelWidth = 150.0, rowHeight = 34.0, barHeight = 22.0
        let top = max(maximum ?? 0, bars.map(\.value).max() ?? 0, 1)
        let height = Double(bars.count) * rowHeight + 8
        var svg = """
        <svg class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-title">\(title.htmlEscaped)</title><desc id="\(id)-desc">\(description.htmlEscaped)</desc>
        """
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 4
            let barWidth = max(bar.value > 0 ? 3 : 0, (width - labelWidth - 170) * Double(bar.value) / Double(top))
            svg += """
            <text x="\(Int(labelWidth - 8))" y="\(Int(y + barHeight * 0.72))" text-anchor="end" class="chart-label">\(bar.label.htmlEscaped)</text>
            <rect x="\(Int(labelWidth))" y="\(Int(y))" width="\(Fast.tenths(barWidth))" height="\(Int(barHeight))" rx="4" class="chart-bar"/>
            <text x="\(Fast.tenths(labelWidth + barWidth + 8))" y="\(Int(y + barHeight * 0.72))" class="chart-value">\(bar.caption.htmlEscaped)</text>
            """
        }
        return svg + "</svg>"
    }

    /// A line of points over time, for trends (mood, momentum). Values are on a fixed scale.
    static func line(_ points: [(label: String, value: Double?)], title: String, description: String, scale: ClosedRange<Double>, id: String) -> String {
        let width = 640.0, height = 200.0, left = 36.0, bottom = 28.0, top = 10.0
        let usable = width - left - 10
        let step = points.count > 1 ? usable / Double(points.count - 1) : 0
        func y(_ value: Double) -> Double {
            top + (height - top - bottom) * (1 - (value - scale.lowerBound) / (scale.upperBound - scale.lowerBound))
        }
        var svg = """
        <svg class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-title">\(title.htmlEscaped)</title><desc id="\(id)-desc">\(description.htmlEscaped)</desc>
        <line x1="\(Int(left))" y1="\(Int(y(scale.lowerBound)))" x2="\(Int(width - 10))" y2="\(Int(y(scale.lowerBound)))" class="chart-axis"/>
        <text x="\(Int(left - 6))" y="\(Int(y(scale.upperBound) + 4))" text-anchor="end" class="chart-label">\(Int(scale.upperBound))</text>
        <text x="\(Int(left - 6))" y="\(Int(y(scale.lowerBound) + 4))" text-anchor="end" class="chart-label">\(Int(scale.lowerBound))</text>
        """
        var path = ""
        for (index, point) in points.enumerated() {
            let x = left + Double(index) * step
            if let value = point.value {
                path += (path.isEmpty ? "M" : " L") + Fast.tenths(x) + " " + Fast.tenths(y(value))
                svg += "<circle cx=\"\(Fast.tenths(x))\" cy=\"\(Fast.tenths(y(value)))\" r=\"3.5\" class=\"chart-dot\"><title>\(point.label.htmlEscaped): \(String(format: "%g", value))</title></circle>"
            }
            if points.count <= 12 || index % max(1, points.count / 6) == 0 {
                svg += "<text x=\"\(Fast.tenths(x))\" y=\"\(Int(height - 8))\" text-anchor=\"middle\" class=\"chart-label\">\(point.label.htmlEscaped)</text>"
            }
        }
        if !path.isEmpty { svg += "<path d=\"\(path)\" class=\"chart-line\"/>" }
        return svg + "</svg>"
    }
}
