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
/// leaders, topics and `site.yml` (a handful of files), compiles the templates again only when
/// one of those, a template or a static file changed (otherwise the last build's library is
/// kept, and with it the list items rendered for unchanged articles), assembles the model and
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
/// again.
///
/// When the caller passes the files that changed (`serve`'s file watcher) and they are only
/// existing articles whose text changed, an edit build (`runEdit`, in `SiteSession+Edit.swift`)
/// skips listing and stamping: it parses those files, patches the last model and renders and
/// stages only the pages and search files that show them. It trusts the list and the output
/// folder (it does not look for output files deleted by hand; the next full build does).
///
/// Output is byte-identical to a fresh `SiteBuilder` build of the same input, and the same
/// rules hold: on any error nothing is written and the previous output stays; only files
/// in the manifest are touched. Builds run one at a time; `build()` may be called from any thread.
public final class SiteSession: @unchecked Sendable {
    /// The options every build of this session uses.
    public let options: BuildOptions

    private let lock = NSLock()
    // Guarded by `lock` (held for a whole build):
    var files: [String: RememberedFile] = [:]
    var last: LastBuild?
    /// Whether the last build failed: the changes it was given are not in `last`, so the next
    /// build must look at every file.
    private var lastFailed = false

    /// An article file as last read: its parse and, for the shared inputs it was checked
    /// against, its check.
    struct RememberedFile {
        var stamp: FileStamp
        var outcome: ParseOutcome<ParsedArticle>
        var checked: SiteAssembler.CheckedArticle?
    }

    /// What the last successful build produced.
    struct LastBuild {
        var sharedInputs: [FileStamp]
        var contexts: PageContexts
        var site: Site { contexts.site }
        var theme: LoadedTemplates
        /// Context fingerprint of every page, by its first output path.
        var fingerprints: [String: ContextFingerprint]
        /// Size of every page file sitegen wrote or found unchanged, by output path.
        var sizes: [String: Int]
        /// Each article's search terms, and the stamp of the file they were made from, by source path.
        var searchDocuments: [String: (stamp: FileStamp, document: SearchIndex.Document)]
        /// The search index, and its shards as written.
        var searchState: SearchIndex.State
        var searchShards: [SearchIndex.Shard]
        /// What an edit build (`runEdit`) takes from the last build instead of loading again.
        var config: SiteConfig
        var checker: SiteAssembler.ArticleChecker
        var warnings: [SitegenError]
        /// Each article's index in `site.articles`, by source path.
        var articleIndexes: [String: Int]
        /// The output folder's manifest as this build left it, and the stamp of its file.
        var manifest: Manifest
        var manifestStamp: FileStamp
        /// How many files the site has.
        var fileCount: Int
        /// The static files' stamps and their copies' (`StaticCopies`).
        var staticFiles: StaticFileStamps
    }

    /// Creates a session; nothing is read until the first `build()`.
    public init(options: BuildOptions) { self.options = options }

    /// Builds the site into the output folder, reusing what the previous builds of this session
    /// found. The first build of a session does the work of a full build.
    /// - Parameter changed: The files changed since the last build, when the caller knows them
    ///   (`serve`'s file watcher): when they are only existing article files whose text changed,
    ///   nothing else is listed or looked at (`runEdit`). Nil: every file is looked at.
    public func build(changed: [String]? = nil) -> Result<BuildReport, BuildFailure> {
        lock.withLock {
            let result = changed.flatMap { lastFailed ? nil : runEdit($0) } ?? run()
            if case .failure = result { lastFailed = true } else { lastFailed = false }
            return result
        }
    }

    /// Forgets everything remembered, so the next build renders every page.
    public func reset() {
        lock.withLock {
            files = [:]
            last = nil
            lastFailed = false
        }
    }

