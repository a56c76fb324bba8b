/// The list of files sitegen wrote into the output folder, kept in `.sitegen-manifest`.
/// sitegen removes only files listed here; everything else in the folder is the user's.
struct Manifest: Equatable, Sendable {
    static let fileName = ".sitegen-manifest"
    private static let header = "# sitegen manifest v1: files written by sitegen; others are never touched"

    var paths: Set<String>

    /// Parses a manifest, dropping any line that is not a safe relative path.
    init(text: String) {
        var paths = Set<String>()
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            if let path = String(line), Self.isSafe(path) { paths.insert(path) }
        }
        self.paths = paths
    }

    init(paths: Set<String>) { self.paths = paths }

    var text: String { ([Self.header] + paths.sorted()).joined(separator: "\n") + "\n" }

    /// A relative path with no `..`, `.` or empty components and no NUL: it cannot leave
    /// the output folder.
    static func isSafe(_ path: String) -> Bool {
        guard path != fileName else { return false }
        // Walks the bytes once: `/` ends a component, which must not be empty, `.` or `..`.
        var componentLength = 0, dots = 0
        for byte in path.utf8 {
            switch byte {
            case 0: return false
            case UInt8(ascii: "/"):
                guard componentLength > 0, dots < componentLength || componentLength > 2 else { return false }
                (componentLength, dots) = (0, 0)
            default:
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return componentLength > 0 && (dots < componentLength || componentLength > 2)
    }
}
