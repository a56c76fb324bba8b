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
        var urls = [String: String](minimumCapacity: checked.count)  // sized once, not rehashed about 15 times on the way to 50,000
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
        let handleSearch: HandleSearch

        init(assembler: SiteAssembler, leaders: [Leader], topics: [Topic]) {
            self.assembler = assembler
            leaderIDs = Set(leaders.map(\.id.rawValue))
            topicIDs = Set(topics.map(\.id.rawValue))
            leaderMatcher = PhraseMatcher(leaders.map { ($0.id, $0.aliases) })
            topicMatcher = PhraseMatcher(topics.map { ($0.id, $0.keywords) })
            handles = Dictionary(
                leaders.flatMap { leader in leader.handles.map { ($0.lowercased(), leader.id) } }, uniquingKeysWith: { a, _ in a })
            handleSearch = HandleSearch(handles.keys)
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
            let leaders = listedLeaders ?? assembler.inferLeaders(
                article, words: words, matcher: leaderMatcher, handles: handles, handleSearch: handleSearch)
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
        _ article: ParsedArticle, words: ArticleWords, matcher: PhraseMatcher, handles: [String: Slug],
        handleSearch: HandleSearch
    ) -> [Slug] {
        var counts = matcher.counts(in: words.title)
        for (id, count) in matcher.counts(in: words.body) { counts[id, default: 0] += count }
        for post in article.posts {
            if let handle = post.handle?.lowercased(), let id = handles[handle] { counts[id, default: 0] += 1 }
        }
        if !handles.isEmpty {
            for handle in handleSearch.handles(foundIn: article.title + "\n" + words.body.text) {
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

    private static func ranked(_ counts: [Slug: Int]) -> [Slug] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
