import Foundation
import TemplateEngine

/// The theme: compiled templates plus the asset files copied to `/assets/`.
struct LoadedTemplates: Sendable {
    /// The library and its replicas, one per rendering thread (`PageRenderer`), made once
    /// for all the builds of a `SiteSession` that keep this theme.
    let replicas: TemplateLibrary.Replicas
    var library: TemplateLibrary { replicas.library }
    /// Template name → project-relative path, to locate template errors.
    var paths: [String: String]
    var assets: [StaticFile]

    init(library: TemplateLibrary, paths: [String: String], assets: [StaticFile]) {
        replicas = TemplateLibrary.Replicas(library)
        self.paths = paths
        self.assets = assets
    }
}

/// Reads `Templates/`: `*.mustache` at the top (pages and layouts) and in `partials/`, named
/// without `.mustache` and without the `partials/` folder (`partials/head.html.mustache` is
/// `head.html`), and every file under `assets/`.
struct TemplateLoader {
    var paths: ProjectPaths
    var maxFileSize: Int

    /// Template names every site needs, for both formats.
    static let pageTemplates = ["index", "article", "archive", "leaders", "leader", "topics", "topic", "search"]
    /// Single templates every site needs: the not-found page, feeds and machine files.
    static let fileTemplates = [
        "404.html", "rss.xml", "atom.xml", "sitemap.xml", "sitemap-index.xml", "news-sitemap.xml", "robots.txt", "llms.txt",
    ]

    func load() -> Result<LoadedTemplates, BuildFailure> {
        let reader = ContentLoader(paths: paths, maxFileSize: maxFileSize)
        let root = paths.templates
        var errors: [SitegenError] = []
        guard FileManager.default.fileExists(atPath: root.path) else {
            let error = SitegenError(.missingTemplate("index.html"), at: SourceLocation(path: paths.display(root)))
            return .failure(BuildFailure(errors: [error], warnings: []))
        }
        var sources: [String: String] = [:]
        var namePaths: [String: String] = [:]
        let top = reader.files(under: root, extensions: ["mustache"]).filter {
            $0.deletingLastPathComponent().standardizedFileURL.path == root.path
                || $0.deletingLastPathComponent().lastPathComponent == "partials"
        }
        for url in top {
            switch reader.read(url) {
            case .failure(let error): errors.append(error)
            case .success(let file):
                let name = String(url.lastPathComponent.dropLast(".mustache".count))
                if let existing = namePaths[name] {
                    errors.append(SitegenError(.template("template name '\(name)' is also used by \(existing)"),
                                               at: SourceLocation(path: file.path)))
                }
                sources[name] = file.text
                namePaths[name] = file.path
            }
        }
        let required = Self.pageTemplates.flatMap { page in PageFormat.allCases.map { "\(page).\($0.rawValue)" } }
        for name in required + Self.fileTemplates where sources[name] == nil {
            let expected = root.appendingPathComponent(name + ".mustache")
            errors.append(SitegenError(.missingTemplate(name), at: SourceLocation(path: paths.display(expected))))
        }
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(sources: sources)
        } catch let failure as TemplateLibraryError {
            errors += failure.errors.map { Self.diagnostic($0, paths: namePaths) }
            return .failure(BuildFailure(errors: errors, warnings: []))
        } catch {
            errors.append(SitegenError(.template("\(error)"), at: SourceLocation(path: paths.display(root))))
            return .failure(BuildFailure(errors: errors, warnings: []))
        }
        if !errors.isEmpty { return .failure(BuildFailure(errors: errors, warnings: [])) }
        let assetRoot = root.appendingPathComponent("assets")
        let assets = reader.files(under: assetRoot, extensions: nil).map { url in
            StaticFile(outputPath: "assets/" + String(url.standardizedFileURL.path.dropFirst(assetRoot.standardizedFileURL.path.count + 1)), source: url)
        }
        return .success(LoadedTemplates(library: library, paths: namePaths, assets: assets))
    }

    /// A template error located in its file.
    static func diagnostic(_ error: TemplateError, paths: [String: String]) -> SitegenError {
        let path = paths[error.template] ?? "Templates/\(error.template).mustache"
        return SitegenError(.template(error.message), at: SourceLocation(path: path, line: error.line, column: error.column))
    }
}
