/// The list of files sitegen wrote into the output folder, kept in `.sitegen-manifest`.
/// sitegen removes only files listed here; everything else in the folder is the user's.
struct Manifest: Equatable, Sendable {
    static let fileName = ".sitegen-manifest"
    private static let header = "# sitegen manifest v1: files written by sitegen; others are never touched"

    var paths: Set<String>

    /// Parses a manifest, dropping any line that is not a safe relative path.
    init(text: String) {
        paths = Set(text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && Self.isSafe($0) })
    }

    init(paths: Set<String>) { self.paths = paths }

    var text: String { ([Self.header] + paths.sorted()).joined(separator: "\n") + "\n" }

    /// A relative path with no `..`, `.` or empty components and no NUL: it cannot leave
    /// the output folder.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), path != fileName else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
