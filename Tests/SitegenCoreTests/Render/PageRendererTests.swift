import Testing

@testable import SitegenCore

/// The order pages render in (`PageRenderer.renderOrder`).
struct PageRendererTests {
    /// Every page once: feeds, sitemaps and 404 (no route) first, then the article pages that
    /// take the HTML Parse kept, the archives, and the list pages last; the list's order
    /// within each group.
    @Test func feedsThenArticlesThenArchivesThenLists() {
        let contexts = PageContexts(site: SearchSite.sample(), generator: "sitegen test")
        let feeds = FeedPlan(contexts: contexts)
        let pages = PagePlan(contexts: contexts).pages()
        let specs = pages + feeds.feeds() + feeds.sitemaps(for: pages)
        let order = PageRenderer.renderOrder(specs)
        #expect(order.sorted() == Array(specs.indices))
        func group(_ route: Route?) -> String {
            switch route {
            case nil: "file"
            case .article: "article"
            case .year, .month: "archive"
            default: "list"
            }
        }
        let groups = order.map { group(specs[$0].route) }
        #expect(groups == Array(repeating: "file", count: groups.count { $0 == "file" })
            + Array(repeating: "article", count: 3)
            + Array(repeating: "archive", count: groups.count { $0 == "archive" })
            + Array(repeating: "list", count: groups.count { $0 == "list" }))
        #expect(groups.count { $0 == "archive" } == 4)  // 2025, 2025/11, 2024, 2024/12
        #expect(groups.count { $0 == "file" } > 5)  // the feeds, the sitemaps and 404
        for name in ["file", "article", "archive", "list"] {
            let indexes = order.filter { group(specs[$0].route) == name }
            #expect(indexes == indexes.sorted())
        }
        #expect(specs[order[groups.firstIndex(of: "article")!]].outputs.first?.path == "2025/11/03/xi-meets-farmers/index.html")
    }
}
