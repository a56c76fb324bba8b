import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Why `sitegen new` created nothing.
public struct ScaffoldError: Error, Equatable, CustomStringConvertible {
    /// `usage`: a bad title, date, slug or id (exit 64); `exists`: the file is already
    /// there (exit 1); `io`: it could not be written (exit 1).
    public enum Kind: Sendable, Equatable { case usage, exists, io }

    /// What kind of refusal this is.
    public var kind: Kind
    /// The message, without an `error:` prefix.
    public var description: String
}

/// Creates new content files with their front matter filled in (`sitegen new`), and never
/// overwrites one: the file is created with `O_EXCL`.
public struct ContentScaffold: Sendable {
    /// The project's folders.
    public let options: BuildOptions

    /// Creates a scaffold for the project `options` name.
    public init(options: BuildOptions) { self.options = options }

    /// Creates `Content/articles/YYYY/<slug>.md` as a draft; returns its project-relative path.
    /// `date` is `YYYY-MM-DD` or an ISO 8601 date-time; `slug` defaults to one from the title.
    public func article(
        title: String, date: String, slug: String? = nil, leaders: [String] = [], topics: [String] = []
    ) throws(ScaffoldError) -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw usage(SitegenError.Reason.emptyTitle) }
        guard let newsDate = NewsDate(parsing: date) else { throw usage(.invalidDate(date)) }
        let resolvedSlug: Slug
        if let slug {
            guard let valid = Slug(validating: slug) else { throw usage(.invalidSlug(slug)) }
            resolvedSlug = valid
        } else {
            resolvedSlug = Slug(deriving: title)
        }
        try check(leaders, known: ids(in: "leaders"), unknown: { .unknownLeader($0, hint: $1) })
        try check(topics, known: ids(in: "topics"), unknown: { .unknownTopic($0, hint: $1) })
        var lines = ["---", "title: \(Self.quoted(title))", "date: \(date)", "slug: \(resolvedSlug)"]
        if !leaders.isEmpty { lines.append("leaders: [\(leaders.joined(separator: ", "))]") }
        if !topics.isEmpty { lines.append("topics: [\(topics.joined(separator: ", "))]") }
        lines += [
            "draft: true", "---",
            "Write the article here, in Markdown. The first paragraph becomes the summary unless the",
            "front matter sets `summary`. Remove `draft: true` to publish it.", "",
        ]
        let year = String(newsDate.year)
        return try create("articles/\(String(repeating: "0", count: max(0, 4 - year.count)) + year)/\(resolvedSlug).md",
                          lines.joined(separator: "\n"))
    }

    /// Creates `Content/leaders/<id>.md`; returns its project-relative path.
    public func leader(id: String, name: String? = nil) throws(ScaffoldError) -> String {
        guard let slug = Slug(validating: id) else { throw usage(.invalidID(id)) }
        let name = name ?? Self.name(from: slug)
        let text = [
            "---", "name: \(Self.quoted(name))", "role: \"\"", "country: \"\"", "aliases: [\(Self.quoted(name))]",
            "handles: []", "---", "A short biography of \(name), in Markdown.", "",
        ]
        return try create("leaders/\(slug).md", text.joined(separator: "\n"))
    }

    /// Creates `Content/topics/<id>.md`; returns its project-relative path.
    public func topic(id: String, name: String? = nil) throws(ScaffoldError) -> String {
        guard let slug = Slug(validating: id) else { throw usage(.invalidID(id)) }
        let name = name ?? Self.name(from: slug)
        let keywords = Array(Set([name, name.lowercased()])).sorted().map(Self.quoted)
        let text = [
            "---", "name: \(Self.quoted(name))", "keywords: [\(keywords.joined(separator: ", "))]", "---",
            "An explainer of \(name.lowercased()), in Markdown: what is at stake and why it matters.", "",
        ]
        return try create("topics/\(slug).md", text.joined(separator: "\n"))
    }

    /// `xi-jinping` → `Xi Jinping`.
    static func name(from id: Slug) -> String {
        id.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// A YAML double-quoted scalar: safe for any text, colons and quotes included.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += String(format: "\\x%02X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private func usage(_ reason: SitegenError.Reason) -> ScaffoldError {
        let line = SitegenError(reason, at: nil).description
        return ScaffoldError(kind: .usage, description: String(line.dropFirst("error: ".count)))
    }

    /// Leader or topic ids: the `.md` file names in `Content/<folder>/`.
    private func ids(in folder: String) -> [String] {
        let loader = ContentLoader(paths: options.paths, maxFileSize: SiteConfig().maxFileSize)
        return loader.files(under: options.paths.content.appendingPathComponent(folder), extensions: ["md"])
            .map { $0.deletingPathExtension().lastPathComponent }
    }

    private func check(
        _ ids: [String], known: [String], unknown: (String, String) -> SitegenError.Reason
    ) throws(ScaffoldError) {
        for id in ids where !known.contains(id) {
            throw usage(unknown(id, Suggestion.hint(for: id, known: known)))
        }
    }

    /// Writes a new file below `Content/`, refusing one that exists.
    private func create(_ relative: String, _ text: String) throws(ScaffoldError) -> String {
        let url = options.paths.content.appendingPathComponent(relative)
        let shown = options.paths.display(url)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ScaffoldError(kind: .io, description: "cannot create the folder for '\(shown)': \(error.localizedDescription)")
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw ScaffoldError(kind: .exists, description: "'\(shown)' already exists; it was not overwritten "
                    + "(hint: choose another title, slug or id, or edit the file)")
            }
            throw ScaffoldError(kind: .io, description: "cannot write '\(shown)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            unlink(url.path)
            throw ScaffoldError(kind: .io, description: "cannot write '\(shown)': \(String(cString: strerror(errno)))")
        }
        return shown
    }
}
