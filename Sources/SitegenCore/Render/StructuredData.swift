/// JSON-LD for each kind of page (schema.org), built as values and serialized safely.
struct StructuredData {
    let site: Site
    let links: SiteLinks

    private var publisher: JSONValue {
        .object([("@type", .string("Organization")), ("name", .string(site.config.publisher)),
                 ("url", .string(site.config.baseURL))])
    }

    private func person(_ leader: Leader) -> JSONValue {
        var fields: [(String, JSONValue)] = [("@type", .string("Person")), ("name", .string(leader.name))]
        if !leader.role.isEmpty { fields.append(("jobTitle", .string(leader.role))) }
        fields.append(("url", .string(links.absolute(.leader(leader.id, page: 1)))))
        return .object(fields)
    }

    /// `BreadcrumbList` from home through `trail` (name, route) pairs.
    private func breadcrumbs(_ trail: [(String, Route)]) -> JSONValue {
        let items = ([(site.config.title, Route.home(page: 1))] + trail).enumerated().map { index, item in
            JSONValue.object([
                ("@type", .string("ListItem")), ("position", .int(index + 1)),
                ("name", .string(item.0)), ("item", .string(links.absolute(item.1))),
            ])
        }
        return .object([("@type", .string("BreadcrumbList")), ("itemListElement", .array(items))])
    }

    private func graph(_ nodes: [JSONValue]) -> JSONValue {
        .object([("@context", .string("https://schema.org")), ("@graph", .array(nodes))])
    }

    func article(_ article: Article) -> JSONValue {
        let route = Route.article(article.date, article.slug)
        let leaders = article.leaderIDs.compactMap { site.leader($0) }
        let author: JSONValue = article.author.map {
            .object([("@type", .string("Person")), ("name", .string($0))])
        } ?? publisher
        var fields: [(String, JSONValue)] = [
            ("@type", .string("NewsArticle")),
            ("headline", .string(article.title)),
            ("description", .string(article.summary)),
            ("datePublished", .string(article.date.iso8601)),
            ("dateModified", .string((article.updated ?? article.date).iso8601)),
            ("author", author),
            ("publisher", publisher),
            ("mainEntityOfPage", .string(links.absolute(route))),
            ("url", .string(links.absolute(route))),
            ("wordCount", .int(article.wordCount)),
        ]
        if let image = article.image { fields.append(("image", .string(image))) }
        if let first = leaders.first { fields.append(("about", person(first))) }
        if leaders.count > 1 { fields.append(("mentions", .array(leaders.dropFirst().map(person)))) }
        let trail: [(String, Route)] = [
            (String(article.date.year), .year(article.date.year)),
            (article.date.monthDisplay, .month(article.date.year, article.date.month)),
            (article.title, route),
        ]
        return graph([.object(fields), breadcrumbs(trail)])
    }

    func leader(_ leader: Leader) -> JSONValue {
        let route = Route.leader(leader.id, page: 1)
        var entity: [(String, JSONValue)] = [("@type", .string("Person")), ("name", .string(leader.name))]
        if !leader.role.isEmpty { entity.append(("jobTitle", .string(leader.role))) }
        if !leader.country.isEmpty {
            entity.append(("nationality", .object([("@type", .string("Country")), ("name", .string(leader.country))])))
        }
        entity.append(("description", .string(Article.summary(from: leader.biography.firstParagraph))))
        let page: JSONValue = .object([
            ("@type", .string("ProfilePage")), ("url", .string(links.absolute(route))),
            ("name", .string(leader.name)), ("mainEntity", .object(entity)),
        ])
        return graph([page, breadcrumbs([("Leaders", .leaders), (leader.name, route)])])
    }

    func topic(_ topic: Topic) -> JSONValue {
        let route = Route.topic(topic.id, page: 1)
        let page: JSONValue = .object([
            ("@type", .string("CollectionPage")), ("url", .string(links.absolute(route))),
            ("name", .string(topic.name)),
            ("description", .string(Article.summary(from: topic.explainer.firstParagraph))),
        ])
        return graph([page, breadcrumbs([("Topics", .topics), (topic.name, route)])])
    }

    /// A plain collection page (home, indexes, archives).
    func collection(name: String, route: Route, trail: [(String, Route)]) -> JSONValue {
        let type = route == .home(page: 1) ? "WebSite" : "CollectionPage"
        let page: JSONValue = .object([
            ("@type", .string(type)), ("url", .string(links.absolute(route))), ("name", .string(name)),
            ("description", .string(site.config.description)), ("publisher", publisher),
        ])
        return trail.isEmpty ? graph([page]) : graph([page, breadcrumbs(trail)])
    }
}
