import Testing

@testable import TemplateEngine

/// Every kind of template error, with its exact position and message.
@Suite struct TemplateErrorTests {
    private func compileError(_ source: String) -> TemplateError? {
        templateError { try Template(source, name: "article.html") }
    }

    private func error(_ line: Int, _ column: Int, _ message: String, in template: String = "article.html")
        -> TemplateError
    {
        TemplateError(template: template, line: line, column: column, message: message)
    }

    @Test func descriptionIsOneCompilerStyleLine() {
        let error = error(12, 5, "unknown key 'titel' (did you mean 'title'?)")
        #expect(error.description == "article.html:12:5: error: unknown key 'titel' (did you mean 'title'?)")
        #expect(TemplateError(template: "x", line: 0, column: 0, message: "m").description == "x: error: m")
    }

    @Test func unclosedTag() {
        #expect(compileError("<h1>\n  {{title</h1>") == error(2, 3, "unclosed tag (expected '}}')"))
    }

    @Test func missingName() {
        #expect(compileError("a\n{{#}}{{/}}") == error(2, 1, "missing name in '{{#}}'"))
    }

    @Test func invalidName() {
        #expect(
            compileError("{{page title}}")
                == error(1, 1, "invalid name 'page title' (names cannot contain spaces)"))
    }

    @Test func invalidDelimiters() {
        let message =
            "invalid delimiters '<%' (expected two delimiters without '=' or spaces, like '{{=<% %>=}}')"
        #expect(compileError("x\n {{=<%=}}") == error(2, 2, message))
    }

    @Test func unclosedSection() {
        let message = "unclosed section 'items' (opened here; expected '{{/items}}')"
        #expect(compileError("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n</ul>\n") == error(2, 3, message))
    }

    @Test func unclosedInvertedSection() {
        let message = "unclosed inverted section 'items' (opened here; expected '{{/items}}')"
        #expect(compileError("{{^items}}none") == error(1, 1, message))
    }

    @Test func unclosedParentIsReportedBeforeItsBlock() {
        let message = "unclosed parent 'layout.html' (opened here; expected '{{/layout.html}}')"
        #expect(compileError("{{<layout.html}}\n{{$main}}x") == error(1, 1, message))
    }

    @Test func unclosedBlock() {
        let message = "unclosed block 'main' (opened here; expected '{{/main}}')"
        #expect(compileError("<main>\n\t{{$main}}x") == error(2, 2, message))
    }

    @Test func closeThatDoesNotMatchNamesBothPositions() {
        let message = "'{{/item}}' does not close '{{#items}}' opened at 3:5"
        #expect(compileError("<ul>\n\n    {{#items}}\n  {{/item}}\n") == error(4, 3, message))
    }

    @Test func closeWithoutOpen() {
        #expect(
            compileError("a\n {{/items}}") == error(2, 2, "'{{/items}}' closes nothing (no section is open)"))
    }

    @Test func messagesQuoteTagsWithTheirDelimiters() {
        let message = "unclosed section 'a' (opened here; expected '<%/a%>')"
        #expect(compileError("{{=<% %>=}}\n<%#a%>") == error(2, 1, message))
    }

    @Test func columnsCountCharacters() {
        #expect(compileError("Größe: {{x") == error(1, 8, "unclosed tag (expected '}}')"))
    }

    @Test func firstErrorInTheTextIsThrown() {
        #expect(compileError("{{#a}}\n{{b c}}")?.line == 1)
    }

    @Test func unknownKeyPointsAtTheTag() throws {
        let template = try Template("<h1>{{title}}</h1>\n<p>\n    {{titel}}</p>", name: "article.html")
        let thrown = templateError { try template.render(["title": "T"], strict: true) }
        #expect(thrown == error(3, 5, "unknown key 'titel' (did you mean 'title'?)"))
        #expect(thrown?.description == "article.html:3:5: error: unknown key 'titel' (did you mean 'title'?)")
    }

    @Test func unknownPartialAtRenderTime() throws {
        let template = try Template("\n  {{> hed.html}}", name: "article.html")
        let partials = ["head.html": try Template("")]
        let thrown = templateError { try template.render([:], partials: partials, strict: true) }
        #expect(thrown == error(2, 3, "unknown partial 'hed.html' (did you mean 'head.html'?)"))
    }

    @Test func unknownParentAtRenderTime() throws {
        let template = try Template("{{<layot.html}}{{/layot.html}}", name: "article.html")
        let partials = ["layout.html": try Template("")]
        let thrown = templateError { try template.render([:], partials: partials, strict: true) }
        #expect(thrown == error(1, 1, "unknown parent 'layot.html' (did you mean 'layout.html'?)"))
    }

    @Test func errorInAPartialNamesThePartial() throws {
        let template = try Template("a\n{{> head.html}}", name: "article.html")
        let partials = ["head.html": try Template("<title>{{titel}}</title>", name: "head.html")]
        let thrown = templateError { try template.render(["title": "T"], partials: partials, strict: true) }
        #expect(thrown == error(1, 8, "unknown key 'titel' (did you mean 'title'?)", in: "head.html"))
    }

    @Test func errorInAnOverrideNamesTheTemplateThatWroteIt() throws {
        let child = try Template(
            "{{<layout.html}}\n{{$main}}\n  {{titel}}\n{{/main}}\n{{/layout.html}}", name: "article.html")
        let partials = [
            "layout.html": try Template("<main>\n{{$main}}{{/main}}\n</main>", name: "layout.html")
        ]
        let thrown = templateError { try child.render(["title": "T"], partials: partials, strict: true) }
        #expect(thrown == error(3, 3, "unknown key 'titel' (did you mean 'title'?)"))
    }
}
