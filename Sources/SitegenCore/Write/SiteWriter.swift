import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the Write stage did.
struct WriteSummary: Equatable, Sendable {
    var written = 0
    var unchanged = 0
    var removed = 0
    /// Output paths written or removed, sorted.
    var changed: [String] = []
}

/// The Write stage: puts pages and static files into the output folder safely.
///
/// - Only files in the manifest are sitegen's; a file it did not write is never overwritten
///   or removed (a `CNAME`, a `.git`, a file put there by hand).
/// - A file whose bytes are unchanged is not rewritten; others are replaced atomically
///   (a temporary file in the same folder, then `rename`).
/// - The manifest is first widened to old ∪ new, so a build killed at any moment leaves
///   every file old or new and the next build still knows every file it may own.
struct SiteWriter {
    let paths: ProjectPaths
    static let temporarySuffix = ".sitegen-tmp"

    func write(pages: [RenderedPage], files: [StaticFile]) -> Result<WriteSummary, BuildFailure> {
        do {
            return .success(try writeChecked(pages: pages, files: files))
        } catch {
            return .failure(BuildFailure(errors: [error], warnings: []))
        }
    }

    private func writeChecked(pages: [RenderedPage], files: [StaticFile]) throws(SitegenError) -> WriteSummary {
        try OutputFolder.check(paths)
        let root = paths.output.standardizedFileURL
        try createDirectory(root)
        let manifestURL = root.appendingPathComponent(Manifest.fileName)
        let old = (try? String(contentsOf: manifestURL, encoding: .utf8)).map(Manifest.init(text:)) ?? Manifest(paths: [])

        var entries: [(path: String, contents: FileContents)] = pages.map { ($0.path, .bytes($0.contents)) }
        let pagePaths = Set(pages.map(\.path))
        for file in files {
            if pagePaths.contains(file.outputPath) {
                throw SitegenError(.writeFailed(file.outputPath, why: "a static file has the same path as a generated page"),
                                   at: SourceLocation(path: paths.display(file.source)))
            }
            entries.append((file.outputPath, .copy(file.source)))
        }
        let new = Manifest(paths: Set(entries.map(\.path)))
        try checkOwnership(entries, old: old, root: root)
        _ = removeLeftoverTemporaries(for: old.paths.union(new.paths), root: root)

        try writeAtomically(Array(Manifest(paths: old.paths.union(new.paths)).text.utf8), to: manifestURL)
        var summary = WriteSummary()
        var verified = Set<String>()
        for folder in Set(entries.map { ($0.path as NSString).deletingLastPathComponent }).sorted() where !folder.isEmpty {
            var current = ""
            for component in folder.split(separator: "/") {
                current += (current.isEmpty ? "" : "/") + component
                if verified.insert(current).inserted { try createDirectory(root.appendingPathComponent(current)) }
            }
        }
        let outcomes = entries.concurrentMap { entry in
            Result { () throws(SitegenError) -> Bool in
                try self.writeIfChanged(entry.contents, to: root.appendingPathComponent(entry.path))
            }
        }
        for (entry, outcome) in zip(entries, outcomes) {
            switch outcome {
            case .success(true):
                summary.written += 1
                summary.changed.append(entry.path)
            case .success(false): summary.unchanged += 1
            case .failure(let error): throw error
            }
        }
        summary.removed = removeStale(old.paths.subtracting(new.paths), root: root)
        summary.changed = (summary.changed + old.paths.subtracting(new.paths)).sorted()
        try writeAtomically(Array(new.text.utf8), to: manifestURL)
        return summary
    }

    enum FileContents: Sendable {
        case bytes([UInt8])
        case copy(URL)
    }

    /// Refuses to overwrite a file sitegen did not write, unless its bytes are already right.
    private func checkOwnership(_ entries: [(path: String, contents: FileContents)], old: Manifest, root: URL) throws(SitegenError) {
        for entry in entries where !old.paths.contains(entry.path) {
            let url = root.appendingPathComponent(entry.path)
            guard Self.somethingExists(at: url) else { continue }
            let existing = Self.regularFileContents(at: url)
            if let existing, let wanted = try? bytes(of: entry.contents), existing == Data(wanted) { continue }
            throw SitegenError(.outputConflict(paths.display(url)), at: nil)
        }
    }

    private func bytes(of contents: FileContents) throws -> [UInt8] {
        switch contents {
        case .bytes(let bytes): return bytes
        case .copy(let url): return [UInt8](try Data(contentsOf: url))
        }
    }

    /// Writes unless the file already has these bytes; returns whether it wrote.
    private func writeIfChanged(_ contents: FileContents, to url: URL) throws(SitegenError) -> Bool {
        let wanted: [UInt8]
        do { wanted = try bytes(of: contents) } catch {
            throw SitegenError(.unreadableFile((error as NSError).localizedDescription), at: nil)
        }
        if let existing = Self.regularFileContents(at: url), existing.count == wanted.count,
            existing.elementsEqual(wanted)
        {
            return false
        }
        try writeAtomically(wanted, to: url)
        return true
    }

    /// Writes a temporary file beside `url`, then renames it over `url`.
    func writeAtomically(_ bytes: [UInt8], to url: URL) throws(SitegenError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + Self.temporarySuffix)
        let failure = { (why: String) in SitegenError(.writeFailed(self.paths.display(url), why: why), at: nil) }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o644)
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
        close(descriptor)
        guard ok else {
            unlink(temporary.path)
            throw failure(String(cString: strerror(writeError)))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary.path)
            throw failure(why)
        }
    }

    /// Creates one folder whose parent exists; refuses when the path is a file or a symbolic
    /// link, so nothing is written outside the output folder.
    private func createDirectory(_ url: URL) throws(SitegenError) {
        var info = stat()
        if lstat(url.path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return }
            if url.standardizedFileURL == paths.output.standardizedFileURL, (info.st_mode & S_IFMT) == S_IFLNK { return }
            throw SitegenError(.writeFailed(paths.display(url), why: "it exists and is not a folder"), at: nil)
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: url == paths.output.standardizedFileURL)
        } catch {
            throw SitegenError(.writeFailed(paths.display(url), why: (error as NSError).localizedDescription), at: nil)
        }
    }

    /// Removes sitegen's own files that this build no longer produces, then the folders
    /// they leave empty (never a folder that still holds anything).
    private func removeStale(_ stale: Set<String>, root: URL) -> Int {
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
