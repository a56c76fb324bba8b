import TemplateEngine

/// The Render stage: every page spec through its `.html` and `.md` templates.
struct PageRenderer {
    let templates: LoadedTemplates

    /// HTML for `.html`, XML for `.xml`, Markdown escaping for `.md` and for `llms.txt`, which
    /// is Markdown too (so a title shows literally), none for other formats (`robots.txt`).
    static func escaping(for template: String) -> TemplateEscaping {
        template.hasSuffix(".md") || template == "llms.txt" ? .markdown : TemplateEscaping(templateName: template)
    }

    /// Renders all pages on every core. Template errors are collected, one per distinct
    /// message and position, so a typo used by 500 pages is reported once.
    func render(_ specs: [PageSpec]) -> Result<[RenderedPage], BuildFailure> {
        let templates = self.templates
        let results: [[Result<RenderedPage, SitegenError>]] = specs.concurrentMap { spec in
            spec.outputs.map { output in
                let name = output.template
                do {
                    let text = try templates.library.render(name, spec.context, escaping: Self.escaping(for: name))
                    return .success(RenderedPage(path: output.path, text: text))
                } catch let error as TemplateError {
                    return .failure(TemplateLoader.diagnostic(error, paths: templates.paths))
                } catch {
                    let path = templates.paths[name] ?? name
                    return .failure(SitegenError(.template("\(error)"), at: SourceLocation(path: path)))
                }
            }
        }
        var pages: [RenderedPage] = []
        var errors: [String: SitegenError] = [:]
        for result in results.joined() {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let error): errors[error.description] = error
            }
        }
        guard errors.isEmpty else {
            return .failure(BuildFailure(errors: errors.values.sorted(by: SitegenError.byLocation), warnings: []))
        }
        return .success(pages)
    }
}
