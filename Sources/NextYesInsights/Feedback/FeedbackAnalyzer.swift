import Foundation
import NextYesCore

/// Reads feedback (or a pasted rejection email) for themes, stated reasons and boilerplate.
///
/// Rule-based and explainable, with learned models beside the rules that add what they miss:
/// every hit carries the words it rests on. Negation is read around
/// each judgement ("no concerns about your technical depth" is praise), and contrast words split
/// a sentence so "strong on SQL, but the storytelling was weak" yields one strength and one
/// improvement. Measured on a labelled set: see docs/feedback-themes.md.
public enum FeedbackAnalyzer {
    /// Longer texts are read up to this many characters; feedback is rarely a tenth of it.
    public static let maxCharacters = 20_000

    public static func analyze(_ raw: String) -> FeedbackAnalysis {
        memo.value(for: raw, read)
    }

    private static let memo = ReadingMemo<FeedbackAnalysis>()

    /// The reader's version, saved with each reading: raise it whenever what `analyze` finds
    /// could change (rules, lexicon, a model), so saved feedback is read again.
    public static let version: Int64 = 14

    /// Whether this text's reading is already at hand in this process.
    public static func knows(_ text: String) -> Bool {
        memo.contains(text)
    }

    /// A reading saved earlier by this version of the reader, so the text isn't read again.
    public static func remember(_ text: String, _ analysis: FeedbackAnalysis) {
        memo.store(text, analysis)
    }

    private static func read(_ raw: String) -> FeedbackAnalysis {
        let text = raw.count > maxCharacters ? String(raw.prefix(maxCharacters)) : raw
        let ruled = ruleReading(text)
        // No words, nothing to read: not boilerplate either.
        guard let models = FeedbackModel.bundled, text.contains(where: \.isLetter) else { return ruled }
        let read = FeedbackModel.labels(text, rules: FeedbackModel.ruleLabels(ruled), models: models)
        let found = read.map(\.0)
        let reasons = combineReasons(text, ruled: ruled, read: read, models: models)
        // A theme the rules missed but its learned model is sure of joins them, resting on the
        // clause that reads most like it (and never on one that rules it out).
        var themes = ruled.themes
        if let themeModels = FeedbackModel.bundledThemes {
            let candidates = themeCandidates(text, ruled: ruled, models: themeModels)
            themes = combineThemes(ruled: ruled.themes, candidates: candidates) { label in
                max(Double(themeModels[label]?.threshold ?? 1), FeedbackModel.themeFloor)
            }
        }
        // Whether the rest is boilerplate, with nothing specific about the person, the learned reader decides.
        guard themes.isEmpty, reasons.isEmpty else { return FeedbackAnalysis(themes: themes, reasons: reasons, generic: false) }
        // A refused visa says something specific about the person, though no reason id fits it.
        return FeedbackAnalysis(themes: [], reasons: [], generic: found.contains("generic")
                                    && !Segmenter.sentences(text).contains { ReasonLexicon.refusesAPermit($0.text) })
    }

    // MARK: Learned reasons

