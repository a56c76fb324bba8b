/// A token after standalone lines have been found: text cut at line ends, or a tag.
enum TemplatePiece: Equatable {
    /// Text within one line; it ends with the line break if it has one.
    case text(String)
    /// A tag; `isStandalone` when its line held nothing else, and then `indentation` is the
    /// white space that stood before it (the line itself is gone from the output).
    case tag(TemplateToken, isStandalone: Bool, indentation: String)
}

extension TemplateParser {
    /// Cuts text at line ends and removes standalone lines, as the Mustache spec asks.
    ///
    /// A line is standalone when, apart from spaces and tabs, it holds one tag that outputs
    /// nothing by itself (section, inverted section, close, comment, delimiters, partial,
    /// parent, block). A parent's tags may share such a line with each other and with block
    /// tags (`{{<layout}}{{$main}}`, `{{/main}}{{/layout}}`, `{{<partial}}{{/partial}}`),
    /// because text inside a parent tag is never shown.
    static func layOutLines(_ tokens: [TemplateToken]) -> [TemplatePiece] {
        var layout = LineLayout()
        for token in tokens {
            guard token.kind == .text else {
                layout.line.append(.tag(token, isStandalone: false, indentation: ""))
                continue
            }
            for line in token.content.linesKeepingBreaks() {
                layout.line.append(.text(String(line)))
                if line.utf8.last == UInt8(ascii: "\n") { layout.finishLine() }
            }
        }
        layout.finishLine()
        return layout.pieces
    }
}

private struct LineLayout {
    var pieces: [TemplatePiece] = []
    var line: [TemplatePiece] = []
    /// The kinds of the tags still open, innermost last, to tell what a close tag closes.
    private var openKinds: [TemplateToken.Kind] = []

    mutating func finishLine() {
        defer { line.removeAll(keepingCapacity: true) }
        var tags: [(token: TemplateToken, closed: TemplateToken.Kind?)] = []
        var allTextBlank = true
        for piece in line {
            switch piece {
            case .text(let text):
                if !text.isBlankLineText { allTextBlank = false }
            case .tag(let token, _, _):
                tags.append((token, track(token)))
            }
        }
        guard allTextBlank, isStandaloneGroup(tags) else {
            pieces.append(contentsOf: line)
            return
        }
        var indentation = ""
        if case .text(let leading) = line.first { indentation = leading }
        for (index, tag) in tags.enumerated() {
            pieces.append(.tag(tag.token, isStandalone: true, indentation: index == 0 ? indentation : ""))
        }
    }

    /// Updates the open tags for `token`; for a close tag, returns the kind of tag it closes.
    private mutating func track(_ token: TemplateToken) -> TemplateToken.Kind? {
        switch token.kind {
        case .section, .invertedSection, .parent, .block:
            openKinds.append(token.kind)
        case .close:
            return openKinds.popLast()
        default:
            break
        }
        return nil
    }

    private func isStandaloneGroup(_ tags: [(token: TemplateToken, closed: TemplateToken.Kind?)]) -> Bool {
        if tags.count == 1 {
            return tags[0].token.kind != .variable && tags[0].token.kind != .unescapedVariable
        }
        guard tags.count > 1 else { return false }
        var hasParentTag = false
        for tag in tags {
            switch (tag.token.kind, tag.closed) {
            case (.parent, _), (.close, .parent?): hasParentTag = true
            case (.block, _), (.close, .block?): break
            default: return false
            }
        }
        return hasParentTag
    }
}

extension String {
    /// The string cut after each "\n"; every part but possibly the last ends with "\n".
    func linesKeepingBreaks() -> [Substring] {
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == UInt8(ascii: "\n") {
                lines.append(self[start..<next])
                start = next
            }
            index = next
        }
        if start != utf8.endIndex { lines.append(self[start...]) }
        return lines
    }

    /// Whether the text holds only spaces and tabs, then possibly "\n" or "\r\n".
    var isBlankLineText: Bool {
        var bytes = utf8[...]
        if bytes.last == UInt8(ascii: "\n") {
            bytes = bytes.dropLast()
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        }
        return bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
