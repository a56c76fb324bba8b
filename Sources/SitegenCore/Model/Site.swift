/// The checked model of the whole site: every article, leader and topic, with the
/// indexes the pages need. Built once per build; never mutated.
struct Site: Sendable {
    let config: SiteConfig
    /// Newest first; ties by slug.
    let articles: [Article]
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

    func leader(_ id: Slug) -> Leader? { leaderIndex[id].map { leaders[$0] } }
    func topic(_ id: Slug) -> Topic? { topicIndex[id].map { topics[$0] } }

    private let leaderIndex: [Slug: Int]
    private let topicIndex: [Slug: Int]

    init(config: SiteConfig, articles: [Article], leaders: [Leader], topics: [Topic], now: NewsDate?) {
        self.config = config
        self.articles = articles.sorted(by: Article.newestFirst)
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
        self.now = now ?? self.articles.first?.date ?? NewsDate(year: 1970, month: 1, day: 1)
    }
}
