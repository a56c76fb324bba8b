import MarkdownHTML
import Testing
import Yams
@testable import SitegenCore

/// `FrontMatter(simpleYAML:path:firstLine:)` reads only front matter that Yams reads the same
/// way: the same keys, nodes and locations, or nil.
struct SimpleFrontMatterTests {
    /// What Yams makes of `yaml`, as `FrontMatterParser` composes it; nil when it refuses it or
    /// it is not a mapping.
    func yamsFrontMatter(_ yaml: String) -> FrontMatter? {
        guard case .mapping(let mapping)? = try? FrontMatterParser.compose(yaml) else { return nil }
        return FrontMatter(path: "a.md", mapping: mapping, firstLine: 2)
    }

    func expectSame(_ simple: FrontMatter, _ yams: FrontMatter?, _ yaml: String) {
        guard let yams else {
            Issue.record("Yams refuses what the simple reader read: \(yaml.debugDescription)")
            return
        }
        #expect(simple.entries.map(\.key) == yams.entries.map(\.key), "\(yaml.debugDescription)")
        for (mine, theirs) in zip(simple.entries, yams.entries) {
            #expect(mine.node == theirs.node, "\(yaml.debugDescription)")
            #expect(mine.keyLocation == theirs.keyLocation, "\(yaml.debugDescription)")
            #expect(mine.valueLocation == theirs.valueLocation, "\(yaml.debugDescription)")
            if case .sequence(let items) = theirs.node {
                let marked = items.map { FrontMatter.location(of: $0, path: "a.md", firstLine: 2) }
                #expect(mine.itemLocations == marked, "\(yaml.debugDescription)")
            }
            if case .mapping(let pairs) = theirs.node {
                let marked = pairs.map { FrontMatter.location(of: $0.value, path: "a.md", firstLine: 2) }
                #expect(mine.itemLocations == marked, "\(yaml.debugDescription)")
                // The reader uses the tag as written (a quoted scalar's is `str`), not only the resolved one.
                #expect(zip(pairs.map(\.value), mine.node.mapping?.map(\.value) ?? []).allSatisfy { $0.tag.rawValue == $1.tag.rawValue })
            }
            if case .scalar(let theirs) = theirs.node {
                #expect(mine.node.scalar?.tag.rawValue == theirs.tag.rawValue, "\(yaml.debugDescription)")
            }
        }
    }

    @Test func theUsualFrontMatterIsReadAsYamsReadsIt() throws {
        let yaml = """
            title: Quentin Dimitrov announced on tariffs — and “soybeans” talks, [again] {open}
            date: 2020-03-06T06:51:00+00:00
            leaders: [quentin-dimitrov, xi-jinping]
            topics:
              - tariffs
              - soybeans
            slug: quentin-dimitrov-1767
            author: Ada Castillo (Erdoğan desk)
            draft: false
            summary: "Talks: soybeans, #tariffs and a 10% cut"
            source: {name: Wire 6, url: "https://wire.example/1645?a=b,c"}
            """
        let simple = try #require(FrontMatter(simpleYAML: yaml, path: "a.md", firstLine: 2))
        expectSame(simple, yamsFrontMatter(yaml), yaml)
        #expect(simple.entries.count == 9)
    }

    @Test func anythingOutsideTheSubsetIsLeftToYams() {
        for yaml in [
            "", "title: 'quoted'", "title: \"esc\\\"aped\"", "title: \"a\" b", "title: \"a\" ", "title: \"open",
            "title: \"tab\there\"", "title: {a: b, a: c}", "title: {\"a\": b}", "title: {a:b}", "title: {}", "title: {a: [b]}",
            "title: [\"a\" b]", "title: a # comment", "# comment\ntitle: a", "title: a\n\ndate: b",
            "title: a\ntitle: b", "title:", "title:\n", "source:\n  name: a", "title: >\n  folded", "title: |\n  literal",
            "title: !tag a", "title: &anchor a", "title: *alias", "title: a\n  continued", "title:\ta", "title: a ",
            "title: [a, b,]", "title: [a, [b]]", "title: [a: b]", "title: {a: b", "title: - a", "title: a\r",
            "leaders:\n  - a\n    - b", "leaders:\n  - a\n - b", "leaders:\n  - 'a'", "---\ntitle: a", "title: a: b",
            "title: a\u{2028}b", "title: Deal!", "title: a\ndate: 2025-12-09T07:00:00-06:00\nslug: a!!b", "title: a\u{85}b", "title: \u{FEFF}a", " title: a", "ti tle: a", "1title: a",
        ] {
            #expect(FrontMatter(simpleYAML: yaml, path: "a.md", firstLine: 2) == nil, "\(yaml.debugDescription)")
        }
    }

