import MarkdownHTML

/// A world leader, from `Content/leaders/<id>.md`.
/// A class for the reason `Article` is one: pages, contexts and JSON-LD refer to leaders, and
/// a copy of a reference is one retain.
final class Leader: Sendable {
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

    init(
        id: Slug, name: String, role: String, country: String, aliases: [String], handles: [String],
        biography: RenderedMarkdown, biographyMarkdown: String, sourcePath: String
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.country = country
        self.aliases = aliases
        self.handles = handles
        self.biography = biography
        self.biographyMarkdown = biographyMarkdown
        self.sourcePath = sourcePath
    }
}

/// A topic, from `Content/topics/<id>.md`.
final class Topic: Sendable {
    let id: Slug
    let name: String
    /// Phrases that mark an article as being about the topic.
    let keywords: [String]
    let explainer: RenderedMarkdown
    /// The explainer's Markdown source.
    let explainerMarkdown: String
    let sourcePath: String

    init(id: Slug, name: String, keywords: [String], explainer: RenderedMarkdown, explainerMarkdown: String, sourcePath: String) {
        self.id = id
        self.name = name
        self.keywords = keywords
        self.explainer = explainer
        self.explainerMarkdown = explainerMarkdown
        self.sourcePath = sourcePath
    }
}
