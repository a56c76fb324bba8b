/// Builds a template's node tree from its tokens.
///
/// It matches sections to their close tags (a close that does not match names both tags and
/// both positions), gathers the blocks a parent tag overrides, and removes from each override
/// the indentation it had where it was written, so that it can take the indentation of the place
/// where it is shown. After an error it recovers and goes on, so one pass reports every error.
struct TemplateParser {
    private let name: String
    private let pieces: [TemplatePiece]
    private var errors: [TemplateError] = []
    private var frames: [Frame] = [Frame(open: nil, closeName: "")]
    /// Indentation removed from each line start inside the overrides being read, outermost first.
    private var dedents: [String] = []
    private var atLineStart = true
    /// The text since the last line start, while it is only spaces and tabs (`nil` afterwards).
    private var blankLineText: String? = ""

    init(tokens: [TemplateToken], name: String) {
        self.name = name
        self.pieces = Self.layOutLines(tokens)
    }

    /// The template's nodes, and every error found.
    mutating func parse() -> (nodes: [TemplateNode], errors: [TemplateError]) {
        for index in pieces.indices {
            switch pieces[index] {
            case .text(let text):
                addText(text)
            case .tag(let token, let isStandalone, let indentation):
                if frames.count > Self.maximumNesting, token.kind.isContainer {
                    return (nodes: [], errors: errors + [Self.nestedTooDeeply(token, name: name)])
                }
                addTag(token, isStandalone: isStandalone, indentation: indentation, at: index)
            }
        }
        while let open = frames.last?.open {
            let expected = open.delimiters.open + "/" + open.content + open.delimiters.close
            let reason = TemplateError.Reason.unclosedContainer(
                kind: open.kind.containerWord,
                name: open.content,
                expectedClose: expected
            )
            report(reason, at: open.position)
            closeInnermost()
        }
        var root = frames.removeLast()
        root.flushText()
        return (root.nodes, errors)
    }

    private mutating func addText(_ piece: String) {
        let text = atLineStart ? dedented(piece) : piece
        if let blank = blankLineText {
            blankLineText = text.isBlankLineText ? blank + text : nil
        }
        frames[frames.count - 1].text += text
        atLineStart = text.utf8.last == UInt8(ascii: "\n")
        if atLineStart { blankLineText = "" }
    }

    private mutating func addTag(
        _ token: TemplateToken, isStandalone: Bool, indentation: String, at index: Int
    ) {
        let indentation = isStandalone ? dedented(indentation) : ""
        let linePrefix = isStandalone ? nil : blankLineText
        switch token.kind {
        case .text, .comment, .delimiters:
            break
        case .variable, .unescapedVariable:
            guard let variableName = parseName(token) else { break }
            let variable = TemplateVariable(
                name: variableName,
                isEscaped: token.kind == .variable,
                position: token.position
            )
            frames[frames.count - 1].append(.variable(variable))
        case .section, .invertedSection:
            var frame = Frame(open: token, closeName: token.content)
            frame.sectionName = parseName(token)
            frames.append(frame)
        case .partial:
            guard let target = parseTarget(token) else { break }
            let partial = TemplateInclusion(
                target: target,
                isParent: false,
                overrides: [:],
                isStandalone: isStandalone,
                indentation: indentation,
                position: token.position
            )
            frames[frames.count - 1].append(.inclusion(partial))
        case .parent:
            var frame = Frame(open: token, closeName: Self.closeName(token.content))
            frame.target = parseTarget(token)
            frame.isStandalone = isStandalone
            frame.indentation = indentation
            frames.append(frame)
        case .block:
            addBlock(
                token, isStandalone: isStandalone, indentation: indentation, linePrefix: linePrefix, at: index
            )
        case .close:
            close(token)
        }
        atLineStart = isStandalone
        blankLineText = isStandalone ? "" : nil
    }

    private mutating func addBlock(
        _ token: TemplateToken,
        isStandalone: Bool,
        indentation: String,
        linePrefix: String?,
        at index: Int
    ) {
        if token.content.isEmpty {
            report(.missingName(tag: token.tagText), at: token.position)
        } else if token.content.contains(where: \.isWhitespace) {
            let reason = TemplateError.Reason.invalidName(token.content, why: "names cannot contain spaces")
            report(reason, at: token.position)
        }
        var frame = Frame(open: token, closeName: token.content)
        frame.isStandalone = isStandalone
        if frames[frames.count - 1].open?.kind == .parent {
            // An override: its own indentation goes, to be replaced by the block's where shown.
            if isStandalone {
                dedents.append(leadingIndentation(after: index))
                frame.pushedDedent = true
            }
        } else if isStandalone {
            frame.indentation = indentation.isEmpty ? leadingIndentation(after: index) : indentation
        } else {
            frame.indentation = linePrefix ?? ""
        }
        frames.append(frame)
    }

