import Foundation
import Testing
@testable import SitegenServer

/// (Five minutes, as `DevServerTests`' limit and for the same reason: async tests wait for a
/// thread of the pool behind the synchronous ones.)
@Suite(.timeLimit(.minutes(5)))
struct FileWatcherTests {
    /// Paths the watcher reported.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []
        func add(_ new: [String]) { lock.withLock { paths += new } }
        var all: [String] { lock.withLock { paths } }

        /// Waits (at most 5 s) until `path` has been reported.
        func wait(for path: String) async -> Bool {
            for _ in 0..<100 {
                if all.contains(path) { return true }
                try? await Task.sleep(nanoseconds: 50_000_000)
            }
            return false
        }
    }

    @Test func reportsChangesInFoldersCreatedAfterItStarted() async throws {
        let project = try TestProject()
        let root = project.path("Content")
        let seen = Seen()
        let watcher = try FileWatcher(roots: [root]) { seen.add($0) }
        defer { watcher.stop() }
        let before = watcher.watchedFolderCount

        let folder = root.appendingPathComponent("articles/2027/deep")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(await seen.wait(for: root.appendingPathComponent("articles/2027").path))
        try await Task.sleep(nanoseconds: 100_000_000)
        let file = folder.appendingPathComponent("new.md")
        try Data("---\ntitle: New\n---\n".utf8).write(to: file)
        #expect(await seen.wait(for: file.path))
        #expect(watcher.watchedFolderCount == before + 2)
    }

    @Test func ignoresHiddenFiles() async throws {
        let project = try TestProject()
        let root = project.path("Content")
        let seen = Seen()
        let watcher = try FileWatcher(roots: [root]) { seen.add($0) }
        defer { watcher.stop() }
        try Data("x".utf8).write(to: root.appendingPathComponent(".site.yml.swp"))
        let visible = root.appendingPathComponent("static/visible.txt")
        try Data("x".utf8).write(to: visible)
        #expect(await seen.wait(for: visible.path))
        #expect(!seen.all.contains { $0.hasSuffix(".swp") })
    }
}
