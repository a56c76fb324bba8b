#if canImport(Glibc)
    import Glibc
#endif

/// A run of bytes in a file as it was when Load read it, to be read again when needed.
///
/// An article's body is parsed once, then read again from its file for each page that shows
/// it, so that a large archive's bodies are not all in memory between Parse and Render. The
/// file must still be the one that was parsed: a file changed or removed since is an error,
/// not a page made from other text than the rest of the site saw.
struct FileSlice: Sendable {
    /// The file's path as diagnostics print it, e.g. `Content/articles/budget.md`.
    let path: String
    /// The file's stamp when it was read; its path is where the file is on disk.
    let stamp: FileStamp
    /// Where the slice starts in the file, in bytes.
    let offset: Int
    /// The slice's length in bytes.
    let count: Int

    /// The slice's text, as the file's text had it when read: line ends as LF.
    /// - Throws: `SitegenError` at the file when it was changed or removed since it was read
    ///   (its stamp differs), or cannot be opened.
    func read() throws(SitegenError) -> String { try text(of: readBytes()) }

    /// `read()` as UTF-8. The bytes of a settled file are not checked again: it has the stamp
    /// it had when Load read it and found them valid, and its last change was more than a
    /// second before now, so no change since could have kept that stamp (git's rule for racy
    /// timestamps, as `BuildStamps` uses it). A file changed within the last second, or one
    /// with a CR (its line ends are made again), is read as `read()` reads it.
    func readUTF8() throws(SitegenError) -> [UInt8] {
        let bytes = try readBytes()
        let hasCR = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 13, raw.count) != nil } ?? false }
        guard !hasCR, stamp.isSettled(before: Int(time(nil))) else { return Array(try text(of: bytes).utf8) }
        return bytes
    }

    /// The text of the slice's bytes, line ends as LF.
    private func text(of bytes: [UInt8]) throws(SitegenError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SitegenError(.changedDuringBuild, at: SourceLocation(path: path))
        }
        return bytes.withUnsafeBytes { SourceFile.withLineFeeds(text, utf8: $0) }
    }

    /// The slice's bytes as they are in the file.
    private func readBytes() throws(SitegenError) -> [UInt8] {
        let changed = SitegenError(.changedDuringBuild, at: SourceLocation(path: path))
        let descriptor = open(stamp.path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW)  // as ContentLoader reads it
        guard descriptor >= 0 else {
            guard errno != ENOENT, errno != ELOOP, errno != ENOTDIR else { throw changed }
            throw SitegenError(
                .unreadableFile(String(cString: strerror(errno))), at: SourceLocation(path: path))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, FileStamp(path: stamp.path, info: info) == stamp else {
            throw changed
        }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            while initialized < count {
                let read = pread(
                    descriptor, buffer.baseAddress! + initialized, count - initialized,
                    off_t(offset + initialized))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else {
                    failed = true
                    return
                }
                initialized += read
            }
        }
        guard !failed else { throw changed }
        return bytes
    }
}
