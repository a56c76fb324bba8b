import Testing

@testable import TemplateEngine

/// Compiled templates and libraries are immutable: many tasks can render them at once.
@Suite struct ThreadSafetyTests {
    private static let sources = [
        "page.html":
            "{{<layout.html}}{{$main}}{{#items}}\n  {{> item.html}}\n{{/items}}{{/main}}{{/layout.html}}",
        "layout.html": "<main>\n  {{$main}}{{/main}}\n</main>\n",
        "item.html": "<li class=\"{{kind}}\">{{name}} &amp; {{number}}</li>\n",
    ]

    private static func context(_ seed: Int) -> TemplateValue {
        [
            "items": .list(
                (0..<20).map { ["name": .string("<item \(seed)-\($0)>"), "number": .int($0), "kind": "k"] })
        ]
    }

    @Test func oneTemplateRenderedConcurrentlyMatchesASerialRender() async throws {
        let template = try Template("{{#items}}<p>{{name}} {{number}}</p>\n{{/items}}", name: "t.html")
        let context = Self.context(0)
        let expected = try template.render(context)
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<64 {
                group.addTask { try template.render(context) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func oneLibraryRendersDifferentDataConcurrently() async throws {
        let library = try TemplateLibrary(sources: Self.sources)
        let expected = try (0..<32).map { try library.render("page.html", Self.context($0)) }
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for _ in 0..<4 {
                for seed in 0..<32 {
                    group.addTask { (seed, try library.render("page.html", Self.context(seed))) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 128)
        for (seed, rendered) in results {
            #expect(rendered == expected[seed])
        }
        #expect(expected[0] != expected[1])
    }

    /// Shared items rendered by many tasks at once, in pages that indent them differently and
    /// pages that read the page around them, give what unshared copies of them give.
    @Test func sharedItemsRenderedConcurrentlyMatchUnsharedOnes() async throws {
        let library = try TemplateLibrary(sources: [
            "a.html": "<ol>\n  {{> list.html}}\n</ol>\n",
            "b.html": "<ol>\n      {{> list.html}}\n</ol>\n",
            "c.html": "{{#items}}{{name}}@{{page}} {{/items}}",
            "list.html": "{{#items}}\n<li>{{name}}{{#tags}} #{{.}}{{/tags}}</li>\n{{/items}}\n",
        ])
        let plain: [TemplateValue] = (0..<200).map { ["name": .string("<item \($0)>"), "tags": ["a", .string("\($0 % 7)")]] }
        let shared = plain.map { TemplateValue.shared(TemplateSharedValue($0)) }
        func context(_ items: [TemplateValue], page: Int) -> TemplateValue {
            ["page": .int(page), "items": .list(Array(items[(page * 10)...]))]
        }
        let pages = (0..<3).flatMap { template in (0..<16).map { (["a.html", "b.html", "c.html"][template], $0) } }
        let expected = try pages.map { try library.render($0.0, context(plain, page: $0.1)) }
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for _ in 0..<4 {
                for (index, page) in pages.enumerated() {
                    group.addTask { (index, try library.render(page.0, context(shared, page: page.1))) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 4 * pages.count)
        for (index, rendered) in results {
            #expect(rendered == expected[index])
        }
        guard case .shared(let last) = shared[199] else { return }
        #expect(last.keptBytes.fragments == 1 && last.reuseCount > 0)
    }
}
