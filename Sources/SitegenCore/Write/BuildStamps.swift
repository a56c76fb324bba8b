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

    fileprivate static let header = "# sitegen build stamps v1: lets a build with nothing changed stop early"
    /// How long before the recording build began a file must have last changed to be trusted.
    static let settleSeconds = 1

    /// The executable, version and options, as one line.
    var key: String
    /// When the recording build began (seconds since 1970).
    var started: Int
    /// Every content and template file, by absolute path.
    var inputs: [FileStamp]
    /// Every file written, by path relative to the output folder, and the manifest.
    var outputs: [FileStamp]
    /// The recording build's counts and warnings.
    var files: Int
    var articles: Int
    var warnings: [Warning]

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
            case let executable = FileStamp(path: executablePath), executable.exists
        else { return nil }
        return [
            "sitegen \(SitegenVersion.full)", "exe \(executable.line)", "root \(paths.root.path)",
            "content \(paths.content.path)", "templates \(paths.templates.path)", "output \(paths.output.path)",
            "base \(options.baseURL ?? "-")", "drafts \(options.includeDrafts)", "now \(options.now.map(String.init) ?? "-")",
        ].joined(separator: " | ")
    }

    /// The stamps of every input: the content and templates folders and every entry below
    /// them that is not hidden — files, folders (a folder's stamp changes when an entry is
    /// added, removed or renamed) and anything else, such as a symbolic link, which the loader
    /// reports as an error. A folder that cannot be listed gives no stamps (nil).
    static func inputs(_ paths: ProjectPaths) -> [FileStamp]? {
        var entries = [paths.content.path, paths.templates.path]
        for root in [paths.content.path, paths.templates.path] {
            guard walk(root, into: &entries) else { return nil }
        }
        let stamps = entries.concurrentMap { FileStamp(path: $0) }
        return stamps.allSatisfy(\.exists) ? stamps : nil
    }

    /// Adds the path of every entry below `folder` not starting with ".", depth first; false
    /// when a folder cannot be opened.
    private static func walk(_ folder: String, into entries: inout [String]) -> Bool {
        guard let found = ContentLoader.entries(of: folder) else { return false }
        for entry in found {
            entries.append(entry.path)
            if entry.type == Int32(DT_DIR), !walk(entry.path, into: &entries) { return false }
        }
        return true
    }

    /// The stamps of the files at `relativePaths` in the output folder; nil when one is missing.
    /// With `known`, a path that has a stamp there takes it instead of an `lstat`.
    static func outputs(_ relativePaths: [String], in output: URL, known: [FileStamp] = []) -> [FileStamp]? {
        let root = output.path.hasSuffix("/") ? output.path : output.path + "/"
        // Path → position in `known` (the first of a path's stamps): 158,000 entries at 50,000
        // articles, at the end of the build, so made in two halves, one per core, each sized
        // once. Last to first, each path stored once without being looked up first (one hash
        // each, not two): the first position of a path in a half is the last stored. A path
        // in both halves is taken from the first.
        let middle = known.count / 2
        let halves = [known.indices.prefix(upTo: middle), known.indices.suffix(from: middle)].concurrentMap {
            positions -> [String: Int] in
            var firstPositions = [String: Int](minimumCapacity: positions.count)
            for position in positions.reversed() { firstPositions[known[position].path] = position }
            return firstPositions
        }
        let stamps = relativePaths.concurrentMap { path in
            (halves[0][path] ?? halves[1][path]).map { known[$0] } ?? FileStamp(path: path, at: root + path)
        }
        return stamps.allSatisfy(\.exists) ? stamps : nil
    }

    /// Whether the recording build may be trusted to still describe the folders: same key,
    /// same inputs (none changed shortly before it started), same outputs.
    func matches(key: String, inputs: [FileStamp], output: URL) -> Bool {
        guard key == self.key, inputs == self.inputs, inputs.allSatisfy({ $0.isSettled(before: started) }) else { return false }
        return Self.outputs(outputs.map(\.path), in: output) == outputs
    }

    /// The report of a build that found nothing changed.
    func unchangedReport(seconds: Double, cpuSeconds: Double) -> BuildReport {
        BuildReport(
            files: files, articles: articles, written: 0, unchanged: files, removed: 0,
            warnings: warnings.map { SitegenError.warning(.remembered($0.message), at: $0.location) },
            stageTimes: [("Unchanged", seconds, cpuSeconds)])
    }

    /// The file's text; nil when a path or message cannot be written on one line.
    var text: String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

    /// The file's text as UTF-8, as `record` writes it; nil when a path or message cannot be
    /// written on one line.
    var bytes: [UInt8]? {
        var lines = [Self.header, "key \(key)", "started \(started)", "files \(files)", "articles \(articles)"]
        for warning in warnings {
            let location = warning.location.map { "\($0.line) \($0.column) \($0.path)" } ?? "-"
            lines += ["warning \(warning.message)", "at \(location)"]
        }
        guard !lines.contains(where: { $0.utf8.contains(10) || $0.utf8.contains(13) }) else { return nil }
        // One line per file (200,000 for 50,000 articles), written as bytes in runs of 4,096 on
        // every core; only a path can hold a line break.
        let (inputs, outputs) = (self.inputs, self.outputs)
        let count = inputs.count + outputs.count, run = 4_096
        let runs = Array(stride(from: 0, to: count, by: run)).concurrentMap { first -> [UInt8]? in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(run * 128)
            for index in first..<min(first + run, count) {
                let isInput = index < inputs.count
                let stamp = isInput ? inputs[index] : outputs[index - inputs.count]
                guard !stamp.path.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return nil }
                bytes.append(isInput ? UInt8(ascii: "I") : UInt8(ascii: "O"))
                bytes.append(UInt8(ascii: " "))
                stamp.appendLine(to: &bytes)
                bytes.append(10)
            }
            return bytes
        }
        var text = Array((lines.joined(separator: "\n") + "\n").utf8)
        text.reserveCapacity(text.count + runs.reduce(0) { $0 + ($1?.count ?? 0) } + 32)
        for run in runs {
            guard let run else { return nil }
            text += run
        }
        text += "end \(inputs.count) \(outputs.count)\n".utf8
        return text
    }

    /// The lines of `inputs` as `text` writes them, each ending in a line feed.
    static func inputLines(_ inputs: [FileStamp]) -> String {
        inputs.map { "I " + $0.line + "\n" }.joined()
    }

    /// The input lines of stamps written by `text` (empty when there are none).
    static func inputLines(in text: String) -> Substring {
        // Offsets of the first "\nI " and, after it, of the first "\nO ".
        let bounds = text.utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int)? in
            func find(_ letter: UInt8, from offset: Int) -> Int? {
                var at = offset
                while at + 2 < bytes.count {
                    if bytes[at] == 10, bytes[at + 1] == letter, bytes[at + 2] == 32 { return at }
                    at += 1
                }
                return nil
            }
            guard let first = find(UInt8(ascii: "I"), from: 0), let end = find(UInt8(ascii: "O"), from: first + 1)
            else { return nil }
            return (first + 1, end)
        }
        guard let (start, end) = bounds ?? nil else { return "" }
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: start)...utf8.index(utf8.startIndex, offsetBy: end)]
    }

    /// The last output line of stamps written by `text` (the manifest's, which every build
    /// records last), without its line feed; nil when there is none.
    static func lastOutputLine(in text: String) -> Substring? {
        // The text ends "O <manifest>\nend <counts>\n".
        guard text.hasSuffix("\n"), let end = text.dropLast().lastIndex(of: "\n"),
            case let lastOutput = text[..<end], let start = lastOutput.lastIndex(of: "\n")
        else { return nil }
        let line = lastOutput[lastOutput.index(after: start)...]
        return line.hasPrefix("O ") ? line : nil
    }

    /// When the build that wrote `text` began, and the stamps it holds of the paths in
    /// `inputs` and in `outputs`; the other lines (200,000 at 50,000 articles) are not parsed.
    /// Nil when `text` is not stamps (`init(text:)` tells a file cut short).
    static func stamps(
        in text: String, inputs: Set<String>, outputs: Set<String>
    ) -> (started: Int, inputs: [String: FileStamp], outputs: [String: FileStamp])? {
        let head = text.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: 3)
        guard head.count >= 3, Substring(head[0]) == Substring(header), head[1].starts(with: "key ".utf8),
            Substring(head[2]).hasPrefix("started "), let started = Int(Substring(head[2]).dropFirst("started ".count))
        else { return nil }
        // A line's path is made a String only when its bytes hash as a wanted path's do: a
        // full build after an edit asks for its few static files' lines among 200,000 (a third
        // of a second, split into lines first). Bytes, not `String` equality: a path written in
        // another Unicode form is not found, and its copy is compared again, as a new one is.
        func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
            var hasher = Hasher()
            hasher.combine(bytes: bytes)
            return hasher.finalize()
        }
        func hashes(_ paths: Set<String>) -> Set<Int> {
            Set(paths.map { var path = $0; return path.withUTF8 { hash(UnsafeRawBufferPointer($0)) } })
        }
        let wanted = (inputs: hashes(inputs), outputs: hashes(outputs))
        var found: (inputs: [String: FileStamp], outputs: [String: FileStamp]) = ([:], [:])
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
                    .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
                defer { lineStart = lineEnd + 1 }
                guard lineEnd - lineStart > 2, bytes[lineStart + 1] == UInt8(ascii: " ") else { continue }
                let isInput = bytes[lineStart] == UInt8(ascii: "I")
                guard isInput || bytes[lineStart] == UInt8(ascii: "O") else { continue }
                // The path follows the letter and six numbers, each with a space after it.
                var pathStart = lineStart + 2, spaces = 1
                while pathStart < lineEnd, spaces < 7 {
                    if bytes[pathStart] == UInt8(ascii: " ") { spaces += 1 }
                    pathStart += 1
                }
                let pathBytes = UnsafeBufferPointer(rebasing: bytes[pathStart..<lineEnd])
                guard spaces == 7, (isInput ? wanted.inputs : wanted.outputs).contains(hash(UnsafeRawBufferPointer(pathBytes))),
                    let path = String(validating: pathBytes, as: UTF8.self), (isInput ? inputs : outputs).contains(path),
                    let line = String(validating: UnsafeBufferPointer(rebasing: bytes[(lineStart + 2)..<lineEnd]), as: UTF8.self),
                    let stamp = FileStamp(line: line[...])
                else { continue }
                if isInput { found.inputs[path] = stamp } else { found.outputs[path] = stamp }
            }
        }
        return (started, found.inputs, found.outputs)
    }

    /// Reads stamps written by `text`; nil for anything else.
    init?(text: String) {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)[...]
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
            guard let stamp = FileStamp(line: line.dropFirst(2)) else { return nil }
            if line.hasPrefix("I ") { inputs.append(stamp) } else if line.hasPrefix("O ") { outputs.append(stamp) } else { return nil }
        }
        guard end == "end \(inputs.count) \(outputs.count)" else { return nil }
    }

}

