import Foundation
import Testing
@testable import SitegenCore

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every byte of content is hostile until escaped (the issue's point 3): a site full of
/// script markers builds, and no output file lets one through.
struct HostileContentTests {
    @Test func noOutputFileCarriesTheMarkerUnescaped() throws {
        let site = HostileSite()
        let report = try site.build().get()
        let files = site.outputFiles()
        #expect(report.articles == 4)
        #expect(files.count > 30)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self).lowercased()
            #expect(!text.contains("<script>alert"), "\(path) holds the marker unescaped")
        }
    }

    @Test func htmlHasNoScriptLinksHandlersOrForeignScripts() throws {
        let site = HostileSite()
        _ = try site.build().get()
        let scriptLink = try Regex(#"(?i)(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data):"#)
        let handler = try Regex(#"(?i)<[a-z][^>]*\son[a-z]+\s*="#)
        let scriptTag = try Regex(#"(?i)<script\b[^>]*>"#)
        // The only scripts a page may load: JSON-LD, and the theme's own files under /assets/.
        let themeScript = try Regex(#"<script src="/news/assets/[a-z0-9-]+\.js"( defer| async)*>"#)
        var pages = 0
        for (path, data) in site.outputFiles() where path.hasSuffix(".html") {
            pages += 1
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.firstMatch(of: scriptLink) == nil, "\(path) links to a script URL")
            #expect(text.firstMatch(of: handler) == nil, "\(path) has an event handler attribute")
            for match in text.matches(of: scriptTag) {
                let tag = String(text[match.range])
                #expect(tag == #"<script type="application/ld+json">"# || tag.wholeMatch(of: themeScript) != nil, "\(path): \(tag)")
            }
        }
        #expect(pages > 10)
    }

    @Test func everyJSONLDBlockParses() throws {
        let site = HostileSite()
        _ = try site.build().get()
        var blocks = 0
        for (path, data) in site.outputFiles() where path.hasSuffix(".html") {
            let text = String(decoding: data, as: UTF8.self)
            var rest = text[...]
            while let open = rest.range(of: #"<script type="application/ld+json">"#) {
                guard let close = rest.range(of: "</script>", range: open.upperBound..<rest.endIndex) else {
                    Issue.record("\(path): JSON-LD block not closed")
                    break
                }
                let json = Data(rest[open.upperBound..<close.lowerBound].utf8)
                #expect(throws: Never.self, "\(path)") { try JSONSerialization.jsonObject(with: json) }
                blocks += 1
                rest = rest[close.upperBound...]
            }
        }
        #expect(blocks > 10)
    }

    @Test func everyXMLFileAndTheJSONFeedParse() throws {
        let site = HostileSite()
        _ = try site.build().get()
        var xmlFiles = 0
        for (path, data) in site.outputFiles() {
            if path.hasSuffix(".xml") {
                xmlFiles += 1
                let parser = XMLParser(data: data)
                #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
            } else if path.hasSuffix(".json") {
                #expect(throws: Never.self, "\(path)") { try JSONSerialization.jsonObject(with: data) }
            }
        }
        #expect(xmlFiles >= 6)
        let feed = try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("feed.json")))
        let items = (feed as? [String: Any])?["items"] as? [[String: Any]]
        #expect(items?.count == 4)
        #expect(items?.contains { ($0["title"] as? String)?.contains(HostileSite.marker) == true } == true,
                "feed.json keeps the title's text, escaped as JSON")
    }

    @Test func textsSurviveAsTextNotAsMarkup() throws {
        let site = HostileSite()
        _ = try site.build().get()
        let path = FixtureSite.files(in: site.output).first { $0.hasPrefix("2025/03/01/") && $0.hasSuffix("index.html") }
        let article = try String(contentsOf: site.output.appendingPathComponent(path ?? ""), encoding: .utf8)
        #expect(article.contains("&lt;script&gt;alert(&quot;pwn&quot;)&lt;/script&gt;"))
        #expect(article.contains(#"href="https://example.org/?q=&quot;&gt;&lt;script&gt;"#))
    }

    @Test func unsafeHTMLOptsInAndWarns() throws {
        let site = HostileSite(unsafeHTML: true)
        let report = try site.build().get()
        #expect(report.warnings.map(\.description) == [
            "Content/site.yml:5:14: warning: 'unsafe_html: true' lets raw HTML and script links from articles into the site"
        ])
        let article = FixtureSite.files(in: site.output).first { $0.hasPrefix("2025/03/01/") && $0.hasSuffix(".html") }
        let html = try String(contentsOf: site.output.appendingPathComponent(article ?? ""), encoding: .utf8)
        #expect(html.contains(HostileSite.marker), "raw HTML in a Markdown body passes when opted in")
    }
}