    /// The stated reasons: the rules' own, and each reason the rules missed whose model reads it
    /// at its threshold and at least `floor`, resting on the sentence that reads most like it,
    /// unless that sentence rules the reason out, is about someone else or an exercise, or names
    /// something for the person to work on ("you lacked experience with Kubernetes" is that
    /// lesson, not a reason about someone else). Training calls it with each fold's models.
    public static func combineReasons(_ text: String, ruled: FeedbackAnalysis, read: [(String, Double)], models: [String: LogisticModel],
                                      floor: Double = FeedbackModel.reasonFloor) -> [ReasonHit] {
        var reasons = ruled.reasons
        guard !isGoodNews(text) else { return reasons }
        var sentences: [String]?
        for (label, p) in read where label.hasPrefix("reason/") && p >= floor {
            guard let category = RejectionCategory(rawValue: String(label.dropFirst("reason/".count))),
                  !reasons.contains(where: { $0.reason == category.rawValue }) else { continue }
            if sentences == nil { sentences = Segmenter.sentences(text).map(\.text) }
            guard let evidence = sentences!.max(by: { FeedbackModel.probability($0, label, models: models) < FeedbackModel.probability($1, label, models: models) }),
                  !ruledOutInClause.contains(evidence), !elsewhere.contains(evidence),
                  !(ReasonLexicon.alwaysStated.contains(category) && inAnExercise.contains(evidence)) else { continue }
            let trimmed = evidence.trimmingCharacters(in: .whitespacesAndNewlines)
            if ruled.themes.contains(where: { $0.polarity == .improvement && (trimmed.contains($0.evidence) || $0.evidence.contains(trimmed)) }) { continue }
            reasons.append(ReasonHit(reason: category.rawValue, controllable: category.controllability != .no, evidence: evidence))
        }
        return reasons
    }

    // MARK: Learned themes

    /// A theme (with its polarity) as its learned model reads a text: the probability for the whole
    /// text, whether the rules found it, and (when they didn't) the clauses that could carry it,
    /// most like it first: not one that rules it out or describes the role, nor one the rules read
    /// the other way.
    public struct ThemeCandidate: Sendable {
        public var label: String
        public var theme: FeedbackTheme
        public var polarity: Polarity
        public var probability: Double
        public var ruled: Bool
        public var clauses: [String]
    }

    /// Below this a candidate's clauses aren't read: no threshold is that low.
    static let candidateFloor = 0.2

    /// A clause that reads less like the theme than this on its own can't carry it, however the
    /// whole text reads ("Good technical knowledge but didn't ask any questions about the team"
    /// names no technical gap). Cross-validated 0.726 → 0.727 (0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5 tried).
    static let clauseFloor = 0.3

    /// The learned reading of each theme (training uses it with each fold's models, so
    /// cross-validation scores exactly what the product does).
    public static func themeCandidates(_ text: String, ruled: FeedbackAnalysis, models: [String: LogisticModel]) -> [ThemeCandidate] {
        let found = Set(ruled.themes.map { $0.theme.rawValue + "/" + $0.polarity.rawValue })
        let x = FeedbackModel.themeIndexes(text, rules: FeedbackModel.ruleLabels(ruled))
        var clauses: [(segment: Segment, score: Int, open: Bool, x: [Int])]?
        var result: [ThemeCandidate] = []
        for label in FeedbackModel.themeLabels {
            guard let model = models[label] else { continue }
            let parts = label.split(separator: "/").map(String.init)
            guard let theme = FeedbackTheme(rawValue: parts[0]), let polarity = Polarity(rawValue: parts[1]) else { continue }
            let p = model.probability(x)
            var ranked: [String] = []
            if p >= candidateFloor, !found.contains(label) {
                if clauses == nil {
                    clauses = Segmenter.sentences(text).flatMap { sentence in
                        Segmenter.clauses(sentence.text).map { clause in
                            let segment = shift(clause, into: sentence, of: text)
                            // A clause with neither praise nor criticism nor any theme's words in it
                            // ("Thanks for coming in on Tuesday") carries no theme.
                            let score = score(segment.range, in: text)
                            let open = !themeRuledOut.contains(clause.text) && (score != 0 || !themes(in: segment.range, of: text).isEmpty)
                            return (segment, score, open, FeedbackModel.themeIndexes(clause.text, rules: []))
                        }
                    }
                }
                ranked = clauses!.filter { $0.open && (polarity == .strength ? $0.score >= 0 : $0.score <= 0) }
                    .map { ($0.segment.text, model.probability($0.x)) }
                    .filter { $0.1 >= clauseFloor }
                    .sorted { $0.1 > $1.1 }.map(\.0)
            }
            result.append(ThemeCandidate(label: label, theme: theme, polarity: polarity, probability: p, ruled: found.contains(label), clauses: ranked))
        }
        return result
    }

