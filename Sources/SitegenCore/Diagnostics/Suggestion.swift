import TemplateEngine

/// "Did you mean" hints for content, with the same rules as the template engine's.
enum Suggestion {
    /// The candidate closest to `name`, if it is close enough to be a likely typo.
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        TemplateSuggestion.closest(to: name, among: candidates)
    }

    /// ` (did you mean 'x'?)`, or a short list of known names, or nothing.
    static func hint(for name: String, known: [String]) -> String {
        if let match = closest(to: name, in: known) { return " (did you mean '\(match)'?)" }
        guard !known.isEmpty else { return "" }
        let shown = known.sorted().prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return " (known: \(shown)\(known.count > 8 ? ", …" : ""))"
    }
}
