import Plot

typealias BodyNode = Node<HTML.BodyContext>

extension String {
    /// Escaped for HTML text and for a double- or single-quoted attribute value.
    public var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
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
