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

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The file's UTF-8: the header, then the paths sorted, one per line. The paths are sorted
    /// in two halves, one per core, then merged (158,000 paths at 50,000 articles, at the end
    /// of the build while nothing else runs).
    var bytes: [UInt8] {
        let all = Array(paths)
        let middle = all.count / 2
        let halves = [all[..<middle], all[middle...]].concurrentMap { $0.sorted() }
        var bytes = Array(Self.header.utf8)
        bytes.reserveCapacity(bytes.count + 1 + all.reduce(0) { $0 + $1.utf8.count + 1 })
        bytes.append(UInt8(ascii: "\n"))
        func append(_ path: String) {
            bytes.append(contentsOf: path.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        var (left, right) = (halves[0].makeIterator(), halves[1].makeIterator())
        var (nextLeft, nextRight) = (left.next(), right.next())
        while let l = nextLeft, let r = nextRight {
            if r < l {
                append(r)
                nextRight = right.next()
            } else {
                append(l)
                nextLeft = left.next()
            }
        }
        while let l = nextLeft { append(l); nextLeft = left.next() }
        while let r = nextRight { append(r); nextRight = right.next() }
        return bytes
    }

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
