import Testing
@testable import SitegenCore

struct SlugTests {
    @Test func derivesFromTitle() {
        #expect(Slug(deriving: "Trump and Xi agree to a one-year truce!").rawValue == "trump-and-xi-agree-to-a-one-year-truce")
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

    @Test(arguments: ["../../x", "Trade", "a b", "-x", "x-", "a--b", "a-b--c", "--", ""])
    func rejectsInvalidHandWrittenSlugs(_ text: String) {
        #expect(Slug(validating: text) == nil)
    }

    @Test func acceptsValidSlug() {
        #expect(Slug(validating: "us-china-truce-2025")?.rawValue == "us-china-truce-2025")
        #expect(Slug(validating: "a-b-c")?.rawValue == "a-b-c")
    }
}
