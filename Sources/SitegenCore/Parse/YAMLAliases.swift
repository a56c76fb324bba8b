/// Refuses YAML anchors and aliases (`&name`, `*name`) before Yams sees the text.
///
/// Yams expands an alias to the node it names, and hashes every mapping key to find
/// duplicates; an alias to a collection of aliases, nested a few times, used as a key, makes
/// a 500-byte front matter take hours ("billion laughs"). sitegen's keys are flat, so anchors
/// and aliases have no use in front matter or `site.yml`: an alias whose name an anchor also
/// defines is an error at the alias. The scan is lexical: an anchor or alias starts a line or
/// follows white space, `[`, `{`, `,` or `:`, and its name is what libyaml reads as one. It can
/// only err by refusing text where both `&x` and `*x` stand in plain text (`A &x and *x`),
/// never by letting an alias through.
enum YAMLAliases {
    /// The first alias that refers to an anchor of the text, with its 1-based line (within
    /// `yaml`) and Character column; nil when there is none.
    static func firstAlias(in yaml: String) -> (name: String, line: Int, column: Int)? {
        guard yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }  // most YAML has no alias to find
        var anchors = Set<Substring>()
        var aliases: [(name: Substring, line: Int, column: Int)] = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var previous: Character? = nil
            var column = 0
            var position = line.startIndex
            while position < line.endIndex {
                let character = line[position]
                column += 1
                if character == "&" || character == "*", previous.map(startsNode(after:)) ?? true {
                    let nameStart = line.index(after: position)
                    let name = line[nameStart...].prefix(while: isNameCharacter)
                    if !name.isEmpty {
                        if character == "&" { anchors.insert(name) } else { aliases.append((name, index + 1, column)) }
                    }
                }
                previous = character
                position = line.index(after: position)
            }
        }
        guard let alias = aliases.first(where: { anchors.contains($0.name) }) else { return nil }
        return (String(alias.name), alias.line, alias.column)
    }

    /// Whether a node (so an anchor or alias) may start after `character`; `:` for flow
    /// mappings with quoted keys, such as `{"a":*x}`.
    private static func startsNode(after character: Character) -> Bool {
        character.isWhitespace || "[{,:".contains(character)
    }

    /// A character of an anchor name as libyaml reads it: ASCII letters, digits, `_` and `-`.
    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
    }
}
