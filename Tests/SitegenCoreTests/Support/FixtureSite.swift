import Foundation
@testable import SitegenCore

/// Builds a fixture site in a temporary project: the fixture's `Content/`, and the repository's
/// `Templates/` with the fixture's own `Templates/` files laid over it.
struct FixtureSite {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsRoot.appendingPathComponent("Fixtures")
    static let repositoryRoot = testsRoot.deletingLastPathComponent().deletingLastPathComponent()

    let project = TemporaryDirectory()
    let fixture: URL

    init(_ relativePath: String) {
        fixture = Self.fixtures.appendingPathComponent(relativePath)
        Self.copy(fixture.appendingPathComponent("Content"), to: project.url.appendingPathComponent("Content"))
        Self.copy(Self.repositoryRoot.appendingPathComponent("Templates"), to: project.url.appendingPathComponent("Templates"))
        Self.copy(fixture.appendingPathComponent("Templates"), to: project.url.appendingPathComponent("Templates"))
        Self.removeTemplates(listedIn: fixture.appendingPathComponent("remove-templates.txt"), from: project.url)
    }

    var output: URL { project.url.appendingPathComponent("Output") }

    /// Builds with a fixed "now", so output does not depend on the day the test runs.
    func build(baseURL: String? = nil, now: String = "2026-02-16") -> Result<BuildReport, BuildFailure> {
        SiteBuilder(options: BuildOptions(
            root: project.url, baseURL: baseURL, now: BuildOptions.unixTime(parsing: now))).build()
    }

    /// Copies every file below `source` into `destination`, replacing files of the same name.
    static func copy(_ source: URL, to destination: URL) {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(source.standardizedFileURL.path.count + 1))
            let target = destination.appendingPathComponent(relative)
            try? manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? manager.removeItem(at: target)
            try! manager.copyItem(at: url, to: target)
        }
    }

    /// Relative paths of every file below `folder`, hidden ones included, sorted.
    static func allFiles(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { item -> String? in
            guard let path = item as? String else { return nil }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue ? path : nil
        }.sorted()
    }

    /// Relative paths of every file below `folder`, sorted.
    static func files(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = folder.standardizedFileURL.path.count + 1
        return enumerator.compactMap { item -> String? in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { return nil }
            return String(url.standardizedFileURL.path.dropFirst(base))
        }.sorted()
    }

    /// Deletes the theme files named, one per line relative to `Templates/`, in `list`
    /// (a fixture's `remove-templates.txt`), so a fixture can lack a template.
    static func removeTemplates(listedIn list: URL, from project: URL) {
        guard let text = try? String(contentsOf: list, encoding: .utf8) else { return }
        for name in text.split(separator: "\n") where !name.isEmpty && !name.hasPrefix("#") {
            try! FileManager.default.removeItem(at: project.appendingPathComponent("Templates").appendingPathComponent(String(name)))
        }
    }
}
