import MarkdownHTML

/// What a successful build (or check) did.
public struct BuildReport: Sendable {
    /// Pages rendered (each page counts its HTML and Markdown files once each).
    public var files: Int
    /// Articles in the site.
    public var articles: Int
    /// Files written, left unchanged and removed as stale; zero for `check`.
    public var written: Int
    public var unchanged: Int
    public var removed: Int
    /// Warnings found on the way, sorted by location.
    public var warnings: [SitegenError]
    /// Wall seconds per stage, in pipeline order, and the CPU seconds (user and system, on
    /// every thread) the process spent meanwhile: a stage that keeps two cores busy shows twice
    /// its wall time.
    public var stageTimes: [(stage: String, seconds: Double, cpuSeconds: Double)]
    /// Output paths written or removed by `build`, sorted (for live reload). Sorted when
    /// read: a build from the command line never asks.
    public var changedFiles: [String] { changed.sorted() }
    /// The same, in no particular order.
    var changed: [String] = []
    /// Internal links that lead nowhere; found by `check` only.
    public var brokenLinks: [BrokenLink] = []
    /// Every file of the site, relative to the output folder (`build` only).
    var outputPaths: [String] = []
    /// Stamps of written files taken while writing them (`WriteSummary.stamps`).
    var writtenStamps: [FileStamp] = []
    /// Static files whose copies were left as they were without reading them, known by
    /// their stamps from the last build (counted in `unchanged` too).
    public var staticCopiesKept = 0

    /// Takes the Write stage's counts, changed paths and stamps.
    mutating func record(_ summary: WriteSummary) {
        (written, unchanged, removed) = (summary.written, summary.unchanged, summary.removed)
        changed = summary.changed
        writtenStamps = summary.stamps
        staticCopiesKept = summary.staticCopiesKept
    }

    /// Total seconds.
    public var seconds: Double { stageTimes.reduce(0) { $0 + $1.seconds } }
}

/// sitegen's version, and libcmark's.
public enum SitegenVersion {
    /// sitegen's own version.
    public static let current = "0.1.0"
    /// `sitegen 0.1.0 (libcmark 0.30.2)`.
    public static var full: String { full(allocator: nil) }
    /// `sitegen 0.1.0 (libcmark 0.30.2, jemalloc 5.3.0 with thp:always)`, naming the executable's allocator.
    public static func full(allocator: String?) -> String {
        "sitegen \(current) (libcmark \(MarkdownRenderer.cmarkVersion)\(allocator.map { ", " + $0 } ?? ""))"
    }
}
