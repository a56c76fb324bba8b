extension TemplateRenderer {
    /// The value a name refers to, following the Mustache spec.
    ///
    /// The first key is looked up in each context frame from the top of the stack down; the
    /// other keys only in the value found before them. A name that cannot be found is an error
    /// in strict mode and `.null` otherwise; a key present with a null value is found, and so is
    /// anything after it (`{{source.name}}` with a null `source` is null).
    ///
    /// Notes in `lowestFrameRead` the frame where the first key was found (-1 when in none).
    ///
    /// Returns where the value is (inside the context, or `TemplateRenderer.null`).
    mutating func lookUp(_ name: TemplateName, at position: TemplatePosition) throws(TemplateError)
        -> UnsafePointer<TemplateValue>
    {
        // The name's keys live as long as the node holding the name.
        try lookUp(name.keys.withUnsafeBufferPointer { $0 }, name: name, at: position)
    }

    /// `lookUp(_:at:)` of a variable's or section's name.
    mutating func lookUp(_ keys: UnsafeBufferPointer<TemplateKey>, of op: TemplateOp) throws(TemplateError)
        -> UnsafePointer<TemplateValue>
    {
        guard !keys.isEmpty, let first = keys.baseAddress else { return stack[stack.count - 1] }
        let (index, found) = Self.find(first, in: stack)
        if index < lowestFrameRead { lowestFrameRead = index }
        if var value = found {
            // The other keys of a dotted name, while each is found.
            var part = 1
            while part < keys.count, let next = value.unshared.member(first + part) {
                value = next
                part += 1
            }
            if part == keys.count { return value }
        }
        // Not found: the name and position are needed for an error or a null (the keys are
        // followed again, which only a failed lookup pays).
        let (name, position) = op.kind == .variable ? (op.variable.name, op.variable.position) : (op.section.name, op.section.position)
        return try lookUp(keys, name: name, at: position)
    }

    /// `lookUp(_:at:)` with the name's keys given apart.
    private mutating func lookUp(
        _ keys: UnsafeBufferPointer<TemplateKey>, name: TemplateName, at position: TemplatePosition
    ) throws(TemplateError) -> UnsafePointer<TemplateValue> {
        guard !keys.isEmpty, let first = keys.baseAddress else { return stack[stack.count - 1] }
        let (index, found) = Self.find(first, in: stack)
        if index < lowestFrameRead { lowestFrameRead = index }
        guard var value = found else {
            guard isStrict else { return Self.null }
            let suggestion = TemplateSuggestion.closest(to: first.pointee.string, among: visibleKeys)
            throw unknownKey(first.pointee.string, suggestion: suggestion, at: position)
        }
        if keys.count == 1 { return value }
        let parts = name.parts
        for partIndex in 1..<keys.count {
            if let next = value.unshared.member(first + partIndex) {
                value = next
                continue
            }
            // Past a null value nothing can be checked: `{{source.name}}` with a null `source`.
            guard isStrict, value.pointee != .null else { return Self.null }
            let known = parts[..<partIndex].joined(separator: ".")
            var suggestion: String?
            if case .object(let object) = value.unshared.pointee {
                suggestion = TemplateSuggestion.closest(to: parts[partIndex], among: object.keys)
                    .map { known + "." + $0 }
            }
            throw unknownKey(known + "." + parts[partIndex], suggestion: suggestion, at: position)
        }
        return value
    }

    /// The topmost frame of `stack` with `key`, and where its value is; (-1, nil) when none has it.
    private static func find(_ key: UnsafePointer<TemplateKey>, in stack: [UnsafePointer<TemplateValue>])
        -> (Int, UnsafePointer<TemplateValue>?)
    {
        var index = stack.count - 1
        while index >= 0 {
            if let found = stack[index].member(key) { return (index, found) }
            index -= 1
        }
        return (-1, nil)
    }

    /// Every key of every object on the context stack.
    private var visibleKeys: Set<String> {
        var keys = Set<String>()
        for frame in stack {
            if case .object(let object) = frame.pointee { keys.formUnion(object.keys) }
        }
        return keys
    }

    /// What a name that is not found shows in lax mode.
    nonisolated(unsafe) static let null: UnsafePointer<TemplateValue> = {
        let null = UnsafeMutablePointer<TemplateValue>.allocate(capacity: 1)
        null.initialize(to: .null)
        return UnsafePointer(null)
    }()

    private func unknownKey(_ name: String, suggestion: String?, at position: TemplatePosition)
        -> TemplateError
    {
        TemplateError(.unknownKey(name, suggestion: suggestion), template: templateName, at: position)
    }
}
