import Testing
@testable import SitegenCore

struct PhraseMatcherTests {
    let matcher = PhraseMatcher([
        (Slug(validating: "lee-jae-myung")!, ["Lee Jae-myung", "President Lee", "Lee"]),
        (Slug(validating: "xi-jinping")!, ["Xi Jinping", "Xi"]),
    ])

    @Test func matchesWholeWordsCaseSensitively() {
        #expect(matcher.counts(in: "Xi met Lee. xi and leeward and Xian do not count.") == [
            Slug(validating: "xi-jinping")!: 1, Slug(validating: "lee-jae-myung")!: 1,
        ])
    }

    @Test func longestAliasWinsAndCountsOnce() {
        #expect(matcher.counts(in: "President Lee Jae-myung hosted Xi Jinping.") == [
            Slug(validating: "lee-jae-myung")!: 1, Slug(validating: "xi-jinping")!: 1,
        ])
    }

    @Test func possessivesStillMatch() {
        #expect(matcher.counts(in: "Xi's plane landed.")[Slug(validating: "xi-jinping")!] == 1)
    }

    /// Phrases whose words are equal as `String`s but not byte for byte: precomposed and
    /// decomposed accents, the Kelvin sign (NFC "K") and the Ångström sign (NFC "Å").
    static let trickyPhrases: [(owner: Slug, phrases: [String])] = [
        (Slug(validating: "erdogan")!, ["Erdoğan", "President Erdog\u{306}an"]),
        (Slug(validating: "kelvin")!, ["\u{212A}elvin Smith"]),
        (Slug(validating: "smith")!, ["Smith"]),
        (Slug(validating: "angstrom")!, ["\u{212B}ngstr\u{F6}m", "cafe\u{301}"]),
        (Slug(validating: "budget")!, ["the budget", "the budget law", "budget"]),
        (Slug(validating: "law")!, ["budget law", "law", "the"]),
        (Slug(validating: "numbers")!, ["G7", "2025 summit", "٣"]),
    ]

    static let trickyTexts = [
        "Kelvin Smith met \u{212A}elvin Smith and Smith.", "café, cafe\u{301} and CAFÉ",
        "Erdoğan and Erdog\u{306}an; President Erdoğan, President Erdog\u{306}an.", "Ångström or \u{212B}ngstr\u{F6}m",
        "the budget law, the the budget, budget law law", "G7 2025 summit ٣ G77 2025summit",
        "e\u{301} combining marks: the budget, Kelvin Smith", "emoji 👩‍👩‍👧 the budget 🇺🇦 Erdoğan",
        "Hangul 한국어 Smith", "underscores_the budget_law", "“the budget” — Smith’s", "", "the",
    ]

    /// The fast lookups count exactly what comparing every phrase with the text's words as
    /// `String`s counts.
    @Test(arguments: trickyTexts) func countsWhatStringComparisonCounts(text: String) {
        let matcher = PhraseMatcher(Self.trickyPhrases)
        #expect(matcher.counts(in: text) == Self.referenceCounts(in: text, phrases: Self.trickyPhrases))
    }

    @Test func kelvinSignMatchesPlainK() {
        #expect(PhraseMatcher.asciiSpelling(of: "\u{212A}elvin") == Array("Kelvin".utf8))
        #expect(PhraseMatcher.asciiSpelling(of: "Erdoğan") == nil)
        let counts = PhraseMatcher(Self.trickyPhrases).counts(in: "Kelvin Smith")
        #expect(counts == [Slug(validating: "kelvin")!: 1])
    }

    /// At each word, the longest phrase (the first listed among equals) whose words equal the
    /// next words; the scan goes on after it.
    static func referenceCounts(in text: String, phrases: [(owner: Slug, phrases: [String])]) -> [Slug: Int] {
        func words(_ text: String) -> [Substring] { text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) }
        let candidates = phrases.flatMap { entry in entry.phrases.map { (entry.owner, words($0)) } }.filter { !$1.isEmpty }
        let textWords = words(text)
        var counts: [Slug: Int] = [:]
        var i = 0
        while i < textWords.count {
            var best: (owner: Slug, length: Int)?
            for (owner, phrase) in candidates where phrase.count > (best?.length ?? 0) && i + phrase.count <= textWords.count {
                if zip(phrase, textWords[i...]).allSatisfy({ String($0) == String($1) }) { best = (owner, phrase.count) }
            }
            if let best {
                counts[best.owner, default: 0] += 1
                i += best.length
            } else {
                i += 1
            }
        }
        return counts
    }
}
