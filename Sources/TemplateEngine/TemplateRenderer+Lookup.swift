extension TemplateRenderer {
    /// The value a name refers to, following the Mustache spec.
    ///
    /// The first key is looked up in each context frame from the top of the stack down; the
    /// other keys only in the value found before them. A name that cannot be found is an error
    /// in strict mode and `.null` otherwise; a key present with a null value is found, and so is
    /// anything after it (`{{source.name}}` with a null `source` is null).
    ///
    /// Notes in `lowestFrameRead` the frame where the first key was found (-1 when in none).
    mutating func lookUp(_ name: TemplateName, at position: TemplatePosition) throws(TemplateError) -> TemplateValue {
        let keys = name.keys
        guard let first = keys.first else { return stack[stack.count - 1] }
        var value: TemplateValue?
        var index = stack.count - 1
        while index >= 0 {
            if let found = stack[index].member(first) {
                value = found
                break
            }
            index -= 1
        }
        if index < lowestFrameRead { lowestFrameRead = index }
        guard var value else {
            guard isStrict else { return .null }
            let suggestion = TemplateSuggestion.closest(to: first.string, among: visibleKeys)
            throw unknownKey(first.string, suggestion: suggestion, at: position)
        }
        if keys.count == 1 { return value }
        let parts = name.parts
        for partIndex in 1..<keys.count {
            if let next = value.unsharedMember(keys[partIndex]) {
                value = next
                continue
            }
            // Past a null value nothing can be checked: `{{source.name}}` with a null `source`.
            guard isStrict, value != .null else { return .null }
            let known = parts[..<partIndex].joined(separator: ".")
            var suggestion: String?
            if case .object(let object) = value.unshared {
                suggestion = TemplateSuggestion.closest(to: parts[partIndex], among: object.keys)
                    .map { known + "." + $0 }
            }
            throw unknownKey(known + "." + parts[partIndex], suggestion: suggestion, at: position)
        }
        return value
    }

    /// Every key of every object on the context stack.
    private var visibleKeys: Set<String> {
        var keys = Set<String>()
        for case .object(let object) in stack {
            keys.formUnion(object.keys)
        }
        return keys
    }

    private func unknownKey(_ name: String, suggestion: String?, at position: TemplatePosition)
        -> TemplateError
    {
        TemplateError(.unknownKey(name, suggestion: suggestion), template: templateName, at: position)
    }
}
