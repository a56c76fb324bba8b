import Foundation
import Testing
@testable import SitegenCore

/// The size budget of the issue: at N = 10,000 articles, the first query downloads under 300 KB
/// in all (the script, meta.json, its shards and the docs files of the first page of results).
/// A size assertion, not a timing one.
struct SearchBudgetTests {
    static let budget = 300_000
    static let articleCount = 10_000

    @Test func firstQueryAtTenThousandArticlesStaysUnderBudget() throws {
        var news = SyntheticNews()
        let site = news.site(articles: Self.articleCount)
        #expect(site.articles.count == Self.articleCount)
        let script = try Data(contentsOf: FixtureSite.repositoryRoot.appendingPathComponent("Templates/assets/search.js"))
        let plan = SearchQueryPlan(site: site, scriptBytes: script.count)

        // Every news word, name and topic as typed in full, every prefix a reader types on the
        // way (2 to 5 letters), and pairs of a surname with a news word.
        let surnames = SyntheticNews.leaderNames.map { String($0.split(separator: " ").last!) }
        let words = SyntheticNews.headWords.filter(SearchFolding.isSearchable)
        var queries = words + SyntheticNews.leaderNames + surnames + SyntheticNews.topicNames
        for word in words + surnames { queries += (2...5).map { String(word.prefix($0)) } }
        for (index, surname) in surnames.enumerated() { queries += words.enumerated().filter { $0.offset % 40 == index % 40 }.map { "\(surname) \($0.element)" } }
        queries += ["Erdogan", "ERDOĞAN", "soybean", "soybeans", "trade war", "rare earths"]

        var totals: [(query: String, bytes: Int, files: Int)] = Set(queries).sorted().concurrentMap { query in
            let downloads = plan.downloads(query)
            return (query, downloads.values.reduce(0, +), downloads.count)
        }
        totals.sort { $0.bytes > $1.bytes }
        let worst = totals[0]
        let median = totals[totals.count / 2]
        let indexBytes = plan.shards.reduce(0) { $0 + $1.text.utf8.count }
        print("""
            Search at N=\(Self.articleCount): \(plan.shards.count) shards, \(indexBytes / 1000) KB of index, \
            meta.json \(plan.sizes["search/meta.json"]! / 1000) KB, search.js \(script.count / 1000) KB, \
            docs files \(plan.sizes["search/docs/0.json"]! / 1000) KB; \(totals.count) queries: \
            worst '\(worst.query)' \(worst.bytes / 1000) KB in \(worst.files) files, median \(median.bytes / 1000) KB; \
            'trump' \(totals.first { $0.query == "Trump" }!.bytes / 1000) KB, \
            'soybeans' \(totals.first { $0.query == "soybeans" }!.bytes / 1000) KB
            """)
        #expect(worst.bytes < Self.budget, "'\(worst.query)' downloads \(worst.bytes) bytes")
        #expect(plan.downloads("Trump").keys.contains { $0.hasPrefix("search/docs/") }, "a common name finds articles")
    }
}
