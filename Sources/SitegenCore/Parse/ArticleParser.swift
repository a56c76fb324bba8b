import Foundation
import MarkdownHTML

/// What a parser found in one file: the value, if any, and every diagnostic.
struct ParseOutcome<Value> {
    var value: Value?
    var diagnostics: [SitegenError] = []
}

/// Parses a Markdown article (`.md`): front matter (DESIGN §2.1) and a Markdown body.
struct ArticleParser {
    var renderer: MarkdownRenderer
    /// The HTML this build's Parse may keep for Render (`ArticleBody`); nil keeps none.
    var keptHTML: KeptHTML.Budget? = nil
    /// Where HTML past `keptHTML` goes; nil renders it again at Render instead.
    var spill: BodySpill? = nil

    static let keys = [
        "title", "date", "updated", "leaders", "topics", "summary", "slug", "source", "author", "image", "draft",
    ]

    func parse(_ file: SourceFile) -> ParseOutcome<ParsedArticle> {
        let split: SplitSource
        do {
            split = try FrontMatterParser().parse(file)
        } catch {
            return ParseOutcome(diagnostics: [error])
        }
        var reader = FrontMatterReader(split.frontMatter)
        let fields = ArticleFields(reading: &reader)
        let title = reader.requiredString("title", expected: "a headline, such as 'title: Trump and Xi agree to a truce'")
        if let title, title.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) {  // trimmed, it is empty
            reader.diagnostics.append(SitegenError(.emptyTitle, at: reader.location(of: "title")))
        }
        let date = fields.date
        if reader.frontMatter["date"] == nil {
            reader.diagnostics.append(SitegenError(.missingKey("date", expected: "a date such as 'date: 2025-11-24'"), at: reader.start))
        }
        reader.warnAboutUnknownKeys(allowed: Self.keys)
        guard let title, let date, !reader.diagnostics.contains(where: { $0.severity == .error }) else {
            return ParseOutcome(diagnostics: reader.diagnostics)
        }
        // Here the text, for the summary, the word count and inference, and the HTML: kept in
        // memory while the build's budget lasts, past it written to the build's spill; without
        // a spill, past the budget the HTML is made when the article's page is rendered, from
        // the body read again from its file (`ArticleBody`). The body itself is not kept.
        let makesHTML = keptHTML.map { $0.hasRoom || spill != nil } ?? false
        var body = renderer.render(split.body, includingHTML: makesHTML)
        let wordCount = body.withPlainTextUTF8(WordScanner.wordCount(utf8:))
        if fields.leaders != nil, fields.topics != nil { body.plainText = "" }  // nothing to infer from it
        let isPublishedAsWritten = body.markdown == split.body
        var kept: KeptHTML?
        let html = body.htmlUTF8  // libcmark's bytes, never made a String
        if isPublishedAsWritten, !html.isEmpty, let keptHTML {
            if keptHTML.reserve(html.count) {
                kept = KeptHTML(utf8: html)
            } else if let spill, let range = spill.write(utf8: [html])?.first {
                kept = KeptHTML(spill: spill, range: range)
            }
        }
        let articleBody = ArticleBody(
            markdown: split.body, endOf: file, renderer: renderer, isPublishedAsWritten: isPublishedAsWritten,
            html: kept)
        body.markdown = ""
        body.html = ""
        var article = ParsedArticle(
            sourcePath: file.path, format: .markdown, title: title, date: date, updated: fields.updated,
            slug: fields.slug ?? Slug(deriving: title), summary: fields.summary, leaderRefs: fields.leaders,
            topicRefs: fields.topics, source: fields.source, author: fields.author, image: fields.image,
            isDraft: fields.isDraft, body: body, articleBody: articleBody)
        article.wordCount = wordCount
        return ParseOutcome(value: article, diagnostics: reader.diagnostics)
    }
}

/// The optional front matter keys shared by Markdown and raw articles.
struct ArticleFields {
    var date: NewsDate?
    var updated: NewsDate?
    var slug: Slug?
    var summary: String?
    var leaders: [Located<String>]?
    var topics: [Located<String>]?
    var source: ArticleSourceLink?
    var author: String?
    var image: String?
    var isDraft = false

    init(reading reader: inout FrontMatterReader) {
        date = reader.date("date")
        updated = reader.date("updated")
        summary = reader.string("summary")
        leaders = reader.strings("leaders")
        topics = reader.strings("topics")
        author = reader.string("author")
        image = reader.checkedLink(reader.string("image"), key: "image", at: reader.location(of: "image"))
        isDraft = reader.bool("draft") ?? false
        if let text = reader.string("slug") {
            slug = Slug(validating: text)
            if slug == nil {
                reader.diagnostics.append(SitegenError(.invalidSlug(text), at: reader.location(of: "slug")))
            }
        }
        if let mapping = reader.textMapping("source", keys: ["name", "url"]) {
            if let name = mapping["name"] {
                let url = reader.checkedLink(mapping["url"], key: "source.url", at: reader.location(of: "url", in: "source"))
                source = ArticleSourceLink(name: name, url: url)
            } else {
                reader.diagnostics.append(SitegenError(
                    .wrongType(key: "source", expected: "a mapping with 'name' and 'url'"), at: reader.location(of: "source")))
            }
        }
    }
}

extension ParseOutcome: Sendable where Value: Sendable {}
