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

    /// A handle in the body names its leader, case-insensitively, and only as a whole handle.
    @Test func infersALeaderFromAHandle() {
        let leader = ProfileParser(renderer: renderer).parseLeader(SourceFile(
            path: "Content/leaders/anna-berg.md", text: "---\nname: Anna Berg\nhandles: [\"@AnnaBergPM\"]\n---\nBio.\n")).value!
        func inferred(_ body: String) -> [String] {
            let (site, _) = SiteAssembler(config: SiteConfig(), includeDrafts: false, now: nil).assemble(
                articles: [article("Content/articles/a.md", "title: Talks\ndate: 2025-01-01", body: body)],
                leaders: [leader], topics: [])
            return site.articles[0].leaderIDs.map(\.rawValue)
        }
        #expect(inferred("As @annabergpm wrote on Monday.") == ["anna-berg"])
        #expect(inferred("As @ANNABERGPM wrote.") == ["anna-berg"])
        #expect(inferred("As @AnnaBergPM2 wrote.") == [])
        #expect(inferred("As @AnnaBerg wrote.") == [])
    }

    /// The byte search that runs before Foundation's (`mayContain`) never hides a handle that
    /// Foundation's search finds: seeded random texts of handles, their near misses, other
    /// spellings (combining marks, U+037E for `;`, U+212A KELVIN SIGN, zero-width space,
    /// precomposed and decomposed letters) and separators, searched for every handle.
    @Test func handleSearchFindsWhatFoundationFinds() {
        let handles = [
            "@annabergpm", "@rterdogan", "@x", "@a;b", "@a`b", "@erdoğan", "@erdog\u{306}an", "@ß", "@straße",
            "@kk", "@ab", "ab", "@", "",
        ]
        let pieces = [
            "@AnnaBergPM", "@annabergpm", "@annaberg", "@RTErdogan", "@rterdogan_", "@x", "@X1", "@a;b", "@a\u{37E}b",
            "@a`b", "@a\u{1FEF}b", "@Erdoğan", "@erdog\u{306}an", "@erdogan", "@ß", "@SS", "@straße", "@strasse",
            "@\u{212A}k", "@K\u{212A}", "@a\u{200B}b", "@a\u{301}b", "@ab\u{301}", "@ab", "a\u{301}b", " ", "\n", ".",
            "—", "é", "e\u{301}", "word", "@@", "@ab_", "@ab-",
        ]
        var random = SyntheticNews.Random(state: 37)
        var checked = 0
        for _ in 0..<3_000 {
            let text = (0..<(1 + random.below(8))).map { _ in pieces[random.below(pieces.count)] }.joined().lowercased()
            for handle in handles {
                let exact = SiteAssembler.contains(handle: handle, in: text)
                let fast = SiteAssembler.mayContain(handle: handle, in: text) && exact
                #expect(fast == exact, "\(handle) in \(text.debugDescription)")
                if exact { checked += 1 }
            }
        }
        #expect(checked > 1_000)
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
