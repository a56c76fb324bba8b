import Testing

@testable import TemplateEngine

@Suite struct ParserTests {
    @Test func textAndVariablesStayInOrder() {
        #expect(tree("a{{x}}b{{{y}}}{{& z}}") == #""a" {{x}} "b" {{&y}} {{&z}}"#)
    }

    @Test func sectionsNest() {
        #expect(tree("{{#a}}1{{^b}}2{{/b}}{{/a}}") == #"#a["1" ^b["2"]]"#)
    }

    @Test func standaloneSectionLinesAreRemoved() {
        #expect(tree("{{#items}}\n- {{.}}\n{{/items}}\n") == #"#items["- " {{.}} "\n"]"#)
    }

    @Test func standaloneLinesEndingInCRLFAreRemoved() {
        #expect(tree("a\r\n  {{#s}}\r\nb\r\n{{/s}}\r\n") == #""a\r\n" #s["b\r\n"]"#)
    }

    @Test func textAroundARemovedCommentIsMerged() {
        #expect(tree("a\n  {{! note }}\nb") == #""a\nb""#)
    }

    @Test func twoSectionTagsOnALineAreNotStandalone() {
        #expect(tree("{{#a}}{{/a}}\n") == #"#a[] "\n""#)
    }

    @Test func standalonePartialKeepsItsIndentation() {
        #expect(
            tree("<head>\n  {{> head.html }}\n</head>")
                == #""<head>\n" >head.html standalone("  ") "</head>""#)
    }

    @Test func inlinePartialIsNotStandalone() {
        #expect(tree("x {{> head}}\n") == #""x " >head "\n""#)
    }

    @Test func dynamicPartialNamesAContextKey() {
        #expect(tree("x{{> *page.kind }}") == #""x" >*page.kind"#)
    }

    @Test func parentCollectsItsBlocksAndIgnoresOtherText() {
        let parsed = tree("{{<layout}} junk {{$title}}T{{/title}} {{x}} {{/layout}}")
        #expect(parsed == #"<layout[$title["T"]]"#)
    }

    @Test func parentAndBlockTagsMayShareAStandaloneLine() {
        let source = "{{<layout}}{{$main}}\n  <p>hi</p>\n{{/main}}{{/layout}}\n"
        #expect(tree(source) == #"<layout standalone("")[$main["<p>hi</p>\n"]]"#)
    }

    @Test func overrideLosesTheIndentationOfItsFirstLine() {
        let source = "{{<layout}}\n{{$main}}\n    <ul>\n      <li>a</li>\n    </ul>\n{{/main}}\n{{/layout}}"
        #expect(tree(source) == #"<layout standalone("")[$main["<ul>\n  <li>a</li>\n</ul>\n"]]"#)
    }

    @Test func inlineOverrideKeepsItsText() {
        #expect(tree("{{<l}}{{$t}}  a\n  b{{/t}}{{/l}}") == #"<l[$t["  a\n  b"]]"#)
    }

    @Test func standaloneBlockTakesTheIndentationOfItsTag() {
        #expect(tree("  {{$main}}\n  {{/main}}\n") == #"$main standalone("  ")[]"#)
    }

    @Test func standaloneBlockWithoutIndentationTakesItsDefaultContents() {
        #expect(tree("{{$main}}\n  default\n{{/main}}\n") == #"$main standalone("  ")["  default\n"]"#)
    }

    @Test func inlineBlockTakesTheBlankTextBeforeIt() {
        #expect(tree("  {{$b}}{{/b}}\n") == #""  " $b("  ")[] "\n""#)
        #expect(tree("<t>{{$b}}x{{/b}}</t>") == #""<t>" $b("")["x"] "</t>""#)
    }

    @Test func layOutLinesMarksStandaloneTags() {
        var lexer = TemplateLexer("a\n  {{> p}}\n", name: "t")
        let pieces = TemplateParser.layOutLines(lexer.tokenize().tokens)
        #expect(pieces.count == 2)
        #expect(pieces.first == .text("a\n"))
        guard case .tag(let token, let isStandalone, let indentation) = pieces.last else {
            Issue.record("expected a tag, got \(pieces)")
            return
        }
        #expect(token.kind == .partial && isStandalone && indentation == "  ")
    }

    @Test func mismatchedCloseOfAnOuterSectionClosesBoth() {
        var lexer = TemplateLexer("{{#a}}{{#b}}x{{/a}}y", name: "t")
        var parser = TemplateParser(tokens: lexer.tokenize().tokens, name: "t")
        let (nodes, errors) = parser.parse()
        #expect(errors.count == 1)
        #expect(describe(nodes) == #"#a[#b["x"]] "y""#)
    }

    @Test func misspeltCloseIsTakenAsTheClose() {
        var lexer = TemplateLexer("{{#items}}x{{/item}}y", name: "t")
        var parser = TemplateParser(tokens: lexer.tokenize().tokens, name: "t")
        let (nodes, errors) = parser.parse()
        #expect(errors.count == 1)
        #expect(describe(nodes) == #"#items["x"] "y""#)
    }

    @Test func invalidNamesAreRejected() {
        for source in ["{{a b}}", "{{a..b}}", "{{.a}}", "{{#a.}}{{/a.}}", "{{> a b}}", "{{$a b}}{{/a b}}"] {
            var lexer = TemplateLexer(source, name: "t")
            var parser = TemplateParser(tokens: lexer.tokenize().tokens, name: "t")
            #expect(parser.parse().errors.first?.message.hasPrefix("invalid name") == true, "\(source)")
        }
    }
}
