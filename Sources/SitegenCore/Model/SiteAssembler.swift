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
            for handle in Self.handles(handles.keys, foundIn: article.title + "\n" + article.body.plainText) {
                counts[handles[handle]!, default: 0] += 1
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

    /// The handles (lowercased) that `contains(handle:in:)` finds in `text.lowercased()`,
    /// decided on the text's bytes where they can decide, and by lowercasing the text and
    /// Foundation's search where they cannot.
    ///
    /// Those two are slow: about 200 µs to lowercase a 5 KB body (it is not all ASCII) and
    /// 80 µs per handle searched, for every article whose leaders are inferred. With 40
    /// leaders with a handle each, the Model stage of 10,000 articles took 3.5–3.8 s instead of
    /// 0.16 s. The bytes decide when they show what Foundation would find:
    /// - lowercasing makes ASCII out of no character but ASCII, U+0130 and U+212A, so a text
    ///   with neither holds a lowercased ASCII handle only where its bytes hold it, ASCII case
    ///   aside (a text with either is left to Foundation);
    /// - Foundation's search matches canonically equivalent text, which for ASCII characters
    ///   means themselves, but for `;` and `` ` `` (also U+037E and U+1FEF), so a handle of
    ///   printable ASCII without those is found only where its bytes are (any other is left to
    ///   Foundation);
    /// - where an occurrence touches a byte that is not ASCII (a combining mark after it, a
    ///   character before it that joins the next), whether Foundation sees it is left to
    ///   Foundation (`occurrence(ofLowercasedASCII:in:)`).
    static func handles(_ handles: some Collection<String>, foundIn text: String) -> [String] {
        var found: [String] = []
        var undecided: [String] = []
        let decided = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !Self.lowercasesToASCII(bytes) else { return false }
            for handle in handles {
                let needle = Array(handle.utf8)
                guard !needle.isEmpty,
                    needle.allSatisfy({ $0 &- 0x20 < 0x5F && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") })
                else {
                    undecided.append(handle)
                    continue
                }
                switch Self.occurrence(ofLowercasedASCII: needle, in: bytes) {
                case true?: found.append(handle)
                case false?: break
                case nil: undecided.append(handle)
                }
            }
            return true
        }
        if decided != true { (found, undecided) = ([], Array(handles)) }
        guard !undecided.isEmpty else { return found }
        let lowered = text.lowercased()
        return found + undecided.filter { Self.contains(handle: $0, in: lowered) }
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

    /// Whether `needle` (lowercased printable ASCII) occurs in `bytes`, ASCII case aside, not
    /// followed by a letter, digit or `_`, looked for as `contains(handle:in:)` looks: after
    /// an occurrence followed by one, on from its end. Nil when an occurrence it looks at has
    /// a byte that is not ASCII just after it (a combining mark makes the next character
    /// another), or after the `_` that follows it (`_` with a mark is not `_`), or just before
    /// it (a precaution: for the characters the test tries there, Foundation finds it too).
    private static func occurrence(ofLowercasedASCII needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var start = 0
        while let at = firstOccurrence(ofLowercasedASCII: needle, in: bytes, from: start) {
            let end = at + needle.count
            if at > 0, bytes[at - 1] >= 0x80 { return nil }
            guard end < bytes.count else { return true }
            let next = bytes[end]
            if next >= 0x80 { return nil }
            let isHandleCharacter =
                (next | 0x20) &- 0x61 < 26 || next &- 0x30 < 10 || next == UInt8(ascii: "_")
            guard isHandleCharacter else { return true }
            if next == UInt8(ascii: "_"), end + 1 < bytes.count, bytes[end + 1] >= 0x80 { return nil }
            start = end
        }
        return false
    }

    /// Where `needle` (lowercased ASCII) first occurs in `bytes` from `start` on, with ASCII
    /// letters in any case.
    private static func firstOccurrence(
        ofLowercasedASCII needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard let base = bytes.baseAddress, needle.count <= bytes.count - start else { return nil }
        func matches(_ byte: UInt8, _ wanted: UInt8) -> Bool {
            byte == wanted || (byte | 0x20 == wanted && wanted &- 0x61 < 26)
        }
        let first = needle[0]
        let last = bytes.count - needle.count
        var at = start
        while at <= last {
            if first &- 0x61 >= 26 {
                // Not a letter (a handle's `@`): `memchr` finds the candidates.
                guard let hit = memchr(base + at, Int32(first), last - at + 1) else { return nil }
                at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            } else if !matches(bytes[at], first) {
                at += 1
                continue
            }
            if (1..<needle.count).allSatisfy({ matches(bytes[at + $0], needle[$0]) }) { return at }
            at += 1
        }
        return nil
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
