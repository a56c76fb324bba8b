import Synchronization

/// One node of a compiled template. Trees are immutable, so one tree serves many renders at once.
enum TemplateNode: Sendable {
    /// Literal text.
    case text(TemplateText)
    /// `{{name}}`, `{{{name}}}` or `{{& name}}`.
    case variable(TemplateVariable)
    /// `{{#name}}...{{/name}}` or `{{^name}}...{{/name}}`.
    case section(TemplateSection)
    /// `{{> name}}`, or `{{< name}}...{{/name}}` with block overrides.
    case inclusion(TemplateInclusion)
    /// `{{$ name}}default{{/name}}` outside a parent tag: a place a child may override.
    case block(TemplateBlock)
}

/// A name in a tag: `.` (the top of the context stack) or dot-separated keys such as `page.title`.
struct TemplateName: Equatable, Sendable {
    /// The name as written.
    let text: String
    /// The keys to follow, first to last; empty for `.`.
    let parts: [String]
    /// `parts`, packed for lookups.
    let keys: [TemplateKey]

    init(text: String, parts: [String]) {
        self.text = text
        self.parts = parts
        self.keys = parts.map(TemplateKey.init)
    }

    static func == (lhs: TemplateName, rhs: TemplateName) -> Bool { lhs.text == rhs.text && lhs.parts == rhs.parts }

    /// Parses `text`, or returns why it is not a valid name.
    static func parse(_ text: String) -> Result<TemplateName, TemplateNameError> {
        if text == "." { return .success(TemplateName(text: text, parts: [])) }
        if text.contains(where: \.isWhitespace) {
            return .failure(TemplateNameError(why: "names cannot contain spaces"))
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.contains(where: \.isEmpty) {
            return .failure(
                TemplateNameError(why: "expected keys separated by single dots, like 'page.title'"))
        }
        return .success(TemplateName(text: text, parts: parts))
    }
}

/// Why a name in a tag is invalid.
struct TemplateNameError: Error, Equatable {
    let why: String
}

/// Literal text as UTF-8, and where its lines end, for rendering inside an indented partial or block.
final class TemplateText: Sendable {
    let utf8: [UInt8]
    /// Where each line ends in `utf8`: the text cut after each "\n"; every line but possibly the
    /// last ends with "\n". (Offsets, not arrays: rendering a line then retains nothing.)
    let lineEnds: [Int]

    init(_ text: String) {
        self.utf8 = Array(text.utf8)
        var end = 0
        self.lineEnds = text.linesKeepingBreaks().map { line in
            end += line.utf8.count
            return end
        }
    }

    init(utf8: [UInt8], lineEnds: [Int]) {
        self.utf8 = utf8
        self.lineEnds = lineEnds
    }

    var text: String { String(decoding: utf8, as: UTF8.self) }
}

/// `{{name}}` and its unescaped forms.
final class TemplateVariable: Sendable {
    let name: TemplateName
    let isEscaped: Bool
    let position: TemplatePosition

    init(name: TemplateName, isEscaped: Bool, position: TemplatePosition) {
        self.name = name
        self.isEscaped = isEscaped
        self.position = position
    }
}

/// A section or inverted section and its body.
final class TemplateSection: Sendable {
    let name: TemplateName
    let isInverted: Bool
    let body: [TemplateNode]
    /// `body` as the renderer walks it.
    let ops: [TemplateOp]
    let position: TemplatePosition
    /// A number no other section compiled in this process has, counting up: what a shared
    /// value's kept fragments name their section by (an address could be reused).
    let serial: UInt64

    /// The serial the next section compiled gets.
    static var nextSerial: UInt64 { serials.load(ordering: .relaxed) }
    private static let serials = Atomic<UInt64>(0)

    init(name: TemplateName, isInverted: Bool, body: [TemplateNode], position: TemplatePosition) {
        self.name = name
        self.isInverted = isInverted
        self.body = body
        self.ops = TemplateOp.ops(of: body)
        self.position = position
        self.serial = Self.serials.add(1, ordering: .relaxed).oldValue
    }

