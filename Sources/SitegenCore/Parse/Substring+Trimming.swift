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
}
