import Foundation

/// An internal link that leads nowhere, printed `page -> target`: the page as its URL path
/// (`/2025/11/24/truce/`), the target as written in the page's HTML.
public struct BrokenLink: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The linking page's URL path, with the site's base path.
    public var page: String
    /// The `href` or `src` as written (entities decoded).
    public var target: String

    /// Creates a broken link record.
    public init(page: String, target: String) {
        self.page = page
        self.target = target
    }

    /// `page -> target`.
    public var description: String { "\(page) -> \(target)" }

    /// Orders by page, then target.
    public static func < (lhs: BrokenLink, rhs: BrokenLink) -> Bool { (lhs.page, lhs.target) < (rhs.page, rhs.target) }
}

/// Checks every internal link and `#anchor` of every rendered HTML page against the files
/// the build would write. External links (other hosts, `mailto:` …) are not fetched.
///
/// A link is internal when it is relative, root-relative, or an absolute URL under the
/// site's `base_url`. A root-relative link outside the base path is broken: on the real
/// host it would leave the site. `/x/` means `x/index.html`; `/x` is accepted when
/// `x/index.html` exists, as static hosts redirect it.
struct LinkChecker {
    /// Absolute URL of the site root, ending in `/`.
    let baseURL: String
    /// Path of the site root, e.g. `/` or `/news/`.
    let basePath: String

    init(config: SiteConfig) {
        baseURL = config.baseURL
        basePath = config.basePath
    }

    init(baseURL: String, basePath: String) {
        self.baseURL = baseURL
        self.basePath = basePath
    }

    /// Broken links of all pages, sorted, each (page, target) once, from the pages scanned as
    /// they were rendered (`LinkScans`: each HTML page's path, what it links to and its ids)
    /// and every file the build would write (pages, theme assets, static files).
    func check(scanned: [(path: String, page: ScannedPage)], files: Set<String>) -> [BrokenLink] {
        var ids: [String: Set<String>] = [:]
        for (path, page) in scanned { ids[path] = page.ids }
        let pageIDs = ids
        // Pages on every core: 32,000 pages of 10,000 articles hold about 2 million links.
        let brokenPerPage = scanned.concurrentMap { path, page in
            page.links.filter { !isValid($0, from: path, files: files, ids: pageIDs) }
        }
        var broken = Set<BrokenLink>()
        for (page, links) in zip(scanned, brokenPerPage) {
            for link in links { broken.insert(BrokenLink(page: urlPath(of: page.path), target: link)) }
        }
        return broken.sorted()
    }

    /// The URL path a visitor sees for an output file: `a/index.html` → `/a/`.
    func urlPath(of file: String) -> String {
        if file == "index.html" { return basePath }
        if file.hasSuffix("/index.html") { return basePath + file.dropLast("index.html".count) }
        return basePath + file
    }

    private func isValid(_ link: String, from page: String, files: Set<String>, ids: [String: Set<String>]) -> Bool {
        // Nearly every link starts and ends with a byte that is not white space: nothing to trim.
        let utf8 = link.utf8
        let untrimmed = utf8.first.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } == true
            && utf8.last.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } == true
        let trimmed = untrimmed ? link : link.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return true }
        guard let resolved = resolve(trimmed, from: page) else { return true }  // external
        guard let sitePath = resolved.path else { return false }
        var target: String
        if sitePath.isEmpty || sitePath.hasSuffix("/") {
            target = sitePath + "index.html"
        } else {
            target = sitePath
        }
        if !files.contains(target) {
            guard files.contains(sitePath + "/index.html") else { return false }
            target = sitePath + "/index.html"
        }
        guard let fragment = resolved.fragment, !fragment.isEmpty, fragment != "top", target.hasSuffix(".html") else {
            return true
        }
        return ids[target]?.contains(fragment.removingPercentEncoding ?? fragment) == true
    }

    /// nil for an external link; otherwise the path inside the site (nil when it leaves
    /// the site) and the fragment.
    private func resolve(_ link: String, from page: String) -> (path: String?, fragment: String?)? {
        var rest = Substring(link)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }

        let pageFolder = String(page.prefix(upTo: page.lastIndex(of: "/").map { page.index(after: $0) } ?? page.startIndex))
        let relative: String
        if let scheme = Self.scheme(of: rest) {
            let lowered = rest.lowercased(), base = baseURL.lowercased()
            guard ["http", "https"].contains(scheme.lowercased()) else { return nil }
            if lowered + "/" == base { return (path: "", fragment: fragment) }
            guard lowered.hasPrefix(base) else { return nil }
            relative = String(rest.dropFirst(baseURL.count))
        } else if rest.hasPrefix("//") {
            let hostAndPath = baseURL.drop { $0 != ":" }.dropFirst()  // "//example.org/news/"
            guard rest.lowercased().hasPrefix(hostAndPath.lowercased()) else { return nil }
            relative = String(rest.dropFirst(hostAndPath.count))
        } else if rest.hasPrefix("/") {
            if rest + "/" == basePath { return (path: "", fragment: fragment) }
            guard rest.hasPrefix(basePath) else { return (path: nil, fragment: fragment) }
            relative = String(rest.dropFirst(basePath.count))
        } else if rest.isEmpty {
            return (path: page, fragment: fragment)
        } else {
            relative = pageFolder + rest
        }
        // Without a `%` there is nothing to decode (and nothing invalid).
        guard let decoded = relative.utf8.contains(UInt8(ascii: "%")) ? relative.removingPercentEncoding : relative
        else { return (path: nil, fragment: fragment) }
        return (path: Self.normalize(decoded), fragment: fragment)
    }

    /// Removes `.` and `..` segments; nil when the path climbs above the site root. A path
    /// without such a segment (nearly every link) is returned as it is.
    static func normalize(_ path: String) -> String? {
        var segmentStart = true, dots = 0, hasDotSegment = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if segmentStart, dots > 0 { hasDotSegment = true; break }
                (segmentStart, dots) = (true, 0)
            } else if segmentStart, byte == UInt8(ascii: "."), dots < 2 {
                dots += 1
            } else {
                (segmentStart, dots) = (false, 0)
            }
        }
        if segmentStart, dots > 0 { hasDotSegment = true }
        return hasDotSegment ? normalizeBySegments(path) : path
    }

    /// `normalize`, segment by segment.
    static func normalizeBySegments(_ path: String) -> String? {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            switch part {
            case ".": if index == parts.count - 1 { segments.append("") }
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
                if index == parts.count - 1 { segments.append("") }
            default: segments.append(part)
            }
        }
        return segments.joined(separator: "/")
    }

    /// `https` in `https://…`; nil for a path.
    private static func scheme(of link: Substring) -> Substring? {
        guard let colon = link.firstIndex(of: ":") else { return nil }
        let candidate = link[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
            candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate
    }
}

/// What `sitegen check` keeps of the pages it renders, gathered from many threads: for each
/// HTML page, what it links to and its ids (`HTMLLinkScanner`), scanned on the thread that
/// rendered it. The pages themselves are dropped, so checking a large site does not hold all
/// of it in memory.
final class LinkScans: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [(path: String, page: ScannedPage)] = []

    /// Takes a rendered file: scans it when it is an HTML page.
    func add(_ page: RenderedPage) {
        guard page.path.hasSuffix(".html") else { return }
        let scanned = HTMLLinkScanner().scan(page.contents)
        lock.withLock { pages.append((page.path, scanned)) }
    }

    /// Every HTML page's scan, in no particular order.
    var scanned: [(path: String, page: ScannedPage)] { lock.withLock { pages } }
}
