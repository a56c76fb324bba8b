import Foundation
import SitegenCore
import SitegenServer

/// A temporary project with the basic fixture's content and the repository's theme,
/// removed when the test ends.
final class TestProject: @unchecked Sendable {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let repositoryRoot = testsRoot.deletingLastPathComponent()

    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.testsRoot.appendingPathComponent("SitegenCoreTests/Fixtures/sites/basic/Content"),
            to: url.appendingPathComponent("Content"))
        try FileManager.default.copyItem(
            at: Self.repositoryRoot.appendingPathComponent("Templates"), to: url.appendingPathComponent("Templates"))
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var options: BuildOptions { BuildOptions(root: url, now: BuildOptions.unixTime(parsing: "2026-02-16")) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String { try String(contentsOf: path(relative), encoding: .utf8) }

    /// Replaces a file the way editors do: write a temporary file beside it, then rename.
    func save(_ relative: String, _ text: String) throws {
        let target = path(relative)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).swp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}

/// Collects what the server reports.
final class ServeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ServeEvent] = []

    func append(_ event: ServeEvent) { lock.withLock { stored.append(event) } }
    var events: [ServeEvent] { lock.withLock { stored } }
}
