/// Renders a compiled template: walks its nodes with a stack of context values and appends to
/// one output string.
///
/// A renderer lives for one render call, so all mutable state is its own; the trees and values
/// it reads are immutable and may be shared by any number of renders at once.
///
/// Indentation: a partial, parent or block override shown on a line of its own gets the white
/// space that stood before its tag at the start of each of its lines. `indentation` is what
/// the template being rendered gets; `atLineStart` says a line of it has begun but its
/// indentation is not written yet. Both matter only while `indentation` is not empty.
///
/// Shared values (`TemplateSharedValue`): while a section body renders for a shared item, the
/// renderer notes the lowest context frame any lookup reached (`lowestFrameRead`) and how deep
/// partials nested (`deepestInclusion`), to tell whether the bytes depend on the item alone,
/// and where it wrote the indentation the body started with (`indentationOffsets`), to keep
/// the bytes apart from it (see `TemplateRenderer+Fragments.swift`).
struct TemplateRenderer {
    /// How deeply partials, parents and overrides may nest, so that a template including itself stops.
    static let maximumDepth = 100

    let partials: [String: Template]
    let escaping: TemplateEscaping
    let isStrict: Bool
    /// Whether `partials` are a library's, the same for every render of these templates, so a
    /// section body that includes one can be kept for a shared item.
    let partialsAreFixed: Bool
    /// The serial of the first section of the templates being rendered: a shared value drops
    /// fragments of sections numbered below it (of templates compiled before) as it keeps one.
    let firstLiveSection: UInt64
    var output: TemplateOutput
    var stack: [TemplateValue]
    var templateName: String
    private(set) var indentation: [UInt8] = []
    var atLineStart = false
    private var overrides: [String: TemplateBlockContent] = [:]
    private(set) var depth = 0
    /// The lowest index of `stack` a lookup read since the current shared item's body began
    /// (-1: something outside every frame, such as a miss or a parent's block).
    var lowestFrameRead = Int.max
    /// The deepest `depth` a partial or parent reached since the current shared item's body began.
    var deepestInclusion = 0
    /// While a shared item's body renders in an indented partial: where in `output` the
    /// indentation it started with was written.
    var indentationOffsets: [Int]?
    /// Whether `indentation` starts with the indentation that shared item's body started with
    /// (not inside an inline partial, which starts without indentation).
    var indentationHasBase = false

    init(
        context: TemplateValue,
        templateName: String,
        partials: [String: Template],
        escaping: TemplateEscaping,
        isStrict: Bool,
        partialsAreFixed: Bool,
        firstLiveSection: UInt64,
        capacity: Int
    ) {
        self.output = TemplateOutput(capacity: capacity)
        self.stack = [context.unshared]
        self.stack.reserveCapacity(16)
        self.templateName = templateName
        self.partials = partials
        self.escaping = escaping
        self.isStrict = isStrict
        self.partialsAreFixed = partialsAreFixed
        self.firstLiveSection = firstLiveSection
    }

