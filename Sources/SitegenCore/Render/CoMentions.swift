/// How often each leader and topic appears beside each other one, counted for every leader's
/// and topic's page in one pass over the articles.
///
/// A leader's page shows the leaders most often in the same articles and the topics of its
/// articles; a topic's page its leaders and the topics most often beside it. Counting those
/// for each leader and topic apart read each article once per leader and topic it names, and
/// hashed each of its ids each time (at 50,000 articles 0.19 s of CPU, inside the leader's or
/// topic's shared value, which the other render thread waited for). Here each article's ids
/// are looked up once and every pair is counted by number.
struct CoMentions: Sendable {
    enum Kind {
        /// A leader's `related_leaders`: the other leaders of its articles.
        case leadersBesideLeader
        /// A leader's `related_topics`: the topics of its articles.
        case topicsOfLeader
        /// A topic's `leaders`: the leaders of its articles.
        case leadersOfTopic
        /// A topic's `related_topics`: the other topics of its articles.
        case topicsBesideTopic
    }

    private var leaderNumbers: [Slug: Int] = [:]
    private var topicNumbers: [Slug: Int] = [:]
    private var leaders: [Slug] = []
    private var topics: [Slug] = []
    /// Per leader or topic number, the counts of the other numbers beside it.
    private var leadersBesideLeader: [[Int: Int]] = []
    private var topicsOfLeader: [[Int: Int]] = []
    private var leadersOfTopic: [[Int: Int]] = []
    private var topicsBesideTopic: [[Int: Int]] = []

    /// Counts every article's pairs: each occurrence of an id with each occurrence of another
    /// (an article lists an id once, but the counts would be the per-leader ones regardless).
    init(articles: [Article]) {
        var leaderIDs: [Int] = [], topicIDs: [Int] = []
        for article in articles {
            leaderIDs.removeAll(keepingCapacity: true)
            topicIDs.removeAll(keepingCapacity: true)
            for id in article.leaderIDs { leaderIDs.append(Self.number(of: id, in: &leaderNumbers, &leaders, &leadersBesideLeader, &topicsOfLeader)) }
            for id in article.topicIDs { topicIDs.append(Self.number(of: id, in: &topicNumbers, &topics, &leadersOfTopic, &topicsBesideTopic)) }
            for leader in leaderIDs {
                for other in leaderIDs where other != leader { leadersBesideLeader[leader][other, default: 0] += 1 }
                for topic in topicIDs { topicsOfLeader[leader][topic, default: 0] += 1 }
            }
            for topic in topicIDs {
                for other in topicIDs where other != topic { topicsBesideTopic[topic][other, default: 0] += 1 }
                for leader in leaderIDs { leadersOfTopic[topic][leader, default: 0] += 1 }
            }
        }
    }

    /// The number of `id`, given when it is first seen, with an empty row in each table.
    private static func number(
        of id: Slug, in numbers: inout [Slug: Int], _ ids: inout [Slug], _ first: inout [[Int: Int]],
        _ second: inout [[Int: Int]]
    ) -> Int {
        if let number = numbers[id] { return number }
        numbers[id] = ids.count
        ids.append(id)
        first.append([:])
        second.append([:])
        return ids.count - 1
    }

    /// The ids counted beside `id`, most often first, then by id; at most `limit`.
    func ranked(_ kind: Kind, of id: Slug, limit: Int) -> [(id: Slug, count: Int)] {
        let (numbers, rows, names): ([Slug: Int], [[Int: Int]], [Slug]) =
            switch kind {
            case .leadersBesideLeader: (leaderNumbers, leadersBesideLeader, leaders)
            case .topicsOfLeader: (leaderNumbers, topicsOfLeader, topics)
            case .leadersOfTopic: (topicNumbers, leadersOfTopic, leaders)
            case .topicsBesideTopic: (topicNumbers, topicsBesideTopic, topics)
            }
        guard let number = numbers[id] else { return [] }
        let counted = rows[number].map { (id: names[$0.key], count: $0.value) }
        return Array(counted.sorted { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }.prefix(limit))
    }
}
