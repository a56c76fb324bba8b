import MarkdownHTML
@testable import SitegenCore

/// Small sites built in memory from strings, through the real parse and model stages.
enum SearchSite {
    static let renderer = MarkdownRenderer()

    /// A leader file `Content/leaders/<id>.md`.
    static func leader(_ id: String, _ name: String, aliases: [String] = []) -> Leader {
        let text = "---\nname: \(name)\naliases: [\((aliases.isEmpty ? [name] : aliases).joined(separator: ", "))]\n---\nBio.\n"
        return ProfileParser(renderer: renderer).parseLeader(SourceFile(path: "Content/leaders/\(id).md", text: text)).value!
    }

    /// A topic file `Content/topics/<id>.md`.
    static func topic(_ id: String, _ name: String) -> Topic {
        let text = "---\nname: \(name)\nkeywords: [\(name)]\n---\nExplainer.\n"
        return ProfileParser(renderer: renderer).parseTopic(SourceFile(path: "Content/topics/\(id).md", text: text)).value!
    }

    /// An article with explicit leaders and topics (empty lists, so nothing is inferred).
    static func article(
        _ title: String, date: String, body: String, summary: String? = nil, leaders: [String] = [], topics: [String] = [],
        path: String? = nil, slug: String? = nil
    ) -> ParsedArticle {
        var front = "title: \"\(title)\"\ndate: \(date)\nleaders: [\(leaders.joined(separator: ", "))]\n"
        if let slug { front += "slug: \(slug)\n" }
        front += "topics: [\(topics.joined(separator: ", "))]\n"
        if let summary { front += "summary: \"\(summary)\"\n" }
        let file = SourceFile(path: path ?? "Content/articles/\(Slug(deriving: title).rawValue).md", text: "---\n\(front)---\n\(body)\n")
        return ArticleParser(renderer: renderer).parse(file).value!
    }

    /// The assembled site; fails the test run on any diagnostic.
    static func site(_ articles: [ParsedArticle], leaders: [Leader], topics: [Topic], language: String = "en") -> Site {
        var config = SiteConfig()
        config.language = language
        let (site, diagnostics) = SiteAssembler(config: config, includeDrafts: false, now: nil)
            .assemble(articles: articles, leaders: leaders, topics: topics)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return site
    }

    /// The sample used by the index tests: three articles, two leaders, two topics.
    static func sample() -> Site {
        let leaders = [leader("xi-jinping", "Xi Jinping"), leader("recep-tayyip-erdogan", "Recep Tayyip Erdoğan")]
        let topics = [topic("soybeans", "Soybeans"), topic("trade", "Trade")]
        return site([
            article("Xi meets farmers", date: "2025-11-03", body: "Soybeans were on the table. Soybeans again.",
                    leaders: ["xi-jinping"], topics: ["soybeans"], path: "Content/articles/a.md"),
            article("Ankara talks", date: "2025-11-02", body: "Erdoğan spoke about trade and soybeans.",
                    leaders: ["recep-tayyip-erdogan"], topics: ["trade"], path: "Content/articles/b.md"),
            article("A quiet year", date: "2024-12-31", body: "Nothing about the 𝘚𝘵𝘺𝘭𝘦𝘥 markets.",
                    summary: "Markets were calm.", path: "Content/articles/c.md"),
        ], leaders: leaders, topics: topics)
    }
}
