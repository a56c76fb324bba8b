/// How `{{name}}` escapes the text it inserts; `{{{name}}}` and `{{& name}}` never escape.
public enum TemplateEscaping: Sendable, Equatable {
    /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
    case html
    /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`.
    case xml
    /// Text is inserted as it is (Markdown, plain text, JSON that the template quotes itself).
    case none

    /// The escaping for a template's output format, read from its name: `.html` for names
    /// ending in ".html", `.xml` for ".xml", `.none` otherwise (".md", ".txt", ".json"...).
    ///
    /// A trailing ".mustache" is ignored, and case does not matter.
    public init(templateName: String) {
        var name = templateName.lowercased()
        if name.hasSuffix(".mustache") { name.removeLast(".mustache".count) }
        if name.hasSuffix(".html") {
            self = .html
        } else if name.hasSuffix(".xml") {
            self = .xml
        } else {
            self = .none
        }
    }
}

extension TemplateEscaping {
    /// Appends the UTF-8 text in `source` to `output`, escaped.
    ///
    /// Runs of bytes with nothing to escape are copied whole; text without any is one copy.
    func append(_ source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard self != .none else {
            output.append(contentsOf: source)
            return
        }
        var runStart = 0
        for offset in 0..<source.count {
            let byte = source[offset]
            // Every character to escape is at most '>' (62): one comparison passes most bytes.
            guard byte <= UInt8(ascii: ">"), let replacement = replacement(for: byte) else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<offset]))
            output.append(
                contentsOf: UnsafeBufferPointer(
                    start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = offset + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
    }

    private func replacement(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): self == .xml ? "&apos;" : "&#39;"
        default: nil
        }
    }
}
