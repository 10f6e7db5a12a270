import ArgumentParser

@main
struct NextYes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nextyes",
        abstract: "A private job-search companion that turns every rejection into a plan.",
        discussion: """
            NextYes keeps your applications, their stages and every "no" in one SQLite file on \
            your own machine (by default ~/.local/share/nextyes/nextyes.sqlite).

            Start here:
              nextyes serve                      open the app in your browser
              nextyes add --company Acme --role "Data Analyst"
              nextyes list
              nextyes demo --database /tmp/demo.sqlite   explore with sample data
              nextyes mcp                        let your own AI assistant read your search

            Every command takes --database PATH (or NEXTYES_DATABASE); DATABASE_URL=postgres://... \
            runs the same commands against a PostgreSQL server.
            """,
        version: "0.1.0",
        subcommands: [
            AddCommand.self, EditCommand.self, MoveCommand.self, RejectCommand.self,
            GhostedCommand.self, WithdrawCommand.self, ReopenCommand.self,
            AcceptCommand.self, DeclineCommand.self, DeleteCommand.self,
            ListCommand.self, ShowCommand.self, FeedbackCommand.self, InsightsCommand.self, SkillsCommand.self, ProfileCommand.self, PlanCommand.self,
            TargetsCommand.self, ContactsCommand.self, InterviewsCommand.self, AgendaCommand.self, StoriesCommand.self, PracticeCommand.self,
            JournalCommand.self, WinsCommand.self, SupportCommand.self,
            ReportCommand.self, ImportCommand.self, MailCommand.self, PostingCommand.self, ExportCommand.self, RestoreCommand.self,
            DemoCommand.self, ServeCommand.self, APICommand.self, MCPCommand.self,
            MigrateCommand.self, AccountsCommand.self, SharingCommand.self,
        ]
    )

    /// Accepts the global `--database PATH` before the subcommand too (`nextyes --database x list`),
    /// by moving it after the subcommand's name, where each subcommand declares it.
    static func main() async {
        await main(globalOptionsMovedAfterSubcommand(Array(CommandLine.arguments.dropFirst())))
    }

    static func globalOptionsMovedAfterSubcommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--database", index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if argument.hasPrefix("--database=") {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
