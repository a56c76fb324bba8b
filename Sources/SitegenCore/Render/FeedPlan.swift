import TemplateEngine

/// Feeds and machine files (DESIGN §3): RSS, Atom and JSON Feed for the site, an RSS feed per
/// leader and topic, sitemaps, the Google News sitemap, robots.txt and llms.txt.
struct FeedPlan {
    let contexts: PageContexts
    var site: Site { contexts.site }
    var links: SiteLinks { contexts.links }

    /// How many articles the site feeds carry.
    static let feedSize = 50
    /// Where the JSON Feed is written.
    static let jsonFeedPath = "feed.json"
    /// The sitemap protocol's limit of URLs per file.
    static let sitemapLimit = 50_000

    /// `feed`: title, description, link, self_url, atom_url, json_url, language, updated_iso,
    /// updated_rfc822, items [{title, link, guid, date_iso, date_rfc822, updated_iso, summary,
    /// content_html (null in leader and topic feeds), author, categories [name]}].
    /// - Throws: `SitegenError` when a body to show cannot be read again.
    /// - Parameter summaryItems: The items without content, shared by the leader and topic feeds
    ///   (`summaryItems(for:)`); made here when nil.
    func feedValue(
        title: String, description: String, link: String, selfURL: String, indexes: [Int], withContent: Bool,
        summaryItems: [Int: Lazy<TemplateValue>]? = nil
    ) throws(SitegenError) -> TemplateValue {
        let items: [TemplateValue] = try indexes.prefix(Self.feedSize).map { index throws(SitegenError) in
            guard withContent else { return summaryItems?[index]?.value ?? .object(feedItem(index)) }
            var fields = feedItem(index)
            fields["content_html"] = .string(try site.articles[index].body.html())
            return .object(fields)
        }
        let newest = indexes.prefix(Self.feedSize).map { site.articles[$0].updated ?? site.articles[$0].date }.max() ?? site.now
        return .object([
            "title": .string(title),
            "description": .string(description),
            "link": .string(link),
            "self_url": .string(selfURL),
            "atom_url": .string(links.absolute(file: "atom.xml")),
            "json_url": .string(links.absolute(file: "feed.json")),
            "language": .string(site.config.language),
            "updated_iso": .string(newest.iso8601),
            "updated_rfc822": .string(newest.rfc822),
            "items": .list(items),
        ])
    }

    /// One article as a feed item, without its body's HTML (`content_html` null).
    private func feedItem(_ index: Int) -> TemplateObject {
        let article = site.articles[index]
        let url = links.absolute(.article(article.date, article.slug))
        let categories = article.leaderIDs.compactMap { site.leader($0) }.map(\.name) + article.topicIDs.compactMap { site.topic($0) }.map(\.name)
        return [
            "title": .string(article.title),
            "link": .string(url),
            "guid": .string(url),
            "date_iso": .string(article.date.iso8601),
            "date_rfc822": .string(article.date.rfc822),
            "updated_iso": .string((article.updated ?? article.date).iso8601),
            "summary": .string(article.summary),
            "content_html": .null,
            "author": .string(article.author ?? site.config.publisher),
            "categories": .list(categories.map(TemplateValue.string)),
        ]
    }

    /// The item without content of every article some leader or topic feed shows, made when
    /// first shown and shared (`.shared`), so that an article in several of those feeds is
    /// made and rendered as an item once.
    private func summaryItems(for lists: [[Int]]) -> [Int: Lazy<TemplateValue>] {
        var items: [Int: Lazy<TemplateValue>] = [:]
        for index in lists.lazy.flatMap({ $0.prefix(Self.feedSize) }) where items[index] == nil {
            items[index] = Lazy { [self] in .shared(TemplateSharedValue(.object(feedItem(index)))) }
        }
        return items
    }

    /// A file whose context (`extra` plus `site`) is made when it is rendered.
    private func spec(
        _ file: String, _ template: String,
        _ extra: @autoclosure @escaping @Sendable () throws(SitegenError) -> TemplateObject
    ) -> PageSpec {
        PageSpec(file: file, template: template, context: withSite(try extra()))
    }

