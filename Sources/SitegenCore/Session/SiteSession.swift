import Foundation
import MarkdownHTML
import TemplateEngine
#if canImport(Glibc)
import Glibc
#endif

/// Builds a site again and again, doing only the work a change needs: for `sitegen serve`.
///
/// A session remembers, between builds, each article file's parse and check (keyed by the
/// file's size, inode, modification and change times), the last model, and a fingerprint of
/// every page's context. A build re-reads and re-parses only changed article files, re-reads
/// leaders, topics, `site.yml` and templates (a handful of files), assembles the model and
/// lists the pages, then renders only pages that may have changed and writes only files whose
/// bytes changed:
///
/// - When only the text of some articles changed (not their date, slug, leaders, topics or
///   embedded posts, and no article came or went), the pages that can show them are known:
///   their own pages, the articles whose related list holds them, the home, leader, topic and
///   archive pages that list them, the feeds they are in, the sitemaps and `llms.txt`.
/// - Otherwise each page's context is fingerprinted and compared with the last build's.
/// - When a template, leader, topic, `site.yml`, static file or option changed, every page is
///   rendered (still writing only files whose bytes changed).
///
/// A page whose output file is missing or has another size than sitegen wrote is rendered
/// again. Output is byte-identical to a fresh `SiteBuilder` build of the same input, and the
/// same rules hold: on any error nothing is written and the previous output stays; only files
/// in the manifest are touched. Builds run one at a time; `build()` may be called from any thread.
public final class SiteSession: @unchecked Sendable {
    /// The options every build of this session uses.
    public let options: BuildOptions

    private let lock = NSLock()
    // Guarded by `lock` (held for a whole build):
    private var files: [String: RememberedFile] = [:]
    private var last: LastBuild?

    /// An article file as last read: its parse and, for the shared inputs it was checked
    /// against, its check.
    private struct RememberedFile {
        var stamp: FileStamp
        var outcome: ParseOutcome<ParsedArticle>
        var checked: SiteAssembler.CheckedArticle?
    }

    /// What the last successful build produced.
    private struct LastBuild {
        var sharedInputs: [FileStamp]
        var site: Site
        var contexts: PageContexts
        /// Context fingerprint of every page, by its first output path.
        var fingerprints: [String: ContextFingerprint]
        /// Size of every page file sitegen wrote or found unchanged, by output path.
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
            files = [:]
            last = nil
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
        let previous = last.flatMap { $0.sharedInputs == sharedInputs ? $0 : nil }
        clock.lap("Load")

        // 2. Parse: only articles whose file changed since the last build
        let renderer = MarkdownRenderer(options: config.unsafeHTML ? .unsafe : [])
        let articleParser = ArticleParser(renderer: renderer)
        let rawParser = RawTextParser()
        let profileParser = ProfileParser(renderer: renderer)
        let known = files
        let sharedUnchanged = previous != nil
        let remembered = Array(zip(content.articles, content.articlePaths)).concurrentMap { url, path -> RememberedFile in
            let stamp = FileStamp(path: path)
            if let file = known[path], file.stamp == stamp, stamp.exists {
                return sharedUnchanged ? file : RememberedFile(stamp: stamp, outcome: file.outcome, checked: nil)
            }
            switch reader.read(url) {
            case .failure(let error): return RememberedFile(stamp: stamp, outcome: ParseOutcome(diagnostics: [error]))
            case .success(let file):
                let outcome = file.path.hasSuffix(".txt") ? rawParser.parse(file) : articleParser.parse(file)
                return RememberedFile(stamp: stamp, outcome: outcome)
            }
        }
        let leaders = content.leaders.concurrentMap { profileParser.parseLeader($0) }
        let topics = content.topics.concurrentMap { profileParser.parseTopic($0) }
        diagnostics += remembered.flatMap(\.outcome.diagnostics) + leaders.flatMap(\.diagnostics) + topics.flatMap(\.diagnostics)
        clock.lap("Parse")

        // 3. Model: articles checked again only when they or the leaders and topics changed
        let assembler = SiteAssembler(
            config: config, includeDrafts: options.includeDrafts, now: options.now.map(NewsDate.init(unixTime:)))
        let checker = SiteAssembler.ArticleChecker(
            assembler: assembler, leaders: leaders.compactMap(\.value), topics: topics.compactMap(\.value))
        let checkedFiles = remembered.concurrentMap { file -> RememberedFile in
            guard file.checked == nil, let article = file.outcome.value else { return file }
            var checked = file
            checked.checked = checker.check(article)
            return checked
        }
        files = Dictionary(uniqueKeysWithValues: zip(content.articlePaths, checkedFiles).map { ($0, $1) })
        let (site, modelDiagnostics) = assembler.assemble(
            checked: checkedFiles.compactMap(\.checked), leaders: leaders.compactMap(\.value), topics: topics.compactMap(\.value))
        diagnostics += modelDiagnostics
        clock.lap("Model")
        let warnings = diagnostics.filter { $0.severity == .warning }.sorted(by: SitegenError.byLocation)
        let errors = diagnostics.filter { $0.severity == .error }.sorted(by: SitegenError.byLocation)
        guard errors.isEmpty, case .success(let theme) = templates else {
            return .failure(BuildFailure(errors: errors, warnings: warnings))
        }

