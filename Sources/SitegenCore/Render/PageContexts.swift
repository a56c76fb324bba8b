import Foundation
import MarkdownHTML
import TemplateEngine

/// Builds what templates see: page contexts made of plain values, never models.
///
/// These keys are the template API; the README lists them page by page. Every page gets
/// `site`, `page` and the page's own keys. A key that may have no value is present with
/// `null`, so strict templates can test it with `{{#key}}`.
struct PageContexts: Sendable {
    private(set) var site: Site
    let links: SiteLinks
    let generator: String

    /// `site`: title, description, language, publisher, base_url, root, generator, year
    /// (of "now"), years [{year, url}] with articles, newest first, and latest_year (the
    /// first of those, or null).
    let siteValue: TemplateValue

    /// Every article, leader and topic as it appears in lists, made once and shared by every
    /// list that shows it (home, archives, leader and topic pages, related articles, `llms.txt`).
    /// Each is a `.shared` value, so the engine renders its list item once per template and
    /// copies the bytes into every other list with the same item markup.
    private var articleValues: [ArticleListValues]
    private let leaderRefs: [Slug: TemplateValue]
    private let topicRefs: [Slug: TemplateValue]
    /// Every leader's and topic's co-mentions, made when the first of their pages asks (or
    /// ahead, `countCoMentionsAhead`), and kept with these contexts (a `serve` session's edit
    /// builds reuse them).
    private(set) var coMentionCounts: Lazy<CoMentions>

    /// - Parameters:
    ///   - keepsLLMSValues: Whether each article's `llms.txt` value is made with its list value
    ///     and kept (for a later build to copy its rendered line), rather than made when
    ///     `llms.txt` is rendered and dropped after it.
    ///   - knownValues: An article's list values from an earlier build, by index, when the
    ///     article, the leaders, topics and site settings are all unchanged; nil to make them.
    init(
        site: Site, generator: String, keepsLLMSValues: Bool = false,
        knownValues: (@Sendable (Int) -> ArticleListValues?)? = nil
    ) {
        self.site = site
        let links = SiteLinks(config: site.config)
        self.links = links
        self.generator = generator
        self.siteValue = Self.siteValue(site: site, links: links, generator: generator)
        let leaderRefs = Dictionary(uniqueKeysWithValues: site.leaders.map { ($0.id, Self.leaderRef($0, site: site, links: links)) })
        let topicRefs = Dictionary(uniqueKeysWithValues: site.topics.map { ($0.id, Self.topicRef($0, site: site, links: links)) })
        self.leaderRefs = leaderRefs
        self.topicRefs = topicRefs
        let articles = site.articles
        coMentionCounts = Lazy { CoMentions(articles: articles) }
        articleValues = Array(site.articles.indices).concurrentMap { index in
            knownValues?(index) ?? ArticleListValues(
                ref: Self.articleRef(site.articles[index], links: links, leaderRefs: leaderRefs, topicRefs: topicRefs),
                llms: keepsLLMSValues ? .some(Self.llmsRef(site.articles[index], links: links)) : .none)
        }
    }

    /// Starts counting the co-mentions on another thread, for a build that renders every page:
    /// the first leader's or topic's page asked for the counts while the other render thread
    /// waited (70 ms at 50,000 articles). Nothing to count without leaders and topics.
    func countCoMentionsAhead() {
        guard !site.leaders.isEmpty || !site.topics.isEmpty else { return }
        let counts = coMentionCounts
        DispatchQueue.global().async { _ = counts.value }
    }

