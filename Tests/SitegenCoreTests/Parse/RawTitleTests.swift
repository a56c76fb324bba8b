import Testing

@testable import SitegenCore

struct RawTitleTests {
    @Test func sampleLeadIsCutAtParticipleThenAtAWordBeforeTheLimit() {
        let lead =
            "Prime Minister Anna Berg of Norland and President Tomas Kiel of Vestmark agreed on Friday to reopen "
            + "the Halden bridge crossing, ending a four-month dispute over fishing quotas that had rattled markets."
        #expect(
            RawTitle.mainClause(of: lead)
                == "Prime Minister Anna Berg of Norland and President Tomas Kiel of Vestmark "
                + "agreed on Friday to reopen the Halden bridge crossing")
        #expect(
            RawTitle.derive(from: lead)
                == "Prime Minister Anna Berg of Norland and President Tomas Kiel of Vestmark agreed on Friday"
        )
        #expect(
            RawTitle.derive(from: lead, limit: 130)
                == "Prime Minister Anna Berg of Norland and President Tomas "
                + "Kiel of Vestmark agreed on Friday to reopen the Halden bridge crossing")
    }

    @Test func firstSentenceEndsAtPunctuationBeforeAnUppercaseLetter() {
        #expect(RawTitle.firstSentence(of: "Talks ended. Both sides left.") == "Talks ended.")
        #expect(RawTitle.firstSentence(of: "Will talks resume? Nobody knows.") == "Will talks resume?")
        #expect(RawTitle.firstSentence(of: "It is over! The deal holds.") == "It is over!")
        #expect(RawTitle.firstSentence(of: "Kiel said “no.” Then he left.") == "Kiel said “no.”")
        #expect(RawTitle.firstSentence(of: "Talks ended. “We are done,” Kiel said.") == "Talks ended.")
        #expect(RawTitle.firstSentence(of: "Talks ended. then more") == "Talks ended. then more")
        #expect(RawTitle.firstSentence(of: "No end in sight") == "No end in sight")
    }

    @Test func firstSentenceSkipsAbbreviationsInitialsAndDecimals() {
        #expect(RawTitle.firstSentence(of: "The U.S. Senate voted. Later.") == "The U.S. Senate voted.")
        #expect(
            RawTitle.firstSentence(of: "Mr. Kiel met Dr. Berg and Gen. Holm. Later.")
                == "Mr. Kiel met Dr. Berg and Gen. Holm.")
        #expect(RawTitle.firstSentence(of: "Donald J. Trump spoke. Later.") == "Donald J. Trump spoke.")
        #expect(RawTitle.firstSentence(of: "Growth hit 3.5 percent. Later.") == "Growth hit 3.5 percent.")
        #expect(
            RawTitle.firstSentence(of: "Talks began Jan. 5 in Halden. Later.")
                == "Talks began Jan. 5 in Halden.")
    }

    @Test func mainClauseStopsAtTheFirstClauseBoundary() {
        #expect(
            RawTitle.mainClause(of: "Kiel and Berg met in Halden, citing progress.")
                == "Kiel and Berg met in Halden")
        #expect(
            RawTitle.mainClause(of: "Kiel and Berg met in Halden, backed by allies.")
                == "Kiel and Berg met in Halden")
        #expect(
            RawTitle.mainClause(of: "Kiel and Berg met in Halden, led by aides.")
                == "Kiel and Berg met in Halden")
        #expect(RawTitle.mainClause(of: "Kiel and Berg met — briefly — in Halden.") == "Kiel and Berg met")
        #expect(RawTitle.mainClause(of: "Kiel and Berg met—briefly—in Halden.") == "Kiel and Berg met")
        #expect(RawTitle.mainClause(of: "Kiel and Berg met – briefly.") == "Kiel and Berg met")
        #expect(RawTitle.mainClause(of: "Kiel and Berg met - briefly.") == "Kiel and Berg met")
        #expect(RawTitle.mainClause(of: "Kiel and Berg met -- briefly.") == "Kiel and Berg met")
        #expect(RawTitle.mainClause(of: "Kiel and Berg agree: tariffs fall.") == "Kiel and Berg agree")
        #expect(RawTitle.mainClause(of: "Kiel and Berg agree; tariffs fall.") == "Kiel and Berg agree")
    }

    @Test func mainClauseKeepsCommasHyphensAndRangesThatAreNotBoundaries() {
        #expect(
            RawTitle.mainClause(of: "Kiel, Berg and Holm met in Halden.")
                == "Kiel, Berg and Holm met in Halden.")
        #expect(
            RawTitle.mainClause(of: "Kiel and Berg met, and Holm spoke.")
                == "Kiel and Berg met, and Holm spoke.")
        #expect(
            RawTitle.mainClause(of: "Kiel and Berg met in Halden, Beijing and Oslo.")
                == "Kiel and Berg met in Halden, Beijing and Oslo.")
        #expect(
            RawTitle.mainClause(of: "The four-month 2025–2026 dispute ended.")
                == "The four-month 2025–2026 dispute ended.")
        #expect(RawTitle.mainClause(of: "Talks at 10:05 went well.") == "Talks at 10:05 went well.")
        #expect(RawTitle.mainClause(of: "Kiel met Berg, during talks.") == "Kiel met Berg, during talks.")
    }

    @Test func boundaryLeavingFewerThanThreeWordsIsSkipped() {
        #expect(
            RawTitle.derive(from: "BREAKING: NORLAND AND VESTMARK TO REOPEN CROSSING. DETAILS AT NOON.")
                == "BREAKING: NORLAND AND VESTMARK TO REOPEN CROSSING")
        #expect(
            RawTitle.derive(from: "Kiel: the bridge reopens Monday, ending the dispute.")
                == "Kiel: the bridge reopens Monday")
    }

    @Test func longClauseIsCutAtACommaInTheSecondHalf() {
        let text =
            "Lawmakers in the northern provinces of Teravia who oppose the levy, the farm lobby and the unions "
            + "all marched on Sunday."
        #expect(
            RawTitle.derive(from: text)
                == "Lawmakers in the northern provinces of Teravia who oppose the levy")
    }

    @Test func longClauseWithoutCommaIsCutAtAWordAndLosesDanglingWords() {
        let text =
            "The coalition partners in the Teravian parliament who had spent most of the spring arguing over "
            + "farm subsidies finally agreed on a budget."
        #expect(
            RawTitle.derive(from: text)
                == "The coalition partners in the Teravian parliament who had spent most of the spring arguing"
        )
        #expect(
            RawTitle.derive(from: "one two three four five six of the", limit: 30)
                == "one two three four five six")
        #expect(RawTitle.derive(from: String(repeating: "x", count: 120))?.count == 90)
    }

    @Test func trailingPunctuationGoesButBalancedQuotesStay() {
        #expect(RawTitle.withoutTrailingPunctuation("Talks ended...") == "Talks ended")
        #expect(RawTitle.withoutTrailingPunctuation("Is it over?!") == "Is it over")
        #expect(
            RawTitle.withoutTrailingPunctuation("Kiel calls talks “frank.”") == "Kiel calls talks “frank”")
        #expect(RawTitle.withoutTrailingPunctuation("Kiel says \"no.\"") == "Kiel says \"no\"")
        #expect(RawTitle.withoutTrailingPunctuation("Talks ended.”") == "Talks ended")
        #expect(RawTitle.withoutTrailingPunctuation("Talks (in Halden).") == "Talks (in Halden)")
        #expect(RawTitle.withoutTrailingPunctuation("The leaders’") == "The leaders’")
    }

    @Test func whiteSpaceIsCollapsedAndLinksAndEmptyTextGiveNothing() {
        #expect(RawTitle.derive(from: "Kiel  met\tBerg.") == "Kiel met Berg")
        #expect(RawTitle.derive(from: "... — !") == nil)
        #expect(
            RawTitle.derive(from: "Berg posted a video. https://t.co/AbC pic.twitter.com/x")
                == "Berg posted a video")
        #expect(RawTitle.derive(from: "https://t.co/AbC") == nil)
        #expect(RawTitle.derive(from: "") == nil)
    }

    @Test func wireDatelineIsSkipped() {
        #expect(
            RawTitle.derive(
                from: "HALDEN, Norland (Baltic Wire) — Prime Minister Anna Berg resigned on Friday.")
                == "Prime Minister Anna Berg resigned on Friday")
        #expect(
            RawTitle.derive(from: "NEW YORK (Wire) - Markets fell sharply, ending a rally.")
                == "Markets fell sharply")
        #expect(RawTitle.derive(from: "HALDEN—Kiel and Berg met on Friday.") == "Kiel and Berg met on Friday")
        #expect(RawTitle.derive(from: "NATO allies met — and agreed — on Friday.") == "NATO allies met")
        #expect(RawTitle.derive(from: "Kiel and Berg met — and agreed.") == "Kiel and Berg met")
        #expect(
            RawTitle.derive(from: "HALDEN — but only briefly, officials said.")
                == "HALDEN — but only briefly, officials said")
    }
}

