import NextYesCore
import NextYesInsights
import Plot

/// Feedback shown with the words each theme rests on highlighted.
enum FeedbackViews {
    /// The text with evidence phrases wrapped in <mark>, everything escaped.
    static func highlighted(_ text: String, analysis: FeedbackAnalysis) -> BodyNode {
        var ranges: [Range<String.Index>] = []
        for evidence in analysis.themes.map(\.evidence) + analysis.reasons.map(\.evidence) {
            if let range = text.range(of: evidence) { ranges.append(range) }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<String.Index>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var html = ""
        var cursor = text.startIndex
        for range in merged {
            html += String(text[cursor..<range.lowerBound]).htmlEscaped
            html += "<mark>" + String(text[range]).htmlEscaped + "</mark>"
            cursor = range.upperBound
        }
        html += String(text[cursor...]).htmlEscaped
        return .div(.class("prose feedback-text"), .raw(html))
    }

    static func chips(_ analysis: FeedbackAnalysis) -> BodyNode {
        .div(
            .class("chips"),
            .forEach(analysis.themes) { hit in
                .span(.class("chip \(hit.polarity.rawValue)"), .txt("\(hit.polarity == .strength ? "Strength" : "To work on"): \(hit.theme.title)"))
            },
            .forEach(analysis.reasons) { reason in
                .span(.class("chip reason"), .txt("Reason: \(RejectionCategory(rawValue: reason.reason)?.title ?? reason.reason)"))
            }
        )
    }

    /// A gentle note when feedback is boilerplate, with a one-line follow-up to copy.
    static func genericNote(followUp: String) -> BodyNode {
        .div(
            .class("card calm"),
            .p(.text("This reads as a general reply with nothing specific about you in it. That's very common: many companies send the same words to everyone, and it says nothing about your worth.")),
            .p(.text("If you'd like something you can use, a short reply asking for one specific point often works:")),
            Tag.element("textarea", [("readonly", nil), ("rows", "3"), ("aria-label", "Follow-up asking for one specific point")], [.txt(followUp)])
        )
    }
}
