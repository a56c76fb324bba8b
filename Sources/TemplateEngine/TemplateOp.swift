/// One node of a compiled template as the renderer walks it: what rendering reads, through
/// pointers into the node's own arrays, and the node itself, unretained, for the rest.
///
/// A `TemplateNode` holds a class instance, so each node read from a list of them was retained
/// and released (and its name's keys and its text's bytes with it): about a third of a page's
/// render. An op is trivial to copy. Its pointers stay valid as long as the nodes it was made
/// from, which the template (or section, block or override) holding both keeps, unchanged,
/// for as long as it lives. (`@unchecked Sendable`: it only reads immutable storage.)
struct TemplateOp: @unchecked Sendable {
    enum Kind: UInt8 {
        case text, variable, section, inclusion, block
    }

    let kind: Kind
    /// A variable's `isEscaped`, a section's `isInverted`.
    let flag: Bool
    /// A section's serial (`TemplateSection.serial`).
    let serial: UInt64
    /// A text's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// A text's line ends (`TemplateText.lineEnds`).
    let lineEnds: UnsafeBufferPointer<Int>
    /// A variable's or section's keys (`TemplateName.keys`).
    let keys: UnsafeBufferPointer<TemplateKey>
    /// A section's or block's body.
    let body: UnsafeBufferPointer<TemplateOp>
    /// The node's object (`TemplateText`, `TemplateVariable`, ...), kept alive by the node.
    private let object: Unmanaged<AnyObject>

    /// The ops of `nodes`, valid while `nodes` lives unchanged.
    static func ops(of nodes: [TemplateNode]) -> [TemplateOp] {
        nodes.map(TemplateOp.init)
    }

    private init(_ node: TemplateNode) {
        var (flag, serial) = (false, UInt64(0))
        var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var lineEnds = UnsafeBufferPointer<Int>(start: nil, count: 0)
        var keys = UnsafeBufferPointer<TemplateKey>(start: nil, count: 0)
        var body = UnsafeBufferPointer<TemplateOp>(start: nil, count: 0)
        let object: AnyObject
        switch node {
        case .text(let text):
            kind = .text
            bytes = Self.stable(text.utf8)
            lineEnds = Self.stable(text.lineEnds)
            object = text
        case .variable(let variable):
            kind = .variable
            flag = variable.isEscaped
            keys = Self.stable(variable.name.keys)
            object = variable
        case .section(let section):
            kind = .section
            flag = section.isInverted
            serial = section.serial
            keys = Self.stable(section.name.keys)
            body = Self.stable(section.ops)
            object = section
        case .inclusion(let inclusion):
            kind = .inclusion
            object = inclusion
        case .block(let block):
            kind = .block
            body = Self.stable(block.ops)
            object = block
        }
        (self.flag, self.serial, self.bytes, self.lineEnds, self.keys, self.body) = (flag, serial, bytes, lineEnds, keys, body)
        self.object = Unmanaged.passUnretained(object)
    }

    /// The elements of an array held by an immutable node: the pointer outlives this call for
    /// as long as the node does, since nothing can change or free the array meanwhile.
    private static func stable<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        array.withUnsafeBufferPointer { $0 }
    }

    var variable: TemplateVariable { unsafeDowncast(object.takeUnretainedValue(), to: TemplateVariable.self) }
    var section: TemplateSection { unsafeDowncast(object.takeUnretainedValue(), to: TemplateSection.self) }
    var inclusion: TemplateInclusion { unsafeDowncast(object.takeUnretainedValue(), to: TemplateInclusion.self) }
    var block: TemplateBlock { unsafeDowncast(object.takeUnretainedValue(), to: TemplateBlock.self) }
}
