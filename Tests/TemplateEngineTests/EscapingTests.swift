import Testing

@testable import TemplateEngine

@Suite struct EscapingTests {
    private let special: TemplateValue = ["x": "a & b < c > d \" e ' f"]

    @Test func htmlEscapesFiveCharacters() throws {
        #expect(try render("{{x}}", special, escaping: .html) == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
    }

    @Test func xmlEscapesFiveCharacters() throws {
        #expect(try render("{{x}}", special, escaping: .xml) == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
    }

    @Test func noneLeavesTextAsItIs() throws {
        #expect(try render("{{x}}", special, escaping: .none) == "a & b < c > d \" e ' f")
    }

    @Test(arguments: [TemplateEscaping.html, .xml, .none])
    func tripleMustacheAndAmpersandNeverEscape(_ escaping: TemplateEscaping) throws {
        #expect(try render("{{{x}}}|{{& x}}", ["x": "<b>&</b>"], escaping: escaping) == "<b>&</b>|<b>&</b>")
    }

    @Test func escapesAtTheEdgesAndAroundNonASCIIText() throws {
        #expect(try render("{{x}}", ["x": "<é & ü>"]) == "&lt;é &amp; ü&gt;")
        #expect(try render("{{x}}", ["x": "&"]) == "&amp;")
        #expect(try render("[{{x}}]", ["x": ""]) == "[]")
        #expect(try render("{{x}}", ["x": "Größe 👍🏽"]) == "Größe 👍🏽")
    }

    @Test func templateTextIsNeverEscaped() throws {
        #expect(try render("<p title=\"a&b\">{{x}}</p>", ["x": "1"]) == "<p title=\"a&b\">1</p>")
    }

    @Test(arguments: [
        ("article.html", TemplateEscaping.html), ("feed.xml", .xml), ("article.md", .none),
        ("feed.json", .none), ("robots.txt", .none), ("layout.html.mustache", .html), ("INDEX.HTML", .html),
        ("html", .none),
    ])
    func escapingFollowsTheTemplateName(_ name: String, _ expected: TemplateEscaping) {
        #expect(TemplateEscaping(templateName: name) == expected)
    }

    @Test func libraryEscapesByTheRootTemplatesName() throws {
        let library = try TemplateLibrary(sources: [
            "page.html": "{{x}}|{{> part.md}}", "page.md": "{{x}}|{{> part.md}}", "feed.xml": "{{x}}",
            "part.md": "{{x}}",
        ])
        let context: TemplateValue = ["x": "'&'"]
        #expect(try library.render("page.html", context) == "&#39;&amp;&#39;|&#39;&amp;&#39;")
        #expect(try library.render("page.md", context) == "'&'|'&'")
        #expect(try library.render("feed.xml", context) == "&apos;&amp;&apos;")
        #expect(try library.render("page.md", context, escaping: .html) == "&#39;&amp;&#39;|&#39;&amp;&#39;")
    }
}
