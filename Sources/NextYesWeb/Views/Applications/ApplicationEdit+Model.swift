import NextYesCore
import NextYesFeatures

enum ApplicationEdit {
    enum Mode {
        case new
        case edit(JobApplication)
    }

    struct Model {
        var chrome: PageChrome
        var mode: Mode
        var form: ApplicationForm
        var errors: ValidationErrors?
        var today: Day
        /// When the form was filled from a posting: what was found, and where.
        var draft: Capture.PostingDraft? = nil

        var isNew: Bool {
            if case .new = mode { return true }
            return false
        }
    }
}
