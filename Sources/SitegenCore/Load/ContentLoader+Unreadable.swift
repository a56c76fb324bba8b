import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ContentLoader {
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
