/// The pair of delimiters that open and close tags, `{{` and `}}` unless a `{{=<% %>=}}` changed them.
struct TemplateDelimiters: Equatable, Sendable {
    var open: String
    var close: String

    static let standard = TemplateDelimiters(open: "{{", close: "}}")
}

/// A run of text or one tag, with the position where it starts.
struct TemplateToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// Literal text between tags (`content` is the text).
        case text
        /// `{{name}}`, escaped on output.
        case variable
        /// `{{{name}}}` or `{{& name}}`, never escaped.
        case unescapedVariable
        /// `{{#name}}`.
        case section
        /// `{{^name}}`.
        case invertedSection
        /// `{{/name}}`.
        case close
        /// `{{> name}}`.
        case partial
        /// `{{< name}}`.
        case parent
        /// `{{$ name}}`.
        case block
        /// `{{! text }}`.
        case comment
        /// `{{=<% %>=}}`; `content` is the text between the equals signs.
        case delimiters
    }

    var kind: Kind
    /// The text of a text token, or the trimmed inside of a tag (without sigil and delimiters).
    var content: String
    /// Where the token starts: the first character of the text or of the opening delimiter.
    var position: TemplatePosition
    /// The delimiters in force when the tag was read (used to quote the tag in messages).
    var delimiters: TemplateDelimiters = .standard
}

extension TemplateToken {
    /// The tag as written, normalised: `{{#items}}`, `{{/items}}`, `<%> head%>`...
    var tagText: String {
        delimiters.open + sigil + content + delimiters.close
    }

    private var sigil: String {
        switch kind {
        case .text, .variable: ""
        case .unescapedVariable: "&"
        case .section: "#"
        case .invertedSection: "^"
        case .close: "/"
        case .partial: ">"
        case .parent: "<"
        case .block: "$"
        case .comment: "!"
        case .delimiters: "="
        }
    }
}

extension TemplateToken.Kind {
    /// How messages call a tag that must be closed.
    var containerWord: String {
        switch self {
        case .invertedSection: "inverted section"
        case .parent: "parent"
        case .block: "block"
        default: "section"
        }
    }
}

/// Splits template text into text and tag tokens, following `{{=...=}}` delimiter changes.
///
/// Tags other than comments must close on the line where they open, so that a forgotten `}}`
/// is reported where it was forgotten. After an error the lexer reads the opening delimiter
/// as text and goes on, so one pass finds every unclosed tag.
struct TemplateLexer {
    private let bytes: [UInt8]
    private let name: String
    private var delimiters = TemplateDelimiters.standard
    private var tokens: [TemplateToken] = []
    private var errors: [TemplateError] = []
    private var lineCursor = LineCursor()

    init(_ source: String, name: String) {
        self.bytes = Array(source.utf8)
        self.name = name
    }

    /// The tokens of the template, and the errors found on the way.
    mutating func tokenize() -> (tokens: [TemplateToken], errors: [TemplateError]) {
        var textStart = 0
        var index = 0
        while index < bytes.count {
            let open = Array(delimiters.open.utf8)
            guard bytes[index] == open[0], matches(open, at: index) else {
                index += 1
                continue
            }
            if let tagEnd = readTag(at: index, textBefore: textStart) {
                index = tagEnd
                textStart = tagEnd
            } else {
                index += open.count
            }
        }
        appendText(from: textStart, to: bytes.count)
        return (tokens, errors)
    }