    /// A section with the serial of one compiled before: a replica of it (`TemplateLibrary.replica()`).
    init(name: TemplateName, isInverted: Bool, body: [TemplateNode], position: TemplatePosition, serial: UInt64) {
        self.name = name
        self.isInverted = isInverted
        self.body = body
        self.ops = TemplateOp.ops(of: body)
        self.position = position
        self.serial = serial
    }
}

/// How an inclusion names the template it includes.
enum TemplateInclusionTarget: Equatable, Sendable {
    /// `{{> head.html}}`: the template's name, as written.
    case fixed(String)
    /// `{{> *name}}`: the name is the string found under `name` in the context.
    case dynamic(TemplateName)
}

/// A partial `{{> name}}` or a parent `{{< name}}...{{/name}}`.
///
/// A partial is a parent without overrides. When the tag stands alone on its line, the
/// white space before it is prepended to every line of the included template.
final class TemplateInclusion: Sendable {
    let target: TemplateInclusionTarget
    let isParent: Bool
    /// The blocks a parent tag overrides, by block name.
    let overrides: [String: TemplateBlockContent]
    /// Whether the tag stood alone on its line (the line was removed).
    let isStandalone: Bool
    /// The white space before a standalone tag, as UTF-8; empty otherwise.
    let indentation: [UInt8]
    let position: TemplatePosition

    convenience init(
        target: TemplateInclusionTarget,
        isParent: Bool,
        overrides: [String: TemplateBlockContent],
        isStandalone: Bool,
        indentation: String,
        position: TemplatePosition
    ) {
        self.init(
            target: target, isParent: isParent, overrides: overrides, isStandalone: isStandalone,
            indentation: Array(indentation.utf8), position: position)
    }

    init(
        target: TemplateInclusionTarget,
        isParent: Bool,
        overrides: [String: TemplateBlockContent],
        isStandalone: Bool,
        indentation: [UInt8],
        position: TemplatePosition
    ) {
        self.target = target
        self.isParent = isParent
        self.overrides = overrides
        self.isStandalone = isStandalone
        self.indentation = indentation
        self.position = position
    }
}

/// A block `{{$ name}}default{{/name}}` in a template that a child may include as its parent.
final class TemplateBlock: Sendable {
    let name: String
    let body: [TemplateNode]
    /// `body` as the renderer walks it.
    let ops: [TemplateOp]
    /// Whether the opening tag stood alone on its line.
    let isStandalone: Bool
    /// The indentation given to every line of an override rendered here: the white space before
    /// the tag, or for a standalone tag without any, the indentation of the default content (UTF-8).
    let indentation: [UInt8]

    convenience init(name: String, body: [TemplateNode], isStandalone: Bool, indentation: String) {
        self.init(name: name, body: body, isStandalone: isStandalone, indentation: Array(indentation.utf8))
    }

    init(name: String, body: [TemplateNode], isStandalone: Bool, indentation: [UInt8]) {
        self.name = name
        self.body = body
        self.ops = TemplateOp.ops(of: body)
        self.isStandalone = isStandalone
        self.indentation = indentation
    }
}

/// The content a parent tag gives one of the parent's blocks, with the template it came from.
final class TemplateBlockContent: Sendable {
    /// The template that wrote the override (for error messages from inside it).
    let templateName: String
    /// The content, with the indentation it had where it was written removed.
    let body: [TemplateNode]
    /// `body` as the renderer walks it.
    let ops: [TemplateOp]
    /// Where the override's `{{$name}}` tag is.
    let position: TemplatePosition

    init(templateName: String, body: [TemplateNode], position: TemplatePosition) {
        self.templateName = templateName
        self.body = body
        self.ops = TemplateOp.ops(of: body)
        self.position = position
    }
}
