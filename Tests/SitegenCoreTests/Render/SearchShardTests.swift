import Testing
@testable import SitegenCore

struct SearchShardTests {
    /// 3,000 terms with posting lists of 1 to 300 articles: far more than one shard holds.
    static let postings: [String: SearchIndex.Posting] = {
        var postings: [String: SearchIndex.Posting] = [:]
        let letters = Array("abcdefghijklmnopqrstuvwxyzé")
        for number in 0..<3_000 {
            let term = String([letters[number % 27], letters[(number / 27) % 27], letters[(number / 729) % 27]]) + "x\(number % 7)"
            postings[term] = SearchIndex.Posting(all: Array(0..<Int32(1 + number % 300)), strong: [0])
        }
        postings["huge"] = SearchIndex.Posting(all: Array(0..<20_000), strong: [])
        return postings
    }()
    static let shards = SearchIndex.shards(postings)

    @Test func everyTermIsInExactlyOneShardInSortedOrder() {
        let terms = Self.shards.flatMap(\.terms)
        #expect(Self.shards.count > 5)
        #expect(terms.count == Self.postings.count)
        #expect(Set(terms) == Set(Self.postings.keys))
        #expect(terms == terms.sorted(by: SearchIndex.precedes))
    }

    @Test func shardsStayWithinBudgetUnlessOneTermIsLarger() {
        for shard in Self.shards where shard.terms.count > 1 {
            #expect(shard.text.utf8.count <= SearchIndex.shardBudget)
        }
        let huge = Self.shards.first { $0.terms.contains("huge") }!
        #expect(huge.terms == ["huge"])
        #expect(huge.text.utf8.count > SearchIndex.shardBudget)
    }

    @Test func aTermIsFoundInTheLastShardThatStartsAtOrBeforeIt() {
        for (index, shard) in Self.shards.enumerated() {
            for term in shard.terms { #expect(SearchIndex.shardIndex(for: term, in: Self.shards) == index) }
        }
        #expect(SearchIndex.shardIndex(for: "0", in: Self.shards) == nil)
        #expect(SearchIndex.shardIndex(for: "\u{FFFD}", in: Self.shards) == Self.shards.count - 1)
    }

    @Test func aPrefixCoversTheRunOfShardsWithItsTerms() {
        for prefix in ["a", "ab", "m", "é", "éé", "zz", "hu"] {
            let expected = Set(Self.postings.keys.filter { $0.utf16.starts(with: prefix.utf16) })
            let range = SearchIndex.shardIndexes(forPrefix: prefix, in: Self.shards)
            let covered = Set((range.map(Array.init) ?? []).flatMap { Self.shards[$0].terms })
            #expect(!expected.isEmpty, "\(prefix)")
            #expect(expected.isSubset(of: covered), "\(prefix)")
        }
        #expect(SearchIndex.shardIndexes(forPrefix: "0", in: Self.shards) == nil)
    }

    @Test func shardOrderIsJavaScriptsStringOrder() {
        // UTF-16 order puts U+FF21 (Ａ, a BMP letter) after U+1D400 (𝐀, a surrogate pair); scalar order does not.
        #expect(SearchIndex.precedes("\u{1D400}", "\u{FF21}"))
        #expect(SearchIndex.precedes("ab", "abc"))
        #expect(!SearchIndex.precedes("b", "ab"))
    }

    /// A shard is cut at the budget to the byte, the same way whether a build writes its
    /// entries as bytes or a session cuts runs from the entries it keeps. An entry
    /// `"t0000":[[0,1,…,1],[]]` for a posting of `n` articles is `2n + 14` bytes, and a shard of
    /// `k` entries `k × (entry + 1) + 2` bytes with its braces, commas and line feed.
    @Test(arguments: [(articles: 109, fit: 102), (articles: 454, fit: 26)])
    func shardsAreCutAtTheBudgetToTheByte(articles: Int, fit: Int) {
        // 103 entries of 232 bytes would be 24,001 bytes, one too many; 26 of 922 exactly 24,000.
        var postings: [String: SearchIndex.Posting] = [:]
        for number in 0..<(fit + 5) {
            postings["t" + String(10_000 + number).dropFirst()] = SearchIndex.Posting(all: Array(0..<Int32(articles)), strong: [])
        }
        let built = SearchIndex.shards(SearchIndex.State(postings: postings))
        var kept = SearchIndex.State(postings: postings)
        for term in kept.terms { kept.entries[term] = SearchIndex.entry(term, postings[term]!) }
        let cut = SearchIndex.shards(kept, reusing: [], touched: [])
        #expect(built.first?.terms.count == fit && cut == built)
        #expect(built.first.map { fit == 26 ? $0.text.utf8.count == SearchIndex.shardBudget : true } == true)
    }

    @Test func shardTextIsTheTermsPostings() {
        let shards = SearchIndex.shards(["b": .init(all: [1, 5], strong: [5]), "a": .init(all: [0], strong: [])])
        #expect(shards.map(\.text) == [#"{"a":[[0],[]],"b":[[1,4],[5]]}"# + "\n"])
    }
}
