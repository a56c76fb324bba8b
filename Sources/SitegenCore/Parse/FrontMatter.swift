import Yams

/// A value together with where it was written.
struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    var value: Value
    var location: SourceLocation
}

/// Parsed front matter: keys in file order, each with its YAML node and location.
struct FrontMatter {
    struct Entry {
        var key: String
        var keyLocation: SourceLocation
        var node: Node
        var valueLocation: SourceLocation
        /// Where each item of a sequence value, or each value of a mapping value, is, when the
        /// node has no marks (`FrontMatter(simpleYAML:path:firstLine:)`); empty otherwise.
        var itemLocations: [SourceLocation] = []
    }

    let path: String
    /// The file line on which the YAML text starts.
    let firstLine: Int
    private(set) var entries: [Entry] = []

    init(path: String) {
        self.path = path
        self.firstLine = 2
    }

    init(path: String, firstLine: Int, entries: [Entry]) {
        self.path = path
        self.firstLine = firstLine
        self.entries = entries
    }

    init(path: String, mapping: Node.Mapping, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
        for (key, value) in mapping {
            let keyLocation = Self.location(of: key, path: path, firstLine: firstLine)
            entries.append(Entry(
                key: key.string ?? "\(key)", keyLocation: keyLocation, node: value,
                valueLocation: Self.location(of: value, path: path, firstLine: firstLine)))
        }
    }

    /// The entry of `key`. Keys are compared in place: `first(where:)` copied (retained and
    /// released) every entry it passed, a dozen lookups of a few entries per article.
    subscript(key: String) -> Entry? {
        for index in entries.indices where entries[index].key == key { return entries[index] }
        return nil
    }

    static func location(of node: Node, path: String, firstLine: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
    }
}

/// Reads typed values out of front matter, collecting a diagnostic for each wrong one.
struct FrontMatterReader {
    let frontMatter: FrontMatter
    var diagnostics: [SitegenError] = []

    init(_ frontMatter: FrontMatter) { self.frontMatter = frontMatter }

    var start: SourceLocation { SourceLocation(path: frontMatter.path) }

    private mutating func wrongType(_ entry: FrontMatter.Entry, _ expected: String) {
        diagnostics.append(SitegenError(.wrongType(key: entry.key, expected: expected), at: entry.valueLocation))
    }

    /// A scalar as text; numbers and booleans are taken as written.
    mutating func string(_ key: String) -> String? {
        guard let entry = frontMatter[key] else { return nil }
        if case .scalar(let scalar) = entry.node {
            return scalar.tag.rawValue == Tag.Name.null.rawValue && scalar.string.isEmpty ? nil : scalar.string
        }
        wrongType(entry, "text")
        return nil
    }

    /// A required non-empty scalar.
    mutating func requiredString(_ key: String, expected: String) -> String? {
        guard frontMatter[key] != nil else {
            diagnostics.append(SitegenError(.missingKey(key, expected: expected), at: start))
            return nil
        }
        return string(key)
    }

    /// The value's location, or the start of the file.
    func location(of key: String) -> SourceLocation { frontMatter[key]?.valueLocation ?? start }

    /// A list of strings; a single string is taken as a list of one.
    mutating func strings(_ key: String) -> [Located<String>]? {
        guard let entry = frontMatter[key] else { return nil }
        switch entry.node {
        case .scalar(let scalar):
            return scalar.string.isEmpty ? [] : [Located(value: scalar.string, location: entry.valueLocation)]
        case .sequence(let sequence):
            var result: [Located<String>] = []
            for (position, item) in sequence.enumerated() {
                let location = position < entry.itemLocations.count
                    ? entry.itemLocations[position]
                    : FrontMatter.location(of: item, path: frontMatter.path, firstLine: frontMatter.firstLine)
                guard case .scalar(let scalar) = item else {
                    diagnostics.append(SitegenError(.wrongType(key: key, expected: Self.listExample(for: key)), at: location))
                    continue
                }
                result.append(Located(value: scalar.string, location: location))
            }
            return result
        default:
            wrongType(entry, Self.listExample(for: key))
            return nil
        }
    }

    /// `true` or `false`.
    mutating func bool(_ key: String) -> Bool? {
        guard let entry = frontMatter[key] else { return nil }
        if case .scalar(let scalar) = entry.node {
            switch scalar.string {
            case "true", "True", "yes": return true
            case "false", "False", "no": return false
            default: break
            }
        }
        wrongType(entry, "true or false")
        return nil
    }

    /// A whole number.
    mutating func int(_ key: String) -> Int? {
        guard let entry = frontMatter[key] else { return nil }
        if case .scalar(let scalar) = entry.node, let value = Int(scalar.string) { return value }
        wrongType(entry, "a whole number")
        return nil
    }

    /// A date or date-time.
    mutating func date(_ key: String) -> NewsDate? {
        guard let entry = frontMatter[key] else { return nil }
        guard case .scalar(let scalar) = entry.node else {
            wrongType(entry, "a date such as 2025-11-24")
            return nil
        }
        guard let date = NewsDate(parsing: scalar.string) else {
            diagnostics.append(SitegenError(.invalidDate(scalar.string), at: entry.valueLocation))
            return nil
        }
        return date
    }

    /// A mapping of text values, such as `source: {name: ..., url: ...}`.
    mutating func textMapping(_ key: String, keys: [String]) -> [String: String]? {
        guard let entry = frontMatter[key] else { return nil }
        let expected = "a mapping with " + keys.map { "'\($0)'" }.joined(separator: " and ")
        guard case .mapping(let mapping) = entry.node else {
            wrongType(entry, expected)
            return nil
        }
        var result: [String: String] = [:]
        for (k, v) in mapping {
            guard let name = k.string, keys.contains(name), case .scalar(let scalar) = v else {
                wrongType(entry, expected)
                return nil
            }
            result[name] = scalar.string
        }
        return result
    }

    /// A warning for each key not in `allowed`, with a "did you mean" hint.
    mutating func warnAboutUnknownKeys(allowed: [String]) {
        for index in frontMatter.entries.indices where !allowed.contains(frontMatter.entries[index].key) {
            let entry = frontMatter.entries[index]
            let hint = Suggestion.closest(to: entry.key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.append(.warning(.unknownKey(entry.key, hint: hint), at: entry.keyLocation))
        }
    }
}
