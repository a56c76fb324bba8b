import Foundation
@testable import SitegenCore

/// A site whose every text field carries a script marker and other hostile characters:
/// titles, summaries, Markdown and raw bodies, leader and topic names, roles, aliases, the
/// site's title and description, authors, source names and URLs, post authors and handles.
struct HostileSite {
    /// What must never appear unescaped in any output file.
    static let marker = #"<script>alert("pwn")</script>"#
    /// The marker with the other characters that break out of attributes, CDATA, scripts,
    /// templates and URLs.
    static let nasty = marker + #" " ' & ]]> </script> {{x}} {{{x}}} javascript:alert(1) JaVaScRiPt:alert(2) <!-- -->"#

    let project = TemporaryDirectory()
    var output: URL { project.url.appendingPathComponent("Output") }

    /// Writes the site; `unsafeHTML` adds `unsafe_html: true` to `site.yml`.
    init(unsafeHTML: Bool = false) {
        FixtureSite.copy(FixtureSite.repositoryRoot.appendingPathComponent("Templates"), to: project.url.appendingPathComponent("Templates"))
        let n = Self.yaml(Self.nasty)
        project.write("Content/site.yml", """
            title: \(n)
            description: \(n)
            publisher: \(n)
            base_url: https://example.org/news/
            \(unsafeHTML ? "unsafe_html: true" : "")
            """)
        project.write("Content/leaders/evil-leader.md", """
            ---
            name: \(Self.yaml("Evil Leader " + Self.nasty))
            role: \(n)
            country: \(n)
            aliases: ["Evil Leader", \(n)]
            handles: ["@evil_leader", \(Self.yaml("@x" + Self.marker))]
            ---
            Biography \(Self.marker) with [a link](javascript:alert(1)).

            \(Self.marker)
            """)
        project.write("Content/topics/hostile.md", """
            ---
            name: \(Self.yaml("Hostile " + Self.nasty))
            keywords: ["hostile words", \(n)]
            ---
            Explainer <img src=x onerror=alert(1)> \(Self.marker)
            """)
        project.write("Content/articles/a.md", """
            ---
            title: \(Self.yaml("Evil Leader talks " + Self.nasty))
            date: 2025-03-01
            summary: \(n)
            author: \(n)
            leaders: [evil-leader]
            topics: [hostile]
            image: \(Self.yaml("https://example.org/i.jpg?\"><script>alert(\"pwn\")</script>"))
            source:
              name: \(n)
              url: \(Self.yaml("https://example.org/?q=\"><script>alert(\"pwn\")</script>&x='y'"))
            ---
            Paragraph with \(Self.marker) inline, [a link](javascript:alert(1)), [another](JAVASCRIPT:alert(2))
            and <img src=x onerror=alert(1)> ]]> {{x}} &amp; "quotes" 'apos'.

            \(Self.marker)

            ![image](javascript:alert(1)) <a href="javascript:alert(1)">raw link</a>
            """)
        project.write("Content/articles/b.md", """
            ---
            title: Hostile words without a summary
            date: 2025-03-02
            ---
            The summary comes from here: \(Self.nasty) hostile words, hostile words.
            """)
        project.write("Content/articles/c.txt", """
            date 2025-03-03 Evil Leader said \(Self.nasty) on Monday.\u{0B}\u{0C}\u{01}

            Post text \(Self.marker) https://example.org/a"><script>alert("pwn")</script> — Evil \(Self.marker) Name (@evil_leader) March 3, 2025

            ( @evil_leader – X Post )

            ( Evil \(Self.marker) – Mar 3, 2025, 4:12 PM ET ) Posted text \(Self.nasty). — Watch (@watch) March 3, 2025

            Last paragraph [x](javascript:alert(1)) <b>bold</b> # not a heading
            """)
        project.write("Content/articles/d.txt", """
            ---
            title: \(Self.yaml("Raw " + Self.nasty))
            date: 2025-03-04
            author: \(n)
            summary: \(n)
            ---
            Raw body \(Self.nasty) about hostile words.
            """)
    }

    /// Builds with a fixed "now".
    func build() -> Result<BuildReport, BuildFailure> {
        SiteBuilder(options: BuildOptions(root: project.url, now: BuildOptions.unixTime(parsing: "2025-03-10"))).build()
    }

    /// Every output file, by path relative to the output folder.
    func outputFiles() -> [(path: String, data: Data)] {
        FixtureSite.files(in: output).map { ($0, try! Data(contentsOf: output.appendingPathComponent($0))) }
    }

    /// A YAML double-quoted scalar holding `text` exactly.
    static func yaml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