    /// Seeded random front matter from pieces that sit on the subset's edges: whatever the
    /// simple reader reads, Yams reads the same way.
    @Test func seededRandomFrontMatterReadsAsYamsReadsIt() {
        let keys = ["title", "date", "leaders", "topics", "a_b", "x-y", "k1", " title", "#c", "ti tle", "_k", "T"]
        let values = [
            "plain words", "Erdoğan", "“quoted” words", "a: b", "a:b", "a #b", "a#b", "'q'", "\"q\"", "[a, b]", "[a,b]",
            "[ a , b ]", "[]", "[ ]", "[a,]", "[a, [b]]", "[a:b]", "[a b, c]", "[é, 𝘚𝘵]", "-x", "- x", "x -", "?x", "@x",
            "`x", "%x", "|", ">", "!tag x", "&a x", "*a", "12:30", "2020-01-01T00:00:00+00:00", "yes", "~", "null", "",
            "  padded", "trailing ", "tab\there", "a, b", "{a: b}", "a}b", "a]b", "x\u{85}", "x\u{2028}", "x\u{FEFF}y",
            "é", "𝘚𝘵𝘺𝘭𝘦𝘥", "...", "---", "a --- b", "x\r", "a:", "a::b", "http://example.org/a?b=c#d", "50%",
            "x\u{7F}", "x\u{9F}", "x\u{FFFE}", "Deal!", "a!!binary b",
            "\"a, b\"", "\"a # b: c\"", "\"\"", "\" padded \"", "\"é 𝘚\"", "\"a\\\"b\"", "\"tab\there\"", "\"a\" b", "\"a\"b\"",
            "\"x\u{85}\"", "\"[a]\"", "{name: Wire 6, url: \"https://wire.example/1645\"}", "{a: b, c: d}", "{a: b, a: c}",
            "{a:b}", "{\"a\": b}", "{a: [b]}", "{a: b,}", "{}", "{ a: b }", "{a: \"b, c\"}", "{a: \"b\", c: \"d\"}", "{a: b c}",
            "{a: b\"c}", "{a-b: 1, _c: é}", "{1a: b}", "{a: b #c}", "{a: }", "{a: -b}", "[\"a\", b]", "[\"a,b\"]", "[ \"a\" , \"\" ]",
            "[\"a\" b]", "[\"a\",]", "[a, \"b\"c]",
        ]
        let items = ["- a", "  - b", "  - é c", "- 'q'", "-x", "- ", "- a: b", "    - d", "- [a]", "-  spaced", "- \"q, r\"", "- \"q\" r"]
        var random = SyntheticNews.Random(state: 2026)
        var read = 0
        for _ in 0..<4000 {
            var lines: [String] = []
            for _ in 0..<(1 + random.below(6)) {
                let key = keys[random.below(keys.count)]
                if random.below(5) == 0 {
                    lines.append(key + ":")
                    for _ in 0..<random.below(4) { lines.append(items[random.below(items.count)]) }
                } else {
                    lines.append(key + ": " + values[random.below(values.count)])
                }
            }
            let yaml = lines.joined(separator: "\n")
            guard let simple = FrontMatter(simpleYAML: yaml, path: "a.md", firstLine: 2) else { continue }
            read += 1
            expectSame(simple, yamsFrontMatter(yaml), yaml)
        }
        #expect(read > 200)
    }

    /// Diagnostics point where they did: a bad item of a flow or block list, a bad date.
    @Test func diagnosticsKeepTheirLocations() throws {
        let yaml = "title: A\ndate: 2025-13-45\ntopics:\n  - trade\n  - x\nleaders: [a, b]"
        let simple = try #require(FrontMatter(simpleYAML: yaml, path: "a.md", firstLine: 2))
        var reader = FrontMatterReader(simple)
        #expect(reader.date("date") == nil)
        #expect(reader.diagnostics.map(\.location) == [SourceLocation(path: "a.md", line: 3, column: 7)])
        #expect(reader.strings("topics")?.map(\.location) == [
            SourceLocation(path: "a.md", line: 5, column: 5), SourceLocation(path: "a.md", line: 6, column: 5),
        ])
        #expect(reader.strings("leaders")?.map(\.location) == [
            SourceLocation(path: "a.md", line: 7, column: 11), SourceLocation(path: "a.md", line: 7, column: 14),
        ])
        // A bad link in a flow mapping is located at its value.
        let source = "title: A\ndate: 2025-11-24\nsource: {name: Wire, url: \"javascript:alert(1)\"}"
        let parsed = ArticleParser(renderer: MarkdownRenderer()).parse(
            SourceFile(path: "a.md", text: "---\n" + source + "\n---\nText.\n"))
        #expect(parsed.diagnostics.map(\.location) == [SourceLocation(path: "a.md", line: 4, column: 27)])
        #expect(try #require(FrontMatter(simpleYAML: source, path: "a.md", firstLine: 2)).entries[2].itemLocations == [
            SourceLocation(path: "a.md", line: 4, column: 16), SourceLocation(path: "a.md", line: 4, column: 27),
        ])
    }
}
