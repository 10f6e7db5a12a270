/// Keys of the free-form settings stored beside the preferences.
public enum SettingKey {
    /// The person's name, to sign drafted e-mails.
    public static let displayName = "display_name"
    /// "off" turns the wellbeing watch off; on by default.
    public static let wellbeingWatch = "wellbeing_watch"
    /// A helpline the person chose for their country.
    public static let helpline = "helpline"
    /// "on" includes the mood trend in the career report; off by default.
    public static let reportWellbeing = "report_wellbeing"
    /// The secret in the calendar feed's address.
    public static let calendarToken = "calendar_token"
    /// The last day something the person wrote carried crisis language (YYYY-MM-DD); empty once
    /// they resume their targets. Never shared with anyone.
    public static let careNoticedOn = "care_noticed_on"
    /// The person's country (ISO 3166 code), for the crisis lines NextYes shows.
    public static let country = "country"
}
