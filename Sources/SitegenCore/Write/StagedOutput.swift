import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One build's writes into the output folder, staged beside their targets until `commit`.
///
/// `stage` may be called from many threads at once. It compares a file with what is already
/// there (by size first, bytes only when the sizes agree), refuses to overwrite a file that is
/// not sitegen's, and writes a changed file to its temporary name. Nothing visible changes until
/// `commit`; `abandon` removes the temporaries and any folder staging created.
final class StagedOutput: @unchecked Sendable {
    private let writer: SiteWriter
    private let root: URL
    /// The output folder's path, ending in `/`.
    private let rootPath: String
    private let old: Manifest
    private let files: [StaticFile]
    /// Whether `begin` found a killed build's temporaries, so pages added later look for theirs.
    private let clearsLeftovers: Bool
    /// Whether the files are the old manifest's (`SiteWriter.resume`): nothing to compare,
    /// remove or write at `commit`.
    private let keepsManifest: Bool

    private let lock = NSLock()
    // Guarded by `lock`:
    private var new: Manifest
    private var staged: [(temporary: String, target: String)] = []
    private var unchanged = 0
    private var checkedFolders: Set<String> = []
    private var createdFolders: [String] = []
    /// The folders of `createdFolders`, relative to the output folder.
    private var madeFolders: Set<String> = []
    private var markerWritten = false

    init(
        writer: SiteWriter, root: URL, old: Manifest, new: Manifest, files: [StaticFile], clearsLeftovers: Bool = false,
        keepsManifest: Bool = false
    ) {
        self.clearsLeftovers = clearsLeftovers
        self.keepsManifest = keepsManifest
        markerWritten = clearsLeftovers  // the killed build's marker: removed at commit or abandon
        self.writer = writer
        self.root = root
        rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        self.old = old
        self.new = new
        self.files = files
    }

    /// Adds files to the site after `begin`: pages whose paths were not known then (the search
    /// index, made while the other pages render).
    /// - Throws: `SitegenError` when a static file has one of their paths.
    func add(pagePaths: [String]) throws(SitegenError) {
        precondition(!keepsManifest, "a resumed output keeps the manifest's files")
        let added = Set(pagePaths)
        if clearsLeftovers { _ = writer.removeLeftoverTemporaries(for: added, root: root) }
        try SiteWriter.refuseStaticFiles(files, at: added, paths: writer.paths)
        lock.withLock { new.paths.formUnion(added) }
    }

    /// Stages one rendered file.
    /// - Throws: `SitegenError` when a file sitegen did not write stands there with other bytes,
    ///   or a folder or file cannot be made.
    func stage(_ page: RenderedPage) throws(SitegenError) {
        try stage(page.contents, at: page.path)
    }

    /// Stages `bytes` as the file at `path` (relative to the output folder).
    func stage(_ bytes: [UInt8], at path: String) throws(SitegenError) {
        let target = rootPath + path
        // In a folder this build made, or will make in one it made, nothing stands yet (files
        // appear only at `commit`): no need to look.
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        let parent = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
        let inNewFolder = lock.withLock { madeFolders.contains(folder) || (!folder.isEmpty && madeFolders.contains(parent)) }
        switch inNewFolder ? .absent : Self.compare(bytes, withFileAt: target) {
        case .same:
            lock.withLock { unchanged += 1 }
            return
        case .different:
            if !old.paths.contains(path) {
                throw SitegenError(
                    .outputConflict(writer.paths.display(root.appendingPathComponent(path))), at: nil)
            }
        case .absent:
            break
        }
        try createFolders(in: folder)
        try writeMarker()
        let temporary = SiteWriter.temporaryPath(for: target)
        try writer.writeFile(
            bytes, to: temporary,
            reportingAs: self.writer.paths.display(self.root.appendingPathComponent(path)))
        lock.withLock { staged.append((temporary, target)) }
    }

    /// Makes `SiteWriter.stagingMarker` before the first temporary file is written.
    private func writeMarker() throws(SitegenError) {
        lock.lock()
        defer { lock.unlock() }
        guard !markerWritten else { return }
        try writer.writeFile(
            [], to: rootPath + SiteWriter.stagingMarker,
            reportingAs: writer.paths.display(root.appendingPathComponent(SiteWriter.stagingMarker)))
        markerWritten = true
    }

    /// Removes the marker: no temporary file is left.
    private func removeMarker() {
        lock.withLock {
            if markerWritten { unlink(rootPath + SiteWriter.stagingMarker) }
            markerWritten = false
        }
    }

    /// The manifest as `commit` leaves it: every file of this build.
    var manifest: Manifest { lock.withLock { new } }

    /// Counts files the caller knows to be unchanged without staging them (an incremental
    /// build skips pages whose context did not change).
    func countUnchanged(_ count: Int) {
        lock.withLock { unchanged += count }
    }