    private mutating func close(_ token: TemplateToken) {
        guard !token.content.isEmpty else {
            report(.missingName(tag: token.tagText), at: token.position)
            // `{{#}}...{{/}}` is one mistake, not also an unclosed section.
            if frames.count > 1, frames[frames.count - 1].closeName.isEmpty { closeInnermost() }
            return
        }
        let closeName = Self.closeName(token.content)
        guard let top = frames.last?.open else {
            report(.unexpectedClose(close: token.tagText), at: token.position)
            return
        }
        if frames[frames.count - 1].closeName == closeName {
            closeInnermost()
            return
        }
        let reason = TemplateError.Reason.mismatchedClose(
            close: token.tagText,
            open: top.tagText,
            openedAt: top.position
        )
        report(reason, at: token.position)
        // Close up to a matching open tag if there is one; otherwise take the close for a typo.
        let matching = frames.lastIndex { $0.open != nil && $0.closeName == closeName } ?? frames.count - 1
        while frames.count > matching { closeInnermost() }
    }

    private mutating func closeInnermost() {
        var frame = frames.removeLast()
        frame.flushText()
        if frame.pushedDedent { dedents.removeLast() }
        guard let open = frame.open else { return }
        let enclosing = frames.count - 1
        switch open.kind {
        case .section, .invertedSection:
            guard let sectionName = frame.sectionName else { return }
            let section = TemplateSection(
                name: sectionName,
                isInverted: open.kind == .invertedSection,
                body: frame.nodes,
                position: open.position
            )
            frames[enclosing].append(.section(section))
        case .parent:
            guard let target = frame.target else { return }
            let parent = TemplateInclusion(
                target: target,
                isParent: true,
                overrides: frame.overrides,
                isStandalone: frame.isStandalone,
                indentation: frame.indentation,
                position: open.position
            )
            frames[enclosing].append(.inclusion(parent))
        case .block where frames[enclosing].open?.kind == .parent:
            frames[enclosing].overrides[frame.closeName] = TemplateBlockContent(
                templateName: name,
                body: frame.nodes,
                position: open.position
            )
        case .block:
            let block = TemplateBlock(
                name: frame.closeName,
                body: frame.nodes,
                isStandalone: frame.isStandalone,
                indentation: frame.indentation
            )
            frames[enclosing].append(.block(block))
        default:
            break
        }
    }
}

extension TemplateParser {
    /// A section, parent or block being read, with what has been read inside it.
    private struct Frame {
        let open: TemplateToken?
        /// The name the close tag must carry.
        let closeName: String
        var nodes: [TemplateNode] = []
        var text = ""
        var sectionName: TemplateName?
        var target: TemplateInclusionTarget?
        var overrides: [String: TemplateBlockContent] = [:]
        var isStandalone = false
        /// For a parent, the white space before its standalone tag; for a block, its indentation.
        var indentation = ""
        var pushedDedent = false

        mutating func append(_ node: TemplateNode) {
            flushText()
            nodes.append(node)
        }

        mutating func flushText() {
            guard !text.isEmpty else { return }
            nodes.append(.text(TemplateText(text)))
            text = ""
        }
    }

    private mutating func report(_ reason: TemplateError.Reason, at position: TemplatePosition) {
        errors.append(TemplateError(reason, template: name, at: position))
    }

    /// The name a close tag must carry for a tag with this content: `*name` for dynamic names.
    private static func closeName(_ content: String) -> String {
        content.hasPrefix("*") ? "*" + String(content.dropFirst()).trimmingTemplateWhitespace() : content
    }

    private mutating func parseName(_ token: TemplateToken) -> TemplateName? {
        guard !token.content.isEmpty else {
            report(.missingName(tag: token.tagText), at: token.position)
            return nil
        }
        switch TemplateName.parse(token.content) {
        case .success(let parsed):
            return parsed
        case .failure(let error):
            let reason = TemplateError.Reason.invalidName(token.content, why: error.why)
            report(reason, at: token.position)
            return nil
        }
    }

    private mutating func parseTarget(_ token: TemplateToken) -> TemplateInclusionTarget? {
        guard token.content.hasPrefix("*") else {
            guard !token.content.isEmpty else {
                report(.missingName(tag: token.tagText), at: token.position)
                return nil
            }
            guard !token.content.contains(where: \.isWhitespace) else {
                let reason = TemplateError.Reason.invalidName(
                    token.content, why: "names cannot contain spaces")
                report(reason, at: token.position)
                return nil
            }
            return .fixed(token.content)
        }
        var dynamic = token
        dynamic.content = String(token.content.dropFirst()).trimmingTemplateWhitespace()
        return parseName(dynamic).map { .dynamic($0) }
    }

    /// The indentation of the line after the tag at `index`: the spaces and tabs that start it.
    private func leadingIndentation(after index: Int) -> String {
        guard index + 1 < pieces.count else { return "" }
        switch pieces[index + 1] {
        case .text(let text):
            return String(dedented(text).prefix { $0 == " " || $0 == "\t" })
        case .tag(let token, true, let indentation) where token.kind != .close:
            return dedented(indentation)
        case .tag:
            return ""
        }
    }

    /// `text`, which starts a line, without the indentation of the overrides it is in.
    private func dedented(_ text: String) -> String {
        var text = Substring(text)
        for prefix in dedents {
            let common = zip(text.utf8, prefix.utf8).prefix { $0 == $1 }.count
            text = text.dropFirst(common)
        }
        return String(text)
    }
}
