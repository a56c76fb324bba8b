/// Turns routes into links that work from `/` or from a sub-path such as `/news/`.
struct SiteLinks: Sendable {
    /// Absolute URL of the site root, ending in `/`.
    let baseURL: String
    /// Path of the site root, e.g. `/` or `/news/`.
    let basePath: String

    init(config: SiteConfig) {
        baseURL = config.baseURL
        basePath = config.basePath
    }

    /// Root-relative link to a page, e.g. `/news/2025/11/24/truce/`.
    func href(_ route: Route) -> String { basePath + route.path }

    /// Root-relative link to a page's Markdown twin.
    func markdownHref(_ route: Route) -> String { basePath + route.file(.md) }

    /// Root-relative link to any file, e.g. `assets/site.css`.
    func href(file: String) -> String { basePath + file }

    /// Absolute URL of a page, for canonical links, feeds and sitemaps.
    func absolute(_ route: Route) -> String { baseURL + route.path }

    /// Absolute URL of any file.
    func absolute(file: String) -> String { baseURL + file }
}
