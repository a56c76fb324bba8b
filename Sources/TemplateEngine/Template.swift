/// A compiled Mustache template: compile it once, then render it many times, from any thread.
///
/// ```swift
/// let template = try Template("<h1>{{title}}</h1>", name: "title.html")
/// let html = try template.render(["title": "Hello & welcome"])  // <h1>Hello &amp; welcome</h1>
/// ```
///
/// The whole Mustache spec is supported, except lambdas: variables with dotted names and `.`,
/// sections, inverted sections, comments, partials (with the indentation of standalone partial
/// tags), set delimiters, inheritance (`{{<parent}}` with `{{$block}}` overrides) and dynamic
/// names (`{{>*name}}`).
public struct Template: Sendable {
    /// The name given at compile time, used in error messages.
    public let name: String
    let nodes: [TemplateNode]
    /// `nodes` as the renderer walks them.
    let ops: [TemplateOp]
    /// The bytes of literal text in the template, to size the output buffer.
    let textLength: Int

    /// Compiles `source`.
    /// - Parameters:
    ///   - source: The template text.
    ///   - name: The template's name, used in error messages (for example `article.html`).
    /// - Throws: ``TemplateError`` for the first syntax error in the text.
    public init(_ source: String, name: String = "") throws {
        let (template, errors) = Self.compile(source, name: name)
        if let first = errors.min(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
            throw first
        }
        self = template
    }

    init(name: String, nodes: [TemplateNode], textLength: Int) {
        self.name = name
        self.nodes = nodes
        self.ops = TemplateOp.ops(of: nodes)
        self.textLength = textLength
    }

    /// Compiles `source` as far as possible, returning every error found.
    ///
    /// Errors from reading tags come alone: after one, the structure of the rest is not checked,
    /// so that a single forgotten `}}` does not also report sections as unclosed.
    static func compile(_ source: String, name: String) -> (Template, [TemplateError]) {
        var lexer = TemplateLexer(source, name: name)
        let (tokens, lexerErrors) = lexer.tokenize()
        var parser = TemplateParser(tokens: tokens, name: name)
        let (nodes, parserErrors) = parser.parse()
        let textLength = tokens.reduce(0) { $0 + ($1.kind == .text ? $1.content.utf8.count : 0) }
        let template = Template(name: name, nodes: nodes, textLength: textLength)
        return (template, lexerErrors.isEmpty ? parserErrors : lexerErrors)
    }

    /// Renders the template with `context` at the bottom of the context stack.
    /// - Parameters:
    ///   - context: The data; usually an `.object` whose keys the template names.
    ///   - partials: The templates that `{{> name}}` and `{{< name}}` refer to, by name.
    ///   - escaping: How `{{name}}` escapes text. Partials use the same escaping.
    ///   - strict: When `true`, a name found in no context frame, or a missing partial or parent,
    ///     is an error; when `false` it renders as nothing, as the Mustache spec says.
    /// - Throws: ``TemplateError`` (in strict mode, or when partials nest too deeply).
    public func render(
        _ context: TemplateValue,
        partials: [String: Template] = [:],
        escaping: TemplateEscaping = .html,
        strict: Bool = false
    ) throws -> String {
        try rendering(context, partials: partials, escaping: escaping, strict: strict, partialsAreFixed: false, firstLiveSection: 0).text
    }

    /// Renders like ``render(_:partials:escaping:strict:)``, returning the UTF-8 bytes of the
    /// text: for output headed to a file, without making a `String` of it first.
    public func renderUTF8(
        _ context: TemplateValue,
        partials: [String: Template] = [:],
        escaping: TemplateEscaping = .html,
        strict: Bool = false
    ) throws -> [UInt8] {
        try rendering(context, partials: partials, escaping: escaping, strict: strict, partialsAreFixed: false, firstLiveSection: 0).bytes
    }

    /// Renders the template; `partialsAreFixed` says that `partials` are the same in every
    /// render of this template (a library's), so section bodies that include them can be kept
    /// for shared values, and `firstLiveSection` is the serial of the first section of those
    /// templates (a shared value drops fragments of sections compiled before).
    func rendering(
        _ context: TemplateValue, partials: [String: Template], escaping: TemplateEscaping, strict: Bool,
        partialsAreFixed: Bool, firstLiveSection: UInt64
    ) throws(TemplateError) -> TemplateOutput {
        // The renderer reads the context in place (`TemplateRenderer.stack`): it lives here,
        // unchanged, until the render returns.
        try withUnsafePointer(to: context) { context throws(TemplateError) in
            var renderer = TemplateRenderer(
                context: context,
                templateName: name,
                partials: partials,
                escaping: escaping,
                isStrict: strict,
                partialsAreFixed: partialsAreFixed,
                firstLiveSection: firstLiveSection,
                capacity: textLength * 2 + 1024
            )
            try renderer.render(ops)
            return renderer.output
        }
    }
}
