import Yams

/// Front matter written in the plain subset of YAML that nearly every article uses, read
/// without Yams: composing a six-line front matter with Yams cost more than the rest of
/// parsing the article's fields.
///
/// The subset: one `key: value` per line, the key starting in the first column with a letter
/// or `_` followed by letters, digits, `_` and `-`, each key once; a value that is a scalar, a
/// flow sequence of scalars (`[a, "b"]`), a flow mapping of scalars with plain keys
/// (`{name: Reuters, url: "https://…"}`, each key once), or nothing, followed by a block
/// sequence of scalars (`- a` lines, all indented alike). A scalar is plain or double-quoted.
/// A plain scalar here starts with none of YAML's indicators and holds no `: `, ` #`, tab,
/// control character, trailing space or Unicode line break (and, in a flow collection, no
/// `,`, `:`, brackets or braces); a double-quoted one holds no `"`, backslash, tab, control
/// character or Unicode line break, and nothing follows it on its line but the collection's
/// punctuation. Anything else — single quotes, escapes, comments, blank lines, block mappings,
/// block scalars, tags, anchors, aliases, documents markers, duplicate keys, a key with no
/// value, a `!` anywhere — is not read here (nil), and Yams reads it as before, so the result
/// never depends on which of the two read it:
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
                    items.append(SimpleYAML.scalar(lines[number], item.value))
                    itemLocations.append(location(number, SimpleYAML.column(of: item.value.start, in: lines[number])))
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
            switch value.first {
            case UInt8(ascii: "["):
                guard let items = SimpleYAML.flowItems(value) else { return nil }
                entries.append(Entry(
                    key: key, keyLocation: keyLocation,
                    node: SimpleYAML.sequence(items.map { SimpleYAML.scalar(line, $0) }, style: .flow),
                    valueLocation: valueLocation,
                    itemLocations: items.map { location(number, SimpleYAML.column(of: $0.start, in: line)) }))
            case UInt8(ascii: "{"):
                guard let pairs = SimpleYAML.flowPairs(value) else { return nil }
                entries.append(Entry(
                    key: key, keyLocation: keyLocation,
                    node: .mapping(Node.Mapping(
                        pairs.map { (SimpleYAML.scalar(line, $0.key), SimpleYAML.scalar(line, $0.value)) },
                        SimpleYAML.tag(), .flow)),
                    valueLocation: valueLocation,
                    itemLocations: pairs.map { location(number, SimpleYAML.column(of: $0.value.start, in: line)) }))
            default:
                guard let scalar = SimpleYAML.blockScalar(value) else { return nil }
                entries.append(Entry(
                    key: key, keyLocation: keyLocation, node: SimpleYAML.scalar(line, scalar), valueLocation: valueLocation))
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

    /// A scalar of a line: where it starts (its quote, if any) and its text's bytes.
    struct Scalar {
        var start: Int
        var text: Range<Int>
        var isQuoted: Bool
    }

    /// The scalar's node: a quoted one is tagged a string, as Yams tags it.
    static func scalar(_ line: ArraySlice<UInt8>, _ scalar: Scalar) -> Node {
        let text = String(decoding: line[scalar.text], as: UTF8.self)
        guard scalar.isQuoted else { return .scalar(Node.Scalar(text, tag(), .plain)) }
        return .scalar(Node.Scalar(text, Tag(.str, .basic, FrontMatterParser.constructor), .doubleQuoted))
    }

    /// A scalar that is the whole rest of a line in block context: plain, or double-quoted.
    static func blockScalar(_ value: ArraySlice<UInt8>) -> Scalar? {
        if value.first == UInt8(ascii: "\"") {
            guard let end = quotedEnd(value), end == value.endIndex else { return nil }
            return Scalar(start: value.startIndex, text: value.startIndex + 1..<end - 1, isQuoted: true)
        }
        guard isPlain(value, inFlow: false) else { return nil }
        return Scalar(start: value.startIndex, text: value.startIndex..<value.endIndex, isQuoted: false)
    }

    /// Where a double-quoted scalar at the start of `bytes` ends (after its closing quote), when
    /// it holds no backslash, tab, control character or Unicode line break.
    static func quotedEnd(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.first == UInt8(ascii: "\""),
            let close = bytes[(bytes.startIndex + 1)...].firstIndex(of: UInt8(ascii: "\""))
        else { return nil }
        let inner = bytes[(bytes.startIndex + 1)..<close]
        guard !inner.contains(UInt8(ascii: "\\")), !inner.contains(UInt8(ascii: "\t")), isPrintable(inner) else { return nil }
        return close + 1
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

    /// A block sequence item, `<spaces>- <scalar>`: its indentation and its value.
    static func blockItem(_ line: ArraySlice<UInt8>) -> (indent: Int, value: Scalar)? {
        var index = line.startIndex
        while index < line.endIndex, line[index] == UInt8(ascii: " ") { index += 1 }
        let indent = index - line.startIndex
        guard index + 1 < line.endIndex, line[index] == UInt8(ascii: "-"), line[index + 1] == UInt8(ascii: " ") else { return nil }
        index += 2
        while index < line.endIndex, line[index] == UInt8(ascii: " ") { index += 1 }
        guard let value = blockScalar(line[index...]) else { return nil }
        return (indent, value)
    }

    /// The items of a flow sequence that is the whole rest of the line, `[a, "b"]`: each a
    /// plain scalar of flow context or a double-quoted one.
    static func flowItems(_ value: ArraySlice<UInt8>) -> [Scalar]? {
        guard let inner = flowInner(value, open: UInt8(ascii: "["), close: UInt8(ascii: "]")) else { return nil }
        if value[inner].allSatisfy({ $0 == UInt8(ascii: " ") }) { return [] }
        var items: [Scalar] = []
        var start = inner.lowerBound
        while true {
            while start < inner.upperBound, value[start] == UInt8(ascii: " ") { start += 1 }
            guard let (item, after) = flowScalar(value, from: start, to: inner.upperBound) else { return nil }
            items.append(item)
            switch flowNext(value, after: after, to: inner.upperBound) {
            case .end: return items
            case .invalid: return nil
            case .item(let next): start = next
            }
        }
    }

    /// The pairs of a flow mapping that is the whole rest of the line, `{name: a, url: "b"}`:
    /// keys as `keyEnd` takes them (each once), each followed by `: ` and a scalar as in
    /// `flowItems`; at least one pair.
    static func flowPairs(_ value: ArraySlice<UInt8>) -> [(key: Scalar, value: Scalar)]? {
        guard let inner = flowInner(value, open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) else { return nil }
        var pairs: [(key: Scalar, value: Scalar)] = []
        var keys = Set<ArraySlice<UInt8>>()
        var start = inner.lowerBound
        while true {
            while start < inner.upperBound, value[start] == UInt8(ascii: " ") { start += 1 }
            guard let colon = keyEnd(value[start..<inner.upperBound]), keys.insert(value[start..<colon]).inserted,
                colon + 1 < inner.upperBound, value[colon + 1] == UInt8(ascii: " ")
            else { return nil }
            var valueStart = colon + 1
            while valueStart < inner.upperBound, value[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
            guard let (item, after) = flowScalar(value, from: valueStart, to: inner.upperBound) else { return nil }
            pairs.append((Scalar(start: start, text: start..<colon, isQuoted: false), item))
            switch flowNext(value, after: after, to: inner.upperBound) {
            case .end: return pairs
            case .invalid: return nil
            case .item(let next): start = next
            }
        }
    }

    /// The bytes between a flow collection's brackets, when it is the whole of `value`.
    private static func flowInner(_ value: ArraySlice<UInt8>, open: UInt8, close: UInt8) -> Range<Int>? {
        guard value.count >= 2, value.first == open, value.last == close else { return nil }
        return value.index(after: value.startIndex)..<value.index(before: value.endIndex)
    }

    /// The scalar that starts at `start` in a flow collection, and where it ends: double-quoted,
    /// or plain up to the next `,` (without trailing spaces). Nil when it is neither, or empty.
    private static func flowScalar(_ value: ArraySlice<UInt8>, from start: Int, to end: Int) -> (Scalar, Int)? {
        if start < end, value[start] == UInt8(ascii: "\"") {
            guard let close = quotedEnd(value[start..<end]) else { return nil }
            return (Scalar(start: start, text: start + 1..<close - 1, isQuoted: true), close)
        }
        var high = value[start..<end].firstIndex(of: UInt8(ascii: ",")) ?? end
        while high > start, value[high - 1] == UInt8(ascii: " ") { high -= 1 }
        guard start < high, isPlain(value[start..<high], inFlow: true) else { return nil }
        return (Scalar(start: start, text: start..<high, isQuoted: false), high)
    }

    private enum FlowNext { case end, item(Int), invalid }

    /// What follows an item of a flow collection: the end, or a `,` and the next item's start;
    /// anything else is invalid here.
    private static func flowNext(_ value: ArraySlice<UInt8>, after: Int, to end: Int) -> FlowNext {
        var next = after
        while next < end, value[next] == UInt8(ascii: " ") { next += 1 }
        if next == end { return .end }
        return value[next] == UInt8(ascii: ",") ? .item(next + 1) : .invalid
    }

    /// Whether `bytes` are a plain scalar that means itself, in block or flow context.
    static func isPlain(_ bytes: ArraySlice<UInt8>, inFlow: Bool) -> Bool {
        guard let first = bytes.first, let last = bytes.last, !startsIndicator(first), last != UInt8(ascii: " "),
            last != UInt8(ascii: ":")
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "#") where previous == UInt8(ascii: " "):
                return false
            case UInt8(ascii: " ") where previous == UInt8(ascii: ":"):
                return false
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: ":"):
                if inFlow { return false }
            default:
                break
            }
            previous = byte
        }
        return isPrintable(bytes)
    }

    /// Whether `bytes` hold no control character (tab included), Unicode line break, byte
    /// order mark or noncharacter that libyaml refuses or reads otherwise.
    static func isPrintable(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            switch bytes[index] {
            case 0..<0x20, 0x7F:
                return false
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
