/// The checked model of the whole site: every article, leader and topic, with the
/// indexes the pages need. Built once per build; only an edit build replaces an article
/// by a new version of itself (`replaceArticles(_:)`).
struct Site: Sendable {
    let config: SiteConfig
    /// Newest first; ties by slug.
    private(set) var articles: [Article]
    /// By name.
    let leaders: [Leader]
    /// By name.
    let topics: [Topic]
    /// Article indexes (into `articles`) per leader id, newest first.
    let articlesByLeader: [Slug: [Int]]
    /// Article indexes per topic id, newest first.
    let articlesByTopic: [Slug: [Int]]
    /// "Now": from the options, or the newest article's date.
    let now: NewsDate
    /// Embedded posts written by each leader (matched by handle, or by name and aliases),
    /// newest article first, as (article index, post index).
    let postsByLeader: [Slug: [(article: Int, post: Int)]]

    func leader(_ id: Slug) -> Leader? { leaderIndex[id].map { leaders[$0] } }
    func topic(_ id: Slug) -> Topic? { topicIndex[id].map { topics[$0] } }

    private let leaderIndex: [Slug: Int]
    private let topicIndex: [Slug: Int]

    init(config: SiteConfig, articles: [Article], leaders: [Leader], topics: [Topic], now: NewsDate?) {
        self.config = config
        // Sorted by index, so the comparisons read articles in place instead of moving them.
        self.articles = articles.indices.sorted { Article.newestFirst(articles[$0], articles[$1]) }.map { articles[$0] }
        self.leaders = leaders.sorted { ($0.name, $0.id.rawValue) < ($1.name, $1.id.rawValue) }
        self.topics = topics.sorted { ($0.name, $0.id.rawValue) < ($1.name, $1.id.rawValue) }
        leaderIndex = Dictionary(uniqueKeysWithValues: self.leaders.enumerated().map { ($1.id, $0) })
        topicIndex = Dictionary(uniqueKeysWithValues: self.topics.enumerated().map { ($1.id, $0) })
        var byLeader: [Slug: [Int]] = [:], byTopic: [Slug: [Int]] = [:]
        for (index, article) in self.articles.enumerated() {
            for id in article.leaderIDs { byLeader[id, default: []].append(index) }
            for id in article.topicIDs { byTopic[id, default: []].append(index) }
        }
        articlesByLeader = byLeader
        articlesByTopic = byTopic
        postsByLeader = Self.postsByLeader(articles: self.articles, leaders: self.leaders)
        self.now = now ?? self.articles.first?.date ?? NewsDate(year: 1970, month: 1, day: 1)
    }

    /// Replaces the articles at some indexes by new versions of themselves,
    /// each with the same date, slug, leaders, topics and posts as before, so the order and
    /// every index stay true (`SiteSession.textOnlyChange(from:to:)` checks that).
    mutating func replaceArticles(_ replacements: [Int: Article]) {
        for (index, article) in replacements { articles[index] = article }
    }

    /// Matches each post's handle (case-insensitive) or author name (folded, against the
    /// leader's name and aliases) with a leader.
    private static func postsByLeader(articles: [Article], leaders: [Leader]) -> [Slug: [(article: Int, post: Int)]] {
        var byHandle: [String: Slug] = [:], byName: [String: Slug] = [:]
        for leader in leaders {
            for handle in leader.handles { byHandle[handle.lowercased()] = byHandle[handle.lowercased()] ?? leader.id }
            for name in [leader.name] + leader.aliases where name.contains(" ") {
                let key = SocialPost.matchKey(name)
                byName[key] = byName[key] ?? leader.id
            }
        }
        var result: [Slug: [(article: Int, post: Int)]] = [:]
        for (articleIndex, article) in articles.enumerated() {
            for (postIndex, post) in article.posts.enumerated() {
                let id = post.handle.flatMap { byHandle[$0.lowercased()] }
                    ?? post.authorName.flatMap { byName[SocialPost.matchKey($0)] }
                if let id { result[id, default: []].append((articleIndex, postIndex)) }
            }
        }
        return result
    }
}
