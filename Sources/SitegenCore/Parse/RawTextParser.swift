import Foundation
import MarkdownHTML

/// Parses a raw news text (`.txt`, DESIGN §2.3) into an article.
///
/// The text starts with `date YYYY-MM-DD` and the first paragraph on the same line, or with a
/// YAML front matter block that gives the date (then a date word may still stand first; the
/// front matter's date wins). Paragraphs are separated by blank lines; the lines of a
/// paragraph are joined with single spaces. Embedded social posts become quoted cards (see
/// `blocks(of:)` and `RawPostCard`). Nothing is interpreted as Markdown or HTML.
///
/// Decisions where the format is silent:
/// - The date word is `date` in any case, optionally followed by `:`, on the first non-blank
///   line. A non-date token after it (`date palms …`) is taken as text when front matter gives
///   the date, and reported as an invalid date otherwise.
/// - The title, unless front matter gives one, comes from the first block that has text: a
///   plain paragraph, or a post's text when the article opens with a post (so the signature
///   never ends up in the title); a block that gives no title (only a link) passes to the
///   next. When no block has text but there is a post, the title is
///   `Post by <name or handle>`. A file with only a date line, and no front matter title, is
///   an error (`missingRawText`) pointing just after the date: an empty article is far more
///   likely a truncated paste than something to publish.
/// - `body.firstParagraph`, from which `Article` derives the summary, is the text of the
///   first block that has text.
struct RawTextParser {
    /// The bytes of derived bodies this build's Parse may keep in memory (shared with the
    /// Markdown bodies' HTML), and where the others go; without either, every body is kept.
    var keptHTML: KeptHTML.Budget? = nil
    var spill: BodySpill? = nil

    func parse(_ file: SourceFile) -> ParseOutcome<ParsedArticle> {
        let file = Self.normalized(file)
        let split: SplitSource
        do {
            split = try FrontMatterParser().parse(file)
        } catch {
            return ParseOutcome(diagnostics: [error])
        }
        var reader = FrontMatterReader(split.frontMatter)
        let fields = ArticleFields(reading: &reader)
        let frontTitle = reader.string("title")
        if let frontTitle, frontTitle.trimmingCharacters(in: .whitespaces).isEmpty {
            reader.diagnostics.append(SitegenError(.emptyTitle, at: reader.location(of: "title")))
        }
        reader.warnAboutUnknownKeys(allowed: ArticleParser.keys)
        var diagnostics = reader.diagnostics
        let hasFrontMatterDate = split.frontMatter["date"] != nil

        var lines = split.body.lines.enumerated().map { offset, text in
            RawLine(text: text, line: split.bodyStartLine + offset, columnOffset: 0)
        }
        let dateWord = DateWord(in: &lines, path: file.path, acceptingAnyToken: !hasFrontMatterDate)
        if let dateWord, dateWord.date == nil {
            diagnostics.append(SitegenError(.invalidDate(dateWord.token), at: dateWord.location))
        } else if dateWord == nil, !hasFrontMatterDate {
            diagnostics.append(SitegenError(.missingDateLine, at: SourceLocation(path: file.path)))
        }

        let blocks = Self.blocks(of: Self.paragraphs(of: lines, path: file.path))
        let texts = Self.texts(of: blocks)
        let lead = texts.first
        let title =
            frontTitle ?? texts.lazy.compactMap { RawTitle.derive(from: $0) }.first
            ?? Self.fallbackTitle(blocks)
        if title == nil, !diagnostics.contains(where: { $0.severity == .error }) {
            let location = dateWord?.end ?? SourceLocation(path: file.path, line: split.bodyStartLine)
            diagnostics.append(SitegenError(.missingRawText, at: location))
        }
        guard let title, let date = fields.date ?? dateWord?.date,
            !diagnostics.contains(where: { $0.severity == .error })
        else {
            return ParseOutcome(diagnostics: diagnostics)
        }
        // The HTML and Markdown made here are not the file's text, and making them again would
        // cost a parse per use: they are kept in memory while the build's budget lasts, and
        // past it written to its spill and read back when asked for (`ArticleBody`).
        let (body, markdown) = Self.render(blocks, firstParagraph: lead ?? "")
        let articleBody = ArticleBody(html: body.html, markdown: markdown, budget: keptHTML, spill: spill, path: file.path)
        let article = ParsedArticle(
            sourcePath: file.path, format: .raw, title: title, date: date, updated: fields.updated,
            slug: fields.slug ?? Slug(deriving: title), summary: fields.summary, leaderRefs: fields.leaders,
            topicRefs: fields.topics, source: fields.source, author: fields.author, image: fields.image,
            isDraft: fields.isDraft, body: body, articleBody: articleBody,
            posts: blocks.compactMap { if case .post(let post) = $0 { post } else { nil } })
        return ParseOutcome(value: article, diagnostics: diagnostics)
    }

