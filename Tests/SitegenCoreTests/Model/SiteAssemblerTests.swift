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

    /// Handles found on the bytes (`HandleSearch`) are exactly those lowercasing and
    /// Foundation's search find: seeded random texts of handles in any case, near misses,
    /// repeats and overlaps, other spellings (combining marks before, inside and after, on a
    /// following `_` too, U+037E for `;`, the Kelvin sign, dotted capital I, a prepended
    /// mark, zero-width and other ignorable characters, precomposed and decomposed letters)
    /// and separators, searched for every handle.
    @Test func handlesFoundOnBytesAreThoseFoundationFinds() {
        let handles = [
            "@annabergpm", "@rterdogan", "@x", "@a;b", "@a`b", "@erdoğan", "@ß", "@straße", "@kk", "@ik",
            "@i\u{307}k", "@ab", "ab", "aba", "kab", "@", "", "@a b", "_",
        ]  // distinct as strings, as a dictionary's keys are ("@erdog\u{306}an" is "@erdoğan")
        let pieces = [
            "@AnnaBergPM", "@annabergpm", "@annaberg", "@RTErdogan", "@rterdogan_", "@x", "@X1", "@a;b", "@a\u{37E}b",
            "@a`b", "@a\u{1FEF}b", "@Erdoğan", "@ERDOĞAN", "@erdog\u{306}an", "@erdogan", "@ß", "@SS", "@straße",
            "@strasse", "@\u{212A}k", "@K\u{212A}", "\u{212A}", "@\u{130}K", "@Ik", "\u{130}", "@a\u{200B}b", "@a\u{AD}b",
            "@a\u{34F}b", "@a\u{200D}b", "@a\u{301}b", "@ab\u{301}", "@ab_\u{301}", "\u{301}", "\u{600}", "@AB", "@ab",
            "a\u{301}b", "KAB", "abab", "ABA", "@a b", " ", "\n", "\r\n", ".", "—", "é", "e\u{301}", "word", "@@", "@ab_",
            "@ab-", "_", "1",
        ]
        let search = HandleSearch(handles)
        var random = SyntheticNews.Random(state: 37)
        var found = 0
        for _ in 0..<6_000 {
            let text = (0..<(1 + random.below(8))).map { _ in pieces[random.below(pieces.count)] }.joined()
            let exact = Set(handles.filter { HandleSearch.contains(handle: $0, in: text.lowercased()) })
            let fast = search.handles(foundIn: text)
            #expect(Set(fast) == exact && fast.count == exact.count, "\(text.debugDescription)")
            found += exact.count
        }
        #expect(found > 3_000)
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