    mutating func render(_ nodes: [TemplateNode]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                if indentation.isEmpty {
                    output.append(text.utf8)
                } else {
                    appendIndented(text)
                }
            case .variable(let variable):
                let value = try lookUp(variable.name, at: variable.position)
                writePendingIndentation()
                try append(value, escaped: variable.isEscaped, for: variable)
            case .section(let section):
                try render(section)
            case .inclusion(let inclusion):
                try include(inclusion)
            case .block(let block):
                lowestFrameRead = -1  // what shows here depends on the child being rendered
                if let content = overrides[block.name] {
                    try render(content, at: block)
                } else {
                    try render(block.body)
                }
            }
        }
    }

    private mutating func render(_ section: TemplateSection) throws(TemplateError) {
        let value = try lookUp(section.name, at: section.position)
        if section.isInverted {
            if !value.isTruthy { try render(section.body) }
            return
        }
        switch value.unshared {
        case .list(let items):
            for item in items {
                try renderBody(of: section, for: item)
            }
        case .null, .bool(false):
            break
        default:
            try renderBody(of: section, for: value)
        }
    }

    private mutating func append(
        _ value: TemplateValue,
        escaped: Bool,
        for variable: TemplateVariable
    ) throws(TemplateError) {
        switch value {
        case .null:
            break
        case .string(let string):
            if escaped {
                output.append(string, escaping: escaping)
            } else {
                output.append(string)
            }
        case .utf8(let bytes):
            if escaped {
                output.append(bytes, escaping: escaping)
            } else {
                output.append(bytes)
            }
        case .int(let number):
            output.append(String(number))
        case .double(let number):
            output.append(number.description)
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .shared(let shared):
            try append(shared.value, escaped: escaped, for: variable)
        case .list, .object:
            if isStrict {
                let reason = TemplateError.Reason.notInterpolatable(
                    name: variable.name.text,
                    kind: value.kindDescription
                )
                throw TemplateError(reason, template: templateName, at: variable.position)
            }
        }
    }

    /// Renders a partial or a parent.
    private mutating func include(_ inclusion: TemplateInclusion) throws(TemplateError) {
        if !partialsAreFixed { lowestFrameRead = -1 }  // another render may pass other partials
        let name: String
        switch inclusion.target {
        case .fixed(let fixed):
            name = fixed
        case .dynamic(let contextName):
            switch try lookUp(contextName, at: inclusion.position).unshared {
            case .string(let found): name = found
            case .utf8(let bytes): name = String(decoding: bytes, as: UTF8.self)
            default: return
            }
        }
        guard let template = partials[name] else {
            guard isStrict else { return }
            let suggestion = TemplateSuggestion.closest(to: name, among: partials.keys)
            let reason: TemplateError.Reason =
                inclusion.isParent
                ? .unknownParent(name, suggestion: suggestion)
                : .unknownPartial(name, suggestion: suggestion)
            throw TemplateError(reason, template: templateName, at: inclusion.position)
        }
        guard depth < Self.maximumDepth else {
            let kind = inclusion.isParent ? "parent" : "partial"
            let reason = TemplateError.Reason.tooDeep(kind: kind, name: name, limit: Self.maximumDepth)
            throw TemplateError(reason, template: templateName, at: inclusion.position)
        }
        let saved = (
            indentation: indentation, hasBase: indentationHasBase, templateName: templateName, overrides: overrides
        )
        enter(isStandalone: inclusion.isStandalone, indentation: inclusion.indentation, fresh: true)
        if !inclusion.overrides.isEmpty {
            // The outermost override of a block wins: a child overrides its parent's parent.
            overrides = inclusion.overrides.merging(saved.overrides) { _, outer in outer }
        }
        templateName = template.name.isEmpty ? name : template.name
        depth += 1
        deepestInclusion = max(deepestInclusion, depth)
        try render(template.nodes)
        depth -= 1
        (indentation, indentationHasBase, templateName, overrides) = saved
        if !inclusion.isStandalone { atLineStart = false }
    }

    /// Renders a child's override in place of a block.
    private mutating func render(_ content: TemplateBlockContent, at block: TemplateBlock)
        throws(TemplateError)
    {
        guard depth < Self.maximumDepth else {
            // An override holding a block of its own name would show itself forever.
            let reason = TemplateError.Reason.tooDeep(
                kind: "block", name: block.name, limit: Self.maximumDepth)
            throw TemplateError(reason, template: content.templateName, at: content.position)
        }
        let saved = (indentation, templateName)
        enter(isStandalone: block.isStandalone, indentation: block.indentation, fresh: false)
        templateName = content.templateName
        depth += 1
        try render(content.body)
        depth -= 1
        (indentation, templateName) = saved
    }

    /// Sets the indentation for content shown by a tag: a standalone tag's content starts a line
    /// and adds its indentation; an inline partial (`fresh`) starts without indentation.
    private mutating func enter(isStandalone: Bool, indentation added: [UInt8], fresh: Bool) {
        if isStandalone {
            indentation += added
            atLineStart = true
        } else {
            writePendingIndentation()
            atLineStart = false
            indentation = fresh ? [] : indentation + added
            if fresh { indentationHasBase = false }
        }
    }

    private mutating func writePendingIndentation() {
        if atLineStart, !indentation.isEmpty {
            writeIndentation()
            atLineStart = false
        }
    }

    private mutating func appendIndented(_ text: TemplateText) {
        text.utf8.withUnsafeBufferPointer { utf8 in
            var start = 0
            for end in text.lineEnds {
                if atLineStart { writeIndentation() }
                output.append(UnsafeBufferPointer(rebasing: utf8[start..<end]))
                atLineStart = end > start && utf8[end - 1] == UInt8(ascii: "\n")
                start = end
            }
        }
    }

    private mutating func writeIndentation() {
        if indentationHasBase { indentationOffsets?.append(output.bytes.count) }
        output.append(indentation)
    }
}
