/// Options for turning Markdown into HTML.
///
/// The default set is safe: raw HTML is replaced by a comment and `javascript:`, `vbscript:`,
/// `file:` and most `data:` links are dropped by libcmark.
public struct MarkdownOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    /// Creates an option set from its raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Pass raw HTML and dangerous URLs through unchanged. Only for trusted content.
    public static let unsafe = MarkdownOptions(rawValue: 1 << 0)
    /// Turn straight quotes into curly quotes and `--` into dashes.
    public static let smartPunctuation = MarkdownOptions(rawValue: 1 << 1)
    /// Render soft line breaks as `<br />`.
    public static let hardBreaks = MarkdownOptions(rawValue: 1 << 2)
}
