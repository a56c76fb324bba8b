@testable import TemplateEngine

/// Compiles `source` (and `partials`) and renders it with `context`.
func render(
    _ source: String,
    _ context: TemplateValue = [:],
    partials: [String: String] = [:],
    escaping: TemplateEscaping = .html,
    strict: Bool = false
) throws -> String {
    let compiledPartials = try partials.reduce(into: [String: Template]()) { result, entry in
        result[entry.key] = try Template(entry.value, name: entry.key)
    }
    return try Template(source, name: "test").render(
        context,
        partials: compiledPartials,
        escaping: escaping,
        strict: strict
    )
}

/// The error `body` throws, or `nil` when it throws none or another kind.
func templateError(_ body: () throws -> Any) -> TemplateError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? TemplateError
    }
}

/// The tokens of `source`, written compactly: `text("a") variable(name)@1:2`.
func tokens(_ source: String) -> [String] {
    var lexer = TemplateLexer(source, name: "test")
    return lexer.tokenize().tokens.map { token in
        let content = token.kind == .text ? token.content.debugDescription : token.content
        return "\(token.kind)(\(content))@\(token.position)"
    }
}

/// The node tree of `source`, written compactly, for parser tests.
func tree(_ source: String) -> String {
    var lexer = TemplateLexer(source, name: "test")
    var parser = TemplateParser(tokens: lexer.tokenize().tokens, name: "test")
    return describe(parser.parse().nodes)
}

func describe(_ nodes: [TemplateNode]) -> String {
    nodes.map(describe).joined(separator: " ")
}

private func describe(_ node: TemplateNode) -> String {
    switch node {
    case .text(let text):
        return text.text.debugDescription
    case .variable(let variable):
        return (variable.isEscaped ? "{{" : "{{&") + variable.name.text + "}}"
    case .section(let section):
        let sigil = section.isInverted ? "^" : "#"
        return "\(sigil)\(section.name.text)[\(describe(section.body))]"
    case .inclusion(let inclusion):
        let target =
            switch inclusion.target {
            case .fixed(let name): name
            case .dynamic(let name): "*" + name.text
            }
        var text = (inclusion.isParent ? "<" : ">") + target
        if inclusion.isStandalone {
            text += " standalone(\(String(decoding: inclusion.indentation, as: UTF8.self).debugDescription))"
        }
        if inclusion.isParent {
            let overrides = inclusion.overrides.sorted { $0.key < $1.key }
            text +=
                "[" + overrides.map { "$\($0.key)[\(describe($0.value.body))]" }.joined(separator: " ") + "]"
        }
        return text
    case .block(let block):
        let standalone = block.isStandalone ? " standalone" : ""
        return
            "$\(block.name)\(standalone)(\(String(decoding: block.indentation, as: UTF8.self).debugDescription))[\(describe(block.body))]"
    }
}
