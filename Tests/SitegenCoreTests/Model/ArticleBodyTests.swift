import Foundation
import MarkdownHTML
import Testing

@testable import SitegenCore

/// A Markdown body is not kept after Parse: it is read again from its file, which must not
/// have changed since.
struct ArticleBodyTests {
    let project = TemporaryDirectory()
    let renderer = MarkdownRenderer()

    /// Writes `text` as `Content/articles/<name>` and reads and parses it as a build does.
    func parse(_ name: String, _ text: String) throws -> ParsedArticle {
        project.write("Content/articles/" + name, text)
        let loader = ContentLoader(paths: BuildOptions(root: project.url).paths, maxFileSize: 1 << 20)
        let file = try loader.read(project.url.appendingPathComponent("Content/articles/" + name)).get()
        return try #require(ArticleParser(renderer: renderer).parse(file).value)
    }

    static let changed =
        "Content/articles/a.md:1:1: error: file changed during the build, after it was read "
        + "(hint: build again)"

    @Test func bodyIsReadAgainFromItsFile() throws {
        let article = try parse(
            "a.md", "---\ntitle: Truce\ndate: 2025-11-24\n---\nFirst *para*.\n\nSecond.\n")
        #expect(
            try article.articleBody.contents() == (
                "<p>First <em>para</em>.</p>\n<p>Second.</p>\n", "First *para*.\n\nSecond.\n"
            ))
        #expect(try article.articleBody.markdown() == "First *para*.\n\nSecond.\n")
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
        #expect(try article.articleBody.html() == renderer.html(from: body))
        #expect(
            article.articleBody.hasSameSource(
                as: try parse("b.md", "---\ntitle: T\ndate: 2025-11-24\n---\n" + body).articleBody))
    }

    /// With raw HTML in safe mode, the Markdown page shows libcmark's safe rendering, as before.
    @Test func rawHTMLIsPublishedDefused() throws {
        let body = "Raw HTML is not passed through: <script>alert(\"x\")</script>.\n"
        let article = try parse("a.md", "---\ntitle: T\ndate: 2025-11-24\n---\n" + body)
        let rendered = renderer.render(body)
        #expect(rendered.markdown != body)
        #expect(try article.articleBody.contents() == (rendered.html, rendered.markdown))
        #expect(try article.articleBody.markdown() == rendered.markdown)
    }

    @Test func anEmptyBodyReadsAsEmpty() throws {
        let article = try parse("a.md", "---\ntitle: T\ndate: 2025-11-24\n---\n")
        #expect(try article.articleBody.contents() == ("", ""))
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
