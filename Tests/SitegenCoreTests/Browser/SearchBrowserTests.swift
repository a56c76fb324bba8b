import Foundation
import Testing
@testable import SitegenCore

/// Opens `/search/` of the sample site (the repository's `Content/` and `Templates/`) in Debian's
/// headless chromium, served from a loopback server started by the test. Skipped only where
/// chromium is not installed and this is not CI; `.ci/run` installs it.
@Suite(.enabled(
    if: HeadlessChromium.isInstalled || HeadlessChromium.isCI,
    "chromium is not installed: install it (apt-get install chromium) to run the browser test of /search/"))
struct SearchBrowserTests {
    /// The sample site built into `<serve>/<subpath>`, ready to be served from `<serve>`.
    struct SampleSite {
        let folder = TemporaryDirectory()
        var serve: URL { folder.url.appendingPathComponent("serve") }

        init(subpath: String = "", baseURL: String? = nil) throws {
            let project = folder.url.appendingPathComponent("project")
            FixtureSite.copy(FixtureSite.repositoryRoot.appendingPathComponent("Content"), to: project.appendingPathComponent("Content"))
            FixtureSite.copy(FixtureSite.repositoryRoot.appendingPathComponent("Templates"), to: project.appendingPathComponent("Templates"))
            let output = serve.appendingPathComponent(subpath)
            let options = BuildOptions(root: project, output: output, baseURL: baseURL, now: BuildOptions.unixTime(parsing: "2026-01-01"))
            _ = try SiteBuilder(options: options).build().get()
        }
    }

    @Test func searchPageFromALinkShowsRankedHighlightedResults() throws {
        let site = try SampleSite()
        let server = try LoopbackServer(serving: site.serve)
        defer { server.stop() }
        let dom = try HeadlessChromium.dumpDOM(server.url("/search/?q=soybeans"))
        let status = try #require(HeadlessChromium.text(ofElement: "search-status", in: dom))
        #expect(status.range(of: #"^\d+ articles? for “soybeans”\.$"#, options: .regularExpression) != nil, "\(status)")
        #expect(dom.contains(#"<article class="card search-hit"><h2><a href="/20"#))
        #expect(dom.range(of: #"<a href="/\d{4}/\d\d/\d\d/[a-z0-9-]*soybean[a-z0-9-]*/">"#, options: .regularExpression) != nil)
        #expect(dom.lowercased().contains("<mark>soybean"))
    }

    @Test func searchWorksUnderASubPathWithStyledLetters() throws {
        let site = try SampleSite(subpath: "news", baseURL: "https://example.org/news/")
        let server = try LoopbackServer(serving: site.serve)
        defer { server.stop() }
        // 𝘚𝘰𝘺𝘣𝘦𝘢𝘯𝘴, typed in styled letters, folds to "soybeans".
        let dom = try HeadlessChromium.dumpDOM(server.url("/news/search/?q=%F0%9D%98%9A%F0%9D%98%B0%F0%9D%98%BA%F0%9D%98%A3%F0%9D%98%A6%F0%9D%98%A2%F0%9D%98%AF%F0%9D%98%B4"))
        #expect(dom.contains(#"<article class="card search-hit"><h2><a href="/news/20"#))
        #expect(!dom.contains(#"<a href="/20"#))
        #expect(HeadlessChromium.text(ofElement: "search-status", in: dom)?.contains("for “𝘚𝘰𝘺𝘣𝘦𝘢𝘯𝘴”") == true)
    }

    @Test func browserFoldsAndSplitsExactlyAsTheIndexBuilder() throws {
        let samples = [
            "Erdoğan", "ERDOGAN", "𝘚𝘵𝘺𝘭𝘦𝘥 𝐁𝐨𝐥𝐝", "İSTANBUL", "ΟΔΟΣ", "Straße Łukasz Ærø", "ﬁnance", "Ｆｕｌｌ-width",
            "Путин и Зеленский", "习近平 한국어", "Kyïv, São Paulo; Ñandú", "x² ½ ①", "don't—stop", "US$5bn 10%",
            "e\u{301}te\u{301}", "Zelenskyy's", String(repeating: "ab", count: 20),
        ]
        let expected = samples.map { sample -> [String] in
            let folded = SearchFolding.fold(sample)
            return [folded] + SearchFolding.words(inFolded: folded)
        }
        let site = try SampleSite()
        let json = String(decoding: try JSONEncoder().encode(samples), as: UTF8.self)
        try Data("""
            <!DOCTYPE html><meta charset="utf-8"><pre id="out">not run</pre><script src="/assets/search.js"></script>
            <script>document.getElementById('out').textContent = JSON.stringify(\(json).map(function (s) {
              var f = SitegenSearch.fold(s); return [f].concat(SitegenSearch.words(f, 32)); }));</script>
            """.utf8).write(to: site.serve.appendingPathComponent("parity.html"))
        let server = try LoopbackServer(serving: site.serve)
        defer { server.stop() }
        let text = try #require(HeadlessChromium.text(ofElement: "out", in: HeadlessChromium.dumpDOM(server.url("/parity.html"))))
        let folded = try JSONDecoder().decode([[String]].self, from: Data(text.utf8))
        #expect(folded == expected)
    }

    @Test func arrowKeysMoveThroughResultsAndBack() throws {
        let site = try SampleSite()
        try Data("""
            <!DOCTYPE html><meta charset="utf-8"><pre id="out">not run</pre>
            <iframe id="frame" src="/search/?q=trump" width="900" height="700"></iframe>
            <script>
            var frame = document.getElementById('frame');
            function key(target, name) { target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true })); }
            function check() {
              var doc = frame.contentDocument;
              var links = Array.from(doc.querySelectorAll('#search-results h2 a'));
              if (links.length < 2) { setTimeout(check, 50); return; }
              var input = doc.getElementById('search-query');
              var steps = [];
              input.focus();
              key(input, 'ArrowDown'); steps.push(doc.activeElement === links[0]);
              key(doc.activeElement, 'ArrowDown'); steps.push(doc.activeElement === links[1]);
              key(doc.activeElement, 'ArrowUp'); steps.push(doc.activeElement === links[0]);
              key(doc.activeElement, 'ArrowUp'); steps.push(doc.activeElement === input);
              var label = doc.querySelector('label[for="search-query"]');
              steps.push(!!label && label.textContent.length > 0, doc.getElementById('search-status').getAttribute('aria-live') === 'polite');
              document.getElementById('out').textContent = JSON.stringify(steps);
            }
            frame.addEventListener('load', check);
            </script>
            """.utf8).write(to: site.serve.appendingPathComponent("keys.html"))
        let server = try LoopbackServer(serving: site.serve)
        defer { server.stop() }
        let steps = HeadlessChromium.text(ofElement: "out", in: try HeadlessChromium.dumpDOM(server.url("/keys.html")))
        #expect(steps == "[true,true,true,true,true,true]")
    }
}
