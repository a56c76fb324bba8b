import Foundation
import Testing
@testable import SitegenCore

/// A static file whose source and copy keep the stamps the last build saw is not read again
/// (`StaticCopies`); a copy whose stamp changed, or a source that changed, is compared and
/// written as before.
struct StaticCopiesTests {
    let project = TemporaryDirectory()

    var paths: ProjectPaths { BuildOptions(root: project.url).paths }
    var image: StaticFile {
        StaticFile(outputPath: "images/map.png", source: project.url.appendingPathComponent("Content/static/images/map.png"))
    }
    var copyPath: String { paths.output.path + "/images/map.png" }
    /// A time well after every file of the test changed, so that their stamps count as settled.
    let later = Int(Date().timeIntervalSince1970) + 10

    func copy(knowing copies: StaticCopies) throws -> WriteSummary {
        let output = try SiteWriter(paths: paths).begin(pagePaths: [], files: [image], copies: copies)
        return try output.commit().get()
    }

    /// What the last build would have recorded: the source's stamp and the copy's.
    func copies(sourceNow: FileStamp? = nil, recordedAt: Int? = nil) -> StaticCopies {
        let source = FileStamp(path: image.source.path)
        return StaticCopies(
            files: [image], sources: [image.source.path: sourceNow ?? source], recordedSources: [image.source.path: source],
            recordedCopies: [image.outputPath: FileStamp(path: image.outputPath, at: copyPath)], recordedAt: recordedAt ?? later)
    }

    /// The image copied by a build that knew nothing, and what that build would have recorded.
    func copiedOnce() throws -> StaticCopies {
        project.write("Content/static/images/map.png", "a map of the border")
        #expect(try copy(knowing: StaticCopies()).written == 1)
        return copies()
    }

    @Test func aCopyKnownToHoldItsSourceIsNotRead() throws {
        let known = try copiedOnce()
        #expect(known.count == 1)
        // Without its source the file could not be read: the build counts the copy unchanged.
        try FileManager.default.removeItem(at: image.source)
        let summary = try copy(knowing: known)
        #expect((summary.written, summary.unchanged, summary.staticCopiesKept) == (0, 1, 1))
        #expect(project.read("Output/images/map.png") == "a map of the border")
    }

    @Test func aCopyChangedSinceIsComparedAndRestored() throws {
        let known = try copiedOnce()
        usleep(20_000)  // past the clock's resolution on any file system, where it is coarse
        // Same size, other bytes: only its stamp (a new change time) tells it changed.
        project.write("Output/images/map.png", "a map of the harbor")
        let summary = try copy(knowing: known)
        #expect((summary.written, summary.unchanged, summary.staticCopiesKept) == (1, 0, 0))
        #expect(project.read("Output/images/map.png") == "a map of the border")
    }

    @Test func onlySettledUnchangedSourcesWithARecordedCopyAreKnown() throws {
        #expect(try copiedOnce().count == 1)
        // Taken within `BuildStamps.settleSeconds` of a change, a stamp could outlive a second change.
        #expect(copies(recordedAt: Int(Date().timeIntervalSince1970)).count == 0)
        var changed = FileStamp(path: image.source.path)
        changed.size += 1
        #expect(copies(sourceNow: changed).count == 0)
        #expect(copies(sourceNow: FileStamp(label: image.source.path)).count == 0)  // the source is gone
        let source = FileStamp(path: image.source.path)
        let noCopy = StaticCopies(
            files: [image], sources: [image.source.path: source], recordedSources: [image.source.path: source],
            recordedCopies: [:], recordedAt: later)
        #expect(noCopy.count == 0)
    }
}
