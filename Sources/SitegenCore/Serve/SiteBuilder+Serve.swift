import Foundation

/// What `sitegen serve` needs to know about a project besides building it.
extension SiteBuilder {
    /// The path part of the site's URL (`/`, or e.g. `/news/`), from `--base-url` or
    /// `site.yml`: where the site's links expect it to be served. `/` when `site.yml`
    /// cannot be read (the build reports why).
    public func basePath() -> String {
        let loader = ContentLoader(paths: options.paths, maxFileSize: SiteConfig().maxFileSize)
        var ignored: [SitegenError] = []
        let file = loader.readSiteConfig(diagnostics: &ignored)
        return SiteConfigParser().parse(file, baseURLOverride: options.baseURL).0.basePath
    }
}

extension ProjectPaths {
    /// The output folder.
    public var outputFolder: URL { output }

    /// The folders whose changes change the site: content and templates.
    public var sourceFolders: [URL] { [content, templates] }

    /// A path as diagnostics print it: relative to the project root when inside it.
    public func displayPath(_ path: String) -> String { display(URL(fileURLWithPath: path)) }
}