/// `CharacterTest` answers as `Character` does: for every ASCII character, "\r\n", other
/// characters of news text and characters of several scalars; and its set test agrees with
/// `Set.contains` for sets that mix ASCII and other members, among them the characters
/// canonically equivalent to ASCII (U+037E to `;`, U+1FEF to `` ` ``, U+212A to `K`).
struct CharacterTestTests {
    static let characters: [Character] =
        (0..<0x80).map { Character(UnicodeScalar(UInt8($0))) }
        + ["\r\n", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}", "é", "e\u{301}", "É", "ß", "Σ", "ς", "ǅ", "Ⅻ", "٣", "½", "“",
            "”", "’", "—", "–", "…", "«", "\u{37E}", "\u{1FEF}", "\u{212A}", "\u{130}", "a\u{301}", "A\u{308}", "1\u{20E3}",
            "🇳🇴", "👍🏽", "-\u{301}", ";\u{301}", "\u{200B}"]

    @Test func propertiesMatchCharacters() {
        for character in Self.characters {
            let name = character.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            #expect(CharacterTest.isWhitespace(character) == character.isWhitespace, "\(name)")
            #expect(CharacterTest.isLetter(character) == character.isLetter, "\(name)")
            #expect(CharacterTest.isNumber(character) == character.isNumber, "\(name)")
            #expect(CharacterTest.isUppercase(character) == character.isUppercase, "\(name)")
            #expect(CharacterTest.isLowercase(character) == character.isLowercase, "\(name)")
        }
    }

    @Test func setTestsMatchSets() {
        let sets: [Set<Character>] = [
            [".", "!", "?"], ["\"", "”", "’", "'", ")", "]", "»"], [";", "`", "K", "\n", "“"], ["\r\n", "a"], ["\u{37E}", "b"],
        ]
        for set in sets {
            let members = CharacterTest.Members(set)
            for character in Self.characters {
                #expect(
                    members.contains(character) == set.contains(character),
                    "\(character.unicodeScalars.map(\.value)) in \(set)")
            }
        }
    }
}

