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

    /// Builds the site into the output folder.
    public func build() -> Result<BuildReport, BuildFailure> { run(writing: true) }

    /// Runs every stage but Write.
    public func check() -> Result<BuildReport, BuildFailure> { run(writing: false) }

    private func run(writing: Bool) -> Result<BuildReport, BuildFailure> {
        var clock = StageClock()
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

        // 2. Parse
        let renderer = MarkdownRenderer(options: config.unsafeHTML ? .unsafe : [])
        let articleParser = ArticleParser(renderer: renderer)
        let rawParser = RawTextParser()
        let profileParser = ProfileParser(renderer: renderer)
        let articles = content.articles.concurrentMap { file in
            file.path.hasSuffix(".txt") ? rawParser.parse(file) : articleParser.parse(file)
        }
        let leaders = content.leaders.concurrentMap { profileParser.parseLeader($0) }
        let topics = content.topics.concurrentMap { profileParser.parseTopic($0) }
        diagnostics += articles.flatMap(\.diagnostics) + leaders.flatMap(\.diagnostics) + topics.flatMap(\.diagnostics)
        clock.lap("Parse")

        // 3. Model
        let assembler = SiteAssembler(
            config: config, includeDrafts: options.includeDrafts, now: options.now.map(NewsDate.init(unixTime:)))
        let (site, modelDiagnostics) = assembler.assemble(
            articles: articles.compactMap(\.value), leaders: leaders.compactMap(\.value),
            topics: topics.compactMap(\.value))
        diagnostics += modelDiagnostics
        clock.lap("Model")
        let warnings = diagnostics.filter { $0.severity == .warning }.sorted(by: SitegenError.byLocation)
        let errors = diagnostics.filter { $0.severity == .error }.sorted(by: SitegenError.byLocation)
        guard errors.isEmpty, case .success(let theme) = templates else {
            return .failure(BuildFailure(errors: errors, warnings: warnings))
        }

        // 4. Render
        let contexts = PageContexts(site: site, generator: "sitegen \(SitegenVersion.current)")
        let feeds = FeedPlan(contexts: contexts)
        let pageSpecs = PagePlan(contexts: contexts).pages()
        let specs = pageSpecs + feeds.feeds() + feeds.sitemaps(for: pageSpecs)
        let pages: [RenderedPage]
        switch PageRenderer(templates: theme).render(specs) {
        case .success(let rendered): pages = rendered + [feeds.jsonFeed()] + SearchIndex(site: site).files()
        case .failure(let failure): return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }
        clock.lap("Render")

        // 5. Write
        var report = BuildReport(
            files: pages.count + theme.assets.count + content.staticFiles.count, articles: site.articles.count, written: 0, unchanged: 0, removed: 0,
            warnings: warnings, stageTimes: [])
        if writing {
            switch SiteWriter(paths: paths).write(pages: pages, files: theme.assets + content.staticFiles) {
            case .success(let summary):
                (report.written, report.unchanged, report.removed) = (summary.written, summary.unchanged, summary.removed)
                report.changedFiles = summary.changed
            case .failure(let failure):
                return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
            }
            clock.lap("Write")
        } else {
            let others = (theme.assets + content.staticFiles).map(\.outputPath)
            report.brokenLinks = LinkChecker(config: config).check(pages: pages, otherFiles: others)
            clock.lap("Links")
        }
        report.stageTimes = clock.laps
        return .success(report)
    }
}

/// Wall time per stage, for `--verbose`.
struct StageClock {
    private(set) var laps: [(stage: String, seconds: Double)] = []
    private var last = DispatchTime.now()

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
