import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Everything read from `Content/`, before parsing.
struct LoadedContent: Sendable {
    /// Article files' paths, sorted. They are read by the Parse stage, each just before it
    /// is parsed, so that a large archive's text is never all in memory at once.
    var articlePaths: [String] = []
    var leaders: [SourceFile] = []
    var topics: [SourceFile] = []
    /// Files under `static/`, copied as they are.
    var staticFiles: [StaticFile] = []
    var errors: [SitegenError] = []
}

/// A file copied to the output unchanged.
struct StaticFile: Hashable, Sendable {
    /// Path inside the output folder, e.g. `favicon.svg` or `assets/site.css`.
    var outputPath: String
    /// Where it is read from.
    var source: URL
}

/// Reads the content folder: site.yml, articles, leaders, topics and static files.
struct ContentLoader {
    var paths: ProjectPaths
    var maxFileSize: Int

    /// Lists the article files and reads every other content file, sorted by path.
    /// Unreadable, oversized or non-UTF-8 files become errors in the result; nothing throws.
    func load() -> LoadedContent {
        var content = LoadedContent()
        let root = paths.content
        if !FileManager.default.fileExists(atPath: root.path) {
            content.errors.append(SitegenError(.unreadableFile("the content folder does not exist (hint: run sitegen in a "
                + "project folder, or pass --root or --content)"), at: SourceLocation(path: paths.display(root))))
        }
        // Entries named like content files that are not regular files are errors, not skipped silently.
        var unreadable: [SitegenError] = []
        content.articlePaths = filePaths(
            under: root.appendingPathComponent("articles"), extensions: ["md", "txt"], unreadable: &unreadable)
        let leaderURLs = filePaths(under: root.appendingPathComponent("leaders"), extensions: ["md"], unreadable: &unreadable)
            .map { URL(fileURLWithPath: $0, isDirectory: false) }
        let topicURLs = filePaths(under: root.appendingPathComponent("topics"), extensions: ["md"], unreadable: &unreadable)
            .map { URL(fileURLWithPath: $0, isDirectory: false) }
        content.errors += unreadable
        let results = (leaderURLs + topicURLs).concurrentMap { read($0) }
        for (index, result) in results.enumerated() {
            switch result {
            case .failure(let error): content.errors.append(error)
            case .success(let file):
                if index < leaderURLs.count {
                    content.leaders.append(file)
                } else {
                    content.topics.append(file)
                }
            }
        }
        let staticRoot = root.appendingPathComponent("static")
        content.staticFiles = files(under: staticRoot, extensions: nil).map {
            StaticFile(outputPath: relativePath(of: $0, under: staticRoot), source: $0)
        }
        return content
    }

    /// Reads `site.yml`, if there is one.
    func readSiteConfig(diagnostics: inout [SitegenError]) -> SourceFile? {
        let url = paths.content.appendingPathComponent("site.yml")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        switch read(url) {
        case .success(let file): return file
        case .failure(let error):
            diagnostics.append(error)
            return nil
        }
    }

    /// Reads one file as UTF-8 text with a size limit, noting its stamp so that a part of it
    /// can be read again (`SourceFile.Origin`).
    func read(_ url: URL) -> Result<SourceFile, SitegenError> {
        read(path: url.path, url: url)
    }

