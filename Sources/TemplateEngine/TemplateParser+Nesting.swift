extension TemplateParser {
    /// How deeply sections, parents and blocks may nest in one template. Real templates nest a
    /// handful of levels; without a limit, a template of a few hundred kilobytes nested
    /// thousands deep overflowed the stack (found by fuzzing), in parsing, rendering and
    /// freeing the node tree, all of which recurse.
    static let maximumNesting = 100

    /// The error for the container tag that goes one level past `maximumNesting`. Parsing
    /// stops there: the template is unusable, and every deeper tag would repeat the error.
    static func nestedTooDeeply(_ token: TemplateToken, name: String) -> TemplateError {
        let reason = TemplateError.Reason.nestedTooDeeply(
            kind: token.kind.containerWord, name: token.content, limit: maximumNesting)
        return TemplateError(reason, template: name, at: token.position)
    }
}

extension TemplateToken.Kind {
    /// Whether the tag opens something its close tag ends: a section, parent or block.
    var isContainer: Bool {
        switch self {
        case .section, .invertedSection, .parent, .block: true
        default: false
        }
    }
}
