import Foundation
import Testing
@testable import SitegenCore

/// A build with nothing changed stops after comparing stamps (`BuildStamps`); any change to an
/// input, an option or an output runs the whole pipeline again.
struct BuildStampsTests {
    let site = FixtureSite("sites/basic")

    /// Waits until the fixture's files are older than `BuildStamps.settleSeconds` before a build
    /// starts, so the first build records stamps that the next one may trust. (Sleeping in a
    /// task, not a thread: a blocked thread of the shared pool would stall other suites, such
    /// as the dev server's.)
    func settle() async throws { try await Task.sleep(nanoseconds: UInt64((Double(BuildStamps.settleSeconds) + 1.1) * 1e9)) }

    func stages(_ report: BuildReport) -> [String] { report.stageTimes.map(\.stage) }

    /// Every output file with its bytes and modification time.
    func snapshot() throws -> [String: (Data, Date)] {
        var files: [String: (Data, Date)] = [:]
        for path in FixtureSite.allFiles(in: site.output) {
            let url = site.output.appendingPathComponent(path)
            let date = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
            files[path] = (try Data(contentsOf: url), date)
        }
        return files
    }

    @Test func unchangedBuildStopsEarlyAndWritesNothing() async throws {
        try await settle()
        let first = try site.build().get()
        #expect(stages(first).contains("Render"))
        let before = try snapshot()
        let second = try site.build().get()
        #expect(stages(second) == ["Unchanged"])
        #expect((second.files, second.articles, second.written, second.unchanged, second.removed)
            == (first.files, first.articles, 0, first.files, 0))
        #expect(second.warnings.map(\.description) == first.warnings.map(\.description))
        #expect(second.warnings.map(\.description) == [
            "Content/articles/old-draft.md:1:1: warning: draft skipped (build with --drafts to include it)"
        ])
        let after = try snapshot()
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, (data, date)) in before { #expect(after[path]?.0 == data && after[path]?.1 == date, "\(path)") }
        #expect(!FixtureSite.allFiles(in: site.output).contains { $0.contains("stamps") })
    }

    /// The output stamps a build took while writing are used for their paths (the first of a
    /// path's stamps, wherever it is among them); other paths are stamped from the folder, and
    /// a missing one means no stamps at all.
    @Test func outputStampsTakeTheFirstKnownStampOfEachPath() throws {
        let folder = TemporaryDirectory()
        folder.write("d.html", "d")
        func stamp(_ size: Int, _ path: String) throws -> FileStamp { try #require(FileStamp(line: "\(size) 1 2 3 4 5 \(path)")) }
        let known = [try stamp(1, "c"), try stamp(2, "a"), try stamp(3, "b"), try stamp(4, "c"), try stamp(5, "b")]
        let stamps = try #require(BuildStamps.outputs(["a", "b", "c", "d.html"], in: folder.url, known: known))
        #expect(stamps.map(\.size) == [2, 3, 1, 1] && stamps.map(\.path) == ["a", "b", "c", "d.html"])
        #expect(stamps[3] == FileStamp(path: "d.html", at: folder.url.path + "/d.html") && stamps[3].exists)
        #expect(BuildStamps.outputs(["a", "e.html"], in: folder.url, known: known) == nil)
    }

    /// A cold build writes its files into folders staged whole and takes their stamps while
    /// writing them: every recorded output stamp must be what `lstat` gives after the build
    /// (size, inode, modification and change times), or no build would ever stop early.
    @Test func outputStampsTakenWhileWritingMatchTheFilesAfterTheCommit() throws {
        let report = try site.build().get()
        #expect(report.writtenStamps.count > report.files / 2)
        let text = try String(contentsOf: BuildStamps.location(in: BuildOptions(root: site.project.url).paths), encoding: .utf8)
        let recorded = try #require(BuildStamps(text: text)).outputs
        #expect(recorded.count == report.files + 1)
        let root = site.output.path + "/"
        for stamp in recorded { #expect(stamp == FileStamp(path: stamp.path, at: root + stamp.path), "\(stamp.path)") }
    }

    @Test func anEditedArticleADeletedOutputOrAnotherOptionBuildsInFull() async throws {
        try await settle()
        _ = try site.build().get()
        let article = site.project.url.appendingPathComponent("Content/articles/tariff-talks.md")
        let text = try String(contentsOf: article, encoding: .utf8)
        try text.replacingOccurrences(of: "Tariff talks stall", with: "Tariff talks resume").write(
            to: article, atomically: false, encoding: .utf8)
        let edited = try site.build().get()
        #expect(stages(edited).contains("Render") && edited.written > 0)
        let feed = site.output.appendingPathComponent("atom.xml")
        #expect(try String(contentsOf: feed, encoding: .utf8).contains("Tariff talks resume"))

        let page = site.output.appendingPathComponent("index.html")
        try FileManager.default.removeItem(at: page)
        let restored = try site.build().get()
        #expect(stages(restored).contains("Render") && restored.written == 1)
        #expect(FileManager.default.fileExists(atPath: page.path))

        let moved = try site.build(baseURL: "https://example.org/news/").get()
        #expect(stages(moved).contains("Render") && moved.written > 0)

        // The whole output folder deleted: found by the manifest's stamp, every file written.
        try await settle()
        _ = try site.build().get()
        try FileManager.default.removeItem(at: site.output)
        let fresh = try site.build().get()
        #expect(stages(fresh).contains("Render") && fresh.written == fresh.files && fresh.unchanged == 0)
    }

    /// A folder or link named like an article is an error of a full build; adding one must
    /// not let the next build report the last one again.
    @Test func anEntryTheLoaderRefusesBuildsInFullAndFails() async throws {
        try await settle()
        _ = try site.build().get()
        let articles = site.project.url.appendingPathComponent("Content/articles")
        try FileManager.default.createDirectory(at: articles.appendingPathComponent("folder.md"), withIntermediateDirectories: false)
        guard case .failure(let failure) = site.build() else {
            Issue.record("a folder named like an article must fail the build")
            return
        }
        #expect(failure.errors.map(\.description) == ["Content/articles/folder.md:1:1: error: cannot read file: it is a folder, not a file"])
        try FileManager.default.removeItem(at: articles.appendingPathComponent("folder.md"))
        try FileManager.default.createSymbolicLink(
            at: articles.appendingPathComponent("link.md"), withDestinationURL: articles.appendingPathComponent("tariff-talks.md"))
        #expect(throws: BuildFailure.self) { try site.build().get() }
    }

    /// The fixture's static files: the theme's assets and `Content/static/`.
    func staticFiles(_ paths: ProjectPaths) throws -> [StaticFile] {
        let assets = try TemplateLoader(paths: paths, maxFileSize: .max).load().get().assets
        return assets + ContentLoader(paths: paths, maxFileSize: .max).load().staticFiles
    }

    /// A full build after a settled one knows every static file's copy from the stamps and
    /// reads none of them; a source rewritten since is compared again.
    @Test func aFullBuildKnowsTheStaticCopiesOfTheLastOne() async throws {
        try await settle()
        _ = try site.build().get()
        // The options `site.build()` builds with: stamps recorded with others tell nothing.
        let options = BuildOptions(root: site.project.url, now: BuildOptions.unixTime(parsing: "2026-02-16"))
        let files = try staticFiles(options.paths)
        #expect(files.contains { $0.outputPath == "robots-extra.txt" } && files.contains { $0.outputPath == "assets/site.css" })
        #expect(BuildStamps.Check(options: options).staticCopies(of: files).count == files.count)

        site.project.write("Content/static/robots-extra.txt", "# rewritten\n")
        #expect(BuildStamps.Check(options: options).staticCopies(of: files).count == files.count - 1)
        let rebuilt = try site.build().get()
        #expect(rebuilt.staticCopiesKept == files.count - 1)
        #expect(rebuilt.changedFiles.contains("robots-extra.txt"))
        #expect(site.project.read("Output/robots-extra.txt") == "# rewritten\n")
        let other = BuildOptions(root: site.project.url)
        #expect(BuildStamps.Check(options: other).staticCopies(of: files).count == 0)
        // An output folder without its manifest (emptied by hand) keeps no copy, and the
        // stamps are not read at all.
        #expect(BuildStamps.Check(options: options).recordedText != nil)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(Manifest.fileName))
        #expect(BuildStamps.Check(options: options).recordedText == nil)
        #expect(BuildStamps.Check(options: options).staticCopies(of: files).count == 0)
    }

    /// A static file's copy changed in the output folder (same size, other bytes) has another
    /// stamp: the next build, full because of it, compares it and puts the source's bytes back.
    @Test func aStaticCopyChangedInTheOutputIsRestored() async throws {
        try await settle()
        _ = try site.build().get()
        let copy = try #require(site.project.read("Output/robots-extra.txt"))
        try await Task.sleep(nanoseconds: 20_000_000)  // past the clock's resolution, where it is coarse
        site.project.write("Output/robots-extra.txt", String(repeating: "x", count: copy.utf8.count))
        let report = try site.build().get()
        #expect(stages(report).contains("Render"))
        #expect(report.written == 1 && report.changedFiles == ["robots-extra.txt"])
        #expect(report.staticCopiesKept == 3)  // the theme's three assets
        #expect(site.project.read("Output/robots-extra.txt") == copy)
    }

    @Test func stampsOfFilesChangedJustBeforeTheBuildAreNotTrusted() async throws {
        _ = try site.build().get()  // the fixture was copied a moment ago
        let second = try site.build().get()
        #expect(stages(second).contains("Render"))
        #expect(second.written == 0)
    }

    @Test func aKilledBuildsMarkerBuildsInFull() async throws {
        try await settle()
        _ = try site.build().get()
        site.project.write("Output/" + SiteWriter.stagingMarker, "")
        site.project.write("Output/.index.html" + SiteWriter.temporarySuffix, "half")
        let report = try site.build().get()
        #expect(stages(report).contains("Render"))
        #expect(!FixtureSite.allFiles(in: site.output).contains { $0.hasSuffix(SiteWriter.temporarySuffix) })
    }

    @Test func textRoundTripsAndAnythingElseIsRefused() async throws {
        try await settle()
        _ = try site.build().get()
        let url = BuildStamps.location(in: BuildOptions(root: site.project.url).paths)
        let text = try String(contentsOf: url, encoding: .utf8)
        let stamps = try #require(BuildStamps(text: text))
        #expect(stamps.text == text)
        #expect(stamps.inputs.contains { $0.path.hasSuffix("Content/articles/tariff-talks.md") })
        #expect(stamps.outputs.contains { $0.path == "index.html" } && stamps.outputs.contains { $0.path == Manifest.fileName })
        #expect(BuildStamps(text: text.replacingOccurrences(of: "\nI ", with: "\nX ")) == nil)
        #expect(BuildStamps(text: "# something else\n") == nil)
        // The static files' stamps are read from the same text without parsing the rest.
        let manifestLine = try #require(stamps.outputs.last)
        let found = try #require(
            BuildStamps.stamps(in: text, inputs: [stamps.inputs[0].path], outputs: [manifestLine.path, "no/such/file"]))
        #expect(found.started == stamps.started)
        #expect(found.inputs == [stamps.inputs[0].path: stamps.inputs[0]] && found.outputs == [manifestLine.path: manifestLine])
        #expect(BuildStamps.stamps(in: "# something else\n", inputs: [], outputs: []) == nil)
        // A path may hold spaces; a path that is only the start of another's is not it.
        var spaced = stamps
        let spacedStamp = try #require(FileStamp(line: "12 34 5 6 7 8 assets/a b.css"))
        // (The longer path's line comes after: read by its prefix, it would win.)
        spaced.outputs.insert(try #require(FileStamp(line: "1 2 3 4 5 6 assets/a b.css.map")), at: 0)
        spaced.outputs.insert(spacedStamp, at: 0)
        let spacedFound = BuildStamps.stamps(in: try #require(spaced.text), inputs: [], outputs: ["assets/a b.css"])
        #expect(spacedFound?.outputs == ["assets/a b.css": spacedStamp] && spacedFound?.inputs == [:])
        // A file cut short after any whole line is refused.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for count in [lines.count - 2, lines.count / 2, 6] {
            #expect(BuildStamps(text: lines.prefix(count).joined(separator: "\n") + "\n") == nil, "\(count) lines")
        }
        // The input lines found as text are those the parsed inputs write.
        #expect(BuildStamps.inputLines(in: text) == BuildStamps.inputLines(stamps.inputs)[...])
        #expect(BuildStamps.inputLines(in: "# no stamps\n") == "")
        // A path with a line break cannot be written on one line: no stamps are kept.
        for path in ["a\nb", "a\rb"] {
            var broken = stamps
            broken.outputs.insert(FileStamp(label: path), at: 0)
            #expect(broken.text == nil)
        }
        // The last output line found as text is the manifest's, which the check compares first.
        #expect(stamps.outputs.last?.path == Manifest.fileName)
        #expect(BuildStamps.lastOutputLine(in: text).map(String.init) == "O " + (stamps.outputs.last?.line ?? ""))
        #expect(BuildStamps.lastOutputLine(in: "# no stamps\n") == nil)
        #expect(BuildStamps.lastOutputLine(in: text.replacingOccurrences(of: "\nO ", with: "\nI ")) == nil)
        // Stamp lines are read byte by byte: every field, a path with spaces; anything else refused.
        let line = "12 34 1700000000 123456789 1700000001 5 /a path/with spaces.md"
        let stamp = try #require(FileStamp(line: Substring(line)))
        #expect(stamp.line == line && stamp.exists && stamp.size == 12 && stamp.inode == 34)
        #expect(stamp.modified.tv_nsec == 123_456_789 && stamp.changed.tv_sec == 1_700_000_001)
        for bad in ["12 34 1 2 3 /p", "12 34 1 2 3 4", "-1 34 1 2 3 4 /p", "12 x 1 2 3 4 /p", "99999999999999999999 1 1 2 3 4 /p"] {
            #expect(FileStamp(line: Substring(bad)) == nil, "\(bad)")
        }
        // A damaged file is ignored: the build runs in full and writes it again.
        try "garbage".write(to: url, atomically: true, encoding: .utf8)
        #expect(try stages(site.build().get()).contains("Render"))
        #expect(BuildStamps(text: try String(contentsOf: url, encoding: .utf8)) != nil)
    }

    /// Stamp lines are written byte by byte; they say what interpolating the numbers said,
    /// negative times and 64-bit inodes included, and read back to the same stamp, except
    /// those two, which the reader refuses (the stamps are then not used: a full build).
    @Test func stampLinesWriteNumbersAsInterpolationDid() throws {
        for (size, inode, seconds, nanoseconds) in [
            (0, UInt64(0), 0, 0), (1, 1, 1, 1), (12_345, 98_765, 1_795_805_787, 354_858_400),
            (Int.max, UInt64.max, -1, 999_999_999), (7, UInt64(Int64.max) + 1, Int.min + 1, 0),
        ] {
            var info = stat()
            info.st_size = off_t(size)
            info.st_ino = ino_t(inode)
            info.st_mtim = timespec(tv_sec: seconds, tv_nsec: nanoseconds)
            info.st_ctim = timespec(tv_sec: seconds / 2, tv_nsec: nanoseconds / 3)
            let stamp = FileStamp(path: "a b/ünï.html", info: info)
            let expected = "\(stamp.size) \(stamp.inode) \(stamp.modified.tv_sec) \(stamp.modified.tv_nsec) "
                + "\(stamp.changed.tv_sec) \(stamp.changed.tv_nsec) a b/ünï.html"
            #expect(stamp.line == expected)
            let readable = seconds >= 0 && inode < 1_000_000_000_000_000_000 && size < 1_000_000_000_000_000_000
            #expect(FileStamp(line: Substring(stamp.line)) == (readable ? stamp : nil))
        }
    }
}
