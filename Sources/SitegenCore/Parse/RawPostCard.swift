/// A social post as a quoted card, in HTML, Markdown and plain text, with no script.
///
/// ```html
/// <figure class="post">
/// <blockquote class="post-text">
/// <p>Text with a <a href="https://pic.twitter.com/ID" rel="nofollow noopener">pic.twitter.com/ID</a></p>
/// </blockquote>
/// <figcaption class="post-meta">— <span class="post-author">Anna Berg</span>
///   <span class="post-handle">@AnnaBergPM</span> · <span class="post-platform">Social Post</span>
///   · <time class="post-date" datetime="2026-02-14">Feb 14, 2026</time>, <span class="post-time">10:05 AM CET</span>
///   <span class="post-shared">(shared by <span class="post-author">…</span> <span class="post-handle">…</span>,
///   <time class="post-date" datetime="…">…</time>)</span></figcaption>
/// </figure>
/// ```
///
/// The caption shows every attribution word of the source: the author's name and handle,
/// the platform phrase, the date as written and the time, and then the signature when it adds
/// anything: `(shared by …)` for another account (`post-shared`), `(signed …)` for the
/// author's own signature written differently (`post-signature`). A day that does not exist
/// is shown in a `<span class="post-date">` instead of a `<time>`.
struct RawPostCard {
    let post: SocialPost
    /// The post's paragraphs.
    let paragraphs: [String]
    /// Each paragraph split into plain runs and links, for both the HTML and the Markdown.
    private let segments: [[PostLinks.Segment]]
    /// The caption as HTML and as the same text without markup.
    let caption: (html: String, text: String)

    init(post: SocialPost) {
        self.post = post
        paragraphs = post.paragraphs
        segments = paragraphs.map { PostLinks.segments(in: $0) }
        caption = Self.caption(for: post)
    }

    /// The card as an HTML fragment ending in a newline.
    var html: String {
        var result = "<figure class=\"post\">\n"
        if !paragraphs.isEmpty {
            result += "<blockquote class=\"post-text\">\n"
            for paragraph in segments { result += "<p>" + Self.linkedHTML(paragraph) + "</p>\n" }
            result += "</blockquote>\n"
        }
        return result + "<figcaption class=\"post-meta\">" + caption.html + "</figcaption>\n</figure>\n"
    }

    /// The card as a Markdown block quote: the paragraphs, then the caption line.
    var markdown: String {
        let lines = segments.map(Self.linkedMarkdown) + [MarkdownText.line(caption.text)]
        return lines.map { "> " + $0 }.joined(separator: "\n>\n")
    }

    /// The card's visible text: paragraphs and caption separated by blank lines.
    var plainText: String {
        (paragraphs + [caption.text]).joined(separator: "\n\n")
    }

    private static func caption(for post: SocialPost) -> (html: String, text: String) {
        var caption = Caption()
        caption.plain("— ")
        var groups = 0
        func separate() {
            if groups > 0 { caption.plain(" · ") }
            groups += 1
        }
        if post.authorName != nil || post.handle != nil {
            separate()
            caption.account(name: post.authorName, handle: post.handle)
        }
        if let label = post.platformLabel {
            separate()
            caption.span("post-platform", label)
        }
        if let dateText = post.dateText {
            separate()
            caption.date(dateText, post.date)
            if let time = post.time {
                caption.plain(", ")
                caption.span("post-time", time)
            }
        }
        if let signature = post.signature, adds(signature, to: post) {
            let isShared = post.sharedBy != nil
            if groups > 0 { caption.plain(" ") }
            caption.open(isShared ? "post-shared" : "post-signature")
            caption.plain(isShared ? "(shared by " : "(signed ")
            caption.account(name: signature.name, handle: signature.handle)
            if let dateText = signature.dateText {
                caption.plain(", ")
                caption.date(dateText, signature.date)
            }
            caption.plain(")")
            caption.close()
        }
        return (caption.html, caption.text)
    }

    /// Whether the signature shows anything the author part does not.
    private static func adds(_ signature: SocialAccount, to post: SocialPost) -> Bool {
        post.sharedBy != nil || signature.handle != post.handle
            || (signature.name != nil && signature.name != post.authorName)
            || (signature.dateText != nil && signature.dateText != post.dateText)
    }

    /// A post paragraph in HTML, escaped, with its links.
    static func linkedHTML(_ text: String) -> String { linkedHTML(PostLinks.segments(in: text)) }

    /// A post paragraph's runs in HTML, escaped, with its links.
    static func linkedHTML(_ segments: [PostLinks.Segment]) -> String {
        segments.map { segment in
            guard let url = segment.url else { return HTMLText.escape(segment.text) }
            return
                "<a href=\"\(HTMLText.escape(url))\" rel=\"nofollow noopener\">\(HTMLText.escape(segment.text))</a>"
        }.joined()
    }

    /// A post paragraph as one Markdown line, escaped, with its links.
    static func linkedMarkdown(_ text: String) -> String { linkedMarkdown(PostLinks.segments(in: text)) }

    /// A post paragraph's runs as one Markdown line, escaped, with its links.
    static func linkedMarkdown(_ segments: [PostLinks.Segment]) -> String {
        let line = segments.map { segment in
            guard let url = segment.url else { return MarkdownText.escapeInline(segment.text) }
            return "[\(MarkdownText.escapeInline(segment.text))](\(MarkdownText.destination(url)))"
        }.joined()
        return line.hasPrefix("[") ? line : MarkdownText.guardLineStart(line)
    }
}

/// Builds a caption's HTML and its text side by side.
private struct Caption {
    var html = ""
    var text = ""

    mutating func plain(_ value: String) {
        html += HTMLText.escape(value)
        text += value
    }

    mutating func span(_ className: String, _ value: String) {
        html += "<span class=\"\(className)\">\(HTMLText.escape(value))</span>"
        text += value
    }

    mutating func open(_ className: String) { html += "<span class=\"\(className)\">" }

    mutating func close() { html += "</span>" }

    mutating func account(name: String?, handle: String?) {
        if let name { span("post-author", name) }
        if name != nil, handle != nil { plain(" ") }
        if let handle { span("post-handle", handle) }
    }

    mutating func date(_ written: String, _ date: NewsDate?) {
        guard let date else { return span("post-date", written) }
        html += "<time class=\"post-date\" datetime=\"\(date.isoDay)\">\(HTMLText.escape(written))</time>"
        text += written
    }
}