    /// Replaces articles of the site by new versions of themselves (`Site.replaceArticles(_:)`)
    /// and makes their list values again (their `llms.txt` values too, when kept).
    mutating func replaceArticles(_ replacements: [Int: Article]) {
        // The co-mentions stand while every article keeps its leaders and topics (an edit
        // build's rule); otherwise they are counted again when asked.
        if replacements.contains(where: { index, article in
            article.leaderIDs != site.articles[index].leaderIDs || article.topicIDs != site.articles[index].topicIDs
        }) {
            let articles = site.articles.indices.map { replacements[$0] ?? site.articles[$0] }
            coMentionCounts = Lazy { CoMentions(articles: articles) }
        }
        site.replaceArticles(replacements)
        for (index, article) in replacements {
            articleValues[index] = ArticleListValues(
                ref: Self.articleRef(article, links: links, leaderRefs: leaderRefs, topicRefs: topicRefs),
                llms: articleValues[index].llms == nil ? nil : Self.llmsRef(article, links: links))
        }
    }

    /// A leader in a list (see `leaderRef(_:site:links:)`); nil for an unknown id.
    func leaderRef(_ id: Slug) -> TemplateValue? { leaderRefs[id] }

    /// A topic in a list (see `topicRef(_:site:links:)`); nil for an unknown id.
    func topicRef(_ id: Slug) -> TemplateValue? { topicRefs[id] }

    /// The article at `index` in `site.articles`, as in a list (see `articleRef(_:links:leaderRefs:topicRefs:)`).
    func articleRef(at index: Int) -> TemplateValue { articleValues[index].ref }

    /// The article at `index` in `site.articles`, as `llms.txt` lists it (see `llmsRef(_:links:)`).
    func llmsRef(at index: Int) -> TemplateValue {
        articleValues[index].llms ?? Self.llmsRef(site.articles[index], links: links)
    }

    /// Both list values of the article at `index`, for a later build to keep.
    func listValues(at index: Int) -> ArticleListValues { articleValues[index] }

    private static func siteValue(site: Site, links: SiteLinks, generator: String) -> TemplateValue {
        var years: [Int] = []
        for article in site.articles where years.last != article.date.year { years.append(article.date.year) }
        let yearValues: [TemplateValue] = Set(years).sorted(by: >).map {
            .object(["year": .int($0), "url": .string(links.href(.year($0)))])
        }
        return .object([
            "years": .list(yearValues),
            "latest_year": yearValues.first ?? .null,
            "title": .string(site.config.title),
            "description": .string(site.config.description),
            "language": .string(site.config.language),
            "publisher": .string(site.config.publisher),
            "base_url": .string(site.config.baseURL),
            "root": .string(links.basePath),
            "generator": .string(generator),
            "year": .int(site.now.year),
        ])
    }

    /// `page`: title, description, kind, url, canonical, markdown_url and markdown_canonical (null
    /// on the not-found page, which has no Markdown twin), og_type, json_ld,
    /// is_home, feed_url (a leader's or topic's own RSS feed, else null).
    func pageValue(
        route: Route, title: String, description: String, kind: String, ogType: String = "website",
        jsonLD: [UInt8], feedURL: String? = nil
    ) -> TemplateValue {
        .object([
            "title": .string(title),
            "description": .string(description),
            "kind": .string(kind),
            "url": .string(links.href(route)),
            "canonical": .string(links.absolute(route)),
            "markdown_url": route == .notFound ? .null : .string(links.markdownHref(route)),
            "markdown_canonical": route == .notFound ? .null : .string(links.absolute(file: route.file(.md))),
            "og_type": .string(ogType),
            "json_ld": .utf8(jsonLD),
            "is_home": .bool(route == .home(page: 1)),
            "feed_url": feedURL.map(TemplateValue.string) ?? .null,
        ])
    }

    /// A leader in a list: id, name, role, country, url, article_count.
    private static func leaderRef(_ leader: Leader, site: Site, links: SiteLinks) -> TemplateValue {
        shared([
            "id": .string(leader.id.rawValue),
            "name": .string(leader.name),
            "role": .string(leader.role),
            "country": .string(leader.country),
            "url": .string(links.href(.leader(leader.id, page: 1))),
            "article_count": .int(site.articlesByLeader[leader.id]?.count ?? 0),
        ])
    }

