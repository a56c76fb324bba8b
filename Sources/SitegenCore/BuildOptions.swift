import Foundation

/// What `sitegen build` was asked to do.
public struct BuildOptions: Sendable {
    /// The project folder; diagnostics print paths relative to it.
    public var root: URL
    /// The content folder; `root/Content` when nil.
    public var content: URL?
    /// The templates folder; `root/Templates` when nil.
    public var templates: URL?
    /// The output folder; `root/Output` when nil.
    public var output: URL?
    /// Overrides `base_url` from site.yml, e.g. `https://example.org/news/`.
    public var baseURL: String?
    /// Build articles marked `draft: true`.
    public var includeDrafts: Bool
    /// "Now" as a Unix time; when nil, the newest article's date.
    public var now: Int?
    /// The bytes of bodies Parse may keep in memory for Render (`KeptHTML.Budget`); tests set
    /// 0 to build with every Markdown body rendered again and every raw body spilled.
    var keptBytes = KeptHTML.Budget.buildBytes

    /// Creates options with the defaults of `sitegen build`.
    public init(
        root: URL, content: URL? = nil, templates: URL? = nil, output: URL? = nil,
        baseURL: String? = nil, includeDrafts: Bool = false, now: Int? = nil
    ) {
        self.root = root
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.now = now
    }

    /// Parses `--now`: `YYYY-MM-DD` or an ISO 8601 date-time, as a Unix time.
    public static func unixTime(parsing text: String) -> Int? {
        NewsDate(parsing: text)?.instant
    }

    /// The resolved folders.
    public var paths: ProjectPaths {
        ProjectPaths(
            root: root.standardizedFileURL,
            content: (content ?? root.appendingPathComponent("Content")).standardizedFileURL,
            templates: (templates ?? root.appendingPathComponent("Templates")).standardizedFileURL,
            output: (output ?? root.appendingPathComponent("Output")).standardizedFileURL)
    }
}

/// The project's folders, resolved.
public struct ProjectPaths: Sendable {
    let root: URL
    var content: URL
    var templates: URL
    var output: URL
    /// `root`'s path ending in "/", made once: a URL's `path` decodes it again on each call.
    private let rootPrefix: String

    init(root: URL, content: URL, templates: URL, output: URL) {
        self.root = root
        self.content = content
        self.templates = templates
        self.output = output
        rootPrefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
    }

    /// The output folder as printed in the summary line.
    public var displayOutput: String { display(output) + "/" }

    /// A path for diagnostics: relative to the project root when inside it.
    func display(_ url: URL) -> String {
        display(path: url.path, url: url)
    }

    /// `display(_:)` of the file at `path`, without making a URL unless the path has
    /// something to standardize (a `.` or `..` component, or an empty one).
    func display(path: String, url: URL? = nil) -> String {
        // Standardizing a URL costs ten times reading its path (one call per content file):
        // done only when the path has something to standardize.
        let full = Self.isStandard(path) ? path : (url ?? URL(fileURLWithPath: path)).standardizedFileURL.path
        return full.hasPrefix(rootPrefix) ? String(full.dropFirst(rootPrefix.count)) : full
    }

    /// Whether `standardizedFileURL` would leave `path` as it is: no `.` or `..` component
    /// and no empty one.
    static func isStandard(_ path: String) -> Bool {
        if path == "/" { return true }
        // The length of the component read so far, and whether it is all dots; -1 before the
        // first "/" (a path's first component is empty: it starts with "/").
        var length = -1, allDots = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (allDots && length > 0 && length <= 2) { return false }
                (length, allDots) = (0, true)
            } else {
                length = max(length, 0) + 1
                allDots = allDots && byte == UInt8(ascii: ".")
            }
        }
        return !(length == 0 || (allDots && length > 0 && length <= 2))
    }
}
