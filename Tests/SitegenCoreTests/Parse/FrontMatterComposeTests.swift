import Testing
import Yams

@testable import SitegenCore

/// `FrontMatterParser.compose` must give what Yams gives with its default resolver: the same
/// error, or a tree that reads the same (key names, value text and tags, styles, places).
struct FrontMatterComposeTests {
    static let samples = [
        "title: Trump and Xi agree\ndate: 2025-11-24\nleaders: [xi-jinping]\ndraft: true",
        "", "# only a comment", "a: 1\na: 2", "1: a\n\"1\": b", "true: a\n\"true\": b", "true: a\n'true': b",
        "yes: a\n\"yes\": b", "null: a\n~: b", "null: a\n\"null\": b", "2025-01-01: a\n\"2025-01-01\": b",
        "=: a\n\"=\": b", "<<: a\n\"<<\": b", "!!bool true: a\ntrue: b", "!!str true: a\ntrue: b",
        "!!int 1: a\n1: b", "! x: a\nx: b", "summary: !!null\nslug: x", "? {=: a}\n: b\nc: d", "? [a]\n: b",
        "source: {name: A, url: 'https://a.example'}\nsource2: {name: A, \"name\": B}", "a: |\n  x\nb: >\n  y",
        "a: [1, 2\nb: 3", "a: b: c", "- a\n- b", "a: 1\n---\nb: 2", "a: *undefined", "a: &x 1",
        "key with spaces: v\nKey: V\nkey: v", "é: 1\ne\u{301}: 2", "a: 'unclosed",
    ]

    @Test(arguments: samples) func composesWhatTheDefaultResolverComposes(yaml: String) {
        #expect(Self.reading { try FrontMatterParser.compose(yaml) } == Self.reading {
            try Yams.compose(yaml: yaml, .default, .default, FrontMatterParser.encoding)
        })
    }

    @Test func ordinaryFrontMatterSkipsTheDefaultResolver() {
        #expect(FrontMatterParser.composeWithBasicResolver("title: T\ndate: 2025-01-01\nleaders: [a, b]") != nil)
        #expect(FrontMatterParser.composeWithBasicResolver("true: a\n\"true\": b") == nil)
        #expect(FrontMatterParser.composeWithBasicResolver("!!bool true: a\ntrue: b") == nil)
        #expect(FrontMatterParser.composeWithBasicResolver("? {=: a}\n: b") == nil)
    }

    /// The tree as sitegen reads it (never resolving a tag itself), or the error.
    static func reading(_ compose: () throws -> Node?) -> String {
        do {
            return try compose().map(describe) ?? "nil"
        } catch {
            return "error: \(error)"
        }
    }

    static func describe(_ node: Node) -> String {
        let place = node.mark.map { "@\($0.line):\($0.column)" } ?? "@?"
        switch node {
        case .scalar(let scalar):
            return "\(scalar.string.debugDescription)<\(scalar.tag.rawValue)|\(scalar.style)>\(place)"
        case .mapping(let mapping):
            let pairs = mapping.map { key, value in "\(key.string ?? "\(key)")\(key.mark.map { "@\($0.line):\($0.column)" } ?? ""): \(describe(value))" }
            return "{" + pairs.joined(separator: ", ") + "}" + place
        case .sequence(let sequence):
            return "[" + sequence.map(describe).joined(separator: ", ") + "]" + place
        case .alias:
            return "alias" + place
        }
    }
}
