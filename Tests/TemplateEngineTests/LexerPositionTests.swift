import Testing

@testable import TemplateEngine

/// Token positions stay exact while the lexer counts columns incrementally, and a long line
/// with many tags is lexed in linear time (it was quadratic: a 100 KB one-line template with
/// 8,000 sections took 33 s in the template fuzzer's binary).
@Suite struct LexerPositionTests {
    /// Pieces whose Characters join across a cut: an accent after a letter or after `}}`, a
    /// flag's two halves, an emoji and its skin tone.
    static let pieces = [
        "abc", "é", "e", "\u{301}", "🇫", "🇷", "👍", "🏽", "\n", " ", "{{a}}", "{{#s}}", "{{/s}}", "{{! c }}", "{{{u}}}",
    ]

    @Test func positionsMatchCountingFromTheLineStartEveryTime() {
        var seed: UInt64 = 42
        for _ in 0..<300 {
            var source = ""
            var expected: [String] = []
            var inText = false
            for _ in 0..<12 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let piece = Self.pieces[Int(seed >> 33) % Self.pieces.count]
                let isTag = piece.hasPrefix("{{")
                if isTag || !inText { expected.append(Self.position(atEndOf: source)) }
                inText = !isTag
                source += piece
            }
            var lexer = TemplateLexer(source, name: "t")
            let positions = lexer.tokenize().tokens.map(\.position.description)
            #expect(positions == expected, "\(source.debugDescription)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aLongLineWithManyTagsIsLinear() throws {
        let source = String(repeating: "é{{#a}}x{{/a}}", count: 60_000)
        var lexer = TemplateLexer(source, name: "t")
        let tokens = lexer.tokenize().tokens
        #expect(tokens.count == 240_000)
        #expect(tokens.last?.position.description == "1:\(14 * 60_000 - 5)")
        _ = try Template(source)
    }

    /// Line and column of the end of `prefix`, counted from scratch.
    static func position(atEndOf prefix: String) -> String {
        let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
        return "\(lines.count):\(lines.last!.count + 1)"
    }
}