        // 4. Render: every page listed; only those that may have changed are rendered
        let textOnly = previous.flatMap { Self.textOnlyChanges(from: $0.site, to: site) }
        let contexts = PageContexts(site: site, generator: "sitegen \(SitegenVersion.current)", knownRef: textOnly.map { changed in
            let old = previous!.contexts
            return { index -> TemplateValue? in changed.contains(index) ? .none : .some(old.articleRef(at: index)) }
        })
        let feeds = FeedPlan(contexts: contexts)
        let pageSpecs = PagePlan(contexts: contexts).pages()
        let specs = pageSpecs + feeds.feeds() + feeds.sitemaps(for: pageSpecs)
        let staticFiles = theme.assets + content.staticFiles
        clock.lap("Plan")
        let candidates: [Bool]  // per spec: whether it must be rendered
        if previous != nil, let changed = textOnly {
            let dirty = Self.pagesShowing(changed, in: site, before: previous!.site)
            candidates = specs.map { spec in spec.route.map(dirty.routes.contains) ?? dirty.files.contains(spec.outputs[0].path) }
        } else if let previous {
            candidates = specs.concurrentMap { spec in
                previous.fingerprints[spec.outputs[0].path] != ContextFingerprint(spec.fingerprintContext)
            }
        } else {
            candidates = specs.map { _ in true }
        }
        let outputFolder = paths.output.path + "/"
        let render = zip(specs, candidates).map { ($0, $1) }.concurrentMap { spec, candidate -> Bool in
            // A page not to render must still be on disk as sitegen left it.
            candidate || !spec.outputs.allSatisfy { output in
                previous?.sizes[output.path].map { FileStamp(path: outputFolder + output.path).size == $0 } ?? false
            }
        }
        var report = BuildReport(
            files: specs.reduce(1) { $0 + $1.outputs.count } + staticFiles.count, articles: site.articles.count,
            written: 0, unchanged: 0, removed: 0, warnings: warnings, stageTimes: [])
        clock.lap("Select")

        // 5. Write: as in `SiteBuilder`, staged until every page rendered
        let output: StagedOutput
        do {
            output = try SiteWriter(paths: paths).begin(
                pagePaths: specs.flatMap { $0.outputs.map(\.path) } + [FeedPlan.jsonFeedPath], files: staticFiles)
        } catch {
            return .failure(BuildFailure(errors: [error], warnings: warnings))
        }
        output.countUnchanged(zip(specs, render).reduce(0) { $0 + ($1.1 ? 0 : $1.0.outputs.count) })
        // Fingerprints are taken as pages render, except when only text changed: then the pages
        // rendered lose theirs (the next fingerprint comparison renders them again), which saves
        // hashing the largest contexts (sitemap, llms.txt) on every edit.
        let log = RenderLog()
        let fingerprinted = textOnly == nil
        let chosen = zip(specs, render).filter(\.1).map { spec, _ in fingerprinted ? log.fingerprinting(spec) : spec }
        let result = PageRenderer(templates: theme).render(chosen) { page throws(SitegenError) in
            log.record(page.path, size: page.contents.count)
            try output.stage(page)
        }.flatMap { _ in
            // The JSON feed is made in code; it can change only when one of its articles did.
            let jsonFeedKept = textOnly.map { changed in
                !changed.contains { $0 < FeedPlan.feedSize }
                    && previous?.sizes[FeedPlan.jsonFeedPath] == FileStamp(path: outputFolder + FeedPlan.jsonFeedPath).size
            } ?? false
            if jsonFeedKept {
                output.countUnchanged(1)
                return .success(())
            }
            let jsonFeed = feeds.jsonFeed()
            log.record(jsonFeed.path, size: jsonFeed.contents.count)
            return Result { () throws(SitegenError) in try output.stage(jsonFeed) }.mapError { BuildFailure(errors: [$0], warnings: []) }
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
            last = nil  // some files may have moved: trust nothing next time
            return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }
        let (fingerprints, sizes) = log.results
        var allFingerprints = (previous?.fingerprints ?? [:]).merging(fingerprints) { $1 }
        if !fingerprinted {
            for (spec, rendered) in zip(specs, render) where rendered { allFingerprints[spec.outputs[0].path] = nil }
        }
        last = LastBuild(
            sharedInputs: sharedInputs, site: site, contexts: contexts, fingerprints: allFingerprints,
            sizes: (previous?.sizes ?? [:]).merging(sizes) { $1 })
        clock.lap("Write")
        report.stageTimes = clock.laps
        return .success(report)
    }

