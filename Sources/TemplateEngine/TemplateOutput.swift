/// The UTF-8 bytes a render writes, turned into one `String` at the end.
///
/// Appending bytes to an array is cheaper than appending to a `String`, which re-checks its
/// encoding flags on every append; the bytes all come from valid strings.
struct TemplateOutput {
    /// The UTF-8 bytes written so far; valid UTF-8, since they all come from strings.
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far. (The bytes are checked as UTF-8 once more here: this is the
    /// fastest public way to make a `String` of them.)
    var text: String {
        bytes.withUnsafeBufferPointer { written in
            String(unsafeUninitializedCapacity: written.count) { storage in
                _ = storage.initialize(fromContentsOf: written)
                return written.count
            }
        }
    }

    /// Whether the last byte written that is not a space or tab is a line feed, or none is:
    /// what Markdown escaping takes for the start of a line.
    var followsLineBreak: Bool { TemplateEscaping.followsLineBreak(bytes) }

    mutating func append(_ utf8: [UInt8]) {
        bytes.append(contentsOf: utf8)
    }

    mutating func append(_ utf8: ArraySlice<UInt8>) {
        bytes.append(contentsOf: utf8)
    }

    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
    }

    mutating func append(_ string: String) {
        // A native string's bytes are read in place; only another kind is copied first.
        if string.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) != nil { return }
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>, escaping: TemplateEscaping) {
        escaping.append(utf8, to: &bytes)
    }

    mutating func append(_ string: String, escaping: TemplateEscaping) {
        if string.utf8.withContiguousStorageIfAvailable({ escaping.append($0, to: &bytes) }) != nil { return }
        var string = string
        string.withUTF8 { escaping.append($0, to: &bytes) }
    }
}
