import Foundation

/// Escaping of plain text for CommonMark, so that libcmark renders it back to the same text.
enum MarkdownText {
    /// Characters escaped wherever they stand: they can open emphasis (`*`, `_`), code
    /// (`` ` ``), links and images (`[`, `]`), raw HTML and autolinks (`<`), entities (`&`),
    /// or escape the next character (`\`). `>` cannot open anything inside a line, but is
    /// escaped too, so no tag such as `<script>` ever stands literally in a Markdown file.
    private static let inlineSpecials: [Bool] = (0..<256).map { "\\`*_[]<>&".utf8.contains(UInt8($0)) }
    /// Characters escaped at the start of a line, where they open a heading, a block quote,
    /// a list, a thematic break or a fenced code block. Digits then `.` or `)` are escaped
    /// only before white space or the end, where they would start an ordered list.
    private static let lineStartSpecials: Set<Character> = ["#", ">", "-", "+", "~", "=", "|"]

    /// `text` escaped for use inside a line: every inline special gets a backslash. Works on
    /// UTF-8 bytes: the specials are ASCII, which never occurs inside a multi-byte sequence.
    static func escapeInline(_ text: some StringProtocol) -> String {
        // Most text has no special: then it is copied as it is.
        let hasSpecial = inlineSpecials.withUnsafeBufferPointer { isSpecial in
            text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains { isSpecial[Int($0)] } }
        }
        if hasSpecial == false { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if inlineSpecials[Int(byte)] { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One line of plain text (no line breaks, no leading white space) as a Markdown line
    /// that renders as a paragraph with exactly this text.
    static func line(_ text: some StringProtocol) -> String {
        guardLineStart(escapeInline(text))
    }

    /// Escapes what would start a block in an already inline-escaped line: a leading `#`,
    /// `>`, `-`, `+`, `~`, `=`, `|`, and the `.` or `)` after leading digits (`1. ` → `1\. `).
    static func guardLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if lineStartSpecials.contains(first) { return "\\" + line }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        let afterDigits = line.dropFirst(digits.count)
        if !digits.isEmpty, let next = afterDigits.first, next == "." || next == ")",
            afterDigits.dropFirst().first?.isWhitespace ?? true
        {
            return String(digits) + "\\" + String(line.dropFirst(digits.count))
        }
        return line
    }

    /// A link destination in angle brackets, which allows any character but `<`, `>` and
    /// line breaks; backslashes are escaped.
    static func destination(_ url: String) -> String {
        // Nearly every URL has no backslash: then there is nothing to replace.
        guard url.utf8.contains(UInt8(ascii: "\\")) else { return "<" + url + ">" }
        return "<" + url.replacingOccurrences(of: "\\", with: "\\\\") + ">"
    }
}
