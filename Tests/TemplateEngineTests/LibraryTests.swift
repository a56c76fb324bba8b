import Testing

@testable import TemplateEngine

@Suite struct LibraryTests {
    private let site = [
        "article.html": "{{<layout.html}}{{$main}}<h1>{{title}}</h1>{{/main}}{{/layout.html}}",
        "layout.html": "<html>\n  {{> head.html}}\n<body>{{$main}}{{/main}}</body>\n</html>\n",
        "head.html": "<title>{{title}}</title>\n",
    ]

    @Test func rendersThroughParentsAndPartialsByName() throws {
        let library = try TemplateLibrary(sources: site)
        let html = try library.render("article.html", ["title": "A & B"])
        #expect(html == "<html>\n  <title>A &amp; B</title>\n<body><h1>A &amp; B</h1></body>\n</html>\n")
    }

    @Test func rendersUTF8BytesForFiles() throws {
        let library = try TemplateLibrary(sources: site)
        let bytes = try library.renderUTF8("article.html", ["title": "Erdoğan & 习近平"])
        #expect(String(decoding: bytes, as: UTF8.self) == "<html>\n  <title>Erdoğan &amp; 习近平</title>\n<body><h1>Erdoğan &amp; 习近平</h1></body>\n</html>\n")
        let thrown = templateError { try library.renderUTF8("article.html", ["titel": "T"]) }
        #expect(thrown?.description == "head.html:1:8: error: unknown key 'title' (did you mean 'titel'?)")
    }

    @Test func listsItsTemplates() throws {
        let library = try TemplateLibrary(sources: site)
        #expect(library.names == ["article.html", "head.html", "layout.html"])
        #expect(library.contains("head.html") && !library.contains("head"))
    }

    @Test func strictByDefault() throws {
        let library = try TemplateLibrary(sources: site)
        let thrown = templateError { try library.render("article.html", ["titel": "T"]) }
        #expect(thrown?.description == "head.html:1:8: error: unknown key 'title' (did you mean 'titel'?)")
        #expect(try library.render("article.html", [:], strict: false).contains("<h1></h1>"))
    }

    @Test func reportsEveryErrorOfEveryTemplateSorted() {
        let sources = [
            "b.html": "{{#items}}\n{{> hed.html}}\n",
            "a.html": "{{<layot.html}}{{/layot.html}}\n{{title}\n",
            "head.html": "", "layout.html": "",
        ]
        let thrown = #expect(throws: TemplateLibraryError.self) { try TemplateLibrary(sources: sources) }
        #expect(
            thrown?.errors.map(\.description) == [
                "a.html:1:1: error: unknown parent 'layot.html' (did you mean 'layout.html'?)",
                "a.html:2:1: error: unclosed tag (expected '}}')",
                "b.html:1:1: error: unclosed section 'items' (opened here; expected '{{/items}}')",
                "b.html:2:1: error: unknown partial 'hed.html' (did you mean 'head.html'?)",
            ])
        #expect(thrown?.description.split(separator: "\n").count == 4)
    }

    @Test func referencesInsideSectionsBlocksAndOverridesAreChecked() {
        let sources = [
            "a": "{{#x}}{{> p1}}{{/x}}{{$b}}{{> p2}}{{/b}}{{<a}}{{$c}}{{> p3}}{{/c}}{{/a}}"
        ]
        let thrown = #expect(throws: TemplateLibraryError.self) { try TemplateLibrary(sources: sources) }
        #expect(
            thrown?.errors.map(\.message) == [
                "unknown partial 'p1'", "unknown partial 'p2'", "unknown partial 'p3'",
            ])
    }

    @Test func dynamicNamesAreCheckedWhenRendered() throws {
        let library = try TemplateLibrary(sources: ["page.md": "{{> *kind}}", "card.md": "card"])
        #expect(try library.render("page.md", ["kind": "card.md"]) == "card")
        let thrown = templateError { try library.render("page.md", ["kind": "list.md"]) }
        #expect(thrown?.message == "unknown partial 'list.md'")
    }

    @Test func unknownTemplateHasNoPosition() throws {
        let library = try TemplateLibrary(sources: site)
        let thrown = templateError { try library.render("artcle.html", [:]) }
        #expect(
            thrown?.description
                == "artcle.html: error: unknown template 'artcle.html' (did you mean 'article.html'?)")
    }
}
