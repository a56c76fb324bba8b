import Yams

/// Front matter written in the plain subset of YAML that nearly every article uses, read
/// without Yams: composing a six-line front matter with Yams cost more than the rest of
/// parsing the article's fields.
///
/// The subset: one `key: value` per line, the key starting in the first column with a letter
/// or `_` followed by letters, digits, `_` and `-`, each key once; a value that is a plain
/// scalar, a flow sequence of plain scalars (`[a, b]`), or nothing, followed by a block
/// sequence of plain scalars (`- a` lines, all indented alike). A plain scalar here starts
/// with none of YAML's indicators and holds no `: `, ` #`, tab, control character, trailing
/// space or Unicode line break (and, in a flow sequence, no `,`, `:`, brackets or braces).
/// Anything else — quotes, comments, blank lines, mappings, block scalars, tags, anchors,
/// aliases, documents markers, duplicate keys, a key with no value, a `!` anywhere — is not
/// read here (nil), and Yams reads it as before, so the result never depends on which of the
/// two read it:
/// the nodes are the ones Yams composes with the basic resolver (every scalar a string), and
/// the locations are the ones its marks give (columns counted in Unicode scalars). Tests
/// compare the two on seeded random front matter.
extension FrontMatter {
    init?(simpleYAML yaml: String, path: String, firstLine: Int) {
        // With a `!` anywhere, `FrontMatterParser.compose` uses Yams' default resolver, whose
        // tags differ (a date is a timestamp): leave such front matter to it.
        guard !yaml.utf8.contains(UInt8(ascii: "!")) else { return nil }
        var entries: [Entry] = []
        var keys = Set<String>()
        let lines = Array(yaml.utf8).split(separator: 10, omittingEmptySubsequences: false)
        var number = 0
        func location(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(path: path, line: line + firstLine, column: column)
        }
        while number < lines.count {
            let line = lines[number]
            guard let colon = SimpleYAML.keyEnd(line) else { return nil }
            let key = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            guard keys.insert(key).inserted else { return nil }
            let keyLocation = location(number, 1)
            var valueStart = line.index(after: colon)
            if valueStart == line.endIndex {
                // Nothing after the colon: a block sequence must follow.
                var items: [Node] = [], itemLocations: [SourceLocation] = []
                var indent: Int?
                while number + 1 < lines.count, let item = SimpleYAML.blockItem(lines[number + 1]) {
                    guard indent == nil || indent == item.indent else { return nil }
                    indent = item.indent
                    number += 1
                    items.append(SimpleYAML.scalar(lines[number][item.value]))
                    itemLocations.append(location(number, SimpleYAML.column(of: item.value.lowerBound, in: lines[number])))
                }
                guard let indent else { return nil }
                entries.append(Entry(
                    key: key, keyLocation: keyLocation, node: SimpleYAML.sequence(items, style: .block),
                    valueLocation: location(number - items.count + 1, indent + 1), itemLocations: itemLocations))
                number += 1
                continue
            }
            guard line[valueStart] == UInt8(ascii: " ") else { return nil }
            while valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart = line.index(after: valueStart) }
            let value = line[valueStart...]
            let valueLocation = location(number, SimpleYAML.column(of: valueStart, in: line))
            if value.first == UInt8(ascii: "[") {
                guard let items = SimpleYAML.flowItems(value) else { return nil }
                entries.append(Entry(
                    key: key, keyLocation: keyLocation,
                    node: SimpleYAML.sequence(items.map { SimpleYAML.scalar(line[$0]) }, style: .flow),
                    valueLocation: valueLocation,
                    itemLocations: items.map { location(number, SimpleYAML.column(of: $0.lowerBound, in: line)) }))
            } else {
                guard SimpleYAML.isPlain(value, inFlow: false) else { return nil }
                entries.append(Entry(key: key, keyLocation: keyLocation, node: SimpleYAML.scalar(value), valueLocation: valueLocation))
            }
            number += 1
        }
        self.init(path: path, firstLine: firstLine, entries: entries)
    }
}

/// The byte-level rules of `FrontMatter(simpleYAML:path:firstLine:)`.
private enum SimpleYAML {
    /// The tag of every node: resolved by the basic resolver, as `FrontMatterParser` composes.
    static func tag() -> Tag { Tag(.implicit, .basic, FrontMatterParser.constructor) }

