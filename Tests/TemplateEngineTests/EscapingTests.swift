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

    /// Text is scanned eight bytes at a time: each character, put at every offset of a long
    /// value, comes out exactly as it does alone.
    @Test(arguments: [TemplateEscaping.html, .xml])
    func escapesAtEveryOffsetOfALongValue(_ escaping: TemplateEscaping) throws {
        for special in ["&", "<", ">", "\"", "'", "\u{1}", "\t", "\n", "\u{1F}", " ", "=", "?", "é", "\u{7F}"] {
            let alone = try render("{{x}}", ["x": .string(special)], escaping: escaping)
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset)
                let expected = String(repeating: "a", count: offset) + alone + String(repeating: "b", count: 19 - offset)
                #expect(try render("{{x}}", ["x": .string(text)], escaping: escaping) == expected, "\(special.debugDescription) at \(offset)")
            }
        }
    }

    @Test func eightByteTestsFindEveryByte() {
        for byte in 0...255 {
            for position in 0..<8 {
                let word = UInt64(byte) << (8 * UInt64(position)) | (0x6161_6161_6161_6161 & ~(0xFF << (8 * UInt64(position))))
                let expected = byte < 0x20 || [0x26, 0x3C, 0x3E, 0x22, 0x27].contains(byte)
                #expect(EightBytes.containsMarkupOrControl(word) == expected, "\(byte) at \(position)")
            }
        }
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
