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
