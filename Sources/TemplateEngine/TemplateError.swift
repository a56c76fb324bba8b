/// An error in a template, found while compiling or rendering it, with its position.
///
/// Its description is one compiler-style line:
/// `article.html:12:5: error: unknown key 'titel' (did you mean 'title'?)`.
/// Callers that know the template's file add the path themselves.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The template's name, as given to ``Template/init(_:name:)`` or ``TemplateLibrary``.
    public var template: String
    /// The 1-based line of the tag at fault, or 0 when the error concerns the template as a whole.
    public var line: Int
    /// The 1-based column of the tag at fault, counted in `Character`s, or 0 with `line` 0.
    public var column: Int
    /// What went wrong, in lowercase, with the offending value in single quotes.
    public var message: String

    /// Creates an error from its parts.
    public init(template: String, line: Int, column: Int, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    /// `template:line:column: error: message`, or `template: error: message` without a position.
    public var description: String {
        line > 0
            ? "\(template):\(line):\(column): error: \(message)"
            : "\(template): error: \(message)"
    }
}

/// Every error found in a ``TemplateLibrary``'s templates, sorted by template, line and column.
public struct TemplateLibraryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The errors, sorted by template name, then line, then column.
    public var errors: [TemplateError]

    /// Creates the error from a list of errors, which it sorts.
    public init(errors: [TemplateError]) {
        self.errors = errors.sorted {
            ($0.template, $0.line, $0.column, $0.message) < ($1.template, $1.line, $1.column, $1.message)
        }
    }

    /// One line per error.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// A 1-based line and column (in `Character`s) in a template's text.
struct TemplatePosition: Equatable, Sendable, CustomStringConvertible {
    var line: Int
    var column: Int

    var description: String { "\(line):\(column)" }
}

extension TemplateError {
    /// Why a template failed; turned into `message` in one place.
    enum Reason: Equatable {
        case unclosedTag(expected: String)
        case missingName(tag: String)
        case invalidName(String, why: String)
        case invalidDelimiters(String)
        case unclosedContainer(kind: String, name: String, expectedClose: String)
        case mismatchedClose(close: String, open: String, openedAt: TemplatePosition)
        case unexpectedClose(close: String)
        case unknownPartial(String, suggestion: String?)
        case unknownParent(String, suggestion: String?)
        case unknownTemplate(String, suggestion: String?)
        case unknownKey(String, suggestion: String?)
        case notInterpolatable(name: String, kind: String)
        case tooDeep(kind: String, name: String, limit: Int)
        case nestedTooDeeply(kind: String, name: String, limit: Int)
    }

    /// Creates an error for `reason` at `position` (or for the whole template when `nil`).
    init(_ reason: Reason, template: String, at position: TemplatePosition?) {
        self.init(
            template: template,
            line: position?.line ?? 0,
            column: position?.column ?? 0,
            message: reason.message
        )
    }
}

extension TemplateError.Reason {
    fileprivate var message: String {
        switch self {
        case .unclosedTag(let expected):
            "unclosed tag (expected '\(expected)')"
        case .missingName(let tag):
            "missing name in '\(tag)'"
        case .invalidName(let name, let why):
            "invalid name '\(name)' (\(why))"
        case .invalidDelimiters(let text):
            "invalid delimiters '\(text)' (expected two delimiters without '=' or spaces, like '{{=<% %>=}}')"
        case .unclosedContainer(let kind, let name, let expectedClose):
            "unclosed \(kind) '\(name)' (opened here; expected '\(expectedClose)')"
        case .mismatchedClose(let close, let open, let openedAt):
            "'\(close)' does not close '\(open)' opened at \(openedAt)"
        case .unexpectedClose(let close):
            "'\(close)' closes nothing (no section is open)"
        case .unknownPartial(let name, let suggestion):
            "unknown partial '\(name)'" + hint(suggestion)
        case .unknownParent(let name, let suggestion):
            "unknown parent '\(name)'" + hint(suggestion)
        case .unknownTemplate(let name, let suggestion):
            "unknown template '\(name)'" + hint(suggestion)
        case .unknownKey(let name, let suggestion):
            "unknown key '\(name)'" + hint(suggestion)
        case .notInterpolatable(let name, let kind):
            "cannot interpolate '\(name)', which is \(kind) (use '{{#\(name)}}...{{/\(name)}}')"
        case .tooDeep(let kind, let name, let limit):
            "\(kind) '\(name)' nested more than \(limit) levels deep (does it include itself?)"
        case .nestedTooDeeply(let kind, let name, let limit):
            "\(kind) '\(name)' is nested more than \(limit) levels deep in its template"
        }
    }

    private func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}
