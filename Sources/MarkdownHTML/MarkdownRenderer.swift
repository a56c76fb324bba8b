import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown rendered once: the HTML and the plain text of the same document.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The document as an HTML fragment, ending in a newline unless empty. Kept as libcmark's
    /// bytes until asked for as a String (`htmlUTF8` gives them without making one): a build
    /// writes them out as they are.
    public var html: String {
        get { htmlText.string }
        set { htmlText = .string(newValue) }
    }

    /// `html` as UTF-8, without making a String of libcmark's bytes.
    public var htmlUTF8: [UInt8] { htmlText.bytes }

    /// The document's text without markup: blocks separated by blank lines, breaks as spaces.
    /// Kept as libcmark's bytes until asked for as a String (`withPlainTextUTF8` reads them
    /// without making one): most articles only count its words.
    public var plainText: String {
        get { text.string }
        set { text = .string(newValue) }
    }

    /// The text of the first top-level paragraph, or an empty string.
    public var firstParagraph: String

    /// The Markdown to publish beside the HTML: the source as written, unless the renderer is
    /// safe and the source holds raw HTML or a script link; then libcmark's CommonMark
    /// rendering of the document with raw HTML turned into literal text and such links emptied.
    public var markdown: String

    /// Text kept as a String, or as libcmark's bytes until a String is asked for.
    private enum Text: Sendable {
        case string(String)
        /// Valid UTF-8 (libcmark's output for a String's text).
        case utf8([UInt8])

        var string: String {
            switch self {
            case .string(let string): string
            case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
            }
        }

        var bytes: [UInt8] {
            switch self {
            case .string(let string): Array(string.utf8)
            case .utf8(let bytes): bytes
            }
        }
    }

    private var text: Text
    private var htmlText: Text

    /// Calls `body` with the plain text's UTF-8.
    public func withPlainTextUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch text {
        case .string(var string): string.withUTF8(body)
        case .utf8(let bytes): bytes.withUnsafeBufferPointer(body)
        }
    }

    /// Equal parts, the plain text compared as text however each side keeps it.
    public static func == (lhs: RenderedMarkdown, rhs: RenderedMarkdown) -> Bool {
        lhs.htmlUTF8 == rhs.htmlUTF8 && lhs.plainText == rhs.plainText
            && lhs.firstParagraph == rhs.firstParagraph && lhs.markdown == rhs.markdown
    }

    /// Creates a rendering from parts made elsewhere, such as the raw text parser, which writes
    /// its HTML itself because raw text is never Markdown.
    public init(html: String, plainText: String, firstParagraph: String, markdown: String = "") {
        self.htmlText = .string(html)
        self.text = .string(plainText)
        self.firstParagraph = firstParagraph
        self.markdown = markdown
    }

    /// A rendering whose HTML and plain text are libcmark's valid UTF-8 bytes.
    fileprivate init(htmlUTF8: [UInt8], plainTextUTF8: [UInt8], firstParagraph: String, markdown: String) {
        self.htmlText = .utf8(htmlUTF8)
        self.text = .utf8(plainTextUTF8)
        self.firstParagraph = firstParagraph
        self.markdown = markdown
    }
}

/// Turns CommonMark into HTML through libcmark. This file holds every `cmark_*` call.
public struct MarkdownRenderer: Sendable {
    /// The options applied to every document.
    public var options: MarkdownOptions

    /// Creates a renderer; the default options are safe (raw HTML omitted).
    public init(options: MarkdownOptions = []) {
        self.options = options
    }

    /// The version of the linked libcmark, e.g. `0.30.2`.
    public static var cmarkVersion: String {
        String(cString: cmark_version_string())
    }

    /// Renders `markdown` to an HTML fragment.
    public func html(from markdown: String) -> String {
        String(decoding: htmlUTF8(from: markdown), as: UTF8.self)
    }

    /// `html(from:)` as UTF-8, without making a String of libcmark's bytes.
    public func htmlUTF8(from markdown: String) -> [UInt8] {
        var source = markdown
        return source.withUTF8 { htmlUTF8(fromUTF8: $0) }
    }

    /// `html(from:)` of Markdown given as valid UTF-8.
    public func htmlUTF8(fromUTF8 markdown: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = markdown.baseAddress,
            let buffer = cmark_markdown_to_html(base, markdown.count, cmarkOptions)
        else { return [] }
        defer { free(buffer) }
        return Self.bytes(of: buffer)
    }

    /// The bytes of a C string libcmark made (valid UTF-8, since its input was).
    private static func bytes(of buffer: UnsafeMutablePointer<CChar>) -> [UInt8] {
        let count = strlen(buffer)
        guard count > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: count) { storage, initialized in
            UnsafeMutableRawPointer(storage.baseAddress!).copyMemory(from: buffer, byteCount: count)
            initialized = count
        }
    }

    /// Renders `markdown` to HTML and extracts its plain text in one parse.
    /// - Parameter includingHTML: When `false`, the HTML is left empty, for callers that make
    ///   it later with ``html(from:)`` (which gives the same bytes) and need only the text now.
    public func render(_ markdown: String, includingHTML: Bool = true) -> RenderedMarkdown {
        var source = markdown
        return source.withUTF8 { bytes -> RenderedMarkdown in
            guard let base = bytes.baseAddress,
                let document = cmark_parse_document(base, bytes.count, cmarkOptions)
            else { return RenderedMarkdown(html: "", plainText: "", firstParagraph: "", markdown: markdown) }
            defer { cmark_node_free(document) }
            let text = Self.plainText(of: document, capacity: bytes.count)
            var html: [UInt8] = []
            if includingHTML, let buffer = cmark_render_html(document, cmarkOptions) {
                html = Self.bytes(of: buffer)
                free(buffer)
            }
            var published = markdown
            if !options.contains(.unsafe), text.mayNeedDefusing, Self.defuse(document) {
                if let buffer = cmark_render_commonmark(document, cmarkOptions, 0) {
                    published = String(cString: buffer)
                    free(buffer)
                }
            }
            return RenderedMarkdown(
                htmlUTF8: html, plainTextUTF8: text.all, firstParagraph: text.first, markdown: published)
        }
    }
}

