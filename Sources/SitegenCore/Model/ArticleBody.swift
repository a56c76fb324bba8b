import MarkdownHTML

/// An article's body as pages need it: HTML made when a page asks for it.
///
/// A Markdown body keeps only its source and is rendered by libcmark each time `html` is read
/// (the article page and the few feeds that carry full content), so a large archive's HTML is
/// never all in memory at once. Raw text keeps the HTML its parser wrote.
struct ArticleBody: Sendable {
    private enum Storage: Sendable {
        case markdown(String, MarkdownRenderer)
        case html(String)
    }

    private let storage: Storage

    /// A Markdown body, rendered with `renderer` when needed.
    init(markdown: String, renderer: MarkdownRenderer) { storage = .markdown(markdown, renderer) }

    /// A body whose HTML is already made.
    init(html: String) { storage = .html(html) }

    /// What the HTML is made from: the Markdown source (with the renderer's options) or the
    /// HTML itself; equal identities give equal HTML.
    var identity: String {
        switch storage {
        case .markdown(let source, let renderer): "markdown \(renderer.options.rawValue)\n" + source
        case .html(let html): "html\n" + html
        }
    }

    /// Whether both bodies give the same HTML for the same reason: `identity == other.identity`,
    /// without building either string.
    func hasSameSource(as other: ArticleBody) -> Bool {
        switch (storage, other.storage) {
        case (.markdown(let source, let renderer), .markdown(let otherSource, let otherRenderer)):
            renderer.options == otherRenderer.options && source == otherSource
        case (.html(let html), .html(let otherHTML)): html == otherHTML
        default: false
        }
    }

    /// The body as an HTML fragment: the same bytes as `MarkdownRenderer.render(_:).html`.
    var html: String {
        switch storage {
        case .markdown(let source, let renderer): renderer.html(from: source)
        case .html(let html): html
        }
    }
}
