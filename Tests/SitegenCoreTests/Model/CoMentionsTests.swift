import Testing
@testable import SitegenCore

struct CoMentionsTests {
    /// The rule, written the plain way for one leader or topic: over each of its articles (once
    /// per time the article names it), count every id of the other kind's list, or of the same
    /// kind's but itself; most often first, then by id.
    static func reference(
        _ site: Site, articlesOf indexes: [Int], ids: (Article) -> [Slug], excluding: Slug?, limit: Int = 8
    ) -> [String] {
        var counts: [Slug: Int] = [:]
        for index in indexes {
            for id in ids(site.articles[index]) where id != excluding { counts[id, default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { "\($0.key.rawValue) \($0.value)" }
    }

    @Test func countsWhatTheRuleSaysForEveryLeaderAndTopic() {
        var news = SyntheticNews()
        let site = news.site(articles: 600)
        let counts = CoMentions(articles: site.articles)
        func shown(_ kind: CoMentions.Kind, _ id: Slug) -> [String] {
            counts.ranked(kind, of: id, limit: 8).map { "\($0.id.rawValue) \($0.count)" }
        }
        var ties = 0
        for leader in site.leaders {
            let indexes = site.articlesByLeader[leader.id] ?? []
            let beside = Self.reference(site, articlesOf: indexes, ids: \.leaderIDs, excluding: leader.id)
            #expect(shown(.leadersBesideLeader, leader.id) == beside, "\(leader.id)")
            #expect(shown(.topicsOfLeader, leader.id) == Self.reference(site, articlesOf: indexes, ids: \.topicIDs, excluding: nil))
            let numbers = beside.map { $0.split(separator: " ").last! }
            ties += zip(numbers, numbers.dropFirst()).filter { $0 == $1 }.count
        }
        for topic in site.topics {
            let indexes = site.articlesByTopic[topic.id] ?? []
            #expect(shown(.leadersOfTopic, topic.id) == Self.reference(site, articlesOf: indexes, ids: \.leaderIDs, excluding: nil))
            #expect(
                shown(.topicsBesideTopic, topic.id)
                    == Self.reference(site, articlesOf: indexes, ids: \.topicIDs, excluding: topic.id), "\(topic.id)")
        }
        // Counted among one leader's or topic's own articles alone (as an edit build does), its
        // rankings are the same.
        for leader in site.leaders.prefix(5) {
            let own = CoMentions(articles: (site.articlesByLeader[leader.id] ?? []).map { site.articles[$0] })
            for kind in [CoMentions.Kind.leadersBesideLeader, .topicsOfLeader] {
                #expect(own.ranked(kind, of: leader.id, limit: 8).map { "\($0.id.rawValue) \($0.count)" } == shown(kind, leader.id))
            }
        }
        for topic in site.topics.prefix(5) {
            let own = CoMentions(articles: (site.articlesByTopic[topic.id] ?? []).map { site.articles[$0] })
            for kind in [CoMentions.Kind.leadersOfTopic, .topicsBesideTopic] {
                #expect(own.ranked(kind, of: topic.id, limit: 8).map { "\($0.id.rawValue) \($0.count)" } == shown(kind, topic.id))
            }
        }
        // Equal counts are ordered by id: the corpus has some.
        #expect(ties > 5)
        #expect(counts.ranked(.leadersBesideLeader, of: Slug(validating: "nobody")!, limit: 8).isEmpty)
    }

    /// Page contexts keep their co-mentions while articles keep their leaders and topics (a
    /// `serve` session's edit builds), and count them again when one changes them.
    @Test func contextsCountAgainWhenAnArticleChangesItsLeaders() {
        var news = SyntheticNews()
        let site = news.site(articles: 200)
        var contexts = PageContexts(site: site, generator: "test")
        let kept = contexts.coMentionCounts
        let first = site.articles[0]
        func copy(of article: Article, leaders: [Slug]) -> Article {
            let parsed = ParsedArticle(
                sourcePath: article.sourcePath, format: .markdown, title: article.title + " again", date: article.date,
                updated: nil, slug: article.slug, summary: article.summary, leaderRefs: nil, topicRefs: nil, source: nil,
                author: nil, image: nil, isDraft: false, body: SearchSite.renderer.render("Text."),
                articleBody: ArticleBody(
                    markdown: "Text.", endOf: SourceFile(path: article.sourcePath, text: "Text."),
                    renderer: SearchSite.renderer, isPublishedAsWritten: true))
            return Article(parsed, leaderIDs: leaders, topicIDs: article.topicIDs)
        }
        contexts.replaceArticles([0: copy(of: first, leaders: first.leaderIDs)])
        #expect(contexts.coMentionCounts === kept)
        let other = site.leaders.map(\.id).first { !first.leaderIDs.contains($0) }!
        contexts.replaceArticles([0: copy(of: first, leaders: first.leaderIDs + [other])])
        #expect(contexts.coMentionCounts !== kept)
        let fresh = CoMentions(articles: contexts.site.articles)
        for leader in site.leaders {
            #expect(
                contexts.coMentionCounts.value.ranked(.leadersBesideLeader, of: leader.id, limit: 8).map(\.count)
                    == fresh.ranked(.leadersBesideLeader, of: leader.id, limit: 8).map(\.count))
        }
        #expect(fresh.ranked(.leadersBesideLeader, of: other, limit: 40).contains { first.leaderIDs.contains($0.id) })
    }
}
