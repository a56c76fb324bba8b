import Foundation
import MarkdownHTML
import Testing
@testable import SitegenCore

/// Builds `Fixtures/sites/<name>` and compares every output file, byte for byte, with
/// `Fixtures/sites/<name>.expected/`. `SITEGEN_RECORD=1 swift test --filter Golden` rewrites
/// the expected trees; review them as a git diff.
struct GoldenSiteTests {
    static let recording = ProcessInfo.processInfo.environment["SITEGEN_RECORD"] == "1"

    @Test(arguments: [("basic", nil), ("basic-subpath", "https://example.org/news/")] as [(String, String?)])
    func siteMatchesGoldenFiles(expected: String, baseURL: String?) throws {
        let site = FixtureSite("sites/basic")
        let report = try site.build(baseURL: baseURL).get()
        #expect(report.warnings.map(\.description) == [
            "Content/articles/old-draft.md:1:1: warning: draft skipped (build with --drafts to include it)"
        ])
        let expectedFolder = FixtureSite.fixtures.appendingPathComponent("sites/\(expected).expected")
        // The theme's assets are copied as they are: they are compared with Templates/assets,
        // not kept twice more in every expected tree.
        let assets = FixtureSite.repositoryRoot.appendingPathComponent("Templates")
        let allOutput = FixtureSite.files(in: site.output)
        let copied = allOutput.filter { $0.hasPrefix("assets/") }
        #expect(copied == FixtureSite.files(in: assets.appendingPathComponent("assets")).map { "assets/" + $0 })
        for path in copied {
            #expect(FileManager.default.contents(atPath: site.output.appendingPathComponent(path).path)
                == FileManager.default.contents(atPath: assets.appendingPathComponent(path).path), "\(path)")
        }
        if Self.recording {
            try? FileManager.default.removeItem(at: expectedFolder)
            FixtureSite.copy(site.output, to: expectedFolder)
            try? FileManager.default.removeItem(at: expectedFolder.appendingPathComponent("assets"))
            return
        }
        let actual = allOutput.filter { !$0.hasPrefix("assets/") }
        let wanted = FixtureSite.files(in: expectedFolder)
        #expect(actual == wanted, "file lists differ (libcmark \(MarkdownRenderer.cmarkVersion))")
        for path in actual where wanted.contains(path) {
            let got = try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
            let want = try String(contentsOf: expectedFolder.appendingPathComponent(path), encoding: .utf8)
            if got != want {
                let gotLines = got.split(separator: "\n", omittingEmptySubsequences: false)
                let wantLines = want.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(gotLines, wantLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(gotLines.count, wantLines.count)
                let shown = line < gotLines.count ? String(gotLines[line]) : "<end of file>"
                Issue.record("\(expected).expected/\(path):\(line + 1) differs: got '\(shown)' (libcmark \(MarkdownRenderer.cmarkVersion))")
            }
        }
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let first = FixtureSite("sites/basic"), second = FixtureSite("sites/basic")
        _ = try first.build().get()
        _ = try second.build().get()
        let files = FixtureSite.files(in: first.output)
        #expect(files == FixtureSite.files(in: second.output))
        for path in files {
            #expect(FileManager.default.contents(atPath: first.output.appendingPathComponent(path).path)
                == FileManager.default.contents(atPath: second.output.appendingPathComponent(path).path), "\(path)")
        }
    }

    /// With no room to keep bodies, every Markdown body's HTML and every raw body is written to
    /// the build's spill as Parse makes it and read back: the same site.
    @Test func aBuildThatKeepsNoBodyGivesTheSameSite() throws {
        let site = FixtureSite("sites/basic")
        _ = try site.build().get()
        var options = BuildOptions(
            root: site.project.url, output: site.project.url.appendingPathComponent("Spilled"),
            now: BuildOptions.unixTime(parsing: "2026-02-16"))
        options.keptBytes = 0
        _ = try SiteBuilder(options: options).build().get()
        // The spill was made in `.sitegen/` without a name: only the stamps are left there.
        #expect(FixtureSite.allFiles(in: site.project.url.appendingPathComponent(".sitegen")) == ["build-stamps"])
        let files = FixtureSite.files(in: site.output)
        #expect(files == FixtureSite.files(in: options.paths.output) && files.contains { $0.contains("anna-berg-thanked") })
        for path in files {
            #expect(FileManager.default.contents(atPath: site.output.appendingPathComponent(path).path)
                == FileManager.default.contents(atPath: options.paths.output.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func rebuildWithNothingChangedWritesNothing() throws {
        let site = FixtureSite("sites/basic")
        let first = try site.build().get()
        let second = try site.build().get()
        #expect(first.written > 0)
        #expect(second.written == 0)
        #expect(second.unchanged == first.written)
    }
}
