import Foundation
import NextYesCore

/// A setting stored beside the preferences, with its type: how its text is read, and what it is
/// when it was never set. Every setting is declared once, in `SettingKey`.
public struct Setting<Value: Sendable>: Sendable {
    public let key: String
    let read: @Sendable (String?) -> Value
    let write: @Sendable (Value) -> String

    init(_ key: String, read: @escaping @Sendable (String?) -> Value, write: @escaping @Sendable (Value) -> String) {
        self.key = key
        self.read = read
        self.write = write
    }

    /// A line of text; empty reads as not set.
    static func text(_ key: String) -> Setting<String?> {
        Setting<String?>(key, read: { $0.flatMap { $0.isEmpty ? nil : $0 } }, write: { $0 ?? "" })
    }

    /// On or off, stored as "on" / "off".
    static func flag(_ key: String, default standard: Bool) -> Setting<Bool> {
        Setting<Bool>(key, read: { raw in
            switch raw {
            case "on": true
            case "off": false
            default: standard
            }
        }, write: { $0 ? "on" : "off" })
    }

    /// A calendar day (YYYY-MM-DD); empty reads as not set.
    static func day(_ key: String) -> Setting<Day?> {
        Setting<Day?>(key, read: { $0.flatMap(Day.init) }, write: { $0?.description ?? "" })
    }

    /// A list of short texts, stored as a JSON array.
    static func list(_ key: String) -> Setting<[String]> {
        Setting<[String]>(key, read: { raw in
            guard let data = raw?.data(using: .utf8) else { return [] }
            return (try? JSONDecoder().decode([String].self, from: data)) ?? []
        }, write: { list in String(decoding: (try? JSONEncoder().encode(list)) ?? Data("[]".utf8), as: UTF8.self) })
    }

    /// A list of row ids, comma-separated.
    static func ids(_ key: String) -> Setting<[Int]> {
        Setting<[Int]>(key, read: { ($0 ?? "").split(separator: ",").compactMap { Int($0) } },
                       write: { $0.map(String.init).joined(separator: ",") })
    }
}

/// Every free-form setting NextYes keeps, each with its type.
public enum SettingKey {
    /// The person's name, to sign drafted e-mails.
    public static let displayName = Setting<String?>.text("display_name")
    /// The wellbeing watch; on by default.
    public static let wellbeingWatch = Setting<Bool>.flag("wellbeing_watch", default: true)
    /// A helpline the person chose for their country.
    public static let helpline = Setting<String?>.text("helpline")
    /// The mood trend in the career report; off by default.
    public static let reportWellbeing = Setting<Bool>.flag("report_wellbeing", default: false)
    /// The secret in the calendar feed's address.
    public static let calendarToken = Setting<String?>.text("calendar_token")
    /// The last day something the person wrote carried crisis language; not set once they resume
    /// their targets. Never shared with anyone.
    public static let careNoticedOn = Setting<Day?>.day("care_noticed_on")
    /// The person's country (ISO 3166 code), for the crisis lines NextYes shows.
    public static let country = Setting<String?>.text("country")
    /// The applications the sample search added, so it can be taken out again.
    public static let sampleApplicationIDs = Setting<[Int]>.ids("sample_application_ids")
    /// The career targets in the profile.
    static let targetRoles = Setting<[String]>.list("profile_roles")
    static let targetIndustries = Setting<[String]>.list("profile_industries")
    static let targetValues = Setting<[String]>.list("profile_values")
    static let targetInterests = Setting<[String]>.list("profile_interests")
    static let targetStrengths = Setting<[String]>.list("profile_strengths")
    /// The profile skills the sample search added.
    public static let sampleSkillIDs = Setting<[Int]>.ids("sample_profile_skill_ids")
}
