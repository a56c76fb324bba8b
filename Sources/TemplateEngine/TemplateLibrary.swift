/// A set of named templates that refer to each other as partials (`{{> head.html}}`) and
/// parents (`{{< layout.html}}`).
///
/// Compiling the library checks every template and every partial or parent it names, and
/// reports all the errors at once. The library is immutable and can render from many threads.
public struct TemplateLibrary: Sendable {
    let templates: [String: Template]
    /// The serial of the first section compiled for this library: shared values drop the
    /// fragments of older sections (of libraries compiled before) as they keep this one's.
    let firstSection: UInt64

    /// Compiles every source and checks that each partial and parent named in a tag exists.
    /// - Parameter sources: Template text by name; the names are what tags refer to.
    /// - Throws: ``TemplateLibraryError`` with every error, sorted by template, line and column.
    public init(sources: [String: String]) throws {
        firstSection = TemplateSection.nextSerial
        var templates: [String: Template] = [:]
        var errors: [TemplateError] = []
        for (name, source) in sources {
            let (template, templateErrors) = Template.compile(source, name: name)
            templates[name] = template
            errors += templateErrors
        }
        for (name, template) in templates {
            for reference in Self.fixedReferences(in: template.nodes) where templates[reference.name] == nil {
                let suggestion = TemplateSuggestion.closest(to: reference.name, among: templates.keys)
                let reason: TemplateError.Reason =
                    reference.isParent
                    ? .unknownParent(reference.name, suggestion: suggestion)
                    : .unknownPartial(reference.name, suggestion: suggestion)
                errors.append(TemplateError(reason, template: name, at: reference.position))
            }
        }
        guard errors.isEmpty else { throw TemplateLibraryError(errors: errors) }
        self.templates = templates
    }

    /// A library of the given templates (`replica()`).
    init(templates: [String: Template], firstSection: UInt64) {
        self.templates = templates
        self.firstSection = firstSection
    }

    /// The names of all templates, sorted.
    public var names: [String] { templates.keys.sorted() }

    /// Whether a template is registered under `name`.
    public func contains(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// Renders the template registered under `name`.
    /// - Parameters:
    ///   - name: The template's name.
    ///   - context: The data the template sees.
    ///   - escaping: How `{{name}}` escapes text in this template and every partial and parent it
    ///     uses; `nil` chooses by the name with ``TemplateEscaping/init(templateName:)``.
    ///   - strict: Whether a name found in no context frame, or a missing partial, is an error.
    /// - Throws: ``TemplateError``; an unknown `name` has line and column 0.
    public func render(
        _ name: String,
        _ context: TemplateValue,
        escaping: TemplateEscaping? = nil,
        strict: Bool = true
    ) throws -> String {
        try output(name, context, escaping: escaping, strict: strict).text
    }

    /// Renders like ``render(_:_:escaping:strict:)``, returning the UTF-8 bytes of the text:
    /// for output headed to a file, without making a `String` of it first.
    public func renderUTF8(
        _ name: String,
        _ context: TemplateValue,
        escaping: TemplateEscaping? = nil,
        strict: Bool = true
    ) throws -> [UInt8] {
        try output(name, context, escaping: escaping, strict: strict).bytes
    }

    /// The output of the template `name` with every template of this library as its partials.
    private func output(
        _ name: String, _ context: TemplateValue, escaping: TemplateEscaping?, strict: Bool
    ) throws -> TemplateOutput {
        try template(named: name).rendering(
            context,
            partials: templates,
            escaping: escaping ?? TemplateEscaping(templateName: name),
            strict: strict,
            partialsAreFixed: true,
            firstLiveSection: firstSection
        )
    }

    private func template(named name: String) throws(TemplateError) -> Template {
        guard let template = templates[name] else {
            let suggestion = TemplateSuggestion.closest(to: name, among: templates.keys)
            throw TemplateError(.unknownTemplate(name, suggestion: suggestion), template: name, at: nil)
        }
        return template
    }
}

extension TemplateLibrary {
    private struct Reference {
        let name: String
        let isParent: Bool
        let position: TemplatePosition
    }

    /// The partials and parents named in tags (not through dynamic names), in every branch.
    private static func fixedReferences(in nodes: [TemplateNode]) -> [Reference] {
        var references: [Reference] = []
        for node in nodes {
            switch node {
            case .text, .variable:
                break
            case .section(let section):
                references += fixedReferences(in: section.body)
            case .block(let block):
                references += fixedReferences(in: block.body)
            case .inclusion(let inclusion):
                if case .fixed(let name) = inclusion.target {
                    references.append(
                        Reference(name: name, isParent: inclusion.isParent, position: inclusion.position))
                }
                for content in inclusion.overrides.values {
                    references += fixedReferences(in: content.body)
                }
            }
        }
        return references
    }
}
