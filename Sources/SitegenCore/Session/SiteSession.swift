import Foundation
import MarkdownHTML
#if canImport(Glibc)
import Glibc
#endif

/// Builds a site again and again, doing only the work a change needs: for `sitegen serve`.
///
/// A session remembers, between builds, each article file's parse (keyed by its size, inode,
/// modification and change times) and a fingerprint of every page's context. A build re-reads
/// and re-parses only changed article files, re-reads leaders, topics, `site.yml` and templates
/// (a handful of files), assembles the model and lists the pages as a full build does, then
/// renders only the pages whose context changed (or whose file is missing or was altered), and
/// writes only files whose bytes changed. Output is byte-identical to a fresh `SiteBuilder`
/// build of the same input; the same rules hold: on any error nothing is written and the
/// previous output stays; only files in the manifest are touched.
///
/// When a template, leader, topic, `site.yml`, static file or option changed, every page is
/// rendered (still writing only what changed). Builds run one at a time; `build()` may be
/// called from any thread.
public final class SiteSession: @unchecked Sendable {
    /// The options every build of this session uses.
    public let options: BuildOptions

    private let lock = NSLock()
    // Guarded by `lock` (held for a whole build):
    private var parsed: [String: (stamp: FileStamp, outcome: ParseOutcome<ParsedArticle>)] = [:]
    private var rendered: RenderedState?

    /// What the last successful build rendered: the inputs that affect every page, each page's
    /// context fingerprint (by its first output) and each output's size.
    private struct RenderedState {
        var sharedInputs: [FileStamp]
        var fingerprints: [String: ContextFingerprint]
        var sizes: [String: Int]
    }

    /// Creates a session; nothing is read until the first `build()`.
    public init(options: BuildOptions) { self.options = options }

    /// Builds the site into the output folder, reusing what the previous builds of this session
    /// found. The first build of a session does the work of a full build.
    public func build() -> Result<BuildReport, BuildFailure> {
        lock.withLock { run() }
    }

    /// Forgets everything remembered, so the next build renders every page.
    public func reset() {
        lock.withLock {
            parsed = [:]
            rendered = nil
        }
    }

