import Testing
@testable import SitegenCore

struct RelatedArticlesTests {
    /// The rule, written the plain way: sum the weights of every shared leader (2) and topic (1)
    /// over each list's window, then sort by score, nearness in the archive and index.
    static func reference(_ site: Site, _ index: Int, window: Int = 20, limit: Int = 4) -> [Int] {
        let article = site.articles[index]
        var scores: [Int: Int] = [:]
        func consider(_ list: [Int]?, weight: Int) {
            guard let list, let position = list.firstIndex(of: index) else { return }
            for candidate in list[max(0, position - window)..<min(list.count, position + window + 1)] where candidate != index {
                scores[candidate, default: 0] += weight
            }
        }
        for id in article.leaderIDs { consider(site.articlesByLeader[id], weight: 2) }
        for id in article.topicIDs { consider(site.articlesByTopic[id], weight: 1) }
        return scores.sorted { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value > rhs.value }
            let left = abs(lhs.key - index), right = abs(rhs.key - index)
            return left != right ? left < right : lhs.key < rhs.key
        }.prefix(limit).map(\.key)
    }

    @Test func picksWhatTheRuleSaysForEveryArticle() {
        var news = SyntheticNews()
        let site = news.site(articles: 600)
        let related = RelatedArticles(site: site)
        var withRelated = 0
        for index in site.articles.indices {
            let picked = related.related(to: index)
            #expect(picked == Self.reference(site, index), "article \(index)")
            if picked.count == related.limit { withRelated += 1 }
        }
        #expect(withRelated > 500)
    }
}
