import MarkdownHTML
import Testing

@testable import SitegenCore

struct RawTextParserTests {
    let path = "Content/articles/halden.txt"

    func parse(_ text: String) -> ParseOutcome<ParsedArticle> {
        RawTextParser().parse(SourceFile(path: path, text: text))
    }

    func at(_ line: Int, _ column: Int = 1) -> SitegenCore.SourceLocation {
        SitegenCore.SourceLocation(path: path, line: line, column: column)
    }

    @Test func dateLineAndParagraphs() {
        let outcome = parse(
            "date 2026-02-14 Anna Berg met Tomas Kiel in Halden on Friday, ending a dispute.\n\nThey spoke\nfor an hour.\n"
        )
        let article = outcome.value
        #expect(outcome.diagnostics == [])
        #expect(article?.format == .raw)
        #expect(article?.title == "Anna Berg met Tomas Kiel in Halden on Friday")
        #expect(article?.date == NewsDate(year: 2026, month: 2, day: 14))
        #expect(article?.slug == Slug(validating: "anna-berg-met-tomas-kiel-in-halden-on-friday"))
        #expect(article?.summary == nil)
        #expect(article?.leaderRefs == nil)
        #expect(article?.topicRefs == nil)
        #expect(article?.posts == [])
        #expect(
            article?.body
                == RenderedMarkdown(
                    html:
                        "<p>Anna Berg met Tomas Kiel in Halden on Friday, ending a dispute.</p>\n<p>They spoke for an hour.</p>\n",
                    plainText:
                        "Anna Berg met Tomas Kiel in Halden on Friday, ending a dispute.\n\nThey spoke for an hour.",
                    firstParagraph: "Anna Berg met Tomas Kiel in Halden on Friday, ending a dispute."))
        #expect(
            (try? article?.articleBody.markdown())
                == "Anna Berg met Tomas Kiel in Halden on Friday, ending a dispute.\n\nThey spoke for an hour.\n"
        )
    }

    @Test func dateWordVariants() {
        #expect(parse("\n  \n  date 2026-02-14   Kiel met Berg.").value?.title == "Kiel met Berg")
        #expect(
            parse("Date: 2026-02-14 Kiel met Berg.").value?.date == NewsDate(year: 2026, month: 2, day: 14))
        #expect(
            parse("DATE\t2026-02-14T09:30:00+01:00 Kiel met Berg.").value?.date.iso8601
                == "2026-02-14T09:30:00+01:00")
        #expect(parse("date 2026-02-14\nKiel met Berg.").value?.body.firstParagraph == "Kiel met Berg.")
        #expect(parse("date 2026-02-14\n\nKiel met Berg.").value?.title == "Kiel met Berg")
    }

    @Test func postsCarryTheLocationOfTheirParagraph() {
        let article = parse(
            " date 2026-02-14 Lead.\n\nHi. — Wire (@wire) Feb 14, 2026\n\n( @x – X Post ) Yo."
        ).value
        #expect(article?.posts.map(\.location) == [at(3), at(5)])
        #expect(
            parse(" date 2026-02-14 Hi. — Wire (@wire) Feb 14, 2026").value?.posts.map(\.location) == [
                at(1, 18)
            ])
    }

    @Test func leadPostGivesTitleAndFirstParagraphFromItsText() {
        let article = parse(
            "date 2026-02-14 Bridge reopens Monday, officials say. — Wire (@wire) Feb 14, 2026\n\nMore."
        ).value
        #expect(article?.title == "Bridge reopens Monday, officials say")
        #expect(article?.body.firstParagraph == "Bridge reopens Monday, officials say.")
        let announced = parse(
            "date 2026-02-14 ( @x – X Post )\n\nLine one.\n\nLine two. — W (@w) Feb 14, 2026"
        ).value
        #expect(announced?.title == "Line one")
        #expect(announced?.body.firstParagraph == "Line one. Line two.")
    }

    @Test func leadWithoutWordsPassesTheTitleToTheNextBlock() {
        let article = parse("date 2026-02-14 https://wire.example/1\n\nKiel met Berg.").value
        #expect(article?.title == "Kiel met Berg")
        #expect(article?.body.firstParagraph == "https://wire.example/1")
    }

    @Test func articleOfOnlySignaturesIsTitledAfterThePoster() {
        let article = parse("date 2026-02-14 — Baltic Wire Desk (@balticwiredesk) February 14, 2026").value
        #expect(article?.title == "Post by Baltic Wire Desk")
        #expect(article?.body.firstParagraph == "")
        #expect(parse("date 2026-02-14 — (@wire) February 14, 2026").value?.title == "Post by @wire")
    }

    @Test func plainTextStaysPlain() {
        let article = parse(
            "date 2026-02-14 Kiel *said* _no_ to #1 & <b>x</b> [a](b) `c` \"d\".\n\n1. First.\n\n- Dash."
        ).value
        #expect(
            article?.body.html
                == "<p>Kiel *said* _no_ to #1 &amp; &lt;b&gt;x&lt;/b&gt; [a](b) `c` &quot;d&quot;.</p>\n"
                + "<p>1. First.</p>\n<p>- Dash.</p>\n")
        #expect(
            (try? article?.articleBody.markdown()) == #"Kiel \*said\* \_no\_ to #1 \& \<b\>x\</b\> \[a\](b) \`c\` "d"."# + "\n\n"
                + #"1\. First."# + "\n\n" + #"\- Dash."# + "\n")
        #expect(
            (try? article?.articleBody.markdown()).map { MarkdownRenderer().render($0).plainText } == article?.body.plainText)
    }

    @Test func crlfAndByteOrderMarkAreIgnored() {
        let lf = parse("date 2026-02-14 Kiel met Berg.\n\nThey talked.\n").value
        let crlf = parse("\u{FEFF}date 2026-02-14 Kiel met Berg.\r\n\r\nThey talked.\r\n").value
        #expect(crlf?.body == lf?.body)
        #expect(crlf?.title == "Kiel met Berg")
        #expect(
            parse("date 2025-13-45 x\r\n").diagnostics == [
                SitegenError(.invalidDate("2025-13-45"), at: at(1, 6))
            ])
    }

    @Test func missingDateIsAnErrorAtTheStartOfTheFile() {
        #expect(
            parse("Kiel met Berg on Friday.\n").diagnostics == [SitegenError(.missingDateLine, at: at(1))])
        #expect(
            parse("date: soon Kiel met Berg.").diagnostics == [
                SitegenError(.invalidDate("soon"), at: at(1, 7))
            ])
        #expect(
            parse("dated 2026-02-14 Kiel met Berg.").diagnostics == [
                SitegenError(.missingDateLine, at: at(1))
            ])
        #expect(parse("").diagnostics == [SitegenError(.missingDateLine, at: at(1))])
    }

    @Test func impossibleDateIsAnErrorAtTheDateToken() {
        let outcome = parse("\n   date 2025-13-45 Kiel met Berg.")
        #expect(outcome.value == nil)
        #expect(outcome.diagnostics == [SitegenError(.invalidDate("2025-13-45"), at: at(2, 9))])
        #expect(
            outcome.diagnostics.first?.description
                == "Content/articles/halden.txt:2:9: error: invalid date '2025-13-45' "
                + "(expected YYYY-MM-DD or an ISO 8601 date-time such as 2025-11-24T21:30:00-05:00)")
    }

    @Test func dateLineAloneIsAnErrorJustAfterTheDate() {
        #expect(
            parse("date 2026-02-14\n\n  \n").diagnostics == [SitegenError(.missingRawText, at: at(1, 16))])
        #expect(
            parse("date 2026-02-14   ").diagnostics.first?.description.hasPrefix(
                "Content/articles/halden.txt:1:16: error: raw text has no text after the date") == true)
    }

    @Test func frontMatterOverridesDerivedFields() {
        let text =
            "---\ntitle: Bridge deal\ndate: 2026-02-15\nslug: bridge\nsummary: Short.\nleaders: [anna-berg]\n"
            + "topics: trade\n---\ndate 2026-02-14 Kiel met Berg.\n"
        let outcome = parse(text)
        #expect(outcome.diagnostics == [])
        let article = outcome.value
        #expect(article?.title == "Bridge deal")
        #expect(article?.date == NewsDate(year: 2026, month: 2, day: 15))
        #expect(article?.slug == Slug(validating: "bridge"))
        #expect(article?.summary == "Short.")
        #expect(article?.leaderRefs == [Located(value: "anna-berg", location: at(6, 11))])
        #expect(article?.topicRefs == [Located(value: "trade", location: at(7, 9))])
        #expect(article?.body.plainText == "Kiel met Berg.")
    }

    @Test func frontMatterDateMakesTheDateWordOptional() {
        let article = parse("---\ndate: 2026-02-15\n---\nDate palms grow in Vestmark.\n").value
        #expect(article?.title == "Date palms grow in Vestmark")
        #expect(article?.date == NewsDate(year: 2026, month: 2, day: 15))
        #expect(parse("---\ntitle: Only a title\ndate: 2026-02-15\n---\n").value?.body.html == "")
    }

    @Test func frontMatterErrorsAreReportedAsForMarkdown() {
        #expect(
            parse("---\ndate: 2026-02-30\n---\nText.").diagnostics == [
                SitegenError(.invalidDate("2026-02-30"), at: at(2, 7))
            ])
        #expect(
            parse("---\nslug: Not A Slug\n---\ndate 2026-02-14 Text.").diagnostics
                == [SitegenError(.invalidSlug("Not A Slug"), at: at(2, 7))])
        #expect(
            parse("---\ntitle: ''\n---\ndate 2026-02-14 Text.").diagnostics == [
                SitegenError(.emptyTitle, at: at(2, 8))
            ])
        #expect(parse("---\ntitle: x\n").diagnostics == [SitegenError(.unterminatedFrontMatter, at: at(1))])
        #expect(
            parse("---\nleaders: [a]\n---\nText.").diagnostics == [SitegenError(.missingDateLine, at: at(1))])
    }

    @Test func unknownFrontMatterKeyIsAWarning() {
        let outcome = parse("---\ntitel: x\n---\ndate 2026-02-14 Text.")
        #expect(outcome.value?.title == "Text")
        #expect(
            outcome.diagnostics == [
                .warning(.unknownKey("titel", hint: " (did you mean 'title'?)"), at: at(2))
            ])
    }
}
