import Testing

@testable import SitegenCore

struct RawPostSyntaxTests {
    typealias Syntax = RawPostSyntax
    let feb14 = NewsDate(year: 2026, month: 2, day: 14)

    @Test func signatureWithEmDashNameHandleAndDate() {
        #expect(
            Syntax.signature(
                endingWith: "Talks went well. — Baltic Wire Desk (@balticwiredesk) February 14, 2026")
                == Syntax.Signature(
                    text: "Talks went well.",
                    account: SocialAccount(
                        name: "Baltic Wire Desk", handle: "@balticwiredesk", date: feb14,
                        dateText: "February 14, 2026")))
    }

    @Test func signatureAcceptsOtherDashesAndMonthForms() {
        for text in [
            "Hi — Wire (@wire) Feb 14, 2026", "Hi – Wire (@wire) Feb. 14, 2026",
            "Hi -- Wire (@wire) feb 14 2026",
            "Hi ― Wire (@wire) FEBRUARY 14, 2026.", "Hi - Wire (@wire) Feb 14, 2026",
            "Hi—Wire (@wire)  Feb  14,  2026  ",
        ] {
            let signature = Syntax.signature(endingWith: text)
            #expect(signature?.text == "Hi", "\(text)")
            #expect(signature?.account.name == "Wire", "\(text)")
            #expect(signature?.account.date == feb14, "\(text)")
        }
        #expect(
            Syntax.signature(endingWith: "Hi — Wire (@wire) Sept 3, 2026")?.account.date
                == NewsDate(year: 2026, month: 9, day: 3))
    }

    @Test func signatureNameKeepsStyledLettersHyphensAndEarlierDashes() {
        let styled = Syntax.signature(endingWith: "Yes — it is — 𝘈𝘯𝘯𝘢 𝘉𝘦𝘳𝘨 🇳🇴 (@Anna_Berg2) Feb 14, 2026")
        #expect(styled?.text == "Yes — it is")
        #expect(styled?.account.name == "𝘈𝘯𝘯𝘢 𝘉𝘦𝘳𝘨 🇳🇴")
        #expect(styled?.account.handle == "@Anna_Berg2")
        #expect(
            Syntax.signature(endingWith: "Hi — Jean-Luc Marten (@jlm) Feb 14, 2026")?.account.name
                == "Jean-Luc Marten")
    }

    @Test func signatureWithoutTextNameOrDate() {
        #expect(Syntax.signature(endingWith: "— Wire (@wire) Feb 14, 2026")?.text == "")
        #expect(Syntax.signature(endingWith: "Hi — (@wire) Feb 14, 2026")?.account.name == nil)
        #expect(
            Syntax.signature(endingWith: "Hi — Wire (@wire)")
                == Syntax.Signature(text: "Hi", account: SocialAccount(name: "Wire", handle: "@wire")))
    }

    @Test func signatureWithImpossibleDayKeepsTheWrittenDate() {
        let signature = Syntax.signature(endingWith: "Hi — Wire (@wire) February 30, 2026")
        #expect(signature?.account.date == nil)
        #expect(signature?.account.dateText == "February 30, 2026")
    }

    @Test func proseIsNotASignature() {
        #expect(
            Syntax.signature(endingWith: "Kiel thanked Anna Berg (@AnnaBergPM) on February 14, 2026") == nil)
        #expect(Syntax.signature(endingWith: "Kiel thanked Anna Berg (@AnnaBergPM) February 14, 2026") == nil)
        #expect(Syntax.signature(endingWith: "Hi — Wire (@wire) February 14, 2026 and more") == nil)
        #expect(Syntax.signature(endingWith: "Hi — Wire (@wi re) February 14, 2026") == nil)
        #expect(Syntax.signature(endingWith: "Hi — Wire (@) February 14, 2026") == nil)
        #expect(Syntax.signature(endingWith: "Hi — Wire (@wire) Someday 14, 2026") == nil)
        let longName = String(repeating: "word ", count: 14)
        #expect(Syntax.signature(endingWith: "Hi — \(longName)(@wire) Feb 14, 2026") == nil)
    }

    @Test func announcementWithPlatform() {
        let (announcement, rest) = Syntax.announcement(startingWith: "( @AnnaBergPM – Social Post ) next")!
        #expect(
            announcement
                == Syntax.Announcement(handle: "@AnnaBergPM", platform: "Social", label: "Social Post"))
        #expect(rest == "next")
        #expect(
            Syntax.announcement(startingWith: "(@realLeader - Truth Social Post)")?.0.platform
                == "Truth Social")
        #expect(
            Syntax.announcement(startingWith: "( @x — X )")?.0
                == Syntax.Announcement(handle: "@x", platform: "X", label: "X"))
        #expect(Syntax.announcement(startingWith: "( @x – Post )")?.0.platform == nil)
    }

    @Test func notAnAnnouncement() {
        #expect(Syntax.announcement(startingWith: "(Reuters) - Kiel said") == nil)
        #expect(Syntax.announcement(startingWith: "( @x Social Post )") == nil)
        #expect(Syntax.announcement(startingWith: "( @x – )") == nil)
        #expect(Syntax.announcement(startingWith: "Text ( @x – X Post )") == nil)
        #expect(Syntax.announcement(startingWith: "( @x – X Post, see https://a.example )") == nil)
    }

    @Test func authorLineWithDateAndTime() {
        let (line, rest) = Syntax.authorLine(
            startingWith: "( Anna Berg – Feb 14, 2026, 10:05 AM CET ) A good call.")!
        #expect(
            line
                == Syntax.AuthorLine(
                    name: "Anna Berg", date: feb14, dateText: "Feb 14, 2026", time: "10:05 AM CET"))
        #expect(rest == "A good call.")
    }

    @Test func authorLineVariants() {
        #expect(
            Syntax.authorLine(startingWith: "(Jean-Luc Marten - February 14, 2026)")?.0
                == Syntax.AuthorLine(
                    name: "Jean-Luc Marten", date: feb14, dateText: "February 14, 2026", time: nil))
        #expect(Syntax.authorLine(startingWith: "( A - B – Feb 14, 2026, 9:15 PM ET )")?.0.name == "A - B")
        #expect(Syntax.authorLine(startingWith: "( Anna — Feb 14, 2026, 22:05 )")?.0.time == "22:05")
        #expect(
            Syntax.authorLine(startingWith: "( Anna – Feb 14, 2026, 9:15 p.m. GMT+1 )")?.0.time
                == "9:15 p.m. GMT+1")
        #expect(
            Syntax.authorLine(startingWith: "( 𝘈𝘯𝘯𝘢 – Feb 31, 2026 )")?.0
                == Syntax.AuthorLine(name: "𝘈𝘯𝘯𝘢", date: nil, dateText: "Feb 31, 2026", time: nil))
    }

    @Test func notAnAuthorLine() {
        #expect(Syntax.authorLine(startingWith: "(Reuters) - Kiel said on Feb 14, 2026") == nil)
        #expect(Syntax.authorLine(startingWith: "( Anna Berg, Feb 14, 2026 )") == nil)
        #expect(Syntax.authorLine(startingWith: "( Anna – yesterday )") == nil)
        #expect(Syntax.authorLine(startingWith: "( Anna – Feb 14, 2026, at noon )") == nil)
        #expect(Syntax.authorLine(startingWith: "( – Feb 14, 2026 )") == nil)
        #expect(Syntax.authorLine(startingWith: "( Anna – Feb 14, 2026") == nil)
    }

    @Test func monthDayYear() {
        #expect(
            Syntax.monthDayYear(prefixOf: "March 9, 2026 rest")?.date
                == NewsDate(year: 2026, month: 3, day: 9))
        #expect(
            Syntax.monthDayYear(prefixOf: "Feb 29, 2028")?.date == NewsDate(year: 2028, month: 2, day: 29))
        #expect(Syntax.monthDayYear(prefixOf: "Feb 29, 2026")?.date == nil)
        #expect(Syntax.monthDayYear(prefixOf: "Feb 29, 2026") != nil)
        #expect(Syntax.monthDayYear(prefixOf: "Fe 1, 2026") == nil)
        #expect(Syntax.monthDayYear(prefixOf: "Feb 123, 2026") == nil)
        #expect(Syntax.monthDayYear(prefixOf: "Feb 1, 20265") == nil)
        #expect(Syntax.monthDayYear(prefixOf: "Feb1, 2026") == nil)
    }
}