    /// A topic in a list: id, name, url, article_count.
    private static func topicRef(_ topic: Topic, site: Site, links: SiteLinks) -> TemplateValue {
        shared([
            "id": .string(topic.id.rawValue),
            "name": .string(topic.name),
            "url": .string(links.href(.topic(topic.id, page: 1))),
            "article_count": .int(site.articlesByTopic[topic.id]?.count ?? 0),
        ])
    }

    /// An article in a list: title, url, markdown_url, date, date_iso, summary, leaders,
    /// topics, reading_minutes.
    private static func articleRef(
        _ article: Article, links: SiteLinks, leaderRefs: [Slug: TemplateValue], topicRefs: [Slug: TemplateValue]
    ) -> TemplateValue {
        let route = Route.article(article.date, article.slug)
        return shared([
            "title": .string(article.title),
            "url": .string(links.href(route)),
            "markdown_url": .string(links.markdownHref(route)),
            "date": .string(article.date.display),
            "date_iso": .string(article.date.iso8601),
            "summary": .string(article.summary),
            "leaders": .list(article.leaderIDs.compactMap { leaderRefs[$0] }),
            "topics": .list(article.topicIDs.compactMap { topicRefs[$0] }),
            "reading_minutes": .int(article.readingMinutes),
        ])
    }

    /// An article in `llms.txt`: title, markdown_url (absolute), date (the ISO day), summary.
    private static func llmsRef(_ article: Article, links: SiteLinks) -> TemplateValue {
        let route = Route.article(article.date, article.slug)
        return shared([
            "title": .string(article.title), "markdown_url": .string(links.absolute(file: route.file(.md))),
            "date": .string(article.date.isoDay), "summary": .string(article.summary),
        ])
    }

    /// An object shared by every context that shows it (see `TemplateSharedValue`).
    private static func shared(_ fields: TemplateObject) -> TemplateValue {
        .shared(TemplateSharedValue(.object(fields)))
    }

    /// `pagination`: current, total, is_paginated, prev_url, next_url (null at the ends).
    func pagination(page: Int, total: Int, route: (Int) -> Route) -> TemplateValue {
        .object([
            "current": .int(page),
            "total": .int(total),
            "is_paginated": .bool(total > 1),
            "prev_url": page > 1 ? .string(links.href(route(page - 1))) : .null,
            "next_url": page < total ? .string(links.href(route(page + 1))) : .null,
        ])
    }

    /// The `limit` ids most often beside `id` (`CoMentions`), as `{…ref, count}`.
    func coMentions(_ kind: CoMentions.Kind, of id: Slug, ref: (Slug) -> TemplateValue?, limit: Int = 8) -> TemplateValue {
        .list(coMentionCounts.value.ranked(kind, of: id, limit: limit).compactMap { id, count in
            guard case .object(var fields)? = ref(id)?.unshared else { return nil }
            fields["count"] = .int(count)
            return .object(fields)
        })
    }

    /// An embedded post: author, handle, platform, date, date_iso, time, paragraphs, and the
    /// article it appeared in (article_title, article_url). Missing parts are null.
    func postValue(_ post: SocialPost, in article: Article) -> TemplateValue {
        func text(_ value: String?) -> TemplateValue { value.map(TemplateValue.string) ?? .null }
        return .object([
            "author": text(post.authorName),
            "handle": text(post.handle),
            "platform": text(post.platformLabel),
            "date": text(post.dateText),
            "date_iso": text(post.date?.isoDay),
            "time": text(post.time),
            "paragraphs": .list(post.paragraphs.map(TemplateValue.string)),
            "article_title": .string(article.title),
            "article_url": .string(links.href(.article(article.date, article.slug))),
        ])
    }
}

/// An article's values in lists, made once per build, or kept from the last one while the
/// article and everything they show are unchanged (with the list items rendered from them).
struct ArticleListValues: Sendable {
    /// As pages list it (`PageContexts.articleRef(at:)`).
    let ref: TemplateValue
    /// As `llms.txt` lists it (`PageContexts.llmsRef(at:)`), when kept.
    let llms: TemplateValue?
}
