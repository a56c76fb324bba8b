import Testing
@testable import SitegenCore

/// Front matter URLs that land in `href` or `src` (`image`, `source.url`): only `http:`,
/// `https:` and root-relative paths.
struct LinkURLTests {
    @Test(arguments: [
        "https://example.org/a.jpg", "http://example.org/", "HTTPS://EXAMPLE.ORG/x", "/images/a.jpg",
        "/", "https://example.org/?q=\"><script>",
    ])
    func allows(_ url: String) {
        #expect(LinkURL.isAllowed(url))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "vbscript:x", "data:text/html,<script>", "file:///etc/passwd", "//evil.example/x", "/\\evil.example/x",
        "images/a.jpg", "https://", "https://example.org/a b", "https://example.org/\u{0}", "", "mailto:a@b.c",
    ])
    func refuses(_ url: String) {
        #expect(!LinkURL.isAllowed(url))
    }

    @Test func articleWithAScriptImageIsAnErrorAtTheValue() {
        let file = SourceFile(path: "Content/articles/a.md", text: """
            ---
            title: A
            date: 2025-11-24
            image: javascript:alert(1)
            source: {name: Wire, url: "javascript:alert(2)"}
            ---
            Body.
            """)
        let outcome = ArticleParser(renderer: .init()).parse(file)
        #expect(outcome.value == nil)
        #expect(outcome.diagnostics == [
            SitegenError(.invalidURL("javascript:alert(1)", key: "image"), at: SourceLocation(path: file.path, line: 4, column: 8)),
            SitegenError(.invalidURL("javascript:alert(2)", key: "source.url"), at: SourceLocation(path: file.path, line: 5, column: 27)),
        ])
    }

    @Test func rawTextChecksTheSameKeys() {
        let file = SourceFile(path: "Content/articles/a.txt", text: "---\nimage: vbscript:x\n---\ndate 2025-11-24 Text.\n")
        let outcome = RawTextParser().parse(file)
        #expect(outcome.value == nil)
        #expect(outcome.diagnostics.map(\.description) == [
            "Content/articles/a.txt:2:8: error: unsupported URL 'vbscript:x' in 'image' (expected an http: or https: URL, "
                + "or a path from the site root such as /images/photo.jpg)"
        ])
    }
}
