import Testing

@testable import SitegenCore

/// The scalar fast paths must give exactly what splitting by `Character` gives.
struct WordScannerTests {
    static let samples = [
        "", "   ", "one", " two  words ", "tabs\tand\nnew\r\nlines", "“Curly” quotes — and dashes – too…",
        "Erdoğan met Zelensky in Ankara", "e\u{301}t\u{E9} combining", "space \u{301}mark", "nbsp\u{A0}here",
        "emoji 👍🏽 and 🇺🇦 flags", "ZWJ 👩‍👩‍👧 family", "Hangul 한국어 text", "digits 2025 and ٣ arabic",
        "under_score x^2",
        "\u{600}prepend arabic", "thai กำ sara am", "math ∑ ≠ €5", "ideographic\u{3000}space",
    ]

    @Test(arguments: samples) func wordCountMatchesCharacters(text: String) {
        #expect(WordScanner.wordCount(text) == text.split(whereSeparator: { $0.isWhitespace }).count)
    }

    @Test(arguments: samples) func wordsMatchCharacters(text: String) {
        #expect(WordScanner.words(in: text) == text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }))
    }

    @Test func ordinaryTextTakesTheFastPath() {
        #expect(WordScanner.hasStandaloneScalars("“Curly” quotes — Erdoğan, €5"))
        #expect(!WordScanner.hasStandaloneScalars("e\u{301}"))
        #expect(!WordScanner.hasStandaloneScalars("한국어"))
    }
}
