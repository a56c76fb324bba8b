import Foundation
import Testing
@testable import SitegenCore

/// YAML anchors and aliases are refused before Yams expands them: nested aliases used as a
/// mapping key ("billion laughs") made a 540-byte front matter hang the build (found with
/// the front matter fuzzer's binary; `-timeout=10` reported it as a hang in Yams' duplicate
/// key check).
struct YAMLAliasTests {
    /// Nine anchors, each a list of nine aliases of the one before, the last used as a key.
    static let laughs: String = {
        var lines = ["---", "title: T", "date: 2025-01-01", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...8 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return (lines + ["? *a8", ": value", "---", "Body"]).joined(separator: "\n") + "\n"
    }()

    @Test(.timeLimit(.minutes(1)))
    func billionLaughsIsAnErrorNotAHang() {
        let outcome = ArticleParser(renderer: .init()).parse(SourceFile(path: "Content/articles/a.md", text: Self.laughs))
        #expect(outcome.value == nil)
        #expect(outcome.diagnostics.map(\.description) == [
            "Content/articles/a.md:5:10: error: invalid YAML: anchors and aliases are not supported (found alias '*a0')"
        ])
    }

    @Test func siteConfigRefusesAliasesToo() {
        let file = SourceFile(path: "Content/site.yml", text: "title: &t News\npublisher: *t\n")
        let (_, diagnostics) = SiteConfigParser().parse(file, baseURLOverride: nil)
        #expect(diagnostics.map(\.description) == [
            "Content/site.yml:2:12: error: invalid YAML: anchors and aliases are not supported (found alias '*t')"
        ])
    }

    @Test(arguments: [
        "- &x [a]\n- {b: *x}", "a: &x 1\nb: [*x]", "{\"a\": &x 1, \"b\":*x}", "a: &x-1 1\n*x-1 : 2", "a: &x 1\n? *x\n: 2",
    ])
    func findsEveryAlias(_ yaml: String) {
        #expect(YAMLAliases.firstAlias(in: yaml) != nil)
    }

    @Test(arguments: [
        "title: Trade & tariffs, *mostly* soybeans", "summary: \"A &x and *y\"", "a: *undefined", "a: b&x\nc: d*x",
    ])
    func leavesTextWithoutAliasesAlone(_ yaml: String) {
        #expect(YAMLAliases.firstAlias(in: yaml) == nil)
    }
}
