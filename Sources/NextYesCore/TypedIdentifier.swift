/// Ids people type on the command line or in a file: "Final Round", "final_round" and
/// " final-round " all name the same thing.
public protocol TypedIdentifier: RawRepresentable, CaseIterable where RawValue == String {}

extension TypedIdentifier {
    /// Trimmed, lower-cased, with spaces and underscores as hyphens.
    public static func key(_ typed: String) -> String {
        typed.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
    }

    public init?(id: String) { self.init(rawValue: Self.key(id)) }

    /// Every id, for messages that say what to type.
    public static var idList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
