import Foundation
import NextYesCore
import NextYesInsights
import NextYesStore

/// Looking after the person when what they write carries crisis language: support comes first,
/// everywhere they write, and nothing they wrote is changed, blocked or shared.
///
/// Every adapter (web, command line) calls `noticed(in:)` after it saves free text; when the
/// answer is a card, the adapter shows that card before anything else.
public struct Care: Sendable {
    let store: Store
    /// The process environment, read for the system locale's region when the person has not
    /// chosen a country.
    public let environment: [String: String]

    public init(store: Store, environment: [String: String]) {
        self.store = store
        self.environment = environment
    }

    /// Reads what the person just saved. When any of it carries crisis language, remembers the
    /// day (the wellbeing watch shows it at once, and targets and nudges pause) and returns the
    /// support card to show first. The texts themselves are never altered.
    ///
    /// The card never depends on a write: when the database is busy (another program holds it),
    /// the card is still shown, with the crisis lines for the system's country if even the
    /// person's settings can't be read, and only the pause waits for the next save.
    public func noticed(in texts: [String?]) async -> SupportCard? {
        guard CrisisReader.anyCrisis(texts) else { return nil }
        var card = (try? await self.card()) ?? SupportCard.make(ownHelpline: nil, countryCode: HelplineDirectory.region(environment: environment))
        card.paused = (try? await store.preferences.setValue(store.clock.today, for: SettingKey.careNoticedOn)) != nil
        return card
    }

    /// The support card with the person's own helpline and their country's crisis lines.
    public func card() async throws -> SupportCard {
        SupportCard.make(ownHelpline: try await store.preferences.value(SettingKey.helpline), countryCode: try await countryCode())
    }

    /// The country whose crisis lines are shown: the person's setting, else the system locale.
    public func countryCode() async throws -> String? {
        if let chosen = try await store.preferences.value(SettingKey.country) { return chosen }
        return HelplineDirectory.region(environment: environment)
    }

    /// The country the person chose, if any.
    public func chosenCountry() async throws -> String? {
        try await store.preferences.value(SettingKey.country)
    }

    /// Chooses the country for crisis lines; nil or "" goes back to the system locale.
    public func setCountry(_ code: String?) async throws {
        let clean = code?.trimmingCharacters(in: .whitespaces).uppercased() ?? ""
        guard clean.isEmpty || HelplineDirectory.country(clean) != nil else {
            throw ValidationErrors([FieldError("country", "NextYes has no crisis lines listed for \"\(FormRules.quote(clean))\". Choose one of: \(HelplineDirectory.countries.map(\.code).joined(separator: ", ")), or leave it empty for the international list.")])
        }
        try await store.preferences.setValue(clean, for: SettingKey.country)
    }

    public func state() async throws -> CareState {
        CareState(noticedOn: try await store.preferences.value(SettingKey.careNoticedOn))
    }

    /// Whether targets, nudges and reminders are paused today.
    public func isPaused() async throws -> Bool {
        try await state().isPaused(today: store.clock.today)
    }

    /// The person chooses to see their targets and reminders again.
    public func resume() async throws {
        try await store.preferences.setValue(nil, for: SettingKey.careNoticedOn)
    }
}
