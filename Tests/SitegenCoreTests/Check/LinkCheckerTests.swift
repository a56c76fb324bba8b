import Testing
@testable import SitegenCore

struct LinkCheckerTests {
    /// The broken links of `pages`, scanned as `check` scans them while they render.
    func check(_ checker: LinkChecker, _ pages: [RenderedPage], otherFiles: [String] = []) -> [String] {
        let scans = LinkScans()
        for page in pages { scans.add(page) }
        return checker.check(scanned: scans.scanned, files: Set(pages.map(\.path) + otherFiles)).map(\.description)
    }

    let pages = [
        RenderedPage(path: "index.html", text: #"<main id="main"><a href="/a/">a</a></main>"#),
        RenderedPage(path: "a/index.html", text: #"<h2 id="facts">Facts</h2>"#),
        RenderedPage(path: "a/index.md", text: "# A"),
        RenderedPage(path: "feed.xml", text: "<rss/>"),
    ]

    func broken(_ html: String, base: String = "https://example.org/") -> [String] {
        let basePath = base.hasSuffix("/news/") ? "/news/" : "/"
        let checker = LinkChecker(baseURL: base, basePath: basePath)
        let page = RenderedPage(path: "b/c/index.html", text: html)
        return check(checker, pages + [page], otherFiles: ["assets/site.css"])
    }

    @Test func acceptsExistingPagesFilesAndAnchors() {
        let html = #"""
            <a href="/">home</a><a href="/a/">a</a><a href="/a">no slash</a><a href="/a/index.md">md</a>
            <a href="/a/#facts">anchor</a><a href="#self">self</a><span id="self"></span><a href="#">top</a>
            <a href="../../a/">relative</a><a href="../../feed.xml?x=1">query</a><link href="/assets/site.css">
            <a href="https://example.org/a/">own absolute</a><a href="https://other.org/nope/">external</a>
            <a href="mailto:desk@example.org">mail</a><a href="//cdn.example.com/x.js">cdn</a><a href="#top">top</a>
            """#
        #expect(broken(html) == [])
    }

    @Test func reportsMissingPagesAnchorsAndEscapes() {
        let html = #"""
            <a href="/missing/">m</a><a href="/a/#nope">a</a><a href="#gone">g</a><a href="../../../../x/">up</a>
            <a href="https://example.org/b/">own missing</a><img src="/assets/logo.png"><a href="/missing/">again</a>
            """#
        #expect(broken(html) == [
            "/b/c/ -> #gone", "/b/c/ -> ../../../../x/", "/b/c/ -> /a/#nope", "/b/c/ -> /assets/logo.png",
            "/b/c/ -> /missing/", "/b/c/ -> https://example.org/b/",
        ])
    }

    @Test func aRootLinkOutsideTheBasePathIsBroken() {
        let checker = LinkChecker(baseURL: "https://example.org/news/", basePath: "/news/")
        let page = RenderedPage(path: "index.html", text: #"<a href="/news/">ok</a><a href="/news">ok</a><a href="/a/">out</a>"#)
        let pages = [page, RenderedPage(path: "a/index.html", text: "")]
        #expect(check(checker, pages) == ["/news/ -> /a/"])
    }

    /// The scan that returns a path without dot segments as it is agrees with normalizing
    /// segment by segment, on seeded random paths of dots, slashes and names.
    @Test func pathsWithoutDotSegmentsAreLeftAsTheyAre() {
        let pieces = ["a", ".", "..", "...", "/", "//", ".a", "a.", "index.html", "é", "..b"]
        var random = SyntheticNews.Random(state: 59)
        for _ in 0..<3_000 {
            let path = (0..<random.below(9)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(LinkChecker.normalize(path) == LinkChecker.normalizeBySegments(path), "\(path.debugDescription)")
        }
    }

    @Test func normalizesDotSegments() {
        #expect(LinkChecker.normalize("a/./b/../c") == "a/c")
        #expect(LinkChecker.normalize("a/..") == "")
        #expect(LinkChecker.normalize("../a") == nil)
    }

    @Test(arguments: ["", "/news/"])
    func fixtureSiteHasNoBrokenLinks(basePath: String) throws {
        let site = FixtureSite("sites/basic")
        let baseURL = basePath.isEmpty ? nil : "https://example.org/news/"
        let report = try SiteBuilder(options: BuildOptions(
            root: site.project.url, baseURL: baseURL, includeDrafts: true,
            now: BuildOptions.unixTime(parsing: "2026-02-16"))).check().get()
        #expect(report.brokenLinks == [])
        #expect(!site.project.exists("Output"))
    }
}
