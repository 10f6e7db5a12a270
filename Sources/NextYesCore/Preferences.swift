/// The person's own settings for the rules that have a number in them.
public struct Preferences: Hashable, Sendable, Codable {
    /// Days after a rejection that the dashboard keeps a gentle, supportive focus.
    public var processingWindowDays: Int
    /// Days without any event before NextYes asks whether an application was ghosted.
    public var ghostedAfterDays: Int

    public init(processingWindowDays: Int = 2, ghostedAfterDays: Int = 21) {
        self.processingWindowDays = processingWindowDays
        self.ghostedAfterDays = ghostedAfterDays
    }

    public static let standard = Preferences()

    public static let processingWindowRange = 0...14
    public static let ghostedAfterRange = 1...365

    public func validated() throws -> Preferences {
        var errors = ValidationErrors()
        if !Preferences.processingWindowRange.contains(processingWindowDays) {
            errors.add("processingWindowDays", "The processing window is between 0 and 14 days.")
        }
        if !Preferences.ghostedAfterRange.contains(ghostedAfterDays) {
            errors.add("ghostedAfterDays", "Ask about ghosting after 1 to 365 days without news.")
        }
        if !errors.isEmpty { throw errors }
        return self
    }
}
