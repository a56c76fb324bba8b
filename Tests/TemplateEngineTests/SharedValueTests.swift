import Testing

@testable import TemplateEngine

/// Shared values: a section body rendered for a shared item is kept and copied, but only when
/// its bytes depend on nothing but the item and the fragment's key.
@Suite struct SharedValueTests {
    private static func shared(_ fields: TemplateObject) -> TemplateSharedValue {
        TemplateSharedValue(.object(fields))
    }

    private static let list = "{{#items}}<li>{{title}}</li>{{/items}}"

    @Test func readsAsTheValueItWraps() throws {
        let item = Self.shared(["title": "A & B"])
        #expect(TemplateValue.shared(item) == .object(["title": "A & B"]))
        #expect(TemplateValue.shared(TemplateSharedValue(.shared(item))) == .shared(item))
        #expect(TemplateValue.shared(TemplateSharedValue(.list([]))).isTruthy == false)
        let context: TemplateValue = ["article": .shared(item), "name": .shared(TemplateSharedValue("N"))]
        #expect(try render("{{article.title}} {{#article}}{{title}}{{/article}} {{name}}", context) == "A &amp; B A &amp; B N")
    }

    @Test func aBodyIsRenderedOnceAndCopiedIntoOtherPages() throws {
        let library = try TemplateLibrary(sources: ["list.html": "<h1>{{page}}</h1>" + Self.list])
        let item = Self.shared(["title": "A & B"])
        #expect(try library.render("list.html", ["page": "1", "items": [.shared(item)]]) == "<h1>1</h1><li>A &amp; B</li>")
        #expect(item.reuseCount == 0 && item.keptBytes.fragments == 1)
        #expect(try library.render("list.html", ["page": "2", "items": [.shared(item), .shared(item)]])
            == "<h1>2</h1><li>A &amp; B</li><li>A &amp; B</li>")
        #expect(item.reuseCount == 2 && item.keptBytes.fragments == 1)
    }

    @Test func framesPushedAboveTheItemAndPartialsOfALibraryCount() throws {
        let library = try TemplateLibrary(sources: [
            "page.html": "{{#items}}{{> item.html}}{{/items}}",
            "item.html": "{{title}}:{{#leaders}}[{{name}}]{{/leaders}}{{#source}}{{source.name}}{{/source}}",
        ])
        let item = Self.shared(["title": "T", "leaders": [["name": "Xi"]], "source": ["name": "S"]])
        for _ in 0..<2 {
            #expect(try library.render("page.html", ["items": [.shared(item)]]) == "T:[Xi]S")
        }
        #expect(item.reuseCount == 1)
    }

    @Test(arguments: [
        "{{#items}}{{title}} {{page}}{{/items}}",  // a variable of the page
        "{{#items}}{{title}} {{site.name}}{{/items}}",  // a dotted name starting in the page
        "{{#items}}{{title}} {{#flag}}{{page}}{{/flag}}{{/items}}",  // a section of the page
        "{{#items}}{{title}} {{^flag}}-{{/flag}}{{page}}{{/items}}",
        "{{#items}}{{title}} {{> outer.html}}{{/items}}",  // a partial that reads the page
    ])
    func aBodyThatReadsThePageAroundItIsNeverKept(_ source: String) throws {
        let library = try TemplateLibrary(sources: ["list.html": source, "outer.html": "{{page}}"])
        let item = Self.shared(["title": "T"])
        for page in ["1", "2"] {
            let context: TemplateValue = ["page": .string(page), "site": ["name": .string(page)], "flag": true,
                                          "items": [.shared(item)]]
            #expect(try library.render("list.html", context) == "T \(page)")
        }
        #expect(item.reuseCount == 0 && item.keptBytes.fragments == 0)
    }

    @Test func aMissInLaxModeIsNotKeptAndStaysAnErrorInStrictMode() throws {
        let library = try TemplateLibrary(sources: ["list.html": "{{#items}}{{titel}}{{/items}}"])
        let item = Self.shared(["title": "T"])
        #expect(try library.render("list.html", ["items": [.shared(item)]], strict: false) == "")
        #expect(item.keptBytes.fragments == 0)
        let plain = templateError { try library.render("list.html", ["items": [["title": "T"]]]) }
        let shared = templateError { try library.render("list.html", ["items": [.shared(item)]]) }
        #expect(shared?.description == "list.html:1:11: error: unknown key 'titel' (did you mean 'title'?)")
        #expect(shared == plain)
    }

    @Test func strictnessIsPartOfTheKey() throws {
        // Lax mode shows nothing for a list; strict mode must still report it after a lax render.
        let library = try TemplateLibrary(sources: ["list.html": "{{#items}}[{{tags}}]{{/items}}"])
        let item = Self.shared(["tags": ["a"]])
        #expect(try library.render("list.html", ["items": [.shared(item)]], strict: false) == "[]")
        let thrown = templateError { try library.render("list.html", ["items": [.shared(item)]]) }
        #expect(thrown?.message == "cannot interpolate 'tags', which is a list (use '{{#tags}}...{{/tags}}')")
    }

    @Test func escapingIsPartOfTheKey() throws {
        let library = try TemplateLibrary(sources: ["list": Self.list])
        let item = Self.shared(["title": "<b>&"])
        let context: TemplateValue = ["items": [.shared(item)]]
        #expect(try library.render("list", context, escaping: .html) == "<li>&lt;b&gt;&amp;</li>")
        #expect(try library.render("list", context, escaping: TemplateEscaping.none) == "<li><b>&</li>")
        #expect(try library.render("list", context, escaping: .markdown) == "<li>\\<b\\>\\&</li>")
        #expect(try library.render("list", context, escaping: .html) == "<li>&lt;b&gt;&amp;</li>")
        #expect(item.keptBytes.fragments == 3 && item.reuseCount == 1)
    }

    @Test func oneCopyServesEveryIndentation() throws {
        let library = try TemplateLibrary(sources: [
            "two.html": "<ul>\n  {{> list.html}}\n</ul>\n",
            "four.html": "<ul>\n    {{> list.html}}\n</ul>\n",
            "inline.html": "<ul>{{> list.html}}</ul>\n",
            "zero.html": "<ul>\n{{> list.html}}\n</ul>\n",
            "list.html": "{{#items}}\n<li>\n{{title}}</li>\n{{/items}}\n",
        ])
        let item = Self.shared(["title": "T"])
        let context: TemplateValue = ["items": [.shared(item), .shared(item)]]
        let two = "<ul>\n  <li>\n  T</li>\n  <li>\n  T</li>\n</ul>\n"
        let four = "<ul>\n    <li>\n    T</li>\n    <li>\n    T</li>\n</ul>\n"
        for _ in 0..<2 {
            #expect(try library.render("two.html", context) == two)
            #expect(try library.render("four.html", context) == four)
            #expect(try library.render("inline.html", context) == "<ul><li>\nT</li>\n<li>\nT</li>\n</ul>\n")
            #expect(try library.render("zero.html", context) == "<ul>\n<li>\nT</li>\n<li>\nT</li>\n</ul>\n")
        }
        // One copy for the indented partials (kept without their indentation), one each for
        // the inline one and the standalone one without indentation.
        #expect(item.keptBytes.fragments == 3 && item.reuseCount == 13)
        #expect(item.keptBytes.bytes == "<li>\nT</li>\n".utf8.count * 3)
    }

    /// Partials nested in an indented body (standalone ones add to the indentation, inline ones
    /// start without), shared items inside it, in two indentations and both orders, give what
    /// the same data unshared gives.
    @Test(arguments: [["four.html", "eight.html"], ["eight.html", "four.html"]])
    func nestedPartialsAndSharedItemsInAnIndentedBody(_ order: [String]) throws {
        let library = try TemplateLibrary(sources: [
            "four.html": "<ul>\n    {{> list.html}}\n</ul>\n",
            "eight.html": "<ul>\n        {{> list.html}}\n</ul>\n",
            "list.html": "{{#items}}\n<li>\n  {{> leader.html}}\n<p>{{> inline.html}}</p>\n</li>\n{{/items}}\n",
            "leader.html": "{{#leaders}}\n<b>{{name}}</b>\n  {{> leader-role.html}}\n{{/leaders}}\n",
            "leader-role.html": "<i>{{role}}</i>\n",
            "inline.html": "a\n{{title}}\n  {{> deep.html}}\nb",
            "deep.html": "<s>{{title}}</s>\n",
        ])
        let leader = TemplateValue.shared(TemplateSharedValue(["name": "Xi", "role": "P"]))
        let items: [TemplateValue] = (0..<3).map { .shared(TemplateSharedValue(["title": .string("T\($0)"), "leaders": [leader, leader]])) }
        let plain = items.map { $0.unshared }.map { item -> TemplateValue in
            guard case .object(var fields) = item else { return item }
            fields["leaders"] = [leader.unshared, leader.unshared]
            return .object(fields)
        }
        for name in order + order {
            #expect(try library.render(name, ["items": .list(items)]) == library.render(name, ["items": .list(plain)]))
        }
        guard case .shared(let first) = items[0] else { return }
        #expect(first.keptBytes.fragments == 1 && first.reuseCount == 3)
    }

    @Test func markdownLineStartsArePartOfTheKey() throws {
        // A value at the very start of a body is escaped as at a line start only after a line break.
        let library = try TemplateLibrary(sources: [
            "list.md": "{{#items}}{{title}}{{/items}}", "start.md": "x\n{{> list.md}}.", "inline.md": "x {{> list.md}}.",
        ])
        let item = Self.shared(["title": "- 1. x"])
        let context: TemplateValue = ["items": [.shared(item)]]
        for _ in 0..<2 {
            #expect(try library.render("start.md", context, escaping: .markdown) == "x\n\\- 1. x.")
            #expect(try library.render("inline.md", context, escaping: .markdown) == "x - 1. x.")
        }
        #expect(item.keptBytes.fragments == 2 && item.reuseCount == 2)
    }

    @Test func blocksOfAParentAreNeverKept() throws {
        let library = try TemplateLibrary(sources: [
            "layout.html": "{{#items}}{{$item}}{{title}}{{/item}};{{/items}}",
            "plain.html": "{{<layout.html}}{{/layout.html}}",
            "bold.html": "{{<layout.html}}{{$item}}<b>{{title}}</b>{{/item}}{{/layout.html}}",
        ])
        let item = Self.shared(["title": "T"])
        let context: TemplateValue = ["items": [.shared(item)]]
        for _ in 0..<2 {
            #expect(try library.render("plain.html", context) == "T;")
            #expect(try library.render("bold.html", context) == "<b>T</b>;")
        }
        #expect(item.keptBytes.fragments == 0)
    }

    @Test func partialsPassedToATemplateAreNotFixed() throws {
        let template = try Template("{{#items}}{{> item}}{{/items}}")
        let item = Self.shared(["title": "T"])
        let context: TemplateValue = ["items": [.shared(item)]]
        #expect(try template.render(context, partials: ["item": Template("a{{title}}")]) == "aT")
        #expect(try template.render(context, partials: ["item": Template("b{{title}}")]) == "bT")
        #expect(try template.render(context) == "")  // a missing partial, in lax mode
        #expect(try template.render(context, partials: ["item": Template("c{{title}}")]) == "cT")
        #expect(item.keptBytes.fragments == 0)
        // Without partials, a body is kept for a template as well as for a library.
        #expect(try Template(Self.list).render(context) == "<li>T</li>")
        #expect(item.keptBytes.fragments == 1)
    }

    @Test func aNewLibraryNeverFindsTheBytesOfAnOldOne() throws {
        let item = Self.shared(["title": "T"])
        let context: TemplateValue = ["items": [.shared(item)]]
        do {
            let old = try TemplateLibrary(sources: ["list.html": "{{#items}}old {{title}}{{/items}}"])
            #expect(try old.render("list.html", context) == "old T")
        }
        let new = try TemplateLibrary(sources: ["list.html": "{{#items}}new {{title}}{{/items}}"])
        #expect(try new.render("list.html", context) == "new T")
        // The old library's fragment was dropped when the new one was kept.
        #expect(item.keptBytes.fragments == 1 && item.keptBytes.bytes == "new T".utf8.count)
    }

    /// A copy must not hide the partial nesting limit: the same body, kept from a shallow
    /// render, is rendered (and fails) again where it would nest too deep.
    @Test(arguments: [90, 94, 95, 96, 99])
    func aKeptBodyStillRespectsTheNestingLimit(_ wrapping: Int) throws {
        let library = try TemplateLibrary(sources: ["node": "{{#child}}<{{> node}}>{{/child}}"])
        func chain(_ levels: Int, around inner: TemplateValue) -> TemplateValue {
            (0..<levels).reduce(inner) { value, _ in ["child": value] }
        }
        let item = TemplateSharedValue(chain(4, around: ["child": false]))
        _ = try library.render("node", ["child": .shared(item)])
        #expect(item.keptBytes.fragments > 0)
        let plain = Result { try library.render("node", chain(wrapping, around: ["child": item.value])) }
        let shared = Result { try library.render("node", chain(wrapping, around: ["child": .shared(item)])) }
        #expect((try? shared.get()) == (try? plain.get()))
        #expect((shared.error as? TemplateError) == (plain.error as? TemplateError))
    }
}

extension Result {
    fileprivate var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
