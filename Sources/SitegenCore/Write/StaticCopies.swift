import Foundation

/// What a build knows, without reading them, of the copies the build before it left of the
/// static files: a site's images can be hundreds of MB, and a full build would otherwise read
/// each one and its copy to compare them.
///
/// A static file's copy is known to hold its source's bytes when the source still has the
/// stamp it had at the last build (trusted as `BuildStamps` trusts an input: the file had not
/// changed for `BuildStamps.settleSeconds` before the stamp was taken) and the copy still has
/// the stamp it had after that build (`FileStamp`: size, inode, modification and change
/// times; writing to a file changes its change time, which no one can set back). As `rsync`
/// does by default, such a copy is left alone (`StagedOutput.commit`); any other is compared
/// byte for byte, and written when it differs.
struct StaticCopies: Sendable {
    /// By output path: the stamp of a copy that held its source's bytes.
    private var copies: [String: FileStamp] = [:]

    /// Knows no copy: every static file is compared.
    init() {}

    /// - Parameters:
    ///   - files: This build's static files.
    ///   - sources: Their sources' stamps now, by path (absolute, as `StaticFile.source`).
    ///   - recordedSources: Their stamps as the last build took them, before it copied them.
    ///   - recordedCopies: The copies' stamps after the last build, by output path.
    ///   - recordedAt: When the last build took the sources' stamps (seconds since 1970).
    init(
        files: [StaticFile], sources: [String: FileStamp], recordedSources: [String: FileStamp],
        recordedCopies: [String: FileStamp], recordedAt: Int
    ) {
        for file in files {
            guard let recorded = recordedSources[file.source.path], recorded.exists,
                sources[file.source.path] == recorded, recorded.isSettled(before: recordedAt),
                let copy = recordedCopies[file.outputPath], copy.exists
            else { continue }
            copies[file.outputPath] = copy
        }
    }

    /// How many copies are known.
    var count: Int { copies.count }

    /// Whether `file`'s copy in the output folder at `root` (ending in `/`) holds its source's
    /// bytes: it is known, and an `lstat` now gives the stamp it had.
    func holdsSource(_ file: StaticFile, root: String) -> Bool {
        guard let copy = copies[file.outputPath] else { return false }
        return FileStamp(path: file.outputPath, at: root + file.outputPath) == copy
    }
}

/// What a build records of its static files for the next one to make `StaticCopies` from
/// (`SiteSession`; `BuildStamps` keeps the same in its file).
struct StaticFileStamps: Sendable {
    /// The sources' stamps, by path, taken before the build read them.
    var sources: [String: FileStamp]
    /// When they were taken (seconds since 1970).
    var takenAt: Int
    /// The copies' stamps after the build, by output path.
    var copies: [String: FileStamp] = [:]

    /// Takes the stamps of `files`' sources.
    init(sourcesOf files: [StaticFile]) {
        takenAt = Int(Date().timeIntervalSince1970)
        sources = Dictionary(files.map { ($0.source.path, FileStamp(path: $0.source.path)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Takes the stamps of `files`' copies in the output folder at `root` (ending in `/`).
    mutating func takeCopies(of files: [StaticFile], root: String) {
        copies = Dictionary(
            files.map { ($0.outputPath, FileStamp(path: $0.outputPath, at: root + $0.outputPath)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// What these stamps, taken by the last build, tell of the copies of `files`, whose
    /// sources now have the stamps in `now`.
    func copies(of files: [StaticFile], now: StaticFileStamps) -> StaticCopies {
        StaticCopies(files: files, sources: now.sources, recordedSources: sources, recordedCopies: copies, recordedAt: takenAt)
    }
}

extension FileStamp {
    /// Whether the file had not changed for `BuildStamps.settleSeconds` before `seconds`
    /// (since 1970), when its stamp was taken: a file changed twice within the clock's
    /// resolution could keep its stamp, so only such a stamp tells it apart from a later self.
    func isSettled(before seconds: Int) -> Bool {
        let settled = seconds - BuildStamps.settleSeconds
        return modified.tv_sec < settled && changed.tv_sec < settled
    }
}
