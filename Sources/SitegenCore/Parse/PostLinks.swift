/// Finds the links in a post's text: bare `https://` and `http://` URLs, and
/// `pic.twitter.com/ID` image links, which point to `https://pic.twitter.com/ID`.
enum PostLinks {
    /// A run of a post's text: plain, or a link with its target.
    struct Segment: Hashable {
        var text: Substring
        /// The link target; nil for plain text.
        var url: String?
    }

    /// Punctuation that ends a sentence rather than a URL when it stands last.
    private static let trailingPunctuation: Set<Character> = [
        ".", ",", ";", ":", "!", "?", "'", "\"", "”", "’", ")", "]", "}", "…",
    ]
    /// Characters that never belong to a URL in running text.
    private static let stoppers: Set<Character> = ["<", ">", "\"", "“", "”"]

    /// `text` split into plain runs and links, in order; joining the runs gives `text` back.
    static func segments(in text: some StringProtocol) -> [Segment] {
        let text = Substring(text)
        var segments: [Segment] = []
        var plainStart = text.startIndex
        var cursor = text.utf8.startIndex
        while cursor < text.utf8.endIndex {
            // Every link starts with an ASCII `h` or `p`; look closer only there.
            let byte = text.utf8[cursor]
            guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "p"), hasLinkPrefix(text.utf8[cursor...]),
                startsWord(text, at: cursor), let (end, url) = link(in: text, at: cursor)
            else {
                cursor = text.utf8.index(after: cursor)
                continue
            }
            if plainStart < cursor { segments.append(Segment(text: text[plainStart..<cursor])) }
            segments.append(Segment(text: text[cursor..<end], url: url))
            cursor = end
            plainStart = end
        }
        if plainStart < text.endIndex { segments.append(Segment(text: text[plainStart...])) }
        return segments
    }

    /// Whether `bytes` start with the bytes of a link's beginning, as `link` requires of its
    /// characters (which are single ASCII bytes: without the bytes, no such characters).
    private static func hasLinkPrefix(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        bytes.starts(with: "https://".utf8) || bytes.starts(with: "http://".utf8)
            || bytes.starts(with: "pic.twitter.com/".utf8)
    }

    /// A link can start at the beginning or after anything but a letter, digit, `/`, `.` or `@`.
    private static func startsWord(_ text: Substring, at index: Substring.Index) -> Bool {
        guard index > text.startIndex else { return true }
        let previous = text.unicodeScalars[text.unicodeScalars.index(before: index)]
        return
            !(previous.properties.isAlphabetic || previous.properties.numericType != nil
            || previous == "/" || previous == "." || previous == "@")
    }

    /// The end of the link starting at `index` and its target.
    private static func link(in text: Substring, at index: Substring.Index) -> (Substring.Index, String)? {
        let rest = text[index...]
        let prefixLength: Int
        let isPicture: Bool
        if rest.hasPrefix("https://") {
            (prefixLength, isPicture) = (8, false)
        } else if rest.hasPrefix("http://") {
            (prefixLength, isPicture) = (7, false)
        } else if rest.hasPrefix("pic.twitter.com/") {
            (prefixLength, isPicture) = (16, true)
        } else {
            return nil
        }
        if isPicture {
            let id = rest.dropFirst(prefixLength).prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber) }
            )
            guard !id.isEmpty else { return nil }
            return (id.endIndex, "https://" + rest[..<id.endIndex])
        }
        var end = rest.firstIndex(where: { $0.isWhitespace || stoppers.contains($0) }) ?? rest.endIndex
        while end > index, trailingPunctuation.contains(rest[rest.index(before: end)]) {
            if rest[rest.index(before: end)] == ")", isBalanced(rest[..<end]) { break }
            end = rest.index(before: end)
        }
        guard rest[..<end].count > prefixLength else { return nil }
        return (end, String(rest[..<end]))
    }

    /// Whether `text` closes no more parentheses than it opens (Wikipedia-style URLs).
    private static func isBalanced(_ text: Substring) -> Bool {
        text.filter { $0 == "(" }.count >= text.filter { $0 == ")" }.count
    }
}
