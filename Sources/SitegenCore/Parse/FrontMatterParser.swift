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
    /// Yams' default encoding, looked up once: `Parser.Encoding.default` reads the process
    /// environment each time it is asked, which cost more than parsing a small front matter.
    nonisolated(unsafe) static let encoding = Parser.Encoding.default  // an enum value, never mutated
    /// Yams' default constructor, made once (it builds its tables each time it is asked); only
    /// stored in the tags of the nodes, since sitegen reads scalars as text.
    nonisolated(unsafe) static let constructor = Constructor.default  // never mutated

    /// The YAML's node tree, as Yams composes it with its default resolver.
    static func compose(_ yaml: String) throws -> Node? {
        try composeWithBasicResolver(yaml) ?? Yams.compose(yaml: yaml, .default, constructor, encoding)
    }

    /// The tree the basic resolver composes, when it is certainly the default resolver's.
    ///
    /// To find duplicate keys, Yams resolves the tag of every plain key with the default
    /// resolver's seven regular expressions, which cost as much as the rest of the parse. With
    /// no `!` in the text (so no explicit tag), a quoted key is a string, and the basic resolver
    /// (every plain scalar a string) finds a duplicate wherever the default one does, and more
    /// (`true` and `"true"`); so nil when it fails, leaving the verdict to the default one. Nil
    /// too for a key that is not a scalar, since Yams reads the tags of a mapping key's keys to
    /// name it. Composing resolves no value's tag, and sitegen reads no key's tag.
    static func composeWithBasicResolver(_ yaml: String) -> Node? {
        guard !yaml.utf8.contains(UInt8(ascii: "!")),
            let node = try? Yams.compose(yaml: yaml, .basic, constructor, encoding), hasOnlyScalarKeys(node)
        else { return nil }
        return node
    }

    /// Whether every mapping key in the tree is a scalar.
    private static func hasOnlyScalarKeys(_ node: Node) -> Bool {
        switch node {
        case .mapping(let mapping):
            return mapping.allSatisfy { key, value in key.scalar != nil && hasOnlyScalarKeys(value) }
        case .sequence(let sequence):
            return sequence.allSatisfy(hasOnlyScalarKeys)
        case .scalar, .alias:
            return true
        }
    }

    /// Splits `file`. A file that does not start with `---` has no front matter.
    /// - Throws: `SitegenError` for an unclosed block or invalid YAML, located in the file.
    func parse(_ file: SourceFile) throws(SitegenError) -> SplitSource {
        let text = file.text
        guard text.hasPrefix("---\n") || text == "---" else {
            return SplitSource(frontMatter: FrontMatter(path: file.path), body: text, bodyStartLine: 1, hasFrontMatter: false)
        }
        guard let (yaml, body, close) = Self.split(text) else {
            throw SitegenError(.unterminatedFrontMatter, at: SourceLocation(path: file.path))
        }
        if let simple = FrontMatter(simpleYAML: yaml, path: file.path, firstLine: 2) {
            return SplitSource(frontMatter: simple, body: body, bodyStartLine: close + 2, hasFrontMatter: true)
        }
        try Self.refuseAliasesAndExplicitKeys(in: yaml, path: file.path, firstLine: 2)
        let node: Node?
        do {
            node = try Self.compose(yaml)
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
            try Self.refuseCollectionKeys(in: mapping, path: file.path, firstLine: 2)
            frontMatter = FrontMatter(path: file.path, mapping: mapping, firstLine: 2)
        case let other?:
            throw SitegenError(.frontMatterNotMapping, at: FrontMatter.location(of: other, path: file.path, firstLine: 2))
        }
        return SplitSource(frontMatter: frontMatter, body: body, bodyStartLine: close + 2, hasFrontMatter: true)
    }

    /// The YAML between the opening `---` line and the first `---` or `...` line, the text after
    /// that line, and the closing line's 0-based index; nil when no line closes the block.
    /// Works on UTF-8 bytes: a line feed is always a character of its own.
    static func split(_ text: String) -> (yaml: String, body: String, close: Int)? {
        let utf8 = text.utf8
        var lineStart = utf8.index(utf8.startIndex, offsetBy: 4, limitedBy: utf8.endIndex) ?? utf8.endIndex
        let yamlStart = lineStart
        var line = 1
        while lineStart < utf8.endIndex || lineStart == yamlStart {
            let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
            let content = utf8[lineStart..<lineEnd]
            if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                // The YAML excludes the line feed before the closing line; the body starts after its own.
                let yamlEnd = lineStart == yamlStart ? yamlStart : utf8.index(before: lineStart)
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                return (String(text[yamlStart..<yamlEnd]), String(text[bodyStart...]), line)
            }
            guard lineEnd < utf8.endIndex else { return nil }
            lineStart = utf8.index(after: lineEnd)
            line += 1
        }
        return nil
    }

    /// Parses a whole file as one YAML mapping (site.yml).
    func parseDocument(_ file: SourceFile) throws(SitegenError) -> FrontMatter {
        try Self.refuseAliasesAndExplicitKeys(in: file.text, path: file.path, firstLine: 1)
        let node: Node?
        do {
            node = try Self.compose(file.text)
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, path: file.path, firstLine: 1)
        } catch {
            throw SitegenError(.invalidYAML("\(error)"), at: SourceLocation(path: file.path))
        }
        switch node {
        case nil: return FrontMatter(path: file.path)
        case .mapping(let mapping)?:
            try Self.refuseCollectionKeys(in: mapping, path: file.path, firstLine: 1)
            return FrontMatter(path: file.path, mapping: mapping, firstLine: 1)
        case let other?:
            throw SitegenError(.frontMatterNotMapping, at: FrontMatter.location(of: other, path: file.path, firstLine: 1))
        }
    }

    /// Throws for a YAML alias, before Yams could expand it (see `YAMLAliases`), and for an
    /// explicit key, before Yams could compare it with the others (see `YAMLComplexKeys`).
    static func refuseAliasesAndExplicitKeys(in yaml: String, path: String, firstLine: Int) throws(SitegenError) {
        if let alias = YAMLAliases.firstAlias(in: yaml) {
            throw SitegenError(
                .invalidYAML("anchors and aliases are not supported (found alias '*\(alias.name)')"),
                at: SourceLocation(path: path, line: alias.line + firstLine - 1, column: alias.column))
        }
        if let key = YAMLComplexKeys.firstExplicitKey(in: yaml) {
            throw SitegenError(
                .invalidYAML(
                    "explicit keys ('? ') are not supported: a key is a plain name such as 'title' (a text that"
                        + " continues on this line must be quoted)"),
                at: SourceLocation(path: path, line: key.line + firstLine - 1, column: key.column))
        }
    }

    /// Throws for a key that is a list or a mapping (`[a, b]: c`): a key is a plain name.
    static func refuseCollectionKeys(in mapping: Node.Mapping, path: String, firstLine: Int) throws(SitegenError) {
        guard let key = mapping.keys.first(where: { $0.scalar == nil }) else { return }
        throw SitegenError(
            .invalidYAML("a key must be a plain name such as 'title', not a \(key.sequence != nil ? "list" : "mapping")"),
            at: FrontMatter.location(of: key, path: path, firstLine: firstLine))
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