    /// The indexes of articles whose text changed, when nothing else did: the same articles
    /// (by file) in the same order, each with the same date, slug, leaders, topics and embedded
    /// posts. Nil when anything else changed.
    private static func textOnlyChanges(from old: Site, to new: Site) -> Set<Int>? {
        guard old.articles.count == new.articles.count else { return nil }
        var changed = Set<Int>()
        for (index, (before, after)) in zip(old.articles, new.articles).enumerated() {
            guard before.sourcePath == after.sourcePath, before.date == after.date, before.slug == after.slug,
                before.leaderIDs == after.leaderIDs, before.topicIDs == after.topicIDs, before.posts == after.posts
            else { return nil }
            if !before.hasSameContent(as: after) {
                if !after.posts.isEmpty { return nil }  // its posts' cards on leader pages show its title
                changed.insert(index)
            }
        }
        guard old.now == new.now else { return nil }
        return changed
    }

    /// Every page and file that can show one of the `changed` articles (see the type's notes);
    /// `before` is the last build's site, with the same articles in the same order.
    private static func pagesShowing(_ changed: Set<Int>, in site: Site, before: Site) -> (routes: Set<Route>, files: Set<String>) {
        var routes = Set<Route>()
        var files = Set<String>()
        let changedPairs = changed.map { (before.articles[$0], site.articles[$0]) }
        // Sitemaps show each page's last change; llms.txt titles and summaries; the news sitemap titles.
        let updatedChanged = changedPairs.contains { $0.updated != $1.updated }
        if changedPairs.contains(where: { $0.title != $1.title || $0.summary != $1.summary }) { files.insert("llms.txt") }
        if changedPairs.contains(where: { $0.title != $1.title }) { files.insert("news-sitemap.xml") }
        let perPage = site.config.perPage
        let related = RelatedArticles(site: site)
        var neighbours = Set<Int>()
        for index in changed {
            let article = site.articles[index]
            routes.insert(.article(article.date, article.slug))
            routes.insert(.home(page: index / perPage + 1))
            routes.insert(.year(article.date.year))
            routes.insert(.month(article.date.year, article.date.month))
            if index < FeedPlan.feedSize { files.formUnion(["feed.xml", "atom.xml"]) }
            let lists = article.leaderIDs.map { (Route.leader($0, page: 1), $0, site.articlesByLeader[$0] ?? []) }
                + article.topicIDs.map { (Route.topic($0, page: 1), $0, site.articlesByTopic[$0] ?? []) }
            for (first, id, list) in lists {
                guard let position = list.firstIndex(of: index) else { continue }
                let page = position / perPage + 1
                routes.insert(first == .leader(id, page: 1) ? .leader(id, page: page) : .topic(id, page: page))
                if position < FeedPlan.feedSize { files.insert(first.path + "feed.xml") }
                let lower = max(0, position - related.window), upper = min(list.count, position + related.window + 1)
                neighbours.formUnion(list[lower..<upper])
            }
        }
        for index in neighbours.subtracting(changed) where !changed.isDisjoint(with: related.related(to: index)) {
            routes.insert(.article(site.articles[index].date, site.articles[index].slug))
        }
        if updatedChanged {
            files.insert("sitemap.xml")
            for index in 2...max(2, site.articles.count / FeedPlan.sitemapLimit + 3) { files.insert("sitemap-\(index - 1).xml") }
        }
        return (routes, files)
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
            label: "\(options.baseURL ?? "") \(options.includeDrafts) \(options.now.map(String.init) ?? "")")
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

/// What rendering recorded, from many threads: each page's context fingerprint and each
/// file's size.
private final class RenderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var fingerprints: [String: ContextFingerprint] = [:]
    private var sizes: [String: Int] = [:]

    /// `spec`, fingerprinting its context as it is made.
    func fingerprinting(_ spec: PageSpec) -> PageSpec {
        var wrapped = spec
        let make = spec.makeContext, makeFingerprint = spec.makeFingerprintContext, key = spec.outputs[0].path
        wrapped.makeContext = { [self] in
            let context = make()
            let fingerprint = ContextFingerprint(makeFingerprint?() ?? context)
            lock.withLock { fingerprints[key] = fingerprint }
            return context
        }
        return wrapped
    }

    func record(_ path: String, size: Int) { lock.withLock { sizes[path] = size } }

    var results: (fingerprints: [String: ContextFingerprint], sizes: [String: Int]) { lock.withLock { (fingerprints, sizes) } }
}
