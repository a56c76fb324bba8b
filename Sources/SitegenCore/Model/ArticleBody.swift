import MarkdownHTML

/// An article's body as pages need it: its HTML and Markdown, made when a page asks for them.
///
/// A Markdown body is not kept in memory between Parse and Render. Its text stays in its file
/// and is read again (`FileSlice`) and rendered by libcmark each time it is needed: for the
/// article's pages, the feeds that carry full content and the search index. So a large
/// archive's bodies, and their HTML, are never all in memory at once. A digest of the text
/// tells an incremental build whether the body changed. Raw text keeps the HTML and Markdown
/// its parser derived: such articles are rare, and their text is not the file's.
struct ArticleBody: Sendable {
    /// Where a Markdown body's text is.
    private enum Source: Sendable {
        /// In its file: every article a build reads.
        case file(FileSlice)
        /// In memory: text that did not come from a file (tests).
        case text(String)

        /// The text, read again from the file when it is there.
        func text() throws(SitegenError) -> String {
            switch self {
            case .file(let slice): try slice.read()
            case .text(let text): text
            }
        }
    }

    private enum Storage: Sendable {
        /// A Markdown body: where its text is, a digest of the text, the renderer that makes its
        /// HTML, and whether its Markdown is the text as written (else libcmark's safe rendering).
        case markdown(Source, digest: Int, renderer: MarkdownRenderer, isPublishedAsWritten: Bool)
        /// HTML and Markdown made by a parser (raw text), kept.
        case derived(html: String, markdown: String)
    }

    private let storage: Storage

    /// A Markdown body: `text`, the end of `file`'s text, rendered with `renderer` when needed
    /// and read again from the file when `file` has an origin.
    /// - Parameter isPublishedAsWritten: Whether the Markdown page shows `text` itself, as
    ///   `MarkdownRenderer.render(_:includingHTML:)` found (its `markdown` is `text`).
    init(
        markdown text: String, endOf file: SourceFile, renderer: MarkdownRenderer, isPublishedAsWritten: Bool
    ) {
        let source =
            file.origin.map { Source.file($0.slice(ofLast: text.utf8.count, path: file.path)) } ?? .text(text)
        storage = .markdown(
            source, digest: Self.digest(of: text), renderer: renderer,
            isPublishedAsWritten: isPublishedAsWritten)
    }

    /// A body whose HTML and Markdown are already made.
    init(html: String, markdown: String) { storage = .derived(html: html, markdown: markdown) }

    /// What stands for the body in a page's fingerprint (`SiteSession`), without reading it:
    /// a Markdown body's renderer options and digest, or a derived body itself. Equal
    /// fingerprints give equal HTML and Markdown.
    var fingerprint: (html: String, markdown: String) {
        switch storage {
        case .markdown(_, let digest, let renderer, _): ("markdown \(renderer.options.rawValue) \(digest)", "")
        case .derived(let html, let markdown): (html, markdown)
        }
    }

    /// Whether both bodies give the same HTML and Markdown for the same reason: equal
    /// `fingerprint`s, without building either.
    func hasSameSource(as other: ArticleBody) -> Bool {
        switch (storage, other.storage) {
        case (.markdown(_, let digest, let renderer, _), .markdown(_, let otherDigest, let otherRenderer, _)):
            renderer.options == otherRenderer.options && digest == otherDigest
        case (.derived(let html, let markdown), .derived(let otherHTML, let otherMarkdown)):
            html == otherHTML && markdown == otherMarkdown
        default: false
        }
    }

    /// The body as an HTML fragment (the same bytes as `MarkdownRenderer.render(_:).html`)
    /// and as Markdown, from one read of its file.
    /// - Throws: `SitegenError` when the file changed since it was parsed.
    func contents() throws(SitegenError) -> (html: String, markdown: String) {
        switch storage {
        case .markdown(let source, _, let renderer, let isPublishedAsWritten):
            let text = try source.text()
            guard !isPublishedAsWritten else { return (renderer.html(from: text), text) }
            let rendered = renderer.render(text)
            return (rendered.html, rendered.markdown)
        case .derived(let html, let markdown):
            return (html, markdown)
        }
    }

    /// The body as an HTML fragment.
    /// - Throws: `SitegenError` when the file changed since it was parsed.
    func html() throws(SitegenError) -> String {
        switch storage {
        case .markdown(let source, _, let renderer, _): renderer.html(from: try source.text())
        case .derived(let html, _): html
        }
    }

    /// The body as its Markdown page shows it.
    /// - Throws: `SitegenError` when the file changed since it was parsed.
    func markdown() throws(SitegenError) -> String {
        switch storage {
        case .markdown(let source, _, let renderer, let isPublishedAsWritten):
            let text = try source.text()
            return isPublishedAsWritten ? text : renderer.render(text, includingHTML: false).markdown
        case .derived(_, let markdown):
            return markdown
        }
    }

    /// A 64-bit digest of the text's UTF-8, eight bytes at a time: each word mixed into the
    /// state by a full 64×64→128-bit multiply folded to 64 bits (as wyhash mixes), the length
    /// last. Digests are compared only within one process (`SiteSession`) and only to tell an
    /// edited body from the one before; Swift's `Hasher` (SipHash) did the same at a quarter
    /// of the speed, 0.6% of a cold build.
    static func digest(of text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
                let product = a.multipliedFullWidth(by: b)
                return product.high ^ product.low
            }
            var state: UInt64 = 0x2D35_8DCC_AA6C_78A5
            var offset = 0
            if let base = bytes.baseAddress {
                while offset &+ 8 <= bytes.count {
                    let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                    state = mix(state ^ word, 0x8BB8_4B93_962E_ACC9)
                    offset &+= 8
                }
                var last: UInt64 = 0
                for index in offset..<bytes.count { last |= UInt64(bytes[index]) &<< UInt64(8 &* (index &- offset)) }
                state = mix(state ^ last, 0x4B33_A62E_D433_D4A3)
            }
            return Int(truncatingIfNeeded: mix(state ^ UInt64(bytes.count), 0x4D5A_2DA5_1DE1_AA47))
        }
    }
}
