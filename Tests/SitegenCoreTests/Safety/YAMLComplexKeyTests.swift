import Foundation
import Testing
@testable import SitegenCore

/// Explicit keys (`? key`) are refused before Yams compares them: 635 bytes of nested
/// `? - ? ? -` found by the front-matter fuzzer took Yams 1.6 s per resolver (its duplicate
/// key check compares list and mapping keys recursively). A key that is a list or a mapping
/// written without `?` is refused after composing, with a message that names what it is.
struct YAMLComplexKeyTests {
    /// The fuzzer's input, cut down: explicit keys nested in lists nested in explicit keys.
    static let nested: String = {
        let line = "? - ? ? - ? ? ? - ? ? - -  ? ? ? -  - - ? ? ? - ? ? ? - ? ? - -? ? ? ? -"
        return (["---", "title: T", "date: 2025-01-01"] + Array(repeating: line, count: 12) + ["---", "Body"])
            .joined(separator: "\n") + "\n"
    }()

    @Test(.timeLimit(.minutes(1)))
    func nestedExplicitKeysAreAnErrorNotASlowParse() {
        let outcome = ArticleParser(renderer: .init()).parse(SourceFile(path: "Content/articles/a.md", text: Self.nested))
        #expect(outcome.value == nil)
        #expect(outcome.diagnostics.map(\.description) == [
            "Content/articles/a.md:4:1: error: invalid YAML: explicit keys ('? ') are not supported: a key is a plain"
                + " name such as 'title' (a text that continues on this line must be quoted)"
        ])
    }

    @Test func aListOrMappingKeyIsNamedNotPrinted() {
        for (yaml, kind, column) in [("[a, b]: c", "list", 1), ("{a: b}: c", "mapping", 1)] {
            let text = "---\ntitle: T\ndate: 2025-01-01\n\(yaml)\n---\nBody\n"
            let outcome = ArticleParser(renderer: .init()).parse(SourceFile(path: "Content/articles/a.md", text: text))
            #expect(outcome.diagnostics.map(\.description) == [
                "Content/articles/a.md:4:\(column): error: invalid YAML: a key must be a plain name such as 'title', not a \(kind)"
            ])
        }
        let (_, diagnostics) = SiteConfigParser().parse(
            SourceFile(path: "Content/site.yml", text: "title: News\n[a]: b\n"), baseURLOverride: nil)
        #expect(diagnostics.map(\.description) == [
            "Content/site.yml:2:1: error: invalid YAML: a key must be a plain name such as 'title', not a list"
        ])
    }

    @Test(arguments: [
        ("? a\n: b", 1, 1), ("x: 1\n  ? a\n  : b", 2, 3), ("- ? a\n  : b", 1, 3), ("- - ?\n    a", 1, 5), ("?\ta: b", 1, 1),
        ("summary: |\n  text\n? a\n: b", 3, 1),
    ])
    func findsEveryExplicitKey(_ yaml: String, line: Int, column: Int) {
        let found = YAMLComplexKeys.firstExplicitKey(in: yaml)
        #expect(found?.line == line && found?.column == column)
    }

    @Test(arguments: [
        "title: Why? Because", "title: What now?", "summary: |\n  ? is a question mark\n  - so is this", "summary: >-\n  ? folded",
        "summary: |2 # kept\n   ? indented\ntitle: T", "a: ?x", "- ?x", "title: \"? quoted\"",
    ])
    func leavesTextWithoutExplicitKeysAlone(_ yaml: String) {
        #expect(YAMLComplexKeys.firstExplicitKey(in: yaml) == nil)
    }
}
