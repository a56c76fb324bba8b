import MarkdownHTML

/// A world leader, from `Content/leaders/<id>.md`.
struct Leader: Sendable {
    /// The file name without `.md`; the URL segment.
    let id: Slug
    let name: String
    let role: String
    let country: String
    /// Names that mark an article as being about the leader (whole word, case-sensitive).
    let aliases: [String]
    /// Social handles such as `@realDonaldTrump` (matched case-insensitively).
    let handles: [String]
    let biography: RenderedMarkdown
    /// The biography's Markdown source, for the leader's Markdown page.
    let biographyMarkdown: String
    let sourcePath: String
}

/// A topic, from `Content/topics/<id>.md`.
struct Topic: Sendable {
    let id: Slug
    let name: String
    /// Phrases that mark an article as being about the topic.
    let keywords: [String]
    let explainer: RenderedMarkdown
    /// The explainer's Markdown source.
    let explainerMarkdown: String
    let sourcePath: String
}