    private func withSite(_ extra: TemplateObject) -> TemplateValue {
        var fields = extra
        fields["site"] = contexts.siteValue
        return .object(fields)
    }

    /// RSS, Atom, per-leader and per-topic RSS, robots.txt and llms.txt; with `only`, just
    /// the files among those paths.
    func feeds(only: Set<String>) -> [PageSpec] { feeds().filter { only.contains($0.outputs[0].path) } }

    /// RSS, Atom, per-leader and per-topic RSS, robots.txt and llms.txt.
    func feeds() -> [PageSpec] {
        // Made once, when RSS or Atom is rendered first: it reads 50 bodies and renders their HTML.
        let siteFeed = Lazy {
            Result { () throws(SitegenError) in
                try feedValue(
                    title: site.config.title, description: site.config.description,
                    link: links.absolute(.home(page: 1)), selfURL: links.absolute(file: "feed.xml"),
                    indexes: Array(site.articles.indices), withContent: true)
            }
        }
        var specs = [spec("feed.xml", "rss.xml", ["feed": try siteFeed.value.get()])]
        specs.append(spec("atom.xml", "atom.xml", ["feed": atomFeed(try siteFeed.value.get())]))
        let summaryItems = summaryItems(
            for: site.leaders.map { site.articlesByLeader[$0.id] ?? [] } + site.topics.map { site.articlesByTopic[$0.id] ?? [] })
        for leader in site.leaders {
            let route = Route.leader(leader.id, page: 1)
            specs.append(spec(route.path + "feed.xml", "rss.xml", ["feed": try feedValue(
                title: "\(leader.name) — \(site.config.title)", description: "Articles about \(leader.name).",
                link: links.absolute(route), selfURL: links.absolute(file: route.path + "feed.xml"),
                indexes: site.articlesByLeader[leader.id] ?? [], withContent: false, summaryItems: summaryItems)]))
        }
        for topic in site.topics {
            let route = Route.topic(topic.id, page: 1)
            specs.append(spec(route.path + "feed.xml", "rss.xml", ["feed": try feedValue(
                title: "\(topic.name) — \(site.config.title)", description: "Articles about \(topic.name).",
                link: links.absolute(route), selfURL: links.absolute(file: route.path + "feed.xml"),
                indexes: site.articlesByTopic[topic.id] ?? [], withContent: false, summaryItems: summaryItems)]))
        }
        specs.append(spec("robots.txt", "robots.txt", [:]))
        specs.append(spec("llms.txt", "llms.txt", ["llms": llmsValue()]))
        return specs
    }

    /// The site feed with Atom's own `self_url`.
    private func atomFeed(_ siteFeed: TemplateValue) -> TemplateValue {
        guard case .object(var fields) = siteFeed else { return siteFeed }
        fields["self_url"] = .string(links.absolute(file: "atom.xml"))
        return .object(fields)
    }

    /// `llms`: articles, leaders and topics with title, markdown_url and summary.
    private func llmsValue() -> TemplateValue {
        .object([
            "articles": .list(site.articles.indices.map { contexts.llmsRef(at: $0) }),
            "leaders": .list(site.leaders.map { leader in
                .object(["title": .string(leader.name), "role": .string(leader.role),
                         "markdown_url": .string(links.absolute(file: Route.leader(leader.id, page: 1).file(.md)))])
            }),
            "topics": .list(site.topics.map { topic in
                .object(["title": .string(topic.name),
                         "markdown_url": .string(links.absolute(file: Route.topic(topic.id, page: 1).file(.md)))])
            }),
        ])
    }

