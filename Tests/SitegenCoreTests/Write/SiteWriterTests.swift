import Foundation
import Testing
@testable import SitegenCore

struct SiteWriterTests {
    let project = TemporaryDirectory()

    var paths: ProjectPaths {
        BuildOptions(root: project.url).paths
    }

    func write(_ pages: [String: String]) -> Result<WriteSummary, BuildFailure> {
        SiteWriter(paths: paths).write(
            pages: pages.sorted { $0.key < $1.key }.map { RenderedPage(path: $0.key, text: $0.value) }, files: [])
    }

    /// Paths in messages are relative to the project; a path with `.`, `..` or `//` in it is
    /// standardized first, any other is taken as it is.
    @Test func displayedPathsAreRelativeToTheProject() {
        let root = paths.root.path
        for (path, shown) in [
            ("/Content/a.md", "Content/a.md"), ("/Content/./a.md", "Content/a.md"), ("/Content/x/../a.md", "Content/a.md"),
            ("//Content//a.md", "Content/a.md"), ("/Content/a b.md", "Content/a b.md"), ("/Content/.a.md", "Content/.a.md"),
        ] {
            #expect(paths.display(URL(fileURLWithPath: root + path)) == shown, "\(path)")
        }
        #expect(paths.display(URL(fileURLWithPath: "/elsewhere/../other/a.md")) == "/other/a.md")
        #expect(ProjectPaths.isStandard("/a/b.md") && ProjectPaths.isStandard("/a/..b/c.") && ProjectPaths.isStandard("/"))
        #expect(!ProjectPaths.isStandard("/a/./b") && !ProjectPaths.isStandard("/a/..") && !ProjectPaths.isStandard("/a//b"))
        #expect(ProjectPaths.isStandard("/a/...") && ProjectPaths.isStandard("/.a/b..") && !ProjectPaths.isStandard("/a/."))
        #expect(!ProjectPaths.isStandard("/a/") && !ProjectPaths.isStandard("/../a") && !ProjectPaths.isStandard("//a"))
    }

