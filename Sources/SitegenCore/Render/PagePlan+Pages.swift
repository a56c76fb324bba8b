import TemplateEngine

extension PagePlan {
    /// `article`: everything of `articleRef`, plus dek (the summary when written in front
    /// matter, else null: a derived summary repeats the first paragraph), date_updated, date_updated_iso, author, source
    /// {name, url}, image, word_count, body_html, body_markdown, is_raw, posts, related.
    func articlePage(_ index: Int) -> PageSpec {
        let article = site.articles[index]
        var spec = PageSpec(route: Route.article(article.date, article.slug), template: "article",
                            context: try articleContext(index),
                            lastModified: article.updated ?? article.date)
        spec.makeFingerprintContext = {
            let body = article.body.fingerprint
            return articleContext(index, html: .string(body.html), markdown: .string(body.markdown))
        }
        return spec
    }

    /// The article page's context, with its body's HTML and Markdown read (and rendered) now.
    private func articleContext(_ index: Int) throws(SitegenError) -> TemplateValue {
        let body = try site.articles[index].body.contents()
        return articleContext(index, html: .utf8(body.html), markdown: .utf8(body.markdown))
    }

    /// The article page's context, with its body's HTML and Markdown, or what stands in for
    /// them in a fingerprint.
    private func articleContext(_ index: Int, html: TemplateValue, markdown: TemplateValue) -> TemplateValue {
        let article = site.articles[index]
        let route = Route.article(article.date, article.slug)
        guard case .object(var fields) = contexts.articleRef(at: index).unshared else { preconditionFailure("articleRef is an object") }
        fields["date_updated"] = article.updated.map { .string($0.display) } ?? .null
        fields["date_updated_iso"] = article.updated.map { .string($0.iso8601) } ?? .null
        fields["author"] = article.author.map(TemplateValue.string) ?? .null
        fields["source"] = article.source.map { source in
            .object(["name": .string(source.name), "url": source.url.map(TemplateValue.string) ?? .null])
        } ?? .null
        fields["image"] = article.image.map(TemplateValue.string) ?? .null
        fields["dek"] = article.hasWrittenSummary ? .string(article.summary) : .null
        fields["word_count"] = .int(article.wordCount)
        fields["body_html"] = html
        fields["body_markdown"] = markdown
        fields["is_raw"] = .bool(article.format == .raw)
        fields["related"] = .list(
            RelatedArticles(site: site).related(to: index).map { contexts.articleRef(at: $0) })
        return base(
            route: route, title: article.title, description: article.summary, kind: "article", ogType: "article",
            jsonLD: data.article(article), extra: ["article": .object(fields)])
    }

    /// `archive`: title, year, month (null on year pages), months [{name, url, count}];
    /// plus `articles`.
    func archivePages() -> [PageSpec] {
        var byMonth: [Int: [Int: [Int]]] = [:]
        for (index, article) in site.articles.enumerated() {
            byMonth[article.date.year, default: [:]][article.date.month, default: []].append(index)
        }
        var pages: [PageSpec] = []
        for year in byMonth.keys.sorted(by: >) {
            let months = byMonth[year]!
            let monthList: [TemplateValue] = months.keys.sorted(by: >).map { month in
                .object([
                    "name": .string(NewsDate.monthNames[month - 1]),
                    "url": .string(links.href(.month(year, month))),
                    "count": .int(months[month]!.count),
                ])
            }
            if lists(.year(year)) {
                let all = months.values.flatMap { $0 }.sorted()
                pages.append(archive(route: .year(year), title: String(year), year: year, month: nil, months: monthList, indexes: all))
            }
            for month in months.keys.sorted(by: >) where lists(.month(year, month)) {
                let title = "\(NewsDate.monthNames[month - 1]) \(year)"
                pages.append(archive(route: .month(year, month), title: title, year: year, month: month, months: [], indexes: months[month]!))
            }
        }
        return pages
    }

    private func archive(route: Route, title: String, year: Int, month: Int?, months: [TemplateValue], indexes: [Int]) -> PageSpec {
        let trail: [(String, Route)] = [(String(year), .year(year))] + (month != nil ? [(title, route)] : [])
        let archive: TemplateValue = .object([
            "title": .string(title), "year": .int(year), "month": month.map(TemplateValue.int) ?? .null,
            "months": .list(months), "count": .int(indexes.count),
        ])
        return PageSpec(route: route, template: "archive", context: base(
            route: route, title: "Archive: \(title)", description: "Articles from \(title).", kind: "archive",
            jsonLD: data.collection(name: title, route: route, trail: trail),
            extra: ["archive": archive, "articles": .list(indexes.map { contexts.articleRef(at: $0) })]),
            lastModified: lastModified(indexes))
    }

    /// `leaders`: every leader as `leaderRef`.
    func leadersIndex() -> PageSpec {
        PageSpec(route: .leaders, template: "leaders", context: base(
            route: .leaders, title: "Leaders", description: "Every leader in \(site.config.title)'s coverage.",
            kind: "leaders", jsonLD: data.collection(name: "Leaders", route: .leaders, trail: [("Leaders", .leaders)]),
            extra: ["leaders": .list(site.leaders.compactMap { contexts.leaderRef($0.id) })]))
    }

