import Foundation
import Testing
@testable import SitegenCore

struct SlugTests {
    @Test func derivesFromTitle() {
        #expect(Slug(deriving: "Trump and Xi agree to a one-year truce!").rawValue == "trump-and-xi-agree-to-a-one-year-truce")
    }

    /// ASCII text skips Foundation's folding, which lowercases it and changes nothing else:
    /// every ASCII byte, alone and in seeded random texts, folds as Foundation folds it.
    @Test func asciiFoldsAsFoundationFoldsIt() {
        func foundation(_ text: String) -> String {
            text.precomposedStringWithCompatibilityMapping
                .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        }
        for byte in UInt8(0)..<0x80 {
            let text = "a" + String(UnicodeScalar(byte)) + "Z"
            #expect(Slug.fold(text) == foundation(text), "\(byte)")
        }
        var random = SyntheticNews.Random(state: 5)
        for _ in 0..<500 {
            let text = String(decoding: (0..<random.below(40)).map { _ in UInt8(random.below(0x80)) }, as: UTF8.self)
            #expect(Slug.fold(text) == foundation(text), "\(text.debugDescription)")
        }
    }

    @Test func foldsDiacriticsAndStyledLetters() {
        #expect(Slug(deriving: "Zelensky meets Erdoğan in Ankara").rawValue == "zelensky-meets-erdogan-in-ankara")
        #expect(Slug(deriving: "𝘚𝘵𝘺𝘭𝘦𝘥 Desk").rawValue == "styled-desk")
    }

    @Test func dropsApostrophes() {
        #expect(Slug(deriving: "Xi’s visit").rawValue == "xis-visit")
    }

    @Test func neverEmptyNeverAPath() {
        #expect(Slug(deriving: "习近平").rawValue == "article")
        #expect(Slug(deriving: "../../etc/passwd").rawValue == "etc-passwd")
    }

    @Test func cutsLongTitlesAtAHyphen() {
        let slug = Slug(deriving: String(repeating: "tariff truce ", count: 20))
        #expect(slug.rawValue.utf8.count <= 80)
        #expect(!slug.rawValue.hasSuffix("-"))
    }

    @Test(arguments: ["../../x", "Trade", "a b", "-x", "x-", "a--b", "a-b--c", "--", "", "-", "é", "e\u{301}", "a_b"])
    func rejectsInvalidHandWrittenSlugs(_ text: String) {
        #expect(Slug(validating: text) == nil)
    }

    @Test func acceptsValidSlug() {
        #expect(Slug(validating: "us-china-truce-2025")?.rawValue == "us-china-truce-2025")
        #expect(Slug(validating: "a-b-c")?.rawValue == "a-b-c")
        #expect(Slug(validating: "a")?.rawValue == "a" && Slug(validating: "2025")?.rawValue == "2025")
    }
}
