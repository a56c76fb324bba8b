import MarkdownHTML

/// The original report an article is based on.
struct ArticleSourceLink: Hashable, Sendable {
    let name: String
    let url: String?
}

/// How an article was written.
enum ArticleFormat: Sendable {
    /// Markdown with front matter (`.md`).
    case markdown
    /// Plain wire text (`.txt`), never interpreted as Markdown.
    case raw
}

/// An article as parsed from its file, before leader and topic ids are checked.
struct ParsedArticle: Sendable {
    var sourcePath: String
    var format: ArticleFormat
    var title: String
    var date: NewsDate
    var updated: NewsDate?
    var slug: Slug
    /// The front matter summary, if given.
    var summary: String?
    /// Leader ids from front matter; nil means "infer from the text".
    var leaderRefs: [Located<String>]?
    /// Topic ids from front matter; nil means "infer from the text".
    var topicRefs: [Located<String>]?
    var source: ArticleSourceLink?
    var author: String?
    var image: String?
    var isDraft: Bool
    /// The body's text and first paragraph, for the summary, the word count and inference; its
    /// HTML only for raw text. `plainText` is empty when neither leaders nor topics are to be
    /// inferred, once `wordCount` is known.
    var body: RenderedMarkdown
    /// The body pages use: for Markdown, where it is in its file (read again when a page needs
    /// it); for raw text, the HTML and Markdown its parser made.
    var articleBody: ArticleBody
    /// Social posts embedded in a raw text, in order.
    var posts: [SocialPost] = []
    /// Words in the body, when counted at parse time (else counted from `body.plainText`).
    var wordCount: Int? = nil
}

/// A checked article with resolved leaders and topics. Refers to them by id.
///
/// A class, not a struct: every list, page and index refers to articles, and a copy of a
/// reference is one retain where a copy of sixteen fields was a dozen (about 1.5% of a build).
final class Article: Sendable {
    let sourcePath: String
    let format: ArticleFormat
    let title: String
    let date: NewsDate
    let updated: NewsDate?
    let slug: Slug
    let summary: String
    /// Whether `summary` was written in front matter (not cut from the first paragraph).
    let hasWrittenSummary: Bool
    let leaderIDs: [Slug]
    let topicIDs: [Slug]
    let source: ArticleSourceLink?
    let author: String?
    let image: String?
    let body: ArticleBody
    let posts: [SocialPost]
    let wordCount: Int

    /// Newest first, then by slug, then by file: a total order, so output is deterministic.
    static func newestFirst(_ lhs: Article, _ rhs: Article) -> Bool {
        if lhs.date.instant != rhs.date.instant { return lhs.date.instant > rhs.date.instant }
        if lhs.slug != rhs.slug { return lhs.slug < rhs.slug }
        return lhs.sourcePath < rhs.sourcePath
    }

    /// Whether every field a page can show, besides date, slug, leaders, topics and posts, is
    /// the same in `other` (an incremental build compares the article with its earlier self).
    func hasSameContent(as other: Article) -> Bool {
        title == other.title && updated == other.updated && summary == other.summary && source == other.source
            && author == other.author && image == other.image && format == other.format && wordCount == other.wordCount
            && body.hasSameSource(as: other.body)
    }

    /// Minutes at 220 words a minute, at least one.
    var readingMinutes: Int { max(1, (wordCount + 219) / 220) }

    init(_ parsed: ParsedArticle, leaderIDs: [Slug], topicIDs: [Slug]) {
        sourcePath = parsed.sourcePath
        format = parsed.format
        title = parsed.title
        date = parsed.date
        updated = parsed.updated
        slug = parsed.slug
        summary = parsed.summary ?? Self.summary(from: parsed.body.firstParagraph)
        hasWrittenSummary = parsed.summary != nil
        self.leaderIDs = leaderIDs
        self.topicIDs = topicIDs
        source = parsed.source
        author = parsed.author
        image = parsed.image
        body = parsed.articleBody
        posts = parsed.posts
        wordCount = parsed.wordCount ?? WordScanner.wordCount(parsed.body.plainText)
    }

    /// The first paragraph, cut at a word boundary to at most `limit` characters.
    static func summary(from paragraph: String, limit: Int = 200) -> String {
        if let summary = WordScanner.withUTF8(of: paragraph, { standaloneSummary(of: $0, limit: limit) }) {
            return summary
        }
        let text = paragraph.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard text.count > limit else { return text }
        var cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        while let last = cut.last, ",;:-–—".contains(last) { cut = cut.dropLast() }
        return cut + "…"
    }

    /// `summary` of UTF-8 text in which each scalar is a character of its own (`WordScanner`),
    /// worked out on bytes; nil for other text. (CR LF, one character of two scalars, is white
    /// space either way.)
    static func standaloneSummary(of bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String? {
        var text: [UInt8] = []  // white space runs made one space
        text.reserveCapacity(min(bytes.count, 4 * (limit + 2)))
        var characters = 0
        var cutEnd = 0  // the bytes of the first `limit` characters, once there are more
        var spaceBefore = false
        func append<Bytes: Collection<UInt8>>(_ character: Bytes) {
            if characters == limit { cutEnd = text.count }
            text.append(contentsOf: character)
            characters += 1
        }
        var i = 0
        while i < bytes.count {
            let length: Int
            let isSpace: Bool
            if bytes[i] < 0x80 {
                (length, isSpace) = (1, bytes[i] == 0x20 || (bytes[i] >= 0x09 && bytes[i] <= 0x0D))
            } else {
                let (scalar, scalarLength) = WordScanner.scalar(at: i, in: bytes)
                guard WordScanner.isStandalone(scalar) else { return nil }
                (length, isSpace) = (scalarLength, Character(scalar).isWhitespace)
            }
            if isSpace {
                spaceBefore = !text.isEmpty
            } else {
                if spaceBefore { append(CollectionOfOne(0x20)) }
                append(bytes[i..<i + length])
                spaceBefore = false
                // The first `limit` characters and one more, each a scalar standing alone, are
                // all the cut needs: what follows cannot join them (a mark after the last joins
                // only that one) nor change whether there are more than `limit`.
                if characters > limit { break }
            }
            i += length
        }
        guard characters > limit else { return String(decoding: text, as: UTF8.self) }
        var cut = text[..<cutEnd]
        if let space = cut.lastIndex(of: 0x20) { cut = cut[..<space] }
        while let mark = trailingMarks.first(where: { cut.suffix($0.count).elementsEqual($0) }) {
            cut = cut.dropLast(mark.count)
        }
        return String(decoding: cut, as: UTF8.self) + "…"
    }

    /// What a cut summary must not end with, as UTF-8.
    private static let trailingMarks = ",;:-–—".map { Array(String($0).utf8) }
}
