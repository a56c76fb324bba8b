import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One build's writes into the output folder, staged beside their targets until `commit`.
///
/// `stage` may be called from many threads at once. In a folder that already exists it
/// compares a file with what is there (by size first, bytes only when the sizes agree),
/// refuses to overwrite a file that is not sitegen's, and writes a changed file to its
/// temporary name beside the target. A folder that does not exist yet is made under its
/// temporary name instead (`.2026.sitegen-tmp` for `2026`), and everything below it is written
/// there under its own name: at `commit` one rename puts the whole folder in place (a cold
/// build renames a handful of folders, not 30,000 files). Nothing visible changes until
/// `commit`; `abandon` removes the temporaries and any folder staging created.
final class StagedOutput: @unchecked Sendable {
    private let writer: SiteWriter
    private let root: URL
    /// The output folder's path, ending in `/`.
    private let rootPath: String
    private let old: Manifest
    private let files: [StaticFile]
    /// The static files whose copies need not be read (`StaticCopies`).
    private let copies: StaticCopies
    /// Whether `begin` found a killed build's temporaries, so pages added later look for theirs.
    private let clearsLeftovers: Bool
    /// Whether the files are the old manifest's (`SiteWriter.resume`): nothing to compare,
    /// remove or write at `commit`.
    private let keepsManifest: Bool

    private let lock = NSLock()
    // Guarded by `lock`:
    private var new: Manifest
    /// Files written to their temporary names, and folders made under theirs.
    private var staged: [(temporary: String, target: String)] = []
    private var stagedFolders: [(temporary: String, target: String)] = []
    /// Files written straight into a folder of `stagedFolders` (or one below it): where they
    /// are now, their paths relative to the output folder, and their stamps.
    private var inStagedFolders: [(location: String, path: String, stamp: FileStamp)] = []
    private var unchanged = 0
    private var staticCopiesKept = 0
    /// Every folder looked at or made, by path relative to the output folder.
    private var folders: [String: Folder] = [:]
    /// Folders this build made (absolute paths, temporary names where they have one).
    private var createdFolders: [String] = []
    private var markerWritten = false
    /// The paths of `new` sorted (with their count), and after `add` the manifest's bytes,
    /// made on other threads while pages render: from `init`, the paths known then; at `add`,
    /// the added ones merged in. Sorting 158,000 paths at 50,000 articles took 75 ms at
    /// `commit`, and again at the end of the render when `add` sorted them all then (the search
    /// index's files come last), while nothing else ran.
    private var preparedManifest: (count: Int, work: BackgroundWork<(sorted: [String], bytes: [UInt8]?)>)?
    /// Held while a folder that is not yet there is made under its temporary name.
    private let folderLock = NSLock()

    /// Where a folder's files go while staging.
    private struct Folder {
        /// Its absolute path now: below a temporary name when `isNew`.
        var location: String
        /// Whether this build made it (inside a staged folder), so nothing stands in it yet.
        var isNew: Bool
    }

    init(
        writer: SiteWriter, root: URL, old: Manifest, new: Manifest, files: [StaticFile], copies: StaticCopies = StaticCopies(),
        clearsLeftovers: Bool = false, keepsManifest: Bool = false
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
        self.copies = copies
        // Not when the count is the old manifest's: then it is most likely unchanged (a
        // rebuild), and not written at all.
        if !keepsManifest, new.paths.count != old.paths.count {
            let paths = new.paths
            preparedManifest = (paths.count, BackgroundWork { (Manifest.sorted(paths), nil) })
        }
    }

    /// Adds files to the site after `begin`: pages whose paths were not known then (the search
    /// index, made while the other pages render).
    /// - Throws: `SitegenError` when a static file has one of their paths.
    func add(pagePaths: [String]) throws(SitegenError) {
        precondition(!keepsManifest, "a resumed output keeps the manifest's files")
        let added = Set(pagePaths)
        if clearsLeftovers { _ = writer.removeLeftoverTemporaries(for: added, root: root) }
        try SiteWriter.refuseStaticFiles(files, at: added, paths: writer.paths)
        lock.withLock {
            let fresh = added.subtracting(new.paths)
            new.paths.formUnion(fresh)
            let paths = new.paths
            // The paths sorted so far: all but the fresh ones, since a prepared list holds every
            // path there was when it was started, and is dropped whenever no new one is.
            let previous = preparedManifest
            preparedManifest = nil
            guard paths.count != old.paths.count else { return }  // as in `init`
            preparedManifest = (paths.count, BackgroundWork {
                let sorted = previous.map { Manifest.merged($0.work.take().sorted, fresh.sorted()) } ?? Manifest.sorted(paths)
                return (sorted, Manifest.bytes(sorted: sorted))
            })
        }
    }

