/// Every page of the site and where it lives. The one place that knows URL shapes
/// (DESIGN §3): pretty URLs, each page a folder with `index.html` and `index.md`.
enum Route: Hashable, Sendable {
    case home(page: Int)
    case article(NewsDate, Slug)
    case year(Int)
    case month(Int, Int)
    case leaders
    case leader(Slug, page: Int)
    case topics
    case topic(Slug, page: Int)
    case search
    case notFound

    /// The folder path relative to the site root, with a trailing slash, or `""` for the home
    /// page; for `.notFound` the file name itself.
    var path: String {
        switch self {
        case .home(let page): return Self.paged("", page)
        case .article(let date, let slug):
            let capacity = PaddedText.length(of: date.year, width: 4) + 8 + slug.rawValue.utf8.count + 1
            return PaddedText.make(capacity: capacity) { text in
                text.append(date.year, width: 4)
                text.append(byte: UInt8(ascii: "/"))
                text.append(date.month, width: 2)
                text.append(byte: UInt8(ascii: "/"))
                text.append(date.day, width: 2)
                text.append(byte: UInt8(ascii: "/"))
                text.append(slug.rawValue)
                text.append(byte: UInt8(ascii: "/"))
            }
        case .year(let year): return "\(PaddedText.padded(year, width: 4))/"
        case .month(let year, let month): return "\(PaddedText.padded(year, width: 4))/\(PaddedText.padded(month))/"
        case .leaders: return "leaders/"
        case .leader(let id, let page): return Self.paged("leaders/\(id)/", page)
        case .topics: return "topics/"
        case .topic(let id, let page): return Self.paged("topics/\(id)/", page)
        case .search: return "search/"
        case .notFound: return "404.html"
        }
    }

    /// The output file for a format: `…/index.html` or `…/index.md`.
    func file(_ format: PageFormat) -> String {
        if case .notFound = self { return format == .html ? "404.html" : "404.md" }
        return path + "index." + format.rawValue
    }

    private static func paged(_ base: String, _ page: Int) -> String {
        page <= 1 ? base : base + "page/\(page)/"
    }
}

/// The two formats of every page.
enum PageFormat: String, Sendable, CaseIterable {
    case html
    case md
}
