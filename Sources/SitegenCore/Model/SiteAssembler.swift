import Foundation

/// The Model stage: checks references between articles, leaders and topics, infers the
/// missing ones, finds duplicate URLs, and builds the `Site`.
struct SiteAssembler {
    var config: SiteConfig
    var includeDrafts: Bool
    var now: NewsDate?

    func assemble(articles parsed: [ParsedArticle], leaders: [Leader], topics: [Topic]) -> (Site, [SitegenError]) {
        let checker = ArticleChecker(assembler: self, leaders: leaders, topics: topics)
        // Each article on its own, on every core: ids checked or inferred, the Article made.
        return assemble(checked: parsed.concurrentMap(checker.check), leaders: leaders, topics: topics)
    }

    /// The model from articles already checked one by one (`ArticleChecker.check`), in file
    /// order, so the first of two articles with one URL keeps it.
    func assemble(checked: [CheckedArticle], leaders: [Leader], topics: [Topic]) -> (Site, [SitegenError]) {
        var diagnostics: [SitegenError] = []
        var articles: [Article] = []
        articles.reserveCapacity(checked.count)
        var urls: [String: String] = [:]
        for (article, articleDiagnostics) in checked {
            diagnostics += articleDiagnostics
            guard let article else { continue }
            let url = Route.article(article.date, article.slug).path
            if let first = urls[url] {
                diagnostics.append(SitegenError(.duplicateURL("/" + url, firstDefinedAt: first), at: SourceLocation(path: article.sourcePath)))
                continue
            }
            urls[url] = article.sourcePath
            articles.append(article)
        }
        let site = Site(config: config, articles: articles, leaders: leaders, topics: topics, now: now)
        return (site, diagnostics)
    }

    /// One article checked: the Article (nil for a skipped draft) and its diagnostics.
    typealias CheckedArticle = (article: Article?, diagnostics: [SitegenError])

    /// Checks articles one at a time against the site's leaders and topics.
    struct ArticleChecker: Sendable {
        let assembler: SiteAssembler
        let leaderIDs: Set<String>, topicIDs: Set<String>
        let leaderMatcher: PhraseMatcher, topicMatcher: PhraseMatcher
        let handles: [String: Slug]

        init(assembler: SiteAssembler, leaders: [Leader], topics: [Topic]) {
            self.assembler = assembler
            leaderIDs = Set(leaders.map(\.id.rawValue))
            topicIDs = Set(topics.map(\.id.rawValue))
            leaderMatcher = PhraseMatcher(leaders.map { ($0.id, $0.aliases) })
            topicMatcher = PhraseMatcher(topics.map { ($0.id, $0.keywords) })
            handles = Dictionary(
                leaders.flatMap { leader in leader.handles.map { ($0.lowercased(), leader.id) } }, uniquingKeysWith: { a, _ in a })
        }

        /// Leader and topic ids checked, or inferred when absent; drafts skipped with a warning.
        func check(_ article: ParsedArticle) -> CheckedArticle {
            if article.isDraft && !assembler.includeDrafts {
                return (nil, [.warning(.draftSkipped, at: SourceLocation(path: article.sourcePath))])
            }
            var diagnostics: [SitegenError] = []
            let listedLeaders = assembler.resolve(article.leaderRefs, known: leaderIDs, diagnostics: &diagnostics) {
                .unknownLeader($0, hint: $1)
            }
            let listedTopics = assembler.resolve(article.topicRefs, known: topicIDs, diagnostics: &diagnostics) {
                .unknownTopic($0, hint: $1)
            }
            lazy var words = ArticleWords(article)  // split once, if at all, for leaders and topics alike
            let leaders = listedLeaders ?? assembler.inferLeaders(article, words: words, matcher: leaderMatcher, handles: handles)
            let topics = listedTopics ?? assembler.inferTopics(words: words, matcher: topicMatcher)
            return (Article(article, leaderIDs: leaders, topicIDs: topics), diagnostics)
        }
    }