    /// `sitemap.xml` (an index of `sitemap-N.xml` files past 50,000 URLs) and `news-sitemap.xml`.
    /// `sitemap`: urls [{loc, lastmod}]; `sitemap_index`: sitemaps [{loc}]; `news`: publication,
    /// language, articles [{loc, title, date_iso}].
    func sitemaps(for pages: [PageSpec]) -> [PageSpec] {
        let listed = pages.filter { $0.route != nil }.map { ($0.route!, $0.lastModified) }
        var specs: [PageSpec] = []
        if listed.count <= Self.sitemapLimit {
            specs.append(spec("sitemap.xml", "sitemap.xml", ["sitemap": .object(["urls": .list(sitemapURLs(listed[...]))])]))
        } else {
            var files: [TemplateValue] = []
            for (number, start) in stride(from: 0, to: listed.count, by: Self.sitemapLimit).enumerated() {
                let name = "sitemap-\(number + 1).xml"
                let chunk = listed[start..<min(listed.count, start + Self.sitemapLimit)]
                specs.append(spec(name, "sitemap.xml", ["sitemap": .object(["urls": .list(sitemapURLs(chunk))])]))
                files.append(.object(["loc": .string(links.absolute(file: name))]))
            }
            let index = files
            specs.append(spec("sitemap.xml", "sitemap-index.xml", ["sitemap_index": .object(["sitemaps": .list(index)])]))
        }
        specs.append(newsSitemap())
        return specs
    }

    /// `news-sitemap.xml`.
    func newsSitemap() -> PageSpec { spec("news-sitemap.xml", "news-sitemap.xml", ["news": newsValue()]) }

    /// `sitemap.urls`: {loc, lastmod} for pages listed with their last change.
    private func sitemapURLs(_ pages: ArraySlice<(Route, NewsDate?)>) -> [TemplateValue] {
        pages.map { route, modified in
            .object(["loc": .string(links.absolute(route)), "lastmod": modified.map { .string($0.iso8601) } ?? .null])
        }
    }

    /// `news`: publication, language, articles [{loc, title, date_iso}] of the two days before "now".
    private func newsValue() -> TemplateValue {
        let cutoff = site.now.instant - 2 * 86_400
        let recent = site.articles.filter { $0.date.instant >= cutoff && $0.date.instant <= site.now.instant + 86_400 }.prefix(1000)
        let news: TemplateValue = .object([
            "publication": .string(site.config.publisher),
            "language": .string(site.config.language),
            "articles": .list(recent.map { article in
                .object(["loc": .string(links.absolute(.article(article.date, article.slug))),
                         "title": .string(article.title), "date_iso": .string(article.date.iso8601)])
            }),
        ])
        return news
    }

    /// JSON Feed 1.1, built in code so every string is escaped as JSON.
    /// - Throws: `SitegenError` when a body to show cannot be read again.
    func jsonFeed() throws(SitegenError) -> RenderedPage {
        let items: [JSONValue] = try site.articles.prefix(Self.feedSize).map { article throws(SitegenError) in
            let url = links.absolute(.article(article.date, article.slug))
            var fields: [(String, JSONValue)] = [
                ("id", .string(url)), ("url", .string(url)), ("title", .string(article.title)),
                ("summary", .string(article.summary)), ("content_html", .string(try article.body.html())),
                ("date_published", .string(article.date.iso8601)),
            ]
            if let updated = article.updated { fields.append(("date_modified", .string(updated.iso8601))) }
            fields.append(("authors", .array([.object([("name", .string(article.author ?? site.config.publisher))])])))
            let tags = article.leaderIDs.compactMap { site.leader($0) }.map(\.name) + article.topicIDs.compactMap { site.topic($0) }.map(\.name)
            if !tags.isEmpty { fields.append(("tags", .array(tags.map(JSONValue.string)))) }
            return .object(fields)
        }
        let feed: JSONValue = .object([
            ("version", .string("https://jsonfeed.org/version/1.1")),
            ("title", .string(site.config.title)),
            ("home_page_url", .string(links.absolute(.home(page: 1)))),
            ("feed_url", .string(links.absolute(file: "feed.json"))),
            ("description", .string(site.config.description)),
            ("language", .string(site.config.language)),
            ("items", .array(items)),
        ])
        return RenderedPage(path: Self.jsonFeedPath, text: feed.serialized() + "\n")
    }
}