    /// The rules' themes (a model never takes one away: cross-validated, that read worse), and each
    /// learned one at or above its threshold with a clause to rest on that doesn't already carry the
    /// theme's other polarity.
    public static func combineThemes(ruled: [ThemeHit], candidates: [ThemeCandidate], threshold: (String) -> Double) -> [ThemeHit] {
        var themes = ruled
        for candidate in candidates where !candidate.ruled && candidate.probability >= threshold(candidate.label) {
            let other = Set(themes.filter { $0.theme == candidate.theme && $0.polarity != candidate.polarity }.map(\.evidence))
            guard let evidence = candidate.clauses.first(where: { !other.contains($0) }) else { continue }
            themes.append(ThemeHit(theme: candidate.theme, polarity: candidate.polarity, evidence: evidence))
        }
        return themes
    }

    /// Clauses no learned theme may come from: the role or the company described ("the role needs
    /// strong leadership"), what candidates are assessed on or looked for, another candidate.
    private static let themeRuledOut = PatternSet([
        #"\b(?:the|this|our) (?:role|job|position|post|team|company|organi[sz]ation|vacancy) (?:is|needs|requires|involves|will|calls for|demands)\b"#, #"\bis at the heart of\b"#,
        #"\b(?:we'?re|we are|we were) looking for\b"#, #"\b(?:candidates|applicants|applications) (?:were|are|will be) (?:assessed|scored|evaluated|judged|measured)\b"#,
        #"\b(?:the )?(?:successful|other|another|appointed|chosen) (?:candidates?|applicants?|finalists?|person)\b"#,
        #"\b(?:essential|desirable) criteria\b"#,
    ])

    /// What the hand-written rules find.
    public static func ruleReading(_ raw: String) -> FeedbackAnalysis {
        let text = raw.count > maxCharacters ? String(raw.prefix(maxCharacters)) : raw
        let reasons = findReasons(in: text)
        let themes = findThemes(in: text)
        let generic = themes.isEmpty && reasons.isEmpty && FeedbackLexicon.boilerplate.contains(text)
        return FeedbackAnalysis(themes: themes, reasons: reasons, generic: generic)
    }

    /// The rejection category a pasted email or stated reason points to, if any: the first stated
    /// reason that is about the company or the role, else the first one.
    public static func suggestedCategory(for text: String) -> RejectionCategory? {
        let analysis = analyze(text)
        let reasons = analysis.reasons.compactMap { RejectionCategory(rawValue: $0.reason) }
        if let stated = reasons.first(where: { ReasonLexicon.alwaysStated.contains($0) }) ?? reasons.first { return stated }
        if analysis.generic { return .noReasonGiven }
        // No reason stated, but the feedback names something to work on.
        let improvements = analysis.improvements.map(\.theme)
        if improvements.contains(.technicalSkills) { return .skillsGap }
        if !improvements.isEmpty { return .interviewPerformance }
        return nil
    }

    // MARK: Reasons

    /// Good news with no "no" in it: an offer, an invitation to the next stage, a request for
    /// details, a post open again. It states no reason for a rejection, whatever it mentions on
    /// the way ("the start date is flexible", "relocation support", "a fresh application").
    static func isGoodNews(_ text: String) -> Bool {
        goodNews.contains(text) && !badNews.contains(text)
    }

