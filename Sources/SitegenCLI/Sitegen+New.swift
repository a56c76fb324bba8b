import ArgumentParser
import Foundation
import SitegenCore

extension Sitegen {
    /// `sitegen new`: a new article, leader or topic file with its front matter filled in.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new article, leader or topic file with its front matter filled in; never overwrite one.",
            subcommands: [NewArticle.self, NewLeader.self, NewTopic.self])
    }

    /// `sitegen new article "Title"`.
    struct NewArticle: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "article", abstract: "Create Content/articles/YYYY/<slug>.md as a draft dated today.")

        @Argument(help: "The headline, e.g. \"Trump and Xi agree to a truce\".")
        var title: String

        @Option(name: .customLong("leader"), help: "A leader id the article is about, e.g. xi-jinping (repeat for more).")
        var leaders: [String] = []

        @Option(name: .customLong("topic"), help: "A topic id the article is about, e.g. trade (repeat for more).")
        var topics: [String] = []

        @Option(help: "The article's date as YYYY-MM-DD (default: today, from this machine's clock).")
        var date: String?

        @Option(help: "The URL slug, [a-z0-9-] (default: made from the title).")
        var slug: String?

        @OptionGroup var project: ProjectOptions

        func run() throws {
            let scaffold = ContentScaffold(options: project.buildOptions)
            try create {
                try scaffold.article(title: title, date: date ?? Self.today(), slug: slug, leaders: leaders, topics: topics)
            }
        }

        /// Today's date on this machine's clock and time zone: the one place sitegen reads it.
        static func today() -> String {
            let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
        }
    }

    /// `sitegen new leader ID`.
    struct NewLeader: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "leader", abstract: "Create Content/leaders/<id>.md.")

        @Argument(help: "The leader's id, which is also the file name, e.g. xi-jinping.")
        var id: String

        @Option(help: "The leader's name (default: from the id, e.g. 'Xi Jinping').")
        var name: String?

        @OptionGroup var project: ProjectOptions

        func run() throws {
            let scaffold = ContentScaffold(options: project.buildOptions)
            try create { try scaffold.leader(id: id, name: name) }
        }
    }

    /// `sitegen new topic ID`.
    struct NewTopic: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "topic", abstract: "Create Content/topics/<id>.md.")

        @Argument(help: "The topic's id, which is also the file name, e.g. rare-earths.")
        var id: String

        @Option(help: "The topic's name (default: from the id, e.g. 'Rare Earths').")
        var name: String?

        @OptionGroup var project: ProjectOptions

        func run() throws {
            let scaffold = ContentScaffold(options: project.buildOptions)
            try create { try scaffold.topic(id: id, name: name) }
        }
    }
}

/// Runs one scaffold step: prints the created path, or fails with exit 64 for a bad
/// argument and exit 1 when the file exists or cannot be written.
private func create(_ make: () throws -> String) throws {
    do {
        print("Created \(try make())")
    } catch let error as ScaffoldError {
        if error.kind == .usage { throw ValidationError(error.description) }
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        throw ExitCode.failure
    }
}
