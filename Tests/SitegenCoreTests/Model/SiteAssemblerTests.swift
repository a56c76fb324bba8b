import MarkdownHTML
import Testing
@testable import SitegenCore

struct SiteAssemblerTests {
    let renderer = MarkdownRenderer()

    func article(_ path: String, _ front: String, body: String = "Body.") -> ParsedArticle {
        ArticleParser(renderer: renderer).parse(SourceFile(path: path, text: "---\n\(front)\n---\n\(body)\n")).value!
    }

    var leaders: [Leader] {
        [ProfileParser(renderer: renderer).parseLeader(SourceFile(
            path: "Content/leaders/xi-jinping.md", text: "---\nname: Xi Jinping\naliases: [Xi Jinping, Xi]\n---\nBio.\n")).value!]
    }

    var topics: [Topic] {
        [ProfileParser(renderer: renderer).parseTopic(SourceFile(
            path: "Content/topics/soybeans.md", text: "---\nname: Soybeans\nkeywords: [soybeans, Soybeans]\n---\nText.\n")).value!]
    }

    func assemble(_ articles: [ParsedArticle]) -> (Site, [SitegenError]) {
        SiteAssembler(config: SiteConfig(), includeDrafts: false, now: nil)
            .assemble(articles: articles, leaders: leaders, topics: topics)
    }

    @Test func unknownLeaderSuggestsTheClosestID() {
        let (_, diagnostics) = assemble([article("Content/articles/a.md", "title: A\ndate: 2025-01-01\nleaders: [xi-jinpin]")])
        #expect(diagnostics.map(\.description) == [
            "Content/articles/a.md:4:11: error: unknown leader 'xi-jinpin' (did you mean 'xi-jinping'?)"
        ])
    }

    @Test func infersLeadersAndTopicsFromText() {
        let (site, diagnostics) = assemble([article(
            "Content/articles/a.md", "title: Xi talks trade\ndate: 2025-01-01", body: "Soybeans again. More soybeans.")])
        #expect(diagnostics.isEmpty)
        #expect(site.articles[0].leaderIDs.map(\.rawValue) == ["xi-jinping"])
        #expect(site.articles[0].topicIDs.map(\.rawValue) == ["soybeans"])
    }

    @Test func oneKeywordMentionInTheBodyIsNotEnough() {
        let (site, _) = assemble([article("Content/articles/a.md", "title: A\ndate: 2025-01-01", body: "Soybeans once.")])
        #expect(site.articles[0].topicIDs.isEmpty)
    }

    @Test func duplicateURLNamesBothFiles() {
        let (site, diagnostics) = assemble([
            article("Content/articles/a.md", "title: Same\ndate: 2025-01-01"),
            article("Content/articles/b.md", "title: Same\ndate: 2025-01-01"),
        ])
        #expect(site.articles.count == 1)
        #expect(diagnostics.map(\.description) == [
            "Content/articles/b.md:1:1: error: duplicate URL '/2025/01/01/same/', already used by Content/articles/a.md "
                + "(hint: set a different 'slug' in one of them)"
        ])
    }

    @Test func draftsAreSkippedWithAWarning() {
        let (site, diagnostics) = assemble([article("Content/articles/a.md", "title: A\ndate: 2025-01-01\ndraft: true")])
        #expect(site.articles.isEmpty)
        #expect(diagnostics == [.warning(.draftSkipped, at: SitegenCore.SourceLocation(path: "Content/articles/a.md"))])
    }

    @Test func sortsNewestFirstThenBySlug() {
        let (site, _) = assemble([
            article("Content/articles/a.md", "title: B\ndate: 2025-01-01"),
            article("Content/articles/b.md", "title: A\ndate: 2025-01-01"),
            article("Content/articles/c.md", "title: C\ndate: 2025-02-01"),
        ])
        #expect(site.articles.map(\.title) == ["C", "A", "B"])
    }
}