    private static let goodNews = PatternSet([
        #"\b(?:offer|offering) you (?:the|this|a) (?:position|post|job|role|place|contract|placement)\b"#,
        #"\b(?:like|love|happy|pleased|delighted|glad) to (?:offer you|invite you|progress you|move you (?:forward|on|to)|take you (?:forward|through)|book you)\b"#,
        #"\binvite you (?:to|for) (?:a |an |the )?(?:second |next |final |further |follow-up |technical )?(?:interview|stage|round|assessment|meeting|trial)\b"#,
        #"\b(?:put in|submit|send(?: us| over)?) (?:a |your )?(?:fresh|new) application\b"#, #"\bif you'?re still (?:keen|interested)\b"#,
        #"\bexpect a call\b"#, #"\bbefore we book (?:the|your|an?) (?:interview|call|meeting)\b"#, #"\b(?:is|are) (?:live|open) again\b"#,
        #"\b(?:haven'?t|have not) (?:yet )?filled (?:the|this) (?:job|role|post|position|vacancy)\b"#,
        #"\bkindly (?:share|send|confirm)\b"#, #"\bplease (?:share|send|confirm) (?:your )?(?:current|expected|availability|notice)\b"#,
    ])

    private static let badNews = PatternSet([
        #"\b(?:unfortunately|regret\w*|sorry|afraid|unsuccessful|not successful|declin\w+|no longer|not able|unable|can'?t|cannot|won'?t|will not)\b"#,
        #"\bnot (?:be )?(?:progress\w*|proceed\w*|moving|taking|offer\w*|shortlist\w*|invit\w*|going ahead)\b"#,
        #"\b(?:decided (?:not|to go|against)|gone with|went with|go with|going with|chose|appointed|selected|offered (?:it|the (?:position|post|job|role)) to)\b"#,
    ])

    static func findReasons(in text: String) -> [ReasonHit] {
        guard !isGoodNews(text) else { return [] }
        var hits: [ReasonHit] = []
        var seen: Set<RejectionCategory> = []
        let sentences = Segmenter.sentences(text)
        let wholeHasDecision = ReasonLexicon.decisionContext.contains(text)
        for sentence in sentences {
            var claimedHere: Set<RejectionCategory> = []
            var claimedRanges: [RejectionCategory: Range<String.Index>] = [:]
            for (category, patterns) in ReasonLexicon.rules where !seen.contains(category) {
                guard patterns.firstMatch(in: sentence.text) != nil else { continue }
                if category == .experienceLevel, let claimed = claimedRanges[.moreExperiencedCandidate],
                   let own = patterns.firstMatch(in: sentence.text), own.overlaps(claimed) { continue }
                if category == .budget, claimedHere.contains(.salaryMismatch) { continue }
                // "The role-play was the deciding factor": the decision names the exercise, not a skill.
                if category == .skillsGap, ReasonLexicon.interviewPerformance.contains(sentence.text) { continue }
                if category == .moreExperiencedCandidate, ReasonLexicon.closerMatch.contains(sentence.text),
                   !ReasonLexicon.concreteExperience.contains(sentence.text) { continue }
                let stated = ReasonLexicon.alwaysStated.contains(category)
                    || ReasonLexicon.decisionContext.contains(sentence.text)
                    || (sentences.count <= 2 && wholeHasDecision)
                guard stated, !isNegated(category, in: sentence.text) else { continue }
                let found = patterns.firstMatch(in: sentence.text)!
                guard !notTheReason(category, at: found, in: sentence.text) else { continue }
                seen.insert(category)
                claimedHere.insert(category)
                claimedRanges[category] = found
                hits.append(ReasonHit(reason: category.rawValue, controllable: category.controllability != .no, evidence: sentence.text))
            }
        }
        return hits
    }

    /// "This wasn't about your interview", "no issues with how you'd fit in": a reason named only to rule it out.
    private static let ruledOut = PatternSet([
        #"\b(?:wasn'?t|was not|isn'?t|is not|nothing to do with|not because of|not about)\b[^.]{0,30}\b(?:about )?(?:your )?(?:interview|performance|culture|fit|location|salary|timing)\b"#,
        #"\bno (?:issues?|concerns?) with how you'?d fit\b"#, #"\b(?:good|great|strong|excellent|perfect) cultur\w* (?:fit|add)\b"#,
        #"\b(?:good|great|strong|excellent|perfect) (?:fit|match|add),? cultur\w*"#, #"\bcultur\w* (?:fit|add) (?:was|is) (?:good|great|strong|excellent|not (?:an?|the) (?:issue|problem|concern))\b"#,
    ])

