import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ContentLoader {
    /// An error for each entry below `folder` that is named like a content file (by
    /// `extensions`) but is not a regular file: a folder, a symbolic link (followed or not,
    /// dangling or not, sitegen never reads through one), a FIFO or a device.
    ///
    /// `files(under:extensions:)` skips such entries; without this they would vanish from
    /// the site silently. Static files are not checked: links there are skipped by design.
    func unreadableEntries(under folder: URL, extensions: Set<String>) -> [SitegenError] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return [] }
        var errors: [SitegenError] = []
        for case let url as URL in enumerator where extensions.contains(url.pathExtension) {
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            let type: FileAttributeType
            switch info.st_mode & S_IFMT {
            case S_IFREG: continue
            case S_IFDIR: type = .typeDirectory
            case S_IFLNK: type = .typeSymbolicLink
            default: type = .typeUnknown
            }
            errors.append(SitegenError(.unreadableFile(Self.notAFile(type)), at: SourceLocation(path: paths.display(url))))
        }
        return errors
    }

    /// Why an entry of this type is not read as a file. `read` uses it too, so a `site.yml`
    /// that is a folder, a link or a FIFO is an error rather than a hang or a followed link.
    static func notAFile(_ type: FileAttributeType) -> String {
        switch type {
        case .typeDirectory: return "it is a folder, not a file"
        case .typeSymbolicLink:
            return "it is a symbolic link, and sitegen does not follow links in the content folder "
                + "(hint: put the file itself there)"
        default: return "it is not a regular file"
        }
    }
}
