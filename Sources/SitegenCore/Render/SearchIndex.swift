/// The build-time search index behind `/search/` (README "Search"), written as static JSON files
/// so that a query downloads only the parts it needs:
///
/// - `search/meta.json`: format version, article count, chunk size, page size, prefix budget,
///   whether English plurals are matched (`plurals`: soybean finds soybeans), folding rules (minimum and maximum term length, stopwords), the shards `[[first term,
///   bytes]]`, month names, leaders and topics `[[id, name]]`, and years
///   `[[year, [[first, last]]]]` as runs of article numbers.
/// - `search/index/<i>.json`: shard `i` of the inverted index, `{term: [all, strong]}`, where
///   `all` lists every article that has the term and `strong` those that have it in the title
///   or in a leader's name. Lists are ascending article numbers, gap-encoded (the first number,
///   then differences). Terms are sorted and cut into shards of at most `shardBudget` bytes;
///   shard `i` holds the terms from its first term up to the first term of shard `i + 1`.
/// - `search/docs/<n>.json`: articles `n * chunkSize ..< (n + 1) * chunkSize` as
///   `[title, path, day, summary, [leader]]`, with leaders as positions in the meta list and
///   `path` relative to the site root.
/// - `search/leaders/<id>.json`, `search/topics/<id>.json`: the gap-encoded articles of each
///   leader and topic, fetched only when a filter is chosen.
///
/// Article numbers are positions in `Site.articles`, newest first, so a lower number is newer.
struct SearchIndex {
    let site: Site

    /// Version of the file format, for the browser to check.
    static let formatVersion = 1
    /// Articles per `docs` file.
    static let chunkSize = 20
    /// Shards hold at most this many bytes, unless one term alone is larger.
    static let shardBudget = 24_000
    /// Bytes of shards the browser may fetch to complete the last word as a prefix while it is
    /// typed; when the words starting with it fill more, the word is matched as typed.
    static let prefixBudget = 80_000
    /// Results the browser shows at first, and per "More results".
    static let pageSize = 10

    /// What the index knows of one article.
    struct Document: Sendable {
        /// Terms of the title and of the names of the article's leaders, each once.
        var strong: [String]
        /// Every term: title, leaders, summary, topic names and body, each once.
        var all: [String]
    }

    /// The articles that have a term, ascending. Numbers of 32 bits: the lists hold a number
    /// for each distinct term of each article (15 million at 50,000 articles), and with `Int`
    /// their memory, fresh as they grow, was 1.5% of such a build's time in page faults.
    struct Posting: Equatable, Sendable {
        var all: [Int32] = []
        var strong: [Int32] = []
    }

    /// The terms of every article, in article order.
    /// - Parameter known: An article's document from an earlier build, when its file, the
    ///   leaders and the topics are all unchanged; nil to make it.
    /// - Throws: `SitegenError` when a body cannot be read again (the first, in article order).
    func documents(known: (@Sendable (Article) -> Document?)? = nil) throws(SitegenError) -> [Document] {
        try documents(of: site.articles.indices, known: known)
    }

    /// The terms of the articles numbered `numbers`, in order.
    func documents(
        of numbers: Range<Int>, known: (@Sendable (Article) -> Document?)? = nil
    ) throws(SitegenError) -> [Document] {
        let site = self.site
        let results = Array(site.articles[numbers]).concurrentMap { article -> Result<Document, SitegenError> in
            if let document = known?(article) { return .success(document) }
            return Self.termSets(of: article, in: site).map { Document(strong: $0.strong.terms, all: $0.all.terms) }
        }
        return try results.map { result throws(SitegenError) in try result.get() }
    }

