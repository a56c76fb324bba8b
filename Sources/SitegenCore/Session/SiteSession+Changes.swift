/// What an edit can change: used by `SiteSession` to render only the pages that show it.
extension SiteSession {
    /// The indexes of articles whose text changed, when nothing else did: the same articles
    /// (by file) in the same order, each with the same date, slug, leaders, topics and embedded
    /// posts. Nil when anything else changed.
    static func textOnlyChanges(from old: Site, to new: Site) -> Set<Int>? {
        guard old.articles.count == new.articles.count else { return nil }
        var changed = Set<Int>()
        for (index, (before, after)) in zip(old.articles, new.articles).enumerated() {
            guard let textChanged = textChange(from: before, to: after) else { return nil }
            if textChanged { changed.insert(index) }
        }
        guard old.now == new.now else { return nil }
        return changed
    }

    /// Whether `after`, a new version of the article `before`, has other text: nil when
    /// anything else changed (its file, date, slug, leaders, topics or embedded posts), or
    /// when an article with posts changed at all.
    static func textChange(from before: Article, to after: Article) -> Bool? {
        guard before.sourcePath == after.sourcePath, before.date == after.date, before.slug == after.slug,
            before.leaderIDs == after.leaderIDs, before.topicIDs == after.topicIDs,
            before.posts == after.posts
        else { return nil }
        if before.hasSameContent(as: after) { return false }
        return after.posts.isEmpty ? true : nil  // its posts' cards on leader pages show its title
    }

    /// Every page and file that can show one of the `changed` articles (see the type's notes);
    /// `before` is the last build's site, with the same articles in the same order.
    static func pagesShowing(_ changed: Set<Int>, in site: Site, before: Site) -> (
        routes: Set<Route>, files: Set<String>
    ) {
        pagesShowing(Dictionary(uniqueKeysWithValues: changed.map { ($0, (before.articles[$0], site.articles[$0])) }), in: site)
    }

    /// `pagesShowing(_:in:before:)` from each changed article's versions, by index; `site` may
    /// hold either version (they have the same place in every list).
    static func pagesShowing(_ versions: [Int: (before: Article, after: Article)], in site: Site) -> (
        routes: Set<Route>, files: Set<String>
    ) {
        let changed = Set(versions.keys)
        var routes = Set<Route>()
        var files = Set<String>()
        let changedPairs = Array(versions.values)
        // Sitemaps show each page's last change; llms.txt titles and summaries; the news sitemap titles.
        let updatedChanged = changedPairs.contains { $0.updated != $1.updated }
        if changedPairs.contains(where: { $0.title != $1.title || $0.summary != $1.summary }) {
            files.insert("llms.txt")
        }
        if changedPairs.contains(where: { $0.title != $1.title }) { files.insert("news-sitemap.xml") }
        let perPage = site.config.perPage
        let related = RelatedArticles(site: site)
        var neighbours = Set<Int>()
        for index in changed {
            let article = versions[index]!.after
            routes.insert(.article(article.date, article.slug))
            routes.insert(.home(page: index / perPage + 1))
            routes.insert(.year(article.date.year))
            routes.insert(.month(article.date.year, article.date.month))
            if index < FeedPlan.feedSize { files.formUnion(["feed.xml", "atom.xml"]) }
            let lists =
                article.leaderIDs.map { (Route.leader($0, page: 1), $0, site.articlesByLeader[$0] ?? []) }
                + article.topicIDs.map { (Route.topic($0, page: 1), $0, site.articlesByTopic[$0] ?? []) }
            for (first, id, list) in lists {
                guard let position = list.firstIndex(of: index) else { continue }
                let page = position / perPage + 1
                routes.insert(
                    first == .leader(id, page: 1) ? .leader(id, page: page) : .topic(id, page: page))
                if position < FeedPlan.feedSize { files.insert(first.path + "feed.xml") }
                let lower = max(0, position - related.window)
                let upper = min(list.count, position + related.window + 1)
                neighbours.formUnion(list[lower..<upper])
            }
        }
        for index in neighbours.subtracting(changed)
        where !changed.isDisjoint(with: related.related(to: index)) {
            routes.insert(.article(site.articles[index].date, site.articles[index].slug))
        }
        if updatedChanged {
            files.insert("sitemap.xml")
            for index in 2...max(2, site.articles.count / FeedPlan.sitemapLimit + 3) {
                files.insert("sitemap-\(index - 1).xml")
            }
        }
        return (routes, files)
    }
}
