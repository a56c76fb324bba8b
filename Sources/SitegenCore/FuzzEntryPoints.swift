import MarkdownHTML
import Yams

/// Entry points for the libFuzzer targets in `Fuzz/`, which cannot see SitegenCore's internal
/// parsers. Each takes arbitrary bytes, runs them the way a build would (UTF-8 check, then
/// parse), and discards the result: only a crash, a hang or a leak matters. Not for other use.
public enum FuzzEntryPoints {
    /// The front matter path: decoding, splitting `---` blocks, YAML, and reading every
    /// article key, then the same bytes as a whole `site.yml`.
    public static func frontMatter(_ data: [UInt8]) {
        guard let file = decoded(data, path: "Content/articles/fuzz.md") else { return }
        if let split = try? FrontMatterParser().parse(file) {
            var reader = FrontMatterReader(split.frontMatter)
            _ = ArticleFields(reading: &reader)
            _ = reader.requiredString("title", expected: "a headline")
            reader.warnAboutUnknownKeys(allowed: ArticleParser.keys)
        }
        _ = SiteConfigParser().parse(SourceFile(path: "Content/site.yml", text: file.text), baseURLOverride: nil)
        // Front matter read without Yams must be what Yams reads.
        let yaml = file.text.hasPrefix("---\n") ? FrontMatterParser.split(file.text)?.yaml ?? file.text : file.text
        if let simple = FrontMatter(simpleYAML: yaml, path: file.path, firstLine: 1) {
            guard case .mapping(let mapping)? = try? FrontMatterParser.compose(yaml) else {
                preconditionFailure("Yams refuses front matter the simple reader read")
            }
            let yams = FrontMatter(path: file.path, mapping: mapping, firstLine: 1)
            precondition(simple.entries.map(\.key) == yams.entries.map(\.key), "keys differ")
            for (mine, theirs) in zip(simple.entries, yams.entries) {
                precondition(mine.node == theirs.node, "nodes of '\(mine.key)' differ")
                precondition(mine.keyLocation == theirs.keyLocation && mine.valueLocation == theirs.valueLocation,
                             "locations of '\(mine.key)' differ")
                // Items of a list and values of a mapping: where Yams' marks put them, and the
                // tags as written (the reader looks at a scalar's tag, not only the resolved one).
                let inner: [Node] = theirs.node.sequence.map(Array.init) ?? theirs.node.mapping?.map(\.value) ?? []
                let mineInner: [Node] = mine.node.sequence.map(Array.init) ?? mine.node.mapping?.map(\.value) ?? []
                if !inner.isEmpty {
                    precondition(
                        mine.itemLocations == inner.map { FrontMatter.location(of: $0, path: file.path, firstLine: 1) },
                        "item locations of '\(mine.key)' differ")
                }
                precondition(
                    zip([mine.node] + mineInner, [theirs.node] + inner).allSatisfy { $0.tag.rawValue == $1.tag.rawValue },
                    "tags of '\(mine.key)' differ")
            }
        }
    }

    /// The raw news text parser (`.txt`, DESIGN §2.3), with its title and post recognition.
    public static func rawText(_ data: [UInt8]) {
        guard let file = decoded(data, path: "Content/articles/fuzz.txt") else { return }
        _ = RawTextParser().parse(file)
    }

    /// A whole Markdown article: front matter, then the body through libcmark in safe mode.
    public static func markdownArticle(_ data: [UInt8]) {
        guard let file = decoded(data, path: "Content/articles/fuzz.md") else { return }
        _ = ArticleParser(renderer: MarkdownRenderer()).parse(file)
    }

    /// Decodes as the content loader does; nil for bytes the loader would reject.
    private static func decoded(_ data: [UInt8], path: String) -> SourceFile? {
        guard case .success(let text) = SourceFile.decode(data) else { return nil }
        return SourceFile(path: path, text: text)
    }
}
