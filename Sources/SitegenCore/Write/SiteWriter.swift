import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the Write stage did.
struct WriteSummary: Equatable, Sendable {
    var written = 0
    var unchanged = 0
    var removed = 0
    /// Output paths written or removed, in no particular order (sorting 32,000 paths at the
    /// end of a cold build took 35 ms on one core; `BuildReport.changedFiles` sorts them
    /// when asked).
    var changed: [String] = []
    /// The stamps of files written into folders staged whole, taken while they were open:
    /// renaming the folder changes neither their times nor their inodes, so these are the
    /// stamps an `lstat` would give after the commit (`BuildStamps`).
    var stamps: [FileStamp] = []
    /// Static files left as they were without being read, their copies known by their stamps
    /// (`StaticCopies`); counted in `unchanged` too.
    var staticCopiesKept = 0
}

/// The Write stage: puts pages and static files into the output folder safely.
///
/// - Only files in the manifest are sitegen's; a file it did not write is never overwritten
///   or removed (a `CNAME`, a `.git`, a file put there by hand).
/// - Writing is streamed: `begin` checks the folder, then each file is `stage`d as soon as it
///   is rendered, from any thread. A file whose bytes are unchanged is left alone; any other
///   is written to a hidden temporary file beside its target (`temporaryURL(for:)`), so no
///   rendered page waits in memory. Only `commit`, called when everything rendered without
///   error, renames the temporaries into place; `abandon` deletes them, so a failed build
///   leaves the previous output as it was.
/// - The manifest is widened to old ∪ new before the first rename, so a build killed at any
///   moment leaves every file old or new and the next build still knows every file it may own.
struct SiteWriter {
    let paths: ProjectPaths
    /// Ends the name of every temporary file sitegen writes: `.<name>.sitegen-tmp` beside `<name>`.
    static let temporarySuffix = ".sitegen-tmp"
    /// An empty file in the output folder while a build has temporary files there: made before
    /// the first one is written, removed once they are all renamed or deleted. Finding it, a
    /// build knows the last one was killed and looks for its temporaries.
    static let stagingMarker = ".sitegen-staging"

