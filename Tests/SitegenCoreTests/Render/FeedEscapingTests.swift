import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenCore

/// Feeds, sitemaps and JSON built from hostile titles and summaries stay well-formed and
/// carry the text exactly.
struct FeedEscapingTests {
    static let hostileTitle = #"Tariffs & "truce" <b>talks</b> ]]> </script> 'x' \ done"#

    func buildHostileSite() throws -> FixtureSite {
        let site = FixtureSite("sites/basic")
        site.project.write("Content/articles/hostile.md", """
            ---
            title: '\(Self.hostileTitle.replacingOccurrences(of: "'", with: "''"))'
            date: 2026-02-16
            summary: "Summary with <script>alert(1)</script> & \\"quotes\\""
            ---
            Body.
            """)
        _ = try site.build().get()
        return site
    }

    /// Titles of every item, parsed back with Foundation's XML parser.
    final class TitleCollector: NSObject, XMLParserDelegate {
        var titles: [String] = []
        private var text: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "title" { text = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title", let text { titles.append(text) }
            text = nil
        }
    }

    @Test(arguments: ["feed.xml", "atom.xml"])
    func xmlFeedsParseAndKeepTheTitle(_ file: String) throws {
        let site = try buildHostileSite()
        let data = try Data(contentsOf: site.output.appendingPathComponent(file))
        let parser = XMLParser(data: data)
        let collector = TitleCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(file) is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.titles.contains(Self.hostileTitle))
        #expect(!String(decoding: data, as: UTF8.self).contains("<script>"))
    }

    @Test func jsonFeedParsesAndKeepsTheTitle() throws {
        let site = try buildHostileSite()
        let data = try Data(contentsOf: site.output.appendingPathComponent("feed.json"))
        let feed = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.contains { $0["title"] as? String == Self.hostileTitle })
        #expect(!String(decoding: data, as: UTF8.self).contains("</script>"))
    }

    @Test func sitemapsParse() throws {
        let site = try buildHostileSite()
        for file in ["sitemap.xml", "news-sitemap.xml"] {
            let parser = XMLParser(data: try Data(contentsOf: site.output.appendingPathComponent(file)))
            #expect(parser.parse(), "\(file)")
        }
    }

    @Test func jsonLDInTheArticlePageParses() throws {
        let site = try buildHostileSite()
        let page = try String(contentsOf: site.output.appendingPathComponent(
            "2026/02/16/tariffs-truce-b-talks-b-script-x-done/index.html"), encoding: .utf8)
        let start = try #require(page.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
        let graph = try #require(json?["@graph"] as? [[String: Any]])
        #expect(graph.first?["headline"] as? String == Self.hostileTitle)
    }
}
