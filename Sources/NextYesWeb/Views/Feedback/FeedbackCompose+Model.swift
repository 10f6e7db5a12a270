import NextYesCore
import NextYesInsights

enum FeedbackCompose {
    struct Model {
        var chrome: PageChrome
        var application: JobApplication
        var variant: FeedbackRequestVariant
        var contactName: String
        var contactEmail: String
        var draft: EmailDraft
        var today: Day
        var errors: ValidationErrors?
        var usedReflection: Bool
    }
}