    private func run() -> Result<BuildReport, BuildFailure> {
        var clock = StageClock()
        var diagnostics: [SitegenError] = []
        let paths = options.paths

        // 1. Load: everything but the articles, which are only listed
        let loader = ContentLoader(paths: paths, maxFileSize: SiteConfig().maxFileSize)
        let configFile = loader.readSiteConfig(diagnostics: &diagnostics)
        let (config, configDiagnostics) = SiteConfigParser().parse(
            configFile, baseURLOverride: options.baseURL)
        diagnostics += configDiagnostics
        let reader = ContentLoader(paths: paths, maxFileSize: config.maxFileSize)
        let content = reader.load()
        diagnostics += content.errors
        let sharedInputs = sharedInputStamps(paths: paths, content: content)
        let previous = last.flatMap { $0.sharedInputs == sharedInputs ? $0 : nil }
        // Unchanged templates keep their compiled library: the list items that unchanged
        // articles keep (see `PageContexts`) then copy their rendered bytes from the last build.
        let templates = previous.map { .success($0.theme) }
            ?? TemplateLoader(paths: paths, maxFileSize: config.maxFileSize).load()
        if case .failure(let failure) = templates { diagnostics += failure.errors }
        clock.lap("Load")

        // 2. Parse: only articles whose file changed since the last build
        let renderer = MarkdownRenderer(options: config.unsafeHTML ? .unsafe : [])
        // HTML is kept only for a build that renders every page: a kept body whose page is
        // not rendered would stay in the remembered files.
        let articleParser = ArticleParser(renderer: renderer, keptHTML: previous == nil ? KeptHTML.Budget() : nil)
        let rawParser = RawTextParser()
        let profileParser = ProfileParser(renderer: renderer)
        let known = files
        let sharedUnchanged = previous != nil
        let remembered = content.articlePaths.concurrentMap { path -> RememberedFile in
            let stamp = FileStamp(path: path)
            if let file = known[path], file.stamp == stamp, stamp.exists {
                return sharedUnchanged
                    ? file : RememberedFile(stamp: stamp, outcome: file.outcome, checked: nil)
            }
            switch reader.read(path: path) {
            case .failure(let error):
                return RememberedFile(stamp: stamp, outcome: ParseOutcome(diagnostics: [error]))
            case .success(let file):
                let outcome = file.path.hasSuffix(".txt") ? rawParser.parse(file) : articleParser.parse(file)
                return RememberedFile(stamp: stamp, outcome: outcome)
            }
        }
        let leaders = content.leaders.concurrentMap { profileParser.parseLeader($0) }
        let topics = content.topics.concurrentMap { profileParser.parseTopic($0) }
        diagnostics +=
            remembered.flatMap(\.outcome.diagnostics) + leaders.flatMap(\.diagnostics)
            + topics.flatMap(\.diagnostics)
        clock.lap("Parse")

        // 3. Model: articles checked again only when they or the leaders and topics changed
        let assembler = SiteAssembler(
            config: config, includeDrafts: options.includeDrafts,
            now: options.now.map(NewsDate.init(unixTime:)))
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
            checked: checkedFiles.compactMap(\.checked), leaders: leaders.compactMap(\.value),
            topics: topics.compactMap(\.value))
        diagnostics += modelDiagnostics
        clock.lap("Model")
        let warnings = diagnostics.filter { $0.severity == .warning }.sorted(by: SitegenError.byLocation)
        let errors = diagnostics.filter { $0.severity == .error }.sorted(by: SitegenError.byLocation)
        guard errors.isEmpty, case .success(let theme) = templates else {
            return .failure(BuildFailure(errors: errors, warnings: warnings))
        }

