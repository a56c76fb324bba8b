import Foundation
import Testing
@testable import SitegenCore

struct SearchIndexTests {
    let site = SearchSite.sample()

    func files() throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try SearchIndex(site: site).files().map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    @Test func articlesAreNumberedNewestFirst() {
        #expect(site.articles.map(\.title) == ["Xi meets farmers", "Ankara talks", "A quiet year"])
    }

    @Test func titleAndLeaderNamesAreStrongTheRestIsNot() throws {
        let postings = SearchIndex.postings(try SearchIndex(site: site).documents())
        #expect(postings["xi"] == SearchIndex.Posting(all: [0], strong: [0]))
        #expect(postings["jinping"] == SearchIndex.Posting(all: [0], strong: [0]))
        #expect(postings["farmers"] == SearchIndex.Posting(all: [0], strong: [0]))
        #expect(postings["soybeans"] == SearchIndex.Posting(all: [0, 1], strong: []))
        #expect(postings["trade"] == SearchIndex.Posting(all: [1], strong: []))
        #expect(postings["calm"] == SearchIndex.Posting(all: [2], strong: []))
    }

    @Test func longTextsFoldPieceByPieceAsAWhole() {
        let text = String(repeating: "Erdoğan met 𝘚𝘵𝘺𝘭𝘦𝘥 Straße officials  in Kyïv. ", count: 20)
        #expect(SearchFolding.fold(text) == String(repeating: "erdogan met styled strasse officials  in kyiv. ", count: 20))
    }

    @Test func termsAreFoldedWhenIndexed() throws {
        let postings = SearchIndex.postings(try SearchIndex(site: site).documents())
        #expect(postings["erdogan"] == SearchIndex.Posting(all: [1], strong: [1]))
        #expect(postings["styled"] == SearchIndex.Posting(all: [2], strong: []))
        #expect(postings["the"] == nil)
        #expect(postings["Soybeans"] == nil)
    }

    @Test func postingListsAreGapEncoded() {
        #expect(SearchIndex.gaps([3, 4, 9]).serialized() == "[3,1,5]")
        #expect(SearchIndex.gaps([0]).serialized() == "[0]")
        #expect(SearchIndex.gaps([Int]()).serialized() == "[]")
        for numbers: [Int32] in [[], [0], [3, 4, 9], Array(0..<100), [5, 1_000, 100_000, Int32.max]] {
            #expect(SearchIndex.gapsText(numbers) == SearchIndex.gaps(numbers).serialized())
        }
    }

    @Test func writesMetaShardsDocsAndFilterFiles() throws {
        let files = try files()
        #expect(files.keys.sorted() == [
            "search/docs/0.json", "search/index/0.json", "search/leaders/recep-tayyip-erdogan.json",
            "search/leaders/xi-jinping.json", "search/meta.json", "search/topics/soybeans.json", "search/topics/trade.json",
        ])
        #expect(files["search/leaders/xi-jinping.json"] == "[0]\n")
        #expect(files["search/topics/soybeans.json"] == "[0]\n")
        #expect(files["search/index/0.json"]!.contains(#""soybeans":[[0,1],[]]"#))
        #expect(files["search/index/0.json"]!.contains(#""xi":[[0],[0]]"#))
    }

    @Test func docsHoldWhatAResultShows() throws {
        let docs = try files()["search/docs/0.json"]!
        #expect(docs.hasPrefix(#"[["Xi meets farmers","2025/11/03/xi-meets-farmers/","2025-11-03","#))
        #expect(docs.contains(#"["A quiet year","2024/12/31/a-quiet-year/","2024-12-31","Markets were calm.",[]]"#))
        // Leaders are positions in meta's list, which is sorted by name: Recep Tayyip Erdoğan, Xi Jinping.
        #expect(docs.contains(#","Erdoğan spoke about trade and soybeans.",[0]]"#))
    }

    @Test func metaListsShardsFiltersAndYears() throws {
        let meta = try files()["search/meta.json"]!
        #expect(meta.hasPrefix(#"{"version":1,"articles":3,"chunk":\#(SearchIndex.chunkSize),"page_size":10,"prefix_budget":80000,"plurals":true,"#))
        #expect(meta.contains(#""shards":[["again","#))
        #expect(meta.contains(#""leaders":[["recep-tayyip-erdogan","Recep Tayyip Erdoğan"],["xi-jinping","Xi Jinping"]]"#))
        #expect(meta.contains(#""topics":[["soybeans","Soybeans"],["trade","Trade"]]"#))
        #expect(meta.hasSuffix(#""years":[[2025,[[0,1]]],[2024,[[2,2]]]]}"# + "\n"))
    }

    @Test func pluralsAreOnlyForEnglishSites() throws {
        let german = SearchSite.site([], leaders: [], topics: [], language: "de")
        let meta = String(decoding: try SearchIndex(site: german).files()[0].contents, as: UTF8.self)
        #expect(meta.contains(#""plurals":false"#))
        #expect(meta.contains(#""articles":0"#))
    }

    @Test func sameSiteGivesByteIdenticalFiles() throws {
        let first = try SearchIndex(site: site).files(), second = try SearchIndex(site: SearchSite.sample()).files()
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.contents) == second.map(\.contents))
    }
}
