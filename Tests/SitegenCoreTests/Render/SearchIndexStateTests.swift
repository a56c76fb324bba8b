import Testing
@testable import SitegenCore

/// `SearchIndex.State.updating` must give exactly the index a full build gives.
struct SearchIndexStateTests {
    func expectSame(_ updated: SearchIndex.State, _ fresh: SearchIndex.State) {
        #expect(updated.terms == fresh.terms)
        #expect(updated.terms.map(updated.entry) == fresh.terms.map(fresh.entry))
        #expect(updated.postings == fresh.postings)
        #expect(SearchIndex.shards(updated) == SearchIndex.shards(fresh))
    }

    /// From an index with every entry kept (a session's) or with none (a build's).
    @Test(arguments: [true, false])
    func editsGiveTheIndexOfAFullBuild(keepingEntries: Bool) throws {
        var news = SyntheticNews()
        let site = news.site(articles: 300)
        var documents = try SearchIndex(site: site).documents()
        var state = keepingEntries
            ? SearchIndex.State(documents: documents)
            : SearchIndex.State(postings: SearchIndex.postings(documents), documents: documents)
        #expect(state.entries.isEmpty == !keepingEntries)
        var random = SyntheticNews.Random(state: 7)
        for round in 0..<20 {
            // Some articles lose terms (a few their last use), gain new ones, or swap strong ones.
            var changed = Set<Int>()
            for _ in 0..<(1 + random.below(4)) {
                let number = random.below(documents.count)
                changed.insert(number)
                var document = documents[number]
                document.all.removeAll { _ in random.below(3) == 0 }
                document.all += ["zz\(round)new\(number)", "shared\(round)"]
                document.strong = document.strong.filter { _ in random.below(2) == 0 } + ["strong\(round)"]
                document.all += document.strong.filter { !document.all.contains($0) }
                documents[number] = document
            }
            state = state.updating(changed, to: documents)
            expectSame(state, SearchIndex.State(documents: documents))
        }
    }

    @Test func aTermNoArticleHasAnyMoreLeavesTheIndex() {
        let before = [SearchIndex.Document(strong: ["xi"], all: ["xi", "soybeans"]), .init(strong: [], all: ["tariffs"])]
        let after = [SearchIndex.Document(strong: ["xi"], all: ["xi", "soy"]), .init(strong: [], all: ["tariffs"])]
        let updated = SearchIndex.State(documents: before).updating([0], to: after)
        #expect(updated.terms == ["soy", "tariffs", "xi"])
        #expect(updated.entries["soybeans"] == nil && updated.postings["soybeans"] == nil)
        expectSame(updated, SearchIndex.State(documents: after))
    }
}

/// A build's index (`SearchIndex.state()`, through `PostingsBuilder`) is exactly the index of
/// every article's document.
struct SearchIndexBuildTests {
    @Test func aBuildsIndexIsTheIndexOfEveryDocument() throws {
        var news = SyntheticNews()
        // More articles than one batch of `termBatch`.
        let site = news.site(articles: 2 * SearchIndex.termBatch + 37)
        let index = SearchIndex(site: site)
        let built = try index.state()
        let fresh = SearchIndex.State(postings: SearchIndex.postings(try index.documents()))
        #expect(built.postings.count > 1000)
        #expect(built.postings == fresh.postings)
        #expect(built.terms == fresh.terms)
    }

    /// Terms of every kind (short ASCII, longer than 16 bytes, not ASCII), more than the
    /// builder's first table holds, in seeded random articles.
    @Test func theBuilderGivesEachTermItsArticles() {
        var random = SyntheticNews.Random(state: 11)
        let vocabulary = (0..<6000).map { number -> String in
            switch number % 5 {
            case 0: "t\(number)"
            case 1: "seventeen-bytes-\(number)"  // a long term: hyphens are kept by insert(_:)
            case 2: "erdoğan\(number)"
            default: "w\(number)x"
            }
        }
        var documents: [SearchIndex.Document] = []
        var builder = PostingsBuilder()
        for number in 0..<400 {
            var strong = SearchTermSet(), all = SearchTermSet()
            for _ in 0..<(1 + random.below(60)) {
                let term = vocabulary[random.below(vocabulary.count)]
                all.insert(term)
                if random.below(4) == 0 {
                    strong.insert(term)
                    all.insert(term)
                }
            }
            documents.append(SearchIndex.Document(strong: strong.terms, all: all.terms))
            builder.add(strong: strong.packedTerms, all: all.packedTerms, number: number)
        }
        let expected = SearchIndex.postings(documents)
        #expect(expected.count > 4096)
        #expect(builder.dictionary() == expected)
    }
}
