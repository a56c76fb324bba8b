import Foundation
import Testing

/// Runs the built `sitegen` binary as a user would: exit codes, stdout and stderr.
struct SitegenCommandTests {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repositoryRoot = testsRoot.deletingLastPathComponent()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `sitegen` built beside this test binary.
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("sitegen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/sitegen")
    }

    func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        environment.removeValue(forKey: "MALLOC_CONF")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A project with the basic fixture's content and the repository's theme.
    func makeProject() throws -> URL {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.testsRoot.appendingPathComponent("SitegenCoreTests/Fixtures/sites/basic/Content"),
            to: project.appendingPathComponent("Content"))
        try FileManager.default.copyItem(
            at: Self.repositoryRoot.appendingPathComponent("Templates"), to: project.appendingPathComponent("Templates"))
        return project
    }

    @Test func buildSucceedsWithSummaryAndWarnings() throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try run(["build", "--now", "2026-02-16"], in: project)
        #expect(result.status == 0)
        #expect(result.stderr == "Content/articles/old-draft.md:1:1: warning: draft skipped (build with --drafts to include it)\n")
        #expect(result.stdout.hasPrefix("Built 61 files (4 articles) in "))
        #expect(result.stdout.hasSuffix("→ Output/ (61 written, 0 unchanged, 0 removed)\n"))
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("Output/index.html").path))
    }

    /// `--verbose`: one line per stage, in pipeline order, with its wall and CPU time; the
    /// build stamps' record is the last.
    @Test func verboseTimesEachStage() throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        func stages(_ run: Run) -> [String] {
            run.stdout.split(separator: "\n").dropLast().map { line in
                let match = line.wholeMatch(of: /\[(\d)\/(\d)\] (\w+) \d+\.\d{3}s \(CPU \d+\.\d{3}s\)/)
                return match.map { "\($0.1)/\($0.2) \($0.3)" } ?? "unexpected: \(line)"
            }
        }
        let first = try run(["build", "--now", "2026-02-16", "-v"], in: project)
        #expect(first.status == 0)
        #expect(
            stages(first) == ["1/7 Load", "2/7 Parse", "3/7 Model", "4/7 Plan", "5/7 Render", "6/7 Write", "7/7 Stamps"])
    }

    @Test func contentErrorExitsOneAndWritesNothing() throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        try Data("---\ntitle: Bad\ndate: 2026-02-30\n---\nText.\n".utf8)
            .write(to: project.appendingPathComponent("Content/articles/bad.md"))
        let result = try run(["build"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix(
            "Content/articles/bad.md:3:7: error: invalid date '2026-02-30' (expected YYYY-MM-DD or an ISO 8601 date-time "
                + "such as 2025-11-24T21:30:00-05:00)\n"))
        #expect(result.stdout == "Build failed with 1 error; nothing was written.\n")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Output").path))
    }

    @Test func usageErrorExitsSixtyFour() throws {
        let result = try run(["build", "--no-such-flag"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: Unknown option '--no-such-flag'"))
    }

    @Test func badNowIsAUsageError() throws {
        let result = try run(["build", "--now", "soon"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 64)
        #expect(result.stderr.contains("invalid --now 'soon'"))
    }

    @Test func versionNamesLibcmarkAndJemalloc() throws {
        let result = try run(["--version"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("sitegen 0.1.0 (libcmark 0."))
        // jemalloc answers its own `mallctl` only when it is linked into the executable, and
        // reports transparent huge pages only when it read CJemallocSettings' `malloc_conf`.
        #expect(result.stdout.contains(", jemalloc 5."))
        #if os(Linux)  // CJemallocSettings sets `malloc_conf` on Linux only (transparent huge pages)
        #expect(result.stdout.hasSuffix(" with thp:always)\n"))
        #endif
    }

    #if os(Linux)
    @Test func mallocConfOverridesTheAllocatorSettings() throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["--version"]
        process.environment = ["MALLOC_CONF": "thp:never"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stdout.hasSuffix(" with thp:never)\n"))
    }
    #endif

    @Test func checkWritesNothing() throws {
        let project = try makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try run(["check"], in: project)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Checked 61 files (4 articles)"))
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Output").path))
    }
}
