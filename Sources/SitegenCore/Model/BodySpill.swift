import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary file for the bodies a build derives but does not keep in memory: past the
/// build's `KeptHTML.Budget`, a raw text's HTML and Markdown are written here once, as Parse
/// makes them, and read back whenever a page, a feed or the search index asks, and a Markdown
/// body's HTML is written here for its article's page to take (`ArticleBody`, `KeptHTML`). So
/// a large archive of raw texts holds no more of its bodies in memory than a Markdown archive
/// does (a Markdown body is read again from its own file instead), and no Markdown body is
/// parsed twice however large the archive.
///
/// The file is removed as soon as it is made (it has no name, and nothing is left behind even
/// by a killed build); it is closed when the last body that points into it goes. Threads
/// write to it at once: each reserves its range with one atomic addition, then writes there.
final class BodySpill: Sendable {
    private let descriptor: Int32
    private let end = Atomic<Int>(0)

    /// A spill in `folder`; nil when no file can be made there, and then bodies are kept in
    /// memory as before. (A build makes it in the project's `.sitegen/`, on the project's disk:
    /// the system's temporary folder may be memory itself, tmpfs.)
    init?(folder: String) {
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
            + Array("sitegen-bodies-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    /// A spill on an open descriptor, which it closes (tests: `/dev/full` for a full disk, a
    /// write-only file for one that cannot be read back).
    init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Bytes written so far.
    var size: Int { end.load(ordering: .relaxed) }

    /// Writes `texts` one after another; where each is, or nil when they could not all be
    /// written (a full disk): then the caller keeps them in memory.
    func write(_ texts: [String]) -> [Range<Int>]? {
        var texts = texts
        return write(count: texts.reduce(0) { $0 + $1.utf8.count }, parts: texts.count) { index, body in
            texts[index].withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// `write(_:)` of text given as UTF-8.
    func write(utf8 parts: [[UInt8]]) -> [Range<Int>]? {
        write(count: parts.reduce(0) { $0 + $1.count }, parts: parts.count) { index, body in
            parts[index].withUnsafeBytes(body)
        }
    }

    /// Writes `parts` parts of `count` bytes in all, each given to the closure by `part`.
    private func write(
        count: Int, parts: Int, part: (Int, (UnsafeRawBufferPointer) -> Bool) -> Bool
    ) -> [Range<Int>]? {
        var offset = end.wrappingAdd(count, ordering: .relaxed).oldValue
        var ranges: [Range<Int>] = []
        for index in 0..<parts {
            var length = 0
            let written = part(index) { bytes in
                length = bytes.count
                var done = 0
                while done < bytes.count {
                    let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { return false }
                    done += count
                }
                return true
            }
            guard written else { return nil }
            ranges.append(offset..<offset + length)
            offset += length
        }
        return ranges
    }

    /// The text written at `range`; nil when it cannot be read back.
    func read(_ range: Range<Int>) -> String? {
        readUTF8(range).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// The bytes written at `range`, as written (text from a String, so valid UTF-8); nil when
    /// they cannot be read back.
    func readUTF8(_ range: Range<Int>) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            while initialized < range.count {
                let count = pread(
                    descriptor, buffer.baseAddress! + initialized, range.count - initialized,
                    off_t(range.lowerBound + initialized))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failed = true
                    return
                }
                initialized += count
            }
        }
        return failed ? nil : bytes
    }
}