    /// A reason named to rule it out ("location wasn't a factor"), in a hypothetical ("if your
    /// notice period had been an issue"), about someone else ("another candidate dropped out
    /// because of their notice period") or inside an exercise ("the budget cut in the scenario"):
    /// read in the clause that names it, so a real reason beside it still counts.
    private static func notTheReason(_ category: RejectionCategory, at match: Range<String.Index>, in sentence: String) -> Bool {
        let clause = Segmenter.clauses(sentence).first { $0.range.contains(match.lowerBound) }?.text ?? sentence
        if ruledOutInClause.contains(clause) || elsewhere.contains(sentence) { return true }
        return ReasonLexicon.alwaysStated.contains(category) && inAnExercise.contains(clause)
    }

    static let ruledOutInClause = PatternSet([
        #"\b(?:wasn'?t|was not|isn'?t|is not|were never|was never|weren'?t|never|not) (?:at all )?(?:a |an |the |any )?(?:problem|issue|factor|concern|reason|obstacle)\b"#,
        // "…a hiring freeze, nothing to do with your application" reassures about the person; it rules nothing out.
        #"\b(?:nothing to do with|not about|isn'?t about|wasn'?t about|not because of|not due to)\b(?!\s+(?:you|yourself|anything you(?:'ve| have)? (?:did|done|said)|your (?:application|candidacy|profile|cv|résumé|resume|abilities|ability|potential|worth|talent|performance|interviews?|answers|skills|work))\b)"#,
        #"\b(?:didn'?t|did not|doesn'?t|does not|won'?t|will not) (?:affect|change|count against|come into|play a part|factor)\b"#, #"\bplayed no part\b"#, #"\bno part in\b"#,
        #"\bif\b[^.]{0,60}\bhad been\b"#, #"^\s*(?:should|were) (?:the|this|it)\b"#, #"\b(?:isn'?t|is not|no longer) on hold\b"#,
        #"\b(?:don'?t|do not|doesn'?t|does not) have (?:a|any) (?:hiring |recruitment )?freeze\b"#, #"\b(?:hasn'?t|has not|haven'?t|have not) changed\b"#,
        #"\bwould have been (?:fine|ok|okay|no problem)\b"#, 
        // "You were not too junior for this role; we just found someone…"
        #"\b(?:(?:were|was|are|is) not|weren'?t|wasn'?t|aren'?t|isn'?t) too (?:junior|senior|young|old|inexperienced|experienced)\b"#, #"\bfreeze (?:has )?(?:ended|been lifted|is over|was lifted|lifted)\b"#,
    ])

    private static let elsewhere = PatternSet([
        #"\b(?:one of the other|the other|other|another) (?:applicants?|candidates?)\b[^.]{0,40}\b(?:withdrew|dropped out|drop out|pulled out)\b"#,
        #"\bother departments?\b[^.]{0,30}\b(?:are|is) under\b"#, #"\bthe previous (?:postholder|post-holder|person|jobholder)\b"#, #"\b(?:our )?(?:last|previous) hire\b"#,
        #"\bsome (?:other )?(?:candidates|applicants)\b[^.]{0,30}\b(?:were|was)\b"#,
        #"\b(?:interview|call|meeting) (?:has been |was |is being )?(?:moved|rescheduled)\b"#,
    ])

    private static let inAnExercise = PatternSet([
        #"\b(?:scenario|case study|role-?play|in-tray|exercise|group task|halfway|mid-task|was introduced|mentioned|asked you to|the question about|your (?:\w+ )?(?:plan|example|answer|presentation))\b"#,
    ])

    private static func isNegated(_ category: RejectionCategory, in sentence: String) -> Bool {
        switch category {
        case .interviewPerformance, .cultureFit, .location, .salaryMismatch, .timing:
            return ruledOut.contains(sentence)
        default:
            return false
        }
    }