    static func scalar(_ bytes: ArraySlice<UInt8>) -> Node {
        .scalar(Node.Scalar(String(decoding: bytes, as: UTF8.self), tag(), .plain))
    }

    static func sequence(_ items: [Node], style: Node.Sequence.Style) -> Node {
        .sequence(Node.Sequence(items, tag(), style))
    }

    /// Where the key's colon is, when `line` starts with a key and a colon.
    static func keyEnd(_ line: ArraySlice<UInt8>) -> Int? {
        guard let first = line.first, isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        var index = line.index(after: line.startIndex)
        // libyaml refuses a key longer than 1,024 characters.
        while index < line.endIndex, index - line.startIndex < 1000 {
            let byte = line[index]
            if byte == UInt8(ascii: ":") { return index }
            guard isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            else { return nil }
            index += 1
        }
        return nil
    }

    /// A block sequence item, `<spaces>- <plain scalar>`: its indentation and its value's bytes.
    static func blockItem(_ line: ArraySlice<UInt8>) -> (indent: Int, value: Range<Int>)? {
        var index = line.startIndex
        while index < line.endIndex, line[index] == UInt8(ascii: " ") { index += 1 }
        let indent = index - line.startIndex
        guard index + 1 < line.endIndex, line[index] == UInt8(ascii: "-"), line[index + 1] == UInt8(ascii: " ") else { return nil }
        index += 2
        while index < line.endIndex, line[index] == UInt8(ascii: " ") { index += 1 }
        guard isPlain(line[index...], inFlow: false) else { return nil }
        return (indent, index..<line.endIndex)
    }

    /// The items of a flow sequence that is the whole rest of the line, `[a, b]`.
    static func flowItems(_ value: ArraySlice<UInt8>) -> [Range<Int>]? {
        guard value.count >= 2, value.last == UInt8(ascii: "]") else { return nil }
        let inner = value.index(after: value.startIndex)..<value.index(before: value.endIndex)
        if value[inner].allSatisfy({ $0 == UInt8(ascii: " ") }) { return [] }
        var items: [Range<Int>] = []
        var start = inner.lowerBound
        while true {
            let end = value[start..<inner.upperBound].firstIndex(of: UInt8(ascii: ",")) ?? inner.upperBound
            var (low, high) = (start, end)
            while low < high, value[low] == UInt8(ascii: " ") { low += 1 }
            while high > low, value[high - 1] == UInt8(ascii: " ") { high -= 1 }
            guard low < high, isPlain(value[low..<high], inFlow: true) else { return nil }
            items.append(low..<high)
            guard end < inner.upperBound else { return items }
            start = end + 1
        }
    }

    /// Whether `bytes` are a plain scalar that means itself, in block or flow context.
    static func isPlain(_ bytes: ArraySlice<UInt8>, inFlow: Bool) -> Bool {
        guard let first = bytes.first, let last = bytes.last, !startsIndicator(first), last != UInt8(ascii: " "),
            last != UInt8(ascii: ":")
        else { return false }
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case 0..<0x20, 0x7F:
                return false
            case UInt8(ascii: "#") where previous == UInt8(ascii: " "):
                return false
            case UInt8(ascii: " ") where previous == UInt8(ascii: ":"):
                return false
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: ":"):
                if inFlow { return false }
            case 0xC2 where index + 1 < bytes.endIndex && (0x80...0x9F).contains(bytes[index + 1]):
                return false  // C1 controls, U+0085 (a line break in YAML 1.1) among them
            case 0xE2 where index + 2 < bytes.endIndex && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
                return false  // U+2028, U+2029: line breaks in YAML 1.1
            case 0xEF where index + 2 < bytes.endIndex
                && ((bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE)):
                return false  // a byte order mark, U+FFFE, U+FFFF
            default:
                break
            }
            previous = byte
            index += 1
        }
        return true
    }

    /// YAML's indicators, which give a plain scalar's first character another meaning.
    static func startsIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "):
            true
        default:
            false
        }
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// The 1-based column of byte `index` of `line`, counted in Unicode scalars as libyaml does.
    static func column(of index: Int, in line: ArraySlice<UInt8>) -> Int {
        1 + line[line.startIndex..<index].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
