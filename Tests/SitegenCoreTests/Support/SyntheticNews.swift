@testable import SitegenCore

/// A deterministic news site of any size, made in memory: words drawn from a Zipf distribution
/// over real news vocabulary followed by a long tail of made-up words, 40 leaders (a few in
/// most stories), 30 topics, about three articles a day. For the search size budget.
struct SyntheticNews {
    /// SplitMix64: small, fast, the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let headWords = """
        the of to and in a said on that for is with was as by at from he it his be has have are an \
        president trade china united states minister talks government tariffs would will not percent \
        this but year after their were its also which been they more new than about who had one two \
        officials leaders meeting summit deal agreement economic security war russia ukraine beijing \
        washington foreign military last week since over could when billion million countries country \
        talk first people state market markets prime national between against international policy \
        support told former under during peace including exports imports american chinese european \
        union sanctions energy oil gas defence forces attack ceasefire negotiations negotiators visit \
        according statement spokesman spokeswoman office white house ministry council parliament vote \
        election elections campaign opposition party leader called announced plan plans months years \
        days time economy growth inflation prices bank central rates investment companies industry \
        technology chips semiconductors export controls rare earths soybeans farmers agriculture food \
        fentanyl drugs border migration climate nuclear weapons missile troops region regional allies \
        alliance nato g20 apec brics global world power relations tensions dispute diplomatic embassy \
        ambassador envoy delegation bilateral framework truce tariff duties goods supply chains \
        shipping ports sea taiwan japan korea india brazil turkey iran israel gaza europe africa asia \
        response pressure concerns warned urged demanded rejected agreed signed met spoke phone call \
        meeting tuesday wednesday thursday friday monday saturday sunday capital city officials \
        reporters press conference interview analysts experts report data quarter rise fall cut raised \
        lowered debt budget spending aid humanitarian refugees human rights court law legal ruling
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let leaderNames = [
        "Donald Trump", "Xi Jinping", "Vladimir Putin", "Volodymyr Zelensky", "Recep Tayyip Erdoğan", "Narendra Modi",
        "Emmanuel Macron", "Olaf Scholz", "Friedrich Merz", "Keir Starmer", "Rishi Sunak", "Boris Johnson", "Joe Biden",
        "Kamala Harris", "Justin Trudeau", "Mark Carney", "Luiz Inácio Lula da Silva", "Javier Milei", "Claudia Sheinbaum",
        "Andrés Manuel López Obrador", "Fumio Kishida", "Shigeru Ishiba", "Sanae Takaichi", "Lee Jae-myung", "Yoon Suk Yeol",
        "Kim Jong Un", "Benjamin Netanyahu", "Mohammed bin Salman", "Masoud Pezeshkian", "Ali Khamenei", "Cyril Ramaphosa",
        "Bola Tinubu", "Abiy Ahmed", "Prabowo Subianto", "Anthony Albanese", "Ferdinand Marcos", "Giorgia Meloni",
        "Pedro Sánchez", "Viktor Orbán", "Ursula von der Leyen",
    ]

    static let topicNames = [
        "Trade", "Tariffs", "Soybeans", "Rare earths", "Fentanyl", "Ukraine war", "Taiwan", "Energy", "Climate",
        "Migration", "Nuclear talks", "Sanctions", "Elections", "Defence", "Technology", "Semiconductors", "Oil", "Gaza",
        "NATO", "G20", "APEC", "BRICS", "Debt", "Inflation", "Food security", "Cyber", "Space", "Arctic", "Human rights",
        "Health",
    ]

    var random = Random(state: 2025)
    /// The vocabulary in rank order: news words, then 40,000 made-up ones.
    let vocabulary: [String]
    /// 2^20 slots, each a rank: drawing a slot draws a word with Zipf probability 1/rank.
    let table: [Int32]

