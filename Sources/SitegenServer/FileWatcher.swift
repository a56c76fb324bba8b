import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Watches folders and everything below them with Linux inotify: no polling.
///
/// inotify watches one folder at a time, so every subfolder gets its own watch, and a
/// folder created (or moved in) later is added when its event arrives. A `DispatchSource`
/// on the inotify descriptor wakes the watcher only when the kernel has events. Hidden
/// names (`.file.swp`, `.git`) are ignored, as the build ignores them.
final class FileWatcher: @unchecked Sendable {
    /// Why watching could not start.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let queue = DispatchQueue(label: "sitegen.file-watcher")
    private let descriptor: Int32
    private let onChange: @Sendable ([String]) -> Void
    private var source: DispatchSourceRead?
    /// Watch descriptor → folder path; touched only on `queue`.
    private var folders: [Int32: String] = [:]

    private static let mask: UInt32 = UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CLOSE_WRITE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

    /// Reported among the changed paths when the kernel dropped events: anything may have
    /// changed.
    static let overflowed = "(event queue overflowed)"

    /// Starts watching `roots` (folders that do not exist are skipped); `onChange` gets the
    /// changed paths, on a background queue, once per batch of kernel events.
    init(roots: [URL], onChange: @escaping @Sendable ([String]) -> Void) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw Failure(description: "cannot watch files: inotify_init1 failed: \(String(cString: strerror(errno)))")
        }
        self.onChange = onChange
        try queue.sync {
            for root in roots where FileManager.default.fileExists(atPath: root.path) {
                try self.watchTree(root.standardizedFileURL.path)
            }
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [weak self] in self?.drain() }
        source.setCancelHandler { [descriptor] in close(descriptor) }
        self.source = source
        source.resume()
    }

    /// Folders currently watched.
    var watchedFolderCount: Int { queue.sync { folders.count } }

    /// Stops watching and closes the descriptor.
    func stop() {
        queue.sync {
            source?.cancel()
            source = nil
        }
    }

    deinit { source?.cancel() }

    /// Adds a watch for `path` and every folder below it.
    private func watchTree(_ path: String) throws {
        try watch(path)
        guard let enumerator = FileManager.default.enumerator(
            at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey],
            options: [.skipsHiddenFiles])
        else { return }
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isDirectory == true, values?.isSymbolicLink != true { try watch(url.path) }
        }
    }

    private func watch(_ path: String) throws {
        let wd = inotify_add_watch(descriptor, path, Self.mask)
        guard wd >= 0 else {
            let why = errno == ENOSPC
                ? "the inotify watch limit is reached (hint: raise fs.inotify.max_user_watches)"
                : String(cString: strerror(errno))
            throw Failure(description: "cannot watch '\(path)': \(why)")
        }
        folders[wd] = path
    }

    /// Reads every pending event, then reports the batch.
    private func drain() {
        var changed: [String] = []
        let size = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, size) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            changed += parse(buffer[..<count])
        }
        if !changed.isEmpty { onChange(changed) }
    }

    /// Turns raw `inotify_event` records into changed paths, adding watches for new folders.
    private func parse(_ bytes: ArraySlice<UInt8>) -> [String] {
        var changed: [String] = []
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let (wd, mask, length) = bytes.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let base = offset - bytes.startIndex
                return (raw.loadUnaligned(fromByteOffset: base, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: base + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: base + 12, as: UInt32.self)))
            }
            let nameBytes = bytes[(offset + header)..<min(offset + header + length, bytes.endIndex)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += header + length

            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                changed.append(Self.overflowed)
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders.removeValue(forKey: wd)
                continue
            }
            guard let folder = folders[wd] else { continue }
            let path = name.isEmpty ? folder : folder + "/" + name
            if name.hasPrefix(".") { continue }
            let created = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)
            if mask & UInt32(IN_ISDIR) != 0, mask & created != 0 {
                try? watchTree(path)
            }
            changed.append(path)
        }
        return changed
    }
}
