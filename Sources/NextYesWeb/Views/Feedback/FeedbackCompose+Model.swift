import NextYesCore
import NextYesInsights

enum FeedbackCompose {
    struct Model {
        var chrome: PageChrome
        var application: JobApplication
        var variant: FeedbackRequestVariant
        var contactName: String
        var contactEmail: String
        /// The e-mail as it stands: NextYes's draft, or the person's edited text after a post.
        var draft: EmailDraft
        var today: Day
        var errors: ValidationErrors?
        var usedReflection: Bool
        /// The name that signs the e-mail; nil until the person gives it, and then it is asked for here.
        var senderName: String?
        /// What the person typed as their name, kept when the form comes back with an error.
        var typedName: String = ""
    }
}
