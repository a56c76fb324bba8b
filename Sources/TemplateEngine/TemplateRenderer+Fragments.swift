extension TemplateRenderer {
    /// Renders a section's body with `item` on top of the context stack; for a shared item,
    /// copies the bytes kept from an earlier render of the same body, or renders it and keeps
    /// the bytes when they depend on the item alone.
    ///
    /// The body depends on the item alone when no lookup in it reached below the item's frame
    /// (`lowestFrameRead`), it showed no block of a parent template and included partials only
    /// from fixed ones (both set `lowestFrameRead` to -1). Everything else that shapes the bytes
    /// is in `TemplateFragment.Key`. A body that throws is never kept, so errors are reported
    /// exactly as without sharing.
    mutating func renderBody(of section: TemplateSection, for item: TemplateValue) throws(TemplateError) {
        guard case .shared(let shared) = item else {
            stack.append(item)
            try render(section.body)
            stack.removeLast()
            return
        }
        let key = TemplateFragment.Key(
            section: ObjectIdentifier(section), escaping: escaping, isStrict: isStrict, indentation: indentation,
            atLineStart: atLineStart, followsLineBreak: escaping == .markdown && output.followsLineBreak)
        // A copy must not hide the nesting limit that rendering the body here would reach.
        if let kept = shared.fragment(for: key, of: section), depth + kept.inclusionDepth <= Self.maximumDepth {
            output.append(kept.bytes)
            atLineStart = kept.endsAtLineStart
            deepestInclusion = max(deepestInclusion, depth + kept.inclusionDepth)
            return
        }
        let frame = stack.count
        let start = output.bytes.count
        let outer = (lowestFrameRead: lowestFrameRead, deepestInclusion: deepestInclusion)
        lowestFrameRead = frame
        deepestInclusion = depth
        stack.append(shared.value)
        try render(section.body)
        stack.removeLast()
        if lowestFrameRead >= frame {
            let content = TemplateFragment.Content(
                bytes: Array(output.bytes[start...]), endsAtLineStart: atLineStart,
                inclusionDepth: deepestInclusion - depth)
            shared.keep(TemplateFragment(key: key, section: section, content: content))
        }
        // What the body read and how deep it nested count for any shared item around it.
        lowestFrameRead = min(outer.lowestFrameRead, lowestFrameRead)
        deepestInclusion = max(outer.deepestInclusion, deepestInclusion)
    }
}