    // MARK: Themes

    static func findThemes(in text: String) -> [ThemeHit] {
        var hits: [ThemeHit] = []
        var seen: Set<String> = []
        func add(_ theme: FeedbackTheme, _ polarity: Polarity, _ evidence: Segment) {
            let key = theme.rawValue + "/" + polarity.rawValue
            guard !seen.contains(key) else { return }
            seen.insert(key)
            hits.append(ThemeHit(theme: theme, polarity: polarity, evidence: evidence.text))
        }
        let sentences = Segmenter.sentences(text)
        for sentence in sentences {
            let sentenceScore = score(sentence.range, in: text)
            for clause in Segmenter.clauses(sentence.text).map({ shift($0, into: sentence, of: text) }) {
                let clauseThemes = themes(in: clause.range, of: text)
                guard !clauseThemes.isEmpty else { continue }
                let clauseScore = score(clause.range, in: text)
                let parts = Segmenter.commaParts(clause, in: text)
                let partsWithThemes = parts.filter { !themes(in: $0.range, of: text).isEmpty }
                if partsWithThemes.count >= 2 {
                    for part in partsWithThemes {
                        let partScore = score(part.range, in: text)
                        guard let polarity = polarity(partScore, clauseScore, sentenceScore) else { continue }
                        for theme in themes(in: part.range, of: text) { add(theme, polarity, part) }
                    }
                } else if let polarity = polarity(clauseScore, sentenceScore, 0) {
                    // "The role is very collaborative" describes the job, not the person.
                    if polarity == .strength, roleDescription.contains(clause.text) { continue }
                    // "The successful candidate showed exceptional leadership" is about them.
                    if otherCandidate.contains(clause.text) { continue }
                    for theme in clauseThemes { add(theme, polarity, clause) }
                }
            }
        }
        return hits
    }

    /// A clause whose subject is the person chosen instead, or another candidate: what it says
    /// about them is no theme of this person's ("the successful candidate showed exceptional
    /// leadership", "we went with someone whose stakeholder communication was stronger"). The
    /// other candidates as company ("you worked well with the other candidates") don't count.
    static let otherCandidate = PatternSet([
        #"^\W*(?:(?:but|and|however|though|sadly|unfortunately|ultimately|in the end|honestly)\W+)*(?:(?:the|another|one|an?)(?: of the)? (?:successful|other|chosen|appointed|preferred|selected|winning|stronger) ?(?:candidates?|applicants?|finalists?|person|individual)|(?:another|one of the|an?) (?:candidates?|applicants?|finalists?)|the (?:person|individual|finalists?|candidates|applicants))\b(?! (?:and|or) you\b)"#,
        #"\b(?:went|gone|going|go) with (?:someone|somebody|a candidate|an applicant|another (?:candidate|applicant|person))\b(?: who| whose| with| that)"#,
        #"\b(?:chose|chosen|appointed|picked|hired|selected|offered (?:it|the (?:role|job|post|position)) to) (?:someone|somebody|another (?:candidate|applicant|person))\b(?: who| whose| with| that)"#,
    ])

    private static let roleDescription = PatternSet([
        #"\b(?:the|this) (?:role|job|position|post|team) (?:is|needs|requires|involves|will)\b"#, #"\bis at the heart of\b"#,
        // "The start date is flexible": the terms of the job, not the person.
        #"\b(?:the|your|our) (?:start(?:ing)? date|hours|shifts?|schedule|rota|working (?:pattern|hours|arrangements?)|dates?|contract|package|location|salary|pay) (?:is|are|can be|will be)\b"#,
    ])

    /// The first non-zero reading, from the narrowest stretch of text outwards.
    private static func polarity(_ scores: Int...) -> Polarity? {
        guard let score = scores.first(where: { $0 != 0 }) else { return nil }
        return score > 0 ? .strength : .improvement
    }

