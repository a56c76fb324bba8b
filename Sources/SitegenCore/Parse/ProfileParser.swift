import MarkdownHTML

/// Parses leader and topic files: front matter plus a Markdown biography or explainer.
/// The id is the file name, which must be a valid slug.
struct ProfileParser {
    var renderer: MarkdownRenderer

    static let leaderKeys = ["name", "role", "country", "aliases", "handles"]
    static let topicKeys = ["name", "keywords"]

    func parseLeader(_ file: SourceFile) -> ParseOutcome<Leader> {
        parse(file, keys: Self.leaderKeys) { id, reader, body, markdown in
            let name = reader.requiredString("name", expected: "the leader's name, such as 'name: Xi Jinping'")
            let role = reader.string("role") ?? ""
            let country = reader.string("country") ?? ""
            let aliases = reader.strings("aliases")?.map(\.value) ?? name.map { [$0] } ?? []
            let handles = reader.strings("handles")?.map(\.value) ?? []
            guard let name else { return nil }
            return Leader(
                id: id, name: name, role: role, country: country, aliases: aliases, handles: handles,
                biography: body, biographyMarkdown: markdown, sourcePath: reader.frontMatter.path)
        }
    }

    func parseTopic(_ file: SourceFile) -> ParseOutcome<Topic> {
        parse(file, keys: Self.topicKeys) { id, reader, body, markdown in
            let name = reader.requiredString("name", expected: "the topic's name, such as 'name: Rare earths'")
            let keywords = reader.strings("keywords")?.map(\.value) ?? []
            guard let name else { return nil }
            return Topic(id: id, name: name, keywords: keywords, explainer: body, explainerMarkdown: markdown,
                sourcePath: reader.frontMatter.path)
        }
    }

    private func parse<Value>(
        _ file: SourceFile, keys: [String],
        make: (Slug, inout FrontMatterReader, RenderedMarkdown, String) -> Value?
    ) -> ParseOutcome<Value> {
        let fileName = String(file.path.split(separator: "/").last ?? "")
        let idText = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        guard let id = Slug(validating: idText) else {
            return ParseOutcome(diagnostics: [SitegenError(.invalidID(fileName), at: SourceLocation(path: file.path))])
        }
        let split: SplitSource
        do {
            split = try FrontMatterParser().parse(file)
        } catch {
            return ParseOutcome(diagnostics: [error])
        }
        var reader = FrontMatterReader(split.frontMatter)
        let body = renderer.render(split.body)
        let value = make(id, &reader, body, body.markdown)
        reader.warnAboutUnknownKeys(allowed: keys)
        let failed = reader.diagnostics.contains { $0.severity == .error }
        return ParseOutcome(value: failed ? nil : value, diagnostics: reader.diagnostics)
    }
}