extension BuildStamps {
    /// One build's use of the stamps: made before the build reads anything.
    ///
    /// A file changed during the build cannot go unnoticed by the next one, whether its stamp
    /// is taken before or after the build reads it: its change time is then past `startedAt`,
    /// and the next build trusts no stamp of a file changed less than `settleSeconds` before
    /// the recording build began (`isSettled`). So the inputs' stamps are taken first only when
    /// they may end the build early (the stamps file holds this build's key and the output
    /// folder its manifest); otherwise (a first build, other options, an emptied output folder)
    /// on another thread while the build loads, which is one core's work.
    /// This leans on file times coming from this machine's clock, as the settle rule itself
    /// does (README: a network file system whose clock runs behind is a stated limit).
    struct Check {
        let paths: ProjectPaths
        let started = DispatchTime.now()
        let startedCPU = StageClock.cpuSeconds()
        let startedAt = Int(Date().timeIntervalSince1970)
        let key: String?
        private let inputStamps: Lazy<[FileStamp]?>
        /// Every input's stamp; nil when a folder cannot be listed or there is no key.
        var inputs: [FileStamp]? { inputStamps.value }
        /// The stamps file as found, when it holds this build's key (stamps of other options,
        /// such as another output folder, cannot match) and the output folder still has its
        /// manifest: into a folder emptied or deleted since, nothing is unchanged and no static
        /// copy is there to keep, and the file (30 MB at 50,000 articles) is not read.
        let recordedText: String?

