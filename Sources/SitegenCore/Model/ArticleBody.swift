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

    /// The body as an HTML fragment: the same bytes as `MarkdownRenderer.render(_:).html`.
    var html: String {
        switch storage {
        case .markdown(let source, let renderer): renderer.html(from: source)
        case .html(let html): html
        }
    }
}

/// Counting words fast: the text split at white space, as `Character.isWhitespace` sees it.
enum WordCount {
    /// The number of runs of non-white-space characters in `text`. ASCII text is counted byte
    /// by byte; anything else by `Character`, so both give the same answer.
    static func of(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.split(whereSeparator: { $0.isWhitespace }).count }
            let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }
}