    private static func shift(_ segment: Segment, into sentence: Segment, of text: String) -> Segment {
        let sentenceText = sentence.text
        let lower = text.index(sentence.range.lowerBound, offsetBy: sentenceText.distance(from: sentenceText.startIndex, to: segment.range.lowerBound))
        let upper = text.index(lower, offsetBy: segment.text.count)
        return Segment(lower..<upper, in: text)
    }

    private static func themes(in range: Range<String.Index>, of text: String) -> [FeedbackTheme] {
        FeedbackLexicon.themeCues.compactMap { theme, cues in
            cues.firstMatch(in: text, range: range) == nil ? nil : theme
        }
    }

    /// Praise minus criticism in a stretch of text, reading negation: a criticism after "no",
    /// "never" or "n't" counts as praise, and praise after one counts as criticism.
    static func score(_ range: Range<String.Index>, in text: String) -> Int {
        var masked: [Range<String.Index>] = []
        var score = 0
        for match in FeedbackLexicon.praiseByNegation.matches(in: text, range: range) {
            score += 2
            masked.append(match)
        }
        let criticisms = FeedbackLexicon.negative.matches(in: text, range: range).filter { !overlaps($0, masked) }
        // A negation inside a criticism ("didn't show") is part of it, not a flip of what follows.
        let negators = FeedbackLexicon.negator.matches(in: text, range: range).filter { !overlaps($0, masked) && !overlaps($0, criticisms) }
        var usedNegators: [Range<String.Index>] = []
        for match in criticisms {
            if let negator = negators.last(where: { $0.upperBound <= match.lowerBound && words(between: $0.upperBound, match.lowerBound, in: text) <= 6 && !usedNegators.contains($0)
                && !pauses(between: $0.upperBound, match.lowerBound, in: text) }),
               !startsWithNegativeVerb(match, in: text) {
                score += 2
                usedNegators.append(negator)
            } else {
                score -= 1
            }
            masked.append(match)
        }
        // "not very clear", "not so fluent": the praise word is what the hedge qualifies, already counted.
        let hedges = criticisms.filter { text[$0].lowercased().hasPrefix("not ") }
        for match in FeedbackLexicon.positive.matches(in: text, range: range) where !overlaps(match, masked) {
            if hedges.contains(where: { $0.upperBound <= match.lowerBound && words(between: $0.upperBound, match.lowerBound, in: text) <= 1
                && !pauses(between: $0.upperBound, match.lowerBound, in: text) }) { continue }
            if negators.contains(where: { $0.upperBound <= match.lowerBound && words(between: $0.upperBound, match.lowerBound, in: text) <= 4 && !usedNegators.contains($0)
                && !pauses(between: $0.upperBound, match.lowerBound, in: text) }) {
                score -= 1
            } else {
                score += 1
            }
        }
        return score
    }

    /// "didn't show", "never asked": the negation is part of the criticism itself, not a flip.
    private static func startsWithNegativeVerb(_ match: Range<String.Index>, in text: String) -> Bool {
        let phrase = text[match].lowercased()
        return phrase.hasPrefix("didn") || phrase.hasPrefix("did not") || phrase.hasPrefix("never") || phrase.hasPrefix("not ")
            || phrase.hasPrefix("wasn") || phrase.hasPrefix("weren")
    }

    private static func overlaps(_ range: Range<String.Index>, _ others: [Range<String.Index>]) -> Bool {
        others.contains { $0.overlaps(range) }
    }

    /// A negation's reach ends at a comma, semicolon or colon: in "not so fluent, sometimes we
    /// need to repeat", the "not" is no flip of "need to".
    private static func pauses(between start: String.Index, _ end: String.Index, in text: String) -> Bool {
        start < end && text[start..<end].contains { $0 == "," || $0 == ";" || $0 == ":" }
    }

    private static func words(between start: String.Index, _ end: String.Index, in text: String) -> Int {
        guard start < end else { return 0 }
        return text[start..<end].split(whereSeparator: { $0.isWhitespace }).count
    }
}
