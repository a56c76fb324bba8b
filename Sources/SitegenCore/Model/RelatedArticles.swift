/// Picks related articles: those sharing the most leaders and topics first, then the
/// closest in time. Looks only at each shared leader's and topic's nearest articles, so the
/// cost per article does not grow with the archive.
struct RelatedArticles {
    let site: Site
    var limit = 4
    /// How many neighbours on each side of the article are considered per leader or topic.
    var window = 20

    func related(to index: Int) -> [Int] {
        let article = site.articles[index]
        var scores: [Int: Int] = [:]
        func consider(_ list: [Int]?, weight: Int) {
            guard let list, let position = Self.position(of: index, in: list) else { return }
            let lower = max(0, position - window), upper = min(list.count, position + window + 1)
            for candidate in list[lower..<upper] where candidate != index { scores[candidate, default: 0] += weight }
        }
        for id in article.leaderIDs { consider(site.articlesByLeader[id], weight: 2) }
        for id in article.topicIDs { consider(site.articlesByTopic[id], weight: 1) }
        return scores.sorted { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value > rhs.value }
            let left = abs(lhs.key - index), right = abs(rhs.key - index)
            return left != right ? left < right : lhs.key < rhs.key
        }.prefix(limit).map(\.key)
    }

    /// Binary search in an ascending list of indexes.
    private static func position(of index: Int, in list: [Int]) -> Int? {
        var low = 0, high = list.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if list[mid] == index { return mid }
            if list[mid] < index { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}
