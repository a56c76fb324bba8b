import MarkdownHTML
import Testing

@testable import SitegenCore

struct TextEscapingTests {
    @Test func htmlEscapesMarkupCharactersAndQuotes() {
        #expect(HTMLText.escape("a < b & c > \"d\" 'e' *f*") == "a &lt; b &amp; c &gt; &quot;d&quot; 'e' *f*")
        #expect(HTMLText.escape("&amp;") == "&amp;amp;")
        #expect(HTMLText.escape("𝘚𝘵𝘺𝘭𝘦𝘥 é") == "𝘚𝘵𝘺𝘭𝘦𝘥 é")
    }

    @Test func markdownEscapesInlineSpecialsEverywhere() {
        #expect(
            MarkdownText.escapeInline(#"a *b* _c_ `d` [e](f) <g> & \h"#)
                == #"a \*b\* \_c\_ \`d\` \[e\](f) \<g\> \& \\h"#)
    }

    @Test func markdownEscapesBlockStartsOnlyAtTheStartOfALine() {
        #expect(MarkdownText.line("# not a heading") == ##"\# not a heading"##)
        #expect(MarkdownText.line("> not a quote") == #"\> not a quote"#)
        #expect(MarkdownText.line("- not a list") == #"\- not a list"#)
        #expect(MarkdownText.line("+ not a list") == #"\+ not a list"#)
        #expect(MarkdownText.line("* not a list") == #"\* not a list"#)
        #expect(MarkdownText.line("1. not a list") == #"1\. not a list"#)
        #expect(MarkdownText.line("2026) not a list") == #"2026\) not a list"#)
        #expect(MarkdownText.line("~~~ not a fence") == #"\~~~ not a fence"#)
        #expect(MarkdownText.line("=== not an underline") == #"\=== not an underline"#)
        #expect(MarkdownText.line("a # b - c + d 1. e > f") == #"a # b - c + d 1. e \> f"#)
        #expect(MarkdownText.line("3.5 percent") == "3.5 percent")
    }

    @Test func markdownDestinationUsesAngleBrackets() {
        #expect(MarkdownText.destination("https://example.org/a_(b)") == "<https://example.org/a_(b)>")
        #expect(MarkdownText.destination(#"https://example.org/a\b"#) == #"<https://example.org/a\\b>"#)
    }

    @Test(arguments: [
        "*quota* and _eel_ and **bold**", "# 12 & \"Schedule B\"", "1. first", "- dash", "+ plus", "> quote",
        "<b>bold</b> <!-- c --> <https://x.example>", "[x](y) ![i](j.png) [ref]: /url", "`code` ``more``",
        "&amp; &#35; &copy", #"\*escaped\* \\ back\"#, "~~~ tildes", "=== equals", "| a | b |", "***", "___",
        "    indented", "AT&T", "10:05 AM · 𝘚𝘵𝘺𝘭𝘦𝘥 — dash", "Trailing backslash \\",
    ])
    func markdownLineRendersBackToTheSameText(_ text: String) {
        let trimmed = String(Substring(text).trimmingWhitespace)
        #expect(MarkdownRenderer().render(MarkdownText.line(trimmed)).plainText == trimmed)
    }

    @Test func postLinksFindsURLsAndPictureLinks() {
        let segments = PostLinks.segments(
            in: "See https://a.example/x?y=1&z=2. And pic.twitter.com/AbC123 now")
        #expect(
            segments == [
                .init(text: "See "),
                .init(text: "https://a.example/x?y=1&z=2", url: "https://a.example/x?y=1&z=2"),
                .init(text: ". And "),
                .init(text: "pic.twitter.com/AbC123", url: "https://pic.twitter.com/AbC123"),
                .init(text: " now"),
            ])
    }

    @Test func postLinksLeavesTrailingPunctuationOutButKeepsBalancedParentheses() {
        #expect(
            PostLinks.segments(in: "(see https://a.example/b).").map(\.url) == [
                nil, "https://a.example/b", nil,
            ])
        #expect(
            PostLinks.segments(in: "https://en.example/Bridge_(Halden)!").map(\.url) == [
                "https://en.example/Bridge_(Halden)", nil,
            ])
        #expect(
            PostLinks.segments(in: "“https://a.example/q”").map(\.url) == [nil, "https://a.example/q", nil])
        #expect(PostLinks.segments(in: "http://a.example, then").map(\.url) == ["http://a.example", nil])
    }

    @Test func postLinksIgnoresIncompleteAndEmbeddedPrefixes() {
        #expect(PostLinks.segments(in: "https:// alone").map(\.url) == [nil])
        #expect(PostLinks.segments(in: "pic.twitter.com/ alone").map(\.url) == [nil])
        #expect(PostLinks.segments(in: "xpic.twitter.com/abc").map(\.url) == [nil])
        #expect(
            PostLinks.segments(in: "https://pic.twitter.com/abc").map(\.url) == [
                "https://pic.twitter.com/abc"
            ])
        #expect(
            PostLinks.segments(in: "pic.twitter.com/abc…").map(\.url) == ["https://pic.twitter.com/abc", nil])
        #expect(PostLinks.segments(in: "no links here") == [.init(text: "no links here")])
    }

    @Test func postLinkTextAndTargetAreEscaped() {
        #expect(
            RawPostCard.linkedHTML("a < https://a.example/?q=\"x\"&y")
                == #"a &lt; <a href="https://a.example/?q=" rel="nofollow noopener">https://a.example/?q=</a>&quot;x&quot;&amp;y"#
        )
        #expect(
            RawPostCard.linkedHTML("https://a.example/?a=1&b=2")
                == #"<a href="https://a.example/?a=1&amp;b=2" rel="nofollow noopener">https://a.example/?a=1&amp;b=2</a>"#
        )
        #expect(
            RawPostCard.linkedMarkdown("pic.twitter.com/AbC *x*")
                == #"[pic.twitter.com/AbC](<https://pic.twitter.com/AbC>) \*x\*"#)
        #expect(
            RawPostCard.linkedMarkdown("1. https://a.example/a_b")
                == #"1\. [https://a.example/a\_b](<https://a.example/a_b>)"#)
    }
}
