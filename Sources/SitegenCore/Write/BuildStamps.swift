import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the last successful `build` saw and wrote, kept in `.sitegen/build-stamps` in the
/// project folder (not in the output folder, which is published: it holds local paths), so
/// that a build with nothing changed can stop after looking at the files instead of reading them.
///
/// It holds a key (sitegen's version, the executable's own stamp and every build option), the
/// stamp (`FileStamp`: size, inode, modification and change times) of every file under the
/// content and templates folders, the stamp of every file sitegen wrote (and of the manifest),
/// and the report to give again: counts and warnings. A build whose key, inputs and outputs
/// all match reports the same and writes nothing.
///
/// A file changed twice within the clock's resolution could keep its stamp, so, as git does
/// with its index, a stamp is trusted only when the file had not changed for a second before
/// the build that recorded it started; otherwise the next build runs in full (and records
/// stamps that are trusted).
struct BuildStamps: Equatable {
    /// Where a project's stamps are kept.
    static func location(in paths: ProjectPaths) -> URL {
        paths.root.appendingPathComponent(".sitegen").appendingPathComponent("build-stamps")
    }

    private static let header = "# sitegen build stamps v1: lets a build with nothing changed stop early"
    /// How long before the recording build began a file must have last changed to be trusted.
    static let settleSeconds = 1

    /// The executable, version and options, as one line.
    var key: String
    /// When the recording build began (seconds since 1970).
    var started: Int
    /// Every content and template file, by absolute path.
    var inputs: [Stamp]
    /// Every file written, by path relative to the output folder, and the manifest.
    var outputs: [Stamp]
    /// The recording build's counts and warnings.
    var files: Int
    var articles: Int
    var warnings: [Warning]

    /// A file's stamp in a form that is written to text.
    struct Stamp: Equatable {
        var path: String
        var size: Int
        var inode: UInt64
        var modified: (seconds: Int, nanoseconds: Int)
        var changed: (seconds: Int, nanoseconds: Int)

        init?(_ path: String, at absolutePath: String) {
            let stamp = FileStamp(path: absolutePath)
            guard stamp.exists else { return nil }
            self.path = path
            size = stamp.size
            inode = stamp.inode
            modified = (stamp.modified.tv_sec, stamp.modified.tv_nsec)
            changed = (stamp.changed.tv_sec, stamp.changed.tv_nsec)
        }

        init(path: String, size: Int, inode: UInt64, modified: (Int, Int), changed: (Int, Int)) {
            (self.path, self.size, self.inode, self.modified, self.changed) = (path, size, inode, modified, changed)
        }

        static func == (lhs: Stamp, rhs: Stamp) -> Bool {
            lhs.path == rhs.path && lhs.size == rhs.size && lhs.inode == rhs.inode
                && lhs.modified == rhs.modified && lhs.changed == rhs.changed
        }

        var line: String {
            "\(size) \(inode) \(modified.seconds) \(modified.nanoseconds) \(changed.seconds) \(changed.nanoseconds) \(path)"
        }

        init?(line: Substring) {
            let fields = line.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: false)
            guard fields.count == 7, let size = Int(fields[0]), let inode = UInt64(fields[1]),
                let modifiedSeconds = Int(fields[2]), let modifiedNanoseconds = Int(fields[3]),
                let changedSeconds = Int(fields[4]), let changedNanoseconds = Int(fields[5])
            else { return nil }
            self.init(
                path: String(fields[6]), size: size, inode: inode, modified: (modifiedSeconds, modifiedNanoseconds),
                changed: (changedSeconds, changedNanoseconds))
        }
    }

    /// A warning of the recording build, shown again.
    struct Warning: Equatable {
        var location: SourceLocation?
        var message: String
    }
}

extension BuildStamps {
    /// The key of a build with `options`, by this executable; nil when the executable cannot
    /// be found (without `/proc`), since then another build of sitegen could not be told apart.
    static func key(for options: BuildOptions) -> String? {
        let paths = options.paths
        guard let executablePath = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            let executable = Stamp(executablePath, at: executablePath)?.line
        else { return nil }
        return [
            "sitegen \(SitegenVersion.full)", "exe \(executable)", "root \(paths.root.path)",
            "content \(paths.content.path)", "templates \(paths.templates.path)", "output \(paths.output.path)",
            "base \(options.baseURL ?? "-")", "drafts \(options.includeDrafts)", "now \(options.now.map(String.init) ?? "-")",
        ].joined(separator: " | ")
    }

    /// The stamps of every input: the content and templates folders and every entry below
    /// them that is not hidden — files, folders (a folder's stamp changes when an entry is
    /// added, removed or renamed) and anything else, such as a symbolic link, which the loader
    /// reports as an error. A folder that cannot be listed gives no stamps (nil).
    static func inputs(_ paths: ProjectPaths) -> [Stamp]? {
        var entries = [paths.content.path, paths.templates.path]
        for root in [paths.content.path, paths.templates.path] {
            guard walk(root, into: &entries) else { return nil }
        }
        let stamps = entries.concurrentMap { Stamp($0, at: $0) }
        return stamps.contains { $0 == nil } ? nil : stamps.map { $0! }
    }

