/// The person's own settings for the rules that have a number in them.
public struct Preferences: Hashable, Sendable, Codable {
    /// Days after a rejection that the dashboard keeps a gentle, supportive focus.
    public var processingWindowDays: Int
    /// Days without any event before NextYes asks whether an application was ghosted.
    public var ghostedAfterDays: Int
    /// Days without news before the agenda suggests following up on an application.
    public var followUpAfterDays: Int

    public init(processingWindowDays: Int = 2, ghostedAfterDays: Int = 21, followUpAfterDays: Int = 7) {
        self.processingWindowDays = processingWindowDays
        self.ghostedAfterDays = ghostedAfterDays
        self.followUpAfterDays = followUpAfterDays
    }

    public static let standard = Preferences()

    public static let processingWindowRange = 0...14
    public static let ghostedAfterRange = 1...365
    public static let followUpAfterRange = 1...60

    public func validated() throws -> Preferences {
        var errors = ValidationErrors()
        if !Preferences.processingWindowRange.contains(processingWindowDays) {
            errors.add("processingWindowDays", "The processing window is between 0 and 14 days.")
        }
        if !Preferences.ghostedAfterRange.contains(ghostedAfterDays) {
            errors.add("ghostedAfterDays", "Ask about ghosting after 1 to 365 days without news.")
        }
        if !Preferences.followUpAfterRange.contains(followUpAfterDays) {
            errors.add("followUpAfterDays", "Suggest a follow-up after 1 to 60 days without news.")
        }
        if !errors.isEmpty { throw errors }
        return self
    }
}
