/// One problem found in the user's content, templates or folders, printed compiler style:
/// `Content/articles/budget.md:3:9: error: unknown leader 'jsmith' (did you mean 'j-smith'?)`.
public struct SitegenError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Whether the problem stops the build.
    public enum Severity: String, Sendable, Equatable { case error, warning }

    /// Where the problem is; `nil` for problems with no file (a refused output folder).
    public var location: SourceLocation?
    /// What the problem is.
    public var reason: Reason
    /// `.error` stops the build; `.warning` is printed only.
    public var severity: Severity

    /// Creates a diagnostic.
    public init(_ reason: Reason, at location: SourceLocation?, severity: Severity = .error) {
        self.reason = reason
        self.location = location
        self.severity = severity
    }

    /// Creates a warning.
    static func warning(_ reason: Reason, at location: SourceLocation?) -> SitegenError {
        SitegenError(reason, at: location, severity: .warning)
    }

    /// Orders diagnostics by file, line and column; those without a location first.
    static func byLocation(_ lhs: SitegenError, _ rhs: SitegenError) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: return lhs.description < rhs.description
        }
    }

    /// The one-line diagnostic.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(reason.message)"
    }

    /// Every kind of problem sitegen reports.
    public enum Reason: Equatable, Sendable {
        case unreadableFile(String)
        /// A file read again during the build (an article's body) is not as it was parsed.
        case changedDuringBuild
        case invalidUTF8(byteOffset: Int)
        case fileTooLarge(bytes: Int, limit: Int)
        case unterminatedFrontMatter
        case invalidYAML(String)
        case frontMatterNotMapping
        case missingKey(String, expected: String)
        case wrongType(key: String, expected: String)
        case unknownKey(String, hint: String)
        case invalidDate(String)
        case missingDateLine
        case missingRawText
        case unknownLeader(String, hint: String)
        case unknownTopic(String, hint: String)
        case invalidSlug(String)
        case invalidURL(String, key: String)
        case invalidID(String)
        case duplicateURL(String, firstDefinedAt: String)
        case emptyTitle
        case draftSkipped
        case unsafeHTMLEnabled
        case template(String)
        case missingTemplate(String)
        case outputRefused(String, why: String)
        case outputConflict(String)
        case writeFailed(String, why: String)
        /// A warning of an earlier build, shown again when a build finds nothing changed.
        case remembered(String)
    }

    /// What went wrong, without location or severity.
    var message: String { reason.message }
}

/// A build stopped by one or more errors; nothing was written.
public struct BuildFailure: Error, Sendable {
    /// Every error found, sorted by location.
    public var errors: [SitegenError]
    /// Warnings found before the build stopped.
    public var warnings: [SitegenError]
}

extension SitegenError.Reason {
    fileprivate var message: String {
        switch self {
        case .unreadableFile(let why):
            return "cannot read file: \(why)"
        case .changedDuringBuild:
            return "file changed during the build, after it was read (hint: build again)"
        case .invalidUTF8(let offset):
            return "invalid UTF-8 at byte offset \(offset) (expected text encoded as UTF-8)"
        case .fileTooLarge(let bytes, let limit):
            return "file is \(bytes) bytes, over the limit of \(limit) bytes "
                + "(hint: raise 'max_file_size' in Content/site.yml if this is intended)"
        case .unterminatedFrontMatter:
            return "front matter is not closed (expected a line '---' after the YAML block)"
        case .invalidYAML(let problem):
            return "invalid YAML: \(problem)"
        case .frontMatterNotMapping:
            return "front matter must be a mapping of keys to values (expected 'key: value' lines)"
        case .missingKey(let key, let expected):
            return "missing required key '\(key)' (expected \(expected))"
        case .wrongType(let key, let expected):
            return "wrong type for '\(key)' (expected \(expected))"
        case .unknownKey(let key, let hint):
            return "unknown key '\(key)' is ignored\(hint)"
        case .invalidDate(let text):
            return "invalid date '\(text)' (expected YYYY-MM-DD or an ISO 8601 date-time "
                + "such as 2025-11-24T21:30:00-05:00)"
        case .missingDateLine:
            return "raw text has no date (expected the first line to start 'date YYYY-MM-DD', "
                + "or a front matter block with 'date:')"
        case .missingRawText:
            return "raw text has no text after the date (expected the first paragraph on the date line, "
                + "such as 'date 2025-03-02 Prime Minister X arrived in Y on Sunday', or a 'title:' in front matter)"
        case .unknownLeader(let id, let hint):
            return "unknown leader '\(id)'\(hint)"
        case .unknownTopic(let id, let hint):
            return "unknown topic '\(id)'\(hint)"
        case .invalidSlug(let slug):
            return "invalid slug '\(slug)' (expected lowercase letters a-z, digits and hyphens, "
                + "such as 'trade-truce')"
        case .invalidURL(let url, let key):
            return "unsupported URL '\(url)' in '\(key)' (expected an http: or https: URL, or a path from the "
                + "site root such as /images/photo.jpg)"
        case .invalidID(let id):
            return "invalid file name '\(id)' (expected lowercase letters a-z, digits and hyphens, "
                + "such as 'xi-jinping.md')"
        case .duplicateURL(let url, let first):
            return "duplicate URL '\(url)', already used by \(first) "
                + "(hint: set a different 'slug' in one of them)"
        case .emptyTitle:
            return "empty title (expected a headline in 'title')"
        case .draftSkipped:
            return "draft skipped (build with --drafts to include it)"
        case .unsafeHTMLEnabled:
            return "'unsafe_html: true' lets raw HTML and script links from articles into the site"
        case .template(let message):
            return message
        case .missingTemplate(let name):
            return "missing template '\(name).mustache' (expected it in the templates folder)"
        case .outputRefused(let path, let why):
            return "refusing to use '\(path)' as the output folder: \(why)"
        case .outputConflict(let path):
            return "'\(path)' exists in the output folder and was not written by sitegen "
                + "(hint: move it away, or delete it if it is not yours)"
        case .writeFailed(let path, let why):
            return "cannot write '\(path)': \(why)"
        case .remembered(let message):
            return message
        }
    }
}
