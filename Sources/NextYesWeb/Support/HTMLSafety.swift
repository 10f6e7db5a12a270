import Plot

typealias BodyNode = Node<HTML.BodyContext>

extension String {
    /// Escaped for HTML text and for a double- or single-quoted attribute value.
    /// Over the UTF-8 bytes (the five characters are ASCII, never part of another character's
    /// bytes); text with none of them, most text, is returned as it is.
    public var htmlEscaped: String {
        @inline(__always) func special(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        guard utf8.contains(where: special) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Small formatting done on every page, without `String(format:)` (slow on Linux).
enum Fast {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lowercase hexadecimal, two digits a byte.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A coordinate in a chart to one decimal ("12.5"), rounding half to even on the tenths.
    static func tenths(_ value: Double) -> String {
        let scaled = (value * 10).rounded(.toNearestOrEven)
        guard scaled.isFinite, abs(scaled) < 1e15 else { return String(format: "%.1f", value) }
        let n = Int(scaled)
        let magnitude = n.magnitude
        return (n < 0 ? "-" : "") + "\(magnitude / 10).\(magnitude % 10)"
    }
}

// Plot writes attribute values as they are, and leaves text that looks like an HTML entity alone.
// So every string that can hold user data goes through these helpers, which escape it completely.
extension Node {
    /// Text, fully escaped.
    static func txt(_ text: String) -> Node { .raw(text.htmlEscaped) }

    /// An attribute with a fully escaped value, written out even when empty.
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(Attribute<Context>(name: name, value: value.htmlEscaped, ignoreIfValueIsEmpty: false))
    }

    /// A boolean attribute such as `required` or `checked`, present only when `on`.
    static func flag(_ name: String, _ on: Bool = true) -> Node {
        on ? .attribute(Attribute<Context>(name: name, value: nil, ignoreIfValueIsEmpty: false)) : .empty
    }

    /// A link to one of the app's own pages.
    static func link(_ url: SiteURL, query: [(String, String)] = []) -> Node {
        .attr("href", url.path(query))
    }
}

/// Elements Plot's typed API makes awkward (form controls, options), built in the body context
/// with escaped attributes.
enum Tag {
    typealias Attributes = [(String, String?)]

    static func element(_ name: String, _ attributes: Attributes = [], _ children: [BodyNode] = []) -> BodyNode {
        .element(named: name, nodes: attributeNodes(attributes) + children)
    }

    static func void(_ name: String, _ attributes: Attributes) -> BodyNode {
        .selfClosedElement(named: name, attributes: attributes.compactMap(attribute))
    }

    private static func attributeNodes(_ attributes: Attributes) -> [BodyNode] {
        attributes.compactMap(attribute).map { .attribute($0) }
    }

    /// nil value: a boolean attribute.
    private static func attribute(_ pair: (String, String?)) -> Attribute<HTML.BodyContext>? {
        Attribute(name: pair.0, value: pair.1?.htmlEscaped, ignoreIfValueIsEmpty: false)
    }
}
