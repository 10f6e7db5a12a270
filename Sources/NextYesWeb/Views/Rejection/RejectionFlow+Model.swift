import NextYesCore

/// The guided flow for logging a rejection: acknowledge, what happened, in your control or not,
/// what's next. Nothing is saved until the third step is sent.
enum RejectionFlow {
    enum Step: Int, CaseIterable {
        case acknowledge = 1, happened, control, next

        var title: String {
            switch self {
            case .acknowledge: "Acknowledge"
            case .happened: "What happened"
            case .control: "In your control?"
            case .next: "What's next"
            }
        }
    }

    struct Model {
        var chrome: PageChrome
        var application: JobApplication
        var today: Day
        var windowDays: Int
        var form: RejectionForm
        var errors: ValidationErrors?
        /// A category read from the stated reason, to preselect.
        var suggested: RejectionCategory?
        /// A private note for the journal.
        var note: String = ""
    }

    struct NextModel {
        var chrome: PageChrome
        var application: JobApplication
        var rejection: Rejection
        var today: Day
        var wins: [Win] = []
        var affirmations: [String] = []

        var isProcessing: Bool { rejection.isProcessing(today: today) }
    }
}