    init() {
        var random = Random(state: 7)
        let onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "cr",
                      "dr", "gr", "pl", "pr", "sh", "st", "tr", "th"]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
        let endings = ["", "", "", "s", "ed", "ing", "er", "ion"]
        var words = Self.headWords
        var seen = Set(words)
        while words.count < Self.headWords.count + 40_000 {
            var word = ""
            for _ in 0..<(2 + random.below(3)) { word += onsets[random.below(onsets.count)] + vowels[random.below(vowels.count)] }
            word += endings[random.below(endings.count)]
            if seen.insert(word).inserted { words.append(word) }
        }
        vocabulary = words
        let weights = (1...words.count).map { 1.0 / Double($0) }
        let total = weights.reduce(0, +)
        var table: [Int32] = []
        table.reserveCapacity(1 << 20)
        var cumulative = 0.0
        for (rank, weight) in weights.enumerated() {
            cumulative += weight / total
            while table.count < min(1 << 20, Int(cumulative * Double(1 << 20))) { table.append(Int32(rank)) }
        }
        while table.count < 1 << 20 { table.append(Int32(words.count - 1)) }
        self.table = table
    }

    mutating func word() -> String { vocabulary[Int(table[random.below(1 << 20)])] }

    mutating func words(_ count: Int) -> String { (0..<count).map { _ in word() }.joined(separator: " ") }

    /// Leader (or topic) positions for one article: one to three, the first few far more often.
    mutating func pick(from count: Int) -> [Int] {
        var picked: [Int] = []
        for _ in 0..<(1 + random.below(3)) {
            let position = min(count - 1, Int(Double(count) * pow2(Double(random.below(1000)) / 1000.0)))
            if !picked.contains(position) { picked.append(position) }
        }
        return picked
    }

    private func pow2(_ x: Double) -> Double { x * x * x }

    /// `count` articles, about three a day ending on 31 December 2025, with leaders and topics.
    /// Articles are made as model values (no YAML), their bodies rendered by libcmark.
    mutating func site(articles count: Int) -> Site {
        let leaders = Self.leaderNames.map { SearchSite.leader(Slug(deriving: $0).rawValue, $0) }
        let topics = Self.topicNames.map { SearchSite.topic(Slug(deriving: $0).rawValue, $0) }
        var drafts: [(title: String, summary: String, body: String, leaders: [Slug], topics: [Slug])] = []
        for _ in 0..<count {
            let leaderPicks = pick(from: leaders.count), topicPicks = pick(from: topics.count)
            let surname = String(Self.leaderNames[leaderPicks[0]].split(separator: " ").last!)
            var title = words(3 + random.below(5))
            if random.below(10) < 7 { title = surname + " " + title }
            if random.below(10) < 4 { title += " " + Self.topicNames[topicPicks[0]].lowercased() }
            let names = leaderPicks.map { Self.leaderNames[$0] }.joined(separator: " and ")
            let paragraphs = (0..<5).map { _ in words(60) + " " + surname + "." }
            drafts.append((title, words(30), ([names + " " + words(40)] + paragraphs).joined(separator: "\n\n"),
                           leaderPicks.map { leaders[$0].id }, topicPicks.map { topics[$0].id }))
        }
        let articles = Array(drafts.enumerated()).concurrentMap { number, draft in
            let parsed = ParsedArticle(
                sourcePath: "Content/articles/\(number).md", format: .markdown, title: draft.title,
                date: NewsDate(unixTime: 1_767_139_200 - (number * 86_400 * 10) / 27), updated: nil,
                slug: Slug(validating: "story-\(number)")!, summary: draft.summary, leaderRefs: nil, topicRefs: nil,
                source: nil, author: nil, image: nil, isDraft: false, body: SearchSite.renderer.render(draft.body),
                articleBody: ArticleBody(
                    markdown: draft.body, endOf: SourceFile(path: "Content/articles/\(number).md", text: draft.body),
                    renderer: SearchSite.renderer, isPublishedAsWritten: true))
            return Article(parsed, leaderIDs: draft.leaders, topicIDs: draft.topics)
        }
        return Site(config: SiteConfig(), articles: articles, leaders: leaders, topics: topics, now: nil)
    }
}
