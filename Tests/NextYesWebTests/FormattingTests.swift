import Foundation
@testable import NextYesWeb
import Testing

/// The small formatters every page uses agree with the slow general ones they replace.
@Suite("Escaping and formatting")
struct FormattingTests {
    /// The escaping the byte version replaced, kept here as the reference.
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func escapesLikeTheCharacterByCharacterVersion() {
        #expect("<script>alert('x & \"y\"')</script>".htmlEscaped == "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;")
        #expect("Café & crème — 日本 <b>".htmlEscaped == "Café &amp; crème — 日本 &lt;b&gt;")
        #expect("plain text".htmlEscaped == "plain text")
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "&", "<", ">", "\"", "'", "é", "日", "👩‍💻", " ", "\r\n", "&amp;"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(text.htmlEscaped == Self.reference(text), "\(text)")
        }
    }

    @Test func hexAndTenthsMatchPrintf() {
        #expect(Fast.hex([0, 1, 15, 16, 171, 255]) == "00010f10abff")
        #expect(Fast.hex([UInt8]()) == "")
        for value in [0.0, 1, 12.34, 99.96, 640, 3.04, -2.26, 154.5 + 0.01] {
            #expect(Fast.tenths(value) == String(format: "%.1f", value), "\(value)")
        }
        // Away from exact halves (where a binary fraction may sit either side), on many values.
        for i in 0..<5000 {
            let value = Double(i) * 0.137 + 0.011
            guard abs((value * 10).truncatingRemainder(dividingBy: 1) - 0.5) > 1e-6 else { continue }
            #expect(Fast.tenths(value) == String(format: "%.1f", value), "\(value)")
        }
    }
}
