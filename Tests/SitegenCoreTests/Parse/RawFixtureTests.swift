import Foundation
import MarkdownHTML
import Testing

@testable import SitegenCore

/// The raw text fixtures in `Fixtures/raw`, read as bytes (BOM and CRLF kept) and parsed.
struct RawFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/raw")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
        $0.hasSuffix(".txt")
    }.sorted()
    static let failing = ["date-only.txt", "impossible-date.txt", "no-date.txt"]
    static let parsing = names.filter { !failing.contains($0) }

    static func source(_ name: String) -> String {
        let data = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func parse(_ name: String) -> ParseOutcome<ParsedArticle> {
        RawTextParser().parse(SourceFile(path: "raw/" + name, text: source(name)))
    }

    @Test func everyEdgeCaseHasAFixture() {
        let edgeCases = [
            "no-date.txt", "impossible-date.txt", "date-only.txt", "signature-without-text.txt",
            "long-first-sentence.txt",
            "multi-paragraph-post.txt", "crlf.txt", "bom.txt", "styled-names.txt", "markdown-characters.txt",
            "post-first.txt", "announcement-unsigned.txt", "front-matter.txt", "full-article.txt",
        ]
        #expect(edgeCases.filter { !Self.names.contains($0) } == [])
        #expect(Self.parsing.count == Self.names.count - 3)
    }

    @Test func errorFixturesNameTheFileLineAndColumn() {
        #expect(
            Self.parse("no-date.txt").diagnostics.map(\.description) == [
                "raw/no-date.txt:1:1: error: raw text has no date (expected the first line to start 'date YYYY-MM-DD', "
                    + "or a front matter block with 'date:')"
            ])
        #expect(
            Self.parse("impossible-date.txt").diagnostics
                == [
                    SitegenError(
                        .invalidDate("2025-13-45"), at: fixtureLocation("impossible-date.txt", 1, 6))
                ])
        #expect(
            Self.parse("date-only.txt").diagnostics
                == [SitegenError(.missingRawText, at: fixtureLocation("date-only.txt", 1, 16))])
    }

    @Test(arguments: [
        (
            "announcement-unsigned.txt",
            "Chancellor Ivo Marsh announced a cabinet reshuffle in a late-night post", 1
        ),
        ("bom.txt", "Teravia's postal service resumed deliveries to the islands on Tuesday after a week of storms", 0),
        ("crlf.txt", "Ostmark's central bank held interest rates at 3.5 percent on Monday", 0),
        (
            "front-matter-with-date-word.txt",
            "Queen Lise opened the new ferry terminal at Port Alder on Friday", 0
        ),
        ("front-matter.txt", "Ostmark and Teravia open talks on river tolls", 0),
        (
            "full-article.txt",
            "Chancellor Ivo Marsh of Teravia and Queen Lise of Ostmark signed a grain corridor pact", 2
        ),
        (
            "long-first-sentence.txt",
            "The coalition partners in the Teravian parliament who had spent most of the spring arguing", 0
        ),
        ("markdown-characters.txt", "Teravia's trade office listed new tariff codes on Friday", 0),
        (
            "multi-paragraph-post.txt",
            "Queen Lise of Ostmark used a long post on Saturday to answer critics of the harbour levy", 1
        ),
        ("post-first.txt", "The border crossing at Halden will stay closed until further notice, the interior ministry says", 1),
        (
            "signature-without-text.txt",
            "The Ostmark royal household shared a photograph of Queen Lise at the harbour on Wednesday", 1
        ),
        (
            "styled-names.txt",
            "Supporters of Chancellor Ivo Marsh flooded social feeds on Saturday after his speech in Lindholm", 2
        ),
    ])
    func fixtureTitleAndPostCount(_ name: String, _ title: String, _ postCount: Int) {
        let outcome = Self.parse(name)
        #expect(outcome.diagnostics == [])
        #expect(outcome.value?.title == title)
        #expect(outcome.value?.posts.count == postCount)
        #expect((outcome.value?.title.count ?? 0) <= RawTitle.limit + RawTitle.limit / 9)
    }

    @Test func crlfAndBOMFixturesParseLikeTheirLFText() throws {
        #expect(Self.source("crlf.txt").utf8.contains(13))
        #expect(Self.source("bom.txt").hasPrefix("\u{FEFF}"))
        for name in ["crlf.txt", "bom.txt"] {
            let bytes = Array(Self.source(name).utf8)
            let decoded = try SourceFile.decode(bytes).get()
            let fromLoader = RawTextParser().parse(SourceFile(path: "raw/" + name, text: decoded)).value
            #expect(fromLoader?.body == Self.parse(name).value?.body)
            #expect(fromLoader?.body.html.contains("\r") == false)
            #expect(fromLoader?.body.html.contains("\u{FEFF}") == false)
        }
        #expect(
            Self.parse("crlf.txt").value?.body.plainText
                == "Ostmark's central bank held interest rates at 3.5 percent on Monday, citing slowing inflation.\n\n"
                + "The decision was unanimous. A statement followed at noon.")
    }

    @Test func multiParagraphPostFixture() {
        let post = Self.parse("multi-paragraph-post.txt").value?.posts.first
        #expect(post?.paragraphs.count == 3)
        #expect(post?.authorName == "Queen Lise")
        #expect(post?.handle == "@QueenLiseOst")
        #expect(post?.platform == "X")
        #expect(post?.time == "9:30 AM CET")
        #expect(post?.sharedBy?.handle == "@ostroyalwatch")
        #expect(post?.location == fixtureLocation("multi-paragraph-post.txt", 3, 1))
    }

    @Test func styledNamesAreKeptForDisplayAndFoldedForSlugsAndMatching() {
        let posts = Self.parse("styled-names.txt").value?.posts ?? []
        #expect(posts.map(\.authorName) == ["𝘛𝘦𝘳𝘢𝘷𝘪𝘢 𝘍𝘪𝘳𝘴𝘵 𝘊𝘰𝘭𝘭𝘦𝘤𝘵𝘪𝘷𝘦", "𝐎𝐬𝐭𝐦𝐚𝐫𝐤 𝐃𝐚𝐢𝐥𝐲"])
        #expect(
            posts.map { SocialPost.matchKey($0.authorName ?? "") } == [
                "teravia first collective", "ostmark daily",
            ])
        #expect(posts.map(\.dateText) == ["August 15, 2026", "Aug 15, 2026"])
    }

    /// Every word of the source appears in the rendered HTML's text. The front matter and the
    /// `date` word are left out: the article page shows them outside the body.
    @Test(arguments: parsing)
    func nothingIsLost(_ name: String) {
        let article = Self.parse(name).value
        let shown = Set(Self.words(Self.text(ofHTML: article?.body.html ?? "")))
        let missing = Self.words(Self.bodySource(Self.source(name))).filter { !shown.contains($0) }
        #expect(missing == [], "\(name)")
    }

    /// The Markdown twin renders back to the same text, and the HTML shows exactly that text.
    @Test(arguments: parsing)
    func markdownTwinRendersTheSameText(_ name: String) throws {
        guard let article = Self.parse(name).value else {
            Issue.record("\(name) does not parse")
            return
        }
        #expect(
            MarkdownRenderer().render(try article.articleBody.markdown()).plainText == article.body.plainText, "\(name)")
        #expect(
            Self.words(Self.text(ofHTML: article.body.html)) == Self.words(article.body.plainText), "\(name)")
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func text(ofHTML html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
                text.append(" ")
            } else if !inTag {
                text.append(character)
            }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The source without its front matter block and its leading `date YYYY-MM-DD` word.
    static func bodySource(_ source: String) -> String {
        var lines = source.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.trimmingCharacters(in: .init(charactersIn: "\u{FEFF}")) == "---",
            let close = lines.dropFirst().firstIndex(of: "---")
        {
            lines.removeSubrange(...close)
        }
        var body = lines.joined(separator: "\n").trimmingCharacters(
            in: .whitespacesAndNewlines.union(.init(charactersIn: "\u{FEFF}")))
        if body.lowercased().hasPrefix("date ") {
            body = body.dropFirst(5).drop(while: { !$0.isWhitespace }).description
        }
        return body
    }
}

private func fixtureLocation(_ name: String, _ line: Int, _ column: Int) -> SitegenCore.SourceLocation {
    SitegenCore.SourceLocation(path: "raw/" + name, line: line, column: column)
}
