import Testing
@testable import SitegenCore

struct SearchFoldingTests {
    @Test func diacriticsAreRemoved() {
        #expect(SearchFolding.fold("Erdoğan") == "erdogan")
        #expect(SearchFolding.fold("Zelenskyy, Kyïv, São Paulo, Ñandú") == "zelenskyy, kyiv, sao paulo, nandu")
    }

    @Test func styledLettersBecomePlain() {
        #expect(SearchFolding.fold("𝘚𝘵𝘺𝘭𝘦𝘥") == "styled")
        #expect(SearchFolding.fold("𝐁𝐨𝐥𝐝 𝕯𝖗𝖆𝖈𝖚𝖑𝖆 Ｆｕｌｌ") == "bold dracula full")
        #expect(SearchFolding.fold("ﬁnance") == "finance")
    }

    @Test func caseIsFolded() {
        #expect(SearchFolding.fold("SOYBEANS Soybeans soybeans") == "soybeans soybeans soybeans")
        #expect(SearchFolding.fold("İSTANBUL") == "istanbul")
        #expect(SearchFolding.fold("ΟΔΟΣ οδος") == "οδοσ οδοσ")
    }

    @Test func lettersWithoutDecompositionAreSpelledOut() {
        #expect(SearchFolding.fold("Łukasz Straße Ærø ıi") == "lukasz strasse aero ii")
    }

    @Test func otherScriptsKeepTheirLetters() {
        #expect(SearchFolding.fold("Путин 习近平 한국") == "путин 习近平 한국")
    }

    @Test func termsSplitOnAnythingButLettersDigitsAndMarks() {
        #expect(SearchFolding.terms(in: "Xi's G20 talks—in Busan, 2025!") == ["xi", "g20", "talks", "busan", "2025"])
        #expect(SearchFolding.terms(in: "US-China trade: a truce") == ["us", "china", "trade", "truce"])
    }

    @Test func shortWordsAndStopwordsAreDropped() {
        #expect(SearchFolding.terms(in: "The talks of a day in Busan and X") == ["talks", "day", "busan"])
        // A term set is handed the stopwords, and leaves them out of what it gives.
        var set = SearchTermSet()
        set.insertTerms(of: "The talks of a day in Busan and X, THEIR WHICH about abouts")
        #expect(Set(set.terms) == ["talks", "day", "busan", "abouts"])
        #expect(set.packedTerms.pairs.count == 2 * 4)
    }

    @Test func longWordsAreCut() {
        let long = String(repeating: "ab", count: 30)
        #expect(SearchFolding.terms(in: long) == [String(long.prefix(SearchFolding.maxLength))])
    }

    @Test func asciiAndUnicodePathsAgree() {
        #expect(SearchFolding.fold("Trade Talks 2025") == "trade talks 2025")
        #expect(SearchFolding.fold("Trade Talks 2025\u{00A0}é") == "trade talks 2025 e")
    }

    /// `terms(in:)` cuts text at ASCII punctuation before folding; it must find exactly what
    /// folding the whole text and then splitting it finds.
    @Test(arguments: [
        "Erdoğan met Zelenskyy in Kyïv; São Paulo — Ñandú!",
        "𝘚𝘵𝘺𝘭𝘦𝘥, 𝐁𝐨𝐥𝐝 𝕯𝖗𝖆𝖈𝖚𝖑𝖆 and Ｆｕｌｌ：width ﬁnance",
        "e\u{301}te\u{301}, a=\u{338}b, x<\u{338}y, .\u{301}mark after a dot",
        "ΟΔΟΣ.οδος ΣΑΣ'ς İSTANBUL Łukasz-Straße Ærø ıi",
        "Путин/习近平/한국 2025年 №5 ½ x²",
        "[a link](https://example.org/path_with_underscores?q=1) **bold** `code` <b>tag</b>",
        String(repeating: "ünïcödé", count: 10) + " " + String(repeating: "ab", count: 30),
        "The a of an X y Z 12 1 to\u{00A0}é\u{2003}word\tand\nnew",
        "Xi’s “truce” — «paix» ‘quoted’ a–b x‐y…z\u{00A0}e\u{301}\u{2019}\u{301}s \u{201C}\u{338}",
        SearchFolding.stopwords.joined(separator: " ") + " " + SearchFolding.stopwords.joined(separator: "’").uppercased(),
    ])
    func fastTermsMatchFoldingTheWholeText(_ text: String) {
        let slow = SearchFolding.words(inFolded: SearchFolding.fold(text)).filter(SearchFolding.isSearchable)
        #expect(SearchFolding.terms(in: text) == slow)
    }

