import MCP
import NextYesCore

/// One input of a tool: its JSON schema for the assistant, and the type check that runs before
/// the form's own rules. Values are checked for shape here (text, a whole number, a list of
/// words); what they mean is checked by the same forms the web app and the command line use.
struct ToolParameter: Sendable {
    enum Kind: Sendable {
        case text
        case wholeNumber
        case words
    }

    var name: String
    var kind: Kind
    var description: String
    var required = false
    /// The accepted values, listed in the schema so an assistant can choose; the form still says
    /// what is wrong when another arrives.
    var choices: [String]? = nil
    var minimum: Int? = nil
    var maximum: Int? = nil

    var schema: Value {
        var property: [String: Value] = ["description": .string(description)]
        switch kind {
        case .text: property["type"] = "string"
        case .wholeNumber: property["type"] = "integer"
        case .words: property["type"] = "array"; property["items"] = ["type": "string"]
        }
        if let choices { property["enum"] = .array(choices.map(Value.string)) }
        if let minimum { property["minimum"] = .int(minimum) }
        if let maximum { property["maximum"] = .int(maximum) }
        return .object(property)
    }

    /// A date input, checked as the forms check dates.
    static func day(_ name: String, _ description: String) -> ToolParameter {
        ToolParameter(name: name, kind: .text, description: description + " As YYYY-MM-DD.")
    }

    /// The application an action is about.
    static let applicationID = ToolParameter(
        name: "id", kind: .wholeNumber, description: "The application's id (list_applications shows them).", required: true, minimum: 1)
}

/// A tool call's arguments once their shapes are checked against the tool's parameters.
struct ToolArguments: Sendable {
    private let values: [String: Value]

    /// Checks every argument against the parameters and lists every problem at once, as the forms do.
    init(_ raw: [String: Value], for tool: String, parameters: [ToolParameter]) throws(ValidationErrors) {
        var errors = ValidationErrors()
        var values: [String: Value] = [:]
        let known = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0) })
        for (name, value) in raw.sorted(by: { $0.key < $1.key }) {
            guard let parameter = known[name] else {
                let names = parameters.map(\.name)
                errors.add(name, names.isEmpty
                    ? "\(tool) takes no arguments; leave out \"\(FormRules.quote(name))\"."
                    : "\(tool) has no argument called \"\(FormRules.quote(name))\". It takes: \(names.joined(separator: ", ")).")
                continue
            }
            if value.isNull { continue }
            switch parameter.kind {
            case .text:
                switch value {
                case .string: values[name] = value
                // A number where text is expected reads as the same digits (a salary of 50000).
                case .int(let number): values[name] = .string(String(number))
                case .double(let number): values[name] = .string(number.formatted())
                default: errors.add(name, "\"\(name)\" is text, such as \"\(Self.example(parameter))\".")
                }
            case .wholeNumber:
                switch value {
                case .int: values[name] = value
                case .double(let number) where number == number.rounded() && abs(number) < 1e15:
                    values[name] = .int(Int(number))
                // Digits sent as text are fine; anything else goes on to the form, which says what to type.
                case .string: values[name] = value
                default: errors.add(name, "\"\(name)\" is a whole number\(Self.range(parameter)).")
                }
            case .words:
                switch value {
                case .string(let one): values[name] = .array([.string(one)])
                case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): values[name] = value
                default: errors.add(name, "\"\(name)\" is a list of words, such as [\"tired\", \"hopeful\"].")
                }
            }
        }
        for parameter in parameters where parameter.required && values[parameter.name] == nil && errors[parameter.name] == nil {
            errors.add(parameter.name, "\(tool) needs \"\(parameter.name)\": \(parameter.description)")
        }
        if !errors.isEmpty { throw errors }
        self.values = values
    }

    /// Text as typed, or "" when it was left out (the forms treat both the same way).
    func text(_ name: String) -> String {
        switch values[name] {
        case .string(let text): text
        case .int(let number): String(number)
        default: ""
        }
    }

    /// Text, or nil when it was left out or is blank.
    func optionalText(_ name: String) -> String? {
        let raw = text(name)
        return raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : raw
    }

    func words(_ name: String) -> [String] {
        values[name]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// A whole number such as an id, with the message to show when it isn't one.
    func number(_ name: String, _ problem: String) throws(ValidationErrors) -> Int? {
        switch values[name] {
        case nil: return nil
        case .int(let number): return number
        case .string(let raw):
            if let number = Int(raw.trimmingCharacters(in: .whitespaces)) { return number }
            throw ValidationErrors([FieldError(name, problem)])
        default: throw ValidationErrors([FieldError(name, problem)])
        }
    }

    private static func example(_ parameter: ToolParameter) -> String {
        parameter.choices?.first ?? "…"
    }

    private static func range(_ parameter: ToolParameter) -> String {
        switch (parameter.minimum, parameter.maximum) {
        case (let low?, let high?): " from \(low) to \(high)"
        case (let low?, nil): " from \(low) up"
        default: ""
        }
    }
}
