import Foundation

/// A stretch of the original text (a sentence or a clause) with its position, so evidence can be
/// quoted exactly as the person wrote it.
public struct Segment: Hashable, Sendable {
    public var range: Range<String.Index>
    public var text: String

    init(_ range: Range<String.Index>, in source: String) {
        self.range = range
        self.text = String(source[range])
    }
}

/// Splits text into sentences and clauses without a language model: sentence punctuation, line
/// breaks, dashes used as pauses, and the contrast words that turn praise into a "but".
enum Segmenter {
    /// Sentences: split after . ! ? ; and at line breaks; keeps "e.g." and decimals together.
    static func sentences(_ text: String) -> [Segment] {
        sentenceMemo.value(for: text, split)
    }

    private static let sentenceMemo = ReadingMemo<[Segment]>(capacity: 5_000)

    private static func split(_ text: String) -> [Segment] {
        var result: [Segment] = []
        var start = text.startIndex
        var index = text.startIndex
        func flush(upTo end: String.Index) {
            let range = trimmed(start..<end, in: text)
            if !range.isEmpty { result.append(Segment(range, in: text)) }
        }
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character.isNewline {
                flush(upTo: index)
                start = next
            } else if ".!?;".contains(character) {
                let atEnd = next == text.endIndex || text[next].isWhitespace || text[next] == "\"" || text[next] == ")"
                if atEnd && !isAbbreviation(text, before: index) {
                    flush(upTo: next)
                    start = next
                }
            }
            index = next
        }
        flush(upTo: text.endIndex)
        return result
    }

    /// Clauses: each sentence split again at dashes, colons and contrast words ("but", "however",
    /// "though", "although", "whereas", "that said"), so each part carries one judgement.
    static func clauses(_ text: String) -> [Segment] {
        sentences(text).flatMap { sentence in
            split(sentence.range, in: text, at: clauseBreak)
        }
    }

    /// Within a clause, comma-separated parts ("Strong SQL, weak storytelling").
    static func commaParts(_ segment: Segment, in text: String) -> [Segment] {
        split(segment.range, in: text, at: commaBreak)
    }

    /// "Yet" is a contrast, except in "not yet", "as yet" and "yet to"; ", otherwise" is one too.
    /// "Anything but clear", "all but", "nothing but praise" are no contrast.
    private static let clauseBreak = try! NSRegularExpression(
        pattern: #"\s+[-–—]\s+|:\s+|(?<!\banything)(?<!\ball)(?<!\bnothing)(?<!\bnone)(?<!\banyone),?\s+(?=\b(?:but|however|though|although|whereas|that said|except)\b)|(?<!\bnot)(?<!n't)(?<!\bas),?\s+(?=\byet\b(?! to\b))|,\s+(?=where\s+(?:you|we|they)\b)|,\s+(?=otherwise\b)"#,
        options: [.caseInsensitive])
    private static let commaBreak = try! NSRegularExpression(pattern: #",\s+|\s+and\s+(?=(?:your|you)\b)"#, options: [.caseInsensitive])

    private static func split(_ range: Range<String.Index>, in text: String, at pattern: NSRegularExpression) -> [Segment] {
        let nsRange = NSRange(range, in: text)
        var pieces: [Segment] = []
        var start = range.lowerBound
        for match in pattern.matches(in: text, range: nsRange) {
            guard let matchRange = Range(match.range, in: text) else { continue }
            let piece = trimmed(start..<matchRange.lowerBound, in: text)
            if !piece.isEmpty { pieces.append(Segment(piece, in: text)) }
            start = matchRange.upperBound
        }
        let last = trimmed(start..<range.upperBound, in: text)
        if !last.isEmpty { pieces.append(Segment(last, in: text)) }
        return pieces
    }

    static func trimmed(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        var lower = range.lowerBound
        var upper = range.upperBound
        let strip: (Character) -> Bool = { $0.isWhitespace || $0 == "," || $0 == "-" || $0 == "–" || $0 == "—" }
        while lower < upper, strip(text[lower]) { lower = text.index(after: lower) }
        while upper > lower, strip(text[text.index(before: upper)]) { upper = text.index(before: upper) }
        return lower..<upper
    }

    private static func isAbbreviation(_ text: String, before index: String.Index) -> Bool {
        guard text[index] == "." else { return false }
        var wordStart = index
        while wordStart > text.startIndex, !text[text.index(before: wordStart)].isWhitespace {
            wordStart = text.index(before: wordStart)
        }
        let word = text[wordStart..<index].lowercased()
        return ["e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "approx", "incl"].contains(word)
            || (word.count == 1 && word.first!.isLetter)
    }
}
