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
    /// Nil when the change is not such an edit; the caller then runs a full build. Found before
    /// anything is changed: a path that is not a known article file (other than one that came
    /// and went unseen), a file that fails to parse or check (the full build reports it), an
    /// article whose date, slug, leaders, topics, posts or draft state changed, a changed
    /// `updated` date (every sitemap changes), a manifest that changed on disk, or a killed
    /// build's temporaries. Found after the last build was changed in place, so that the full
    /// build renders every page: a search shard that came or went.
    func runEdit(_ changed: [String]) -> Result<BuildReport, BuildFailure>? {
        guard var previous = last else { return nil }
        // The last build is changed in place (not copied: its model, list values and search
        // index are a few hundred MB at 50,000 articles). Until it is, a return keeps it as it
        // was; from then on, a failure leaves nothing to trust and the next build is a full one.
        last = nil
        var keepsLast = true
        defer { last = keepsLast ? previous : nil }
        var clock = StageClock()
        let paths = options.paths
        // A path that is not there, that the last build did not read and that held nothing it
        // read (an editor's temporary file, come and gone) changes nothing. Anything else that
        // is not a path (a watcher's note that events were lost) is not an edit.
        let read = Set(previous.sharedInputs.map(\.path))
        func cameAndWent(_ path: String) -> Bool {
            guard path.hasPrefix("/"), files[path] == nil, !read.contains(path), access(path, F_OK) != 0 else { return false }
            let folder = path + "/"
            return !files.keys.contains { $0.hasPrefix(folder) } && !read.contains { $0.hasPrefix(folder) }
        }
        let edited = Set(changed.filter { !cameAndWent($0) })
        guard !edited.isEmpty,
            edited.allSatisfy({ files[$0] != nil && previous.articleIndexes[paths.displayPath($0)] != nil })
        else {
            return nil
        }

        // Parse and check the edited files only
        let reader = ContentLoader(paths: paths, maxFileSize: previous.config.maxFileSize)
        let articleParser = ArticleParser(
            renderer: MarkdownRenderer(options: previous.config.unsafeHTML ? .unsafe : []), keptHTML: KeptHTML.Budget())
        var reparsed: [String: RememberedFile] = [:]
        var stamps: [String: FileStamp] = [:]  // by source path, as articles name their files
        var versions: [Int: (before: Article, after: Article)] = [:]
        var diagnostics: [SitegenError] = []
        for path in edited.sorted() {
            let stamp = FileStamp(path: path)
            guard stamp.exists, case .success(let file) = reader.read(URL(fileURLWithPath: path)) else { return nil }
            let outcome = path.hasSuffix(".txt") ? RawTextParser().parse(file) : articleParser.parse(file)
            guard let parsed = outcome.value else { return nil }
            let checked = previous.checker.check(parsed)
            let index = previous.articleIndexes[parsed.sourcePath]!
            let before = previous.site.articles[index]
            guard let article = checked.article, !checked.diagnostics.contains(where: { $0.severity == .error }),
                let textChanged = Self.textChange(from: before, to: article)
            else { return nil }
            reparsed[path] = RememberedFile(stamp: stamp, outcome: outcome, checked: checked)
            stamps[parsed.sourcePath] = stamp
            if textChanged { versions[index] = (before, article) }
            diagnostics += outcome.diagnostics + checked.diagnostics
        }
        let shownEdited = Set(edited.map(paths.displayPath))
        let warnings = (previous.warnings.filter { !shownEdited.contains($0.location?.path ?? "") } + diagnostics)
            .sorted(by: SitegenError.byLocation)
        clock.lap("Parse")

        // Model: the pages that show the edited articles (the same in the last site and the
        // new one), then the new versions put into the last site and list values
        let changedIndexes = Set(versions.keys)
        let dirty = Self.pagesShowing(versions, in: previous.site)
        guard !dirty.files.contains("sitemap.xml") else { return nil }
        let manifestPath = paths.output.path + "/" + Manifest.fileName
        guard FileStamp(path: manifestPath) == previous.manifestStamp else { return nil }
        let output: StagedOutput
        do {
            guard let resumed = try SiteWriter(paths: paths).resume(manifest: previous.manifest) else { return nil }
            output = resumed
        } catch {
            return .failure(BuildFailure(errors: [error], warnings: warnings))
        }
        keepsLast = false
        previous.contexts.replaceArticles(versions.mapValues(\.after))
        let contexts = previous.contexts
        let site = contexts.site
        clock.lap("Model")

        // Plan: only the pages that show an edited article, and the search files that changed
        var plan = PagePlan(contexts: contexts)
        plan.only = dirty.routes
        let feeds = FeedPlan(contexts: contexts)
        var specs = plan.pages() + feeds.feeds(only: dirty.files)
        if dirty.files.contains("news-sitemap.xml") { specs.append(feeds.newsSitemap()) }
        let searchIndex = SearchIndex(site: site)
        var documents: [Int: SearchIndex.Document] = [:]
        do throws(SitegenError) {
            for index in changedIndexes { documents[index] = try searchIndex.documents(of: index..<index + 1)[0] }
        } catch {
            return .failure(BuildFailure(errors: [error], warnings: warnings))
        }
        var touched = Set<String>()
        previous.searchState.replaceDocuments(documents, touched: &touched)
        let shards = SearchIndex.shards(previous.searchState, reusing: previous.searchShards, touched: touched)
        guard shards.count == previous.searchShards.count else { return nil }  // files come or go: a full build
        let searchFiles = searchIndex.editedFiles(shards: shards, previous: previous.searchShards, edited: changedIndexes)
        let makesJSONFeed = changedIndexes.contains { $0 < FeedPlan.feedSize }
        clock.lap("Plan")

        // Render and write, as a full build does, into the files the last build listed
        let staged = specs.reduce(searchFiles.count + (makesJSONFeed ? 1 : 0)) { $0 + $1.outputs.count }
        output.countUnchanged(previous.fileCount - staged)
        let log = RenderLog()
        let result = PageRenderer(templates: previous.theme).render(specs) { page throws(SitegenError) in
            log.record(page.path, size: page.contents.count)
            try output.stage(page)
        }.flatMap { _ -> Result<Void, BuildFailure> in
            Result { () throws(SitegenError) in
                for file in searchFiles { try output.stage(file) }
                if makesJSONFeed { try log.stageJSONFeed(of: feeds, into: output) }
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
            return .failure(BuildFailure(errors: failure.errors, warnings: warnings))
        }

        // What the next build starts from
        for (path, file) in reparsed { files[path] = file }
        for spec in specs { previous.fingerprints[spec.outputs[0].path] = nil }  // see `run`: rendered pages lose theirs
        for (path, size) in log.results.sizes { previous.sizes[path] = size }
        for (index, document) in documents {
            let path = site.articles[index].sourcePath
            previous.searchDocuments[path] = (stamps[path]!, document)
        }
        previous.searchShards = shards
        previous.warnings = warnings
        previous.manifestStamp = FileStamp(path: manifestPath)
        keepsLast = true
        clock.lap("Write")
        report.stageTimes = clock.laps
        return .success(report)
    }
}