extension MarkdownRenderer {
    /// Without `CMARK_OPT_VALIDATE_UTF8`: every document comes from a Swift `String`, which
    /// is valid UTF-8 already (a file with bad bytes is rejected when it is read).
    fileprivate var cmarkOptions: Int32 {
        var bits = CMARK_OPT_DEFAULT
        if options.contains(.unsafe) { bits |= CMARK_OPT_UNSAFE }
        if options.contains(.smartPunctuation) { bits |= CMARK_OPT_SMART }
        if options.contains(.hardBreaks) { bits |= CMARK_OPT_HARDBREAKS }
        return Int32(bits)
    }

    /// Turns raw HTML into literal text and empties script links, so the document's CommonMark
    /// rendering is as safe as its HTML. Returns whether anything changed.
    fileprivate static func defuse(_ document: OpaquePointer) -> Bool {
        guard let iterator = cmark_iter_new(document) else { return false }
        var rawHTML: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: rawHTML.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = cmark_node_get_url(node), isDangerous(String(cString: url)) { links.append(node) }
            default: break
            }
        }
        cmark_iter_free(iterator)
        for node in links { cmark_node_set_url(node, "") }
        for node in rawHTML {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let text = cmark_node_new(CMARK_NODE_TEXT)
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                var trimmed = literal
                while trimmed.hasSuffix("\n") { trimmed.removeLast() }
                cmark_node_set_literal(text, trimmed)
                let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)
                cmark_node_append_child(paragraph, text)
                cmark_node_replace(node, paragraph)
            } else {
                cmark_node_set_literal(text, literal)
                cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
        return !rawHTML.isEmpty || !links.isEmpty
    }

    /// Whether `isDangerous` could say yes to the C string `url`: its first byte that is not a
    /// space is the first letter of a dangerous scheme, or not ASCII.
    fileprivate static func mayBeDangerous(_ url: UnsafePointer<CChar>) -> Bool {
        var byte = UInt8(bitPattern: url.pointee), offset = 0
        while byte == 0x20 {
            offset += 1
            byte = UInt8(bitPattern: url[offset])
        }
        return byte >= 0x80 || "jvfdJVFD".utf8.contains(byte)
    }

    /// `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs, as libcmark's safe mode sees them.
    fileprivate static func isDangerous(_ url: String) -> Bool {
        // Most URLs (`https:`, paths) start with no scheme's first letter: known without lowercasing.
        if let first = url.utf8.first(where: { $0 != 0x20 }), first < 0x80, !"jvfdJVFD".utf8.contains(first) { return false }
        let lower = url.lowercased().trimmingPrefix(while: { $0 == " " })
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) { return true }
        if lower.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        }
        return false
    }

    /// Walks the tree once, collecting text nodes; block ends become blank lines. The text is
    /// gathered as bytes and decoded once: libcmark's literals are valid UTF-8 (its input is a
    /// `String`, and it writes U+FFFD for a bad character reference) and hold no NUL.
    fileprivate static func plainText(of document: OpaquePointer, capacity: Int) -> (all: [UInt8], first: String, mayNeedDefusing: Bool) {
        guard let iterator = cmark_iter_new(document) else { return ([], "", false) }
        defer { cmark_iter_free(iterator) }
        var all: [UInt8] = []
        all.reserveCapacity(capacity)  // the text is about as long as the source, rarely longer
        var first: Range<Int>?
        var paragraphStart: Int?
        // Whether `defuse` could change anything: raw HTML, or a link or image whose URL may
        // start with a dangerous scheme (`mayBeDangerous`). Most bodies have neither, and then
        // their tree is walked once, not twice.
        var mayNeedDefusing = false
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: mayNeedDefusing = true
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if event == CMARK_EVENT_ENTER, !mayNeedDefusing, let url = cmark_node_get_url(node), mayBeDangerous(url) {
                    mayNeedDefusing = true
                }
            default: break
            }
            switch (type, event) {
            case (CMARK_NODE_TEXT, _), (CMARK_NODE_CODE, _), (CMARK_NODE_CODE_BLOCK, _):
                if let literal = cmark_node_get_literal(node) {
                    all.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                }
                if type == CMARK_NODE_CODE_BLOCK { all.append(0x0A) }
            case (CMARK_NODE_SOFTBREAK, _), (CMARK_NODE_LINEBREAK, _):
                all.append(0x20)
            case (CMARK_NODE_PARAGRAPH, CMARK_EVENT_ENTER):
                if first == nil, cmark_node_parent(node) == document { paragraphStart = all.count }
            case (CMARK_NODE_PARAGRAPH, CMARK_EVENT_EXIT), (CMARK_NODE_HEADING, CMARK_EVENT_EXIT):
                if let start = paragraphStart, type == CMARK_NODE_PARAGRAPH {
                    first = start..<all.count
                    paragraphStart = nil
                }
                all.append(contentsOf: [0x0A, 0x0A])
            default:
                break
            }
        }
        let paragraph = first.map { String(decoding: all[$0], as: UTF8.self) } ?? ""
        while all.last == 0x0A { all.removeLast() }
        return (all, paragraph, mayNeedDefusing)
    }
}