    /// The terms of `article`: of its title and leaders' names (`strong`), and of those, its
    /// summary, body and topics' names (`all`).
    private static func termSets(
        of article: Article, in site: Site
    ) -> Result<(strong: SearchTermSet, all: SearchTermSet), SitegenError> {
        let leaderNames = article.leaderIDs.compactMap { site.leader($0) }.map(\.name)
        let topicNames = article.topicIDs.compactMap { site.topic($0) }.map(\.name)
        var strong = SearchTermSet()
        for text in [article.title] + leaderNames { strong.insertTerms(of: text) }
        var all = strong
        // The body's words from its Markdown, read again from its file: markup and escapes
        // are not letters, so they drop out.
        let markdown: [UInt8]
        do throws(SitegenError) {
            markdown = try article.body.markdownUTF8()
        } catch {
            return .failure(error)
        }
        for text in [article.summary] + topicNames { all.insertTerms(of: text) }
        markdown.withUnsafeBufferPointer { all.insertTerms(ofUTF8: $0) }
        return .success((strong, all))
    }

    /// The inverted index: term → the articles that have it.
    static func postings(_ documents: [Document]) -> [String: Posting] {
        var postings: [String: Posting] = [:]
        add(documents, numberedFrom: 0, to: &postings)
        return postings
    }

    /// Adds the articles numbered `first`, `first + 1`, … to `postings`.
    private static func add(_ documents: [Document], numberedFrom first: Int, to postings: inout [String: Posting]) {
        for (offset, document) in documents.enumerated() {
            let number = Int32(first + offset)
            for term in document.all { postings[term, default: Posting()].all.append(number) }
            for term in document.strong { postings[term, default: Posting()].strong.append(number) }
        }
    }

    /// Articles whose terms are in memory at once while a build makes the index in one go.
    static let termBatch = 512

    /// The index of every article, made `termBatch` articles at a time so that the terms of
    /// only one batch are in memory beside the postings, each term made a String once
    /// (`PostingsBuilder`). The state keeps no documents: a build does not update it.
    /// - Throws: `SitegenError` when a body cannot be read again.
    func state() throws(SitegenError) -> State {
        let site = self.site
        var builder = PostingsBuilder()
        for first in stride(from: 0, to: site.articles.count, by: Self.termBatch) {
            let numbers = first..<min(site.articles.count, first + Self.termBatch)
            let results = Array(site.articles[numbers]).concurrentMap { article in
                Self.termSets(of: article, in: site).map { (strong: $0.strong.packedTerms, all: $0.all.packedTerms) }
            }
            for (offset, result) in results.enumerated() {
                let terms = try result.get()
                builder.add(strong: terms.strong, all: terms.all, number: first + offset)
            }
        }
        return State(postings: builder.dictionary())
    }

    /// Every file of the index, in a fixed order.
    /// - Throws: `SitegenError` when a body cannot be read again.
    func files() throws(SitegenError) -> [RenderedPage] { files(from: try state()) }

    /// Every file of the index, from an index made in full or updated.
    func files(from state: State) -> [RenderedPage] { files(from: state, shards: Self.shards(state)) }

    /// Every file of the index, whose shards are `shards(state)` made beforehand.
    func files(from state: State, shards: [Shard]) -> [RenderedPage] {
        var files = shards.enumerated().map { RenderedPage(path: "search/index/\($0.offset).json", text: $0.element.text) }
        files.insert(RenderedPage(path: "search/meta.json", text: meta(shards: shards).serialized() + "\n"), at: 0)
        files += docs()
        for leader in site.leaders {
            files.append(Self.numberFile("search/leaders/\(leader.id).json", site.articlesByLeader[leader.id] ?? []))
        }
        for topic in site.topics {
            files.append(Self.numberFile("search/topics/\(topic.id).json", site.articlesByTopic[topic.id] ?? []))
        }
        return files
    }

    /// The files an edit of the text of the articles numbered `edited` can change, when the
    /// index's `shards` are as many as the `previous` ones: `meta.json`, the shards that are
    /// not reused (`shards(_:reusing:touched:)`), the docs files that hold those articles.
    func editedFiles(shards: [Shard], previous: [Shard], edited: Set<Int>) -> [RenderedPage] {
        var files = [RenderedPage(path: "search/meta.json", text: meta(shards: shards).serialized() + "\n")]
        for (number, shard) in shards.enumerated() where shard != previous[number] {
            files.append(RenderedPage(path: "search/index/\(number).json", text: shard.text))
        }
        return files + docs(chunks: Set(edited.map { $0 / Self.chunkSize }).sorted())
    }

