import Foundation

/// A text file read from the project: its project-relative path and its text.
///
/// The text is valid UTF-8 with any byte order mark removed and CRLF line endings turned
/// into LF, so that every later stage counts lines the same way.
struct SourceFile: Hashable, Sendable {
    /// Project-relative path used in diagnostics, e.g. `Content/articles/budget.md`.
    var path: String
    /// The file's text.
    var text: String

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes file bytes; returns the byte offset of the first invalid UTF-8 sequence on failure.
    static func decode(_ bytes: [UInt8]) -> Result<String, InvalidUTF8> {
        // Swift accepts exactly the sequences `firstInvalidUTF8Offset` accepts (a test checks
        // every short one), so the bytes are read once when they are valid.
        guard var text = String(validating: bytes, as: UTF8.self) else {
            return .failure(InvalidUTF8(byteOffset: firstInvalidUTF8Offset(in: bytes) ?? 0))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if bytes.withUnsafeBytes({ raw in raw.baseAddress.flatMap { memchr($0, 13, raw.count) } != nil }) {  // a CR
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text)
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
    /// The string split into lines on LF, keeping empty lines.
    var lines: [Substring] { split(separator: "\n", omittingEmptySubsequences: false) }
}
