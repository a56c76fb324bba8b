import Foundation
import MarkdownHTML
import Testing

@testable import SitegenCore

/// A Markdown body is not kept after Parse: it is read again from its file, which must not
/// have changed since.
extension ArticleBody {
    /// `contents()` as text, to compare with strings.
    func contentsText() throws(SitegenError) -> (html: String, markdown: String) {
        let (html, markdown) = try contents()
        return (String(decoding: html, as: UTF8.self), String(decoding: markdown, as: UTF8.self))
    }
}

struct ArticleBodyTests {
    let project = TemporaryDirectory()
    let renderer = MarkdownRenderer()

    /// Writes `text` as `Content/articles/<name>` and reads and parses it as a build does,
    /// keeping its HTML within `budget` when one is given, and past it in `spill`.
    func parse(
        _ name: String, _ text: String, keeping budget: KeptHTML.Budget? = nil, spill: BodySpill? = nil
    ) throws -> ParsedArticle {
        project.write("Content/articles/" + name, text)
        let loader = ContentLoader(paths: BuildOptions(root: project.url).paths, maxFileSize: 1 << 20)
        let file = try loader.read(project.url.appendingPathComponent("Content/articles/" + name)).get()
        return try #require(ArticleParser(renderer: renderer, keptHTML: budget, spill: spill).parse(file).value)
    }

    static let changed =
        "Content/articles/a.md:1:1: error: file changed during the build, after it was read "
        + "(hint: build again)"