    /// Checks listed ids; nil when the front matter did not list any (so they are inferred).
    fileprivate func resolve(
        _ refs: [Located<String>]?, known: Set<String>, diagnostics: inout [SitegenError],
        reason: (String, String) -> SitegenError.Reason
    ) -> [Slug]? {
        guard let refs else { return nil }
        var ids: [Slug] = []
        for ref in refs {
            guard known.contains(ref.value), let id = Slug(validating: ref.value) else {
                diagnostics.append(SitegenError(reason(ref.value, Suggestion.hint(for: ref.value, known: Array(known))), at: ref.location))
                continue
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// An article's title and body text split into words, for inference.
    fileprivate struct ArticleWords {
        var title: TextWords
        var body: TextWords

        init(_ article: ParsedArticle) {
            title = TextWords(article.title)
            body = TextWords(article.body.plainText)
        }
    }

    /// Leaders named by an alias in the title or body, or by a handle; most mentioned first.
    fileprivate func inferLeaders(
        _ article: ParsedArticle, words: ArticleWords, matcher: PhraseMatcher, handles: [String: Slug]
    ) -> [Slug] {
        var counts = matcher.counts(in: words.title)
        for (id, count) in matcher.counts(in: words.body) { counts[id, default: 0] += count }
        for post in article.posts {
            if let handle = post.handle?.lowercased(), let id = handles[handle] { counts[id, default: 0] += 1 }
        }
        if !handles.isEmpty {
            let text = article.title + "\n" + article.body.plainText
            let candidates = Self.handles(handles.keys, mayOccurIn: text)
            if !candidates.isEmpty {
                let lowered = text.lowercased()
                for handle in candidates where Self.contains(handle: handle, in: lowered) {
                    counts[handles[handle]!, default: 0] += 1
                }
            }
        }
        return Self.ranked(counts)
    }

    /// Topics whose keywords occur once in the title or `topic_min_mentions` times in the body.
    fileprivate func inferTopics(words: ArticleWords, matcher: PhraseMatcher) -> [Slug] {
        let inTitle = matcher.counts(in: words.title)
        var counts = matcher.counts(in: words.body)
        counts = counts.filter { $0.value >= config.topicMinMentions || inTitle[$0.key] != nil }
        for (id, count) in inTitle { counts[id, default: 0] += count }
        return Self.ranked(counts)
    }

    /// The handles (lowercased) that `contains(handle:in:)` may find in `text.lowercased()`:
    /// every one but those whose bytes are nowhere in the text's, ASCII case aside.
    ///
    /// That search (Foundation's) and the lowercasing are slow: about 80 µs per handle and
    /// 200 µs per text for a 5 KB body, for every article whose leaders are inferred. With 40
    /// leaders with a handle each, the Model stage of 10,000 articles took 3.5–3.8 s instead of
    /// 0.16 s. Looking at the bytes first leaves both for the few articles that may hold a
    /// handle. The bytes decide only where they can: lowercasing makes ASCII out of no other
    /// character than ASCII, U+0130 and U+212A (a text with either is never ruled out), and
    /// Foundation's search matches canonically equivalent text, which for ASCII characters
    /// means themselves, but for `;` and `` ` `` (also U+037E and U+1FEF); a handle with
    /// those, or with other characters, is always searched.
    static func handles(_ handles: some Collection<String>, mayOccurIn text: String) -> [String] {
        let decided = text.utf8.withContiguousStorageIfAvailable { bytes -> [String] in
            guard !Self.lowercasesToASCII(bytes) else { return Array(handles) }
            return handles.filter { handle in
                let needle = Array(handle.utf8)
                guard !needle.isEmpty,
                    needle.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") })
                else { return true }
                return Self.occurs(lowercasedASCII: needle, in: bytes)
            }
        }
        return decided ?? Array(handles)
    }

    /// Whether `bytes` hold U+0130 or U+212A, the only characters besides ASCII whose
    /// lowercase has ASCII in it (`i` and `k`).
    private static func lowercasesToASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        for (lead, rest) in [(UInt8(0xC4), [UInt8(0xB0)]), (UInt8(0xE2), [UInt8(0x84), 0xAA])] {
            var start = 0
            while start < bytes.count, let hit = memchr(base + start, Int32(lead), bytes.count - start) {
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if at + rest.count < bytes.count, rest.indices.allSatisfy({ bytes[at + 1 + $0] == rest[$0] }) {
                    return true
                }
                start = at + 1
            }
        }
        return false
    }

    /// Whether `needle` (lowercased ASCII) occurs in `bytes` with ASCII letters in any case.
    private static func occurs(lowercasedASCII needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= bytes.count else { return false }
        func matches(_ byte: UInt8, _ wanted: UInt8) -> Bool {
            byte == wanted || (byte | 0x20 == wanted && wanted &- 0x61 < 26)
        }
        let first = needle[0]
        let last = bytes.count - needle.count
        var at = 0
        while at <= last {
            if first &- 0x61 >= 26 {
                // Not a letter (a handle's `@`): `memchr` finds the candidates.
                guard let hit = memchr(bytes.baseAddress! + at, Int32(first), last - at + 1) else { return false }
                at = UnsafeRawPointer(bytes.baseAddress!).distance(to: UnsafeRawPointer(hit))
            } else if !matches(bytes[at], first) {
                at += 1
                continue
            }
            if (1..<needle.count).allSatisfy({ matches(bytes[at + $0], needle[$0]) }) { return true }
            at += 1
        }
        return false
    }

    /// Whether `handle` occurs in `text` not followed by another handle character.
    static func contains(handle: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: handle, range: searchStart..<text.endIndex) {
            let next = text[range.upperBound...].first
            if next.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return true }
            searchStart = range.upperBound
        }
        return false
    }

    private static func ranked(_ counts: [Slug: Int]) -> [Slug] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
