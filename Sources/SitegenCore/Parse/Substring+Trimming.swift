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
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var index = bytes.count - 1
            while index > 0 {
                if bytes[index] == UInt8(ascii: "@"), bytes[index - 1] == UInt8(ascii: "(") { return index - 1 }
                index -= 1
            }
            return nil
        }
        if let found {
            return found.map { utf8.index(utf8.startIndex, offsetBy: $0)..<utf8.index(utf8.startIndex, offsetBy: $0 + 2) }
        }
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