        // 4. Render: every page listed; only those that may have changed are rendered
        let textOnly = previous.flatMap { Self.textOnlyChanges(from: $0.site, to: site) }
        let contexts = PageContexts(
            site: site, generator: "sitegen \(SitegenVersion.current)", keepsLLMSValues: true,
            knownValues: textOnly.map { changed in
                let old = previous!.contexts
                return { index -> ArticleListValues? in
                    changed.contains(index) ? .none : .some(old.listValues(at: index))
                }
            })
        let feeds = FeedPlan(contexts: contexts)
        let pageSpecs = PagePlan(contexts: contexts).pages()
        let specs = pageSpecs + feeds.feeds() + feeds.sitemaps(for: pageSpecs)
        // The search index is made on every build (any article's text may be in any shard),
        // from the last build's terms of every article whose file and names are unchanged.
        let searchIndex = SearchIndex(site: site)
        let knownDocuments = previous?.searchDocuments ?? [:]
        let stamps = Dictionary(
            checkedFiles.compactMap { file in file.outcome.value.map { ($0.sourcePath, file.stamp) } },
            uniquingKeysWith: { first, _ in first })
        let reusedDocument: @Sendable (Article) -> SearchIndex.Document? = { article in
            knownDocuments[article.sourcePath].flatMap { $0.stamp == stamps[article.sourcePath] ? $0.document : nil }
        }
        let searchDocuments: [SearchIndex.Document]
        do {
            searchDocuments = try searchIndex.documents(known: reusedDocument)
        } catch {
            return .failure(BuildFailure(errors: [error], warnings: warnings))
        }
        // When only text changed, the articles keep their numbers: the last index is updated
        // with the articles whose terms were made again.
        let searchState =
            textOnly != nil && previous != nil
            ? previous!.searchState.updating(
                Set(site.articles.indices.filter { reusedDocument(site.articles[$0]) == nil }), to: searchDocuments)
            : SearchIndex.State(documents: searchDocuments)
        let searchShards = SearchIndex.shards(searchState)
        let searchFiles = searchIndex.files(from: searchState, shards: searchShards)
        let staticFiles = theme.assets + content.staticFiles
        clock.lap("Plan")
        let candidates: [Bool]  // per spec: whether it must be rendered
        let sharedDigests = SharedDigests()  // each shared item hashed once, however many pages show it
        if previous != nil, let changed = textOnly {
            let dirty = Self.pagesShowing(changed, in: site, before: previous!.site)
            candidates = specs.map { spec in
                spec.route.map(dirty.routes.contains) ?? dirty.files.contains(spec.outputs[0].path)
            }
        } else if let previous {
            let compared = specs.concurrentMap { spec in
                Result { () throws(SitegenError) in
                    previous.fingerprints[spec.outputs[0].path]
                        != ContextFingerprint(try spec.fingerprintContext, memo: sharedDigests)
                }
            }
            do {
                candidates = try compared.map { result throws(SitegenError) in try result.get() }
            } catch {
                return .failure(BuildFailure(errors: [error], warnings: warnings))
            }
        } else {
            candidates = specs.map { _ in true }
        }
        let outputFolder = paths.output.path + "/"
        let render = zip(specs, candidates).map { ($0, $1) }.concurrentMap { spec, candidate -> Bool in
            // A page not to render must still be on disk as sitegen left it.
            candidate
                || !spec.outputs.allSatisfy { output in
                    previous?.sizes[output.path].map {
                        FileStamp(path: outputFolder + output.path).size == $0
                    } ?? false
                }
        }
        var report = BuildReport(
            files: specs.reduce(1 + searchFiles.count) { $0 + $1.outputs.count } + staticFiles.count,
            articles: site.articles.count,
            written: 0, unchanged: 0, removed: 0, warnings: warnings, stageTimes: [])
        clock.lap("Select")

