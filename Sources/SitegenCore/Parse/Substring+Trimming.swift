/// White space trimming that keeps a `Substring` (and so its indices into the original).
extension Substring {
    var trimmingWhitespace: Substring { trimmingLeadingWhitespace.trimmingTrailingWhitespace }

    var trimmingLeadingWhitespace: Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[first...]
    }

    var trimmingTrailingWhitespace: Substring {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return self[startIndex..<startIndex] }
        return self[...last]
    }

    /// The range of the last `(@` in the text, found by scanning UTF-8 bytes from the end.
    var lastHandleOpening: Range<Index>? {
        var cursor = utf8.endIndex
        var following: UInt8?
        while cursor > utf8.startIndex {
            let index = utf8.index(before: cursor)
            let byte = utf8[index]
            if byte == UInt8(ascii: "("), following == UInt8(ascii: "@") {
                return index..<utf8.index(index, offsetBy: 2)
            }
            following = byte
            cursor = index
        }
        return nil
    }
}