    private func run() -> Result<BuildReport, BuildFailure> {
        var clock = StageClock()
        var diagnostics: [SitegenError] = []
        let paths = options.paths

        // 1. Load: everything but the articles, which are only listed
        let loader = ContentLoader(paths: paths, maxFileSize: SiteConfig().maxFileSize)
        let configFile = loader.readSiteConfig(diagnostics: &diagnostics)
        let (config, configDiagnostics) = SiteConfigParser().parse(configFile, baseURLOverride: options.baseURL)
        diagnostics += configDiagnostics
        let reader = ContentLoader(paths: paths, maxFileSize: config.maxFileSize)
        let content = reader.load()
        diagnostics += content.errors
        let templates = TemplateLoader(paths: paths, maxFileSize: config.maxFileSize).load()
        if case .failure(let failure) = templates { diagnostics += failure.errors }
        let sharedInputs = sharedInputStamps(paths: paths, content: content)
        clock.lap("Load")

        // 2. Parse: only articles whose file changed since the last build
        let renderer = MarkdownRenderer(options: config.unsafeHTML ? .unsafe : [])
        let articleParser = ArticleParser(renderer: renderer)
        let rawParser = RawTextParser()
        let profileParser = ProfileParser(renderer: renderer)
        let known = parsed
        let parseRenderer = renderer
        let outcomes = content.articles.concurrentMap { url -> (FileStamp, ParseOutcome<ParsedArticle>) in
            let stamp = FileStamp(path: url.path)
            if let cached = known[url.path], cached.stamp == stamp, stamp.exists,
                cached.outcome.value?.markdownSource?.renderer.options ?? parseRenderer.options == parseRenderer.options
            {
                return (stamp, cached.outcome)
            }
            switch reader.read(url) {
            case .failure(let error): return (stamp, ParseOutcome(diagnostics: [error]))
            case .success(let file):
                return (stamp, file.path.hasSuffix(".txt") ? rawParser.parse(file) : articleParser.parse(file))
            }
        }
        parsed = Dictionary(uniqueKeysWithValues: zip(content.articles, outcomes).map { ($0.path, ($1.0, $1.1)) })
        let articles = outcomes.map(\.1)
        let leaders = content.leaders.concurrentMap { profileParser.parseLeader($0) }
        let topics = content.topics.concurrentMap { profileParser.parseTopic($0) }
        diagnostics += articles.flatMap(\.diagnostics) + leaders.flatMap(\.diagnostics) + topics.flatMap(\.diagnostics)
        clock.lap("Parse")

        // 3. Model
        let assembler = SiteAssembler(
            config: config, includeDrafts: options.includeDrafts, now: options.now.map(NewsDate.init(unixTime:)))
        let (site, modelDiagnostics) = assembler.assemble(
            articles: articles.compactMap(\.value), leaders: leaders.compactMap(\.value), topics: topics.compactMap(\.value))
        diagnostics += modelDiagnostics
        clock.lap("Model")
        let warnings = diagnostics.filter { $0.severity == .warning }.sorted(by: SitegenError.byLocation)
        let errors = diagnostics.filter { $0.severity == .error }.sorted(by: SitegenError.byLocation)
        guard errors.isEmpty, case .success(let theme) = templates else {
            return .failure(BuildFailure(errors: errors, warnings: warnings))
        }

        // 4. Render: every page listed; only those whose context changed are rendered
        let contexts = PageContexts(site: site, generator: "sitegen \(SitegenVersion.current)")
        let feeds = FeedPlan(contexts: contexts)
        let pageSpecs = PagePlan(contexts: contexts).pages()
        let specs = pageSpecs + feeds.feeds() + feeds.sitemaps(for: pageSpecs)
        let jsonFeed = feeds.jsonFeed()
        let staticFiles = theme.assets + content.staticFiles
        let previous = rendered.flatMap { $0.sharedInputs == sharedInputs ? $0 : nil }
        let fingerprints = specs.concurrentMap { ContextFingerprint($0.fingerprintContext) }
        let isCurrent = zip(specs, fingerprints).map { spec, fingerprint in (spec, fingerprint) }.concurrentMap {
            spec, fingerprint -> Bool in
            guard let previous, let first = spec.outputs.first?.path, previous.fingerprints[first] == fingerprint else {
                return false
            }
            return spec.outputs.allSatisfy { output in
                previous.sizes[output.path].map { FileStamp(path: paths.output.path + "/" + output.path).size == $0 } ?? false
            }
        }
        let changed = zip(specs, isCurrent).filter { !$0.1 }.map(\.0)
        var report = BuildReport(
            files: specs.reduce(1) { $0 + $1.outputs.count } + staticFiles.count, articles: site.articles.count,
            written: 0, unchanged: 0, removed: 0, warnings: warnings, stageTimes: [])

        // 5. Write: as in `SiteBuilder`, staged until every changed page rendered
        let output: StagedOutput
        do {
            output = try SiteWriter(paths: paths).begin(
                pagePaths: specs.flatMap { $0.outputs.map(\.path) } + [jsonFeed.path], files: staticFiles)
        } catch {
            return .failure(BuildFailure(errors: [error], warnings: warnings))
        }
        output.countUnchanged(zip(specs, isCurrent).reduce(0) { $0 + ($1.1 ? $1.0.outputs.count : 0) })
        let sizes = SizeLog()
        let result = PageRenderer(templates: theme).render(changed) { page throws(SitegenError) in
            sizes.record(page.path, page.contents.count)
            try output.stage(page)
        }.flatMap { _ in
            Result { () throws(SitegenError) in try output.stage(jsonFeed) }.mapError { BuildFailure(errors: [$0], warnings: []) }
        }
        clock.lap("Render")
        if case .failure(let failure) = result {
            output.abandon()
            return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }
        switch output.commit() {
        case .success(let summary):
            (report.written, report.unchanged, report.removed) = (summary.written, summary.unchanged, summary.removed)
        case .failure(let failure):
            rendered = nil  // some files may have moved: trust nothing next time
            return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }
        var newSizes = previous?.sizes ?? [:]
        newSizes.merge(sizes.all) { $1 }
        rendered = RenderedState(
            sharedInputs: sharedInputs,
            fingerprints: Dictionary(zip(specs, fingerprints).compactMap { spec, print in spec.outputs.first.map { ($0.path, print) } },
                                     uniquingKeysWith: { $1 }),
            sizes: newSizes)
        clock.lap("Write")
        report.stageTimes = clock.laps
        return .success(report)
    }

    /// Stamps of everything but article files that a page may depend on: `site.yml`, leaders,
    /// topics, templates and assets, static files, and the options themselves.
    private func sharedInputStamps(paths: ProjectPaths, content: LoadedContent) -> [FileStamp] {
        let loader = ContentLoader(paths: paths, maxFileSize: .max)
        let templateFiles = loader.files(under: paths.templates, extensions: nil)
        let profileFiles = loader.files(under: paths.content.appendingPathComponent("leaders"), extensions: nil)
            + loader.files(under: paths.content.appendingPathComponent("topics"), extensions: nil)
        let files = [paths.content.appendingPathComponent("site.yml")] + templateFiles + profileFiles
            + content.staticFiles.map(\.source)
        let optionsStamp = FileStamp(
            label: "\(options.baseURL ?? "") \(options.includeDrafts) \(options.now.map(String.init) ?? "") \(content.articles.count)")
        return [optionsStamp] + files.map { FileStamp(path: $0.path) }
    }
}

/// What tells a file apart from its earlier self without reading it.
struct FileStamp: Equatable, Sendable {
    var path: String
    var exists = false
    var size = -1
    var inode: UInt64 = 0
    var modified = timespec()
    var changed = timespec()

    init(path: String) {
        self.path = path
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        exists = true
        size = Int(info.st_size)
        inode = UInt64(info.st_ino)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    /// A stamp for something that is not a file, such as the build options.
    init(label: String) { path = label }

    static func == (lhs: FileStamp, rhs: FileStamp) -> Bool {
        lhs.path == rhs.path && lhs.exists == rhs.exists && lhs.size == rhs.size && lhs.inode == rhs.inode
            && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
            && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
    }
}

/// Output sizes recorded from many threads.
private final class SizeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var sizes: [String: Int] = [:]
    func record(_ path: String, _ size: Int) { lock.withLock { sizes[path] = size } }
    var all: [String: Int] { lock.withLock { sizes } }
}