    @Test func writesPagesAndManifest() throws {
        var summary = try write(["index.html": "home", "a/index.html": "a"]).get()
        // `a/` was new, so staged whole: its file's stamp was taken while it was written.
        #expect(summary.stamps.map(\.path) == ["a/index.html"])
        summary.stamps = []
        summary.changed.sort()
        #expect(summary == WriteSummary(written: 2, unchanged: 0, removed: 0, changed: ["a/index.html", "index.html"]))
        #expect(project.read("Output/a/index.html") == "a")
        #expect(project.read("Output/.sitegen-manifest")?.contains("a/index.html\nindex.html\n") == true)
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        _ = try write(["index.html": "home"]).get()
        let url = project.url.appendingPathComponent("Output/index.html")
        let before = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try write(["index.html": "home"]).get() == WriteSummary(written: 0, unchanged: 1, removed: 0))
        let after = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
        #expect(before == after)
    }

    @Test func removesOnlyItsOwnStaleFilesAndEmptyFolders() throws {
        project.write("Output/CNAME", "example.org")
        project.write("Output/.git/HEAD", "ref")
        project.write("Output/old/mine.txt", "user file in a folder sitegen also used")
        _ = try write(["index.html": "home", "old/index.html": "old", "gone/deep/index.html": "x"]).get()
        let summary = try write(["index.html": "home"]).get()
        #expect(summary.removed == 2)
        #expect(summary.changed.sorted() == ["gone/deep/index.html", "old/index.html"])
        #expect(!project.exists("Output/gone"))
        #expect(!project.exists("Output/old/index.html"))
        #expect(project.read("Output/old/mine.txt") == "user file in a folder sitegen also used")
        #expect(project.read("Output/CNAME") == "example.org")
        #expect(project.read("Output/.git/HEAD") == "ref")
        // The manifest listed old and new files during the renames; it ends with the new ones.
        #expect(project.read("Output/.sitegen-manifest")?.split(separator: "\n").dropFirst() == ["index.html"])
        _ = try write(["index.html": "home", "added/index.html": "new"]).get()
        #expect(project.read("Output/.sitegen-manifest")?.split(separator: "\n").dropFirst() == ["added/index.html", "index.html"])
    }

    @Test func refusesToOverwriteAFileItDidNotWrite() {
        project.write("Output/index.html", "hand written")
        guard case .failure(let failure) = write(["index.html": "home"]) else {
            Issue.record("expected a conflict")
            return
        }
        #expect(failure.errors.map(\.description) == [
            "error: 'Output/index.html' exists in the output folder and was not written by sitegen "
                + "(hint: move it away, or delete it if it is not yours)"
        ])
        #expect(project.read("Output/index.html") == "hand written")
    }

    @Test func ignoresManifestLinesThatLeaveTheFolder() throws {
        project.write("secret.txt", "keep")
        project.write("Output/.sitegen-manifest", "../secret.txt\n/etc/passwd\nok/../../secret.txt\n")
        _ = try write(["index.html": "home"]).get()
        #expect(project.read("secret.txt") == "keep")
    }

    @Test func manifestKeepsOnlySafeRelativePaths() {
        let text = """
            # sitegen manifest v1
            index.html
            a/b/index.md
            .well-known/x...y/...
            ../up.txt
            a/../b.txt
            ./here.txt
            a//b.txt
            /etc/passwd
            trailing/
            .sitegen-manifest
            nul\u{0}byte
            \u{00e9}t\u{00e9}/index.html

            """
        #expect(Manifest(text: text).paths == ["index.html", "a/b/index.md", ".well-known/x...y/...", "\u{00e9}t\u{00e9}/index.html"])
    }


    /// The manifest's paths are sorted in two halves and merged: the file lists them in the
    /// order `sorted()` gives, for any count, including non-ASCII paths.
    @Test func manifestListsPathsSorted() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "index.html", "2024", "10", "9", "\u{00e9}t\u{00e9}", "z\u{0301}", "page", "-", "_"]
        for count in [0, 1, 2, 3, 7, 100, 1_001] {
            var paths = Set<String>()
            while paths.count < count {
                paths.insert((0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "/"))
            }
            let expected = "# sitegen manifest v1: files written by sitegen; others are never touched\n"
                + paths.sorted().map { $0 + "\n" }.joined()
            #expect(Manifest(paths: paths).text == expected, "\(count) paths")
            #expect(Manifest(text: Manifest(paths: paths).text).paths == paths)
        }
    }
    @Test func refusesToWriteThroughASymbolicLink() throws {
        let outside = TemporaryDirectory()
        try FileManager.default.createDirectory(at: project.url.appendingPathComponent("Output"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: project.url.appendingPathComponent("Output/2025"), withDestinationURL: outside.url)
        guard case .failure = write(["2025/index.html": "x"]) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(!outside.exists("index.html"))
    }
}

struct OutputFolderTests {
    let project = TemporaryDirectory()

    func check(_ output: URL) -> String? {
        let paths = BuildOptions(root: project.url, output: output).paths
        do {
            try OutputFolder.check(paths)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func refusesDangerousFolders() {
        #expect(check(URL(fileURLWithPath: "/"))?.contains("it is the file system root") == true)
        #expect(check(FileManager.default.homeDirectoryForCurrentUser)?.contains("it is the home folder") == true)
        #expect(check(project.url)?.contains("it is the project root") == true)
        #expect(check(project.url.appendingPathComponent("Content"))?.contains("it contains the content folder") == true)
        #expect(check(project.url.appendingPathComponent("Templates/out"))?.contains("it is inside the templates folder") == true)
    }

    @Test func acceptsTheDefault() {
        #expect(check(project.url.appendingPathComponent("Output")) == nil)
    }
}