    @Test func bodyIsReadAgainFromItsFile() throws {
        let article = try parse(
            "a.md", "---\ntitle: Truce\ndate: 2025-11-24\n---\nFirst *para*.\n\nSecond.\n")
        #expect(
            try article.articleBody.contentsText() == (
                "<p>First <em>para</em>.</p>\n<p>Second.</p>\n", "First *para*.\n\nSecond.\n"
            ))
        #expect(try article.articleBody.markdown() == "First *para*.\n\nSecond.\n")
        #expect(try article.articleBody.markdownUTF8() == Array("First *para*.\n\nSecond.\n".utf8))
        #expect(try article.articleBody.html() == "<p>First <em>para</em>.</p>\n<p>Second.</p>\n")
        #expect(article.body.markdown.isEmpty)  // the parse keeps no copy
    }

    /// Read again, the body is the text the parser saw: without CRs, as the loader makes it.
    @Test func crlfAndByteOrderMarkAreReadAsParsed() throws {
        let text =
            "\u{FEFF}---\r\ntitle: Truce\r\ndate: 2025-11-24\r\n---\r\nFirst *para*\r\nwraps.\r\n\r\nA lone\rCR.\r\n"
        let article = try parse("a.md", text)
        let body = "First *para*\nwraps.\n\nA lone\nCR.\n"
        #expect(try article.articleBody.markdown() == body)
        #expect(try article.articleBody.markdownUTF8() == Array(body.utf8))  // its CRs found in the bytes
        #expect(try article.articleBody.contentsText() == (renderer.html(from: body), body))
        #expect(try article.articleBody.html() == renderer.html(from: body))
        #expect(
            article.articleBody.hasSameSource(
                as: try parse("b.md", "---\ntitle: T\ndate: 2025-11-24\n---\n" + body).articleBody))
    }

    /// A file settled before it was parsed (last changed more than a second before) is read
    /// back without its bytes being checked again, and gives the same text; one with CRs
    /// still has its line ends made again.
    @Test func aSettledFileIsReadBackTheSame() throws {
        let plain = try parse("a.md", "---\ntitle: T\ndate: 2025-11-24\n---\nFirst *para* é.\n")
        let crlf = try parse("b.md", "---\r\ntitle: T\r\ndate: 2025-11-24\r\n---\r\nFirst *para* é.\r\n")
        Thread.sleep(forTimeInterval: 2.1)  // the stamps taken at Parse are now settled
        for article in [plain, crlf] {
            #expect(try article.articleBody.markdownUTF8() == Array("First *para* é.\n".utf8))
            #expect(try article.articleBody.contentsText() == ("<p>First <em>para</em> é.</p>\n", "First *para* é.\n"))
        }
    }

    /// With raw HTML in safe mode, the Markdown page shows libcmark's safe rendering, as before.
    @Test func rawHTMLIsPublishedDefused() throws {
        let body = "Raw HTML is not passed through: <script>alert(\"x\")</script>.\n"
        let article = try parse("a.md", "---\ntitle: T\ndate: 2025-11-24\n---\n" + body)
        let rendered = renderer.render(body)
        #expect(rendered.markdown != body)
        #expect(try article.articleBody.contentsText() == (rendered.html, rendered.markdown))
        #expect(try article.articleBody.markdown() == rendered.markdown)
        #expect(try article.articleBody.markdownUTF8() == Array(rendered.markdown.utf8))
    }

    @Test func anEmptyBodyReadsAsEmpty() throws {
        let article = try parse("a.md", "---\ntitle: T\ndate: 2025-11-24\n---\n")
        #expect(try article.articleBody.contentsText() == ("", ""))
    }

    @Test func sameTextIsTheSameSourceAndOtherTextIsNot() throws {
        let front = "---\ntitle: T\ndate: 2025-11-24\n---\n"
        let first = try parse("a.md", front + "Same words.\n").articleBody
        let same = try parse("b.md", front + "Same words.\n").articleBody
        let other = try parse("c.md", front + "Other words.\n").articleBody
        #expect(first.hasSameSource(as: same) && first.fingerprint == same.fingerprint)
        #expect(!first.hasSameSource(as: other) && first.fingerprint != other.fingerprint)
    }

    @Test func aFileChangedSinceItWasParsedIsAnError() throws {
        let article = try parse("a.md", "---\ntitle: T\ndate: 2025-11-24\n---\nOne.\n")
        project.write("Content/articles/a.md", "---\ntitle: T\ndate: 2025-11-24\n---\nTwo, longer.\n")
        #expect(
            throws: SitegenError(
                .changedDuringBuild, at: SitegenCore.SourceLocation(path: "Content/articles/a.md"))
        ) {
            try article.articleBody.contents()
        }
        #expect(throws: SitegenError.self) { try article.articleBody.html() }
        #expect(throws: SitegenError.self) { try article.articleBody.markdown() }
        #expect(throws: SitegenError.self) { try article.articleBody.markdownUTF8() }
        do throws(SitegenError) {
            _ = try article.articleBody.markdown()
        } catch {
            #expect(error.description == Self.changed)
        }
    }

    /// Written again with the same bytes, the file is still another file than the one parsed.
    @Test func aFileReplacedWithTheSameTextIsAnError() throws {
        let text = "---\ntitle: T\ndate: 2025-11-24\n---\nOne.\n"
        let article = try parse("a.md", text)
        try Data(text.utf8).write(
            to: project.url.appendingPathComponent("Content/articles/a.md"), options: .atomic)
        #expect(
            throws: SitegenError(
                .changedDuringBuild, at: SitegenCore.SourceLocation(path: "Content/articles/a.md"))
        ) {
            try article.articleBody.contents()
        }
    }

    @Test func aRemovedFileIsAnError() throws {
        let article = try parse("a.md", "---\ntitle: T\ndate: 2025-11-24\n---\nOne.\n")
        try FileManager.default.removeItem(at: project.url.appendingPathComponent("Content/articles/a.md"))
        do throws(SitegenError) {
            _ = try article.articleBody.html()
            Issue.record("expected an error")
        } catch {
            #expect(error.description == Self.changed)
        }
    }

    /// Parse keeps the HTML it made; the page takes it once, and it is the HTML rendering the
    /// file again gives. A second call renders again.
    @Test func keptHTMLIsTakenOnceAndIsTheHTMLOfTheFile() throws {
        let text = "---\ntitle: Truce\ndate: 2025-11-24\n---\nFirst *para*.\n\nSecond.\n"
        let kept = try parse("a.md", text, keeping: KeptHTML.Budget()).articleBody
        let unkept = try parse("b.md", text).articleBody
        #expect(kept.hasKeptHTML && !unkept.hasKeptHTML)
        let expected = ("<p>First <em>para</em>.</p>\n<p>Second.</p>\n", "First *para*.\n\nSecond.\n")
        #expect(try kept.contentsText() == expected)
        #expect(!kept.hasKeptHTML)
        #expect(try kept.contentsText() == expected && unkept.contentsText() == expected)
        #expect(kept.hasSameSource(as: unkept) && kept.fingerprint == unkept.fingerprint)
    }

    /// The budget is shared: a body whose HTML no longer fits is rendered at Render as before.
    /// Empty HTML and a body published defused (raw HTML in safe mode) are never kept.
    @Test func aBudgetKeepsOnlyWhatFits() throws {
        let front = "---\ntitle: T\ndate: 2025-11-24\n---\n"
        let budget = KeptHTML.Budget(bytes: 40)
        let first = try parse("a.md", front + "Twenty-four letters.\n", keeping: budget).articleBody  // 28 bytes of HTML
        let second = try parse("b.md", front + "Twenty-four letters.\n", keeping: budget).articleBody
        let over = try parse("c.md", front + "Four.\n", keeping: budget).articleBody  // 13 bytes: 41 > 40
        let fits = try parse("d.md", front + "Hi.\n", keeping: budget).articleBody  // 11 bytes: 39
        let after = try parse("e.md", front + "A\n", keeping: budget).articleBody  // 9 bytes: 48 > 40
        let empty = try parse("f.md", front, keeping: KeptHTML.Budget()).articleBody
        let raw = try parse("g.md", front + "<b>x</b>\n", keeping: KeptHTML.Budget()).articleBody
        #expect(first.hasKeptHTML && !second.hasKeptHTML && !over.hasKeptHTML && fits.hasKeptHTML)
        #expect(!after.hasKeptHTML && !empty.hasKeptHTML && !raw.hasKeptHTML)
        #expect(try second.contentsText() == ("<p>Twenty-four letters.</p>\n", "Twenty-four letters.\n"))
        #expect(try fits.contentsText() == ("<p>Hi.</p>\n", "Hi.\n"))
        let rendered = renderer.render("<b>x</b>\n")
        #expect(try raw.contentsText() == (rendered.html, rendered.markdown))
    }

    /// With a spill, HTML past the budget is written there instead of being dropped, and the
    /// page takes it from there once, as it takes HTML kept in memory. A body published
    /// defused is still rendered at Render, and a `check` (no spill) renders past the budget.
    @Test func htmlPastTheBudgetIsSpilledAndTakenOnce() throws {
        let front = "---\ntitle: T\ndate: 2025-11-24\n---\n"
        let spill = try #require(BodySpill(folder: project.url.path))
        let budget = KeptHTML.Budget(bytes: 0)
        let spilled = try parse("a.md", front + "First *para*.\n", keeping: budget, spill: spill).articleBody
        #expect(spilled.hasKeptHTML && spill.size == "<p>First <em>para</em>.</p>\n".utf8.count)
        let raw = try parse("b.md", front + "<b>x</b>\n", keeping: budget, spill: spill).articleBody
        let unspilled = try parse("c.md", front + "First *para*.\n", keeping: budget).articleBody
        #expect(!raw.hasKeptHTML && !unspilled.hasKeptHTML && spill.size == 28)
        let expected = ("<p>First <em>para</em>.</p>\n", "First *para*.\n")
        #expect(try spilled.contentsText() == expected)
        #expect(!spilled.hasKeptHTML)
        #expect(try spilled.contentsText() == expected && unspilled.contentsText() == expected)
        let rendered = renderer.render("<b>x</b>\n")
        #expect(try raw.contentsText() == (rendered.html, rendered.markdown))
    }

    /// Spilled HTML that cannot be read back is not an error: the page renders the text again.
    @Test func spilledHTMLThatCannotBeReadBackIsNil() throws {
        let spill = try #require(BodySpill(folder: project.url.path))
        let range = try #require(spill.write(["<p>A</p>\n"])?.first)
        #expect(KeptHTML(spill: spill, range: range).take() == Array("<p>A</p>\n".utf8))
        let pastTheEnd = KeptHTML(spill: spill, range: range.upperBound..<range.upperBound + 4)
        #expect(pastTheEnd.isHeld && pastTheEnd.take() == nil && !pastTheEnd.isHeld)
    }

    /// With its HTML kept, the page still reads the file: a file changed since Parse fails the
    /// build, and the HTML stays kept.
    @Test func aFileChangedSinceParseIsAnErrorWithKeptHTML() throws {
        let article = try parse("a.md", "---\ntitle: T\ndate: 2025-11-24\n---\nOne.\n", keeping: KeptHTML.Budget())
        project.write("Content/articles/a.md", "---\ntitle: T\ndate: 2025-11-24\n---\nTwo, longer.\n")
        do throws(SitegenError) {
            _ = try article.articleBody.contents()
            Issue.record("expected an error")
        } catch {
            #expect(error.description == Self.changed)
        }
        #expect(article.articleBody.hasKeptHTML)
    }

    /// The digest tells a body from the one before: any one byte changed, added or removed, at
    /// any offset of the eight-byte words it reads, gives another digest.
    @Test func everyOneByteEditChangesTheDigest() {
        var digests = Set<Int>()
        var texts = Set<String>()
        for length in 0...40 {
            let text = String((0..<length).map { Character(Unicode.Scalar(UInt8(97 + $0 % 26))) })
            #expect(ArticleBody.digest(of: text) == ArticleBody.digest(of: String(text)))
            var variants = [text + "a", text + "\0", "a" + text]
            for offset in 0..<length {
                var bytes = Array(text.utf8)
                bytes[offset] ^= 1
                variants.append(String(decoding: bytes, as: UTF8.self))
                bytes[offset] ^= 1
                bytes.remove(at: offset)
                variants.append(String(decoding: bytes, as: UTF8.self))
            }
            for variant in [text] + variants where texts.insert(variant).inserted {
                digests.insert(ArticleBody.digest(of: variant))
            }
        }
        #expect(digests.count == texts.count)
    }
}
