import Foundation

/// The four parts of a STAR answer.
public enum STARElement: String, CaseIterable, Codable, Sendable {
    case situation
    case task
    case action
    case result

    public var title: String {
        switch self {
        case .situation: "Situation"
        case .task: "Task"
        case .action: "Action"
        case .result: "Result"
        }
    }

    /// What a strong answer does in this part.
    public var prompt: String {
        switch self {
        case .situation: "Where and when, in a sentence or two: just enough context."
        case .task: "What you were responsible for, or the problem you had to solve."
        case .action: "What you did, step by step, in the first person: the heart of the answer."
        case .result: "What changed, with a number if you have one, and what you learned."
        }
    }

    /// Something to practise when this part keeps scoring low.
    public var advice: String {
        switch self {
        case .situation: "Set the scene in two sentences at most; interviewers need context, not the whole history."
        case .task: "Say plainly what was yours to do; it makes the action that follows make sense."
        case .action: "Say \"I\", not \"we\", and walk through two or three concrete steps you took."
        case .result: "End with an outcome: a number, a decision, or what you'd do differently next time."
        }
    }
}

/// A STAR story: one real example, told so it answers many questions.
public struct Story: Hashable, Codable, Sendable, Identifiable {
    public var id: Int
    public var title: String
    public var situation: String?
    public var task: String?
    public var action: String?
    public var result: String?
    /// Feedback theme ids the story shows ("communication", "teamwork"...).
    public var themes: [String]
    /// Skills it demonstrates, as the person wrote them.
    public var skills: [String]

    public init(id: Int, title: String, situation: String? = nil, task: String? = nil, action: String? = nil, result: String? = nil,
                themes: [String] = [], skills: [String] = []) {
        self.id = id
        self.title = title
        self.situation = situation
        self.task = task
        self.action = action
        self.result = result
        self.themes = themes
        self.skills = skills
    }

    public func text(_ element: STARElement) -> String? {
        switch element {
        case .situation: situation
        case .task: task
        case .action: action
        case .result: result
        }
    }

    /// The parts still empty: a story can be saved as a draft and finished later.
    public var missing: [STARElement] { STARElement.allCases.filter { text($0) == nil } }
}

/// A story as typed.
public struct StoryForm: Hashable, Sendable {
    public var title: String
    public var situation: String
    public var task: String
    public var action: String
    public var result: String
    public var themes: [String]
    public var skills: String

    public init(title: String = "", situation: String = "", task: String = "", action: String = "", result: String = "",
                themes: [String] = [], skills: String = "") {
        self.title = title
        self.situation = situation
        self.task = task
        self.action = action
        self.result = result
        self.themes = themes
        self.skills = skills
    }

    public init(_ story: Story) {
        self.init(title: story.title, situation: story.situation ?? "", task: story.task ?? "", action: story.action ?? "",
                  result: story.result ?? "", themes: story.themes, skills: story.skills.joined(separator: ", "))
    }

    public struct Valid: Hashable, Sendable {
        public var title: String
        public var situation: String?
        public var task: String?
        public var action: String?
        public var result: String?
        public var themes: [String]
        public var skills: [String]

        public init(title: String, situation: String? = nil, task: String? = nil, action: String? = nil, result: String? = nil, themes: [String], skills: [String]) {
            self.title = title
            self.situation = situation
            self.task = task
            self.action = action
            self.result = result
            self.themes = themes
            self.skills = skills
        }
    }

