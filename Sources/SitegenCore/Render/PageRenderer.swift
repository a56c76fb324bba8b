import Foundation
import TemplateEngine

/// The Render stage: every page spec through its `.html` and `.md` templates.
struct PageRenderer {
    let templates: LoadedTemplates

    /// HTML for `.html`, XML for `.xml`, Markdown escaping for `.md` and for `llms.txt`, which
    /// is Markdown too (so a title shows literally), none for other formats (`robots.txt`).
    static func escaping(for template: String) -> TemplateEscaping {
        template.hasSuffix(".md") || template == "llms.txt" ? .markdown : TemplateEscaping(templateName: template)
    }

    /// Renders all pages on every core and hands each file to `deliver` as soon as it is made,
    /// on the thread that made it, so rendered pages never pile up in memory. After the first
    /// error nothing more is delivered, but every page is still rendered so that all template
    /// errors are found. Errors are collected, one per distinct message and position, so a
    /// typo used by 500 pages is reported once; a page whose context cannot be made (an
    /// article body that changed since it was parsed) is an error too.
    /// - Returns: The number of files rendered, or every error.
    func render(
        _ specs: [PageSpec], deliver: @Sendable (RenderedPage) throws(SitegenError) -> Void
    ) -> Result<Int, BuildFailure> {
        let templates = self.templates
        let failed = FailureFlag()
        let libraries = templates.replicas
        let chunkSize = Self.chunkSize(for: specs.count)
        let order = Self.renderOrder(specs)
        let chunks = Array(stride(from: 0, to: order.count, by: chunkSize))
        let results: [[SitegenError]] = chunks.concurrentMap { start in
            libraries.withReplica { library in
                var errors: [SitegenError] = []
                for index in order[start..<min(start + chunkSize, order.count)] {
                    errors += Self.render(
                        specs[index], with: library, paths: templates.paths, failed: failed, deliver: deliver)
                }
                return errors
            }
        }
        var errors: [String: SitegenError] = [:]
        for error in results.joined() { errors[error.description] = error }
        guard errors.isEmpty else {
            return .failure(BuildFailure(errors: errors.values.sorted(by: SitegenError.byLocation), warnings: []))
        }
        return .success(specs.reduce(0) { $0 + $1.outputs.count })
    }

    /// The order pages render in, as indexes into `specs`. First the pages without a route
    /// (feeds, sitemaps): the largest single files, which started last left one core
    /// rendering alone at the end. Then the article pages, which take the HTML Parse kept
    /// (`ArticleBody`), so that the memory it frees serves the list pages after them instead
    /// of adding to it (at N=10,000, a peak of 247 MB instead of 268 MB). Then the archives,
    /// and last the many small list pages (home, leaders, topics), which end the render evenly
    /// on every core. Within each group, the order of the list.
    static func renderOrder(_ specs: [PageSpec]) -> [Int] {
        func group(_ spec: PageSpec) -> Int {
            switch spec.route {
            case nil: 0
            case .article: 1
            case .year, .month: 2
            default: 3
            }
        }
        var groups: [[Int]] = [[], [], [], []]
        for (index, spec) in specs.enumerated() { groups[group(spec)].append(index) }
        return Array(groups.joined())
    }

    /// Pages rendered in a row by one thread with one library replica: up to 16, but few
    /// enough that a short list (an edit build's twenty pages, among them a year archive)
    /// still spreads over every core.
    static func chunkSize(for count: Int) -> Int {
        max(1, min(16, count / (4 * ProcessInfo.processInfo.activeProcessorCount)))
    }

    /// Renders one page's outputs and delivers them; returns its errors.
    private static func render(
        _ spec: PageSpec, with library: TemplateLibrary, paths: [String: String], failed: FailureFlag,
        deliver: @Sendable (RenderedPage) throws(SitegenError) -> Void
    ) -> [SitegenError] {
        let context: TemplateValue
        do throws(SitegenError) {
            context = try spec.context
        } catch {
            failed.set()
            return [error]
        }
        var errors: [SitegenError] = []
        for output in spec.outputs {
            let name = output.template
            do {
                let bytes = try library.renderUTF8(name, context, escaping: escaping(for: name))
                if !failed.isSet { try deliver(RenderedPage(path: output.path, contents: bytes)) }
            } catch let error as TemplateError {
                errors.append(TemplateLoader.diagnostic(error, paths: paths))
            } catch let error as SitegenError {
                errors.append(error)
            } catch {
                let path = paths[name] ?? name
                errors.append(SitegenError(.template("\(error)"), at: SourceLocation(path: path)))
            }
        }
        if !errors.isEmpty { failed.set() }
        return errors
    }
}

/// A flag any thread may set and read.
final class FailureFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
