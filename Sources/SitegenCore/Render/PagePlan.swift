import TemplateEngine

/// One page to render: the files it becomes, the templates that render them, one context.
///
/// The context is made only when the page is rendered (on whichever core renders it) and is
/// dropped right after, so a site's contexts are never all in memory at once.
struct PageSpec: Sendable {
    /// Output path and template name, e.g. `("2025/11/24/truce/index.html", "article.html")`.
    let outputs: [(path: String, template: String)]
    /// Makes the context the templates see; it throws when an article body it shows cannot be
    /// read again (`ArticleBody`).
    var makeContext: @Sendable () throws(SitegenError) -> TemplateValue
    var context: TemplateValue { get throws(SitegenError) { try makeContext() } }
    /// What tells whether the page changed, when cheaper than the context: the article page
    /// stands for its body by the body's fingerprint instead of reading and rendering it.
    var makeFingerprintContext: (@Sendable () -> TemplateValue)?
    var fingerprintContext: TemplateValue {
        get throws(SitegenError) {
            if let makeFingerprintContext { return makeFingerprintContext() }
            return try makeContext()
        }
    }
    /// The page's route, for pages listed in the sitemap.
    let route: Route?
    /// When the page last changed, for the sitemap.
    let lastModified: NewsDate?

    /// A page with an HTML file and a Markdown twin from `<template>.html` and `<template>.md`.
    init(
        route: Route, template: String, context: @autoclosure @escaping @Sendable () throws(SitegenError) -> TemplateValue,
        lastModified: NewsDate? = nil
    ) {
        let formats: [PageFormat] = route == .notFound ? [.html] : PageFormat.allCases
        outputs = formats.map { (route.file($0), "\(template).\($0.rawValue)") }
        makeContext = context
        self.route = route == .notFound ? nil : route
        self.lastModified = lastModified
    }

    /// A single file, such as a feed, from one template.
    init(file: String, template: String, context: @autoclosure @escaping @Sendable () throws(SitegenError) -> TemplateValue) {
        outputs = [(file, template)]
        makeContext = context
        route = nil
        lastModified = nil
    }
}

/// Lists every page of the site with its context (DESIGN §3).
struct PagePlan: Sendable {
    let contexts: PageContexts
    /// When set, only the pages with these routes are listed (the pages an edit can change).
    var only: Set<Route>? = nil
    var site: Site { contexts.site }
    var links: SiteLinks { contexts.links }
    var data: StructuredData { StructuredData(site: site, links: links) }

    /// Every page, in a fixed order.
    func pages() -> [PageSpec] {
        var pages: [PageSpec] = []
        pages += paginated(site.articles.indices.map { $0 }, route: { .home(page: $0) }) { page, total, items, modified in
            let route = Route.home(page: page)
            let title = page == 1 ? site.config.title : "\(site.config.title) — page \(page)"
            return PageSpec(route: route, template: "index", context: base(
                route: route, title: title, description: site.config.description, kind: "home",
                jsonLD: data.collection(name: site.config.title, route: route, trail: []),
                extra: ["articles": items, "pagination": contexts.pagination(page: page, total: total) { .home(page: $0) }]),
                lastModified: modified)
        }
        pages += site.articles.indices.filter { lists(.article(site.articles[$0].date, site.articles[$0].slug)) }
            .map(articlePage)
        pages += archivePages()
        if lists(.leaders) { pages.append(leadersIndex()) }
        pages += site.leaders.flatMap { leaderPages($0) }
        if lists(.topics) { pages.append(topicsIndex()) }
        pages += site.topics.flatMap { topicPages($0) }
        if lists(.search) { pages.append(searchPage()) }
        if lists(.notFound) {
            pages.append(PageSpec(route: .notFound, template: "404", context: base(
                route: .notFound, title: "Page not found", description: "This page does not exist.", kind: "not-found",
                jsonLD: data.collection(name: "Page not found", route: .notFound, trail: []), extra: [:])))
        }
        return pages
    }

    /// Whether the page at `route` is listed (see `only`).
    func lists(_ route: Route) -> Bool { only?.contains(route) ?? true }

    /// The common keys plus the page's own.
    func base(
        route: Route, title: String, description: String, kind: String, ogType: String = "website",
        jsonLD: [UInt8], feedURL: String? = nil, extra: TemplateObject
    ) -> TemplateValue {
        var fields = extra
        fields["site"] = contexts.siteValue
        fields["page"] = contexts.pageValue(
            route: route, title: title, description: description, kind: kind, ogType: ogType, jsonLD: jsonLD,
            feedURL: feedURL)
        return .object(fields)
    }

    /// Splits article indexes into pages of `per_page`; always at least one page.
    func paginated(
        _ indexes: [Int], route: (Int) -> Route, make: (Int, Int, TemplateValue, NewsDate?) -> PageSpec
    ) -> [PageSpec] {
        let perPage = site.config.perPage
        let total = max(1, (indexes.count + perPage - 1) / perPage)
        return (1...total).filter { lists(route($0)) }.map { page in
            let slice = indexes.dropFirst((page - 1) * perPage).prefix(perPage)
            return make(page, total, .list(slice.map { contexts.articleRef(at: $0) }), lastModified(slice))
        }
    }

    /// The latest publication or correction among some articles, for the sitemap.
    func lastModified(_ indexes: some Sequence<Int>) -> NewsDate? {
        indexes.map { site.articles[$0].updated ?? site.articles[$0].date }.max()
    }
}
