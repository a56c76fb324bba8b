/// Settings from `Content/site.yml`.
struct SiteConfig: Sendable {
    var title = "News"
    var description = ""
    /// Absolute URL of the site's root, always ending in `/`.
    var baseURL = "https://example.org/"
    var language = "en"
    var publisher = "News"
    var perPage = 10
    var topicMinMentions = 2
    var unsafeHTML = false
    var maxFileSize = 5 * 1024 * 1024

    /// The path part of `baseURL`, e.g. `/` or `/news/`: the prefix of every link.
    var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    static let keys = [
        "title", "description", "base_url", "language", "publisher", "per_page", "topic_min_mentions",
        "unsafe_html", "max_file_size",
    ]

    /// `https://example.org/news` → `https://example.org/news/`.
    static func normalizedBaseURL(_ text: String) -> String? {
        guard text.hasPrefix("http://") || text.hasPrefix("https://"), !text.contains(" ") else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}

/// Reads `site.yml` into a `SiteConfig`.
struct SiteConfigParser {
    func parse(_ file: SourceFile?, baseURLOverride: String?) -> (SiteConfig, [SitegenError]) {
        var config = SiteConfig()
        var diagnostics: [SitegenError] = []
        if let file {
            do {
                let frontMatter = try FrontMatterParser().parseDocument(file)
                var reader = FrontMatterReader(frontMatter)
                config.title = reader.string("title") ?? config.title
                config.description = reader.string("description") ?? config.description
                config.language = reader.string("language") ?? config.language
                config.publisher = reader.string("publisher") ?? config.title
                config.perPage = reader.int("per_page") ?? config.perPage
                config.topicMinMentions = reader.int("topic_min_mentions") ?? config.topicMinMentions
                config.unsafeHTML = reader.bool("unsafe_html") ?? false
                config.maxFileSize = reader.int("max_file_size") ?? config.maxFileSize
                if let base = reader.string("base_url") {
                    if let normalized = SiteConfig.normalizedBaseURL(base) {
                        config.baseURL = normalized
                    } else {
                        reader.diagnostics.append(SitegenError(
                            .wrongType(key: "base_url", expected: "an absolute URL such as https://example.org/news/"),
                            at: reader.location(of: "base_url")))
                    }
                }
                if config.perPage < 1 {
                    reader.diagnostics.append(SitegenError(
                        .wrongType(key: "per_page", expected: "a whole number of at least 1"), at: reader.location(of: "per_page")))
                    config.perPage = 10
                }
                if config.unsafeHTML {
                    reader.diagnostics.append(.warning(.unsafeHTMLEnabled, at: reader.location(of: "unsafe_html")))
                }
                reader.warnAboutUnknownKeys(allowed: SiteConfig.keys)
                diagnostics += reader.diagnostics
            } catch {
                diagnostics.append(error)
            }
        }
        if let baseURLOverride {
            if let normalized = SiteConfig.normalizedBaseURL(baseURLOverride) {
                config.baseURL = normalized
            } else {
                diagnostics.append(SitegenError(
                    .wrongType(key: "--base-url", expected: "an absolute URL such as https://example.org/news/"), at: nil))
            }
        }
        return (config, diagnostics)
    }
}
