import Testing
@testable import MarkdownHTML

struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersEmphasisAndHeadings() {
        #expect(renderer.html(from: "# Title\n\nSome *words*.") == "<h1>Title</h1>\n<p>Some <em>words</em>.</p>\n")
    }

    @Test func omitsRawHTMLByDefault() {
        #expect(renderer.html(from: "<script>alert(1)</script>\n") == "<!-- raw HTML omitted -->\n")
        #expect(renderer.html(from: "a <b>bold</b>") == "<p>a <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n")
    }

    /// Script, file and non-image data links are emptied in the published Markdown, in any case.
    @Test(arguments: [
        ("javascript:alert(1)", true), ("JAVASCRIPT:alert(1)", true), ("<  JavaScript:alert(1)>", true),
        ("vbScript:x", true), ("File:///etc/passwd", true), ("DATA:text/html,x", true),
        ("data:image/png;base64,AA", false), ("https://example.org/", false), ("/a/b", false), ("mailto:a@b.c", false),
        ("java:x", false), ("dat:x", false), ("fil:x", false), ("#fragment", false), ("\u{212A}:x", false),
    ])
    func emptiesDangerousLinks(url: String, isDangerous: Bool) {
        let markdown = MarkdownRenderer().render("[x](\(url))\n").markdown
        #expect(markdown.contains(url) == !isDangerous, "\(markdown)")
    }

    /// The tree is walked a second time only when the first walk saw raw HTML or a URL that may
    /// be dangerous; each alone is enough, deep in a list or as an image.
    @Test func defusesWhatTheFirstWalkFlags() {
        let image = MarkdownRenderer().render("- a\n  - ![x]( vbscript:x)\n").markdown
        #expect(!image.contains("vbscript"), "\(image)")
        let html = MarkdownRenderer().render("Text\n\n> <em>x</em> [safe](https://example.org/)\n").markdown
        #expect(html == "Text\n\n> \\<em\\>x\\</em\\> [safe](https://example.org/)\n")
        let plain = "Plain [link](https://example.org/) and ![img](/a.png).\n"
        #expect(MarkdownRenderer().render(plain).markdown == plain)
    }

    @Test func dropsJavaScriptLinksByDefault() {
        #expect(renderer.html(from: "[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func unsafeOptionKeepsRawHTML() {
        let unsafe = MarkdownRenderer(options: .unsafe)
        #expect(unsafe.html(from: "<b>bold</b>") == "<p><b>bold</b></p>\n")
    }

    @Test func plainTextJoinsBlocksWithBlankLines() {
        let rendered = renderer.render("## Head\n\nFirst *para*\nline two.\n\n- item `code`\n")
        #expect(rendered.plainText == "Head\n\nFirst para line two.\n\nitem code")
        #expect(rendered.firstParagraph == "First para line two.")
    }

    /// Text from many nodes, with characters of several bytes and bad character references,
    /// decoded as one: the same text as each literal decoded on its own.
    @Test func plainTextKeepsEveryCharacter() {
        let rendered = renderer.render(
            "<div>x</div>\n\n```\ncode é\r\n```\n\nErdoğan “met” 👩‍👩‍👧 e\u{301} &#xD800; &#0; &amp; &#x1F600;\\\nend\n\n# Ünïcode\n")
        #expect(rendered.plainText == "code é\n\nErdoğan “met” 👩‍👩‍👧 e\u{301} \u{FFFD} \u{FFFD} & 😀 end\n\nÜnïcode")
        #expect(rendered.firstParagraph == "Erdoğan “met” 👩‍👩‍👧 e\u{301} \u{FFFD} \u{FFFD} & 😀 end")
    }

    /// The text is kept as libcmark's bytes until asked for as a String: both give the same
    /// text, and so does a text set as a String.
    @Test func plainTextBytesAreItsUTF8() {
        var rendered = renderer.render("# Erdoğan\n\nmet *Xi* in Busan.\n")
        #expect(rendered.withPlainTextUTF8 { Array($0) } == Array("Erdoğan\n\nmet Xi in Busan.".utf8))
        #expect(rendered.plainText == "Erdoğan\n\nmet Xi in Busan.")
        rendered.plainText = "set é"
        #expect(rendered.withPlainTextUTF8 { Array($0) } == Array("set é".utf8))
        #expect(rendered == RenderedMarkdown(
            html: rendered.html, plainText: "set é", firstParagraph: "met Xi in Busan.", markdown: rendered.markdown))
    }

    /// The HTML kept as libcmark's bytes is the HTML, however it is asked for.
    @Test func htmlBytesAreItsUTF8() {
        let source = "# Erdoğan\n\nmet *Xi* in Busan & Seoul.\n"
        var rendered = renderer.render(source)
        let html = "<h1>Erdoğan</h1>\n<p>met <em>Xi</em> in Busan &amp; Seoul.</p>\n"
        #expect(rendered.html == html && rendered.htmlUTF8 == Array(html.utf8))
        #expect(renderer.htmlUTF8(from: source) == Array(html.utf8) && renderer.html(from: source) == html)
        #expect(renderer.htmlUTF8(from: "") == [] && renderer.render("", includingHTML: true).htmlUTF8 == [])
        rendered.html = "<p>set</p>\n"
        #expect(rendered.htmlUTF8 == Array("<p>set</p>\n".utf8))
    }

    @Test func firstParagraphSkipsQuotes() {
        let rendered = renderer.render("> quoted\n\nReal first.\n")
        #expect(rendered.firstParagraph == "Real first.")
    }

    @Test func emptyInputRendersEmpty() {
        #expect(renderer.render("") == RenderedMarkdown(html: "", plainText: "", firstParagraph: ""))
    }

    @Test func reportsCmarkVersion() {
        #expect(MarkdownRenderer.cmarkVersion.split(separator: ".").count == 3)
    }
}

struct PublishedMarkdownTests {
    @Test func safeSourceIsPublishedAsWritten() {
        let source = "Some *text*,\nwrapped as the author likes.\n"
        #expect(MarkdownRenderer().render(source).markdown == source)
    }

    @Test func rawHTMLBecomesLiteralText() {
        let markdown = MarkdownRenderer().render("Hi <script>alert(1)</script> there.\n\n<div>block</div>\n").markdown
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("<div>"))
        #expect(MarkdownRenderer().render(markdown).plainText == "Hi <script>alert(1)</script> there.\n\n<div>block</div>")
    }

    @Test func scriptLinksAreEmptied() {
        let markdown = MarkdownRenderer().render("[x](javascript:alert(1)) and [y](https://example.org/)\n").markdown
        #expect(!markdown.contains("javascript:"))
        #expect(markdown.contains("https://example.org/"))
    }

    @Test func unsafeRendererPublishesTheSource() {
        let source = "<b>bold</b>\n"
        #expect(MarkdownRenderer(options: .unsafe).render(source).markdown == source)
    }
}
