import Foundation
import Testing
@testable import SitegenCore

/// The splits a raw text goes through are made on UTF-8 bytes, and must give exactly what
/// the character-based or Foundation splits they replace give: seeded random texts of line
/// feeds, carriage returns, combining marks (after a line feed too), emoji, `\` and words.
struct ByteSplitTests {
    static let pieces = [
        "word", "Kiel", " ", "\n", "\n\n", "\n\n\n", "\r", "\r\n", "\r\n\n", "\u{301}", "\n\u{301}", "é", "e\u{301}",
        "👍🏽", "🇳🇴", "\u{200D}", "\\", "—", "\u{2028}", "\u{85}",
    ]

    static func texts(seed: UInt64, count: Int) -> [String] {
        var random = SyntheticNews.Random(state: seed)
        return (0..<count).map { _ in (0..<random.below(14)).map { _ in pieces[random.below(pieces.count)] }.joined() }
    }

    @Test func linesAreWhatSplittingAtTheLineFeedCharacterGives() {
        for text in Self.texts(seed: 31, count: 3_000) + ["", "\n", "\n\n", "a\n", "\na", "\r\n", "a\r\nb\nc"] {
            let bySplitting = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(text.lines == bySplitting, "\(text.debugDescription)")
        }
    }

    @Test func postParagraphsAreWhatFoundationsComponentsGive() {
        for text in Self.texts(seed: 37, count: 3_000) + ["a", "a\n\nb", "\n\n", "a\n\n\nb", "a\n\n\n\nb", "\n\n\na"] {
            let post = SocialPost(text: text, location: SourceLocation(path: "x.txt"))
            let expected = text.isEmpty ? [] : text.components(separatedBy: "\n\n")
            #expect(post.paragraphs == expected, "\(text.debugDescription)")
        }
    }

    @Test func linkDestinationsEscapeBackslashesOnly() {
        #expect(MarkdownText.destination("https://example.org/a_b?c=d") == "<https://example.org/a_b?c=d>")
        #expect(MarkdownText.destination("https://example.org/a\\b\\\\") == "<https://example.org/a\\\\b\\\\\\\\>")
    }
}
