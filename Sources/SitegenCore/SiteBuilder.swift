import Foundation
import MarkdownHTML

/// The whole pipeline, top to bottom: load → parse → model → render → write.
///
/// Every error of the load, parse and model stages is collected before the build stops,
/// and nothing is written unless every stage before Write succeeded (DESIGN §5).
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    /// Creates a builder for one build.
    public init(options: BuildOptions) { self.options = options }

    /// Builds the site into the output folder. When no input, option or output changed since
    /// the last build (`BuildStamps`), it reports that build again and writes nothing. The
    /// stage times count the stamps too: their check in Load, their record as a last stage.
    public func build() -> Result<BuildReport, BuildFailure> {
        let clock = StageClock()
        let stamps = BuildStamps.Check(options: options)  // before anything is read
        if let report = stamps.unchangedReport() { return .success(report) }
        var leftovers: Any?
        let result = run(writing: true, stamps: stamps, clock: clock, leftovers: &leftovers)
        guard case .success(var report) = result else { return result }
        var recording = StageClock()
        stamps.record(report)
        recording.lap("Stamps")
        report.stageTimes += recording.laps
        // Freed after the record, which needs both cores: a `sitegen build` that exits next
        // never spends them on it (its 50,000-article model took a quarter of a second of CPU).
        // Moved straight into the release: a copy left here (in `leftovers`, or bound by an
        // `if let`) would be the last reference, and all of it freed on this thread after all.
        Teardown.release(leftovers.take())
        return .success(report)
    }

    /// Runs every stage but Write.
    public func check() -> Result<BuildReport, BuildFailure> {
        var leftovers: Any?  // set only by a build that writes
        return run(writing: false, leftovers: &leftovers)
    }

    /// - Parameter stamps: The last build's stamps, which tell the static files whose copies
    ///   need not be read.
    /// - Parameter clock: Started when the build began (the stamps' check before it counts in Load).
    /// - Parameter leftovers: Set, when `writing`, to what a successful build made and no
    ///   longer needs (its model, pages and staged output), for the caller to release
    ///   (`Teardown`).
    private func run(
        writing: Bool, stamps: BuildStamps.Check? = nil, clock: StageClock = StageClock(),
        leftovers: inout Any?
    ) -> Result<BuildReport, BuildFailure> {
        var clock = clock
        var diagnostics: [SitegenError] = []
        let paths = options.paths

        // 1. Load
        let loader = ContentLoader(paths: paths, maxFileSize: SiteConfig().maxFileSize)
        let configFile = loader.readSiteConfig(diagnostics: &diagnostics)
        let (config, configDiagnostics) = SiteConfigParser().parse(configFile, baseURLOverride: options.baseURL)
        diagnostics += configDiagnostics
        let content = ContentLoader(paths: paths, maxFileSize: config.maxFileSize).load()
        diagnostics += content.errors
        let templates = TemplateLoader(paths: paths, maxFileSize: config.maxFileSize).load()
        if case .failure(let failure) = templates { diagnostics += failure.errors }
        clock.lap("Load")

        // 2. Parse (each article is read here, just before it is parsed). Leaders and topics
        // come first: each article is checked against them (Model's `ArticleChecker`: ids
        // resolved or inferred) as soon as it is parsed, so the text inference needs (its plain
        // text) is dropped at once instead of waiting, for every article, until Model.
        let renderer = MarkdownRenderer(options: config.unsafeHTML ? .unsafe : [])
        let kept = KeptHTML.Budget(bytes: options.keptBytes)  // Markdown bodies' HTML and raw texts' bodies alike
        // Bodies past the budget (raw texts' HTML and Markdown, Markdown bodies' HTML) go to a
        // spill in the project's `.sitegen/` (as the build stamps do); `check`, which writes
        // nothing, keeps raw bodies in memory and renders Markdown bodies again at Render.
        let spillFolder = BuildStamps.location(in: paths).deletingLastPathComponent().path
        let spill = writing && (mkdir(spillFolder, 0o755) == 0 || errno == EEXIST) ? BodySpill(folder: spillFolder) : nil
        let articleParser = ArticleParser(renderer: renderer, keptHTML: kept, spill: spill)
        let rawParser = RawTextParser(keptHTML: kept, spill: spill)
        let profileParser = ProfileParser(renderer: renderer)
        let reader = ContentLoader(paths: paths, maxFileSize: config.maxFileSize)
        let leaders = content.leaders.concurrentMap { profileParser.parseLeader($0) }
        let topics = content.topics.concurrentMap { profileParser.parseTopic($0) }
        let assembler = SiteAssembler(
            config: config, includeDrafts: options.includeDrafts, now: options.now.map(NewsDate.init(unixTime:)))
        let checker = SiteAssembler.ArticleChecker(
            assembler: assembler, leaders: leaders.compactMap(\.value), topics: topics.compactMap(\.value))
        var articles = content.articlePaths.concurrentMap {
            path -> (diagnostics: [SitegenError], checked: SiteAssembler.CheckedArticle?) in
            let parsed: ParseOutcome<ParsedArticle>
            switch reader.read(path: path) {
            case .failure(let error): parsed = ParseOutcome(diagnostics: [error])
            case .success(let file): parsed = file.path.hasSuffix(".txt") ? rawParser.parse(file) : articleParser.parse(file)
            }
            return (parsed.diagnostics, parsed.value.map { checker.check($0) })  // not a method value: it copied the checker
        }
        diagnostics += articles.flatMap(\.diagnostics) + leaders.flatMap(\.diagnostics) + topics.flatMap(\.diagnostics)
        clock.lap("Parse")

        // 3. Model: the checked articles assembled (URLs unique, lists made)
        let (site, modelDiagnostics) = assembler.assemble(
            checked: articles.compactMap(\.checked), leaders: leaders.compactMap(\.value),
            topics: topics.compactMap(\.value))
        diagnostics += modelDiagnostics
        articles = []
        clock.lap("Model")
        let warnings = diagnostics.filter { $0.severity == .warning }.sorted(by: SitegenError.byLocation)
        let errors = diagnostics.filter { $0.severity == .error }.sorted(by: SitegenError.byLocation)
        guard errors.isEmpty, case .success(let theme) = templates else {
            return .failure(BuildFailure(errors: errors, warnings: warnings))
        }

        // 4. Plan: list every page with a context made when it is rendered; the search index
        // is made on another thread meanwhile, and while the pages render (much of it is one
        // thread's work). Article bodies are read again from their files as pages need them.
        let searchFiles = BackgroundWork {
            Result { () throws(SitegenError) in try SearchIndex(site: site).files() }
        }
        let contexts = PageContexts(site: site, generator: "sitegen \(SitegenVersion.current)")
        contexts.countCoMentionsAhead()
        let feeds = FeedPlan(contexts: contexts)
        let pageSpecs = PagePlan(contexts: contexts).pages()
        let specs = pageSpecs + feeds.feeds() + feeds.sitemaps(for: pageSpecs)
        let staticFiles = theme.assets + content.staticFiles
        clock.lap("Plan")
        var report = BuildReport(
            files: 0, articles: site.articles.count, written: 0, unchanged: 0, removed: 0, warnings: warnings,
            stageTimes: [])
        let pageRenderer = PageRenderer(templates: theme)
        guard writing else {
            // `check`: each page is scanned for its links and ids as it is rendered, then
            // dropped (the link checker needs no more of it); nothing is written.
            let scans = LinkScans()
            let rendered = pageRenderer.render(specs) { page in scans.add(page) }
            let search = searchFiles.take()
            switch rendered.flatMap({ _ in
                Result { () throws(SitegenError) in [try feeds.jsonFeed()] + (try search.get()) }
                    .mapError { BuildFailure(errors: [$0], warnings: []) }
            }) {
            case .success(let extraFiles):
                for file in extraFiles { scans.add(file) }
                clock.lap("Render")
                report.outputPaths =
                    specs.flatMap { $0.outputs.map(\.path) } + extraFiles.map(\.path) + staticFiles.map(\.outputPath)
                report.files = report.outputPaths.count
                report.brokenLinks = LinkChecker(config: config).check(scanned: scans.scanned, files: Set(report.outputPaths))
                clock.lap("Links")
            case .failure(let failure):
                return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
            }
            report.stageTimes = clock.laps
            return .success(report)
        }

        // 5. Write: each rendered file is staged beside its target as it is made; only when
        // every page rendered are they moved into place (on any error, nothing is written)
        let writer = SiteWriter(paths: paths)
        let pagePaths = specs.flatMap { $0.outputs.map(\.path) } + [FeedPlan.jsonFeedPath]
        let output: StagedOutput
        do {
            output = try writer.begin(
                pagePaths: pagePaths, files: staticFiles,
                copies: stamps?.staticCopies(of: staticFiles) ?? StaticCopies())
        } catch {
            _ = searchFiles.take()
            return .failure(BuildFailure(errors: [error], warnings: warnings))
        }
        // The search index's files are staged as soon as they are made, not kept until the end.
        let searchStaged = BackgroundWork { () -> Result<[String], SitegenError> in
            Result { () throws(SitegenError) in
                let files = try searchFiles.take().get()
                try output.add(pagePaths: files.map(\.path))
                for file in files { try output.stage(file) }
                return files.map(\.path)
            }
        }
        let renderedPages = pageRenderer.render(specs, deliver: output.stage)
        let searchPaths = searchStaged.take()  // before anything staged is renamed or deleted
        let rendered = renderedPages.flatMap { _ in
            Result { () throws(SitegenError) in
                try output.stage(try feeds.jsonFeed())
                report.outputPaths = pagePaths + (try searchPaths.get()) + staticFiles.map(\.outputPath)
                report.files = report.outputPaths.count
            }.mapError { BuildFailure(errors: [$0], warnings: []) }
        }
        clock.lap("Render")
        if case .failure(let failure) = rendered {
            output.abandon()
            return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }
        switch output.commit() {
        case .success(let summary):
            report.record(summary)
        case .failure(let failure):
            return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }
        clock.lap("Write")
        report.stageTimes = clock.laps
        leftovers = ((consume specs, consume pageSpecs, consume contexts, consume feeds, consume output, consume site) as Any)
        return .success(report)
    }
}

/// Wall and CPU time per stage, for `--verbose`.
struct StageClock {
    private(set) var laps: [(stage: String, seconds: Double, cpuSeconds: Double)] = []
    private var last = DispatchTime.now()
    private var lastCPU = StageClock.cpuSeconds()

    mutating func lap(_ stage: String) {
        let (now, cpu) = (DispatchTime.now(), Self.cpuSeconds())
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9, cpu - lastCPU))
        (last, lastCPU) = (now, cpu)
    }

    /// The user and system time of the whole process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