    /// `read(_:)` of the file at `path` (an article's, as `LoadedContent.articlePaths` lists
    /// it): a URL is made only if the file cannot be read quickly.
    func read(path filePath: String, url knownURL: URL? = nil) -> Result<SourceFile, SitegenError> {
        let path = paths.display(path: filePath, url: knownURL)
        var bytes: [UInt8]
        let stamp: FileStamp
        switch Self.readQuickly(filePath, limit: maxFileSize) {
        case .bytes(let read, let info):
            bytes = read
            stamp = FileStamp(path: filePath, info: info)
        case .tooLarge(let size):
            return .failure(SitegenError(.fileTooLarge(bytes: size, limit: maxFileSize), at: SourceLocation(path: path)))
        case .failed:
            let url = knownURL ?? URL(fileURLWithPath: filePath, isDirectory: false)
            do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
                return .failure(SitegenError(.unreadableFile(Self.notAFile(type)), at: SourceLocation(path: path)))
            }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            if size > maxFileSize {
                return .failure(SitegenError(.fileTooLarge(bytes: size, limit: maxFileSize), at: SourceLocation(path: path)))
            }
            stamp = FileStamp(path: url.path)  // before reading: a change while it is read shows later
            bytes = [UInt8](try Data(contentsOf: url))
            } catch {
                let why = (error as NSError).localizedDescription
                return .failure(SitegenError(.unreadableFile(why), at: SourceLocation(path: path)))
            }
        }
        switch SourceFile.decode(bytes) {
        case .success(let text):
            return .success(SourceFile(path: path, text: text, origin: SourceFile.Origin(stamp: stamp, bytes: bytes)))
        case .failure(let invalid):
            let location = Self.location(ofByte: invalid.byteOffset, in: bytes, path: path)
            return .failure(SitegenError(.invalidUTF8(byteOffset: invalid.byteOffset), at: location))
        }
    }

    private enum QuickRead { case bytes([UInt8], stat), tooLarge(Int), failed }

    /// Reads a file with one `open`, `fstat` and `read`, and gives its bytes with the `fstat`;
    /// `.failed` leaves the error to the slower Foundation path, which words it for the user.
    private static func readQuickly(_ path: String, limit: Int) -> QuickRead {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW)  // never block on a FIFO or follow a link
        guard descriptor >= 0 else { return .failed }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failed }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return .failed }
            filled += count
        }
        return .bytes(bytes, info)
    }

    /// Line and column of a byte offset, counting the valid text before it.
    static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: 10)).map { $0 + 1 } ?? 0
        let line = before.filter { $0 == 10 }.count + 1
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return SourceLocation(path: path, line: line, column: column)
    }

    /// Regular files below `folder` (recursively, hidden files and folders skipped), sorted by
    /// path. Symbolic links are not followed, so nothing outside the project is read.
    func files(under folder: URL, extensions: Set<String>?) -> [URL] {
        filePaths(under: folder, extensions: extensions).map { URL(fileURLWithPath: $0, isDirectory: false) }
    }

    /// `files(under:extensions:)` as path strings.
    func filePaths(under folder: URL, extensions: Set<String>?) -> [String] {
        var result: [String] = []
        var others: [(path: String, type: FileAttributeType)]? = nil
        Self.walk(folder.path, into: &result, others: &others, extensions: extensions)
        return result.sorted()
    }

    /// `filePaths(under:extensions:)`, and from the same walk an error for each entry named
    /// like a content file that is not a regular file: a folder, a symbolic link (sitegen never
    /// reads through one), a FIFO or a device. Without it they would vanish from the site
    /// silently. (Static files are not checked: links there are skipped by design.)
    func filePaths(under folder: URL, extensions: Set<String>, unreadable: inout [SitegenError]) -> [String] {
        var result: [String] = []
        var others: [(path: String, type: FileAttributeType)]? = []
        Self.walk(folder.path, into: &result, others: &others, extensions: extensions)
        unreadable += (others ?? []).sorted { $0.path < $1.path }.map { entry in
            SitegenError(.unreadableFile(Self.notAFile(entry.type)), at: SourceLocation(path: paths.display(URL(fileURLWithPath: entry.path))))
        }
        return result.sorted()
    }

    /// Walks `folder` depth first. When `others` is not nil, entries named like a content file
    /// that are not regular files go there.
    private static func walk(
        _ folder: String, into result: inout [String], others: inout [(path: String, type: FileAttributeType)]?,
        extensions: Set<String>?
    ) {
        for entry in entries(of: folder) ?? [] {
            let named = extensions.map { extensions in
                entry.name.utf8.lastIndex(of: UInt8(ascii: ".")).map { extensions.contains(String(entry.name[entry.name.utf8.index(after: $0)...])) } ?? false
            } ?? true
            if entry.type == Int32(DT_REG) {
                if named { result.append(entry.path) }
                continue
            }
            if named, others != nil {
                let kind: FileAttributeType =
                    entry.type == Int32(DT_DIR) ? .typeDirectory : entry.type == Int32(DT_LNK) ? .typeSymbolicLink : .typeUnknown
                others?.append((entry.path, kind))
            }
            if entry.type == Int32(DT_DIR) { walk(entry.path, into: &result, others: &others, extensions: extensions) }
        }
    }

    /// The entries of one folder whose names do not start with ".", from `readdir`, which gives
    /// each entry's type (`DT_REG`, `DT_DIR`, `DT_LNK`, or `DT_FIFO` for anything else) without
    /// a `stat`; nil when the folder cannot be opened.
    static func entries(of folder: String) -> [(name: String, path: String, type: Int32)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var entries: [(name: String, path: String, type: Int32)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }  // also "." and ".."
            let path = base + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                case S_IFLNK: type = Int32(DT_LNK)
                default: type = Int32(DT_FIFO)
                }
            }
            entries.append((name, path, type))
        }
        return entries
    }

    private func relativePath(of url: URL, under folder: URL) -> String {
        let base = folder.standardizedFileURL.path
        let full = url.standardizedFileURL.path
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
    }
}

extension Array where Element: Sendable {
    /// `map` spread over every core; results keep their order.
    ///
    /// The elements are handed out in contiguous runs, about 64 per core, not one at a time:
    /// for a small transform (a file's stamp, a dictionary lookup) taking each index from the
    /// counter both cores share cost more than the transform (a map over the 158,000 output
    /// paths of a 50,000-article site took 120 ms). Results are written straight into the
    /// array returned, each exactly once.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let count = self.count
        let runs = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 64)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let output = buffer.baseAddress!
            withoutActuallyEscaping(transform) { transform in
                self.withUnsafeBufferPointer { elements in
                    nonisolated(unsafe) let elements = elements
                    DispatchQueue.concurrentPerform(iterations: runs) { run in
                        for index in count * run / runs..<count * (run + 1) / runs {
                            (output + index).initialize(to: transform(elements[index]))
                        }
                    }
                }
            }
            initialized = count
        }
    }
}
