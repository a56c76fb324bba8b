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
    /// The context stack, bottom first: each frame points at a value inside the context given
    /// to the render (or inside a shared value it holds), which stays unchanged and alive until
    /// the render returns. Values are read where they are, never copied: a copy retained them,
    /// and a page's values shared with other pages (the site's, an article's list item) had
    /// their reference counts written by both cores at once.
    var stack: [UnsafePointer<TemplateValue>]
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

    /// - Parameter context: The bottom of the context stack; it must stay alive and unchanged
    ///   until the render is over.
    init(
        context: UnsafePointer<TemplateValue>,
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

    mutating func render(_ ops: [TemplateOp]) throws(TemplateError) {
        // The ops' storage is held by the template or node they belong to, which outlives the render.
        try render(ops.withUnsafeBufferPointer { $0 })
    }

    mutating func render(_ ops: UnsafeBufferPointer<TemplateOp>) throws(TemplateError) {
        for op in ops {
            switch op.kind {
            case .text:
                if indentation.isEmpty {
                    output.append(op.bytes)
                } else {
                    appendIndented(op.bytes, lineEnds: op.lineEnds)
                }
            case .variable:
                let value = try lookUp(op.keys, of: op)
                writePendingIndentation()
                if !Self.write(value.unshared.pointee, escaped: op.flag, escaping: escaping, to: &output), isStrict {
                    let variable = op.variable
                    let reason = TemplateError.Reason.notInterpolatable(
                        name: variable.name.text, kind: value.pointee.kindDescription)
                    throw TemplateError(reason, template: templateName, at: variable.position)
                }
            case .section:
                try renderSection(op)
            case .inclusion:
                try include(op.inclusion)
            case .block:
                lowestFrameRead = -1  // what shows here depends on the child being rendered
                let block = op.block
                if let content = overrides[block.name] {
                    try render(content, at: block)
                } else {
                    try render(op.body)
                }
            }
        }
    }

    private mutating func renderSection(_ op: TemplateOp) throws(TemplateError) {
        let value = try lookUp(op.keys, of: op)
        if op.flag {
            if !TemplateValue.isTruthy(value.unshared.pointee) { try render(op.body) }
            return
        }
        switch Self.sectionItems(value.unshared.pointee) {
        case .list(let items):
            // The items are read in place, as the stack's frames are (the list is part of the
            // context, which outlives the render).
            for index in items.indices {
                try renderBody(of: op, for: items.baseAddress! + index)
            }
        case .none:
            break
        case .value:
            try renderBody(of: op, for: value)
        }
    }

    /// What a section renders its body for.
    private enum SectionItems {
        /// Each item of a list, in place.
        case list(UnsafeBufferPointer<TemplateValue>)
        /// Nothing: `null`, `false`, an empty list.
        case none
        /// The value itself.
        case value
    }

    /// (The value is a `borrowing` parameter in these helpers: matched where it was read through
    /// a pointer, it was copied, and so retained, first.)
    @inline(__always)
    private static func sectionItems(_ value: borrowing TemplateValue) -> SectionItems {
        switch value {
        case .list(let items): items.isEmpty ? .none : .list(items.withUnsafeBufferPointer { $0 })
        case .null, .bool(false): .none
        default: .value
        }
    }

    /// Writes the value (never `.shared`: the caller unwraps it); false for a list or an object,
    /// which show nothing.
    @inline(__always)
    private static func write(
        _ value: borrowing TemplateValue, escaped: Bool, escaping: TemplateEscaping, to output: inout TemplateOutput
    ) -> Bool {
        switch value {
        case .null, .shared:
            break
        case .string(let string):
            if escaped {
                output.append(string, escaping: escaping)
            } else {
                output.append(string)
            }
        case .utf8(let bytes):
            // Through a pointer: the bytes are the context's, which outlives the render.
            let buffer = bytes.withUnsafeBufferPointer { $0 }
            if escaped {
                output.append(buffer, escaping: escaping)
            } else {
                output.append(buffer)
            }
        case .int(let number):
            output.append(String(number))
        case .double(let number):
            output.append(number.description)
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .list, .object:
            return false
        }
        return true
    }

    /// Renders a partial or a parent.
    private mutating func include(_ inclusion: TemplateInclusion) throws(TemplateError) {
        if !partialsAreFixed { lowestFrameRead = -1 }  // another render may pass other partials
        let name: String
        switch inclusion.target {
        case .fixed(let fixed):
            name = fixed
        case .dynamic(let contextName):
            switch try lookUp(contextName, at: inclusion.position).unshared.pointee {
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
        try render(template.ops)
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
        try render(content.ops)
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

    private mutating func appendIndented(_ utf8: UnsafeBufferPointer<UInt8>, lineEnds: UnsafeBufferPointer<Int>) {
        var start = 0
        for end in lineEnds {
            if atLineStart { writeIndentation() }
            output.append(UnsafeBufferPointer(rebasing: utf8[start..<end]))
            atLineStart = end > start && utf8[end - 1] == UInt8(ascii: "\n")
            start = end
        }
    }

    private mutating func writeIndentation() {
        if indentationHasBase { indentationOffsets?.append(output.bytes.count) }
        output.append(indentation)
    }
}

extension UnsafePointer where Pointee == TemplateValue {
    /// The value itself or, for `.shared`, where the value it wraps is.
    @inline(__always)
    var unshared: UnsafePointer<TemplateValue> { Self.sharedValue(pointee) ?? self }

    @inline(__always)
    private static func sharedValue(_ value: borrowing TemplateValue) -> UnsafePointer<TemplateValue>? {
        switch value {
        case .shared(let shared): shared.valuePointer
        default: nil
        }
    }

    /// Where the value of the key at `key` is when this is an object, else nil. Packed keys
    /// in a packed object (nearly every lookup) are compared as integers in place; any other
    /// lookup reads the object apart (`slowMember`), since a call the compiler cannot see
    /// into, such as a string comparison, makes it copy (retain) an object read in place.
    @inline(__always)
    func member(_ key: UnsafePointer<TemplateKey>) -> UnsafePointer<TemplateValue>? {
        switch Self.packedMember(of: pointee, key) {
        case .found(let value): return value
        case .absent: return nil
        case .unknown: return slowMember(key.pointee)
        }
    }

    /// `TemplateObject.packedPointer(to:)` of an object value. (The value is a `borrowing`
    /// parameter: matched where it is read, `pointee` was copied, and so retained, first.)
    @inline(__always)
    private static func packedMember(of value: borrowing TemplateValue, _ key: UnsafePointer<TemplateKey>)
        -> TemplatePackedLookup
    {
        switch value {
        case .object(let object): object.packedPointer(to: key)
        default: .absent
        }
    }

    @inline(never)
    private func slowMember(_ key: TemplateKey) -> UnsafePointer<TemplateValue>? {
        if case .object(let object) = pointee { return object.pointer(to: key) }
        return nil
    }
}