    /// The temporary file written beside `url` before it is renamed over it.
    static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + temporarySuffix)
    }

    /// The temporary file written beside the file at `path` before it is renamed over it.
    static func temporaryPath(for path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." + path + temporarySuffix }
        return path[...slash] + "." + path[path.index(after: slash)...] + temporarySuffix
    }

    /// Writes pages and static files at once: `begin`, `stage` each, `commit`.
    func write(pages: [RenderedPage], files: [StaticFile]) -> Result<WriteSummary, BuildFailure> {
        let output: StagedOutput
        do {
            output = try begin(pagePaths: pages.map(\.path), files: files)
        } catch {
            return .failure(BuildFailure(errors: [error], warnings: []))
        }
        let errors = pages.concurrentMap { page -> SitegenError? in
            do throws(SitegenError) { try output.stage(page) } catch { return error }
            return nil
        }
        if let error = errors.lazy.compactMap({ $0 }).first {
            output.abandon()
            return .failure(BuildFailure(errors: [error], warnings: []))
        }
        return output.commit()
    }

    /// Checks the output folder and the files to be written, and reads the old manifest.
    /// - Parameters:
    ///   - pagePaths: Every file the pages will become, relative to the output folder.
    ///   - files: Static files and assets, copied as they are.
    ///   - copies: What is known of their copies from the last build: those known to hold
    ///     their sources' bytes are not read.
    /// - Throws: `SitegenError` when the folder is refused, or a static file has a page's path.
    func begin(pagePaths: [String], files: [StaticFile], copies: StaticCopies = StaticCopies()) throws(SitegenError)
        -> StagedOutput
    {
        try OutputFolder.check(paths)
        let root = paths.output.standardizedFileURL
        let manifestURL = root.appendingPathComponent(Manifest.fileName)
        let old = (try? String(contentsOf: manifestURL, encoding: .utf8)).map(Manifest.init(text:)) ?? Manifest(paths: [])
        let pageSet = Set(pagePaths)
        try Self.refuseStaticFiles(files, at: pageSet, paths: paths)
        let new = Manifest(paths: pageSet.union(files.map(\.outputPath)))
        // A build killed while staging leaves its marker, and temporaries beside files it may
        // own: clear them. (Without a marker there are none, and 30,000 `lstat`s are saved.)
        let marker = root.path + "/" + Self.stagingMarker
        // The marker stays until this build commits or abandons: pages added later
        // (`StagedOutput.add(pagePaths:)`) look for the killed build's temporaries too.
        let killed = access(marker, F_OK) == 0
        if killed { _ = removeLeftoverTemporaries(for: old.paths.union(new.paths), root: root) }
        return StagedOutput(
            writer: self, root: root, old: old, new: new, files: files, copies: copies, clearsLeftovers: killed)
    }

    /// Stages into an output folder whose manifest is `manifest`, for an edit that changes some
    /// of sitegen's files but adds and removes none: no static file is copied and the manifest
    /// stays as it is. Nil when a killed build's marker is there (a full `begin` clears up).
    func resume(manifest: Manifest) throws(SitegenError) -> StagedOutput? {
        try OutputFolder.check(paths)
        let root = paths.output.standardizedFileURL
        guard access(root.path + "/" + Self.stagingMarker, F_OK) != 0 else { return nil }
        return StagedOutput(writer: self, root: root, old: manifest, new: manifest, files: [], keepsManifest: true)
    }

    /// Throws when one of `files` has the path of a generated page.
    static func refuseStaticFiles(_ files: [StaticFile], at pagePaths: Set<String>, paths: ProjectPaths) throws(SitegenError) {
        for file in files where pagePaths.contains(file.outputPath) {
            throw SitegenError(.writeFailed(file.outputPath, why: "a static file has the same path as a generated page"),
                               at: SourceLocation(path: paths.display(file.source)))
        }
    }

    /// Writes a temporary file beside `url`, then renames it over `url`.
    func writeAtomically(_ bytes: [UInt8], to url: URL) throws(SitegenError) {
        let temporary = Self.temporaryPath(for: url.path)
        try writeFile(bytes, to: temporary, reportingAs: paths.display(url))
        guard rename(temporary, url.path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw SitegenError(.writeFailed(paths.display(url), why: why), at: nil)
        }
    }

    /// Writes `bytes` to the file at `path` (never through a symbolic link); on failure nothing
    /// is left there. Errors name `target`, the file as the user knows it. With `info`, the
    /// written file's `fstat` is put there before it is closed.
    func writeFile(
        _ bytes: [UInt8], to path: String, reportingAs target: @autoclosure () -> String, info: UnsafeMutablePointer<stat>? = nil
    ) throws(SitegenError) {
        func failure(_ why: String) -> SitegenError { SitegenError(.writeFailed(target(), why: why), at: nil) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        var offset = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue }; return false }
                offset += count
            }
            return true
        }
        let writeError = errno
        let statError: Int32? = ok ? info.flatMap { fstat(descriptor, $0) == 0 ? nil : errno } : nil
        close(descriptor)
        if let statError {
            unlink(path)
            throw failure(String(cString: strerror(statError)))
        }
        guard ok else {
            unlink(path)
            throw failure(String(cString: strerror(writeError)))
        }
    }

    /// Removes sitegen's own files that this build no longer produces, then the folders
    /// they leave empty (never a folder that still holds anything).
    func removeStale(_ stale: Set<String>, root: URL) -> Int {
        var removed = 0
        var folders = Set<String>()
        for path in stale.sorted() {
            let url = root.appendingPathComponent(path)
            var info = stat()
            guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if unlink(url.path) == 0 { removed += 1 }
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(root.appendingPathComponent(folder).path)  // fails, harmlessly, unless empty
        }
        return removed
    }
}
