import MarkdownHTML
import Testing
@testable import SitegenCore

/// Posts embedded in raw texts are listed on the page of the leader who wrote them.
struct LeaderPostsTests {
    let renderer = MarkdownRenderer()

    func leader(_ id: String, _ front: String) -> Leader {
        ProfileParser(renderer: renderer).parseLeader(
            SourceFile(path: "Content/leaders/\(id).md", text: "---\n\(front)\n---\nBio.\n")).value!
    }

    func site(raw: String) -> Site {
        let article = RawTextParser().parse(SourceFile(path: "Content/articles/a.txt", text: raw)).value!
        let leaders = [
            leader("anna-berg", "name: Anna Berg\naliases: [Anna Berg, Berg]\nhandles: [\"@AnnaBergPM\"]"),
            leader("tomas-kiel", "name: Tomas Kiel\naliases: [Tomas Kiel, President Kiel]"),
        ]
        return SiteAssembler(config: SiteConfig(), includeDrafts: false, now: nil)
            .assemble(articles: [article], leaders: leaders, topics: []).0
    }

    @Test func matchesByHandleInAnyCase() {
        let site = site(raw: """
            date 2026-02-14 The prime minister posted about the bridge.

            ( @annabergpm – Social Post )

            The bridge reopens on Monday. — Anna Berg (@AnnaBergPM) February 14, 2026
            """)
        #expect(site.postsByLeader[Slug(validating: "anna-berg")!]?.count == 1)
        #expect(site.postsByLeader[Slug(validating: "tomas-kiel")!] == nil)
    }

    @Test func matchesByStyledNameWhenTheHandleIsUnknown() {
        let site = site(raw: """
            date 2026-02-14 The president posted about the bridge.

            A good week for Vestmark. — 𝘛𝘰𝘮𝘢𝘴 𝘒𝘪𝘦𝘭 (@kielofficial) February 14, 2026
            """)
        #expect(site.postsByLeader[Slug(validating: "tomas-kiel")!]?.count == 1)
    }

    @Test func aDeskAccountIsNobody() {
        let site = site(raw: """
            date 2026-02-14 A desk posted about the bridge.

            Bridge open. — Baltic Wire Desk (@balticwiredesk) February 14, 2026
            """)
        #expect(site.postsByLeader.isEmpty)
    }
}
