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

    /// The file's UTF-8: the header, then the paths sorted, one per line.
    var bytes: [UInt8] { Self.bytes(sorted: Self.sorted(paths)) }

    /// The file's UTF-8 for paths already sorted.
    static func bytes(sorted paths: [String]) -> [UInt8] {
        var bytes = Array(header.utf8)
        bytes.reserveCapacity(bytes.count + 1 + paths.reduce(0) { $0 + $1.utf8.count + 1 })
        bytes.append(UInt8(ascii: "\n"))
        for path in paths {
            bytes.append(contentsOf: path.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// `paths` sorted in two halves, one per core, then merged (158,000 paths at 50,000
    /// articles).
    static func sorted(_ paths: Set<String>) -> [String] {
        let all = Array(paths)
        let middle = all.count / 2
        let halves = [all[..<middle], all[middle...]].concurrentMap { $0.sorted() }
        return merged(halves[0], halves[1])
    }

    /// Two sorted lists as one.
    static func merged(_ left: [String], _ right: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(left.count + right.count)
        var (l, r) = (0, 0)
        while l < left.count, r < right.count {
            if right[r] < left[l] {
                result.append(right[r])
                r += 1
            } else {
                result.append(left[l])
                l += 1
            }
        }
        result += left[l...]
        result += right[r...]
        return result
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
