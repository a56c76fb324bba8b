import ArgumentParser
import Foundation
import SitegenCore

/// The `sitegen` command: a static site generator for news about world leaders.
@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build a static news site from Content/ and Templates/ into Output/.",
        version: SitegenVersion.full(allocator: Allocator.description),
        subcommands: [Build.self, Check.self, Serve.self, New.self],
        defaultSubcommand: Build.self)
}

/// Folders and settings shared by every subcommand.
struct ProjectOptions: ParsableArguments {
    @Option(help: "The project folder (default: the current folder).")
    var root: String?

    @Option(help: "The content folder (default: <root>/Content).")
    var content: String?

    @Option(help: "The templates folder (default: <root>/Templates).")
    var templates: String?

    @Option(help: "The output folder (default: <root>/Output).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The site's absolute URL, e.g. https://example.org/news/ (overrides site.yml).")
    var baseURL: String?

    @Flag(help: "Include articles marked 'draft: true'.")
    var drafts = false

    @Option(help: "The build's \"now\" as YYYY-MM-DD or an ISO 8601 date-time (default: SOURCE_DATE_EPOCH, else the newest article's date).")
    var now: String?

    @Flag(name: .shortAndLong, help: "Print the time each stage took.")
    var verbose = false

    func validate() throws {
        if let now, Self.unixTime(from: now) == nil {
            throw ValidationError("invalid --now '\(now)' (expected YYYY-MM-DD or an ISO 8601 date-time such as 2025-11-24T12:00:00Z)")
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], now == nil, Int(epoch) == nil {
            throw ValidationError("invalid SOURCE_DATE_EPOCH '\(epoch)' (expected a whole number of seconds)")
        }
    }

    var buildOptions: BuildOptions {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let rootURL = root.map { URL(fileURLWithPath: $0, relativeTo: cwd) } ?? cwd
        func folder(_ path: String?) -> URL? { path.map { URL(fileURLWithPath: $0, relativeTo: cwd) } }
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
        return BuildOptions(
            root: rootURL, content: folder(content), templates: folder(templates), output: folder(output),
            baseURL: baseURL, includeDrafts: drafts, now: now.flatMap(Self.unixTime(from:)) ?? epoch)
    }

    static func unixTime(from text: String) -> Int? { BuildOptions.unixTime(parsing: text) }
}

/// Prints diagnostics to stderr, one per line.
func printDiagnostics(_ diagnostics: [SitegenError]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// `3 files`, `1 article`: a count with its noun, singular or plural.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// `Built 173 files (27 articles) in 0.45s → Output/ (3 written, 170 unchanged, 0 removed)`.
func builtLine(_ report: BuildReport, output: String) -> String {
    String(format: "Built %@ (%@) in %.2fs → %@ (%d written, %d unchanged, %d removed)",
           counted(report.files, "file"), counted(report.articles, "article"), report.seconds, output,
           report.written, report.unchanged, report.removed)
}
