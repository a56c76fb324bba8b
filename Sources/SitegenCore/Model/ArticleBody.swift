import MarkdownHTML
import Synchronization

/// An article's body as pages need it: its HTML and Markdown, made when a page asks for them.
///
/// A Markdown body is not kept in memory between Parse and Render. Its text stays in its file
/// and is read again (`FileSlice`) and rendered by libcmark each time it is needed: for the
/// article's pages, the feeds that carry full content and the search index. So a large
/// archive's bodies, and their HTML, are never all in memory at once. A digest of the text
/// tells an incremental build whether the body changed. Raw text keeps the HTML and Markdown
/// its parser derived, which are not the file's text, within the same budget as the kept HTML
/// below; past it they are written to the build's `BodySpill` and read back when asked for.
///
/// One exception, bounded: Parse has each body's libcmark document in hand, and rendering its
/// HTML there costs about a quarter of parsing and rendering it again at Render. So a build's
/// Parse keeps the HTML of as many bodies as fit in a fixed budget (`KeptHTML.Budget`, 256 MiB:
/// every body of a 10,000-article archive, four in five of a 50,000-article one), writes the HTML
/// of the others to the build's `BodySpill`, and the article's page takes it (`contents()`),
/// freeing it. The page still reads the file again, for its Markdown and to check that the
/// file is the one parsed. Without a spill (`check`, a `serve` session) HTML past the budget
/// is not made at Parse, and the page renders the text again.
///
/// The page gets both as UTF-8 bytes (`contents()`), never made Strings on the way: libcmark's
/// HTML as it wrote it, and the text read again unchecked while the file has the settled
/// stamp it had when Load checked it (`FileSlice.readUTF8`).
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

        /// `text()` as UTF-8, read again without being checked again (`FileSlice.readUTF8`).
        func utf8() throws(SitegenError) -> [UInt8] {
            switch self {
            case .file(let slice): try slice.readUTF8()
            case .text(let text): Array(text.utf8)
            }
        }
    }

    private enum Storage: Sendable {
        /// A Markdown body: where its text is, a digest of the text, the renderer that makes its
        /// HTML, and whether its Markdown is the text as written (else libcmark's safe rendering).
        /// `kept` is the HTML Parse made, until the article's page takes it.
        case markdown(Source, digest: Int, renderer: MarkdownRenderer, isPublishedAsWritten: Bool, kept: KeptHTML?)
        /// HTML and Markdown made by a parser (raw text), kept.
        case derived(html: String, markdown: String)
        /// The same, written to the build's `BodySpill` (past the kept budget): where each is,
        /// and the article file's path, for an error.
        case spilled(BodySpill, html: Range<Int>, markdown: Range<Int>, path: String)
    }

    private let storage: Storage

    /// A Markdown body: `text`, the end of `file`'s text, rendered with `renderer` when needed
    /// and read again from the file when `file` has an origin.
    /// - Parameter isPublishedAsWritten: Whether the Markdown page shows `text` itself, as
    ///   `MarkdownRenderer.render(_:includingHTML:)` found (its `markdown` is `text`).
    /// - Parameter html: `text` rendered by `renderer` (`MarkdownRenderer.render(_:)`), for the
    ///   article's page to take instead of rendering it again; only for a body published as
    ///   written.
    init(
        markdown text: String, endOf file: SourceFile, renderer: MarkdownRenderer, isPublishedAsWritten: Bool,
        html: KeptHTML? = nil
    ) {
        precondition(html == nil || isPublishedAsWritten, "kept HTML is for a body published as written")
        let source =
            file.origin.map { Source.file($0.slice(ofLast: text.utf8.count, path: file.path)) } ?? .text(text)
        storage = .markdown(
            source, digest: Self.digest(of: text), renderer: renderer,
            isPublishedAsWritten: isPublishedAsWritten, kept: html)
    }

    /// A body whose HTML and Markdown are already made.
    init(html: String, markdown: String) { storage = .derived(html: html, markdown: markdown) }

    /// A body whose HTML and Markdown are made: kept when `budget` has room for them (or there
    /// is no spill), else written to `spill` and read back when asked for.
    init(html: String, markdown: String, budget: KeptHTML.Budget?, spill: BodySpill?, path: String) {
        if let budget, let spill, !budget.reserve(html.utf8.count + markdown.utf8.count),
            let ranges = spill.write([html, markdown])
        {
            storage = .spilled(spill, html: ranges[0], markdown: ranges[1], path: path)
        } else {
            storage = .derived(html: html, markdown: markdown)
        }
    }

    /// Whether the body was written to a spill.
    var isSpilled: Bool {
        if case .spilled = storage { return true }
        return false
    }

    /// A spilled body's text at `range`, as UTF-8.
    private static func readUTF8(
        _ spill: BodySpill, _ range: Range<Int>, path: String
    ) throws(SitegenError) -> [UInt8] {
        guard let bytes = spill.readUTF8(range) else { throw unreadableSpill(at: path) }
        return bytes
    }

    /// A spilled body's text at `range`.
    private static func read(_ spill: BodySpill, _ range: Range<Int>, path: String) throws(SitegenError) -> String {
        guard let text = spill.read(range) else { throw unreadableSpill(at: path) }
        return text
    }

    private static func unreadableSpill(at path: String) -> SitegenError {
        let why = "its body, put in a temporary file in .sitegen/, could not be read back (hint: check the project's disk, then build again)"
        return SitegenError(.unreadableFile(why), at: SourceLocation(path: path))
    }

    /// A derived body's HTML and Markdown, kept or read back; nil for a Markdown body.
    private func derived() throws(SitegenError) -> (html: String, markdown: String)? {
        switch storage {
        case .markdown: nil
        case .derived(let html, let markdown): (html, markdown)
        case .spilled(let spill, let html, let markdown, let path):
            (try Self.read(spill, html, path: path), try Self.read(spill, markdown, path: path))
        }
    }

    /// What stands for the body in a page's fingerprint (`SiteSession`), without reading it:
    /// a Markdown body's renderer options and digest, or a derived body itself. Equal
    /// fingerprints give equal HTML and Markdown.
    var fingerprint: (html: String, markdown: String) {
        switch storage {
        case .markdown(_, let digest, let renderer, _, _): ("markdown \(renderer.options.rawValue) \(digest)", "")
        case .derived(let html, let markdown): (html, markdown)
        case .spilled: (try? derived()) ?? ("(a spilled body that could not be read back)", "")
        }
    }

    /// Whether both bodies give the same HTML and Markdown for the same reason: equal
    /// `fingerprint`s, without building either.
    func hasSameSource(as other: ArticleBody) -> Bool {
        switch (storage, other.storage) {
        case (.markdown(_, let digest, let renderer, _, _), .markdown(_, let otherDigest, let otherRenderer, _, _)):
            renderer.options == otherRenderer.options && digest == otherDigest
        case (.markdown, _), (_, .markdown): false
        default: (try? derived()).map { mine in (try? other.derived()).map { $0 == mine } ?? false } ?? false
        }
    }

    /// The body as an HTML fragment (the same bytes as `MarkdownRenderer.render(_:).html`)
    /// and as Markdown, both as UTF-8, from one read of its file. The HTML Parse kept is
    /// taken: the article's page asks once per build, and a second call renders the text again.
    /// - Throws: `SitegenError` when the file changed since it was parsed.
    func contents() throws(SitegenError) -> (html: [UInt8], markdown: [UInt8]) {
        switch storage {
        case .markdown(let source, _, let renderer, let isPublishedAsWritten, let kept):
            guard isPublishedAsWritten else {
                let rendered = renderer.render(try source.text())
                return (rendered.htmlUTF8, Array(rendered.markdown.utf8))
            }
            let text = try source.utf8()
            return (kept?.take() ?? text.withUnsafeBufferPointer(renderer.htmlUTF8(fromUTF8:)), text)
        case .derived(let html, let markdown):
            return (Array(html.utf8), Array(markdown.utf8))
        case .spilled(let spill, let html, let markdown, let path):
            return (
                try Self.readUTF8(spill, html, path: path), try Self.readUTF8(spill, markdown, path: path)
            )
        }
    }

    /// The body as an HTML fragment.
    /// - Throws: `SitegenError` when the file changed since it was parsed.
    func html() throws(SitegenError) -> String {
        switch storage {
        case .markdown(let source, _, let renderer, _, _): renderer.html(from: try source.text())
        case .derived(let html, _): html
        case .spilled(let spill, let html, _, let path): try Self.read(spill, html, path: path)
        }
    }

    /// `markdown()` as UTF-8: a body published as written is not checked again when read
    /// again from its file (`FileSlice.readUTF8`).
    /// - Throws: `SitegenError` when the file changed since it was parsed.
    func markdownUTF8() throws(SitegenError) -> [UInt8] {
        switch storage {
        case .markdown(let source, _, _, true, _): try source.utf8()
        case .spilled(let spill, _, let markdown, let path): try Self.readUTF8(spill, markdown, path: path)
        default: Array(try self.markdown().utf8)
        }
    }

    /// The body as its Markdown page shows it.
    /// - Throws: `SitegenError` when the file changed since it was parsed.
    func markdown() throws(SitegenError) -> String {
        switch storage {
        case .markdown(let source, _, let renderer, let isPublishedAsWritten, _):
            let text = try source.text()
            return isPublishedAsWritten ? text : renderer.render(text, includingHTML: false).markdown
        case .derived(_, let markdown):
            return markdown
        case .spilled(let spill, _, let markdown, let path):
            return try Self.read(spill, markdown, path: path)
        }
    }

    /// Whether the body holds HTML Parse made that its page has not taken yet.
    var hasKeptHTML: Bool {
        guard case .markdown(_, _, _, _, let kept?) = storage else { return false }
        return kept.isHeld
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

/// A body's HTML made at Parse, held until its article's page takes it (see `ArticleBody`):
/// in memory within the build's budget, past it in the build's `BodySpill`.
final class KeptHTML: Sendable {
    private enum Place {
        /// libcmark's bytes, valid UTF-8.
        case memory([UInt8])
        case spill(BodySpill, Range<Int>)
    }

    private let place: Mutex<Place?>

    /// HTML given as UTF-8 (libcmark's), kept as it is.
    init(utf8 html: [UInt8]) { place = Mutex(.memory(html)) }

    /// HTML written to `spill` at `range`.
    init(spill: BodySpill, range: Range<Int>) { place = Mutex(.spill(spill, range)) }

    /// The HTML as UTF-8, once: later calls get nil, and the memory is freed when the page is
    /// done. Nil too when a spilled HTML cannot be read back (the page then renders the text
    /// again).
    func take() -> [UInt8]? {
        let place = self.place.withLock { place in
            defer { place = nil }
            return place
        }
        switch place {
        case .memory(let html): return html
        case .spill(let spill, let range): return spill.readUTF8(range)
        case nil: return nil
        }
    }

    /// Whether the HTML is still held.
    var isHeld: Bool { place.withLock { $0 != nil } }

    /// The bytes of HTML one build's Parse may keep, shared by its threads. Past the budget,
    /// HTML goes to the build's spill (or, without one, bodies are rendered again at Render),
    /// so memory stays bounded however large the archive.
    final class Budget: Sendable {
        /// What a build keeps at most: a 10,000-article archive of 600–900-word bodies has
        /// about 61 MB of body HTML, a 50,000-article one about 330 MB. At 64 MiB, the round
        /// trip of the rest through the spill file took 10% of a 50,000 build (interleaved
        /// runs, fifteenth pass). At 384 MiB every body of it fits, which took 2–3% off the
        /// CPU in two interleaved series (sixteenth pass, within the VM's noise), for 45 MB
        /// more at the peak, and 976 MB with raw texts only (whose HTML and Markdown both
        /// count), too near the gigabyte the archive is allowed: 256 MiB it stays (724 MB, and
        /// 846 MB with raw texts).
        static let buildBytes = 256 << 20

        private let remaining: Atomic<Int>

        init(bytes: Int = Budget.buildBytes) { remaining = Atomic(bytes) }

        /// Whether a body's HTML may still fit: Parse then renders it with the body's text.
        var hasRoom: Bool { remaining.load(ordering: .relaxed) > 0 }

        /// Takes `count` bytes from the budget; false, taking nothing, when they do not fit.
        func reserve(_ count: Int) -> Bool {
            if remaining.wrappingSubtract(count, ordering: .relaxed).newValue >= 0 { return true }
            remaining.wrappingAdd(count, ordering: .relaxed)
            return false
        }
    }
}
