/// A share that stays honest with small numbers: below `minimumForPercent` it reads "3 of 4",
/// never "75%".
public struct Share: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let minimumForPercent = 5

    public var part: Int
    public var whole: Int

    public init(_ part: Int, of whole: Int) {
        self.part = part
        self.whole = whole
    }

    public var isTooFewToTell: Bool { whole < Self.minimumForPercent }

    /// The percentage, or nil when there are too few to tell.
    public var percent: Int? {
        guard !isTooFewToTell, whole > 0 else { return nil }
        return Int((Double(part) * 100 / Double(whole)).rounded())
    }

    public var fraction: Double { whole == 0 ? 0 : Double(part) / Double(whole) }

    public var description: String {
        if let percent { return "\(part) of \(whole) (\(percent)%)" }
        if whole == 0 { return "none yet" }
        return "\(part) of \(whole) (too few to tell yet)"
    }
}
