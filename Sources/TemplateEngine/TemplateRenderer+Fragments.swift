extension TemplateRenderer {
    /// Renders a section's body with `item` on top of the context stack; for a shared item,
    /// copies the bytes kept from an earlier render of the same body, or renders it and keeps
    /// the bytes when they depend on the item alone.
    ///
    /// The body depends on the item alone when no lookup in it reached below the item's frame
    /// (`lowestFrameRead`), it showed no block of a parent template and included partials only
    /// from fixed ones (both set `lowestFrameRead` to -1). Everything else that shapes the bytes
    /// is in `TemplateFragment.Key`, but for the indentation of the partials around the body:
    /// the bytes are kept without it, and a copy writes the current one where it stood. A body
    /// that throws is never kept, so errors are reported exactly as without sharing.
    mutating func renderBody(of section: TemplateOp, for item: UnsafePointer<TemplateValue>) throws(TemplateError) {
        // Inside a body that keeps its indentation apart, a shared item renders as any value:
        // its kept bytes would not say where that indentation goes.
        guard indentationOffsets == nil, let shared = Self.shared(item.pointee) else {
            stack.append(item.unshared)
            try render(section.body)
            stack.removeLast()
            return
        }
        let key = TemplateFragment.Key(
            section: section.serial, escaping: escaping, isStrict: isStrict, isIndented: !indentation.isEmpty,
            atLineStart: atLineStart, followsLineBreak: escaping == .markdown && output.followsLineBreak)
        // A copy must not hide the nesting limit that rendering the body here would reach.
        if let kept = shared.fragment(for: key), depth + Int(kept.inclusionDepth) <= Self.maximumDepth {
            append(kept)
            deepestInclusion = max(deepestInclusion, depth + Int(kept.inclusionDepth))
            return
        }
        let frame = stack.count
        let start = output.bytes.count
        let outer = (lowestFrameRead: lowestFrameRead, deepestInclusion: deepestInclusion, hasBase: indentationHasBase)
        lowestFrameRead = frame
        deepestInclusion = depth
        if !indentation.isEmpty {
            indentationOffsets = []
            indentationHasBase = true
        }
        stack.append(shared.valuePointer)
        try render(section.body)
        stack.removeLast()
        let offsets = indentationOffsets ?? []
        indentationOffsets = nil
        indentationHasBase = outer.hasBase
        if lowestFrameRead >= frame {
            let fragment = TemplateFragment(
                key: key, content: content(from: start, indentationAt: offsets, inclusionDepth: deepestInclusion - depth))
            shared.keep(fragment, droppingSectionsBefore: firstLiveSection)
        }
        // What the body read and how deep it nested count for any shared item around it.
        lowestFrameRead = min(outer.lowestFrameRead, lowestFrameRead)
        deepestInclusion = max(outer.deepestInclusion, deepestInclusion)
    }

    /// The shared value a value is, if it is one. (A `borrowing` parameter, so that a value
    /// read in place is not copied to be matched.)
    @inline(__always)
    private static func shared(_ value: borrowing TemplateValue) -> TemplateSharedValue? {
        switch value {
        case .shared(let shared): shared
        default: nil
        }
    }

    /// The bytes written since `start`, without the indentation written at `offsets`.
    private func content(from start: Int, indentationAt offsets: [Int], inclusionDepth: Int) -> TemplateFragment.Content {
        let written = output.bytes
        var bytes: [UInt8] = []
        bytes.reserveCapacity(written.count - start - offsets.count * indentation.count)
        var indentationOffsets: [Int32] = []
        indentationOffsets.reserveCapacity(offsets.count)
        var from = start
        for offset in offsets {
            bytes += written[from..<offset]
            indentationOffsets.append(Int32(bytes.count))
            from = offset + indentation.count
        }
        bytes += written[from...]
        return TemplateFragment.Content(
            bytes: bytes, indentationOffsets: indentationOffsets, endsAtLineStart: atLineStart,
            inclusionDepth: Int32(inclusionDepth))
    }

    /// Writes kept bytes with the current indentation where theirs stood.
    private mutating func append(_ kept: TemplateFragment.Content) {
        if kept.indentationOffsets.isEmpty {
            output.append(kept.bytes)
        } else {
            var from = 0
            for offset in kept.indentationOffsets {
                output.append(kept.bytes[from..<Int(offset)])
                output.append(indentation)
                from = Int(offset)
            }
            output.append(kept.bytes[from...])
        }
        atLineStart = kept.endsAtLineStart
    }
}
