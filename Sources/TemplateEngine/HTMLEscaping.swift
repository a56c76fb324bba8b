/// How `{{name}}` escapes the text it inserts; `{{{name}}}` and `{{& name}}` never escape.
public enum TemplateEscaping: Sendable, Equatable {
    /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
    case html
    /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`; control characters
    /// that XML 1.0 forbids (all C0 but tab, LF and CR) are dropped.
    case xml
    /// Text is inserted as it is (Markdown, plain text, JSON that the template quotes itself).
    case none
    /// Markdown-significant characters get a backslash, so plain text shows literally when
    /// the Markdown is rendered: `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` `#` `|` `~` anywhere,
    /// and `-` `+` `=` or the `.`/`)` after a number at the start of a line. Never chosen
    /// from a name; callers ask for it, as sitegen does for its Markdown pages.
    case markdown

    /// The escaping for a template's output format, read from its name: `.html` for names
    /// ending in ".html", `.xml` for ".xml", `.none` otherwise (".md", ".txt", ".json"...).
    ///
    /// A trailing ".mustache" is ignored, and case does not matter.
    public init(templateName: String) {
        var name = templateName.lowercased()
        if name.hasSuffix(".mustache") { name.removeLast(".mustache".count) }
        if name.hasSuffix(".html") {
            self = .html
        } else if name.hasSuffix(".xml") {
            self = .xml
        } else {
            self = .none
        }
    }
}

extension TemplateEscaping {
    /// Appends the UTF-8 text in `source` to `output`, escaped.
    ///
    /// Runs of bytes with nothing to escape are copied whole; text without any is one copy.
    func append(_ source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard self != .none else {
            output.append(contentsOf: source)
            return
        }
        guard self != .markdown else {
            appendMarkdown(source, to: &output)
            return
        }
        var runStart = 0, offset = 0
        let count = source.count
        while offset < count {
            // Eight bytes at a time while none of them can need escaping.
            if offset &+ 8 <= count,
                !EightBytes.containsMarkupOrControl(UnsafeRawPointer(source.baseAddress! + offset).loadUnaligned(as: UInt64.self))
            {
                offset &+= 8
                continue
            }
            for index in offset..<min(offset &+ 8, count) {
                let byte = source[index]
                // Every character to escape is at most '>' (62): one comparison passes most bytes.
                guard byte <= UInt8(ascii: ">"), let replacement = replacement(for: byte) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                output.append(
                    contentsOf: UnsafeBufferPointer(
                        start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index &+ 1
            }
            offset = min(offset &+ 8, count)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
    }

    private func replacement(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): self == .xml ? "&apos;" : "&#39;"
        // XML 1.0 forbids C0 controls but tab, LF and CR, even escaped: they are dropped.
        case 0..<9, 11, 12, 14..<32: self == .xml ? "" : nil
        default: nil
        }
    }
}

extension TemplateEscaping {
    /// Per byte value: whether it is always escaped (a backslash or one of `` `*_[]<>&#|~ ``), and
    /// whether it is escaped at the start of a line (`-+=`). Tables, not sets: this runs for
    /// every byte of every value in a Markdown page, and a set hashes each byte.
    private static let alwaysEscaped: [Bool] = (0..<256).map { "\\`*_[]<>&#|~".utf8.contains(UInt8($0)) }
    private static let lineStartEscaped: [Bool] = (0..<256).map { "-+=".utf8.contains(UInt8($0)) }

    /// Whether text appended to `output` starts a line: the last byte that is not a space or
    /// tab is a line feed, or there is none.
    static func followsLineBreak(_ output: [UInt8]) -> Bool {
        guard let lastText = output.lastIndex(where: { $0 != 32 && $0 != 9 }) else { return true }
        return output[lastText] == 10
    }

    /// Backslash-escapes Markdown syntax in `source`; see `.markdown`.
    fileprivate func appendMarkdown(_ source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var atLineStart = Self.followsLineBreak(output)
        var digitsAtLineStart = false
        let alwaysEscaped = Self.alwaysEscaped, lineStartEscaped = Self.lineStartEscaped
        var index = 0
        while index < source.count {
            if !atLineStart && !digitsAtLineStart {
                // Inside a line only the always-escaped bytes and a line feed matter: copy the run before one.
                var end = index
                while end < source.count, !alwaysEscaped[Int(source[end])], source[end] != 10 { end += 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[index..<end]))
                index = end
                guard index < source.count else { break }
            }
            let byte = source[index]
            index += 1
            let isDigit = byte >= 48 && byte <= 57
            if alwaysEscaped[Int(byte)]
                || (atLineStart && lineStartEscaped[Int(byte)])
                || (digitsAtLineStart && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")))
            {
                output.append(UInt8(ascii: "\\"))
            }
            digitsAtLineStart = isDigit && (atLineStart || digitsAtLineStart)
            atLineStart = byte == 10 || (atLineStart && (byte == 32 || byte == 9))
            output.append(byte)
        }
    }
}

/// Eight bytes of text in a `UInt64`, tested all at once (the classic zero-byte tests: exact
/// about whether some byte matches, not about which one). Also used by sitegen's JSON escaping.
///
/// The tests give masks (the high bit of a matching byte set, and perhaps of a byte after it),
/// so that several are joined with `|` and looked at once: one branch per eight bytes
/// instead of one per test.
///
/// Public rather than `package`: Swift 6.3 left calls to these `@inlinable package` functions
/// out of line in sitegen's JSON escaping (seven calls per eight bytes); public ones it inlines.
public enum EightBytes {
    @usableFromInline static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @usableFromInline static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// Nonzero when some byte of `word` is below `limit` (at most 128).
    @inlinable @inline(__always) public static func bytes(below limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highBits
    }

    /// Nonzero when some byte of `word` is `byte`.
    @inlinable @inline(__always) public static func bytes(_ byte: UInt8, in word: UInt64) -> UInt64 {
        bytes(below: 1, in: word ^ (ones &* UInt64(byte)))
    }

    /// Whether some byte of `word` is one HTML and XML escaping change: `&`, `<`, `>`, `"`, `'`
    /// or a control character.
    @inline(__always)
    static func containsMarkupOrControl(_ word: UInt64) -> Bool {
        bytes(below: 0x20, in: word) | bytes(0x26, in: word) | bytes(0x3C, in: word) | bytes(0x3E, in: word)
            | bytes(0x22, in: word) | bytes(0x27, in: word) != 0
    }
}
