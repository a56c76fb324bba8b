/// Which front matter URLs may stand in an `href` or `src` (`image`, `source.url`).
///
/// A URL from content is hostile until checked: escaping keeps it inside its attribute, but
/// `javascript:alert(1)` escaped is still a script link. sitegen allows only an absolute
/// `http:` or `https:` URL (scheme in any case) or a path from the site root (`/images/a.jpg`,
/// not `//host/…` or `/\host`, which browsers read as another host). Anything else is an
/// error located at the value: failing loudly beats publishing a silently dropped link.
enum LinkURL {
    /// Whether `text` is an allowed URL: `http://…`, `https://…` or `/…`, with no white space
    /// or control character anywhere (browsers strip some of them before reading a scheme).
    static func isAllowed(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
        else { return false }
        let lower = text.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) { return lower.count > scheme.count }
        if lower.hasPrefix("/") { return !lower.hasPrefix("//") && !lower.hasPrefix("/\\") }
        return false
    }
}

extension FrontMatterReader {
    /// `url` when it is allowed; otherwise nil and an `invalidURL` error at `location`.
    mutating func checkedLink(_ url: String?, key: String, at location: SourceLocation) -> String? {
        guard let url else { return nil }
        guard LinkURL.isAllowed(url) else {
            diagnostics.append(SitegenError(.invalidURL(url, key: key), at: location))
            return nil
        }
        return url
    }

    /// Where the value of `inner` stands inside the mapping under `key`, such as `source.url`;
    /// the mapping's own location when it cannot be found.
    func location(of inner: String, in key: String) -> SourceLocation {
        guard let entry = frontMatter[key], case .mapping(let mapping) = entry.node else { return location(of: key) }
        for (position, (name, value)) in mapping.enumerated() where name.string == inner {
            if position < entry.itemLocations.count { return entry.itemLocations[position] }
            return FrontMatter.location(of: value, path: frontMatter.path, firstLine: frontMatter.firstLine)
        }
        return entry.valueLocation
    }
}
