import Foundation
import Testing

/// `sitegen check` finding broken links, and `sitegen new` creating files without overwriting.
extension SitegenCommandTests {
    @Test func checkReportsEachPlantedBrokenLinkOnItsOwnLine() throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        try Data("""
            ---
            title: Planted
            date: 2026-02-01
            slug: planted
            ---
            See [the missing page](/2026/01/01/nope/), [a lost anchor](#nowhere) and [the home page](/).

            """.utf8).write(to: project.appendingPathComponent("Content/articles/planted.md"))
        let result = try run(["check"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr == """
            Content/articles/old-draft.md:1:1: warning: draft skipped (build with --drafts to include it)
            /2026/02/01/planted/ -> #nowhere
            /2026/02/01/planted/ -> /2026/01/01/nope/

            """)
        #expect(result.stdout == "Check failed: 2 broken links.\n")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Output").path))
    }

    @Test func newArticleFillsInFrontMatterAndRefusesToOverwrite() throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let arguments = ["new", "article", "Kiel and Berg: a \"truce\"?", "--leader", "tomas-kiel", "--leader", "anna-berg",
                         "--topic", "trade", "--date", "2026-02-20"]
        let first = try run(arguments, in: project)
        #expect(first.status == 0)
        #expect(first.stdout == "Created Content/articles/2026/kiel-and-berg-a-truce.md\n")
        let file = project.appendingPathComponent("Content/articles/2026/kiel-and-berg-a-truce.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("""
            ---
            title: "Kiel and Berg: a \\"truce\\"?"
            date: 2026-02-20
            slug: kiel-and-berg-a-truce
            leaders: [tomas-kiel, anna-berg]
            topics: [trade]
            draft: true
            ---

            """))
        try Data("edited by a writer\n".utf8).write(to: file)

        let second = try run(arguments, in: project)
        #expect(second.status == 1)
        #expect(second.stderr == "error: 'Content/articles/2026/kiel-and-berg-a-truce.md' already exists; it was not "
            + "overwritten (hint: choose another title, slug or id, or edit the file)\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "edited by a writer\n")
    }

    @Test func newLeaderAndTopicBuildAsTheyAre() throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try run(["new", "leader", "ida-lund"], in: project).stdout == "Created Content/leaders/ida-lund.md\n")
        #expect(try run(["new", "topic", "rare-earths"], in: project).stdout == "Created Content/topics/rare-earths.md\n")
        let article = try run(["new", "article", "Lund on rare earths", "--leader", "ida-lund", "--topic", "rare-earths",
                               "--date", "2026-02-21"], in: project)
        #expect(article.status == 0)
        let check = try run(["check", "--drafts"], in: project)
        #expect(check.status == 0)
        #expect(check.stderr == "")
        #expect(check.stdout.hasPrefix("Checked "))
        #expect(try run(["new", "leader", "ida-lund"], in: project).status == 1)
    }

    @Test func newWithAnUnknownOrInvalidIDIsAUsageError() throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let unknown = try run(["new", "article", "Talks", "--leader", "tomas-kiell"], in: project)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Error: unknown leader 'tomas-kiell' (did you mean 'tomas-kiel'?)"))
        let invalid = try run(["new", "topic", "Rare Earths"], in: project)
        #expect(invalid.status == 64)
        #expect(invalid.stderr.contains("Error: invalid file name 'Rare Earths'"))
        #expect(try run(["new", "article", "Talks", "--slug", "../x"], in: project).status == 64)
        #expect(try run(["new", "article", "Talks", "--date", "2026-02-30"], in: project).status == 64)
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Content/topics/Rare Earths.md").path))
    }
}

/// `sitegen serve` as a user runs it: it prints where it serves, and Ctrl-C stops it.
extension SitegenCommandTests {
    /// (Five minutes, as `DevServerTests`' limit: an async test waits for a thread of the pool.)
    @Test(.timeLimit(.minutes(5))) func serveStopsCleanlyOnControlC() async throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0", "--now", "2026-02-16"]
        process.currentDirectoryURL = project
        let out = Pipe()
        let collected = OutputCollector()
        out.fileHandleForReading.readabilityHandler = { collected.append($0.availableData) }
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !collected.text.contains("press Ctrl-C to stop"), Date() < deadline, process.isRunning {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        #expect(collected.text.contains("Serving Output/ at http://127.0.0.1:"))
        process.interrupt()  // SIGINT, as Ctrl-C sends
        let stopDeadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < stopDeadline { try await Task.sleep(nanoseconds: 50_000_000) }
        let stoppedByItself = !process.isRunning
        if !stoppedByItself { process.terminate() }
        process.waitUntilExit()
        out.fileHandleForReading.readabilityHandler = nil
        collected.append(out.fileHandleForReading.readDataToEndOfFile())
        #expect(stoppedByItself)
        #expect(process.terminationStatus == 0)
        #expect(collected.text.hasSuffix("Stopping…\nStopped.\n"))
    }

    @Test func serveRefusesABadHostOrPort() throws {
        let bad = try run(["serve", "--host", "example.org"], in: FileManager.default.temporaryDirectory)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("invalid --host 'example.org'"))
        #expect(try run(["serve", "--port", "70000"], in: FileManager.default.temporaryDirectory).status == 64)
    }
}

/// Bytes a pipe delivered so far, read on the pipe's own thread.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
