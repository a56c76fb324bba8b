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
}