    /// The scan takes eight ASCII bytes at a time where it can: random texts put every kind of
    /// piece at every offset of those eight bytes, across their edges and the text's end.
    @Test func fastTermsMatchFoldingOnRandomTexts() {
        let pieces = [
            "a", "of", "The", "tariffs", "SOYBEANS", "Xi", "x2", "2025", "abcdefgh", "ABCDEFGHI", "abcdefghijklmnop",
            "Abcdefghijklmnopq", String(repeating: "Zz", count: 20), "to", "WHICH", "which’s",
            " ", "  ", ".", ", ", "-", "_", "/", "\n\n", "[", "](https://example.org/a_b?c=1)", "**", "`", "<b>", "'", "\t",
            "é", "Erdoğan", "KYÏV", "ß", "\u{00A0}", "—", "“", "”", "…", "e\u{301}", "½", "习近平", "𝘚𝘵𝘺𝘭𝘦𝘥",
        ]
        var random = SeededRandom(seed: 7)
        for _ in 0..<3_000 {
            let text = (0..<random.next(below: 40)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            let slow = SearchFolding.words(inFolded: SearchFolding.fold(text)).filter(SearchFolding.isSearchable)
            #expect(SearchFolding.terms(in: text) == slow, "\(text.debugDescription)")
            var set = SearchTermSet()
            set.insertTerms(of: text)
            #expect(Set(set.terms) == Set(slow), "\(text.debugDescription)")
            let packed = set.packedTerms
            let unpacked = stride(from: 0, to: packed.pairs.count, by: 2).map {
                SearchTermSet.term(low: packed.pairs[$0], high: packed.pairs[$0 + 1])
            }
            #expect(Set(unpacked + packed.others) == Set(slow), "\(text.debugDescription)")
        }
    }

    /// Where sixty-four bytes in a row are ASCII, the scan takes them at once: long texts,
    /// mostly ASCII, put words across the edges of those blocks, blocks that are one word, and
    /// other scalars just before, inside and after them.
    @Test func fastTermsMatchFoldingOnLongMostlyASCIITexts() {
        let ascii = [
            "a", "of", "The", "tariffs", "SOYBEANS", "Xi", "x2", "2025", "abcdefgh", "ABCDEFGHI", "abcdefghijklmnop",
            "Abcdefghijklmnopq", String(repeating: "Zz", count: 20), String(repeating: "q", count: 70), "to", "WHICH",
            " ", " ", " ", "  ", ".", ", ", "-", "_", "/", "\n\n", "](https://example.org/a_b?c=1)", "**", "'", "\t",
            String(repeating: " ", count: 64), String(repeating: ".", count: 65),
        ]
        let other = ["é", "Erdoğan", "KYÏV", "ß", "\u{00A0}", "—", "“", "…", "e\u{301}", "习近平", "\u{301}"]
        var random = SeededRandom(seed: 64)
        for _ in 0..<1_500 {
            let text = (0..<random.next(below: 200)).map { _ in
                random.next(below: 25) == 0 ? other[random.next(below: other.count)] : ascii[random.next(below: ascii.count)]
            }.joined()
            let slow = SearchFolding.words(inFolded: SearchFolding.fold(text)).filter(SearchFolding.isSearchable)
            #expect(SearchFolding.terms(in: text) == slow, "\(text.debugDescription)")
            var set = SearchTermSet()
            set.insertTerms(of: text)
            #expect(Set(set.terms) == Set(slow), "\(text.debugDescription)")
        }
    }

    @Test func termSetKeepsEachTermOnce() {
        var set = SearchTermSet()
        var expected = Set<String>()
        // Enough distinct terms to grow the table several times, at the 8- and 16-byte edges.
        for number in 0..<5_000 {
            for term in ["t\(number)", String(repeating: "a", count: 7) + "\(number % 10)",
                         "abcdefghijklmno\(number % 10)", "abcdefghijklmnop\(number % 10)", "erdoğan\(number % 3)"] {
                set.insert(term)
                expected.insert(term)
            }
        }
        set.insertTerms(of: "Trade TRADE trade “trade” Straße")
        expected.formUnion(["trade", "strasse"])
        #expect(set.terms.count == expected.count)
        #expect(Set(set.terms) == expected)
    }
}
