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

/// `RawPostSyntax`'s searches for the dash before a signature's name and for the separator
/// in an author line work on UTF-8 bytes, and must find what the searches by characters and
/// by Foundation they replace find: seeded random texts of every dash, spaced and not,
/// next to combining marks, a prepended mark (U+0600), emoji, other spaces and words.
struct RawPostDashSearchTests {
    static let pieces = [
        "—", "–", "―", "-", "--", " - ", " – ", " — ", " ", "a", "Kiel", "\u{301}", "\u{600}", "é", "👍🏽", "\u{200D}",
        "\u{A0}", "\u{2000}", "\u{2002}", "(", ")", "@x", ".",
    ]

    func offsets(_ range: Range<Substring.Index>?, in text: Substring) -> [Int]? {
        range.map { [text.utf8.distance(from: text.startIndex, to: $0.lowerBound), text.utf8.distance(from: text.startIndex, to: $0.upperBound)] }
    }

    @Test func bytesFindWhatCharactersAndFoundationFind() {
        var random = SyntheticNews.Random(state: 41)
        var texts = ["", "a — b", "a—\u{301}b", "\u{600}—b", "a --", "---", "x - y", "x – \u{301}y", "\u{600} - y"]
        for _ in 0..<4_000 {
            texts.append((0..<random.below(10)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined())
        }
        for whole in texts {
            let text = Substring("<" + whole + ">").dropFirst().dropLast()  // a slice, not the whole string
            #expect(
                offsets(RawPostSyntax.lastSignatureDash(in: text), in: text)
                    == offsets(RawPostSyntax.lastSignatureDashByCharacters(in: text), in: text), "\(whole.debugDescription)")
            #expect(
                offsets(RawPostSyntax.lastNameSeparator(in: text), in: text)
                    == offsets(RawPostSyntax.lastNameSeparatorByFoundation(in: text), in: text), "\(whole.debugDescription)")
        }
    }
}

/// `RawTitle.prefix(of:characters:)` cuts a text at its first characters' UTF-8 length, which
/// must be the text those characters make; `lastHandleOpening` finds the last `(@`.
struct RawTextBytePrefixTests {
    @Test func prefixIsTheTextItsCharactersMake() {
        var random = SyntheticNews.Random(state: 43)
        for text in ByteSplitTests.texts(seed: 47, count: 2_000) {
            let chars = Array(text)
            let count = chars.isEmpty ? 0 : random.below(chars.count + 1)
            #expect(String(RawTitle.prefix(of: text, characters: chars[..<count])) == String(chars[..<count]), "\(text.debugDescription)")
        }
    }

    @Test func lastHandleOpeningIsTheLastParenthesisBeforeAnAt() {
        var random = SyntheticNews.Random(state: 53)
        let pieces = ["(", "@", "(@", "((@", "a", "é", "\u{301}", " "]
        for _ in 0..<2_000 {
            let whole = (0..<random.below(10)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let text = Substring("x" + whole + "y").dropFirst().dropLast()
            let bytes = Array(text.utf8)
            let expected = (0..<max(0, bytes.count - 1)).last { bytes[$0] == UInt8(ascii: "(") && bytes[$0 + 1] == UInt8(ascii: "@") }
            let found = text.lastHandleOpening.map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
            #expect(found == expected, "\(whole.debugDescription)")
        }
    }
}
