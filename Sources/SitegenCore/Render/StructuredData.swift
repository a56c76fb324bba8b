/// JSON-LD for each kind of page (schema.org), written as compact JSON that is safe inside
/// `<script>` (`JSONWriter`).
struct StructuredData {
    let site: Site
    let links: SiteLinks

    private func publisher(_ json: inout JSONWriter) {
        json.object { json in
            json.member("@type", "Organization")
            json.member("name", site.config.publisher)
            json.member("url", site.config.baseURL)
        }
    }

    private func person(_ leader: Leader, _ json: inout JSONWriter) {
        json.object { json in
            json.member("@type", "Person")
            json.member("name", leader.name)
            if !leader.role.isEmpty { json.member("jobTitle", leader.role) }
            json.member("url", links.absolute(.leader(leader.id, page: 1)))
        }
    }

    /// `BreadcrumbList` from home through `trail` (name, route) pairs.
    private func breadcrumbs(_ trail: [(String, Route)], _ json: inout JSONWriter) {
        json.object { json in
            json.member("@type", "BreadcrumbList")
            json.member("itemListElement", array: { json in
                for (index, item) in ([(site.config.title, Route.home(page: 1))] + trail).enumerated() {
                    json.object { json in
                        json.member("@type", "ListItem")
                        json.member("position", index + 1)
                        json.member("name", item.0)
                        json.member("item", links.absolute(item.1))
                    }
                }
            })
        }
    }

    /// `{"@context": "https://schema.org", "@graph": [...]}` with the nodes `nodes` writes.
    private func graph(_ nodes: (inout JSONWriter) -> Void) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.member("@context", "https://schema.org")
            json.member("@graph", array: nodes)
        }
        return json.bytes
    }

    func article(_ article: Article) -> [UInt8] {
        let route = Route.article(article.date, article.slug)
        let leaders = article.leaderIDs.compactMap { site.leader($0) }
        let url = links.absolute(route)
        return graph { json in
            json.object { json in
                json.member("@type", "NewsArticle")
                json.member("headline", article.title)
                json.member("description", article.summary)
                json.member("datePublished", article.date.iso8601)
                json.member("dateModified", (article.updated ?? article.date).iso8601)
                json.key("author")
                if let author = article.author {
                    json.object { json in
                        json.member("@type", "Person")
                        json.member("name", author)
                    }
                } else {
                    publisher(&json)
                }
                json.key("publisher")
                publisher(&json)
                json.member("mainEntityOfPage", url)
                json.member("url", url)
                json.member("wordCount", article.wordCount)
                if let image = article.image { json.member("image", image) }
                if let first = leaders.first {
                    json.key("about")
                    person(first, &json)
                }
                if leaders.count > 1 {
                    json.member("mentions", array: { json in for leader in leaders.dropFirst() { person(leader, &json) } })
                }
            }
            breadcrumbs(
                [
                    (String(article.date.year), .year(article.date.year)),
                    (article.date.monthDisplay, .month(article.date.year, article.date.month)),
                    (article.title, route),
                ], &json)
        }
    }

    func leader(_ leader: Leader) -> [UInt8] {
        let route = Route.leader(leader.id, page: 1)
        return graph { json in
            json.object { json in
                json.member("@type", "ProfilePage")
                json.member("url", links.absolute(route))
                json.member("name", leader.name)
                json.member("mainEntity", object: { json in
                    json.member("@type", "Person")
                    json.member("name", leader.name)
                    if !leader.role.isEmpty { json.member("jobTitle", leader.role) }
                    if !leader.country.isEmpty {
                        json.member("nationality", object: { json in
                            json.member("@type", "Country")
                            json.member("name", leader.country)
                        })
                    }
                    json.member("description", Article.summary(from: leader.biography.firstParagraph))
                })
            }
            breadcrumbs([("Leaders", .leaders), (leader.name, route)], &json)
        }
    }

    func topic(_ topic: Topic) -> [UInt8] {
        let route = Route.topic(topic.id, page: 1)
        return graph { json in
            json.object { json in
                json.member("@type", "CollectionPage")
                json.member("url", links.absolute(route))
                json.member("name", topic.name)
                json.member("description", Article.summary(from: topic.explainer.firstParagraph))
            }
            breadcrumbs([("Topics", .topics), (topic.name, route)], &json)
        }
    }

    /// A plain collection page (home, indexes, archives).
    func collection(name: String, route: Route, trail: [(String, Route)]) -> [UInt8] {
        graph { json in
            json.object { json in
                json.member("@type", route == .home(page: 1) ? "WebSite" : "CollectionPage")
                json.member("url", links.absolute(route))
                json.member("name", name)
                json.member("description", site.config.description)
                json.key("publisher")
                publisher(&json)
            }
            if !trail.isEmpty { breadcrumbs(trail, &json) }
        }
    }
}