        // 5. Write: as in `SiteBuilder`, staged until every page rendered; static files whose
        // sources and copies are as the last build left them are not read
        var staticStamps = StaticFileStamps(sourcesOf: staticFiles)
        let output: StagedOutput
        do {
            output = try SiteWriter(paths: paths).begin(
                pagePaths: specs.flatMap { $0.outputs.map(\.path) } + [FeedPlan.jsonFeedPath] + searchFiles.map(\.path),
                files: staticFiles, copies: last?.staticFiles.copies(of: staticFiles, now: staticStamps) ?? StaticCopies())
        } catch {
            return .failure(BuildFailure(errors: [error], warnings: warnings))
        }
        output.countUnchanged(zip(specs, render).reduce(0) { $0 + ($1.1 ? 0 : $1.0.outputs.count) })
        // Fingerprints are taken as pages render, except when only text changed: then the pages
        // rendered lose theirs (the next fingerprint comparison renders them again), which saves
        // hashing the largest contexts (sitemap, llms.txt) on every edit.
        let log = RenderLog(sharedDigests: sharedDigests)
        let fingerprinted = textOnly == nil
        let chosen = zip(specs, render).filter(\.1).map { spec, _ in
            fingerprinted ? log.fingerprinting(spec) : spec
        }
        let result = PageRenderer(templates: theme).render(chosen) { page throws(SitegenError) in
            log.record(page.path, size: page.contents.count)
            try output.stage(page)
        }.flatMap { _ -> Result<Void, BuildFailure> in
            do throws(SitegenError) {
                for file in searchFiles { try output.stage(file) }
            } catch {
                return .failure(BuildFailure(errors: [error], warnings: []))
            }
            // The JSON feed is made in code; it can change only when one of its articles did.
            let jsonFeedKept =
                textOnly.map { changed in
                    !changed.contains { $0 < FeedPlan.feedSize }
                        && previous?.sizes[FeedPlan.jsonFeedPath]
                            == FileStamp(path: outputFolder + FeedPlan.jsonFeedPath).size
                } ?? false
            if jsonFeedKept {
                output.countUnchanged(1)
                return .success(())
            }
            return Result { () throws(SitegenError) in try log.stageJSONFeed(of: feeds, into: output) }
                .mapError { BuildFailure(errors: [$0], warnings: []) }
        }
        clock.lap("Render")
        if case .failure(let failure) = result {
            output.abandon()
            return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }
        let manifest: Manifest
        switch output.commit() {
        case .success(let summary):
            report.record(summary)
            manifest = output.manifest
        case .failure(let failure):
            last = nil  // some files may have moved: trust nothing next time
            return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }
        staticStamps.takeCopies(of: staticFiles, root: outputFolder)
        let (fingerprints, sizes) = log.results
        var allFingerprints = (previous?.fingerprints ?? [:]).merging(fingerprints) { $1 }
        if !fingerprinted {
            for (spec, rendered) in zip(specs, render) where rendered {
                allFingerprints[spec.outputs[0].path] = nil
            }
        }
        last = LastBuild(
            sharedInputs: sharedInputs, contexts: contexts, theme: theme, fingerprints: allFingerprints,
            sizes: (previous?.sizes ?? [:]).merging(sizes) { $1 },
            searchDocuments: Dictionary(
                zip(site.articles, searchDocuments).compactMap { article, document in
                    stamps[article.sourcePath].map { (article.sourcePath, ($0, document)) }
                }, uniquingKeysWith: { first, _ in first }),
            searchState: searchState, searchShards: searchShards, config: config, checker: checker,
            warnings: warnings,
            articleIndexes: Dictionary(
                site.articles.enumerated().map { ($1.sourcePath, $0) }, uniquingKeysWith: { first, _ in first }),
            manifest: manifest, manifestStamp: FileStamp(path: outputFolder + Manifest.fileName),
            fileCount: report.files, staticFiles: staticStamps)
        clock.lap("Write")
        report.stageTimes = clock.laps
        return .success(report)
    }

    /// Stamps of everything but article files that a page may depend on: `site.yml`, leaders,
    /// topics, templates and assets, static files, and the options themselves.
    private func sharedInputStamps(paths: ProjectPaths, content: LoadedContent) -> [FileStamp] {
        let loader = ContentLoader(paths: paths, maxFileSize: .max)
        let templateFiles = loader.files(under: paths.templates, extensions: nil)
        let profileFiles =
            loader.files(under: paths.content.appendingPathComponent("leaders"), extensions: nil)
            + loader.files(under: paths.content.appendingPathComponent("topics"), extensions: nil)
        let files =
            [paths.content.appendingPathComponent("site.yml")] + templateFiles + profileFiles
            + content.staticFiles.map(\.source)
        let optionsStamp = FileStamp(
            label: "\(options.baseURL ?? "") \(options.includeDrafts) \(options.now.map(String.init) ?? "")")
        return [optionsStamp] + files.map { FileStamp(path: $0.path) }
    }
}

/// What rendering recorded, from many threads: each page's context fingerprint and each
/// file's size.
final class RenderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var fingerprints: [String: ContextFingerprint] = [:]
    private var sizes: [String: Int] = [:]
    /// The shared values' digests this build made, for the fingerprints.
    private let sharedDigests: SharedDigests

    init(sharedDigests: SharedDigests = SharedDigests()) { self.sharedDigests = sharedDigests }

    /// `spec`, fingerprinting its context as it is made.
    func fingerprinting(_ spec: PageSpec) -> PageSpec {
        var wrapped = spec
        let make = spec.makeContext
        let makeFingerprint = spec.makeFingerprintContext
        let key = spec.outputs[0].path
        wrapped.makeContext = { [self] () throws(SitegenError) in
            let context = try make()
            let fingerprint = ContextFingerprint(makeFingerprint?() ?? context, memo: sharedDigests)
            lock.withLock { fingerprints[key] = fingerprint }
            return context
        }
        return wrapped
    }

    func record(_ path: String, size: Int) { lock.withLock { sizes[path] = size } }

    /// Makes the JSON feed (in code, not from a template), records its size and stages it.
    func stageJSONFeed(of feeds: FeedPlan, into output: StagedOutput) throws(SitegenError) {
        let jsonFeed = try feeds.jsonFeed()
        record(jsonFeed.path, size: jsonFeed.contents.count)
        try output.stage(jsonFeed)
    }

    var results: (fingerprints: [String: ContextFingerprint], sizes: [String: Int]) {
        lock.withLock { (fingerprints, sizes) }
    }
}
