import Testing
@testable import SitegenCore

struct HTMLLinkScannerTests {
    func scan(_ html: String) -> ScannedPage { HTMLLinkScanner().scan(Array(html.utf8)) }

    @Test func readsHrefSrcAndIDsInAnyQuoting() {
        let page = scan(#"<a href="/a/">A</a><img src='/b.png' id=pic><p ID="Intro">x</p><a name="old">"#)
        #expect(page.links == ["/a/", "/b.png"])
        #expect(page.ids == ["pic", "Intro", "old"])
    }

    @Test func decodesEntitiesInValues() {
        let page = scan(#"<a href="/search/?q=a&amp;b=&#39;c&#x27;">s</a>"#)
        #expect(page.links == ["/search/?q=a&b='c'"])
    }

    @Test func skipsCommentsScriptsAndStyles() {
        let page = scan("""
            <!-- <a href="/commented/"> --><script type="application/ld+json">{"url": "<a href='/json/'>"}</script>
            <style>a[href="/css/"] {}</style><a href="/real/">r</a>
            """)
        #expect(page.links == ["/real/"])
    }

    @Test func ignoresAttributesThatOnlyEndInHref() {
        let page = scan(#"<link data-href="/x/" href="/y/"><div data-id="no" id="yes">"#)
        #expect(page.links == ["/y/"])
        #expect(page.ids == ["yes"])
    }

    @Test func survivesUnclosedTags() {
        #expect(scan(#"<a href="/a/"#).links == ["/a/"])
        #expect(scan("<a href=").links == [""])
    }
}
