import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension SiteWriter {
    /// Removes the temporary files a killed build may have left beside files sitegen owns or
    /// is about to write (`owned`) and beside the manifest; returns how many it removed. Called
    /// when the killed build's `stagingMarker` is found.
    ///
    /// Only the exact temporary name of an owned path is touched, and only when it is a
    /// regular file, so a user's file is never removed, whatever its name.
    func removeLeftoverTemporaries(for owned: Set<String>, root: URL) -> Int {
        var removed = 0
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for path in owned.union([Manifest.fileName]).sorted() {
            let temporary = rootPath + Self.temporaryPath(for: path)
            var info = stat()
            guard lstat(temporary, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if unlink(temporary) == 0 { removed += 1 }
        }
        return removed
    }
}
