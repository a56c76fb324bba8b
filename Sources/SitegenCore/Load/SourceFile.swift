import Foundation

/// A text file read from the project: its project-relative path and its text.
///
/// The text is valid UTF-8 with any byte order mark removed and CRLF line endings turned
/// into LF, so that every later stage counts lines the same way.
struct SourceFile: Equatable, Sendable {
    /// Project-relative path used in diagnostics, e.g. `Content/articles/budget.md`.
    var path: String
    /// The file's text.
    var text: String
    /// The file as it was read, so that a part of the text can be read again later; nil for
    /// text that did not come from a file (tests, fuzzing).
    var origin: Origin?

    init(path: String, text: String, origin: Origin? = nil) {
        self.path = path
        self.text = text
        self.origin = origin
    }

    /// The file a text was read from, as it was when read.
    struct Origin: Equatable, Sendable {
        /// The file's stamp, taken from the descriptor the text was read through; its path is
        /// where the file is on disk, and its size the number of bytes read.
        var stamp: FileStamp
        /// The offset of each CR of a CR LF pair in the file: two bytes there, one (LF) in the
        /// text. Empty for most files.
        var crlfOffsets: [Int] = []

        /// The origin of `bytes`, read from the file `stamp` describes.
        init(stamp: FileStamp, bytes: [UInt8]) {
            self.stamp = stamp
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, memchr(base, 13, buffer.count) != nil else { return }
                for index in buffer.indices.dropLast() where buffer[index] == 13 && buffer[index + 1] == 10 {
                    crlfOffsets.append(index)
                }
            }
        }

        /// Where the text's last `count` UTF-8 bytes are in the file. (A suffix, since the
        /// text differs from the file only in a byte order mark at its start and in its line
        /// ends, which `SourceFile.withLineFeeds` makes again from the file's bytes.)
        func slice(ofLast count: Int, path: String) -> FileSlice {
            var offset = stamp.size - count
            for pair in crlfOffsets.reversed() {  // each CR LF pair from `offset` on adds a byte
                guard pair >= offset else { break }
                offset -= 1
            }
            return FileSlice(path: path, stamp: stamp, offset: offset, count: stamp.size - offset)
        }
    }

    /// Decodes file bytes; returns the byte offset of the first invalid UTF-8 sequence on failure.
    static func decode(_ bytes: [UInt8]) -> Result<String, InvalidUTF8> {
        // Swift accepts exactly the sequences `firstInvalidUTF8Offset` accepts (a test checks
        // every short one), so the bytes are read once when they are valid.
        guard var text = String(validating: bytes, as: UTF8.self) else {
            return .failure(InvalidUTF8(byteOffset: firstInvalidUTF8Offset(in: bytes) ?? 0))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return .success(bytes.withUnsafeBytes { withLineFeeds(text, utf8: $0) })
    }

    /// `text` with CR LF and lone CR line ends turned into LF; `utf8`, the bytes it was
    /// decoded from, is searched for a CR first, since most files have none.
    static func withLineFeeds(_ text: String, utf8: UnsafeRawBufferPointer) -> String {
        guard let base = utf8.baseAddress, memchr(base, 13, utf8.count) != nil else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    struct InvalidUTF8: Error, Equatable { var byteOffset: Int }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence.
    static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if c < lo || c > hi { return i }
            }
            i += length
        }
        return nil
    }
}

extension String {
    /// The string split into lines on LF, keeping empty lines: what splitting at the character
    /// `"\n"` gives, found on the UTF-8 bytes. A line feed is a character of its own except
    /// after a carriage return (`"\r\n"` is one character, which that split does not cut).
    var lines: [Substring] {
        var text = self  // `withUTF8` may make a copy contiguous; a native string already is
        // The offsets of the line feeds that end lines.
        let breaks = text.withUTF8 { bytes -> [Int] in
            var breaks: [Int] = []
            for offset in bytes.indices where bytes[offset] == 10 && (offset == 0 || bytes[offset - 1] != 13) {
                breaks.append(offset)
            }
            return breaks
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for offset in breaks {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start...])
        return lines
    }
}