    /// Reads the tag starting at `start`; returns the offset after it, or `nil` after an error.
    private mutating func readTag(at start: Int, textBefore textStart: Int) -> Int? {
        let position = lineCursor.position(at: start, in: bytes)
        let afterOpen = start + delimiters.open.utf8.count
        let first = afterOpen < bytes.count ? bytes[afterOpen] : 0
        let (kind, sigilLength, closer): (TemplateToken.Kind, Int, String) =
            switch first {
            case UInt8(ascii: "{"): (.unescapedVariable, 1, "}" + delimiters.close)
            case UInt8(ascii: "&"): (.unescapedVariable, 1, delimiters.close)
            case UInt8(ascii: "#"): (.section, 1, delimiters.close)
            case UInt8(ascii: "^"): (.invertedSection, 1, delimiters.close)
            case UInt8(ascii: "/"): (.close, 1, delimiters.close)
            case UInt8(ascii: ">"): (.partial, 1, delimiters.close)
            case UInt8(ascii: "<"): (.parent, 1, delimiters.close)
            case UInt8(ascii: "$"): (.block, 1, delimiters.close)
            case UInt8(ascii: "!"): (.comment, 1, delimiters.close)
            case UInt8(ascii: "="): (.delimiters, 1, "=" + delimiters.close)
            default: (.variable, 0, delimiters.close)
            }
        let contentStart = afterOpen + sigilLength
        guard let closeStart = find(Array(closer.utf8), from: contentStart, acrossLines: kind == .comment)
        else {
            errors.append(TemplateError(.unclosedTag(expected: closer), template: name, at: position))
            return nil
        }
        appendText(from: textStart, to: start)
        let content = String(decoding: bytes[contentStart..<closeStart], as: UTF8.self)
        let token = TemplateToken(
            kind: kind,
            content: content.trimmingTemplateWhitespace(),
            position: position,
            delimiters: delimiters
        )
        tokens.append(token)
        if kind == .delimiters {
            changeDelimiters(to: token.content, at: position)
        }
        return closeStart + closer.utf8.count
    }

    private mutating func changeDelimiters(to content: String, at position: TemplatePosition) {
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            errors.append(TemplateError(.invalidDelimiters(content), template: name, at: position))
            return
        }
        delimiters = TemplateDelimiters(open: String(parts[0]), close: String(parts[1]))
    }

    private mutating func appendText(from start: Int, to end: Int) {
        guard start < end else { return }
        let position = lineCursor.position(at: start, in: bytes)
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        tokens.append(TemplateToken(kind: .text, content: text, position: position))
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] {
            return false
        }
        return true
    }

    /// The offset of `pattern` at or after `start`, stopping at a newline unless `acrossLines`.
    private func find(_ pattern: [UInt8], from start: Int, acrossLines: Bool) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], matches(pattern, at: index) { return index }
            if !acrossLines, bytes[index] == UInt8(ascii: "\n") { return nil }
            index += 1
        }
        return nil
    }
}

/// Turns byte offsets, visited mostly in increasing order, into lines and columns in `Character`s.
/// Turns byte offsets into line and column, for offsets that mostly move forward.
///
/// Columns count Characters from the line start. Counting them anew for every tag made a
/// long line with many tags (a minified template) quadratic, so the cursor keeps the last
/// two counts on the current line and counts on from the nearest one before the offset: from
/// the start of its last Character, which text after it may still extend (an accent after a
/// letter), while every Character boundary before it is final.
private struct LineCursor {
    private var line = 1
    private var lineStart = 0
    private var scanned = 0
    /// Recent counts: the line, where its last Character starts, and how many come before it.
    private var marks: [(line: Int, clusterStart: Int, charactersBefore: Int)] = []

    mutating func position(at offset: Int, in bytes: [UInt8]) -> TemplatePosition {
        if offset < scanned {
            // Back up (text before a tag is placed after the tag has been read).
            var crossedLine = false
            while scanned > offset {
                scanned -= 1
                if bytes[scanned] == UInt8(ascii: "\n") {
                    line -= 1
                    crossedLine = true
                }
            }
            if crossedLine { lineStart = (bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1 }
        }
        while scanned < offset {
            if bytes[scanned] == UInt8(ascii: "\n") {
                line += 1
                lineStart = scanned + 1
            }
            scanned += 1
        }
        let base = marks.filter { $0.line == line && $0.clusterStart >= lineStart && $0.clusterStart <= offset }
            .max { $0.clusterStart < $1.clusterStart } ?? (line, lineStart, 0)
        let tail = bytes[base.clusterStart..<offset]
        var column = base.charactersBefore
        var lastStart = base.clusterStart
        if tail.allSatisfy({ $0 < 0x80 }) {
            // Within a line, ASCII bytes are one Character each ("\r\n" would end the line).
            column += tail.count
            lastStart = max(base.clusterStart, offset - 1)
        } else {
            let text = String(decoding: tail, as: UTF8.self)
            column += text.count
            if let last = text.indices.last { lastStart += text.utf8.distance(from: text.startIndex, to: last) }
        }
        if offset > base.clusterStart {
            marks = Array(marks.suffix(1)) + [(line, lastStart, column - 1)]
        }
        return TemplatePosition(line: line, column: column + 1)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingTemplateWhitespace() -> String {
        let isSpace: (Character) -> Bool = {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r"
        }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