    /// `knownThemes` are the theme ids a story may be tagged with.
    public func validated(knownThemes: [String]) throws(ValidationErrors) -> Valid {
        var errors = ValidationErrors()
        let title = Text.cleanLine(title)
        if title == nil { errors.add("title", "Give the story a short title you'll recognise, like \"The dashboard nobody used\".") }
        if let title, title.count > Limits.name { errors.add("title", "Keep the title under \(Limits.name) characters.") }
        var parts: [STARElement: String] = [:]
        for (element, raw) in [(STARElement.situation, situation), (.task, task), (.action, action), (.result, result)] {
            guard let text = Text.clean(raw) else { continue }
            if text.count > Limits.reason {
                errors.add(element.rawValue, "\(element.title) is \(text.count) characters; keep it under \(Limits.reason). A spoken answer is about two minutes.")
            }
            parts[element] = text
        }
        if title != nil && parts.isEmpty {
            errors.add("situation", "Write at least one part of the story; you can fill in the rest later.")
        }
        var themes: [String] = []
        for raw in self.themes {
            for piece in raw.split(separator: ",") {
                let id = piece.trimmingCharacters(in: .whitespaces).lowercased()
                guard !id.isEmpty else { continue }
                if !knownThemes.contains(id) {
                    errors.add("themes", "\"\(FormRules.quote(id))\" is not a theme. Use any of: \(knownThemes.joined(separator: ", ")).")
                } else if !themes.contains(id) {
                    themes.append(id)
                }
            }
        }
        var skills: [String] = []
        for piece in self.skills.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == ";" }) {
            guard let skill = Text.cleanLine(String(piece)) else { continue }
            if skill.count > Limits.name { errors.add("skills", "Keep each skill under \(Limits.name) characters.") }
            else if !skills.contains(where: { $0.lowercased() == skill.lowercased() }) { skills.append(skill) }
        }
        if skills.count > 20 { errors.add("skills", "Up to 20 skills per story; keep the ones it shows best.") }
        if !errors.isEmpty { throw errors }
        return Valid(title: title!, situation: parts[.situation], task: parts[.task], action: parts[.action], result: parts[.result],
                     themes: themes, skills: skills)
    }
}

/// One practice answer, rated by the person, part by part, from 1 (shaky) to 5 (solid).
public struct PracticeSession: Hashable, Codable, Sendable, Identifiable {
    public var id: Int
    public var questionID: String
    public var storyID: Int?
    public var on: Day
    public var ratings: [STARElement: Int]
    public var notes: String?

    public init(id: Int, questionID: String, storyID: Int?, on: Day, ratings: [STARElement: Int], notes: String? = nil) {
        self.id = id
        self.questionID = questionID
        self.storyID = storyID
        self.on = on
        self.ratings = ratings
        self.notes = notes
    }

    public var average: Double {
        ratings.isEmpty ? 0 : Double(ratings.values.reduce(0, +)) / Double(ratings.count)
    }
}

/// A practice rating as typed.
public struct PracticeForm: Hashable, Sendable {
    public var questionID: String
    public var storyID: String
    public var ratings: [STARElement: String]
    public var notes: String

    public init(questionID: String = "", storyID: String = "", ratings: [STARElement: String] = [:], notes: String = "") {
        self.questionID = questionID
        self.storyID = storyID
        self.ratings = ratings
        self.notes = notes
    }

    public struct Valid: Hashable, Sendable {
        public var questionID: String
        public var storyID: Int?
        public var ratings: [STARElement: Int]
        public var notes: String?

        public init(questionID: String, storyID: Int? = nil, ratings: [STARElement: Int], notes: String? = nil) {
            self.questionID = questionID
            self.storyID = storyID
            self.ratings = ratings
            self.notes = notes
        }
    }

    /// `knownQuestions` are the ids in the question bank.
    public func validated(knownQuestions: Set<String>) throws(ValidationErrors) -> Valid {
        var errors = ValidationErrors()
        let question = questionID.trimmingCharacters(in: .whitespaces)
        if question.isEmpty { errors.add("questionID", "Pick a question from the bank first.") }
        else if !knownQuestions.contains(question) { errors.add("questionID", "There's no question \"\(FormRules.quote(question))\" in the bank. Ids look like q-004; a new question comes with each practice.") }
        var storyID: Int?
        if let raw = Text.cleanLine(self.storyID) {
            storyID = Int(raw)
            if storyID == nil { errors.add("storyID", "Choose one of your stories, or none.") }
        }
        var ratings: [STARElement: Int] = [:]
        for element in STARElement.allCases {
            guard let raw = Text.cleanLine(self.ratings[element] ?? "") else {
                errors.add(element.rawValue, "Rate the \(element.title.lowercased()) from 1 (shaky) to 5 (solid).")
                continue
            }
            if let value = Int(raw), (1...5).contains(value) { ratings[element] = value }
            else { errors.add(element.rawValue, "Rate the \(element.title.lowercased()) with a whole number from 1 (shaky) to 5 (solid).") }
        }
        let notes = Text.clean(notes)
        if let notes, notes.count > Limits.reason { errors.add("notes", "Keep the notes under \(Limits.reason) characters.") }
        if !errors.isEmpty { throw errors }
        return Valid(questionID: question, storyID: storyID, ratings: ratings, notes: notes)
    }
}
