import TemplateEngine

extension PagePlan {
    /// `search`: leaders and topics (as `leaderRef` and `topicRef`, for the filters) and
    /// article_count. The years come from `site.years`; the index itself is `SearchIndex`.
    func searchPage() -> PageSpec {
        let search: TemplateValue = .object([
            "leaders": .list(site.leaders.compactMap { contexts.leaderRef($0.id) }),
            "topics": .list(site.topics.compactMap { contexts.topicRef($0.id) }),
            "article_count": .int(site.articles.count),
        ])
        return PageSpec(route: .search, template: "search", context: base(
            route: .search, title: "Search", description: "Search every article of \(site.config.title).",
            kind: "search", jsonLD: data.collection(name: "Search", route: .search, trail: [("Search", .search)]),
            extra: ["search": search]))
    }
}
