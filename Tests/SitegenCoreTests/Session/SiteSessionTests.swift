import Foundation
import Testing

@testable import SitegenCore

/// An incremental build must give exactly what a fresh build of the same input gives.
struct SiteSessionTests {
    let site = FixtureSite("sites/basic")
    let now = BuildOptions.unixTime(parsing: "2026-02-16")

    var session: SiteSession { SiteSession(options: BuildOptions(root: site.project.url, now: now)) }

    /// Builds the project afresh into `Fresh/` and compares it with `Output/`, file by file.
    func expectSameAsFreshBuild(_ comment: Comment? = nil) throws {
        let fresh = site.project.url.appendingPathComponent("Fresh")
        try? FileManager.default.removeItem(at: fresh)
        _ = try SiteBuilder(options: BuildOptions(root: site.project.url, output: fresh, now: now)).build()
            .get()
        let files = FixtureSite.files(in: site.output)
        #expect(files == FixtureSite.files(in: fresh), comment)
        for path in files where path != Manifest.fileName {
            #expect(
                FileManager.default.contents(atPath: site.output.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: fresh.appendingPathComponent(path).path),
                "\(path)")
        }
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = site.project.url.appendingPathComponent(path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(
            to: url, atomically: true, encoding: .utf8)
    }

    @Test func firstBuildMatchesAFreshBuild() throws {
        _ = try session.build().get()
        try expectSameAsFreshBuild()
    }

    @Test func editedTitleRebuildsOnlyWhatChanged() throws {
        let session = self.session
        let first = try session.build().get()
        let again = try session.build().get()
        #expect(again.written == 0)
        #expect(again.unchanged == first.written)
        try edit("Content/articles/bridge-reopens.md") {
            $0.replacingOccurrences(of: "Halden bridge to reopen", with: "Halden bridge reopens")
        }
        let edited = try session.build().get()
        #expect(edited.written > 0)
        #expect(edited.written < first.written)
        try expectSameAsFreshBuild()
    }

    /// The HTML Parse keeps is taken by every article's page in a session's first build, and a
    /// later build that renders only some pages keeps none: a file saved again unchanged is
    /// parsed again, its page is not rendered, and no HTML stays in the session's model.
    @Test func noKeptHTMLStaysBetweenBuilds() throws {
        let session = self.session
        _ = try session.build().get()
        let articles = { session.last?.site.articles ?? [] }
        #expect(!articles().isEmpty)
        #expect(!articles().contains { $0.body.hasKeptHTML })
        try edit("Content/articles/bridge-reopens.md") { $0 }  // same text, a new file
        let again = try session.build().get()
        #expect(again.written == 0)
        #expect(!articles().contains { $0.body.hasKeptHTML })
        try edit("Content/articles/bridge-reopens.md") {
            $0.replacingOccurrences(of: "Halden bridge to reopen", with: "Halden bridge reopens")
        }
        _ = try session.build(changed: [site.project.url.appendingPathComponent("Content/articles/bridge-reopens.md").path]).get()
        #expect(!articles().contains { $0.body.hasKeptHTML })
        try expectSameAsFreshBuild()
    }

