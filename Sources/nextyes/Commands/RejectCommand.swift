import ArgumentParser
import NextYesCore
import NextYesInsights
import NextYesFeatures

struct RejectCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Log a rejection, with the reason and how it felt.",
        discussion: """
            The application keeps the furthest stage it reached. A short processing window \
            (two days by default) opens: time to feel it before turning to what's next.

            Categories: \(RejectionCategory.idList).
            skills-gap, interview-performance and application-materials count as in your \
            control, experience-level as partly, the rest as out of your control; \
            --controllable overrides that reading. Without --category, NextYes reads the reason \
            (a pasted rejection e-mail works too) and suggests one.

            Examples:
              nextyes reject 3
              nextyes reject 3 --reason "Internal hire" --category internal-candidate
              nextyes reject 5 --on 2026-11-18 --category skills-gap \\
                --feeling disappointed --feeling tired --intensity 6
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The application's id (see nextyes list).") var id: Int
    @Option(help: ArgumentHelp("The day you heard (default: today).", valueName: "YYYY-MM-DD")) var on: String?
    @Option(help: "The reason they gave, in their words.") var reason: String?
    @Option(help: ArgumentHelp("Why, as a category (see above).", valueName: "category")) var category: String?
    @Option(help: ArgumentHelp("Override whether it was in your control: yes, partly or no.", valueName: "yes|partly|no")) var controllable: String?
    @Option(name: .customLong("stage"), help: ArgumentHelp("The stage you reached, if later than the one tracked.", valueName: "stage")) var stageReached: String?
    @Option(name: .customLong("feeling"), help: ArgumentHelp("A word for how it feels (repeat for more).", valueName: "word")) var feelings: [String] = []
    @Option(help: "How strongly, 1 to 10.") var intensity: String?
    @Option(help: "A private note on how you're feeling; it goes into your journal.") var note: String?

    var writtenText: [String?] { [reason, note] + feelings }

    func run(workspace: Workspace) async throws {
        let form = RejectionForm(
            on: on ?? "", stageReached: stageReached ?? "", reason: reason ?? "", category: category ?? "",
            controllable: controllable ?? "", feelings: feelings, intensity: intensity ?? "")
        let (application, rejection) = try await workspace.applications.reject(id, form, note: note)
        Console.out("""
            Logged \(application.company)'s no for \(application.role), at \(rejection.stageReached.title.lowercased()).
            However it feels, it's okay to feel it. Give yourself until \(rejection.processingEndsOn.readable) before turning to what's next.
            \(rejection.category.title)\(rejection.category.isUnclear ? "" : " (\(rejection.controllable.title.lowercased()))"): \(rejection.category.explanation)
            When you're ready: nextyes feedback request \(application.id)
            """)
    }
}