    /// `search/meta.json`.
    func meta(shards: [Shard]) -> JSONValue {
        var years: [(year: Int, runs: [[Int]])] = []
        for (number, article) in site.articles.enumerated() {
            let year = article.date.year
            if let index = years.firstIndex(where: { $0.year == year }) {
                if years[index].runs[years[index].runs.count - 1][1] == number - 1 {
                    years[index].runs[years[index].runs.count - 1][1] = number
                } else {
                    years[index].runs.append([number, number])
                }
            } else {
                years.append((year, [[number, number]]))
            }
        }
        years.sort { $0.year > $1.year }
        return .object([
            ("version", .int(Self.formatVersion)),
            ("articles", .int(site.articles.count)),
            ("chunk", .int(Self.chunkSize)),
            ("page_size", .int(Self.pageSize)),
            ("prefix_budget", .int(Self.prefixBudget)),
            ("plurals", .bool(site.config.language.lowercased().hasPrefix("en"))),
            ("min_length", .int(SearchFolding.minLength)),
            ("max_length", .int(SearchFolding.maxLength)),
            ("stopwords", .array(SearchFolding.stopwords.map(JSONValue.string))),
            ("shards", .array(shards.map { .array([.string($0.terms[0]), .int($0.text.utf8.count)]) })),
            ("months", .array(NewsDate.monthNames.map(JSONValue.string))),
            ("leaders", .array(site.leaders.map { .array([.string($0.id.rawValue), .string($0.name)]) })),
            ("topics", .array(site.topics.map { .array([.string($0.id.rawValue), .string($0.name)]) })),
            ("years", .array(years.map { entry in
                .array([.int(entry.year), .array(entry.runs.map { .array($0.map(JSONValue.int)) })])
            })),
        ])
    }

    /// Every `search/docs/<n>.json`.
    func docs() -> [RenderedPage] { docs(chunks: 0..<(site.articles.count + Self.chunkSize - 1) / Self.chunkSize) }

    /// `search/docs/<n>.json` for each `n` of `chunks`: what a result shows, `chunkSize`
    /// articles a file.
    func docs(chunks: some Sequence<Int>) -> [RenderedPage] {
        var leaderPositions: [Slug: Int] = [:]
        for (position, leader) in site.leaders.enumerated() { leaderPositions[leader.id] = position }
        return chunks.map { $0 * Self.chunkSize }.map { start in
            let chunk = site.articles[start..<min(site.articles.count, start + Self.chunkSize)]
            let entries: [JSONValue] = chunk.map { article in
                .array([
                    .string(article.title),
                    .string(Route.article(article.date, article.slug).path),
                    .string(article.date.isoDay),
                    .string(article.summary),
                    .array(article.leaderIDs.compactMap { leaderPositions[$0] }.map(JSONValue.int)),
                ])
            }
            return RenderedPage(path: "search/docs/\(start / Self.chunkSize).json", text: JSONValue.array(entries).serialized() + "\n")
        }
    }

    /// A file holding one gap-encoded list of article numbers.
    static func numberFile(_ path: String, _ numbers: [Int]) -> RenderedPage {
        RenderedPage(path: path, text: gapsText(numbers) + "\n")
    }

    /// Ascending numbers as the first number, then the differences: `[3, 4, 9]` → `[3, 1, 5]`.
    static func gaps(_ numbers: [some BinaryInteger]) -> JSONValue {
        var previous = 0
        return .array(numbers.map { number in
            defer { previous = Int(number) }
            return .int(Int(number) - previous)
        })
    }

    /// `gaps(numbers).serialized()`, written directly: posting lists are most of the index.
    static func gapsText(_ numbers: [some BinaryInteger]) -> String {
        var bytes: [UInt8] = []
        appendGaps(numbers, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `gapsText(numbers)`, appended to `bytes`.
    static func appendGaps(_ numbers: [some BinaryInteger], to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + numbers.count * 3 + 2)
        bytes.append(UInt8(ascii: "["))
        var previous: Int64 = 0
        for (position, number) in numbers.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            DecimalDigits.append(Int64(number) - previous, to: &bytes)
            previous = Int64(number)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
