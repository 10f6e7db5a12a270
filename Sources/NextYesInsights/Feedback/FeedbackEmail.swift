import Foundation
import NextYesCore

/// A message ready to copy or open in the person's mail app. NextYes never sends anything.
public struct EmailDraft: Hashable, Sendable, Codable {
    public var subject: String
    public var body: String

    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    /// Where the person's name goes while NextYes doesn't know it.
    public static let namePlaceholder = "[Your name]"

    /// The draft signed with the person's name in place of the placeholder.
    public func signed(by name: String) -> EmailDraft {
        EmailDraft(subject: subject, body: body.replacingOccurrences(of: Self.namePlaceholder, with: name))
    }

    /// Whether the draft still waits for the person's name.
    public var needsName: Bool { body.contains(Self.namePlaceholder) }

    /// A mailto: link that opens the draft in the person's mail app.
    public func mailto(to address: String?) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String {
            text.replacingOccurrences(of: "\n", with: "\r\n").addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        }
        let recipient = address.map { $0.addingPercentEncoding(withAllowedCharacters: allowed.union(CharacterSet(charactersIn: "@+"))) ?? "" } ?? ""
        return "mailto:\(recipient)?subject=\(encode(subject))&body=\(encode(body))"
    }
}

/// Feedback requests in the spirit of the method: thank them, ask about your own performance and
/// what to strengthen, never why someone else was chosen.
public enum FeedbackEmail {
    public struct Context: Sendable {
        public var role: String
        public var company: String
        public var contactName: String?
        public var stageReached: Stage
        /// Interview parts the person rated low in their reflection.
        public var unsureParts: [InterviewPart]
        public var senderName: String?

        public init(role: String, company: String, contactName: String? = nil, stageReached: Stage,
                    unsureParts: [InterviewPart] = [], senderName: String? = nil) {
            self.role = role
            self.company = company
            self.contactName = contactName
            self.stageReached = stageReached
            self.unsureParts = unsureParts
            self.senderName = senderName
        }

        /// "Dear Dana," or, with no name, a plain "Hello,".
        func greeting(_ salutation: String) -> String {
            guard let name = Text.cleanLine(contactName) else { return "Hello," }
            return "\(salutation) \(name.split(separator: " ").first.map(String.init) ?? name),"
        }
        var signature: String { Text.cleanLine(senderName) ?? EmailDraft.namePlaceholder }
        var interviewed: Bool { stageReached >= .screening }

        /// "my answers to the behavioural questions and the questions I asked"
        var unsurePhrase: String? {
            let phrases = unsureParts.map { part -> String in
                switch part {
                case .preparation: "how I prepared for the interview"
                case .introduction: "how I introduced myself"
                case .technicalQuestions: "my answers to the technical questions"
                case .behaviouralQuestions: "the examples I gave in the behavioural questions"
                case .myQuestions: "the questions I asked"
                case .closing: "how I closed the interview"
                }
            }
            guard !phrases.isEmpty else { return nil }
            if phrases.count == 1 { return phrases[0] }
            return phrases.dropLast().joined(separator: ", ") + " and " + phrases.last!
        }
    }

    public static func compose(_ variant: FeedbackRequestVariant, _ c: Context) -> EmailDraft {
        let focus = c.unsurePhrase.map { " In particular, I'd welcome any thoughts on \($0)." } ?? ""
        switch variant {
        case .short:
            return EmailDraft(
                subject: "Thank you: \(c.role) at \(c.company)",
                body: """
                \(c.greeting("Hi"))

                Thank you for letting me know, and for considering me for the \(c.role) role. If you have a moment, I'd be grateful for one or two pointers on what I could do differently to be a stronger candidate next time.\(focus)

                Best wishes,
                \(c.signature)
                """)
        case .standard:
            let stage = c.interviewed ? " and for taking the time to speak with me" : ""
            return EmailDraft(
                subject: "Feedback on my application for \(c.role) at \(c.company)",
                body: """
                \(c.greeting("Dear"))

                Thank you for considering me for the \(Text.sentence("\(c.role) position at \(c.company)\(stage)")) I enjoyed learning about the team and the work.

                I'm keen to keep improving, and I would really value your perspective. Is there anything I could have done differently, or any skills or experience you would suggest I strengthen?\(focus)

                Even a sentence or two would help me a great deal. Thank you again, and I hope our paths cross in the future.

                Kind regards,
                \(c.signature)
                """)
        case .finalRound:
            return EmailDraft(
                subject: "Thank you: \(c.role) final round at \(c.company)",
                body: """
                \(c.greeting("Dear"))

                Thank you for the opportunity to take part in the final round for the \(Text.sentence("\(c.role) role at \(c.company)")) Although I'm disappointed not to be going further, I really appreciated the time you and the team spent with me.

                Having come this far, I'd be grateful for any feedback on how I could have been a stronger candidate: what I could have done differently in the final stages, or which skills and experience would make the biggest difference for a role like this.\(focus)

                I'd also be glad to stay in touch, should a suitable opportunity come up in the future.

                With thanks,
                \(c.signature)
                """)
        }
    }

    /// The one follow-up, a week after sending with no answer.
    public static func followUp(_ original: EmailDraft, sentOn: Day, _ c: Context) -> EmailDraft {
        EmailDraft(
            subject: "Re: \(original.subject)",
            body: """
            \(c.greeting("Hi"))

            I hope you're well. I'm following up on my note from \(sentOn.readable) about the \(c.role) role. If you have a moment for even one or two pointers on what I could improve, I'd really appreciate it. I understand if you're busy, and thank you either way.

            Best wishes,
            \(c.signature)
            """)
    }

    /// A one-line reply to general feedback that asks, kindly, for one specific point.
    public static func specificPointFollowUp(_ c: Context) -> String {
        let area = c.unsurePhrase ?? (c.interviewed ? "my interview answers" : "my application")
        return "Thank you, I appreciate you getting back to me. If you could share one specific thing I could improve, for example in \(area), it would really help me prepare for the next one."
    }
}