    /// A session's full build after a settled one (a template changed) knows the static files'
    /// copies from the stamps it kept and does not read them; one changed in the output
    /// folder since has another stamp, and is compared and put back.
    @Test func staticCopiesAreKnownFromTheLastBuildAndRestoredWhenChanged() async throws {
        try await Task.sleep(nanoseconds: UInt64((Double(BuildStamps.settleSeconds) + 1.1) * 1e9))
        let session = self.session
        _ = try session.build().get()
        let paths = BuildOptions(root: site.project.url).paths
        let files = try TemplateLoader(paths: paths, maxFileSize: .max).load().get().assets
            + ContentLoader(paths: paths, maxFileSize: .max).load().staticFiles
        let known = { try #require(session.last).staticFiles.copies(of: files, now: StaticFileStamps(sourcesOf: files)) }
        #expect(try known().count == files.count)

        let copy = try #require(site.project.read("Output/robots-extra.txt"))
        try await Task.sleep(nanoseconds: 20_000_000)  // past the clock's resolution, where it is coarse
        site.project.write("Output/robots-extra.txt", String(repeating: "x", count: copy.utf8.count))
        try edit("Templates/article.html.mustache") { $0 + "\n" }
        let rebuilt = try session.build().get()
        #expect(rebuilt.staticCopiesKept == files.count - 1)
        #expect(rebuilt.changedFiles.contains("robots-extra.txt"))
        #expect(site.project.read("Output/robots-extra.txt") == copy)
        #expect(try known().count == files.count)
        try expectSameAsFreshBuild()
    }

    @Test func renamedAddedAndDeletedArticlesLeaveNoStalePage() throws {
        let session = self.session
        _ = try session.build().get()
        try edit("Content/articles/sk-ars-visit.md") {
            $0.replacingOccurrences(of: "slug: berg-skargard-visit", with: "slug: berg-islands")
        }
        _ = try session.build().get()
        #expect(!site.project.exists("Output/2026/01/05/berg-skargard-visit/index.html"))
        try expectSameAsFreshBuild("after a new slug")
        site.project.write(
            "Content/articles/new-one.md", "---\ntitle: A new one\ndate: 2026-02-15\n---\nKiel spoke.\n")
        _ = try session.build().get()
        try expectSameAsFreshBuild("after an added article")
        try FileManager.default.removeItem(
            at: site.project.url.appendingPathComponent("Content/articles/tariff-talks.md"))
        _ = try session.build().get()
        try expectSameAsFreshBuild("after a deleted article")
    }

    /// List items are rendered once and kept with the articles' list values between builds;
    /// a changed item template must show in every list, never the items kept from before.
    @Test func changedListItemTemplateShowsInEveryList() throws {
        let session = self.session
        _ = try session.build().get()
        try edit("Content/articles/bridge-reopens.md") {
            $0.replacingOccurrences(of: "Halden bridge to reopen", with: "Halden bridge reopens")
        }
        _ = try session.build().get()
        try edit("Templates/partials/article-list.html.mustache") {
            $0.replacingOccurrences(of: "<p class=\"summary\">", with: "<p class=\"summary lede\">")
        }
        try edit("Templates/partials/article-list.md.mustache") { $0.replacingOccurrences(of: " — ", with: " · ") }
        _ = try session.build().get()
        #expect(try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
            .contains("summary lede"))
        try expectSameAsFreshBuild()
    }

    @Test func changedTemplateOrLeaderRendersEverythingAgain() throws {
        let session = self.session
        _ = try session.build().get()
        try edit("Templates/partials/footer.html.mustache") {
            $0.replacingOccurrences(of: "Built with", with: "Made with")
        }
        _ = try session.build().get()
        try expectSameAsFreshBuild("after a template change")
        try edit("Content/leaders/anna-berg.md") {
            $0.replacingOccurrences(of: "name: Anna Berg", with: "name: Anna M. Berg")
        }
        _ = try session.build().get()
        try expectSameAsFreshBuild("after a leader change")
    }

    @Test func failedBuildWritesNothingAndTheNextOneCatchesUp() throws {
        let session = self.session
        _ = try session.build().get()
        let before = FixtureSite.files(in: site.output)
        try edit("Content/articles/bridge-reopens.md") {
            $0.replacingOccurrences(of: "leaders: [anna-berg", with: "leaders: [anna-bergg")
        }
        guard case .failure = session.build() else {
            Issue.record("expected an unknown leader")
            return
        }
        #expect(FixtureSite.files(in: site.output) == before)
        try edit("Content/articles/bridge-reopens.md") {
            $0.replacingOccurrences(of: "leaders: [anna-bergg", with: "leaders: [anna-berg")
                .replacingOccurrences(of: "Halden bridge to reopen", with: "Halden bridge reopens")
        }
        _ = try session.build().get()
        try expectSameAsFreshBuild()
    }

    @Test func deletedOutputFileIsWrittenAgain() throws {
        let session = self.session
        _ = try session.build().get()
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("leaders/index.html"))
        let report = try session.build().get()
        #expect(report.written == 1)
        try expectSameAsFreshBuild()
    }
}
