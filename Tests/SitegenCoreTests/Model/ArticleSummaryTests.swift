import Testing

@testable import SitegenCore

/// `Article.summary` works on bytes when every scalar is a character of its own; it must cut
/// exactly where the `Character` steps cut.
struct ArticleSummaryTests {
    static let pieces = [
        "a", "bb", "word", "“q”", "—", "–", ",", ";", ":", "-", " ", "  ", "\t", "\n", "\r\n", "é", "e\u{301}",
        "👍🏽", "\u{A0}", "\u{3000}", "€5", "ß", "Erdoğan", "\u{2028}", "…", "\u{301}", "\u{200D}",
    ]

    /// Paragraphs made of random pieces (`SeededRandom`, a fixed seed), cut at every limit up to past their end.
    @Test func cutsWhereCharactersCut() {
        var random = SeededRandom(seed: 7)
        var mismatches: [String] = []
        for _ in 0..<400 {
            let paragraph = (0..<random.next(below: 25)).map { _ in Self.pieces[random.next(below: Self.pieces.count)] }.joined()
            for limit in 0...paragraph.count + 1 where Article.summary(from: paragraph, limit: limit) != Self.reference(paragraph, limit) {
                mismatches.append("\(paragraph.debugDescription) at \(limit)")
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func ordinaryTextTakesTheFastPath() {
        let paragraph = "The “summit” — in Ankara,  with Erdoğan; talks: ongoing - until"
        #expect(WordScanner.withUTF8(of: paragraph) { Article.standaloneSummary(of: $0, limit: 40) } == Self.reference(paragraph, 40))
        #expect(WordScanner.withUTF8(of: "cafe\u{301}") { Article.standaloneSummary(of: $0, limit: 40) } == nil)
    }

    /// The steps on `Character`s.
    static func reference(_ paragraph: String, _ limit: Int) -> String {
        let text = paragraph.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard text.count > limit else { return text }
        var cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        while let last = cut.last, ",;:-–—".contains(last) { cut = cut.dropLast() }
        return cut + "…"
    }
}
