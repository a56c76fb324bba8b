/// A line of a raw text's body and where its text starts in the file.
struct RawLine {
    var text: Substring
    /// The 1-based file line.
    var line: Int
    /// Characters of the file line before `text` (the date word on the first line).
    var columnOffset: Int
}

/// A paragraph of a raw text: its lines trimmed and joined by single spaces.
struct RawParagraph: Hashable {
    var text: String
    /// Where its first character is.
    var location: SourceLocation
}

/// A block of a raw article's body, in reading order.
enum RawBlock: Hashable {
    case paragraph(RawParagraph)
    case post(SocialPost)
}

extension RawTextParser {
    /// A post may run over at most this many paragraphs from its opening line to its signature.
    static let maximumPostParagraphs = 10

    /// Splits lines into paragraphs at blank lines. A line that starts with an announcement
    /// or author line also starts a paragraph, and one that ends with a signature ends it, so
    /// that posts pasted without blank lines around them are still found.
    static func paragraphs(of lines: [RawLine], path: String) -> [RawParagraph] {
        var result: [RawParagraph] = []
        var texts: [Substring] = []
        var start: SourceLocation?
        func flush() {
            if let start, !texts.isEmpty {
                result.append(RawParagraph(text: texts.joined(separator: " "), location: start))
            }
            texts = []
            start = nil
        }
        for line in lines {
            let leading = line.text.prefix(while: { $0.isWhitespace }).count
            let text = line.text.trimmingWhitespace
            if text.isEmpty {
                flush()
                continue
            }
            if !texts.isEmpty,
                RawPostSyntax.announcement(startingWith: text) != nil
                    || RawPostSyntax.authorLine(startingWith: text) != nil
            {
                flush()
            }
            if start == nil {
                start = SourceLocation(path: path, line: line.line, column: line.columnOffset + leading + 1)
            }
            texts.append(text)
            if RawPostSyntax.signature(endingWith: text) != nil { flush() }
        }
        flush()
        return result
    }

    /// Groups paragraphs into plain paragraphs and posts (DESIGN §2.3).
    ///
    /// - A paragraph that ends with a signature is a post.
    /// - A paragraph that starts with an announcement and/or an author line opens a post; an
    ///   announcement alone in its paragraph may be followed by an author line paragraph, which
    ///   joins it. The post's text is the rest of that paragraph and, when a signature follows
    ///   within `maximumPostParagraphs` paragraphs and before the next opening line, every
    ///   paragraph up to and including the signed one (a multi-paragraph post). Without such a
    ///   signature the post is one paragraph long: the opener's own text, or the next
    ///   paragraph when the opener stands alone.
    /// - An opening line that nothing follows stays a plain paragraph, so no text is lost.
    static func blocks(of paragraphs: [RawParagraph]) -> [RawBlock] {
        let items = paragraphs.map(Marked.init)
        var blocks: [RawBlock] = []
        var index = 0
        while index < items.count {
            let item = items[index]
            guard item.isOpener else {
                if let signature = item.signature {
                    let location = item.paragraph.location
                    let post = post(texts: [signature.text], signature: signature, at: location)
                    blocks.append(.post(post))
                } else {
                    blocks.append(.paragraph(item.paragraph))
                }
                index += 1
                continue
            }
            var opener = item
            var texts = item.body.isEmpty ? [] : [item.body]
            var consumed = [item.paragraph]
            var next = index + 1
            if opener.signature == nil, texts.isEmpty, opener.authorLine == nil, next < items.count,
                items[next].announcement == nil, let line = items[next].authorLine
            {
                opener.authorLine = line
                opener.signature = items[next].signature
                if !items[next].body.isEmpty { texts.append(items[next].body) }
                consumed.append(items[next].paragraph)
                next += 1
            }
            if opener.signature == nil, let end = closingSignature(in: items, from: next) {
                for item in items[next...end] where !item.body.isEmpty { texts.append(item.body) }
                consumed += items[next...end].map(\.paragraph)
                opener.signature = items[end].signature
                next = end + 1
            } else if opener.signature == nil, texts.isEmpty, next < items.count, !items[next].isOpener {
                texts.append(items[next].body)
                consumed.append(items[next].paragraph)
                next += 1
            }
            if texts.isEmpty, opener.signature == nil {
                blocks += consumed.map(RawBlock.paragraph)
            } else {
                let post = post(
                    texts: texts, announcement: opener.announcement, authorLine: opener.authorLine,
                    signature: opener.signature, at: item.paragraph.location)
                blocks.append(.post(post))
            }
            index = next
        }
        return blocks
    }

    /// The index of the first signed paragraph from `start`, if it comes before any opener
    /// and within `maximumPostParagraphs`.
    private static func closingSignature(in items: [Marked], from start: Int) -> Int? {
        for index in start..<min(items.count, start + maximumPostParagraphs) {
            if items[index].isOpener { return nil }
            if items[index].signature != nil { return index }
        }
        return nil
    }

    /// Builds a post, deciding whose it is.
    ///
    /// The signature is the author's own when there is no announcement or author line, when
    /// its handle is the announced one, or when its name matches the author line's
    /// (`SocialPost.matchKey`); then it fills in what the openers leave out. Otherwise it
    /// names an account that shared the text (`SocialPost.sharedBy`), and the author is who
    /// the openers say.
    static func post(
        texts: [String], announcement: RawPostSyntax.Announcement? = nil,
        authorLine: RawPostSyntax.AuthorLine? = nil,
        signature: RawPostSyntax.Signature?, at location: SourceLocation
    ) -> SocialPost {
        let account = signature?.account
        var isOwn = account != nil && announcement == nil && authorLine == nil
        if let account, let announcement, account.handle.lowercased() == announcement.handle.lowercased() {
            isOwn = true
        }
        if let account, let name = account.name, let authorLine,
            SocialPost.matchKey(name) == SocialPost.matchKey(authorLine.name)
        {
            isOwn = true
        }
        let own = isOwn ? account : nil
        return SocialPost(
            authorName: authorLine?.name ?? own?.name,
            handle: announcement?.handle ?? own?.handle,
            platform: announcement?.platform,
            platformLabel: announcement?.label,
            date: authorLine != nil ? authorLine?.date : own?.date,
            dateText: authorLine?.dateText ?? own?.dateText,
            time: authorLine?.time,
            text: texts.filter { !$0.isEmpty }.joined(separator: "\n\n"),
            signature: account,
            location: location)
    }
}

/// A paragraph with the post lines it starts or ends with.
private struct Marked {
    var paragraph: RawParagraph
    var announcement: RawPostSyntax.Announcement?
    var authorLine: RawPostSyntax.AuthorLine?
    var signature: RawPostSyntax.Signature?
    /// The text between the opening lines and the signature.
    var body: String

    var isOpener: Bool { announcement != nil || authorLine != nil }

    init(_ paragraph: RawParagraph) {
        self.paragraph = paragraph
        var rest = Substring(paragraph.text)
        if let (announcement, after) = RawPostSyntax.announcement(startingWith: rest) {
            self.announcement = announcement
            rest = after
        }
        if let (line, after) = RawPostSyntax.authorLine(startingWith: rest) {
            authorLine = line
            rest = after
        }
        signature = RawPostSyntax.signature(endingWith: rest)
        body = signature?.text ?? String(rest.trimmingWhitespace)
    }
}