    /// Moves every staged file into place, copies static files, removes stale files and writes
    /// the manifest. Call it once, after every page was staged without error.
    func commit() -> Result<WriteSummary, BuildFailure> {
        do throws(SitegenError) {
            for file in files {
                let bytes: [UInt8]
                do { bytes = [UInt8](try Data(contentsOf: file.source)) } catch {
                    throw SitegenError(
                        .unreadableFile((error as NSError).localizedDescription),
                        at: SourceLocation(path: writer.paths.display(file.source)))
                }
                try stage(bytes, at: file.outputPath)
            }
            let manifestURL = root.appendingPathComponent(Manifest.fileName)
            try createFolders(in: "")
            // The manifest already lists exactly these files when nothing came or went.
            let new = lock.withLock { self.new }
            let manifestChanged = !keepsManifest && old.paths != new.paths
            if manifestChanged {
                try writeMarker()
                try writer.writeAtomically(
                    Array(Manifest(paths: old.paths.union(new.paths)).text.utf8), to: manifestURL)
            }
            let moves = lock.withLock { staged }
            let failures = moves.concurrentMap { move -> SitegenError? in
                guard rename(move.temporary, move.target) != 0 else { return nil }
                let why = String(cString: strerror(errno))
                unlink(move.temporary)
                return SitegenError(
                    .writeFailed(writer.paths.display(URL(fileURLWithPath: move.target)), why: why), at: nil)
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            var summary = WriteSummary(written: moves.count, unchanged: lock.withLock { unchanged })
            let stale = keepsManifest ? [] : old.paths.subtracting(new.paths)
            summary.removed = writer.removeStale(stale, root: root)
            summary.changed = (moves.map { String($0.target.dropFirst(rootPath.count)) } + stale).sorted()
            if manifestChanged { try writer.writeAtomically(Array(new.text.utf8), to: manifestURL) }
            removeMarker()
            return .success(summary)
        } catch {
            abandon()
            return .failure(BuildFailure(errors: [error], warnings: []))
        }
    }

    /// Deletes every staged temporary file and the folders staging created (when empty).
    func abandon() {
        let (moves, folders) = lock.withLock { (staged, createdFolders) }
        for move in moves { unlink(move.temporary) }
        removeMarker()
        Self.removeEmptyFolders(folders)
        lock.withLock {
            staged = []
            createdFolders = []
        }
    }

    /// Removes each of `folders` that is empty, deepest first: threads record the folders they
    /// made in any order (a parent may be recorded after a child another thread made in it),
    /// and a longer path is never a parent of a shorter one.
    static func removeEmptyFolders(_ folders: [String]) {
        for folder in folders.sorted(by: { $0.utf8.count > $1.utf8.count }) { rmdir(folder) }
    }

    private enum Comparison { case absent, same, different }

    /// Whether the file at `path` holds `bytes`; reads it only when its size matches.
    private static func compare(_ bytes: [UInt8], withFileAt path: String) -> Comparison {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .absent }
        guard (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return .different }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW)
        guard descriptor >= 0 else { return .different }
        defer { close(descriptor) }
        var existing = [UInt8](repeating: 0, count: bytes.count + 1)
        var filled = 0
        while filled < existing.count {
            let count = existing.withUnsafeMutableBytes {
                read(descriptor, $0.baseAddress! + filled, $0.count - filled)
            }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            filled += count
        }
        guard filled == bytes.count else { return .different }
        let equal = existing.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, new.count) == 0 }
        }
        return equal ? .same : .different
    }

    /// Makes sure `parent` (relative to the output folder) and every folder above it are real
    /// folders inside the output folder (never symbolic links), creating what is missing. Each
    /// folder is checked once per build.
    private func createFolders(in parent: String) throws(SitegenError) {
        // Once a folder is checked, so are all above it: most files need this one lookup.
        if lock.withLock({ checkedFolders.contains(parent) }) { return }
        var folders: [String] = [""]
        var current = ""
        for component in parent.split(separator: "/") {
            current += (current.isEmpty ? "" : "/") + component
            folders.append(current)
        }
        for folder in folders {
            if lock.withLock({ checkedFolders.contains(folder) }) { continue }
            let url = folder.isEmpty ? root.path : rootPath + folder
            if try ensureFolder(url, isRoot: folder.isEmpty) {
                lock.withLock {
                    createdFolders.append(url)
                    madeFolders.insert(folder)
                }
            }
            lock.withLock { _ = checkedFolders.insert(folder) }
        }
    }

    /// Creates one folder whose parent exists, or accepts an existing one; returns whether it
    /// created it. Refuses a file or a symbolic link (but the output folder itself may be a link).
    private func ensureFolder(_ path: String, isRoot: Bool) throws(SitegenError) -> Bool {
        let failure = { (why: String) in
            SitegenError(
                .writeFailed(self.writer.paths.display(URL(fileURLWithPath: path)), why: why), at: nil)
        }
        var info = stat()
        // A folder below the root is made first and looked at only when it exists: in a cold
        // build most folders are new.
        if !isRoot, mkdir(path, 0o755) == 0 { return true }
        if !isRoot, errno != EEXIST { throw failure(String(cString: strerror(errno))) }
        if lstat(path, &info) != 0 {
            guard isRoot else { throw failure(String(cString: strerror(errno))) }
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw failure((error as NSError).localizedDescription)
            }
            return true
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return false }
        if isRoot, (info.st_mode & S_IFMT) == S_IFLNK { return false }
        throw failure("it exists and is not a folder")
    }
}
