import Foundation
import MCP
import NextYesCore
import NextYesInsights
import Testing

/// `nextyes mcp` as an assistant meets it: the real binary on the sample search, an MCP client on
/// its standard input and output, and the command line to check what each tool did.
@Suite(.serialized)
struct MCPServerTests {
    static let readTools: Set = ["list_applications", "show_application", "read_insights", "read_report", "list_agenda"]
    static let writeTools: Set = ["add_application", "move_application", "log_rejection", "record_feedback", "add_journal_entry"]
    static let crisis = "I don't want to be alive anymore."
    static let cardTitle = SupportCard.make(ownHelpline: nil, countryCode: nil).title
    /// Any day will do for the form messages these tests compare.
    static let someDay = Day("2026-01-01")!

    /// Runs the body with a server on its own sample search, and stops the server afterwards.
    func withSession(allowWrites: Bool, _ body: (AssistantSession) async throws -> Void) async throws {
        let session = try await AssistantSession(allowWrites: allowWrites)
        do {
            try await body(session)
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }

    // MARK: Listing

    @Test func initialisesAndListsEveryToolWithItsSchemaAndBothResources() async throws {
        try await withSession(allowWrites: false) { session in
            #expect(session.initialized.serverInfo.name == "nextyes")
            #expect(session.initialized.capabilities.tools != nil)
            #expect(session.initialized.capabilities.resources != nil)

            let (tools, _) = try await session.client.listTools()
            #expect(Set(tools.map(\.name)) == Self.readTools.union(Self.writeTools))
            for tool in tools {
                let schema = try #require(tool.inputSchema.objectValue, "\(tool.name) has no schema")
                #expect(schema["type"] == "object")
                #expect(schema["properties"]?.objectValue != nil)
                let writes = Self.writeTools.contains(tool.name)
                // Writing tools are listed even when read-only, marked in their description.
                #expect((tool.description ?? "").contains("--allow-writes") == writes, "\(tool.name)")
                #expect(tool.annotations.readOnlyHint == !writes, "\(tool.name)")
            }
            let add = try #require(tools.first { $0.name == "add_application" })
            #expect(add.inputSchema.objectValue?["required"] == ["company", "role"])
            let stage = add.inputSchema.objectValue?["properties"]?.objectValue?["stage"]?.objectValue
            #expect(stage?["enum"]?.arrayValue?.compactMap(\.stringValue) == Stage.allCases.map(\.rawValue))
            let show = try #require(tools.first { $0.name == "show_application" })
            #expect(show.inputSchema.objectValue?["required"] == ["id"])

            let (resources, _) = try await session.client.listResources()
            #expect(Set(resources.map(\.uri)) == ["nextyes://report", "nextyes://insights"])
            #expect(resources.allSatisfy { $0.mimeType == "application/json" })
        }
    }

    @Test func resourcesAreTheSameDocumentsAsTheCommandLinePrints() async throws {
        try await withSession(allowWrites: false) { session in
            let insights = try await session.client.readResource(uri: "nextyes://insights")
            #expect(try insights.first?.text == session.cliOut(["insights", "--json"]).trimmingCharacters(in: .newlines))
            let report = try await session.client.readResource(uri: "nextyes://report")
            #expect(try report.first?.text == session.cliOut(["report", "--format", "json"]).trimmingCharacters(in: .newlines))
            #expect(report.first?.text?.contains("Adventure Works") == true)
            await #expect(throws: (any Error).self) { try await session.client.readResource(uri: "nextyes://journal") }
        }
    }

    @Test func standardOutputCarriesOnlyProtocolMessagesAndTheServerEndsWithItsInput() async throws {
        try await withSession(allowWrites: false) { session in
            let messages = [
                #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
                #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
            ]
            let result = try AssistantSession.run(["mcp", "--database", session.database], home: session.folder,
                                                  input: messages.joined(separator: "\n") + "\n")
            #expect(result.code == 0, "\(result.err)")
            let lines = result.out.split(separator: "\n")
            var answers: [Int: String] = [:]
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["jsonrpc"] as? String == "2.0", "not a protocol message: \(line)")
                if let id = object?["id"] as? Int { answers[id] = String(line) }
            }
            // Both requests answered (in either order), though the input ended right after them.
            #expect(lines.count == 2, "\(result.out)")
            #expect(answers[1]?.contains("serverInfo") == true, "\(result.out)")
            #expect(answers[2]?.contains("list_applications") == true, "\(result.out)")
            #expect(result.err.contains("read-only"))
        }
    }

    // MARK: Reading

    @Test func listApplicationsFiltersSearchesAndPagesTheSampleSearch() async throws {
        try await withSession(allowWrites: false) { session in
            let cliList = try #require(try session.cliJSON(["list", "--json"]) as? [[String: Any]])

            let all = try await session.call("list_applications")
            #expect(!all.isError)
            let page = try all.object()
            let rows = try #require(page["applications"] as? [[String: Any]])
            #expect(page["matching"] as? Int == 25)
            #expect(page["total"] as? Int == 25)
            #expect(rows.compactMap { $0["id"] as? Int } == cliList.compactMap { $0["id"] as? Int })
            let companies = Set(rows.compactMap { $0["company"] as? String })
            #expect(companies.isSuperset(of: ["Northwind Analytics", "Bluebird Health", "Adventure Works", "Nod Publishers"]))

            let rejected = try await session.call("list_applications", ["outcome": "rejected"]).object()
            let rejectedRows = try #require(rejected["applications"] as? [[String: Any]])
            let cliRejected = try #require(try session.cliJSON(["list", "--outcome", "rejected", "--json"]) as? [[String: Any]])
            #expect(rejectedRows.count == cliRejected.count)
            #expect(rejectedRows.allSatisfy { $0["outcome"] as? String == "rejected" && $0["rejection"] != nil })

            let search = try await session.call("list_applications", ["search": "woodgrove"]).object()
            let found = try #require(search["applications"] as? [[String: Any]])
            #expect(found.compactMap { $0["company"] as? String } == ["Woodgrove Bank"])

            let first = try await session.call("list_applications", ["limit": 10]).object()
            let second = try await session.call("list_applications", ["limit": 10, "offset": 10]).object()
            let third = try await session.call("list_applications", ["limit": 10, "offset": 20]).object()
            #expect(first["nextOffset"] as? Int == 10)
            #expect(third["nextOffset"] == nil)
            let pagedIDs = [first, second, third].flatMap { ($0["applications"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } }
            #expect(pagedIDs == cliList.compactMap { $0["id"] as? Int })

            let wrongOutcome = try await session.call("list_applications", ["outcome": "maybe"])
            #expect(wrongOutcome.isError)
            #expect(wrongOutcome.text == "\"maybe\" is not an outcome. Use one of: \(Outcome.idList).")
            let tooMany = try await session.call("list_applications", ["limit": 1000])
            #expect(tooMany.isError && tooMany.text.contains("1 to 100"))
            let unknown = try await session.call("list_applications", ["company": "Acme"])
            #expect(unknown.isError && unknown.text.contains("has no argument called \"company\""))
        }
    }

    @Test func showApplicationIsTheSameAsShowJSONWithItsTimeline() async throws {
        try await withSession(allowWrites: false) { session in
            let shown = try await session.call("show_application", ["id": 8])
            #expect(!shown.isError)
            #expect(try shown.text == session.cliOut(["show", "8", "--json"]).trimmingCharacters(in: .newlines))
            let object = try shown.object()
            #expect(object["company"] as? String == "Adventure Works")
            #expect((object["timeline"] as? [Any])?.isEmpty == false)

            let missing = try await session.call("show_application", ["id": 9999])
            #expect(missing.isError)
            let cliMissing = try session.cli(["show", "9999"])
            #expect(cliMissing.code != 0)
            #expect("nextyes: " + missing.text == cliMissing.err.trimmingCharacters(in: .newlines))
            let noID = try await session.call("show_application")
            #expect(noID.isError && noID.text.contains("\"id\""))
            let wordID = try await session.call("show_application", ["id": "eight"])
            #expect(wordID.isError && wordID.text.contains("list_applications"))
        }
    }

    @Test func insightsReportAndAgendaAreTheCommandLinesFigures() async throws {
        try await withSession(allowWrites: false) { session in
            let insights = try await session.call("read_insights")
            #expect(!insights.isError)
            #expect(try insights.text == session.cliOut(["insights", "--json"]).trimmingCharacters(in: .newlines))
            let summary = try #require(try insights.object()["summary"] as? [String: Any])
            #expect(summary["applications"] as? Int == 25)

            let report = try await session.call("read_report")
            #expect(try report.text == session.cliOut(["report", "--format", "json"]).trimmingCharacters(in: .newlines))
            let period = try await session.call("read_report", ["from": "2026-09-01", "to": "2026-10-31"])
            #expect(try period.text == session.cliOut(["report", "--format", "json", "--from", "2026-09-01", "--to", "2026-10-31"]).trimmingCharacters(in: .newlines))
            let backwards = try await session.call("read_report", ["from": "2026-10-31", "to": "2026-09-01"])
            #expect(backwards.isError && backwards.text.contains("Swap the two days"))

            let agenda = try await session.call("list_agenda")
            #expect(!agenda.isError)
            #expect(try agenda.text == session.cliOut(["agenda", "--json"]).trimmingCharacters(in: .newlines))
            let month = try await session.call("list_agenda", ["days": 30])
            #expect(try month.text == session.cliOut(["agenda", "--json", "--days", "30"]).trimmingCharacters(in: .newlines))
            let year = try await session.call("list_agenda", ["days": 400])
            #expect(year.isError)
        }
    }

    // MARK: Writing

    @Test func writesAreRefusedWithoutAllowWritesAndChangeNothing() async throws {
        try await withSession(allowWrites: false) { session in
            let before = try session.cliOut(["list", "--json"])
            let calls: [(String, [String: Value])] = [
                ("add_application", ["company": "Zephyr Labs", "role": "Data Analyst"]),
                ("move_application", ["id": 25, "stage": "screening"]),
                ("log_rejection", ["id": 25, "reason": "Internal hire", "category": "internal-candidate"]),
                ("record_feedback", ["id": 8, "text": "Great SQL, but the answers lacked structure."]),
                ("add_journal_entry", ["text": "A calm day.", "mood": 6]),
            ]
            for (tool, arguments) in calls {
                let answer = try await session.call(tool, arguments)
                #expect(answer.isError, "\(tool) wrote without --allow-writes")
                #expect(answer.text.contains("--allow-writes") && answer.text.contains("Nothing was changed"), "\(tool): \(answer.text)")
            }
            #expect(try session.cliOut(["list", "--json"]) == before)
            #expect(try session.cliOut(["feedback", "list", "8"]).contains("lacked structure") == false)
            #expect(try session.cliOut(["journal", "list", "--json"]).contains("A calm day") == false)

            // Words of crisis meet support first, even when the write is refused.
            let crisis = try await session.call("add_journal_entry", ["text": .string(Self.crisis)])
            #expect(crisis.isError)
            #expect(crisis.texts.first?.hasPrefix(Self.cardTitle) == true, "\(crisis.texts)")
            #expect(crisis.texts.count == 2)
        }
    }

    @Test func addMoveRejectAndFeedbackChangeTheSearchAsTheCommandLineSeesIt() async throws {
        try await withSession(allowWrites: true) { session in
            let added = try await session.call("add_application", [
                "company": "Zephyr Labs", "role": "Data Analyst", "source": "referral", "excitement": 4, "location": "Remote",
            ])
            #expect(!added.isError, "\(added.text)")
            #expect(added.texts.first?.hasPrefix("Added Data Analyst at Zephyr Labs") == true)
            let id = try #require(try added.object()["id"] as? Int)
            var shown = try #require(try session.cliJSON(["show", String(id), "--json"]) as? [String: Any])
            #expect(shown["company"] as? String == "Zephyr Labs")
            #expect(shown["source"] as? String == "referral")
            #expect(shown["excitement"] as? Int == 4)
            #expect(shown["stage"] as? String == "applied")

            // The add form's own rules and messages, every problem at once.
            let invalid = try await session.call("add_application", ["company": " ", "role": "Analyst", "excitement": 9, "source": "carrier pigeon"])
            #expect(invalid.isError)
            let formErrors = Self.formMessages { _ = try ApplicationForm(company: " ", role: "Analyst", source: "carrier pigeon", excitement: "9").validatedNew(today: Self.someDay) }
            #expect(!formErrors.isEmpty)
            #expect(invalid.texts == [formErrors.joined(separator: "\n")])

            let moved = try await session.call("move_application", ["id": .int(id), "stage": "screening"])
            #expect(!moved.isError, "\(moved.text)")
            #expect(moved.texts.first == "Moved Data Analyst at Zephyr Labs to screening. The application stood out: well done.")
            shown = try #require(try session.cliJSON(["show", String(id), "--json"]) as? [String: Any])
            #expect(shown["stage"] as? String == "screening")
            let kinds = (shown["timeline"] as? [[String: Any]] ?? []).compactMap { $0["stage"] as? String }
            #expect(kinds.last == "screening")
            let nowhere = try await session.call("move_application", ["id": .int(id), "stage": "nowhere"])
            #expect(nowhere.isError && nowhere.text == "\"nowhere\" is not a stage. Use one of: \(Stage.idList).")

            let reason = "We decided to go with an internal candidate who knows the team."
            let rejected = try await session.call("log_rejection", [
                "id": .int(id), "reason": .string(reason), "category": "internal-candidate", "feelings": ["disappointed", "tired"], "intensity": 6,
            ])
            #expect(!rejected.isError, "\(rejected.text)")
            #expect(rejected.texts.first?.contains("it's okay to feel it") == true)
            shown = try #require(try session.cliJSON(["show", String(id), "--json"]) as? [String: Any])
            #expect(shown["outcome"] as? String == "rejected")
            #expect(shown["furthestStage"] as? String == "screening")
            let rejection = try #require(shown["rejection"] as? [String: Any])
            #expect(rejection["reason"] as? String == reason)
            #expect(rejection["category"] as? String == "internal-candidate")
            #expect(rejection["feelings"] as? [String] == ["disappointed", "tired"])
            let badCategory = try await session.call("log_rejection", ["id": 25, "category": "bad-luck"])
            let categoryErrors = Self.formMessages { _ = try RejectionForm(category: "bad-luck").validated(today: Self.someDay) }
            #expect(badCategory.isError && badCategory.texts == categoryErrors)

            let feedbackText = "Your SQL was strong, but your answers lacked structure; practise the STAR method."
            let feedback = try await session.call("record_feedback", ["id": .int(id), "text": .string(feedbackText)])
            #expect(!feedback.isError, "\(feedback.text)")
            #expect(feedback.texts.first?.hasPrefix("Saved feedback") == true)
            let analysis = try #require(try feedback.object()["analysis"] as? [String: Any])
            #expect(analysis.isEmpty == false)
            #expect(try session.cliOut(["feedback", "list", String(id)]).contains(feedbackText))
            let emptyFeedback = try await session.call("record_feedback", ["id": .int(id), "text": " "])
            #expect(emptyFeedback.isError)
        }
    }

    @Test func journalEntriesAreSavedAndCrisisWordsGetTheSupportCardFirst() async throws {
        try await withSession(allowWrites: true) { session in
            let calm = try await session.call("add_journal_entry", ["text": "Third no this week, but the interview went well.", "mood": 5, "emotions": ["tired"]])
            #expect(!calm.isError, "\(calm.text)")
            #expect(calm.texts.first?.hasPrefix("Saved journal entry") == true)
            #expect(calm.text.contains(Self.cardTitle) == false)

            let crisis = try await session.call("add_journal_entry", ["text": .string(Self.crisis), "mood": 2])
            #expect(!crisis.isError)
            // The card comes first, and the answer is never only a success line.
            #expect(crisis.texts.count >= 2)
            #expect(crisis.texts.first?.hasPrefix(Self.cardTitle) == true, "\(crisis.texts)")
            #expect(crisis.texts.dropFirst().first?.hasPrefix("Saved journal entry") == true)
            // What was written is saved as written.
            let entries = try #require(try session.cliJSON(["journal", "list", "--json"]) as? [[String: Any]])
            #expect(entries.contains { $0["text"] as? String == Self.crisis })
            #expect(entries.contains { ($0["text"] as? String)?.hasPrefix("Third no this week") == true })

            // Support first even when the form has a problem and nothing is saved.
            let invalid = try await session.call("add_journal_entry", ["text": .string(Self.crisis), "mood": 42])
            #expect(invalid.isError)
            #expect(invalid.texts.first?.hasPrefix(Self.cardTitle) == true)
            #expect(invalid.texts.last == "Mood is a number from 1 (very low) to 10 (great).")

            // And wherever the person writes: a rejection's note.
            let note = try await session.call("log_rejection", ["id": 25, "reason": "No reason given.", "note": .string(Self.crisis)])
            #expect(!note.isError, "\(note.text)")
            #expect(note.texts.first?.hasPrefix(Self.cardTitle) == true)

            // Every text a writing tool takes is read, and the card comes first even when the action fails.
            let missing = try await session.call("record_feedback", ["id": 9999, "text": .string(Self.crisis)])
            #expect(missing.isError)
            #expect(missing.texts.first?.hasPrefix(Self.cardTitle) == true)
            #expect(missing.texts.last?.contains("9999") == true)
            let added = try await session.call("add_application", ["company": "Acme", "role": "Analyst", "salary": .string(Self.crisis)])
            #expect(!added.isError && added.texts.first?.hasPrefix(Self.cardTitle) == true)

            let empty = try await session.call("add_journal_entry")
            #expect(empty.isError)
            let emptyErrors = Self.formMessages { _ = try JournalForm().validated(today: Self.someDay) }
            #expect(empty.texts == emptyErrors)
        }
    }

    /// The messages a form's validation gives, joined as one tool error shows them.
    static func formMessages(_ validate: () throws -> Void) -> [String] {
        do {
            try validate()
            return []
        } catch let errors as ValidationErrors {
            return [errors.errors.map(\.message).joined(separator: "\n")]
        } catch {
            return ["\(error)"]
        }
    }
}
