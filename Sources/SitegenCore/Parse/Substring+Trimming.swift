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
        var text = self  // `withUTF8` may make a copy contiguous; a slice of a native string already is
        let found = text.withUTF8 { bytes -> Int? in
            var index = bytes.count - 1
            while index > 0 {
                if bytes[index] == UInt8(ascii: "@"), bytes[index - 1] == UInt8(ascii: "(") { return index - 1 }
                index -= 1
            }
            return nil
        }
        // UTF-8 offsets name the same places in the copy and here.
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0)..<utf8.index(utf8.startIndex, offsetBy: $0 + 2) }
    }
}
