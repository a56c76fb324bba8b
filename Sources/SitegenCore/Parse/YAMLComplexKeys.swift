/// Refuses YAML's explicit keys (`? key`) before Yams sees the text.
///
/// A key written after `?` may be a list or a mapping, and Yams compares such keys with each
/// other, recursively, to find duplicates: the front-matter fuzzer found 635 bytes of nested
/// `? - ? ? -` that took Yams 1.6 s (twice, once per resolver), and a little more of the same
/// takes far longer. sitegen's keys are plain names, so an explicit key has no use in front
/// matter or `site.yml`. The scan is lexical: a `?` followed by a space, a tab or the end of
/// the line, first on its line after indentation and any `- ` of list items, outside a block
/// scalar (`|`, `>`). It can only err by refusing a line that continues a plain or quoted
/// text value and starts with `? `; the error says to quote such a value.
enum YAMLComplexKeys {
    /// The 1-based line (within `yaml`) and column of the first explicit key; nil when there
    /// is none.
    static func firstExplicitKey(in yaml: String) -> (line: Int, column: Int)? {
        guard yaml.utf8.contains(UInt8(ascii: "?")) else { return nil }  // most YAML has none
        /// The indentation of the line that opened the block scalar being skipped.
        var blockScalarIndent: Int?
        for (index, line) in yaml.utf8.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
            var rest = line.dropFirst(indent)
            if let block = blockScalarIndent {
                if rest.isEmpty || indent > block { continue }
                blockScalarIndent = nil
            }
            while rest.first == UInt8(ascii: "-"), rest.count == 1 || isBlank(rest[rest.index(after: rest.startIndex)]) {
                rest = rest.dropFirst().drop { isBlank($0) }
            }
            if rest.first == UInt8(ascii: "?"), rest.count == 1 || isBlank(rest[rest.index(after: rest.startIndex)]) {
                return (index + 1, line.distance(from: line.startIndex, to: rest.startIndex) + 1)
            }
            if opensBlockScalar(line) { blockScalarIndent = indent }
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Whether `line` ends with a block scalar header after `: ` or `- ` (`key: |`, `- >-`,
    /// `key: |2 # comment`).
    private static func opensBlockScalar(_ line: Substring.UTF8View) -> Bool {
        var text = Substring(line)
        if let comment = text.range(of: " #") { text = text[..<comment.lowerBound] }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        guard let header = text.lastIndex(where: { $0 == "|" || $0 == ">" }),
            text[text.index(after: header)...].allSatisfy({ "+-0123456789".contains($0) })
        else { return false }
        let before = text[..<header]
        return before.hasSuffix(": ") || before.hasSuffix(":\t") || before.hasSuffix("- ")
            || before.allSatisfy { $0 == " " }
    }
}
