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

    /// Leaders and topics numbered in the order first seen.
    private struct Numbering {
        var numbers: [Slug: Int] = [:]
        var ids: [Slug] = []

        mutating func number(of id: Slug) -> Int {
            if let number = numbers[id] { return number }
            numbers[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
    }

    private var leaders = Numbering()
    private var topics = Numbering()
    /// Per leader or topic number, the counts of the other numbers beside it.
    private var leadersBesideLeader: [[Int: Int]] = []
    private var topicsOfLeader: [[Int: Int]] = []
    private var leadersOfTopic: [[Int: Int]] = []
    private var topicsBesideTopic: [[Int: Int]] = []

    /// Counts every article's pairs: each occurrence of an id with each occurrence of another
    /// (an article lists an id once, but the counts would be the per-leader ones regardless).
    init(articles: [Article]) {
        for article in articles {
            let leaderIDs = article.leaderIDs.map { leaders.number(of: $0) }
            let topicIDs = article.topicIDs.map { topics.number(of: $0) }
            for leader in leaderIDs {
                for other in leaderIDs where other != leader { Self.count(other, beside: leader, in: &leadersBesideLeader) }
                for topic in topicIDs { Self.count(topic, beside: leader, in: &topicsOfLeader) }
            }
            for topic in topicIDs {
                for other in topicIDs where other != topic { Self.count(other, beside: topic, in: &topicsBesideTopic) }
                for leader in leaderIDs { Self.count(leader, beside: topic, in: &leadersOfTopic) }
            }
        }
    }

    private static func count(_ number: Int, beside row: Int, in rows: inout [[Int: Int]]) {
        while rows.count <= row { rows.append([:]) }
        rows[row][number, default: 0] += 1
    }

    /// The ids counted beside `id`, most often first, then by id; at most `limit`.
    func ranked(_ kind: Kind, of id: Slug, limit: Int) -> [(id: Slug, count: Int)] {
        let (of, rows, names): (Numbering, [[Int: Int]], Numbering) =
            switch kind {
            case .leadersBesideLeader: (leaders, leadersBesideLeader, leaders)
            case .topicsOfLeader: (leaders, topicsOfLeader, topics)
            case .leadersOfTopic: (topics, leadersOfTopic, leaders)
            case .topicsBesideTopic: (topics, topicsBesideTopic, topics)
            }
        guard let number = of.numbers[id], number < rows.count else { return [] }
        let counted = rows[number].map { (id: names.ids[$0.key], count: $0.value) }
        return Array(counted.sorted { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }.prefix(limit))
    }
}
