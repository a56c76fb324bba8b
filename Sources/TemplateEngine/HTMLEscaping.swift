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
    /// Appends `string` to `output`, escaped. Text with nothing to escape is appended in one copy.
    func append(_ string: String, to output: inout String) {
        if self == .none {
            output.append(string)
            return
        }
        let escapedAll: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
            appendEscaped(string, bytes: bytes, to: &output)
        }
        if escapedAll == nil {
            var contiguous = string
            contiguous.makeContiguousUTF8()
            append(contiguous, to: &output)
        }
    }

    private func appendEscaped(_ string: String, bytes: UnsafeBufferPointer<UInt8>, to output: inout String) {
        var runStart = 0
        for offset in 0..<bytes.count {
            let byte = bytes[offset]
            // Every character to escape is at most '>' (62): one comparison passes most bytes.
            guard byte <= UInt8(ascii: ">"), let replacement = replacement(for: byte) else { continue }
            if runStart < offset {
                output.append(contentsOf: string.utf8Slice(runStart..<offset))
            }
            output.append(replacement)
            runStart = offset + 1
        }
        if runStart == 0 {
            output.append(string)
        } else if runStart < bytes.count {
            output.append(contentsOf: string.utf8Slice(runStart..<bytes.count))
        }
    }

    private func replacement(for byte: UInt8) -> String? {
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

extension String {
    /// The characters between two UTF-8 offsets that fall on character boundaries.
    fileprivate func utf8Slice(_ range: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return self[start..<end]
    }
}
