import Foundation
import Testing
@testable import SitegenCore

/// A content file that cannot be read is an error with its path, never a silent skip.
/// Tests run as root in CI, where mode 000 does not stop a read, so a folder or a symbolic
/// link where a file is expected stands in for an unreadable file.
struct UnreadableFileTests {
    let project = TemporaryDirectory()

    func load() -> [String] {
        let paths = BuildOptions(root: project.url).paths
        return ContentLoader(paths: paths, maxFileSize: 1 << 20).load().errors.map(\.description)
    }

    @Test func aDanglingSymbolicLinkIsAnError() throws {
        project.write("Content/articles/ok.md", "---\ntitle: A\ndate: 2025-11-24\n---\n")
        try FileManager.default.createSymbolicLink(
            atPath: project.url.appendingPathComponent("Content/articles/gone.md").path, withDestinationPath: "nowhere.md")
        #expect(load() == [
            "Content/articles/gone.md:1:1: error: cannot read file: it is a symbolic link, and sitegen does not follow "
                + "links in the content folder (hint: put the file itself there)"
        ])
    }

    @Test func aSymbolicLinkToAFileOutsideIsNotFollowed() throws {
        let outside = TemporaryDirectory()
        let secret = outside.write("secret.md", "---\nname: Secret\n---\n")
        try FileManager.default.createDirectory(
            at: project.url.appendingPathComponent("Content/leaders"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: project.url.appendingPathComponent("Content/leaders/secret.md"), withDestinationURL: secret)
        #expect(load().count == 1)
        #expect(load().first?.hasPrefix("Content/leaders/secret.md:1:1: error: cannot read file: it is a symbolic link") == true)
    }

    @Test func aFolderNamedLikeAnArticleIsAnError() {
        project.write("Content/topics/trade.md/notes", "not a topic file")
        #expect(load() == ["Content/topics/trade.md:1:1: error: cannot read file: it is a folder, not a file"])
    }

    @Test(.enabled(if: geteuid() != 0, "runs as root, where mode 000 does not stop a read"))
    func aFileWithoutReadPermissionIsAnError() throws {
        let file = project.write("Content/articles/locked.md", "---\ntitle: A\ndate: 2025-11-24\n---\n")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path) }
        #expect(load().first?.hasPrefix("Content/articles/locked.md:1:1: error: cannot read file:") == true)
    }
}

/// `site.yml` is read by path, not found by a folder walk, so `read` itself refuses what is
/// not a regular file: a FIFO would otherwise block the build for ever.
struct UnreadableSiteConfigTests {
    let project = TemporaryDirectory()

    func errors() -> [String] {
        var diagnostics: [SitegenError] = []
        _ = ContentLoader(paths: BuildOptions(root: project.url).paths, maxFileSize: 1 << 20).readSiteConfig(diagnostics: &diagnostics)
        return diagnostics.map(\.description)
    }

    @Test func aFolderNamedSiteYmlIsAnError() {
        project.write("Content/site.yml/notes", "x")
        #expect(errors() == ["Content/site.yml:1:1: error: cannot read file: it is a folder, not a file"])
    }

    @Test func aFIFONamedSiteYmlIsAnErrorNotAHang() throws {
        try FileManager.default.createDirectory(at: project.url.appendingPathComponent("Content"), withIntermediateDirectories: true)
        #expect(mkfifo(project.url.appendingPathComponent("Content/site.yml").path, 0o644) == 0)
        #expect(errors() == ["Content/site.yml:1:1: error: cannot read file: it is not a regular file"])
    }
}
