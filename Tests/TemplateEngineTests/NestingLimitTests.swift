import Testing

@testable import TemplateEngine

/// Sections, parents and blocks nest at most 100 levels in one template: deeper, a template
/// of a few hundred kilobytes overflowed the stack (the template fuzzer's binary crashed on
/// 50,000 nested sections, in parsing, rendering and freeing the tree).
@Suite struct NestingLimitTests {
    static func nested(_ depth: Int, open: String = "{{#a}}", close: String = "{{/a}}") -> String {
        String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth)
    }

    @Test func a100LevelTemplateCompilesAndRenders() throws {
        let template = try Template(Self.nested(100), name: "deep.html")
        #expect(try template.render(["a": true]) == "x")
    }

    @Test func the101stLevelIsAnErrorAtItsTag() {
        #expect(throws: TemplateError(
            template: "deep.html", line: 1, column: 601,
            message: "section 'a' is nested more than 100 levels deep in its template")
        ) {
            try Template(Self.nested(101), name: "deep.html")
        }
    }

    @Test(arguments: ["{{#a}}", "{{^a}}", "{{<a}}", "{{$a}}"])
    func tensOfThousandsOfLevelsAreOneErrorNotACrash(_ open: String) {
        let source = Self.nested(50_000, open: open)
        #expect(throws: TemplateError.self) { try Template(source) }
        #expect(throws: TemplateLibraryError.self) { try TemplateLibrary(sources: ["t": source]) }
        #expect(throws: TemplateError.self) { try Template(String(repeating: open, count: 200_000)) }
    }
}