    /// Adds the path of every entry below `folder` not starting with ".", depth first; false
    /// when a folder cannot be opened.
    private static func walk(_ folder: String, into entries: inout [String]) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            entries.append(base + name)
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(base + name, &info) == 0 else { return false }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
            }
            if type == Int32(DT_DIR), !walk(base + name, into: &entries) { return false }
        }
        return true
    }

    /// The stamps of the files at `relativePaths` in the output folder; nil when one is missing.
    static func outputs(_ relativePaths: [String], in output: URL) -> [Stamp]? {
        let root = output.path.hasSuffix("/") ? output.path : output.path + "/"
        let stamps = relativePaths.concurrentMap { Stamp($0, at: root + $0) }
        return stamps.contains { $0 == nil } ? nil : stamps.map { $0! }
    }

    /// Whether the recording build may be trusted to still describe the folders: same key,
    /// same inputs (none changed shortly before it started), same outputs.
    func matches(key: String, inputs: [Stamp], output: URL) -> Bool {
        guard key == self.key, inputs == self.inputs else { return false }
        let settled = started - Self.settleSeconds
        guard inputs.allSatisfy({ $0.modified.seconds < settled && $0.changed.seconds < settled }) else { return false }
        return Self.outputs(outputs.map(\.path), in: output) == outputs
    }

    /// The report of a build that found nothing changed.
    func unchangedReport(seconds: Double) -> BuildReport {
        BuildReport(
            files: files, articles: articles, written: 0, unchanged: files, removed: 0,
            warnings: warnings.map { SitegenError.warning(.remembered($0.message), at: $0.location) },
            stageTimes: [("Unchanged", seconds)])
    }

    /// The file's text; nil when a path or message cannot be written on one line.
    var text: String? {
        var lines = [Self.header, "key \(key)", "started \(started)", "files \(files)", "articles \(articles)"]
        for warning in warnings {
            let location = warning.location.map { "\($0.line) \($0.column) \($0.path)" } ?? "-"
            lines += ["warning \(warning.message)", "at \(location)"]
        }
        lines += inputs.map { "I " + $0.line } + outputs.map { "O " + $0.line }
        lines.append("end \(inputs.count) \(outputs.count)")
        guard !lines.contains(where: { $0.utf8.contains(10) || $0.utf8.contains(13) }) else { return nil }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads stamps written by `text`; nil for anything else.
    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(Self.header) else { return nil }
        func value(_ name: String) -> String? {
            guard let line = lines.popFirst(), line.hasPrefix(name + " ") else { return nil }
            return String(line.dropFirst(name.count + 1))
        }
        guard let key = value("key"), let started = value("started").flatMap(Int.init),
            let files = value("files").flatMap(Int.init), let articles = value("articles").flatMap(Int.init)
        else { return nil }
        (self.key, self.started, self.files, self.articles) = (key, started, files, articles)
        (warnings, inputs, outputs) = ([], [], [])
        while lines.first?.hasPrefix("warning ") == true {
            guard let message = value("warning"), let at = value("at") else { return nil }
            var location: SourceLocation?
            if at != "-" {
                let parts = at.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
                guard parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) else { return nil }
                location = SourceLocation(path: String(parts[2]), line: line, column: column)
            }
            warnings.append(Warning(location: location, message: message))
        }
        // A file cut short has no end line, or one that counts more stamps than it holds.
        guard lines.popLast() == "", let end = lines.popLast(), end.hasPrefix("end ") else { return nil }
        for line in lines {
            guard let stamp = Stamp(line: line.dropFirst(2)) else { return nil }
            if line.hasPrefix("I ") { inputs.append(stamp) } else if line.hasPrefix("O ") { outputs.append(stamp) } else { return nil }
        }
        guard end == "end \(inputs.count) \(outputs.count)" else { return nil }
    }

}

extension BuildStamps {
    /// One build's use of the stamps: made before the build reads anything, so a file changed
    /// during the build gets a stamp other than the one recorded.
    struct Check {
        let paths: ProjectPaths
        let started = DispatchTime.now()
        let startedAt = Int(Date().timeIntervalSince1970)
        let key: String?
        let inputs: [Stamp]?
        let recorded: BuildStamps?

        init(options: BuildOptions) {
            paths = options.paths
            key = BuildStamps.key(for: options)
            inputs = key == nil ? nil : BuildStamps.inputs(paths)
            recorded = (try? String(contentsOf: BuildStamps.location(in: paths), encoding: .utf8))
                .flatMap(BuildStamps.init(text:))
        }

        /// The last build's report, when nothing changed since; nil when the build must run.
        /// A killed build's marker means temporary files to clear: only a full build does that.
        func unchangedReport() -> BuildReport? {
            let killed = access(paths.output.appendingPathComponent(SiteWriter.stagingMarker).path, F_OK) == 0
            guard let recorded, let key, let inputs, !killed, (try? OutputFolder.check(paths)) != nil,
                recorded.matches(key: key, inputs: inputs, output: paths.output)
            else { return nil }
            return recorded.unchangedReport(seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        }

        /// Records what a successful build saw and wrote (only when it differs from the file),
        /// or removes the stamps when they cannot be taken.
        func record(_ report: BuildReport) {
            let url = BuildStamps.location(in: paths)
            guard let key, let inputs,
                let outputs = BuildStamps.outputs(report.outputPaths + [Manifest.fileName], in: paths.output),
                let text = BuildStamps(
                    key: key, started: startedAt, inputs: inputs, outputs: outputs, files: report.files,
                    articles: report.articles,
                    warnings: report.warnings.map { Warning(location: $0.location, message: $0.message) }
                ).text
            else {
                unlink(url.path)
                return
            }
            guard text != recorded?.text else { return }
            mkdir(url.deletingLastPathComponent().path, 0o755)
            try? SiteWriter(paths: paths).writeAtomically(Array(text.utf8), to: url)
        }
    }
}
