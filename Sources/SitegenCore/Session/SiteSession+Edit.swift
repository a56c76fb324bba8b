import Foundation
import MarkdownHTML

/// The edit build: what `serve` runs when its file watcher saw only article files change.
extension SiteSession {
    /// Rebuilds after the text of existing articles changed, without listing or looking at any
    /// other file: the `changed` files are parsed and checked against the last build's leaders
    /// and topics, the last model gets the new versions of those articles, and only the pages
    /// and files that show them are listed, rendered and staged (`pagesShowing`); the search
    /// index is updated term by term and only its files that changed are written. Output is
    /// the same as a full build's.
    ///
    /// Nil, having changed nothing, when the change is not such an edit: a path that is not a
    /// known article file (other than one that came and went unseen), a file that fails to parse or check (the full build reports it), an
    /// article whose date, slug, leaders, topics, posts or draft state changed, a changed
    /// `updated` date (every sitemap changes), a search shard that came or went, a manifest
    /// that changed on disk, or a killed build's temporaries. The caller then runs a full build.
    func runEdit(_ changed: [String]) -> Result<BuildReport, BuildFailure>? {
        guard var previous = last else { return nil }
        // `last` is updated in place when the edit is written, so it is not copied whole.
        last = nil
        var committed: LastBuild?
        var trustsOutput = true
        defer { last = trustsOutput ? committed ?? previous : nil }
        var clock = StageClock()
        let paths = options.paths
        // A path that is not there and that the last build did not read (an editor's
        // temporary file, come and gone) changes nothing.
        let read = Set(previous.sharedInputs.map(\.path))
        let edited = Set(changed.filter { files[$0] != nil || read.contains($0) || access($0, F_OK) == 0 })
        guard !edited.isEmpty,
            edited.allSatisfy({ files[$0] != nil && previous.articleIndexes[paths.displayPath($0)] != nil })
        else {
            return nil
        }

        // Parse and check the edited files only
        let reader = ContentLoader(paths: paths, maxFileSize: previous.config.maxFileSize)
        let articleParser = ArticleParser(renderer: MarkdownRenderer(options: previous.config.unsafeHTML ? .unsafe : []))
        var reparsed: [String: RememberedFile] = [:]
        var stamps: [String: FileStamp] = [:]  // by source path, as articles name their files
        var replacements: [Int: Article] = [:]
        var diagnostics: [SitegenError] = []
        for path in edited.sorted() {
            let stamp = FileStamp(path: path)
            guard stamp.exists, case .success(let file) = reader.read(URL(fileURLWithPath: path)) else { return nil }
            let outcome = path.hasSuffix(".txt") ? RawTextParser().parse(file) : articleParser.parse(file)
            guard let parsed = outcome.value else { return nil }
            let checked = previous.checker.check(parsed)
            let index = previous.articleIndexes[parsed.sourcePath]!
            guard let article = checked.article, !checked.diagnostics.contains(where: { $0.severity == .error }),
                let textChanged = Self.textChange(from: previous.site.articles[index], to: article)
            else { return nil }
            reparsed[path] = RememberedFile(stamp: stamp, outcome: outcome, checked: checked)
            stamps[parsed.sourcePath] = stamp
            if textChanged { replacements[index] = article }
            diagnostics += outcome.diagnostics + checked.diagnostics
        }
        let shownEdited = Set(edited.map(paths.displayPath))
        let warnings = (previous.warnings.filter { !shownEdited.contains($0.location?.path ?? "") } + diagnostics)
            .sorted(by: SitegenError.byLocation)
        clock.lap("Parse")

        // Model: the last site with the new versions of the edited articles
        let changedIndexes = Set(replacements.keys)
        let site = previous.site.replacingArticles(replacements)
        let contexts = previous.contexts.updating(site, changed: changedIndexes)
        let dirty = Self.pagesShowing(changedIndexes, in: site, before: previous.site)
        guard !dirty.files.contains("sitemap.xml") else { return nil }
        clock.lap("Model")

        // Plan: only the pages that show an edited article, and the search files that changed
        var plan = PagePlan(contexts: contexts)
        plan.only = dirty.routes
        let feeds = FeedPlan(contexts: contexts)
        var specs = plan.pages() + feeds.feeds(only: dirty.files)
        if dirty.files.contains("news-sitemap.xml") { specs.append(feeds.newsSitemap()) }
        let searchIndex = SearchIndex(site: site)
        var documents = previous.searchState.documents
        do throws(SitegenError) {
            for index in changedIndexes { documents[index] = try searchIndex.documents(of: index..<index + 1)[0] }
        } catch {
            return .failure(BuildFailure(errors: [error], warnings: warnings))
        }
        var touched = Set<String>()
        let searchState = previous.searchState.updating(changedIndexes, to: documents, touched: &touched)
        let shards = SearchIndex.shards(searchState, reusing: previous.searchShards, touched: touched)
        guard shards.count == previous.searchShards.count else { return nil }
        let searchFiles = searchIndex.editedFiles(shards: shards, previous: previous.searchShards, edited: changedIndexes)
        let makesJSONFeed = changedIndexes.contains { $0 < FeedPlan.feedSize }
        clock.lap("Plan")

        // Render and write, as a full build does, into the files the last build listed
        let manifestPath = paths.output.path + "/" + Manifest.fileName
        guard FileStamp(path: manifestPath) == previous.manifestStamp else { return nil }
        let output: StagedOutput
        do {
            guard let resumed = try SiteWriter(paths: paths).resume(manifest: previous.manifest) else { return nil }
            output = resumed
        } catch {
            return .failure(BuildFailure(errors: [error], warnings: warnings))
        }
        let staged = specs.reduce(searchFiles.count + (makesJSONFeed ? 1 : 0)) { $0 + $1.outputs.count }
        output.countUnchanged(previous.fileCount - staged)
        let log = RenderLog()
        let result = PageRenderer(templates: previous.theme).render(specs) { page throws(SitegenError) in
            log.record(page.path, size: page.contents.count)
            try output.stage(page)
        }.flatMap { _ -> Result<Void, BuildFailure> in
            Result { () throws(SitegenError) in
                for file in searchFiles { try output.stage(file) }
                if makesJSONFeed {
                    let jsonFeed = try feeds.jsonFeed()
                    log.record(jsonFeed.path, size: jsonFeed.contents.count)
                    try output.stage(jsonFeed)
                }
            }.mapError { BuildFailure(errors: [$0], warnings: []) }
        }
        clock.lap("Render")
        if case .failure(let failure) = result {
            output.abandon()
            return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }
        var report = BuildReport(
            files: previous.fileCount, articles: site.articles.count, written: 0, unchanged: 0, removed: 0,
            warnings: warnings, stageTimes: [])
        switch output.commit() {
        case .success(let summary):
            report.record(summary)
        case .failure(let failure):
            trustsOutput = false  // some files may have moved: the next build is a full one
            return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }

        // What the next build starts from
        for (path, file) in reparsed { files[path] = file }
        previous.site = site
        previous.contexts = contexts
        for spec in specs { previous.fingerprints[spec.outputs[0].path] = nil }  // see `run`: rendered pages lose theirs
        for (path, size) in log.results.sizes { previous.sizes[path] = size }
        for index in changedIndexes {
            let path = site.articles[index].sourcePath
            previous.searchDocuments[path] = (stamps[path]!, documents[index])
        }
        previous.searchState = searchState
        previous.searchShards = shards
        previous.warnings = warnings
        previous.manifestStamp = FileStamp(path: manifestPath)
        committed = previous
        clock.lap("Write")
        report.stageTimes = clock.laps
        return .success(report)
    }
}
