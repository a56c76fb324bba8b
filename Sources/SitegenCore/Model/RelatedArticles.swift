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
        // Every candidate from each list's window with its weight, as `candidate << 2 | weight`
        // (sorted as plain integers, so a candidate's votes come together), then summed.
        var votes: [Int] = []
        votes.reserveCapacity((article.leaderIDs.count + article.topicIDs.count) * 2 * window)
        func consider(_ list: [Int]?, weight: Int) {
            guard let list, let position = Self.position(of: index, in: list) else { return }
            let lower = max(0, position - window), upper = min(list.count, position + window + 1)
            for candidate in list[lower..<upper] where candidate != index { votes.append(candidate << 2 | weight) }
        }
        for id in article.leaderIDs { consider(site.articlesByLeader[id], weight: 2) }
        for id in article.topicIDs { consider(site.articlesByTopic[id], weight: 1) }
        votes.sort()
        // The best `limit`: highest score, then nearest in the archive, then lower index.
        func isBetter(_ lhs: (candidate: Int, score: Int), _ rhs: (candidate: Int, score: Int)) -> Bool {
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let left = abs(lhs.candidate - index), right = abs(rhs.candidate - index)
            return left != right ? left < right : lhs.candidate < rhs.candidate
        }
        var best: [(candidate: Int, score: Int)] = []
        var start = 0
        while start < votes.count {
            let candidate = votes[start] >> 2
            var end = start, score = 0
            while end < votes.count, votes[end] >> 2 == candidate {
                score += votes[end] & 3
                end += 1
            }
            let entry = (candidate: candidate, score: score)
            if best.count < limit || isBetter(entry, best[best.count - 1]) {
                let slot = best.firstIndex { isBetter(entry, $0) } ?? best.count
                best.insert(entry, at: slot)
                if best.count > limit { best.removeLast() }
            }
            start = end
        }
        return best.map(\.candidate)
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
