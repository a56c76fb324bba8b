import Testing

@testable import TemplateEngine

@Suite struct LexerTests {
    @Test func textWithoutTagsIsOneToken() {
        #expect(tokens("Hello {world}!\n") == [#"text("Hello {world}!\n")@1:1"#])
    }

    @Test func variableContentIsTrimmedAndPositioned() {
        #expect(tokens("Hi {{ name }}!") == [#"text("Hi ")@1:1"#, "variable(name)@1:4", #"text("!")@1:14"#])
    }

    @Test func everySigilHasItsKind() {
        let source = "{{#a}}{{^b}}{{/c}}{{>d}}{{<e}}{{$f}}{{!g}}{{&h}}{{{i}}}{{j}}"
        #expect(
            tokens(source) == [
                "section(a)@1:1", "invertedSection(b)@1:7", "close(c)@1:13", "partial(d)@1:19",
                "parent(e)@1:25", "block(f)@1:31", "comment(g)@1:37", "unescapedVariable(h)@1:43",
                "unescapedVariable(i)@1:49", "variable(j)@1:56",
            ])
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(tokens("é👍🏽 {{x}}").last == "variable(x)@1:4")
    }

    @Test func linesAdvanceAfterNewlinesInTextAndComments() {
        #expect(
            tokens("a\n  {{! one\ntwo }}{{x}}\n{{y}}") == [
                #"text("a\n  ")@1:1"#, "comment(one\ntwo)@2:3", "variable(x)@3:7", #"text("\n")@3:12"#,
                "variable(y)@4:1",
            ])
    }

    @Test func setDelimitersChangeHowLaterTagsAreRead() {
        let lexed = tokens("{{=<% %>=}}<%x%>{{y}}<%={{ }}=%>{{z}}")
        #expect(
            lexed == [
                "delimiters(<% %>)@1:1", "variable(x)@1:12", #"text("{{y}}")@1:17"#,
                "delimiters({{ }})@1:22", "variable(z)@1:33",
            ])
    }

    @Test func tagsRememberTheirDelimitersForMessages() {
        var lexer = TemplateLexer("{{=[ ]=}}[#items]", name: "t")
        let section = lexer.tokenize().tokens.last
        #expect(section?.tagText == "[#items]")
    }

    @Test func dynamicNamesKeepTheirAsterisk() {
        #expect(tokens("{{> * dynamic }}") == ["partial(* dynamic)@1:1"])
    }

    @Test func unclosedTagIsReportedAndReadAsText() {
        var lexer = TemplateLexer("a {{b\n{{c}}", name: "t")
        let (lexed, errors) = lexer.tokenize()
        #expect(
            errors == [
                TemplateError(template: "t", line: 1, column: 3, message: "unclosed tag (expected '}}')")
            ])
        #expect(lexed.map(\.kind) == [.text, .variable])
        #expect(lexed.first?.content == "a {{b\n")
    }

    @Test func unclosedTripleMustacheExpectsThreeBraces() {
        var lexer = TemplateLexer("{{{body}}", name: "t")
        #expect(lexer.tokenize().errors.map(\.message) == ["unclosed tag (expected '}}}')"])
    }

    @Test func everyUnclosedTagIsFound() {
        var lexer = TemplateLexer("{{a\n{{b}}\n  {{#c\n", name: "t")
        let positions = lexer.tokenize().errors.map { "\($0.line):\($0.column)" }
        #expect(positions == ["1:1", "3:3"])
    }

    @Test func invalidDelimitersKeepTheOldOnes() {
        var lexer = TemplateLexer("{{=<%=}}{{x}}", name: "t")
        let (lexed, errors) = lexer.tokenize()
        #expect(errors.map(\.column) == [1])
        #expect(errors.first?.message.hasPrefix("invalid delimiters '<%'") == true)
        #expect(lexed.last?.kind == .variable)
    }
}
