import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Maps request paths to files inside the output folder, and nothing outside it.
///
/// The raw (percent-encoded) path is decoded exactly once. A path with a `.` or `..`
/// segment, a NUL, a backslash, or a hidden segment (the manifest, temporary files) is not
/// found. The site is mounted at its base path (`/` or e.g. `/news/`), as its links expect;
/// `/` redirects there.
/// After symbolic links are resolved, the file must still lie inside the output folder.
struct OutputFiles: Sendable {
    /// The output folder.
    let root: URL

    /// What a request path leads to.
    enum Lookup: Equatable, Sendable {
        /// A regular file inside the output folder (symbolic links resolved).
        case file(URL)
        /// A folder asked for without its trailing slash: redirect to this path.
        case redirect(String)
        case notFound
    }

    /// Looks up a raw request path such as `/2025/11/24/truce/` or `/news/%C3%A9t%C3%A9.png`.
    func lookup(rawPath: String, basePath: String) -> Lookup {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .notFound }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return .notFound }
        for segment in decoded.split(separator: "/") {
            if segment == "." || segment == ".." { return .notFound }
            if segment.hasPrefix("."), segment != ".well-known" { return .notFound }
        }
        if decoded + "/" == basePath || decoded == "/" && basePath != "/" { return .redirect(basePath) }
        guard decoded.hasPrefix(basePath) else { return .notFound }
        let relative = String(decoded.dropFirst(basePath.count))
        guard let folder = Self.realPath(root.path) else { return .notFound }
        let wanted = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        guard let real = Self.realPath(folder + "/" + wanted), real.hasPrefix(folder + "/") else { return .notFound }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return .file(URL(fileURLWithPath: real))
        case S_IFDIR:
            let index = Self.realPath(real + "/index.html")
            guard let index, index.hasPrefix(folder + "/") else { return .notFound }
            return .redirect(rawPath + "/")
        default:
            return .notFound
        }
    }

    /// The site's own not-found page, if the build wrote one.
    func notFoundPage() -> URL? {
        guard let folder = Self.realPath(root.path), let real = Self.realPath(folder + "/404.html"),
            real.hasPrefix(folder + "/")
        else { return nil }
        return URL(fileURLWithPath: real)
    }

    /// The canonical absolute path with every symbolic link resolved, or nil when it does
    /// not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The `Content-Type` for a file name.
    static func contentType(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.split(separator: ".").count > 1 ? name.split(separator: ".").last!.lowercased() : ""
        return contentTypes[ext] ?? "application/octet-stream"
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
    ]
}