    /// Stages one rendered file.
    /// - Throws: `SitegenError` when a file sitegen did not write stands there with other bytes,
    ///   or a folder or file cannot be made.
    func stage(_ page: RenderedPage) throws(SitegenError) {
        try stage(page.contents, at: page.path)
    }

    /// Stages `bytes` as the file at `path` (relative to the output folder).
    func stage(_ bytes: [UInt8], at path: String) throws(SitegenError) {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))  // by bytes: a Character search took 1% of a build
        let folder = try folder(slash.map { String(path[..<$0]) } ?? "")
        let display = { self.writer.paths.display(self.root.appendingPathComponent(path)) }
        if folder.isNew {
            // A folder this build made appears whole at `commit`: nothing stands in it, and
            // the file can be written under its own name.
            let location = folder.location + "/" + (slash.map { path[path.utf8.index(after: $0)...] } ?? path[...])
            var info = stat()
            try writer.writeFile(bytes, to: location, reportingAs: display(), info: &info)
            let stamp = FileStamp(path: path, info: info)
            lock.withLock { inStagedFolders.append((location, path, stamp)) }
            return
        }
        let target = rootPath + path
        switch Self.compare(bytes, withFileAt: target) {
        case .same:
            lock.withLock { unchanged += 1 }
            return
        case .different:
            if !old.paths.contains(path) { throw SitegenError(.outputConflict(display()), at: nil) }
        case .absent:
            break
        }
        try writeMarker()
        let temporary = SiteWriter.temporaryPath(for: target)
        try writer.writeFile(bytes, to: temporary, reportingAs: display())
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
            // On every core (nothing else runs now): a site's images can be hundreds of MB.
            // A copy known to hold its source's bytes is not read at all.
            let copyErrors = files.concurrentMap { file -> SitegenError? in
                if copies.holdsSource(file, root: rootPath) {
                    lock.withLock {
                        unchanged += 1
                        staticCopiesKept += 1
                    }
                    return nil
                }
                do throws(SitegenError) {
                    let bytes: [UInt8]
                    do { bytes = [UInt8](try Data(contentsOf: file.source)) } catch {
                        throw SitegenError(
                            .unreadableFile((error as NSError).localizedDescription),
                            at: SourceLocation(path: writer.paths.display(file.source)))
                    }
                    try stage(bytes, at: file.outputPath)
                    return nil
                } catch {
                    return error
                }
            }
            if let error = copyErrors.lazy.compactMap({ $0 }).first { throw error }
            let manifestURL = root.appendingPathComponent(Manifest.fileName)
            _ = try folder("")
            // The manifest already lists exactly these files when nothing came or went.
            let (new, prepared) = lock.withLock { (self.new, preparedManifest) }
            let manifestChanged = !keepsManifest && old.paths != new.paths
            // The paths only grow: the same count is the same set.
            lazy var newManifest =
                prepared.flatMap { prepared -> [UInt8]? in
                    guard prepared.count == new.paths.count else { return nil }
                    let (sorted, bytes) = prepared.work.take()
                    return bytes ?? Manifest.bytes(sorted: sorted)
                } ?? new.bytes
            // Until the renames are done the manifest lists old and new files; when no old file
            // goes (a first build, or only additions) that is already the final list.
            var listsOnlyNew = true
            if manifestChanged {
                // A first build has no old paths: the new set as it is, not a copy made by `union`.
                let listed = old.paths.isSubset(of: new.paths) ? new.paths : old.paths.union(new.paths)
                listsOnlyNew = listed.count == new.paths.count
                try writeMarker()
                try writer.writeAtomically(listsOnlyNew ? newManifest : Manifest(paths: listed).bytes, to: manifestURL)
            }
            let (moves, folderMoves, inFolders) = lock.withLock { (staged, stagedFolders, inStagedFolders) }
            let failures = (moves.map { ($0, false) } + folderMoves.map { ($0, true) }).concurrentMap {
                move, isFolder -> SitegenError? in
                guard rename(move.temporary, move.target) != 0 else { return nil }
                let why = String(cString: strerror(errno))
                if isFolder { removeStagedFolder(move.temporary) } else { unlink(move.temporary) }
                return SitegenError(
                    .writeFailed(writer.paths.display(URL(fileURLWithPath: move.target)), why: why), at: nil)
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            var summary = WriteSummary(written: moves.count + inFolders.count, unchanged: lock.withLock { unchanged })
            let stale = keepsManifest ? [] : old.paths.subtracting(new.paths)
            summary.removed = writer.removeStale(stale, root: root)
            summary.changed = moves.map { String($0.target.dropFirst(rootPath.count)) } + inFolders.map(\.path) + stale
            summary.stamps = inFolders.map(\.stamp)
            summary.staticCopiesKept = lock.withLock { staticCopiesKept }
            if manifestChanged, !listsOnlyNew {
                try writer.writeAtomically(newManifest, to: manifestURL)
            }
            removeMarker()
            return .success(summary)
        } catch {
            abandon()
            return .failure(BuildFailure(errors: [error], warnings: []))
        }
    }

    /// Deletes every staged temporary file and the folders staging created (when empty).
    func abandon() {
        let (moves, inFolders, folders) = lock.withLock { (staged, inStagedFolders, createdFolders) }
        for move in moves { unlink(move.temporary) }
        for file in inFolders { unlink(file.location) }
        removeMarker()
        Self.removeEmptyFolders(folders)
        lock.withLock {
            staged = []
            inStagedFolders = []
            createdFolders = []
        }
    }

    /// Removes a staged folder that could not be renamed into place: the files this build
    /// wrote in it, then its folders (only those that are empty).
    private func removeStagedFolder(_ temporary: String) {
        let (inFolders, folders) = lock.withLock { (inStagedFolders, createdFolders) }
        let prefix = temporary + "/"
        for file in inFolders where file.location.hasPrefix(prefix) { unlink(file.location) }
        Self.removeEmptyFolders(folders.filter { $0 == temporary || $0.hasPrefix(prefix) })
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

    /// The folder at `relative` (relative to the output folder; "" is the output folder), made
    /// when missing: a missing folder whose parent exists is made under its temporary name
    /// (`stagedFolders`), one below it under its own name inside it. Each folder is looked at
    /// once per build; every folder above it must be a real folder (never a symbolic link),
    /// but the output folder itself may be a link.
    private func folder(_ relative: String) throws(SitegenError) -> Folder {
        if let known = lock.withLock({ folders[relative] }) { return known }
        let found: Folder
        if relative.isEmpty {
            let path = String(rootPath.dropLast())
            if try ensureRoot(path) { lock.withLock { createdFolders.append(path) } }
            found = Folder(location: path, isNew: false)
        } else {
            let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/"))
            let parent = try folder(slash.map { String(relative[..<$0]) } ?? "")
            let name = slash.map { relative[relative.utf8.index(after: $0)...] } ?? relative[...]
            if parent.isNew {
                // Inside a staged folder everything is this build's: another thread may just
                // have made the same folder.
                let location = parent.location + "/" + name
                if mkdir(location, 0o755) == 0 {
                    lock.withLock { createdFolders.append(location) }
                } else if errno != EEXIST {
                    throw folderFailure(relative, why: String(cString: strerror(errno)))
                }
                found = Folder(location: location, isNew: true)
            } else {
                return try existingOrStaged(relative, name: String(name), in: parent)
            }
        }
        return record(found, at: relative)
    }

    /// The folder `name` in the existing folder `parent`: itself when it exists (it must be a
    /// real folder), else made under its temporary name. When that name is taken (a killed
    /// build's leftovers the next build could not place, or a user's folder), the folder is
    /// made under its own name and its files are staged one by one.
    private func existingOrStaged(_ relative: String, name: String, in parent: Folder) throws(SitegenError) -> Folder {
        // Recorded before the lock is released, so that a thread waiting for it finds the folder.
        folderLock.lock()
        defer { folderLock.unlock() }
        if let known = lock.withLock({ folders[relative] }) { return known }
        let target = parent.location + "/" + name
        var info = stat()
        if lstat(target, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw folderFailure(relative, why: "it exists and is not a folder") }
            return record(Folder(location: target, isNew: false), at: relative)
        }
        guard errno == ENOENT else { throw folderFailure(relative, why: String(cString: strerror(errno))) }
        try writeMarker()
        let temporary = parent.location + "/." + name + SiteWriter.temporarySuffix
        if mkdir(temporary, 0o755) == 0 {
            lock.withLock {
                createdFolders.append(temporary)
                stagedFolders.append((temporary, target))
            }
            return record(Folder(location: temporary, isNew: true), at: relative)
        }
        guard mkdir(target, 0o755) == 0 else { throw folderFailure(relative, why: String(cString: strerror(errno))) }
        lock.withLock { createdFolders.append(target) }
        return record(Folder(location: target, isNew: false), at: relative)
    }

    private func record(_ folder: Folder, at relative: String) -> Folder {
        lock.withLock { folders[relative] = folder }
        return folder
    }

    private func folderFailure(_ relative: String, why: String) -> SitegenError {
        let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
        return SitegenError(.writeFailed(writer.paths.display(url), why: why), at: nil)
    }

    /// Accepts the output folder (a folder, or a symbolic link to one) or creates it with any
    /// folders above it; returns whether it created it.
    private func ensureRoot(_ path: String) throws(SitegenError) -> Bool {
        var info = stat()
        if lstat(path, &info) != 0 {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw folderFailure("", why: (error as NSError).localizedDescription)
            }
            return true
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFDIR || kind == S_IFLNK else { throw folderFailure("", why: "it exists and is not a folder") }
        return false
    }
}
