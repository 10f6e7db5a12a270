import NextYesCore
import NextYesInsights

enum ApplicationShow {
    struct Model {
        var chrome: PageChrome
        var application: JobApplication
        var timeline: [ApplicationEvent]
        var rejection: Rejection?
        var today: Day
        /// Days without news, when that is long enough to ask "ghosted?".
        var silentDays: Int?
        var problem: String?
        var contacts: [Contact] = []
        var requests: [FeedbackRequest] = []
        var feedback: [(item: Feedback, analysis: FeedbackAnalysis)] = []
        var reflection: Reflection?
        /// The one follow-up, drafted, for requests a week past sending with no answer.
        var followUps: [Int: EmailDraft] = [:]
        /// A one-line reply asking for one specific point, for general feedback.
        var specificFollowUp: String = ""
        /// The skills the job description asks for, against the profile.
        var skills: ApplicationSkills?
        /// Where each recognised skill sits in the job description, in characters.
        var skillSpans: [Range<Int>] = []
        var rounds: [InterviewRound] = []
        /// Everyone in the contacts list, to pick interviewers from.
        var allContacts: [Contact] = []

        var isProcessing: Bool { rejection.map { application.outcome == .rejected && $0.isProcessing(today: today) } ?? false }
        var movableStages: [Stage] { Stage.allCases.filter { $0 != application.stage } }
        var suggestedNextStage: Stage {
            Stage.allCases.first { $0 > application.stage } ?? application.stage
        }
    }
}
