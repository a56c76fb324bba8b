import Foundation
import Testing

@testable import SitegenCore

/// Article bodies are read again from their files when pages are rendered: the pages show
/// them, and a file that changed since it was parsed stops the build before anything is written.
struct BodyReadAgainTests {
    let site = FixtureSite("sites/basic")

    func output(_ path: String) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func renderedPagesContainTheBody() throws {
        _ = try site.build().get()
        let page = "2026/02/14/halden-bridge-to-reopen-after-quota-deal/"
        #expect(
            try output(page + "index.html").contains(
                "<p>Prime Minister Berg and President Kiel agreed to reopen the <strong>Halden bridge</strong> on Monday.</p>\n"
                    + "<h2>What changes</h2>\n<ul>\n<li>Lorries may cross again from 6 am.</li>"))
        #expect(
            try output(page + "index.md").contains(
                "agreed to reopen the **Halden bridge** on Monday.\n\n## What changes\n\n- Lorries may cross again from 6 am.\n"
            ))
        #expect(
            try output("feed.json").contains(
                #"the \u003cstrong\u003eHalden bridge\u003c/strong\u003e on Monday.\u003c/p\u003e\n\u003ch2\u003eWhat changes"#
            ))
        #expect(
            try output("feed.xml").contains("Halden bridge") && output("atom.xml").contains("What changes"))
        // A word only the body has is in the search index.
        let shards = try FileManager.default.contentsOfDirectory(
            atPath: site.output.appendingPathComponent("search/index").path)
        #expect(try shards.contains { try output("search/index/" + $0).contains(#""lorries":"#) })
        // Raw HTML stays out of the Markdown twin, as libcmark's safe rendering has it.
        let twin = try output("2026/01/20/tariff-talks-stall-in-vestmark/index.md")
        #expect(twin.contains("Raw HTML is not passed through:") && !twin.contains("<script>"))
    }

    /// The article file is replaced, again and again and with the same text, while the build
    /// runs, so the file its pages read is never the one that was parsed. (A rename takes
    /// microseconds; Model and Plan, between the parse and the first page, take far longer.)
    @Test func aBodyChangedDuringTheBuildFailsItAndNothingIsWritten() throws {
        _ = try site.build().get()
        let before = FixtureSite.allFiles(in: site.output).map { path in
            (path, FileManager.default.contents(atPath: site.output.appendingPathComponent(path).path))
        }
        let path = "Content/articles/bridge-reopens.md"
        let target = site.project.url.appendingPathComponent(path).path
        let text = Data(try #require(site.project.read(path)).utf8)
        let spare = site.project.url.appendingPathComponent("spare.md").path  // outside Content/
        let stop = FailureFlag()
        let started = DispatchSemaphore(value: 0)
        let replacing = DispatchGroup()
        DispatchQueue.global().async(group: replacing) {
            var first = true
            while !stop.isSet {
                _ = FileManager.default.createFile(atPath: spare, contents: text)  // a failure shows as the build passing
                rename(spare, target)
                if first { started.signal() }
                first = false
            }
        }
        started.wait()
        let result = site.build()
        stop.set()
        replacing.wait()
        guard case .failure(let failure) = result else {
            Issue.record("expected the build to fail")
            return
        }
        #expect(
            failure.errors.map(\.description) == [
                "Content/articles/bridge-reopens.md:1:1: error: file changed during the build, after it was read "
                    + "(hint: build again)"
            ])
        let after = FixtureSite.allFiles(in: site.output).map { path in
            (path, FileManager.default.contents(atPath: site.output.appendingPathComponent(path).path))
        }
        #expect(after.map(\.0) == before.map(\.0))
        #expect(after.map(\.1) == before.map(\.1))
    }
}