    /// `leader`: everything of `leaderRef`, plus handles, biography_html, biography_markdown,
    /// related_leaders and related_topics ({…ref, count}), posts (the leader's own embedded
    /// posts, see `PageContexts.postValue`), timeline_svg (or null); plus `articles` and
    /// `pagination`.
    func leaderPages(_ leader: Leader) -> [PageSpec] {
        let indexes = site.articlesByLeader[leader.id] ?? []
        let leaderValue = Lazy { self.leaderValue(leader, indexes: indexes) }
        let jsonLD = Lazy { data.leader(leader) }  // the same on each of the leader's pages
        let description = leader.role.isEmpty ? leader.name : "\(leader.name), \(leader.role)"
        return paginated(indexes, route: { .leader(leader.id, page: $0) }) { page, total, items, modified in
            let route = Route.leader(leader.id, page: page)
            return PageSpec(route: route, template: "leader", context: base(
                route: route, title: leader.name, description: description, kind: "leader", ogType: "profile",
                jsonLD: jsonLD.value, feedURL: links.href(file: Route.leader(leader.id, page: 1).path + "feed.xml"),
                extra: ["leader": leaderValue.value, "articles": items,
                        "pagination": contexts.pagination(page: page, total: total) { .leader(leader.id, page: $0) }]),
                lastModified: modified)
        }
    }

    /// The `leader` value all of a leader's pages share.
    private func leaderValue(_ leader: Leader, indexes: [Int]) -> TemplateValue {
        guard case .object(var fields)? = contexts.leaderRef(leader.id)?.unshared else { preconditionFailure("leaderRef is an object") }
        fields["handles"] = .list(leader.handles.map(TemplateValue.string))
        fields["biography_html"] = .string(leader.biography.html)
        fields["biography_markdown"] = .string(leader.biographyMarkdown)
        fields["related_leaders"] = contexts.coMentions(.leadersBesideLeader, of: leader.id) { contexts.leaderRef($0) }
        fields["related_topics"] = contexts.coMentions(.topicsOfLeader, of: leader.id) { contexts.topicRef($0) }
        fields["posts"] = .list((site.postsByLeader[leader.id] ?? []).prefix(20).map { ref in
            contexts.postValue(site.articles[ref.article].posts[ref.post], in: site.articles[ref.article])
        })
        fields["timeline_svg"] = timeline(id: leader.id, subject: leader.name, indexes: indexes)
        return .object(fields)
    }

    /// An inline SVG chart of articles per month, or null when there are none.
    private func timeline(id: Slug, subject: String, indexes: [Int]) -> TemplateValue {
        TimelineChart().svg(id: id.rawValue, subject: subject, dates: indexes.map { site.articles[$0].date })
            .map(TemplateValue.string) ?? .null
    }

    /// `topics`: every topic as `topicRef`.
    func topicsIndex() -> PageSpec {
        PageSpec(route: .topics, template: "topics", context: base(
            route: .topics, title: "Topics", description: "Every topic in \(site.config.title)'s coverage.",
            kind: "topics", jsonLD: data.collection(name: "Topics", route: .topics, trail: [("Topics", .topics)]),
            extra: ["topics": .list(site.topics.compactMap { contexts.topicRef($0.id) })]))
    }

    /// `topic`: everything of `topicRef`, plus explainer_html, explainer_markdown, leaders
    /// ({…leaderRef, count}, most involved first), related_topics ({…topicRef, count}),
    /// timeline_svg (or null); plus `articles`
    /// and `pagination`.
    func topicPages(_ topic: Topic) -> [PageSpec] {
        let indexes = site.articlesByTopic[topic.id] ?? []
        let topicValue = Lazy { self.topicValue(topic, indexes: indexes) }
        let jsonLD = Lazy { data.topic(topic) }  // the same on each of the topic's pages
        let description = Article.summary(from: topic.explainer.firstParagraph)
        return paginated(indexes, route: { .topic(topic.id, page: $0) }) { page, total, items, modified in
            let route = Route.topic(topic.id, page: page)
            return PageSpec(route: route, template: "topic", context: base(
                route: route, title: topic.name, description: description, kind: "topic",
                jsonLD: jsonLD.value, feedURL: links.href(file: Route.topic(topic.id, page: 1).path + "feed.xml"),
                extra: ["topic": topicValue.value, "articles": items,
                        "pagination": contexts.pagination(page: page, total: total) { .topic(topic.id, page: $0) }]),
                lastModified: modified)
        }
    }

    /// The `topic` value all of a topic's pages share.
    private func topicValue(_ topic: Topic, indexes: [Int]) -> TemplateValue {
        guard case .object(var fields)? = contexts.topicRef(topic.id)?.unshared else { preconditionFailure("topicRef is an object") }
        fields["explainer_html"] = .string(topic.explainer.html)
        fields["explainer_markdown"] = .string(topic.explainerMarkdown)
        fields["leaders"] = contexts.coMentions(.leadersOfTopic, of: topic.id) { contexts.leaderRef($0) }
        fields["related_topics"] = contexts.coMentions(.topicsBesideTopic, of: topic.id) { contexts.topicRef($0) }
        fields["timeline_svg"] = timeline(id: topic.id, subject: topic.name, indexes: indexes)
        return .object(fields)
    }
}
