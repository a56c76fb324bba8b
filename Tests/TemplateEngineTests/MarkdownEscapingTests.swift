import Testing

@testable import TemplateEngine

@Suite struct MarkdownEscapingTests {
    @Test func escapesInlineSyntaxAnywhere() throws {
        let value: TemplateValue = ["x": "a *b* _c_ [d](e) <f> & `g` #h |i ~j \\k"]
        #expect(try render("{{x}}", value, escaping: .markdown)
            == "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\& \\`g\\` \\#h \\|i \\~j \\\\k")
    }

    @Test func escapesBlockSyntaxOnlyAtTheStartOfALine() throws {
        let value: TemplateValue = ["x": "- a - b", "n": "1. one 2. two", "p": "+ x = y"]
        let got = try render("{{x}}\n{{n}}\n  {{p}}", value, escaping: .markdown)
        #expect(got == "\\- a - b\n1\\. one 2. two\n  \\+ x = y")
    }

    @Test func tripleMustacheNeverEscapes() throws {
        #expect(try render("{{{x}}}", ["x": "*raw*"], escaping: .markdown) == "*raw*")
    }

    @Test func neverChosenFromATemplateName() {
        #expect(TemplateEscaping(templateName: "article.md") == .none)
    }
}
