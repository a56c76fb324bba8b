/// A place in a project file, printed as `path:line:column`.
///
/// `path` is relative to the project root. `line` and `column` are 1-based; columns count
/// Characters (extended grapheme clusters), as an editor shows them.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The project-relative path, e.g. `Content/articles/budget.md`.
    public var path: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Characters.
    public var column: Int

    /// Creates a location; line and column default to the start of the file.
    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`.
    public var description: String { "\(path):\(line):\(column)" }

    /// Orders by path, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    /// The location `lines` lines further down, used to map body findings to the file.
    func offset(lines: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column)
    }
}