        init(options: BuildOptions) {
            let paths = options.paths
            self.paths = paths
            let key = BuildStamps.key(for: options)
            self.key = key
            let location = BuildStamps.location(in: paths)
            let hasManifest = access(paths.output.appendingPathComponent(Manifest.fileName).path, F_OK) == 0
            recordedText = key.flatMap { key in
                hasManifest ? Self.text(at: location, startingWith: BuildStamps.header + "\nkey " + key + "\n") : nil
            }
            if key == nil {
                inputStamps = Lazy { nil }
            } else if recordedText != nil {
                let stamps = BuildStamps.inputs(paths)
                inputStamps = Lazy { stamps }
            } else {
                let work = BackgroundWork { BuildStamps.inputs(paths) }
                inputStamps = Lazy { work.take() }
            }
        }

        /// The text of the file at `url` when it starts with `prefix`. The prefix is read and
        /// compared first: stamps recorded with other options (another output folder) are not
        /// read whole (30 MB at 50,000 articles) only to be dropped.
        private static func text(at url: URL, startingWith prefix: String) -> String? {
            let expected = Array(prefix.utf8)
            let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var head = [UInt8](repeating: 0, count: expected.count)
            let count = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
            guard count == expected.count, head == expected else { return nil }
            return try? String(contentsOf: url, encoding: .utf8)
        }

