import Foundation

/// Cleaning for text a person typed or pasted.
public enum Text {
    /// Trims surrounding whitespace and removes control characters other than newlines and tabs
    /// (a NUL byte, for one, cannot be stored in PostgreSQL text). Returns nil for an empty result.
    public static func clean(_ raw: String?) -> String? {
        guard let raw else { return nil }
        var scalars = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                scalars.append(scalar)
            } else if scalar == "\r" {
                continue  // Normalise Windows line endings to "\n".
            } else if scalar.properties.generalCategory == .control {
                continue
            } else {
                scalars.append(scalar)
            }
        }
        let cleaned = String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// Like `clean`, and also folds any run of whitespace (newlines included) to one space.
    public static func cleanLine(_ raw: String?) -> String? {
        guard let cleaned = clean(raw) else { return nil }
        return cleaned.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Ends a sentence with a full stop, unless it already ends with one: a company named
    /// "Tailspin Toys, Inc." closes "Saved BI Developer at Tailspin Toys, Inc." once, not twice.
    /// Every sentence that ends on a name goes through here.
    public static func sentence(_ text: String) -> String {
        guard let last = text.last(where: { !$0.isWhitespace }) else { return text }
        return ".!?…".contains(last) ? text : text + "."
    }
}

/// Upper bounds that keep one field from swallowing the database or the page.
public enum Limits {
    public static let name = 200
    public static let url = 2_000
    public static let salary = 200
    public static let notes = 20_000
    public static let jobDescription = 100_000
    public static let reason = 5_000
    public static let feelingWord = 30
    public static let feelingCount = 5
}
