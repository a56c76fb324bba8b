import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension SiteWriter {
    /// Removes the temporary files a killed build may have left beside files sitegen owns or
    /// is about to write (`owned`) and beside the manifest, and the files it wrote into folders
    /// staged under a temporary name (`StagedOutput`); returns how many files it removed.
    /// Called when the killed build's `stagingMarker` is found.
    ///
    /// Only exact names are touched: an owned path's temporary name, or the owned path with
    /// one of its folders under its temporary name (`.2026.sitegen-tmp/01/index.html` for
    /// `2026/01/index.html`), and only when it is a regular file; then the folders on those
    /// paths below the temporary name, and the temporary folder itself, each only when it is
    /// empty. A user's file is never removed, whatever its name.
    func removeLeftoverTemporaries(for owned: Set<String>, root: URL) -> Int {
        var removed = 0
        var folders: Set<String> = []
        var isFolder: [String: Bool] = [:]
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for path in owned.union([Manifest.fileName]).sorted() {
            let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            for renamed in components.indices {
                var parts = components
                parts[renamed] = "." + parts[renamed] + Self.temporarySuffix
                let isFile = renamed == components.count - 1
                if !isFile {
                    // Most paths have no staged folder above them: one look per folder name.
                    let folder = rootPath + parts[...renamed].joined(separator: "/")
                    let exists = isFolder[folder] ?? {
                        var info = stat()
                        return lstat(folder, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                    }()
                    isFolder[folder] = exists
                    guard exists else { continue }
                    for end in renamed..<(components.count - 1) {
                        folders.insert(rootPath + parts[...end].joined(separator: "/"))
                    }
                }
                let candidate = rootPath + parts.joined(separator: "/")
                var info = stat()
                if lstat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, unlink(candidate) == 0 { removed += 1 }
            }
        }
        StagedOutput.removeEmptyFolders(Array(folders))
        return removed
    }
}