        /// The last build's report, when nothing changed since; nil when the build must run.
        /// A killed build's marker means temporary files to clear: only a full build does that.
        func unchangedReport() -> BuildReport? {
            let killed = access(paths.output.appendingPathComponent(SiteWriter.stagingMarker).path, F_OK) == 0
            // The inputs' lines and the manifest's are compared as text first: a changed input
            // or a deleted or rewritten output folder is found without parsing 40,000 lines or
            // looking at 30,000 files.
            let manifest = FileStamp(path: Manifest.fileName, at: paths.output.appendingPathComponent(Manifest.fileName).path)
            guard let recordedText, let key, let inputs, !killed, (try? OutputFolder.check(paths)) != nil,
                manifest.exists, BuildStamps.lastOutputLine(in: recordedText) == "O " + manifest.line,
                BuildStamps.inputLines(in: recordedText) == BuildStamps.inputLines(inputs)[...],
                let recorded = BuildStamps(text: recordedText),
                recorded.matches(key: key, inputs: inputs, output: paths.output)
            else { return nil }
            return recorded.unchangedReport(
                seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9,
                cpuSeconds: StageClock.cpuSeconds() - startedCPU)
        }

        /// What the last build's stamps tell of the copies of `files` (`StaticCopies`): nothing
        /// when they were recorded with other options, when the output folder has lost its
        /// manifest (`recordedText`) or when an input could not be stamped.
        func staticCopies(of files: [StaticFile]) -> StaticCopies {
            guard !files.isEmpty, let recordedText, let inputs else { return StaticCopies() }
            let sourcePaths = Set(files.map(\.source.path))
            guard
                let recorded = BuildStamps.stamps(
                    in: recordedText, inputs: sourcePaths, outputs: Set(files.map(\.outputPath)))
            else { return StaticCopies() }
            var sources: [String: FileStamp] = [:]
            for stamp in inputs where sourcePaths.contains(stamp.path) { sources[stamp.path] = stamp }
            return StaticCopies(
                files: files, sources: sources, recordedSources: recorded.inputs, recordedCopies: recorded.outputs,
                recordedAt: recorded.started)
        }

