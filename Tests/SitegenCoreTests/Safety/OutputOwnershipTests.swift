import Foundation
import Testing
@testable import SitegenCore

/// Whole builds against the output folder (the issue's points 1 and 2): sitegen removes only
/// its own stale files, a failed build changes nothing, temporary files do not outlive the
/// next build, and unchanged files are left alone.
struct OutputOwnershipTests {
    let site = FixtureSite("sites/basic")
    var article: URL { site.project.url.appendingPathComponent("Content/articles/tariff-talks.md") }

    /// Every file below the output folder with its bytes.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FixtureSite.files(in: site.output) {
            files[path] = try! Data(contentsOf: site.output.appendingPathComponent(path))
        }
        return files
    }

    func edit(_ url: URL, _ change: (String) -> String) throws {
        try change(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func userFilesStayWhileStalePagesAndTheirFoldersGo() throws {
        _ = try site.build().get()
        let old = "2026/01/20/tariff-talks-stall-in-vestmark/index.html"
        #expect(snapshot()[old] != nil)
        let mine: [String: String] = [
            "CNAME": "news.example.org", ".git/HEAD": "ref: refs/heads/main", "notes/todo.txt": "mine",
            "2026/01/20/hand-made.html": "mine too",
        ]
        for (path, text) in mine { site.project.write("Output/" + path, text) }
        try edit(article) { $0.replacingOccurrences(of: "date: 2026-01-20", with: "date: 2026-01-21\nslug: renamed") }
        let report = try site.build().get()
        let files = snapshot()
        #expect(files[old] == nil && files["2026/01/20/tariff-talks-stall-in-vestmark/index.md"] == nil)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("2026/01/20/tariff-talks-stall-in-vestmark").path))
        #expect(files["2026/01/21/renamed/index.html"] != nil)
        #expect(report.removed >= 2)
        for (path, text) in mine { #expect(files[path] == Data(text.utf8), "\(path) was touched") }
    }

    /// The manifest lists exactly the files of the last build, in order, whether the site
    /// grew (the manifest made while pages render) or shrank (the old and new files listed
    /// until the stale ones are gone, then the new ones).
    @Test func theManifestListsExactlyTheFilesOfEachBuild() throws {
        func expectManifestMatchesOutput(_ step: String) throws {
            let text = try String(contentsOf: site.output.appendingPathComponent(Manifest.fileName), encoding: .utf8)
            let listed = text.split(separator: "\n").dropFirst().map(String.init)
            #expect(listed == listed.sorted(), "\(step): sorted")
            #expect(listed == FixtureSite.files(in: site.output).filter { $0 != Manifest.fileName }.sorted(), "\(step)")
        }
        _ = try site.build().get()
        try expectManifestMatchesOutput("first build")
        site.project.write("Content/articles/new.md", "---\ntitle: New talks\ndate: 2026-01-22\n---\nNew article.\n")
        _ = try site.build().get()
        try expectManifestMatchesOutput("an article added")
        #expect(snapshot()["2026/01/22/new-talks/index.md"] != nil)
        try FileManager.default.removeItem(at: article)
        try FileManager.default.removeItem(at: site.project.url.appendingPathComponent("Content/articles/new.md"))
        _ = try site.build().get()
        try expectManifestMatchesOutput("two articles removed")
        #expect(snapshot()["2026/01/22/new-talks/index.md"] == nil)
    }

    @Test func aFailedBuildLeavesTheOutputExactlyAsItWas() throws {
        _ = try site.build().get()
        site.project.write("Output/CNAME", "news.example.org")
        let before = snapshot()
        let manifest = site.output.appendingPathComponent(".sitegen-manifest")
        let manifestDate = try FileManager.default.attributesOfItem(atPath: manifest.path)[.modificationDate] as? Date
        try edit(article) { $0.replacingOccurrences(of: "date: 2026-01-20", with: "date: 2026-02-30") }
        site.project.write("Content/articles/new.md", "---\ntitle: New\ndate: 2026-01-22\n---\nNew article.\n")
        guard case .failure = site.build() else {
            Issue.record("the build should fail on an impossible date")
            return
        }
        #expect(snapshot() == before)
        #expect(try FileManager.default.attributesOfItem(atPath: manifest.path)[.modificationDate] as? Date == manifestDate)
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        _ = try site.build().get()
        let page = site.output.appendingPathComponent("index.html").path
        let inode = try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int
        let report = try site.build().get()
        #expect(report.written == 0)
        #expect(report.unchanged == report.files)
        #expect(try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int == inode)
    }

    @Test func temporaryFilesLeftByAKilledBuildGoWithTheNextBuild() throws {
        _ = try site.build().get()
        let leftovers = [".index.html.sitegen-tmp", "2026/01/20/tariff-talks-stall-in-vestmark/.index.md.sitegen-tmp",
                         "..sitegen-manifest.sitegen-tmp"]
        for path in leftovers { site.project.write("Output/" + path, "half") }
        // A killed build leaves its marker too: it is made before the first temporary file.
        site.project.write("Output/" + SiteWriter.stagingMarker, "")
        site.project.write("Output/.notes.txt.sitegen-tmp", "a user's file that only looks like one")
        _ = try site.build().get()
        let files = snapshot()
        for path in leftovers + [SiteWriter.stagingMarker] { #expect(files[path] == nil, "\(path) survived") }
        #expect(files[".notes.txt.sitegen-tmp"] == Data("a user's file that only looks like one".utf8))
    }

    /// A killed build may leave files in a folder it staged under a temporary name: the next
    /// build removes those whose paths are sitegen's, and the folders they leave empty.
    @Test func filesInAStagedFolderLeftByAKilledBuildGoWithTheNextBuild() throws {
        _ = try site.build().get()
        let staged = "2026/01/.20.sitegen-tmp/tariff-talks-stall-in-vestmark/"
        site.project.write("Output/" + staged + "index.html", "half")
        site.project.write("Output/" + staged + "index.md", "half")
        site.project.write("Output/2026/.01.sitegen-tmp/notes.txt", "a user's file in a folder that only looks like one")
        site.project.write("Output/" + SiteWriter.stagingMarker, "")
        _ = try site.build().get()
        #expect(!site.project.exists("Output/2026/01/.20.sitegen-tmp"))
        #expect(snapshot()["2026/.01.sitegen-tmp/notes.txt"] == Data("a user's file in a folder that only looks like one".utf8))
        #expect(snapshot()[SiteWriter.stagingMarker] == nil)
    }

    /// When a new folder's temporary name is taken (here by the user), the folder is made
    /// under its own name and its files are staged one by one; the user's folder stays.
    @Test func takenTemporaryFolderNameIsLeftAloneAndTheBuildStillWrites() throws {
        site.project.write("Output/.2026.sitegen-tmp/keep.txt", "mine")
        let report = try site.build().get()
        let files = snapshot()
        #expect(files[".2026.sitegen-tmp/keep.txt"] == Data("mine".utf8))
        #expect(files["2026/01/20/tariff-talks-stall-in-vestmark/index.html"] != nil)
        #expect(report.written == report.files)
        #expect(!files.keys.contains { $0.hasPrefix("2026/") && $0.contains(SiteWriter.temporarySuffix) })
    }

    @Test func noStagingMarkerIsLeftByABuildThatSucceededOrFailed() throws {
        _ = try site.build().get()
        #expect(snapshot()[SiteWriter.stagingMarker] == nil)
        // A template error fails the build after other pages were already staged.
        site.project.write("Templates/article.html.mustache", "{{<layout.html}}{{$main}}{{article.titel}}{{/main}}{{/layout.html}}")
        #expect(throws: BuildFailure.self) { try site.build().get() }
        #expect(snapshot()[SiteWriter.stagingMarker] == nil)
    }
}

/// Output folders that would put the user's work at risk are refused before anything runs.
struct DangerousOutputFolderTests {
    let site = FixtureSite("sites/basic")
    var project: URL { site.project.url }

    /// The errors of a build of a valid site into `output`, or nil when it succeeds.
    func refusal(_ output: URL) -> String? {
        let options = BuildOptions(root: project, output: output)
        guard case .failure(let failure) = SiteBuilder(options: options).build() else { return nil }
        return failure.errors.map(\.description).joined(separator: "\n")
    }

    @Test func refusesAnAncestorOfTheContentFolder() {
        #expect(refusal(project.deletingLastPathComponent())?.contains("it contains the content folder") == true)
    }

    @Test func refusesTheProjectRootThroughASymbolicLink() throws {
        let elsewhere = TemporaryDirectory()
        let alias = elsewhere.url.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: project)
        #expect(refusal(alias)?.contains("it is the project root") == true)
    }

    @Test func refusesTheHomeFolderAndTheRoot() {
        #expect(refusal(FileManager.default.homeDirectoryForCurrentUser)?.contains("it is the home folder") == true)
        #expect(refusal(URL(fileURLWithPath: "/"))?.contains("refusing to use '/' as the output folder") == true)
    }
}