    /// The body as rendered HTML with its text, and as Markdown that renders to the same text.
    static func render(_ blocks: [RawBlock], firstParagraph: String) -> (RenderedMarkdown, String) {
        var html = ""
        html.reserveCapacity(blocks.reduce(0) { total, block in
            if case .paragraph(let paragraph) = block { return total + paragraph.text.utf8.count + 8 }
            return total + 512
        })
        var texts: [String] = []
        var markdown: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                html += "<p>"
                html += HTMLText.escape(paragraph.text)
                html += "</p>\n"
                texts.append(paragraph.text)
                markdown.append(MarkdownText.line(paragraph.text))
            case .post(let post):
                let card = RawPostCard(post: post)
                html += card.html
                texts.append(card.plainText)
                markdown.append(card.markdown)
            }
        }
        let body = RenderedMarkdown(
            html: html, plainText: texts.joined(separator: "\n\n"), firstParagraph: firstParagraph)
        return (body, markdown.isEmpty ? "" : markdown.joined(separator: "\n\n") + "\n")
    }

    /// The text of each block that has any: a paragraph, or a post's paragraphs joined.
    static func texts(of blocks: [RawBlock]) -> [String] {
        blocks.compactMap { block in
            switch block {
            case .paragraph(let paragraph): return paragraph.text
            case .post(let post): return post.text.isEmpty ? nil : post.paragraphs.joined(separator: " ")
            }
        }
    }

    /// `Post by <name or handle>` for an article that has posts but no text.
    private static func fallbackTitle(_ blocks: [RawBlock]) -> String? {
        for case .post(let post) in blocks {
            if let who = post.authorName ?? post.handle ?? post.signature?.name ?? post.signature?.handle {
                return "Post by \(who)"
            }
        }
        return nil
    }

    /// The file with a byte order mark and CR line endings removed, as `SourceFile.decode`
    /// does, for texts that did not come through the loader.
    private static func normalized(_ file: SourceFile) -> SourceFile {
        var text = file.text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.withContiguousStorageIfAvailable({ $0.contains(13) }) ?? text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
                of: "\r", with: "\n")
        }
        return SourceFile(path: file.path, text: text)
    }
}

/// The `date YYYY-MM-DD` word at the start of a raw text.
struct DateWord {
    /// The token after `date`, as written.
    var token: String
    /// The parsed date; nil when the token is not a valid date.
    var date: NewsDate?
    /// Where the token starts.
    var location: SourceLocation
    /// Just after the token, where the first paragraph was expected.
    var end: SourceLocation

    /// Finds the date word on the first non-blank line and removes it from `lines`.
    /// A token that does not start with a digit counts only when `acceptingAnyToken`.
    init?(in lines: inout [RawLine], path: String, acceptingAnyToken: Bool) {
        guard let index = lines.firstIndex(where: { !$0.text.allSatisfy(\.isWhitespace) }) else { return nil }
        let line = lines[index].text
        let afterSpace = line.trimmingLeadingWhitespace
        guard afterSpace.prefix(4).lowercased() == "date" else { return nil }
        var rest = afterSpace.dropFirst(4)
        if rest.first == ":" { rest = rest.dropFirst() }
        guard let gap = rest.first, gap == " " || gap == "\t" else { return nil }
        rest = rest.trimmingLeadingWhitespace
        let token = rest.prefix(while: { !$0.isWhitespace })
        guard let first = token.first, first.isNumber || acceptingAnyToken else { return nil }
        let column = line.distance(from: line.startIndex, to: token.startIndex) + 1
        self.token = String(token)
        date = NewsDate(parsing: self.token)
        location = SourceLocation(path: path, line: lines[index].line, column: column)
        end = SourceLocation(path: path, line: lines[index].line, column: column + token.count)
        lines[index] = RawLine(
            text: rest[token.endIndex...], line: lines[index].line, columnOffset: column - 1 + token.count)
        lines.removeFirst(index)
    }
}
