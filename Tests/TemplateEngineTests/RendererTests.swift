import Testing

@testable import TemplateEngine

@Suite struct RendererTests {
    @Test func scalarsRenderAsText() throws {
        let context: TemplateValue = [
            "s": "text", "i": 42, "d": 1.21, "whole": 2.0, "t": true, "f": false, "n": nil,
        ]
        #expect(
            try render("{{s}} {{i}} {{d}} {{whole}} {{t}} {{f}} [{{n}}]", context)
                == "text 42 1.21 2.0 true false []")
    }

    /// Text given as UTF-8 bytes reads as the same text given as a String, everywhere.
    @Test func utf8ValuesAreStrings() throws {
        let text = "<p>Xi & \"Trump\"</p>"
        let bytes = TemplateValue.utf8(Array(text.utf8))
        for template in ["{{v}}", "{{{v}}}", "{{&v}}", "{{#v}}[{{.}}]{{/v}}", "{{^v}}none{{/v}}"] {
            #expect(try render(template, ["v": bytes]) == render(template, ["v": .string(text)]), "\(template)")
        }
        #expect(try render("{{v}}", ["v": bytes]) == "&lt;p&gt;Xi &amp; &quot;Trump&quot;&lt;/p&gt;")
        #expect(try render("{{#v}}yes{{/v}}", ["v": .utf8([])]) == "yes")  // as "" is truthy
        #expect(try render("{{> *name}}", ["name": .utf8(Array("p".utf8))], partials: ["p": "partial"]) == "partial")
        #expect(bytes == .string(text) && TemplateValue.string(text) == bytes && bytes != .string(text + " "))
        #expect(bytes.kindDescription == "a string")
    }

    @Test func sectionRepeatsForEachListItem() throws {
        let context: TemplateValue = ["items": [["name": "a"], ["name": "b"]]]
        #expect(try render("{{#items}}<{{name}}>{{/items}}", context) == "<a><b>")
    }

    @Test func sectionOverAnObjectPushesIt() throws {
        let context: TemplateValue = ["page": ["title": "T"], "title": "outer"]
        #expect(try render("{{#page}}{{title}}{{/page}} {{title}}", context) == "T outer")
    }

    @Test func innerFramesShadowOuterOnes() throws {
        let context: TemplateValue = ["name": "outer", "items": [["name": "inner"], ["other": 1]]]
        #expect(try render("{{#items}}{{name}},{{/items}}", context) == "inner,outer,")
    }

    @Test func falsyValuesSkipSectionsAndShowInvertedOnes() throws {
        for value: TemplateValue in [nil, false, []] {
            #expect(try render("{{#v}}yes{{/v}}{{^v}}no{{/v}}", ["v": value]) == "no")
        }
    }

    @Test func emptyStringsZeroAndEmptyObjectsAreTruthy() throws {
        for value: TemplateValue in ["", 0, 0.0, [:]] {
            #expect(try render("{{#v}}yes{{/v}}{{^v}}no{{/v}}", ["v": value]) == "yes", "\(value)")
        }
    }

    @Test func dottedNamesFollowObjects() throws {
        let context: TemplateValue = ["article": ["leader": ["name": "Ana"]]]
        #expect(try render("{{article.leader.name}}", context) == "Ana")
    }

    @Test func implicitIteratorShowsTheItem() throws {
        #expect(try render("{{#tags}}[{{.}}]{{/tags}}", ["tags": ["a", "b"]]) == "[a][b]")
    }

    @Test func listsAndObjectsRenderAsNothingOutsideStrictMode() throws {
        #expect(try render("[{{list}}][{{object}}]", ["list": [1], "object": ["a": 1]]) == "[][]")
    }

    @Test func partialSeesTheCurrentContext() throws {
        let context: TemplateValue = ["items": [["name": "a"], ["name": "b"]]]
        let rendered = try render(
            "{{#items}}{{> item}}{{/items}}", context, partials: ["item": "<li>{{name}}</li>"])
        #expect(rendered == "<li>a</li><li>b</li>")
    }

    @Test func standalonePartialIsIndentedLineByLine() throws {
        let partials = ["list": "<ul>\n{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n</ul>\n"]
        let rendered = try render(
            "<nav>\n    {{> list}}\n</nav>\n", ["items": ["a", "b"]], partials: partials)
        #expect(rendered == "<nav>\n    <ul>\n      <li>a</li>\n      <li>b</li>\n    </ul>\n</nav>\n")
    }

    @Test func valuesWithLineBreaksAreNotIndented() throws {
        let rendered = try render(
            "  {{> p}}\n", ["body": "a\nb"], partials: ["p": "<div>\n{{{body}}}\n</div>\n"])
        #expect(rendered == "  <div>\n  a\nb\n  </div>\n")
    }

    @Test func partialInsideAnIndentedPartialAddsItsIndentation() throws {
        let partials = ["outer": "<a>\n  {{> inner}}\n</a>\n", "inner": "<b>\n</b>\n"]
        #expect(try render("  {{> outer}}\n", partials: partials) == "  <a>\n    <b>\n    </b>\n  </a>\n")
    }

    @Test func dynamicPartialNameComesFromTheContext() throws {
        let partials = ["card.html": "card {{title}}", "list.html": "list"]
        #expect(
            try render("{{> *kind}}", ["kind": "card.html", "title": "T"], partials: partials) == "card T")
    }

    @Test func missingPartialRendersNothingOutsideStrictMode() throws {
        #expect(try render("[{{> nowhere}}][{{> *kind}}]", ["kind": "nowhere"]) == "[][]")
    }

    @Test func childOverridesTheLayoutsBlocks() throws {
        let layout = "<title>{{$title}}Site{{/title}}</title>\n<main>\n  {{$main}}\n  {{/main}}\n</main>\n"
        let child =
            "{{<layout}}\n{{$title}}{{headline}}{{/title}}\n{{$main}}\n<h1>{{headline}}</h1>\n<p>text</p>\n{{/main}}\n{{/layout}}\n"
        let rendered = try render(child, ["headline": "News"], partials: ["layout": layout])
        #expect(rendered == "<title>News</title>\n<main>\n  <h1>News</h1>\n  <p>text</p>\n</main>\n")
    }

    @Test func blocksNotOverriddenShowTheirDefault() throws {
        let layout = "<title>{{$title}}Site{{/title}}</title>"
        #expect(try render("{{<layout}}{{/layout}}", partials: ["layout": layout]) == "<title>Site</title>")
    }

    @Test func overridesReachBlocksInTheLayoutsPartials() throws {
        let partials = [
            "layout": "{{> head}}|{{$main}}{{/main}}", "head": "<title>{{$title}}Site{{/title}}</title>",
        ]
        let rendered = try render(
            "{{<layout}}{{$title}}Story{{/title}}{{$main}}body{{/main}}{{/layout}}", partials: partials)
        #expect(rendered == "<title>Story</title>|body")
    }

    @Test func dynamicParentNameComesFromTheContext() throws {
        let partials = [
            "wide": "<div class=\"wide\">{{$main}}{{/main}}</div>", "narrow": "<p>{{$main}}{{/main}}</p>",
        ]
        let source = "{{<*layout}}{{$main}}hi{{/main}}{{/*layout}}"
        #expect(try render(source, ["layout": "wide"], partials: partials) == "<div class=\"wide\">hi</div>")
        #expect(try render(source, ["layout": "narrow"], partials: partials) == "<p>hi</p>")
    }

    @Test func standaloneParentIsIndentedLikeAPartial() throws {
        let partials = ["card": "<div>\n  {{$body}}\n  {{/body}}\n</div>\n"]
        let source =
            "<main>\n  {{<card}}\n  {{$body}}\n  <p>a</p>\n  <p>b</p>\n  {{/body}}\n  {{/card}}\n</main>\n"
        let expected = "<main>\n  <div>\n    <p>a</p>\n    <p>b</p>\n  </div>\n</main>\n"
        #expect(try render(source, partials: partials) == expected)
    }

    @Test func inlineBlockKeepsTheLineBreakAfterIt() throws {
        // As the spec's "Standalone block": an inline block site keeps its own line break, so an
        // override that ends in one leaves a blank line.
        let partials = ["card": "<div>\n  {{$body}}{{/body}}\n</div>\n"]
        let source = "{{<card}}\n{{$body}}\n<p>a</p>\n<p>b</p>\n{{/body}}\n{{/card}}\n"
        #expect(try render(source, partials: partials) == "<div>\n  <p>a</p>\n  <p>b</p>\n\n</div>\n")
    }

    @Test func selfIncludingPartialStopsWithAnError() {
        let error = templateError { try render("{{> loop}}", partials: ["loop": "x{{> loop}}"]) }
        #expect(error?.message == "partial 'loop' nested more than 100 levels deep (does it include itself?)")
        #expect(error?.template == "loop")
    }

    @Test func overrideHoldingItsOwnBlockStopsWithAnError() {
        let source = "{{<page}}{{$a}}x{{$a}}y{{/a}}{{/a}}{{/page}}"
        let error = templateError { try render(source, partials: ["page": "{{$a}}{{/a}}"]) }
        #expect(error?.message == "block 'a' nested more than 100 levels deep (does it include itself?)")
        #expect(error.map { "\($0.line):\($0.column)" } == "1:10")
    }

    @Test func recursivePartialsFollowTheData() throws {
        let context: TemplateValue = ["name": "a", "children": [["name": "b", "children": []]]]
        let partials = ["node": "{{name}}({{#children}}{{> node}}{{/children}})"]
        #expect(try render("{{> node}}", context, partials: partials) == "a(b())")
    }

    @Test func sameTemplateRendersManyTimesWithDifferentData() throws {
        let template = try Template("Hi {{name}}!")
        #expect(try template.render(["name": "A"]) == "Hi A!")
        #expect(try template.render(["name": "B"]) == "Hi B!")
    }

    @Test func convertibleTypesBecomeValues() {
        let title: String? = nil
        #expect(["a", "b"].templateValue == .list([.string("a"), .string("b")]))
        #expect(["n": 1].templateValue == .object(["n": .int(1)]))
        #expect(title.templateValue == .null)
        #expect(2.5.templateValue == .double(2.5) && true.templateValue == .bool(true))
    }
}
