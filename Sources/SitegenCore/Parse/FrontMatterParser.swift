import Yams

/// A file split into its YAML front matter and its body.
struct SplitSource {
    /// The parsed front matter; empty when the file has none.
    var frontMatter: FrontMatter
    /// The text after the closing `---`.
    var body: String
    /// The 1-based line on which the body starts.
    var bodyStartLine: Int
    /// Whether the file had a front matter block.
    var hasFrontMatter: Bool
}

/// Splits `---`-delimited YAML front matter from a body and parses it with Yams.
struct FrontMatterParser {
    /// Splits `file`. A file that does not start with `---` has no front matter.
    /// - Throws: `SitegenError` for an unclosed block or invalid YAML, located in the file.
    func parse(_ file: SourceFile) throws(SitegenError) -> SplitSource {
        let text = file.text
        guard text.hasPrefix("---\n") || text == "---" else {
            return SplitSource(frontMatter: FrontMatter(path: file.path), body: text, bodyStartLine: 1, hasFrontMatter: false)
        }
        let lines = text.lines
        guard let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" || lines[$0] == "..." }) else {
            throw SitegenError(.unterminatedFrontMatter, at: SourceLocation(path: file.path))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        try Self.refuseAliases(in: yaml, path: file.path, firstLine: 2)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, path: file.path, firstLine: 2)
        } catch {
            throw SitegenError(.invalidYAML("\(error)"), at: SourceLocation(path: file.path, line: 2))
        }
        let frontMatter: FrontMatter
        switch node {
        case nil:
            frontMatter = FrontMatter(path: file.path)
        case .mapping(let mapping)?:
            frontMatter = FrontMatter(path: file.path, mapping: mapping, firstLine: 2)
        case let other?:
            throw SitegenError(.frontMatterNotMapping, at: FrontMatter.location(of: other, path: file.path, firstLine: 2))
        }
        return SplitSource(frontMatter: frontMatter, body: body, bodyStartLine: close + 2, hasFrontMatter: true)
    }

    /// Parses a whole file as one YAML mapping (site.yml).
    func parseDocument(_ file: SourceFile) throws(SitegenError) -> FrontMatter {
        try Self.refuseAliases(in: file.text, path: file.path, firstLine: 1)
        let node: Node?
        do {
            node = try Yams.compose(yaml: file.text)
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, path: file.path, firstLine: 1)
        } catch {
            throw SitegenError(.invalidYAML("\(error)"), at: SourceLocation(path: file.path))
        }
        switch node {
        case nil: return FrontMatter(path: file.path)
        case .mapping(let mapping)?: return FrontMatter(path: file.path, mapping: mapping, firstLine: 1)
        case let other?:
            throw SitegenError(.frontMatterNotMapping, at: FrontMatter.location(of: other, path: file.path, firstLine: 1))
        }
    }

    /// Throws for a YAML alias, before Yams could expand it (see `YAMLAliases`).
    static func refuseAliases(in yaml: String, path: String, firstLine: Int) throws(SitegenError) {
        guard let alias = YAMLAliases.firstAlias(in: yaml) else { return }
        throw SitegenError(
            .invalidYAML("anchors and aliases are not supported (found alias '*\(alias.name)')"),
            at: SourceLocation(path: path, line: alias.line + firstLine - 1, column: alias.column))
    }

    /// Maps a Yams error to a located diagnostic; lines are shifted by where the YAML starts.
    static func diagnostic(for error: YamlError, path: String, firstLine: Int) -> SitegenError {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            // At the end of the YAML, where an unclosed quote or bracket is found, the start of
            // what is unclosed says more than the end of the block.
            if let context, problem.contains("end of stream") {
                return SitegenError(.invalidYAML(detail + " that starts here and is never closed"), at: at(context.mark))
            }
            return SitegenError(.invalidYAML(detail), at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return SitegenError(.invalidYAML("duplicate key \(keys)"), at: at(context.mark))
        case .reader(let problem, _, _, _):
            return SitegenError(.invalidYAML(problem), at: SourceLocation(path: path, line: firstLine))
        default:
            return SitegenError(.invalidYAML("\(error)"), at: SourceLocation(path: path, line: firstLine))
        }
    }
}
