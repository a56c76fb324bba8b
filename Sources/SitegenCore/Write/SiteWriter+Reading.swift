import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension SiteWriter {
    /// The bytes of the file at `url` when it is a regular file, not read through a symbolic
    /// link; nil for anything else (missing, a folder, a link, a FIFO or device, which could
    /// block the build or feed it endless bytes, as a link to `/dev/zero` would).
    static func regularFileContents(at url: URL) -> Data? {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }

    /// Whether anything at all stands at `url`, a dangling symbolic link included.
    static func somethingExists(at url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }
}