/// `RawTitle.collapsingWhiteSpace` does on ASCII bytes what splitting at white-space
/// characters and joining with spaces does: every ASCII byte, alone and in seeded texts
/// with every kind of white space, `"\r\n"` among them (and non-ASCII text, which takes
/// the characters' path).
struct RawTitleWhiteSpaceTests {
    @Test func collapsingMatchesSplittingAtCharacters() {
        func bySplitting(_ text: String) -> String {
            text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        for byte in UInt8(0)..<0x80 {
            let text = "a" + String(UnicodeScalar(byte)) + "b " + String(UnicodeScalar(byte))
            #expect(RawTitle.collapsingWhiteSpace(text) == bySplitting(text), "\(byte)")
        }
        let pieces = ["word", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", ".", "-", "é", "\u{A0}", " \u{301}"]
        var random = SyntheticNews.Random(state: 23)
        for _ in 0..<2_000 {
            let text = (0..<random.below(12)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(RawTitle.collapsingWhiteSpace(text) == bySplitting(text), "\(text.debugDescription)")
        }
    }
}

/// `RawTitle.wordCounts` gives, at every offset, what `wordCount` counts in the characters
/// before it (`mainClause` and `shortened` look boundaries up in it instead of counting each
/// prefix anew): seeded random texts of words, numbers, punctuation, dashes, combining
/// marks, emoji and every kind of white space.
struct RawTitleWordCountTests {
    @Test func prefixCountsMatchCountingEachPrefix() {
        let pieces = [
            "word", "Kiel", "3.5", "—", " – ", "-", ",", ".", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "é", "e\u{301}",
            " \u{301}", "👍🏽", "🇳🇴", "“", "”", "...", "x-ray", "٣", "(", ")",
        ]
        var random = SyntheticNews.Random(state: 19)
        for _ in 0..<500 {
            let text = (0..<random.below(16)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let chars = Array(text)
            let counts = RawTitle.wordCounts(chars)
            #expect(counts.count == chars.count + 1)
            for offset in 0...chars.count {
                #expect(counts[offset] == RawTitle.wordCount(chars[..<offset]), "\(text.debugDescription) at \(offset)")
            }
        }
    }
}
