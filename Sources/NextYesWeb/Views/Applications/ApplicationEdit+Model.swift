import NextYesCore

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

        var isNew: Bool {
            if case .new = mode { return true }
            return false
        }
    }
}