        /// Whether `text` holds exactly `bytes`.
        private static func same(_ text: String?, _ bytes: [UInt8]) -> Bool {
            guard var text, text.utf8.count == bytes.count else { return false }
            guard !bytes.isEmpty else { return true }
            return text.withUTF8 { utf8 in bytes.withUnsafeBytes { memcmp(utf8.baseAddress!, $0.baseAddress!, bytes.count) == 0 } }
        }

        /// Records what a successful build saw and wrote (only when it differs from the file),
        /// or removes the stamps when they cannot be taken.
        func record(_ report: BuildReport) {
            let url = BuildStamps.location(in: paths)
            guard let key, let inputs,
                let outputs = BuildStamps.outputs(
                    report.outputPaths + [Manifest.fileName], in: paths.output, known: report.writtenStamps),
                let text = BuildStamps(
                    key: key, started: startedAt, inputs: inputs, outputs: outputs, files: report.files,
                    articles: report.articles,
                    warnings: report.warnings.map { Warning(location: $0.location, message: $0.message) }
                ).bytes
            else {
                unlink(url.path)
                return
            }
            guard !Self.same(recordedText, text) else { return }
            mkdir(url.deletingLastPathComponent().path, 0o755)
            try? SiteWriter(paths: paths).writeAtomically(text, to: url)
        }
    }
}

extension FileStamp {
    /// The stamp of an existing file as one line of `BuildStamps`' text: size, inode, times,
    /// then the path (last, so it may hold spaces).
    var line: String {
        var bytes: [UInt8] = []
        appendLine(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `line` (without a line feed) to `bytes`, the numbers written in place.
    func appendLine(to bytes: inout [UInt8]) {
        DecimalDigits.append(Int64(size), to: &bytes)
        bytes.append(UInt8(ascii: " "))
        DecimalDigits.append(inode, negative: false, to: &bytes)
        // Four calls, not a loop over an array of the four: that array was allocated for
        // each of 200,000 lines.
        func append(_ number: Int) {
            bytes.append(UInt8(ascii: " "))
            DecimalDigits.append(Int64(number), to: &bytes)
        }
        append(modified.tv_sec)
        append(modified.tv_nsec)
        append(changed.tv_sec)
        append(changed.tv_nsec)
        bytes.append(UInt8(ascii: " "))
        bytes += path.utf8
    }

    /// Reads `line`; nil for anything else. (Byte by byte: a stamps file has a line per input
    /// and output, 40,000 at 10,000 articles.)
    init?(line: Substring) {
        var numbers: [UInt64] = []
        numbers.reserveCapacity(6)
        var utf8 = line.utf8[...]
        while numbers.count < 6 {
            var value: UInt64 = 0
            var digits = 0
            while let byte = utf8.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 19 {
                value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                utf8 = utf8.dropFirst()
            }
            guard digits > 0, utf8.first == UInt8(ascii: " ") else { return nil }
            utf8 = utf8.dropFirst()
            numbers.append(value)
        }
        guard let path = String(utf8), numbers[0] <= UInt64(Int.max), numbers[2...].allSatisfy({ $0 <= UInt64(Int.max) })
        else { return nil }
        self.init(label: path)
        (exists, size, inode) = (true, Int(numbers[0]), numbers[1])
        modified = timespec(tv_sec: Int(numbers[2]), tv_nsec: Int(numbers[3]))
        changed = timespec(tv_sec: Int(numbers[4]), tv_nsec: Int(numbers[5]))
    }
}
