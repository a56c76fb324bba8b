import Foundation
import Testing
@testable import SitegenCore

/// The writer never reads or writes through a symbolic link standing in the output folder.
struct OutputLinkTests {
    let project = TemporaryDirectory()
    let outside = TemporaryDirectory()
    var output: URL { project.url.appendingPathComponent("Output") }

    func write(_ pages: [String: String]) -> Result<WriteSummary, BuildFailure> {
        SiteWriter(paths: BuildOptions(root: project.url).paths).write(
            pages: pages.sorted { $0.key < $1.key }.map { RenderedPage(path: $0.key, text: $0.value) }, files: [])
    }

    func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: output.appendingPathComponent(path).path)) != nil
    }

    @Test func anOwnedPageReplacedByALinkIsReplacedNotFollowed() throws {
        _ = try write(["index.html": "home"]).get()
        let target = outside.write("elsewhere.html", "home")
        try FileManager.default.removeItem(at: output.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("index.html"), withDestinationURL: target)
        let summary = try write(["index.html": "home"]).get()
        #expect(summary.written == 1, "a link with the right bytes behind it is not an unchanged page")
        #expect(!isLink("index.html"))
        #expect(project.read("Output/index.html") == "home")
        #expect(outside.read("elsewhere.html") == "home")
    }

    @Test func aDanglingLinkThatIsNotOursIsAConflict() throws {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: output.appendingPathComponent("index.html").path, withDestinationPath: "/nowhere/at/all")
        guard case .failure(let failure) = write(["index.html": "home"]) else {
            Issue.record("expected a conflict")
            return
        }
        #expect(failure.errors.first?.description.contains("was not written by sitegen") == true)
        #expect(isLink("index.html"))
    }
}
