import Foundation
import Testing

@testable import SitegenCore

/// Pages are staged as they are rendered; a build that fails part-way must leave no trace.
struct StreamedWriteTests {
    let site = FixtureSite("sites/basic")

    func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FixtureSite.allFiles(in: folder) {
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }

    func breakArticleTemplate() throws {
        let url = site.project.url.appendingPathComponent("Templates/article.html.mustache")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "{{article.title}}", with: "{{article.titel}}").write(
            to: url, atomically: true, encoding: .utf8)
    }

    @Test func failedRenderLeavesThePreviousOutputAsItWas() throws {
        _ = try site.build().get()
        let before = snapshot(site.output)
        let article = site.project.url.appendingPathComponent("Content/articles/tariff-talks.md")
        try (try String(contentsOf: article, encoding: .utf8)).replacingOccurrences(
            of: "Tariff talks stall", with: "Tariff talks resume"
        )
        .write(to: article, atomically: true, encoding: .utf8)
        site.project.write(
            "Content/articles/brand-new.md", "---\ntitle: Brand new\ndate: 2027-03-01\n---\nNew.\n")
        try breakArticleTemplate()
        guard case .failure(let failure) = site.build() else {
            Issue.record("expected a template error")
            return
        }
        #expect(failure.errors.first?.description.contains("unknown key 'article.titel'") == true)
        #expect(snapshot(site.output) == before)
    }

    @Test func failedFirstBuildCreatesNoOutputFolder() throws {
        try breakArticleTemplate()
        guard case .failure = site.build() else {
            Issue.record("expected a template error")
            return
        }
        #expect(!site.project.exists("Output"))
    }

    /// Threads staging into new folders record them in any order: a parent may come after a
    /// child another thread made in it. Abandoning must still remove them all.
    @Test func foldersRecordedOutOfOrderAreAllRemoved() throws {
        let project = TemporaryDirectory()
        let root = project.url.appendingPathComponent("Output").path
        let folders = [root + "/a/b", root, root + "/a", root + "/c"]
        for folder in folders.sorted() { #expect(mkdir(folder, 0o755) == 0) }
        StagedOutput.removeEmptyFolders(folders)
        #expect(!project.exists("Output"))
        // A folder holding anything stays.
        for folder in folders.sorted() { #expect(mkdir(folder, 0o755) == 0) }
        project.write("Output/a/keep.txt", "mine")
        StagedOutput.removeEmptyFolders(folders)
        #expect(project.exists("Output/a/keep.txt") && !project.exists("Output/a/b") && !project.exists("Output/c"))
    }

    @Test func successfulBuildLeavesNoTemporaryFiles() throws {
        _ = try site.build().get()
        let temporary = { (path: String) in path.split(separator: "/").contains { $0.hasSuffix(SiteWriter.temporarySuffix) } }
        #expect(FixtureSite.allFiles(in: site.output).filter(temporary) == [])
        // An added article's folder is new: it is staged whole under a temporary name.
        site.project.write("Content/articles/brand-new.md", "---\ntitle: Brand new\ndate: 2027-03-01\n---\nNew.\n")
        let report = try site.build().get()
        #expect(report.changedFiles.contains("2027/03/01/brand-new/index.html"))
        #expect(site.project.exists("Output/2027/03/01/brand-new/index.md"))
        let all = FixtureSite.allFiles(in: site.output) + (try FileManager.default.subpathsOfDirectory(atPath: site.output.path))
        #expect(all.filter(temporary) == [])
    }

    /// A new folder is made under its temporary name and renamed into place at commit; if its
    /// name was taken meanwhile (here by the user, with a file in it), the commit fails and
    /// the staged folder goes, while the user's folder stays as it was.
    @Test func stagedFolderWhoseNameWasTakenIsRemovedAndTheBuildFails() throws {
        let project = TemporaryDirectory()
        let paths = ProjectPaths(
            root: project.url, content: project.url.appendingPathComponent("Content"),
            templates: project.url.appendingPathComponent("Templates"), output: project.url.appendingPathComponent("Output"))
        let output = try SiteWriter(paths: paths).begin(pagePaths: ["new/deep/index.html", "index.html"], files: [])
        try output.stage(Array("<p>new</p>".utf8), at: "new/deep/index.html")
        try output.stage(Array("<p>home</p>".utf8), at: "index.html")
        #expect(project.exists("Output/.new.sitegen-tmp/deep/index.html"))
        #expect(!project.exists("Output/new"))
        project.write("Output/new/mine.txt", "mine")
        guard case .failure(let failure) = output.commit() else {
            Issue.record("expected the commit to fail")
            return
        }
        #expect(failure.errors.first?.description.contains("cannot write 'Output/new': ") == true, "\(failure.errors)")
        #expect(FixtureSite.allFiles(in: project.url.appendingPathComponent("Output")).filter { !$0.hasPrefix(".") }
            == ["index.html", "new/mine.txt"])
        #expect(!project.exists("Output/.new.sitegen-tmp") && !project.exists("Output/" + SiteWriter.stagingMarker))
    }

    /// Pages added after `begin` (the search index's files), in several calls, some already
    /// listed: the manifest (sorted while pages render, the added paths merged in) lists each
    /// staged file once, in order.
    @Test func pagesAddedLaterAreMergedIntoTheManifest() throws {
        let project = TemporaryDirectory()
        let paths = ProjectPaths(
            root: project.url, content: project.url.appendingPathComponent("Content"),
            templates: project.url.appendingPathComponent("Templates"), output: project.url.appendingPathComponent("Output"))
        let begun = ["m/index.html", "b.html", "z/index.html", "a.html"]
        let output = try SiteWriter(paths: paths).begin(pagePaths: begun, files: [])
        try output.add(pagePaths: ["search/1.json", "b.html", "c.html"])
        try output.add(pagePaths: ["0.json", "search/1.json"])
        let all = Set(begun + ["search/1.json", "c.html", "0.json"])
        for path in all { try output.stage(Array(path.utf8), at: path) }
        _ = try output.commit().get()
        let manifest = try String(contentsOf: paths.output.appendingPathComponent(Manifest.fileName), encoding: .utf8)
        #expect(Array(manifest.split(separator: "\n").dropFirst()) == all.sorted()[...].map { Substring($0) })
    }

    /// A rebuild whose added pages pass the old manifest's count on the way (where nothing is
    /// prepared, as for an unchanged list) sorts its paths again when the count moves on.
    @Test func pagesAddedPastTheOldCountAreListedToo() throws {
        let project = TemporaryDirectory()
        let paths = ProjectPaths(
            root: project.url, content: project.url.appendingPathComponent("Content"),
            templates: project.url.appendingPathComponent("Templates"), output: project.url.appendingPathComponent("Output"))
        func build(_ begun: [String], adding added: [[String]]) throws {
            let output = try SiteWriter(paths: paths).begin(pagePaths: begun, files: [])
            for pages in added { try output.add(pagePaths: pages) }
            for path in Set(begun + added.flatMap { $0 }) { try output.stage(Array(path.utf8), at: path) }
            _ = try output.commit().get()
        }
        func listed() throws -> [String] {
            let text = try String(contentsOf: paths.output.appendingPathComponent(Manifest.fileName), encoding: .utf8)
            return text.split(separator: "\n").dropFirst().map(String.init)
        }
        try build(["a.html", "b.html", "c.html"], adding: [])
        #expect(try listed() == ["a.html", "b.html", "c.html"])
        try build(["d.html", "b.html"], adding: [["a.html"], ["e.html"]])
        #expect(try listed() == ["a.html", "b.html", "d.html", "e.html"])
        #expect(!project.exists("Output/c.html") && project.exists("Output/e.html"))
    }

    @Test func temporaryNameIsHiddenBesideTheTarget() {
        #expect(SiteWriter.temporaryPath(for: "/out/2026/index.html") == "/out/2026/.index.html.sitegen-tmp")
        #expect(
            SiteWriter.temporaryURL(for: URL(fileURLWithPath: "/out/feed.xml")).path
                == "/out/.feed.xml.sitegen-tmp")
    }
}
